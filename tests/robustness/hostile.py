"""A generator of hostile and malformed role documents, by class, to mix with the seeds.

Each :class:`Case` writes one entry (a file, a link, a FIFO or a small folder) into a folder. The classes
are the ones issue 12 found taking ``orgkg load`` down or hanging it: titles with no letters, values of
the wrong type, absurd nesting, alias bombs, text that makes backtracking patterns quadratic, odd file
system entries, bad bytes, and random mutations of the seed documents. Everything is deterministic
(mutations use a fixed seed), so a failure names a case that can be run again alone.
"""

from __future__ import annotations

import csv
import io
import os
import random
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path

__all__ = ["CLASSES", "Case", "cases"]

SEEDS = Path(__file__).resolve().parents[2] / "seeds"


@dataclass(frozen=True)
class Case:
    """One hostile entry: its class, its name in the folder, and how to make it."""

    cls: str
    name: str
    write: Callable[[Path], None]
    mixed: bool = True  # also part of the class's folder mixed with the seeds (False: alone only, for time)

    def make(self, folder: Path) -> Path:
        self.write(folder)
        return folder / self.name


def _text(name: str, content: str) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_text(content, encoding="utf-8")


def _bytes(name: str, content: bytes) -> Callable[[Path], None]:
    return lambda folder: (folder / name).write_bytes(content)


def _csv(rows: list[list[str]]) -> str:
    out = io.StringIO()
    csv.writer(out).writerows(rows)
    return out.getvalue()


def _job_family(body: str, title: str = "Hostile Family") -> str:
    return f"---\ntitle: {title}\n---\n\n## Engineering Manager\n\nThe Engineering Manager is a grade 8.\n\n{body}\n"


def _blueprint(title: str, body: str) -> str:
    return f"# {title}\n\n## Summary\n\nLeads SRE.\n\n{body}\n"


def _no_letters() -> Iterator[Case]:
    cls = "no-letter titles"
    yield Case(cls, "bang-title.yaml", _text("bang-title.yaml", 'title: "!!!"\nskills: [SLOs]\n'))
    yield Case(cls, "empty-h1.md", _text("empty-h1.md", "# \n\n## Skills\n\n- SLOs\n"))
    yield Case(cls, "bang-h1.md", _text("bang-h1.md", "# !!!\n\n## Skills\n\n- SLOs\n"))
    yield Case(cls, "symbols-h1.md", _text("symbols-h1.md", "# -- ** ++ --\n\nLeads.\n"))
    yield Case(cls, "bang-family.md", _text("bang-family.md", _job_family("Leads.", title='"???"')))
    yield Case(cls, "bang-catalog.txt", _text("bang-catalog.txt", "!!!: Role Blueprint, Skills\nLeads SRE.\n"))
    odd = "title: Odd Names Engineer\naliases: ['!!!', '']\nskills: ['###', '-']\nkpis: ['%%']\nreports_to: '!!!'\n"
    yield Case(cls, "bang-references.yaml", _text("bang-references.yaml", odd))
    yield Case(cls, "bang-roles.yaml", _text("bang-roles.yaml", "family: '***'\nroles:\n  - title: '...'\n"))


