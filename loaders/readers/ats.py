"""Job exports of applicant tracking systems — the JSON their job-board APIs return and careers sites
are built from, and the XML job feeds they publish (read into data by :mod:`loaders.readers.xmldata`) — as
postings (:class:`~loaders.readers.jobposting.PostingFields`), read like schema.org
postings: each job a role with its title, job code, department, description and the parts the system
keeps apart.

========================  =================================================================================
export                    read
========================  =================================================================================
Greenhouse job board      ``jobs[]``: ``title``; ``requisition_id`` (job code); the most specific of
                          ``departments``; custom ``metadata`` named as a role field ("Job Family",
                          "Level"); ``content`` (HTML, escaped by the API)
Lever postings            a list: ``text`` (title); ``categories.team`` (else ``department``);
                          ``categories.level``; ``reqCode``; ``description`` (else ``descriptionPlain``);
                          each of ``lists`` as a section headed by its ``text``
Ashby job board           ``jobs[]``: ``title``; ``team`` (else ``department``); ``descriptionHtml`` (else
                          ``descriptionPlain``)
Workable                  ``jobs[]`` (or one job): ``title``; ``code``; ``department``; ``description``,
                          ``requirements``, ``education``
SmartRecruiters posting   ``name`` (title); ``refNumber``; ``department.label``; the ``jobAd`` sections
                          about the job (``jobDescription``, ``qualifications``) under their titles
Recruitee offers          ``offers[]``: ``title``; ``department``; ``description``, ``requirements``
Personio XML feed         ``position``: ``name`` (title); ``department``; each ``jobDescription`` (its
                          ``name`` the heading, its ``value`` HTML)
Indeed-format XML feed    ``job``: ``title``; ``referencenumber`` (else ``requisitionid``); ``description``,
                          ``education``, ``experience``
Workday job postings      each ``jobPostingInfo``: ``title``; ``jobReqId``; ``jobDescription``
Teamtailor (JSON:API)     ``data[]`` of type ``jobs``: ``attributes.title``, ``attributes.body``
========================  =================================================================================

What is about the post or the company rather than the role is left out, as for schema.org postings:
places, pay, dates, URLs, benefits, a closing statement (Lever's ``additional``), the company's
description. An export is recognised by the keys its API always writes beside the title (Greenhouse's
``absolute_url``, Lever's ``categories`` and ``hostedUrl``, Workable's ``shortcode`` ...), so a role file
of the organisation's own with a ``title`` and a ``description`` stays data.
"""

from __future__ import annotations

import html
from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from loaders.labels import code_label, role_field
from loaders.readers.jobposting import PostingFields, place_names, value_text
from loaders.readers.jsdata import DataPath

__all__ = ["EXPORTS", "AtsExport", "ats_postings"]

#: Keys an export keeps its list of jobs under (an XML feed's repeated element: Personio's ``position``,
#: the Indeed format's ``job``).
_LIST_KEYS = ("jobs", "postings", "offers", "positions", "content", "data", "results", "position", "job")


@dataclass(frozen=True)
class AtsExport:
    """One system's job record: ``key``, a key every record has (its title's, or the part holding the job),
    and ``marks``, keys its API writes on every job, any of which tells its records apart; ``read`` gives a
    record's fields (None for a record that is no job)."""

    name: str
    key: str
    marks: frozenset[str]
    read: Callable[[dict[str, Any], DataPath], PostingFields | None]

    def writes(self, record: Any) -> bool:
        return isinstance(record, dict) and self.key in record and not self.marks.isdisjoint(record)


def ats_postings(data: Any) -> list[PostingFields]:
    """The postings of an applicant tracking system's job export (one job, a list of jobs, or a list under
    ``jobs``/``postings``/``offers`` ...), or [] when ``data`` is none of :data:`EXPORTS`.

    Examples
    --------
    >>> export = {"jobs": [{"title": "Data Engineer", "absolute_url": "https://boards.greenhouse.io/x/jobs/1",
    ...                     "requisition_id": "DE-7", "content": "&lt;p&gt;Build pipelines&lt;/p&gt;"}]}
    >>> [(p.title, p.labels, p.bodies) for p in ats_postings(export)]  # doctest: +NORMALIZE_WHITESPACE
    [('Data Engineer', (('Job code', 'DE-7', ('jobs', 0, 'requisition_id')),),
      ((None, '<p>Build pipelines</p>', ('jobs', 0, 'content')),))]
    >>> ats_postings({"roles": [{"title": "Data Engineer", "description": "Builds pipelines."}]})
    []
    """
    for records in _record_groups(data):
        for export in EXPORTS:
            if records and all(export.writes(record) for record, _ in records):
                read = (export.read(record, path) for record, path in records)
                return [posting for posting in read if posting is not None]
    return []


