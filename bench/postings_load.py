"""A JSON-LD feed of 1,000 and of 10,000 schema.org job postings — a careers site's whole board in one
file — loaded and built (documents → snapshot), beside a bare ``json.loads`` of the same bytes.

Run ``python -m bench.postings_load`` (``BENCH_ONLY=postings_load make bench``). Every posting's
description is HTML, read by pandoc: the feed's fragments are read in runs of ``CHUNK_BYTES`` (pandoc's
HTML reader slows down more than in proportion on one long input), so the load stays linear in the
postings. Prints medians (3 runs at 1,000 postings, 1 at 10,000) and the growth for 10× the postings
(target ≤ 11×); asserts nothing.
"""

from __future__ import annotations

import json
import random

from bench.catalog_load import AREAS, FAMILIES, LEVELS, one_file_bench

SIZES = (1000, 10000)


def feed(postings: int, seed: int = 5) -> bytes:
    """A deterministic feed in an ``@graph``: titles from the catalog's families, levels and areas (a title
    posted again in another area is the same role), each with an HTML description, skills as text and as
    ``DefinedTerm`` nodes, and an experience requirement."""
    rng = random.Random(seed)
    families = list(FAMILIES)
    graph = []
    for number in range(postings):
        family = families[number % len(families)]
        noun, skills = FAMILIES[family]
        area = AREAS[(number // len(families)) % len(AREAS)]
        title = f"{rng.choice(LEVELS)} {noun}, {area} {number // 100 + 1}".replace("  ", " ").strip()
        duties = "".join(f"<li>Own {skill.lower()} for the {area} team</li>" for skill in rng.sample(skills, 2))
        graph.append({
            "@type": "JobPosting",
            "title": title,
            "identifier": {"@type": "PropertyValue", "value": f"{family[:3].upper()}-{number}"},
            "datePosted": "2026-11-01",
            "hiringOrganization": {"@type": "Organization", "name": "Northwind"},
            "description": f"<p>Join the {family} team in {area}.</p><h3>What you will do</h3><ul>{duties}</ul>",
            "skills": [{"@type": "DefinedTerm", "name": skill} for skill in rng.sample(skills, 2)],
            "experienceRequirements": {"@type": "OccupationalExperienceRequirements", "monthsOfExperience": 36},
        })  # fmt: skip
    return json.dumps({"@context": "https://schema.org", "@graph": graph}, indent=1).encode()


def main() -> None:
    one_file_bench("postings", "one JSON-LD feed of job postings", feed, "feed.jsonld", json.loads, "json.loads")


if __name__ == "__main__":
    main()