def _odd_values() -> Iterator[Case]:
    cls = "odd values"
    values = {
        "aliases-int": "title: Aliases Int Engineer\naliases: 5\n",
        "aliases-map": "title: Aliases Map Engineer\naliases: {a: 1}\n",
        "title-list": "title: [a, b]\n",
        "title-map": "title: {a: b}\n",
        "title-bool": "title: true\n",
        "grade-list": "title: Grade List Engineer\ngrade: [1]\n",
        "grade-huge": "title: Grade Huge Engineer\ngrade: 100000000000000000000000000000\n",
        "skills-int": "title: Skills Int Engineer\nskills: 5\n",
        "skills-nested": "title: Skills Nested Engineer\nskills: [[a, [b]], {name: [x]}]\n",
        "importance-odd": "title: Importance Engineer\nskills: [{name: SLOs, importance: .nan}]\n",
        "roles-scalar": "roles: 7\n",
        "roles-of-lists": "roles: [[1], [2]]\n",
        "top-list": "- a\n- b\n",
        "binary-tag": "title: Tagged Engineer\nsummary: !!binary aGVsbG8=\n",
        "timestamp": "title: 2001-12-14t21:59:43.10-05:00\n",
        "python-tag": "title: !!python/object/apply:os.system ['true']\n",
    }
    for name, text in values.items():
        yield Case(cls, f"{name}.yaml", _text(f"{name}.yaml", text))
    front = {
        "fm-aliases-int": "---\ntitle: FM Aliases Engineer\naliases: 5\n---\n# FM Aliases Engineer\n\nLeads.\n",
        "fm-aliases-map": "---\naliases: {a: [1, 2]}\n---\n# FM Map Engineer\n\nLeads.\n",
        "fm-title-list": "---\ntitle: [1, 2]\n---\n\nLeads.\n",
        "fm-grade-str": "---\ngrade: eight\n---\n# FM Grade Engineer\n\nLeads.\n",
        "fm-list": "---\n- 1\n- 2\n---\n# FM List Engineer\n\nLeads.\n",
        "fm-family-map": "---\nfamily: {x: y}\n---\n# FM Family Engineer\n\nLeads.\n",
        "jf-title-map": "---\ntitle: {x: y}\n---\n\n## Manager\n\nThe Manager is a grade 8.\n",
    }
    for name, text in front.items():
        yield Case(cls, f"{name}.md", _text(f"{name}.md", text))
    ragged = [  # a job catalog with rows short and long, no title, a totals row, a header twice
        ["Job Code", "Job Title", "Job Family", "Grade", "Reports To", "Required Skills"],
        ["R1", "Ragged Accountant"],
        ["R2", "", "Finance", "G5", "Ragged Accountant"],
        ["R3", "Ragged Controller", "Finance", "G" * 500, "Ragged Controller", "GAAP", "x", "y", "z", *["w"] * 200],
        ["", "Total", "", "", "", ""],
        ["Job Code", "Job Title", "Job Family", "Grade", "Reports To", "Required Skills"],
    ]
    yield Case(cls, "ragged-catalog.csv", _text("ragged-catalog.csv", _csv(ragged)))


def _nesting() -> Iterator[Case]:
    cls = "deep nesting"
    deep = 1000
    yield Case(cls, "deep-list.yaml", _text("deep-list.yaml", "title: Deep\nskills: " + "[" * deep + "]" * deep + "\n"))
    mapping = "title: Deep Map\nkpis: " + "{a: " * deep + "1" + "}" * deep + "\n"
    yield Case(cls, "deep-map.yaml", _text("deep-map.yaml", mapping))
    block = "title: Deep Block\nsummary:\n" + "".join("  " * i + "- \n" for i in range(1, 300))
    yield Case(cls, "deep-block.yaml", _text("deep-block.yaml", block))
    yield Case(cls, "deep-front.md", _text("deep-front.md", "---\ntitle: " + "[" * deep + "]" * deep + "\n---\n# X\n"))
    quotes = "> " * 5000 + "deep quote"
    yield Case(cls, "deep-quote.md", _text("deep-quote.md", _blueprint("Quote Engineer", quotes)))
    lists = "".join("  " * i + "- item\n" for i in range(500))
    yield Case(cls, "deep-lists.md", _text("deep-lists.md", _blueprint("Lists Engineer", "## Skills\n\n" + lists)))
    yield Case(cls, "deep-emphasis.md", _text("deep-emphasis.md", _blueprint("Emph Engineer", "*" * 20000 + "x")))
    yield Case(cls, "deep-brackets.md", _text("deep-brackets.md", _blueprint("Bracket Engineer", "[" * 20000 + "x")))
    json_ld = '<script type="application/ld+json">{"@type": "JobPosting", "skills": ' + "[" * 20000 + "]" * 20000 + "}"
    page = f"<html><head>{json_ld}</script></head><body><h1>Deep Posting Engineer</h1></body></html>"
    yield Case(cls, "deep-json-ld.html", _text("deep-json-ld.html", page))
    fragment = "<div>" * 20000 + "Run clusters" + "</div>" * 20000
    posting = f'{{"@type": "JobPosting", "title": "Deep Description Engineer", "description": "{fragment}"}}'
    yield Case(cls, "deep-description.jsonld", _text("deep-description.jsonld", posting))
    marked = '<div itemscope itemtype="http://schema.org/JobPosting"><h1 itemprop="title">Deep Marked Engineer</h1>'
    marked += '<div itemprop="description">' + "<div>" * 20000 + "Run clusters" + "</div>" * 20000 + "</div></div>"
    yield Case(cls, "deep-microdata.html", _text("deep-microdata.html", f"<html><body>{marked}</body></html>"))
    xml = "<?xml version='1.0'?>" + "<a>" * 20000 + "x" + "</a>" * 20000
    yield Case(cls, "deep.xml", _text("deep.xml", xml))
    html_in_xml = "<source><job><title>Deep Feed Engineer</title><description>" + "<div>" * 90
    html_in_xml += "Run clusters" + "</div>" * 90 + "</description><referencenumber>D1</referencenumber></job></source>"
    yield Case(cls, "deep-feed.xml", _text("deep-feed.xml", html_in_xml))
    parts = "".join(f'Content-Type: multipart/related; boundary="b{i}"\n\n--b{i}\n' for i in range(3000))
    archive = f"MIME-Version: 1.0\n{parts}Content-Type: text/html\n\n<h1>Deep Archive Engineer</h1>\n"
    yield Case(cls, "deep-archive.mht", _text("deep-archive.mht", archive))


