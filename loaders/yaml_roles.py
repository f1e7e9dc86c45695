"""Hand-curated YAML role files: one role per YAML document, or a ``roles:`` list.

The file is composed into YAML nodes (not just loaded) so that every skill, KPI and career reference
keeps the line it was written on. See ``seeds/roles/`` for documented examples.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml
from yaml.nodes import MappingNode, Node, ScalarNode, SequenceNode

from graph.model import Evidence, LoadProblem, Mention, ParsedRole, Section, SectionKind
from loaders.base import Loader, ParseOutcome
from loaders.content import role_ref
from loaders.document import Block, Location
from loaders.layouts.fill import fill_role
from loaders.readers.pandoc import has_markup, read_html_at
from loaders.safe_yaml import BoundedLoader, fast_loader
from loaders.text import collapse

__all__ = ["IMPORTANCE_WORDS", "LOADER", "ROLE_KEYS", "SUMMARY_ALIASES", "parse_yaml_roles"]

IMPORTANCE_WORDS = {"low": 0.33, "medium": 0.67, "high": 1.0}
REF_KEYS = {
    "reports_to": "reports_to",
    "next_roles": "promotes_to",
    "promotes_to": "promotes_to",
    "lateral": "lateral",
    "direct_reports": "direct_reports",
}
TEXT_KEYS = ("level", "family", "specialty", "department")
#: Keys whose text or list is a section of the role under that heading, read as a document's would be
#: (requirements are mentions, a "(desirable)" item counts less, responsibilities are scanned for skills).
SECTION_KEYS = {
    "responsibilities": "Responsibilities",
    "requirements": "Requirements",
    "qualifications": "Qualifications",
    "preferred_qualifications": "Preferred qualifications",
    "nice_to_have": "Nice to have",
}
ROLE_KEYS = {"title", "aliases", "grade", "summary", "skills", "kpis", *TEXT_KEYS, *REF_KEYS, *SECTION_KEYS}
FILE_KEYS = {"roles", "family"}
#: Other names of a role's ``summary`` (a role library exported as JSON says "description"); they count for
#: no role file when detecting one (a data file's "description" says nothing of what it describes).
SUMMARY_ALIASES = {"description"}
MENTION_KEYS = {"name", "importance", "description"}


class _Invalid(Exception):
    def __init__(self, node: Node, message: str) -> None:
        super().__init__(message)
        self.line = node.start_mark.line + 1


def parse_yaml_roles(text: str, source: str) -> ParseOutcome:
    """Roles of a YAML role file (or its JSON twin: JSON is YAML); problems name the key and line.

    Examples
    --------
    >>> doc = "title: SRE Manager\\nskills:\\n  - SLOs\\n  - {name: Kubernetes, importance: high}\\ncolour: red\\n"
    >>> outcome = parse_yaml_roles(doc, "r.yaml")
    >>> [(m.name, m.at.line, m.importance) for m in outcome.roles[0].skills]
    [('SLOs', 3, None), ('Kubernetes', 4, 1.0)]
    >>> print(outcome.problems[0])
    r.yaml:5: warning: unknown key 'colour' ignored
    """
    if source.lower().endswith(".json"):
        text = text.replace("\t", " ")  # JSON's tabs are only whitespace between tokens; YAML refuses them
    fast = fast_loader(text)
    if fast is not None:
        try:
            reader = _read(_Reader(text, source, fast))
        except (UnicodeError, yaml.YAMLError):  # a lone surrogate libyaml cannot encode, a YAML error unguarded
            pass
        else:
            if not reader.yaml_failed:
                return reader.outcome
    return _read(_Reader(text, source, BoundedLoader)).outcome  # its problems name YAML errors as PyYAML does


def _read(reader: _Reader) -> _Reader:
    for document in reader.documents():
        reader.read_document(document)
    reader.read_markup()
    return reader


class _Reader:
    def __init__(self, text: str, source: str, loader_class: type) -> None:
        self.text = text
        self.source = source
        self.lines = text.split("\n")
        self.outcome = ParseOutcome()
        self.markup: list[tuple[ParsedRole, str, int]] = []  # HTML summaries, read in one batch at the end
        self.loader = loader_class(text)
        self.yaml_failed = False  # a YAML error was met (libyaml's wording differs from PyYAML's)

    # ------------------------------------------------------------------ structure

    def documents(self) -> list[Node]:
        nodes: list[Node] = []
        try:
            while self.loader.check_node():
                node = self.loader.get_node()
                if node is not None:
                    nodes.append(node)
        except yaml.YAMLError as err:
            self.yaml_failed = True
            mark = getattr(err, "problem_mark", None)
            reason = getattr(err, "problem", None) or str(err)
            self.error(mark.line + 1 if mark else 1, f"malformed YAML: {reason}")
        return nodes

    def read_document(self, node: Node) -> None:
        if isinstance(node, ScalarNode) and node.value in ("", "~", "null"):
            return
        if isinstance(node, SequenceNode):  # a list of roles, as a JSON export writes them
            for item in node.value:
                self.read_role(item, family=None)
            return
        if not isinstance(node, MappingNode):
            self.error(node.start_mark.line + 1, "a role file must be a mapping (title: ...) or hold a 'roles:' list")
            return
        keys = self.keys(node)
        if "roles" not in keys:
            self.read_role(node, family=None)
            return
        for key, (key_node, _) in keys.items():
            if key not in FILE_KEYS:
                self.warning(key_node.start_mark.line + 1, f"unknown key {key!r} next to 'roles' ignored")
        family = self.guard(lambda: self.text_of(keys["family"][1]) if "family" in keys else None)
        if isinstance(family, str) and family:
            self.outcome.family = family
        roles = keys["roles"][1]
        if not isinstance(roles, SequenceNode):
            self.error(roles.start_mark.line + 1, "'roles' must be a list of roles")
            return
        for item in roles.value:
            self.read_role(item, family=family)

    def keys(self, node: MappingNode) -> dict[str, tuple[Node, Node]]:
        return {str(k.value): (k, v) for k, v in node.value if isinstance(k, ScalarNode)}

    # ------------------------------------------------------------------ one role

    def read_role(self, node: Node, family: str | None) -> None:
        line = node.start_mark.line + 1
        if not isinstance(node, MappingNode):
            self.error(line, "a role must be a mapping of keys to values")
            return
        keys = self.keys(node)
        title = self.guard(lambda: self.text_of(keys["title"][1])) if "title" in keys else None
        if not title:
            self.error(line, "role has no title (the 'title' key is required)")
            return
        role = ParsedRole(title=title, source=self.source, line=line, family=family)
        for key, (key_node, value) in keys.items():
            if key not in ROLE_KEYS and key not in SUMMARY_ALIASES:
                self.warning(key_node.start_mark.line + 1, f"unknown key {key!r} ignored")
            elif key != "title":
                self.guard(lambda key=key, value=value: self.read_field(role, key, value))
        self.outcome.roles.append(role)

    def read_field(self, role: ParsedRole, key: str, node: Node) -> None:
        if key in TEXT_KEYS:
            setattr(role, key, self.text_of(node))
        elif key == "aliases":
            role.aliases = [text for text, _ in self.texts_of(node, key)]
        elif key == "grade":
            role.grade = self.int_of(node, key)
        elif key == "summary" or key in SUMMARY_ALIASES:
            self.read_summary(role, node)
        elif key in ("skills", "kpis"):
            kind = SectionKind.SKILLS if key == "skills" else SectionKind.KPIS
            getattr(role, key).extend(self.mention(item, kind) for item in self.items_of(node, key))
        elif key in SECTION_KEYS:
            self.read_section(role, SECTION_KEYS[key], node, key)
        elif key in REF_KEYS:
            refs = getattr(role, REF_KEYS[key])
            for title, line in self.texts_of(node, key):
                refs.append(role_ref(title, self.source, line, f"{key}: {title}"))

    def read_summary(self, role: ParsedRole, node: Node) -> None:
        summary = self.text_of(node)
        if not summary:
            return
        if has_markup(summary):  # an export's HTML description: read as its paragraphs, headings and lists
            self.markup.append((role, summary, node.start_mark.line + 1))
            return
        text, line = self.source_text(node, summary)
        role.summary = role.summary or collapse(summary)
        role.sections.append(Section(name="summary", kind=SectionKind.SUMMARY, text=text, line=line))

    def read_markup(self) -> None:
        """The HTML summaries met, read by pandoc in one batch, each block at its key's line."""
        read = read_html_at([(text, Location(line=line)) for _, text, line in self.markup], self.source)
        for (role, _, _), blocks in zip(self.markup, read, strict=True):
            fill_role(role, blocks, "summary")
        self.markup = []

    def read_section(self, role: ParsedRole, heading: str, node: Node, key: str) -> None:
        """A section key's list (an item each, at its line) or text (one item when it names one thing, else a
        paragraph) under its heading."""
        at = Location(line=node.start_mark.line)  # the key's line: the value starts on it or below it
        blocks = [Block(kind="heading", text=heading, at=at, level=2)]
        if isinstance(node, ScalarNode):
            text, line = collapse(self.text_of(node)), node.start_mark.line + 1
            one_thing = bool(text) and "\n" not in self.text_of(node) and not re.search(r"[.;!?]\s", text)
            kind, depth = ("item", 1) if one_thing else ("paragraph", 0)
            blocks += [Block(kind=kind, text=text, at=Location(line=line), level=depth)]
        else:
            items = self.texts_of(node, key)
            blocks += [Block(kind="item", text=text, at=Location(line=line), level=1) for text, line in items]
        if len(blocks) > 1:
            fill_role(role, blocks, role.title)

    def source_text(self, node: Node, value: str) -> tuple[str, int]:
        """The summary as written in the file (original line breaks) and the line it starts on."""
        first, last = node.start_mark.line, node.end_mark.line
        if getattr(node, "style", None) in ("|", ">"):
            first += 1  # the text starts below the block indicator
        if first >= last and "\n" not in value:
            return value, node.start_mark.line + 1
        lines = [line.strip() for line in self.lines[first : last + 1]]
        if node.end_mark.column == 0 and last > first:
            lines = lines[:-1]
        if lines and getattr(node, "style", None) in ('"', "'"):
            lines[0], lines[-1] = lines[0].lstrip("\"'"), lines[-1].rstrip("\"'")
        while lines and not lines[-1]:
            lines.pop()
        return "\n".join(lines), first + 1

    def mention(self, node: Node, kind: SectionKind) -> Mention:
        line = node.start_mark.line + 1
        sentence = self.lines[line - 1].strip().removeprefix("- ").strip()
        at = Evidence(source=self.source, line=line, evidence=sentence)
        if isinstance(node, ScalarNode):
            return Mention(name=self.text_of(node), section=kind, at=at)
        if not isinstance(node, MappingNode):
            raise _Invalid(node, f"a {kind.value} item must be a name or a mapping with 'name'")
        keys = self.keys(node)
        for key, (key_node, _) in keys.items():
            if key not in MENTION_KEYS:
                self.warning(key_node.start_mark.line + 1, f"unknown key {key!r} in a {kind.value} item ignored")
        if "name" not in keys:
            raise _Invalid(node, f"a {kind.value} item needs a 'name'")
        importance = self.importance_of(keys["importance"][1]) if "importance" in keys else None
        return Mention(name=self.text_of(keys["name"][1]), section=kind, at=at, importance=importance)

    # ------------------------------------------------------------------ values

    def value_of(self, node: Node) -> object:
        return self.loader.construct_object(node, deep=True)

    def text_of(self, node: Node) -> str:
        value = self.value_of(node)
        if value is None:
            return ""
        if not isinstance(node, ScalarNode) or isinstance(value, bool):
            raise _Invalid(node, f"expected text, found {type(value).__name__}")
        return str(value).strip()

    def int_of(self, node: Node, key: str) -> int:
        value = self.value_of(node)
        if not isinstance(value, int) or isinstance(value, bool):
            raise _Invalid(node, f"{key!r} must be a whole number, not {value!r}")
        return value

    def importance_of(self, node: Node) -> float:
        value = self.value_of(node)
        if isinstance(value, str) and value.lower() in IMPORTANCE_WORDS:
            return IMPORTANCE_WORDS[value.lower()]
        if isinstance(value, int | float) and not isinstance(value, bool) and 0 <= value <= 1:
            return float(value)
        raise _Invalid(node, f"importance must be a number from 0 to 1 or low/medium/high, not {value!r}")

    def items_of(self, node: Node, key: str) -> list[Node]:
        if isinstance(node, SequenceNode):
            return list(node.value)
        if isinstance(node, ScalarNode):
            return [node] if self.text_of(node) else []
        raise _Invalid(node, f"{key!r} must be a list")

    def texts_of(self, node: Node, key: str) -> list[tuple[str, int]]:
        """A string or a list of strings, each with its line."""
        return [(text, item.start_mark.line + 1) for item in self.items_of(node, key) if (text := self.text_of(item))]

    # ------------------------------------------------------------------ problems

    def guard(self, read: Callable[[], object]) -> object:
        try:
            return read()
        except _Invalid as err:
            self.error(err.line, str(err))
        except yaml.YAMLError as err:
            self.yaml_failed = True
            self.error(1, f"cannot read value: {err}")
        return None

    def error(self, line: int, message: str) -> None:
        self.outcome.problems.append(LoadProblem(path=self.source, line=line, message=message))

    def warning(self, line: int, message: str) -> None:
        self.outcome.problems.append(LoadProblem(path=self.source, line=line, message=message, severity="warning"))


LOADER = Loader(
    name="yaml",
    extensions=(".yaml", ".yml"),
    parse=parse_yaml_roles,
    description=(
        "Hand-curated YAML roles: title, aliases, level, grade, family, department, summary, skills, kpis, "
        "responsibilities, requirements, career."
    ),
)