def _record_groups(data: Any) -> list[list[tuple[Any, DataPath]]]:
    """Where an export's jobs may be, each with its path: the data itself (one job, or a list), a list under
    a list key (``jobs``, an XML feed's ``job``), or the lists of a grouped list (Lever's ``?group=team``:
    ``[{"title": "Engineering", "postings": [...]}]``)."""
    if isinstance(data, list):
        groups = [[(record, (index,)) for index, record in enumerate(data)]]
        if data and all(isinstance(group, dict) and isinstance(group.get("postings"), list) for group in data):
            nested = [(r, (i, "postings", j)) for i, group in enumerate(data) for j, r in enumerate(group["postings"])]
            groups.append(nested)
        return groups
    if not isinstance(data, dict):
        return []
    groups = [[(data, ())]]
    for key in _LIST_KEYS:
        value = data.get(key)
        if isinstance(value, list):
            groups.append([(record, (key, index)) for index, record in enumerate(value)])
        elif isinstance(value, dict):  # an XML feed of one job
            groups.append([(value, (key,))])
    return groups


def _posting(
    record: dict[str, Any],
    path: DataPath,
    title_key: str,
    labels: list[tuple[str, Any, DataPath]],
    bodies: list[tuple[str | None, Any, DataPath]],
    places: tuple[str, ...] = (),
) -> PostingFields | None:
    """The posting of ``record``, its labels and bodies those that say something."""
    title = value_text(record.get(title_key))
    if not title:
        return None
    kept_labels = tuple((label, text, at) for label, value, at in labels if (text := value_text(value)))
    kept_bodies = tuple((heading, value, at) for heading, value, at in bodies if _says(value))
    return PostingFields(title, (*path, title_key), kept_labels, kept_bodies, places)


def _says(value: Any) -> bool:
    return (isinstance(value, str) and bool(value.strip())) or (isinstance(value, list) and bool(value))


def _first(record: dict[str, Any], path: DataPath, *keys: str) -> tuple[Any, DataPath]:
    """The first of ``keys`` that says something, with its path (the first key's when none does)."""
    for key in keys:
        if _says(record.get(key)) or value_text(record.get(key)):
            return record[key], (*path, key)
    return None, (*path, keys[0])


def _greenhouse(record: dict[str, Any], path: DataPath) -> PostingFields | None:
    labels: list[tuple[str, Any, DataPath]] = [("Job code", record.get("requisition_id"), (*path, "requisition_id"))]
    departments = record.get("departments")
    if isinstance(departments, list):
        named = [(i, d) for i, d in enumerate(departments) if isinstance(d, dict) and value_text(d.get("name"))]
        # the most specific: one no other listed department sits in
        parents = {d.get("parent_id") for _, d in named}
        leaves = [(i, d) for i, d in named if d.get("id") not in parents] or named
        if leaves:
            index, department = leaves[-1]
            labels.append(("Department", department["name"], (*path, "departments", index, "name")))
    metadata = record.get("metadata")
    for index, field in enumerate(metadata if isinstance(metadata, list) else []):
        name = value_text(field.get("name")) if isinstance(field, dict) else ""
        if name and (role_field(name) or code_label(name)):
            labels.append((name, field.get("value"), (*path, "metadata", index, "value")))
    content = record.get("content")
    body = html.unescape(content) if isinstance(content, str) else None
    places = place_names(record.get("location"), record.get("offices"))
    return _posting(record, path, "title", labels, [(None, body, (*path, "content"))], places)


def _lever(record: dict[str, Any], path: DataPath) -> PostingFields | None:
    categories = record.get("categories") if isinstance(record.get("categories"), dict) else {}
    at = (*path, "categories")
    unit, unit_at = _first(categories, at, "team", "department")
    labels = [
        ("Job code", record.get("reqCode"), (*path, "reqCode")),
        ("Department", unit, unit_at),
        ("Level", categories.get("level"), (*at, "level")),
    ]
    content = record.get("content") if isinstance(record.get("content"), dict) else None
    source, source_path = (content, (*path, "content")) if content is not None else (record, path)
    description = _first(source, source_path, "descriptionHtml", "description", "descriptionPlain")
    bodies: list[tuple[str | None, Any, DataPath]] = [(None, *description)]
    lists = source.get("lists")
    for index, part in enumerate(lists if isinstance(lists, list) else []):
        heading = value_text(part.get("text")) if isinstance(part, dict) else ""
        items = part.get("content") if isinstance(part, dict) else None
        if heading and isinstance(items, str):
            bodies.append((heading, f"<ul>{items}</ul>", (*source_path, "lists", index, "content")))
    places = place_names(categories.get("location"), categories.get("allLocations"))
    return _posting(record, path, "text", labels, bodies, places)


def _ashby(record: dict[str, Any], path: DataPath) -> PostingFields | None:
    unit, unit_at = _first(record, path, "team", "department")
    description = _first(record, path, "descriptionHtml", "descriptionPlain")
    places = place_names(record.get("location"), record.get("secondaryLocations"), record.get("address"))
    return _posting(record, path, "title", [("Department", unit, unit_at)], [(None, *description)], places)


def _workable(record: dict[str, Any], path: DataPath) -> PostingFields | None:
    labels = [
        ("Job code", record.get("code"), (*path, "code")),
        ("Department", record.get("department"), (*path, "department")),
    ]
    description = _first(record, path, "description", "full_description")
    bodies = [
        (None, *description),
        ("Requirements", record.get("requirements"), (*path, "requirements")),
        ("Education", record.get("education"), (*path, "education")),
    ]
    places = place_names(record.get("location"), record.get("city"), record.get("state"), record.get("country"))
    return _posting(record, path, "title", labels, bodies, places)