def _laughs(depth: int = 9) -> str:
    lines = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for index in range(1, depth):
        name, previous = chr(ord("a") + index), chr(ord("a") + index - 1)
        lines.append(f"{name}: &{name} [" + ",".join([f"*{previous}"] * 9) + "]")
    return "\n".join(lines) + "\n"


def _bombs() -> Iterator[Case]:
    cls = "alias bombs"
    laughs = _laughs()
    yield Case(cls, "laughs-front.md", _text("laughs-front.md", f"---\n{laughs}title: *i\n---\n# Bomb\n\nLeads.\n"))
    yield Case(cls, "laughs-grade.md", _text("laughs-grade.md", f"---\n{laughs}grade: *i\n---\n# Grade Bomb\n\nx.\n"))
    yield Case(cls, "laughs-role.yaml", _text("laughs-role.yaml", f"{laughs}title: Laughs Engineer\nskills: *i\n"))
    yield Case(cls, "laughs-grade.yaml", _text("laughs-grade.yaml", f"{laughs}title: Bomb Grade\ngrade: *i\n"))
    many = "x: &x SRE\n" + "title: Aliased Engineer\nskills: [" + ", ".join(["*x"] * 5000) + "]\n"
    yield Case(cls, "many-aliases.yaml", _text("many-aliases.yaml", many))
    multi = "---\n".join(f"{laughs}title: Doc {i}\nskills: *e\n" for i in range(5))
    yield Case(cls, "laughs-multi.yaml", _text("laughs-multi.yaml", multi))
    entities = "".join(f'<!ENTITY l{i} "{f"&l{i - 1};" * 10 if i else "lol"}">' for i in range(10))
    xml = f'<?xml version="1.0"?>\n<!DOCTYPE s [{entities}]>\n<source><job><title>&l9;</title></job></source>\n'
    yield Case(cls, "laughs.xml", _text("laughs.xml", xml))
    external = '<?xml version="1.0"?>\n<!DOCTYPE s [<!ENTITY x SYSTEM "file:///etc/passwd">]>\n<s><t>&x;</t></s>\n'
    yield Case(cls, "external-entity.xml", _text("external-entity.xml", external))


# Text repeated in a heading, a list item, a paragraph, a label or front matter: each once made a pattern
# backtrack (quadratic or worse) before it was bounded.
_UNITS = {
    "manage-the": "manage the ",
    "next-step": "next step ",
    "sre": "SRE ",
    "reports-to": "reports to the ",
    "bracket": "[",
    "link": "[a](",
    "paren": "(a ",
    "shortcode": "{{< ",
    "anchor": "{#",
    "comment": "<!-- ",
    "tag": "<a ",
    "stars": "*a ",
    "bold": "**a ",
    "sentence": "e.g. A. ",
    "spaces": " \t",
    "grade": "is a grade ",
    "same": "same requirements ",
    "defined": "defined above for the ",
    "extends": "extends the Senior ",
    "our-values": "our values of ",
    "colon": "a: ",
    "blueprint": "X: Role Blueprint ",
    "grow-into": "Assistant Lead grows into a ",
    "staff-count": "3 x (x3 ",
    "criteria": "• E/D ✓ ",
    "post-terms": " - remote (m/w/d",
    "supervises": "Supervises two Staff and one ",
    "own-line": "This role reports to the CFO. ",
    "reporting-to": "Reporting to the ",
    "label-run": "Reports to: CFO | ",
}


