"""Layout interpreters: where the roles are in a ``DocumentOutline``, whatever format it came from.

``interpret(outline)`` picks the layout from the outline's shape (or a hint) and returns the roles:

* ``ladder`` — one role per level section, table row or data record, in the document's order, with
  stated promotions (``loaders.layouts.ladder``);
* ``multi-role`` — several role headings on one page, each with its own lists;
* ``matrix`` — a table with levels on one axis and competencies on the other (``loaders.layouts.matrix``);
* ``framework`` — levels and criteria in structured data or front matter (``loaders.layouts.framework``);
* ``job-catalog`` — one role per row of a table whose columns say what each role is: code, title, family,
  level, grade, reporting line, summary, skills (``loaders.layouts.job_catalog``);
* ``single-role`` — the title (or first heading) is the role.

A hint overrides the guess: front matter ``orgkg: {layout: ladder, family: Backend}`` (or the same
keys in a ``<file>.orgkg.yaml`` sidecar, which the loader puts into the outline's metadata).
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection
from pathlib import PurePosixPath
from typing import Any

from graph.model import Evidence, LoadProblem, ParsedRole, Section, SectionKind
from loaders.base import ParseOutcome
from loaders.document import Block, DocumentOutline, Location
from loaders.labels import PLACE_LABELS, label_key, role_field
from loaders.layouts import framework, job_catalog, matrix
from loaders.layouts.described import described_roles, read_described
from loaders.layouts.fill import fill_role
from loaders.layouts.ladder import ladder_name, ladder_runs, level_title, link_ladder, stem_name, track_of
from loaders.layouts.particulars import stated_title
from loaders.layouts.roles import (
    Found,
    TrackRole,
    clean_title,
    find_roles,
    grouped_table,
    heading_roles,
    page_role,
    track_table,
)
from loaders.layouts.tracks import read_tracks, track_mentions
from loaders.role_titles import decorated_title, is_generic_level, level_name, looks_like_role, role_like_headings
from loaders.text import classify_heading, drop_places, drop_post_terms

__all__ = ["LAYOUTS", "describes_one_role", "detect", "hints", "interpret", "page_title"]

_DESCRIPTION = re.compile(
    r"\s*[-–—:]?\s*\b(?:(?:project\s+)?role|job|position)\s+(?:descripti\w*|profile|blueprint)$", re.I
)

LAYOUTS = ("ladder", "multi-role", "matrix", "framework", "job-catalog", "single-role")


def hints(outline: DocumentOutline) -> dict[str, Any]:
    """The ``orgkg:`` mapping of the front matter or sidecar (``layout``, ``family``, ``title``), if any."""
    value = outline.meta.get("orgkg")
    return dict(value) if isinstance(value, dict) else {}


def detect(outline: DocumentOutline) -> str:
    """The layout of an outline: a hint first, then a job catalog, data, matrix tables, role headings, the title.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> detect(read_markdown("# Ladder\\n\\n## Junior Developer\\n\\n## Senior Developer\\n", "l.md"))
    'ladder'
    >>> detect(read_markdown("# Roles\\n\\n## Engineering Manager\\n\\n## Technical Leader\\n", "r.md"))
    'multi-role'
    >>> detect(read_markdown("# SRE Manager\\n\\n## Skills\\n\\n- SLOs\\n", "s.md"))
    'single-role'
    """
    return _detect(outline)[0]


def _detect(outline: DocumentOutline) -> tuple[str, list[job_catalog.Catalog] | None]:
    """The layout of :func:`detect`, and the job catalogs it found (None when it did not look for them),
    so that reading them does not look again."""
    hinted = hints(outline).get("layout")
    if isinstance(hinted, str) and hinted in LAYOUTS:
        return hinted, None
    catalogs = job_catalog.find_catalogs(outline)
    if any(catalog.kind == "catalog" for catalog in catalogs):
        return "job-catalog", catalogs
    tracked = bool(catalogs) and bool(track_table(outline) or grouped_table(outline))
    if catalogs and not tracked:  # tables of roles and their fields only
        return ("ladder" if all(catalog.kind == "ladder" for catalog in catalogs) else "job-catalog"), catalogs
    if framework.find_framework(outline) is not None:
        return "framework", catalogs
    if tracked or track_table(outline) or grouped_table(outline):
        return "ladder", catalogs
    found = find_roles(outline)
    from_table = found is not None and all(spot.heading is None for spot in found.spots)
    if (found is None or not found.levelled or from_table) and matrix.find_matrices(outline):
        return "matrix", catalogs
    if found is None:
        return "single-role", catalogs
    if found.levelled:
        return "ladder", catalogs
    return "multi-role", catalogs


def interpret(outline: DocumentOutline, layout: str | None = None) -> ParseOutcome:
    """The roles of ``outline`` read with ``layout`` (detected when not given); ``outcome.layout`` names it.

    Examples
    --------
    >>> from loaders.readers.markdown import read_markdown
    >>> doc = read_markdown("# Requirements\\n\\n## Junior\\n\\nHelp Junior developers.\\n\\n## Senior\\n", "r.md")
    >>> outcome = interpret(doc)
    >>> outcome.layout, [(r.title, r.level, [p.title for p in r.promotes_to]) for r in outcome.roles]
    ('ladder', [('Junior Developer', 'Junior', ['Senior Developer']), ('Senior Developer', 'Senior', [])])
    >>> outcome.roles[0].promotes_to[0].at.evidence
    'Level order in r.md: Junior Developer → Senior Developer'
    """
    layout, catalogs = (layout, None) if layout else _detect(outline)
    hint = hints(outline)
    family = _text(hint.get("family")) or _text(outline.meta.get("family"))
    outcome = ParseOutcome(family=family, problems=list(outline.problems), layout=layout)
    if layout == "framework":
        outcome.roles = framework.framework_roles(outline, family or _text(hint.get("title")))
    elif layout == "matrix":
        outcome.roles = matrix.matrix_roles(outline, family)
    elif layout == "job-catalog":
        outcome.roles = job_catalog.catalog_roles(outline, outcome.problems, catalogs)
        _fill_page_role(outline, outcome.roles)
    elif layout == "ladder" and (tracks := track_table(outline) or grouped_table(outline)):
        outcome.roles = _track_roles(outline, tracks)
        matrix.attach(outcome.roles, outline)
    elif layout == "ladder" and (ladders := _ladder_tables(outline, catalogs)):
        for ladder in ladders:  # each table its own ladder (a workbook's sheet per family)
            steps = job_catalog.catalog_roles(outline, outcome.problems, [ladder])
            up = steps[::-1] if ladder.descending else steps  # promotions go up the levels
            link_ladder(up, [""] * len(up), outline.source, PurePosixPath(outline.source).name)
            outcome.roles += steps
        _fill_page_role(outline, outcome.roles)
    elif layout in ("ladder", "multi-role"):
        found = _found_roles(outline, layout, hint)
        outcome.roles = _section_roles(outline, found, layout == "ladder", family) if found else []
    if not outcome.roles:
        outcome.roles = _single_role(outline, _text(hint.get("title")), outcome.problems)
        if outcome.roles and layout != "single-role":
            message = f"no {layout} layout found; read as one role"
            outcome.problems.append(LoadProblem(path=outline.source, message=message, severity="warning"))
        outcome.layout = "single-role"
    for role in outcome.roles:
        role.family = role.family or family
        if outcome.layout in ("ladder", "matrix", "framework"):
            _scope_level_name(role, outline)
    if outcome.layout in ("ladder", "matrix", "framework"):
        read_tracks(outline, outcome.roles)
    ladders = {_key(role.ladder) for role in outcome.roles if role.ladder}
    # a heading that names the ladder ("Data Engineer levels") is no role the reader missed
    headings = (
        (block.text, block.at.line)
        for _, block in outline.headings()
        if not any(f" {name} " in f" {_key(block.text)} " for name in ladders)
    )
    outcome.problems += role_like_headings(headings, outcome.roles, outline.source)
    return outcome


_TITLE_SEGMENTS = re.compile(r"\s+[-–—|·•:]\s+|\s*\|\s*")


def _heading_in_title(outline: DocumentOutline) -> str | None:
    """The page's first heading when it is one part of the page's title as a site writes it ("Acme - Senior
    Backend Engineer", "Senior Backend Engineer | Careers"): the role, without the site's name.

    Examples
    --------
    >>> from loaders.document import Block
    >>> page = DocumentOutline(source="j.html", format="html", title="Acme - Senior Backend Engineer",
    ...                        blocks=[Block(kind="heading", text="Senior Backend Engineer", at=Location(), level=2)])
    >>> _heading_in_title(page)
    'Senior Backend Engineer'
    """
    if not outline.title:
        return None
    first = next((block.text for _, block in outline.headings()), None)
    parts = {part.strip().casefold() for part in _TITLE_SEGMENTS.split(outline.title)}
    return first if first and len(parts) > 1 and first.strip().casefold() in parts else None


def _fill_page_role(outline: DocumentOutline, roles: list[ParsedRole]) -> None:
    """On one role's page whose table shows the ladder it sits in ("# Senior Data Engineer" with a "Career
    path" table), the page's own sections are that role's."""
    title = page_role(outline)
    role = next((r for r in roles if title and r.title.casefold() == title.casefold()), None)
    if role is None:
        return
    first = next((i for i, block in outline.headings() if block.level == 1), None)
    blocks = [b for i, b in enumerate(outline.blocks) if b.kind != "table" and i != first]
    fill_role(role, blocks, role.title)


def _ladder_tables(outline: DocumentOutline, catalogs: list[job_catalog.Catalog] | None) -> list[job_catalog.Catalog]:
    """The tables of roles in level order, when they are all the document's tables of roles (the caller has
    found no track table or grouped ladder)."""
    found = job_catalog.find_catalogs(outline) if catalogs is None else catalogs
    return found if found and all(catalog.kind == "ladder" for catalog in found) else []


def _found_roles(outline: DocumentOutline, layout: str, hint: dict[str, Any]) -> Found | None:
    """The role headings of a page: those its reader names (``meta["role_headings"]``, the heading level of
    a feed's postings) for a list of roles, else those the page's headings show (the hinted layout: the
    largest group of sibling headings, when none looks like a role)."""
    level = outline.meta.get("role_headings")
    if layout == "multi-role" and isinstance(level, int):
        return heading_roles(outline, level)
    return find_roles(outline) or (find_roles(outline, force=True) if hint.get("layout") == layout else None)


def _key(text: str) -> str:
    return " ".join(re.findall(r"\w+", text.casefold()))


def _scope_level_name(role: ParsedRole, outline: DocumentOutline) -> None:
    """A generic level name ("Senior", "L3") the title was made from is an alias inside the role's ladder only."""
    level = role.level
    if not level or not is_generic_level(level) or _key(level) == _key(role.title):
        return
    if all(_key(level) != _key(a) for a in role.level_aliases):
        role.level_aliases.append(level)
    role.ladder = role.ladder or role.family or outline.title or stem_name(outline.source)


def _text(value: object) -> str | None:
    return str(value).strip() if isinstance(value, str | int) and str(value).strip() else None


# A title column's header that names what the column holds, not a job family ("Job title", "Track A").
_GENERIC_COLUMN_HEADER = re.compile(r"\b(?:titles?|roles?|positions?|jobs?|levels?|ladders?|tracks?)\b", re.I)
_SITE_SUFFIX = re.compile(r"\s+[|–—]\s+.*$|\s+-\s+(?:join|careers?|jobs?)\b.*$", re.I)
# In a heading or a "Job title" label a dash or bar part is the role's own ("Engineering Manager – Payments"),
# unless it is the careers site's name.
_CAREERS_SUFFIX = re.compile(r"\s+[-|–—]\s+(?:join|careers?|jobs?)\b.*$", re.I)
_ORG_PREFIX = re.compile(r"^[^:]{1,30}:\s+(?=\S)")
_PAY_GRADE = re.compile(r"\s+(?P<grade>[A-Z]{1,3}-?\d{1,2})$")


def page_title(title: str, *, site: bool = True) -> tuple[str, str | None]:
    """A page title as a role title and the pay grade it ends with, if any.

    Drops a site suffix (``| Join TTS``; with ``site`` false, the title is a heading's or a label's and
    only a careers site's name goes: ``- Careers at Acme``) and an organisation prefix (``18F:``) when
    what remains reads as a role.

    Examples
    --------
    >>> page_title("18F: Engineering Director GS15 | Join the Technology Transformation Services")
    ('Engineering Director', 'GS15')
    >>> page_title("Tech Lead (TL)")
    ('Tech Lead (TL)', None)
    >>> page_title("Engineering Manager – Payments", site=False), page_title("Engineering Manager – Payments")
    (('Engineering Manager – Payments', None), ('Engineering Manager', None))
    """
    text = (_SITE_SUFFIX if site else _CAREERS_SUFFIX).sub("", " ".join(title.split()))
    grade = _PAY_GRADE.search(text)
    if grade and looks_like_role(text[: grade.start()]):
        text = text[: grade.start()]
    else:
        grade = None
    unprefixed = _ORG_PREFIX.sub("", text)
    if unprefixed != text and looks_like_role(unprefixed):
        text = unprefixed
    return text, grade.group("grade") if grade else None


def describes_one_role(title: str) -> bool:
    """Whether a page title says it describes one role (``Tech Lead project role description``)."""
    return bool(_DESCRIPTION.search(title))


def _shown_title(title: str, *, site: bool = False, places: Collection[str] = ()) -> tuple[str, str | None]:
    """A heading's, a "Job title" label's or (``site``) the page's title as the role's title, without the
    terms of the post ("(Remote)", "- Full-time") or one of the ``places`` the page says it is in
    ("Product Designer – Berlin" of a page whose "Location:" is Berlin), and the pay grade it ends with."""
    shown, grade = page_title(title, site=site)
    return clean_title(drop_places(drop_post_terms(shown), places)).strip(" -–—:"), grade


def _stated_places(blocks: list[Block]) -> list[str]:
    """The places a page's particulars give the post ("Location: Berlin, Germany")."""
    return [b.value for b in blocks if b.kind == "label" and b.value and label_key(b.label or "") in PLACE_LABELS]


def _single_role(outline: DocumentOutline, title: str | None, problems: list[LoadProblem]) -> list[ParsedRole]:
    h1 = next((b.text for _, b in outline.headings() if b.level == 1), None)
    stated = stated_title(outline.blocks)
    heading = title or h1 or _heading_in_title(outline)
    title = heading or outline.title
    if not title and stated is not None and stated.value:
        # a job description that opens with its particulars ("Job title: …", "Department: …"): its first
        # heading is its first section's ("Key responsibilities"), no title, and the particulars are read
        title = stated.value
    title = title or next((b.text for _, b in outline.headings()), None)
    if not title:
        return []
    at = next((b.at for _, b in outline.headings() if b.text == title), None)
    at = at or (stated.at if stated is not None and stated.value == title else Location(line=1))
    start = next((i + 1 for i, b in outline.headings() if b.text == title), 0)
    places = _stated_places(outline.blocks)
    shown, level = _shown_title(title, site=heading is None and title == outline.title, places=places)
    shown = shown or title
    aliases = []
    named, grade = _shown_title(stated.value or "", places=places) if stated is not None else ("", None)
    if stated is not None and named and _key(named) != _key(shown):
        # "Job title: Senior Data Analyst" under "Job Description", the team's name, or another name of the role
        if looks_like_role(shown):
            aliases.append(shown)
        shown, at, level = named, stated.at, grade or level
    elif shown != " ".join(title.split()):  # reported like the loader's title grammar reports what it drops
        problems.append(decorated_title(outline.source, at, title, shown))
    role = ParsedRole(
        title=shown, source=outline.source, line=at.line, **at.beyond_line, level=level, aliases=aliases
    )
    described = read_described(outline, role, title, described_roles(outline, start))
    own = [block for index, block in enumerate(outline.blocks[start:], start) if index not in described.blocks]
    fill_role(role, own, role.title)
    return [role, *described.roles]


def _section_roles(outline: DocumentOutline, found: Found, ladder: bool, family: str | None) -> list[ParsedRole]:
    families = _group_families(outline, found)
    tracks = _group_tracks(outline, found)
    names = [spot.name for spot in found.spots]
    generic = [level_name(n) for n in names]
    levels: dict[int | None, list[str]] = {spot.group: [] for spot in found.spots}
    for level, spot in zip(generic, found.spots, strict=True):
        if level:
            levels[spot.group].append(level[0])
    ladder_of = {
        group: ladder_name(outline, its_levels, families.get(group) or family) if its_levels else ""
        for group, its_levels in levels.items()
    }
    named = [g[1] if g and g[1] else None for g in generic]
    repeated = Counter(named)
    roles: list[ParsedRole] = []
    texts: list[str] = []
    for spot, level, own in zip(found.spots, generic, named, strict=True):
        if level and own:
            title = own if repeated[own] == 1 else f"{own} ({level[0]})"
        elif level:
            title = level_title(level[0], ladder_of[spot.group])
        else:
            title = spot.name
        place = {"line": spot.at.line, **spot.at.beyond_line}
        role = ParsedRole(
            title=title, source=outline.source, **place, ladder=ladder_of[spot.group] or None,
            family=families.get(spot.group),
        )  # fmt: skip
        if level:
            role.level = level[0]
        elif ladder and spot.name != title:
            role.aliases.append(spot.name)
        if spot.group in tracks:
            role.track, role.track_at = tracks[spot.group]
        fill_role(role, spot.blocks, title)
        for header, value in spot.cells.items():
            text = " ".join(value.split())
            if role_field(header):  # a level or grade column: the role's, as a particulars label says it
                label = Block(kind="label", text=f"{header}: {text}", at=spot.at, label=header, value=text)
                fill_role(role, [label], title, SectionKind.CAREER)
                continue
            places = [spot.at] if spot.at.beyond_line else []
            role.sections.append(
                Section(name=header, kind=classify_heading(header), text=text, line=spot.at.line, places=places)
            )
        for heading, blocks in found.shared:
            fill_role(role, blocks, heading.text, classify_heading(heading.text))
        role.summary = role.summary or " ".join(s.text for s in role.sections if s.kind is SectionKind.SUMMARY)
        roles.append(role)
        texts.append("\n".join(b.text for b in spot.blocks if b.kind in ("paragraph", "item", "label")))
    kept = _merge_same_titles(roles)
    if ladder:
        _link_groups(outline, found, roles, texts, kept, apart=families.keys() | tracks.keys())
    return kept


def _link_groups(
    outline: DocumentOutline,
    found: Found,
    roles: list[ParsedRole],
    texts: list[str],
    merged: list[ParsedRole],
    apart: Collection[int | None],
) -> None:
    """The stated promotions of the roles that are a ladder's levels (all of them, when a hint says the page is
    a ladder): the page's order, of each role's levels where it holds several roles' (``roles`` and their
    ``texts`` in the order of ``found.spots``; ``merged``, the roles a repeated title is one of). A group
    under a family's or a track's heading (``apart``) is a ladder of its own; other groups ("Entry levels",
    "Senior levels") are parts of the page's one."""
    kept = {role.title.lower(): role for role in merged}
    spots = found.spots
    off = {role.title.lower() for role, spot in zip(roles, spots, strict=True) if spot.heading in found.off_ladder}
    linked = found.ladders or {spot.group for spot in spots}
    ladders: dict[int | None, dict[str, tuple[ParsedRole, str]]] = {}
    for role, text, spot in zip(roles, texts, spots, strict=True):
        key = role.title.lower()
        if spot.group in linked and key not in off:
            ladder = spot.group if spot.group in apart else None
            ladders.setdefault(ladder, {}).setdefault(key, (kept[key], text))
    for steps in ladders.values():
        chain = list(steps.values())
        for run in ladder_runs([role.title for role, _ in chain]):
            link_ladder(
                [chain[i][0] for i in run], [chain[i][1] for i in run], outline.source,
                PurePosixPath(outline.source).name,
            )  # fmt: skip


def _group_families(outline: DocumentOutline, found: Found) -> dict[int | None, str]:
    """On a page of families (each a heading over its roles), the family each group's heading names."""
    groups = {spot.group for spot in found.spots}
    if len(groups) < 2:
        return {}
    families = {}
    for group in groups - {None}:
        name = _FAMILY_HEAD.sub("", _FAMILY_TAIL.sub("", clean_title(outline.blocks[group].text)))
        if name and track_of(name) is None and not _GROUP_WORDS.search(name):
            families[group] = name
    return families


_FAMILY_HEAD = re.compile(r"^(?:(?:job\s+)?famil(?:y|ies)|department|function|team)\s*[:–—-]\s*", re.I)
_FAMILY_TAIL = re.compile(r"\s+(?:job\s+famil(?:y|ies)|famil(?:y|ies)|roles?|jobs?|positions?|team|department)$", re.I)
_GROUP_WORDS = re.compile(r"\b(?:levels?|ladders?|tracks?|paths?|progression|grades?)\b", re.I)


def _group_tracks(outline: DocumentOutline, found: Found) -> dict[int | None, tuple[str, Evidence]]:
    """The track each group's heading names ("Management track", "IC path"), as the heading states it; a
    heading that names a role ("Product Manager ladder") names none."""
    tracks = {}
    for group in {spot.group for spot in found.spots} - {None}:
        heading = clean_title(outline.blocks[group].text)
        mentions = [m for m in track_mentions(heading) if not m.negated]
        if len(mentions) == 1 and heading[: mentions[0].start].strip().lower() in ("", "the"):
            evidence = f"The roles under the heading {heading!r} are on its track"
            at = Evidence.at(outline.source, outline.blocks[group].at, evidence, method="stated")
            tracks[group] = (mentions[0].track, at)
    return tracks


def _merge_same_titles(roles: list[ParsedRole]) -> list[ParsedRole]:
    kept: dict[str, ParsedRole] = {}
    for role in roles:
        other = kept.get(role.title.lower())
        if other is None:
            kept[role.title.lower()] = role
        else:
            other.sections += role.sections
            other.skills += role.skills
            other.kpis += role.kpis
    return list(kept.values())


def _track_roles(outline: DocumentOutline, tracks: list[list[TrackRole]]) -> list[ParsedRole]:
    """One role per cell of each track column; each track's order is its own ladder, and a column headed
    by a name that is no track (``Finance``) is that job family's."""
    roles: dict[str, ParsedRole] = {}  # a title in several tracks is one role with each track's steps
    for number, track in enumerate(tracks, start=1):
        ladder = []
        for spot in track:
            if spot.title.lower() not in roles:
                kind = track_of(spot.track) if spot.track else None
                name = clean_title(spot.track or "") or f"track {number}"
                place = {"line": spot.at.line, **spot.at.beyond_line}
                # a column headed by no track ("Finance" beside "People") is a job family's ladder
                family = name if kind is None and spot.track and not _GENERIC_COLUMN_HEADER.search(name) else None
                new = ParsedRole(
                    title=spot.title, source=outline.source, **place, level=spot.level, grade=spot.grade,
                    track=kind, ladder=name, family=family,
                )
                if kind:
                    header = f"{spot.title} is in the {name!r} column"
                    new.track_at = Evidence.at(outline.source, spot.at, header, method="stated")
                roles[spot.title.lower()] = new
            role = roles[spot.title.lower()]
            ladder.append(role)
        link_ladder(ladder, [""] * len(ladder), outline.source, PurePosixPath(outline.source).name)
    for role in roles.values():
        role.promotes_to = list({ref.title.lower(): ref for ref in reversed(role.promotes_to)}.values())[::-1]
    return list(roles.values())