_SMARTRECRUITERS_SECTIONS = (("jobDescription", "Job Description"), ("qualifications", "Qualifications"))


def _smartrecruiters(record: dict[str, Any], path: DataPath) -> PostingFields | None:
    department = record.get("department")
    labels = [
        ("Job code", record.get("refNumber"), (*path, "refNumber")),
        ("Department", department.get("label") if isinstance(department, dict) else None, (*path, "department")),
    ]
    ad = record.get("jobAd")
    sections = ad.get("sections") if isinstance(ad, dict) else None
    bodies: list[tuple[str | None, Any, DataPath]] = []
    for key, default in _SMARTRECRUITERS_SECTIONS:
        section = sections.get(key) if isinstance(sections, dict) else None
        if isinstance(section, dict):
            at = (*path, "jobAd", "sections", key)
            bodies.append((value_text(section.get("title")) or default, section.get("text"), (*at, "text")))
    return _posting(record, path, "name", labels, bodies, place_names(record.get("location")))


def _recruitee(record: dict[str, Any], path: DataPath) -> PostingFields | None:
    labels = [("Department", record.get("department"), (*path, "department"))]
    bodies = [
        (None, record.get("description"), (*path, "description")),
        ("Requirements", record.get("requirements"), (*path, "requirements")),
    ]
    places = place_names(record.get("location"), record.get("city"), record.get("country"))
    return _posting(record, path, "title", labels, bodies, places)


def _personio(record: dict[str, Any], path: DataPath) -> PostingFields | None:
    labels = [("Department", record.get("department"), (*path, "department"))]
    parts = record.get("jobDescriptions")
    parts = parts.get("jobDescription") if isinstance(parts, dict) else None
    listed = isinstance(parts, list)
    bodies: list[tuple[str | None, Any, DataPath]] = []
    for index, part in enumerate(parts if listed else [parts]):
        if isinstance(part, dict):
            at = (*path, "jobDescriptions", "jobDescription", *((index,) if listed else ()))
            bodies.append((value_text(part.get("name")) or None, part.get("value"), (*at, "value")))
    places = place_names(record.get("office"), record.get("additionalOffices"))
    return _posting(record, path, "name", labels, bodies, places)


def _job_feed(record: dict[str, Any], path: DataPath) -> PostingFields | None:
    labels = [
        ("Job code", record.get("referencenumber") or record.get("requisitionid"), (*path, "referencenumber")),
        ("Department", record.get("department"), (*path, "department")),
    ]
    bodies = [
        (None, record.get("description"), (*path, "description")),
        ("Education", record.get("education"), (*path, "education")),
        ("Experience", record.get("experience"), (*path, "experience")),
    ]
    places = place_names(record.get("city"), record.get("state"), record.get("country"))
    return _posting(record, path, "title", labels, bodies, places)


def _workday(record: dict[str, Any], path: DataPath) -> PostingFields | None:
    info = record.get("jobPostingInfo")
    if not isinstance(info, dict):
        return None
    at = (*path, "jobPostingInfo")
    labels = [("Job code", info.get("jobReqId"), (*at, "jobReqId"))]
    body = [(None, info.get("jobDescription"), (*at, "jobDescription"))]
    return _posting(info, at, "title", labels, body, place_names(info.get("location")))


def _teamtailor(record: dict[str, Any], path: DataPath) -> PostingFields | None:
    attributes = record.get("attributes")
    if record.get("type") != "jobs" or not isinstance(attributes, dict):
        return None  # a JSON:API record of another kind
    at = (*path, "attributes")
    return _posting(attributes, at, "title", [], [(None, attributes.get("body"), (*at, "body"))])


#: The exports read, in the order they are tried.
EXPORTS: tuple[AtsExport, ...] = (
    AtsExport("greenhouse", "title", frozenset({"absolute_url", "internal_job_id"}), _greenhouse),
    AtsExport("lever", "text", frozenset({"hostedUrl", "applyUrl", "descriptionPlain", "lists"}), _lever),
    AtsExport("ashby", "title", frozenset({"descriptionHtml", "jobUrl", "isListed"}), _ashby),
    AtsExport("workable", "title", frozenset({"shortcode"}), _workable),
    AtsExport("smartrecruiters", "name", frozenset({"jobAd"}), _smartrecruiters),
    AtsExport("recruitee", "title", frozenset({"careers_url", "careers_apply_url"}), _recruitee),
    AtsExport(
        "personio", "name", frozenset({"jobDescriptions", "recruitingCategory", "occupationCategory"}), _personio
    ),
    AtsExport("job feed", "title", frozenset({"referencenumber", "requisitionid"}), _job_feed),
    AtsExport("workday", "jobPostingInfo", frozenset({"jobPostingInfo"}), _workday),
    AtsExport("teamtailor", "attributes", frozenset({"relationships", "links"}), _teamtailor),
)