def _backtracking() -> Iterator[Case]:
    cls = "backtracking text"
    counts = {"sre": 200_000, "next-step": 20_000, "manage-the": 10_000}
    for key, unit in _UNITS.items():
        times = counts.get(key, max(10_000, 100_000 // len(unit)))
        run = unit * times
        documents = {
            "item.md": _blueprint("Run Engineer", f"## Responsibilities\n\n- {run}"),
            "heading.md": f"# {run}\n\nLeads.\n\n## {run}\n\n- x\n",
            "family.md": _job_family(f"## Career Ladder\n\n{run}\n\n{run}"),
            "lines.txt": f"{run[:200]}: Role Blueprint\n" + (unit + "\n") * (times // 4),
            "label.md": _blueprint("Label Engineer", f"**Reports to:** {run}"),
            "yaml.yaml": f"title: YAML Engineer\nsummary: '{run.replace(chr(39), '')}'\n",
            "roles-section.md": f"# Tech Lead job description\n\n## Project roles\n\n### Assistant Lead\n\n{run}\n",
            "particulars.md": (
                f"# Job Description\n\n| Job title | {run} |\n|---|---|\n| Responsible for | {run} |\n"
                f"| Grade | {run} |\n\n| Criteria | Essential | Desirable |\n|---|---|---|\n| {run} | {run} | ✓ |\n"
            ),
            "catalog.csv": _csv([
                ["Job Code", "Job Title", "Job Family", "Grade", "Reports To", "Job Summary", "Required Skills"],
                [run, f"{run} Manager", run, run, run, run, run],
                ["F1", "Run Accountant", "Finance", "G5", run, run, run],
            ]),
        }
        for where, text in documents.items():
            name = f"bt-{key}-{where}"
            yield Case(cls, name, _text(name, text), mixed=where in ("item.md", "family.md"))
    # unclosed tags: each match of a page's main element or title must not scan to the page's end
    unclosed = "<html><body>" + '<div role="x" ' * 20000 + "<h1 " * 20000 + "<main><p>Runs payroll.</p></main></body>"
    yield Case(cls, "bt-unclosed-tags.html", _text("bt-unclosed-tags.html", unclosed))
    cell = "<p " * 50000
    yield Case(cls, "bt-unclosed-cell.csv", _text("bt-unclosed-cell.csv", f"Job Title,Description\nAnalyst,{cell}\n"))
    # a word processor's export (office_html): bold classes, title and list paragraphs that never close
    styled = (
        '<html><head><style>' + ".c1{font-weight:700}" * 5000 + '</style></head><body class="doc-content">'
        + '<span class="c1" ' * 20000 + '<p class="title" ' * 20000 + "<p class=MsoListParagraph>·<span " * 20000
        + "<p>Runs payroll.</p></body></html>"
    )
    yield Case(cls, "bt-office-export.html", _text("bt-office-export.html", styled))
    # lists never closed: pandoc's HTML reader doubled its time for each (html_repair balances them)
    lists = "<html><body>" + "<ul><li>Run payroll" * 40 + "<ol><li>Reconcile</ul>" * 40 + "</body></html>"
    yield Case(cls, "bt-unclosed-lists.html", _text("bt-unclosed-lists.html", lists))
    scripts = "<html><body><h1>Script Engineer</h1>" + "<p>x<script>var a = 1</script></p>" * 20000 + "</body></html>"
    yield Case(cls, "bt-many-scripts.html", _text("bt-many-scripts.html", scripts))
    in_a_cell = f"Job Title,Description\nAnalyst,{lists[12:-14]}\n"
    yield Case(cls, "bt-unclosed-lists.csv", _text("bt-unclosed-lists.csv", in_a_cell))
    many = "--b\nContent-Type: text/css\n\nx\n" * 50000
    many += "--b\nContent-Type: text/html\n\n<h1>Parts Engineer</h1>\n--b--\n"
    archive = f'MIME-Version: 1.0\nContent-Type: multipart/related; boundary="b"\n\n{many}'
    yield Case(cls, "bt-archive-parts.mht", _text("bt-archive-parts.mht", archive))
    shouted = "# " + "A" + "-" * 20000 + "A ENGINEER\n\n## Skills\n\n- Go\n"
    yield Case(cls, "bt-shouted-title.md", _text("bt-shouted-title.md", shouted))


def _fifo(name: str) -> Callable[[Path], None]:
    return lambda folder: os.mkfifo(folder / name)


def _link(name: str, target: str) -> Callable[[Path], None]:
    return lambda folder: os.symlink(target, folder / name)


def _sparse(name: str, size: int) -> Callable[[Path], None]:
    def write(folder: Path) -> None:
        with open(folder / name, "wb") as out:
            out.truncate(size)

    return write


def _with_sidecar(name: str, make_sidecar: Callable[[Path], None]) -> Callable[[Path], None]:
    """A good document whose ``<name>.orgkg.yaml`` hint is whatever ``make_sidecar`` puts there."""

    def write(folder: Path) -> None:
        (folder / name).write_text(_blueprint("Sidecar Engineer", "## Skills\n\n- SLOs"), encoding="utf-8")
        make_sidecar(folder / f"{name}.orgkg.yaml")

    return write


def _loop_folder(folder: Path) -> None:
    (folder / "loop").mkdir()
    os.symlink("..", folder / "loop" / "up")


def _file_system() -> Iterator[Case]:
    cls = "file system"
    yield Case(cls, "fifo.md", _fifo("fifo.md"))
    yield Case(cls, "zero.md", _link("zero.md", "/dev/zero"))
    yield Case(cls, "urandom.yaml", _link("urandom.yaml", "/dev/urandom"))
    yield Case(cls, "self-loop.md", _link("self-loop.md", "self-loop.md"))
    yield Case(cls, "dangling.md", _link("dangling.md", "no/such/target.md"))
    yield Case(cls, "here", _link("here", "."))
    yield Case(cls, "loop", _loop_folder)
    yield Case(cls, "huge-sparse.md", _sparse("huge-sparse.md", 11 * 1024 * 1024))
    yield Case(cls, "folder.md", lambda folder: (folder / "folder.md").mkdir())
    yield Case(cls, "fifo-sidecar.md", _with_sidecar("fifo-sidecar.md", os.mkfifo))
    yield Case(cls, "zero-sidecar.md", _with_sidecar("zero-sidecar.md", lambda path: os.symlink("/dev/zero", path)))


def _bad_bytes() -> Iterator[Case]:
    cls = "bad bytes"
    yield Case(cls, "empty.md", _bytes("empty.md", b""))
    yield Case(cls, "blank.yaml", _bytes("blank.yaml", b"  \n\t\n"))
    yield Case(cls, "nul.md", _bytes("nul.md", b"# Nul Engineer\n\x00\x01"))
    yield Case(cls, "latin1.md", _bytes("latin1.md", "# Caf\xe9 Engineer\n".encode("latin-1")))
    yield Case(cls, "utf16.md", _bytes("utf16.md", "# Wide Engineer\n\nLeads.\n".encode("utf-16")))
    yield Case(cls, "bom-crlf.md", _bytes("bom-crlf.md", b"\xef\xbb\xbf# Bom Engineer\r\n\r\nLeads SRE.\r\n"))
    yield Case(cls, "controls.md", _bytes("controls.md", b"# Ctl\x1b[31m Engineer\x7f\n\x0b\x0cLeads.\n"))
    yield Case(cls, "surrogates.yaml", _bytes("surrogates.yaml", b'title: "\\ud800 Engineer"\n'))
    yield Case(cls, "bidi.md", _text("bidi.md", "# \u202eReniGne\u202c \u200b\n\nLeads.\n"))


def _mutate(text: str, rng: random.Random) -> str:
    lines = text.split("\n")
    kind = rng.randrange(6)
    if kind == 0:  # cut the file anywhere
        return text[: rng.randrange(len(text) + 1)]
    if kind == 1:  # flip characters to punctuation that matters to YAML and Markdown
        chars = list(text)
        for _ in range(rng.randrange(1, 20)):
            chars[rng.randrange(len(chars))] = rng.choice("#*-:[]{}&!|>'\"\n\t%@`")
        return "".join(chars)
    if kind == 2:  # shuffle lines
        rng.shuffle(lines)
        return "\n".join(lines)
    if kind == 3:  # duplicate a block many times
        start = rng.randrange(len(lines))
        block = lines[start : start + rng.randrange(1, 8)]
        return "\n".join(lines[:start] + block * rng.randrange(2, 200) + lines[start:])
    if kind == 4:  # indent or dedent lines at random
        return "\n".join(("  " * rng.randrange(4) + line.lstrip()) if rng.random() < 0.3 else line for line in lines)
    return "\n".join(line for line in lines if rng.random() > 0.2)  # drop lines


def _mutations(count: int) -> Iterator[Case]:
    cls = "mutated seeds"
    rng = random.Random(12)
    seeds = sorted(p for p in SEEDS.rglob("*") if p.is_file() and "taxonomy" not in p.parts)
    for index in range(count):
        seed = rng.choice(seeds)
        mutated = _mutate(seed.read_text(encoding="utf-8"), rng)
        name = f"mut-{index:03d}-{seed.name}"
        yield Case(cls, name, _text(name, mutated))


CLASSES = (
    "no-letter titles",
    "odd values",
    "deep nesting",
    "alias bombs",
    "backtracking text",
    "file system",
    "bad bytes",
    "mutated seeds",
)


def cases(mutations: int = 200) -> list[Case]:
    """Every hostile case, class by class; ``mutations`` random mutations of the seeds at the end."""
    return [
        *_no_letters(),
        *_odd_values(),
        *_nesting(),
        *_bombs(),
        *_backtracking(),
        *_file_system(),
        *_bad_bytes(),
        *_mutations(mutations),
    ]
