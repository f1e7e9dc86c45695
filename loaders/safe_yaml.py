"""YAML with bounds: a document cannot nest without end or expand its aliases into gigabytes.

PyYAML's ``SafeLoader`` constructs no arbitrary objects, but it still composes a document nested a
thousand levels deep by recursion (``RecursionError``) and it shares aliased nodes, so a few hundred
bytes of "billion laughs" are a tree of 10⁹ nodes for whoever walks, prints or hashes the value. The
loader here counts, while composing, how deep the document nests, how many aliases it uses and how many
nodes it would have with every alias expanded, and stops with a :class:`yaml.MarkedYAMLError` (so the
caller reports it with the file line like any other YAML error) when one goes over its bound.

Scanning and parsing are done by libyaml when PyYAML has it (:class:`FastBoundedLoader`: about six times
faster; composing, the bounds and constructing stay the Python code here). Its error messages and marks
differ from the pure-Python loader's (no snippet, other wording), so a document libyaml refuses is read
again by :class:`BoundedLoader`, and the error reported is always the pure-Python loader's.
"""

from __future__ import annotations

from typing import Any

import yaml
from yaml.composer import Composer, ComposerError
from yaml.constructor import SafeConstructor
from yaml.nodes import MappingNode, Node, SequenceNode
from yaml.resolver import Resolver

__all__ = ["MAX_ALIASES", "MAX_DEPTH", "MAX_NODES", "BoundedLoader", "FastBoundedLoader", "fast_loader", "safe_load"]

MAX_DEPTH = 64
MAX_ALIASES = 100
MAX_NODES = 100_000


class _Bounds:
    """The bounds, for a loader whose composer is PyYAML's Python ``Composer`` (whatever parses the events).

    With ``line_key`` set, every mapping also gets the 1-based line it starts on under that key.
    """

    line_key: str | None = None

    def _start_bounds(self) -> None:
        self._depth = 0
        self._aliases = 0
        self._sizes: dict[int, int] = {}

    def compose_document(self) -> Node | None:
        self._aliases = 0
        self._sizes = {}
        return super().compose_document()

    def compose_node(self, parent: Node | None, index: Any) -> Node | None:
        if self.check_event(yaml.AliasEvent):
            self._aliases += 1
            if self._aliases > MAX_ALIASES:
                self._refuse(f"uses more than {MAX_ALIASES} aliases (*name)")
        self._depth += 1
        try:
            if self._depth > MAX_DEPTH:
                self._refuse(f"nested more than {MAX_DEPTH} levels deep")
            node = super().compose_node(parent, index)
        finally:
            self._depth -= 1
        if node is not None and id(node) not in self._sizes:
            self._sizes[id(node)] = size = 1 + sum(self._sizes.get(id(child), 1) for child in _children(node))
            if size > MAX_NODES:
                self._refuse(f"expands to more than {MAX_NODES:,} values (aliases of aliases?)")
        return node

    def construct_mapping(self, node: MappingNode, deep: bool = False) -> dict[Any, Any]:
        mapping = super().construct_mapping(node, deep=deep)
        if self.line_key is not None:
            mapping[self.line_key] = node.start_mark.line + 1
        return mapping

    def _refuse(self, problem: str) -> None:
        raise ComposerError("while composing a YAML document", None, problem, self.peek_event().start_mark)


class BoundedLoader(_Bounds, yaml.SafeLoader):
    """``yaml.SafeLoader`` that refuses documents deeper, more aliased or bigger (expanded) than the bounds.

    Examples
    --------
    >>> loader = BoundedLoader("a: &x [1, 2]\\nb: *x\\n")
    >>> loader.get_single_data()
    {'a': [1, 2], 'b': [1, 2]}
    >>> try:
    ...     BoundedLoader("[" * 100 + "]" * 100).get_single_data()
    ... except yaml.MarkedYAMLError as err:
    ...     print(err.problem, "at line", err.problem_mark.line + 1)
    nested more than 64 levels deep at line 1
    """

    def __init__(self, stream: Any) -> None:
        super().__init__(stream)
        self._start_bounds()


if yaml.__with_libyaml__:
    from yaml._yaml import CParser

    class FastBoundedLoader(_Bounds, Composer, SafeConstructor, Resolver, CParser):
        """:class:`BoundedLoader` with libyaml's scanner and parser: the same nodes, values and bounds.

        Its errors are libyaml's: read a document it refuses with :class:`BoundedLoader` for the message.

        Examples
        --------
        >>> FastBoundedLoader("a: &x [1, 2]\\nb: *x\\n").get_single_data()
        {'a': [1, 2], 'b': [1, 2]}
        """

        def __init__(self, stream: Any) -> None:
            CParser.__init__(self, stream)
            Composer.__init__(self)
            SafeConstructor.__init__(self)
            Resolver.__init__(self)
            self._start_bounds()

else:  # a PyYAML built without libyaml
    FastBoundedLoader = BoundedLoader  # type: ignore[misc,assignment]


def fast_loader(text: str) -> type | None:
    """:class:`FastBoundedLoader` when libyaml reads ``text`` as PyYAML does where both accept it, else None.

    libyaml accepts a tab where PyYAML refuses one (``a:\\t1``), so a document with a tab is PyYAML's alone.
    A caller reads again with :class:`BoundedLoader` whatever the fast loader refuses (a ``yaml.YAMLError``,
    or a ``UnicodeError`` for a lone surrogate libyaml cannot encode).

    Examples
    --------
    >>> fast_loader("a: 1") is FastBoundedLoader, fast_loader("a:\\t1")
    (True, None)
    """
    return FastBoundedLoader if yaml.__with_libyaml__ and "\t" not in text else None


def _children(node: Node) -> list[Node]:
    if isinstance(node, SequenceNode):
        return node.value
    if isinstance(node, MappingNode):
        return [part for pair in node.value for part in pair]
    return []


def safe_load(text: str, line_key: str | None = None) -> Any:
    """``yaml.safe_load`` within the bounds: one document, or ``None`` for an empty one.

    ``line_key``: every mapping also holds the 1-based line it starts on under that key.

    Examples
    --------
    >>> safe_load("a: &x [1]\\nb: [*x, *x]")
    {'a': [1], 'b': [[1], [1]]}
    >>> safe_load("a: 1\\nb:\\n  c: 2", line_key="@")
    {'a': 1, 'b': {'c': 2, '@': 3}, '@': 1}
    """
    fast = fast_loader(text)
    if fast is not None:
        try:
            return _single(fast, text, line_key)
        except (yaml.YAMLError, UnicodeError):
            pass  # the pure-Python loader's error is the one reported (or, should they disagree, its value)
    return _single(BoundedLoader, text, line_key)


def _single(loader_class: type, text: str, line_key: str | None = None) -> Any:
    loader = loader_class(text)
    loader.line_key = line_key
    try:
        return loader.get_single_data()
    finally:
        loader.dispose()
