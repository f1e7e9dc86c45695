"""One Markdown handbook page of 1,000 and of 10,000 roles — a ``#`` heading per role with its summary,
sections and reporting line, as a wiki keeps a whole role library on one page — loaded and built
(documents → snapshot), beside a bare markdown-it-py parse of the same bytes.

Run ``python -m bench.handbook_load`` (``BENCH_ONLY=handbook_load make bench``). Every per-role step of
the Markdown loaders must find its own blocks and headings without scanning the page's: a scan per role
made 6,000 roles take 12.6 s where 600 took 0.24 s, and a ladder step whose evidence was the whole
level order made 10,000 roles take 101 s and 20 GB. Prints medians (3 runs at 1,000 roles, 1 at 10,000)
and the growth for 10× the roles (target ≤ 11×); asserts nothing.
"""

from __future__ import annotations

import random

from markdown_it import MarkdownIt

from bench.catalog_load import job, one_file_bench

__all__ = ["handbook", "main"]


def handbook(roles: int, seed: int = 3) -> bytes:
    """A deterministic page: per role a ``#`` title, a summary, responsibilities, skills and a reporting line
    (to the area's manager, itself a role of the page, or to a head of the family outside it)."""
    rng = random.Random(seed)
    parts = []
    for number in range(roles):
        family, _noun, skills, area, _rung, title, manager = job(number)
        chosen = rng.sample(skills, 2)
        parts.append(
            f"# {title}\n\nOwns {chosen[0].lower()} for {area} and works with the {family.lower()} leads.\n\n"
            f"## Responsibilities\n\n- Run {chosen[1].lower()} for the {area} team\n- Report on progress monthly\n\n"
            f"## Skills\n\n- {chosen[0]}\n- {chosen[1]}\n\n**Reports to:** {manager}\n"
        )
    return "\n".join(parts).encode()


_MARKDOWN = MarkdownIt("commonmark").enable("table")


def main() -> None:
    one_file_bench(
        "roles", "one Markdown handbook page", handbook, "handbook.md", lambda data: _MARKDOWN.parse(data.decode()),
        "markdown-it parse",
    )


if __name__ == "__main__":
    main()
