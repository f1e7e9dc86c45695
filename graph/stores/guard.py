"""The read-only pre-check of analyst queries: the second line of defence after the engine's RO mode.

The check tokenizes the query (comments, string literals and backquoted names are recognised, so
``RETURN 'CREATE'`` or a property named `` `set` `` pass) and refuses, naming the clause:

* write clauses: CREATE, MERGE, SET, DELETE, DETACH DELETE, REMOVE, FOREACH, INSERT, LOAD CSV;
* schema and administration commands: DROP, CREATE INDEX, GRANT, DENY, REVOKE, ALTER, SHOW, START,
  STOP, CREATE USER ..., ``USE``, client commands (``:use``), ``USING PERIODIC COMMIT``,
  ``CALL { ... } IN TRANSACTIONS``;
* ``CALL`` of any procedure that is not on :data:`ALLOWED_PROCEDURES`, and anything in the ``apoc.``
  or ``dbms.`` namespaces;
* more than one statement, and an empty query;
* queries beyond the :class:`QueryBounds`: longer than ``max_bytes``, nested deeper than
  ``max_nesting`` (brackets, ``CASE``, unary ``-``/``+`` and ``NOT``: the engine's parser takes time
  exponential in that depth), or a ``range()`` of literal bounds with more than ``max_range`` values.

Keywords are judged twice: with comments read as spaces (what the engine does) and with comments
removed, so ``CRE/**/ATE`` is refused as well.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from graph.errors import QueryFailed, QueryRefused

__all__ = ["ALLOWED_PROCEDURES", "QueryBounds", "Token", "check_bounds", "check_read_only", "nesting_depth", "tokenize"]

ALLOWED_PROCEDURES = frozenset(
    {
        "db.labels",
        "db.relationshiptypes",
        "db.propertykeys",
        "db.indexes",
        "db.constraints",
        "db.schema.visualization",
        "db.schema.nodetypeproperties",
        "db.schema.reltypeproperties",
    }
)

_READ_ONLY = "analyst queries are read-only"
_WRITE_CLAUSES = {"CREATE", "MERGE", "SET", "DELETE", "REMOVE", "FOREACH", "INSERT"}
_ADMIN = {
    "GRANT",
    "DENY",
    "REVOKE",
    "ALTER",
    "RENAME",
    "SHOW",
    "START",
    "STOP",
    "TERMINATE",
    "ENABLE",
    "DEALLOCATE",
    "REALLOCATE",
    "DRYRUN",
}
_ADMIN_OBJECTS = {
    "USER",
    "USERS",
    "ROLE",
    "ROLES",
    "DATABASE",
    "DATABASES",
    "ALIAS",
    "COMPOSITE",
    "SERVER",
    "PRIVILEGE",
    "PRIVILEGES",
    "OR",
}
_SCHEMA_OBJECTS = {"INDEX", "CONSTRAINT", "RANGE", "TEXT", "POINT", "LOOKUP", "FULLTEXT", "VECTOR", "BTREE"}
_BLOCKED_NAMESPACES = {"apoc", "dbms"}
# Every word :func:`_judge` may refuse: any other word is passed over at once.
_JUDGED = frozenset(
    {"CREATE", "DROP", "DETACH", "NODETACH", "LOAD", "PERIODIC", "TRANSACTIONS", "USE", "CALL"}
    | _WRITE_CLAUSES | _ADMIN | {name.upper() for name in _BLOCKED_NAMESPACES}
)

_CODE_TOKEN = re.compile(r"\s+|(\w+)|(.)", re.DOTALL)  # spaces, a word, or any one other character


@dataclass(frozen=True)
class QueryBounds:
    """The size of an analyst query the guard lets through (``api.settings``: ``cypher_max_*``)."""

    max_bytes: int = 16_384
    max_nesting: int = 8
    max_range: int = 10_000_000


@dataclass(frozen=True)
class Token:
    """One lexical token: ``kind`` is word, name (backquoted), string, param, punct or end (``;``)."""

    kind: str
    text: str
    offset: int


@dataclass(frozen=True)
class _Segment:
    kind: str  # code, string, name, comment
    text: str
    offset: int


def _position(query: str, offset: int) -> tuple[int, int]:
    line = query.count("\n", 0, offset) + 1
    column = offset - (query.rfind("\n", 0, offset) + 1) + 1
    return line, column


def _unterminated(query: str, offset: int, what: str) -> QueryFailed:
    line, column = _position(query, offset)
    return QueryFailed(f"unterminated {what} starting at line {line}, column {column}", line, column)


def _scan_quoted(query: str, start: int, quote: str) -> int:
    """Index just past the closing quote of the literal that opens at ``start``."""
    i = start + 1
    while i < len(query):
        char = query[i]
        if quote != "`" and char == "\\":
            i += 2
            continue
        if char == quote:
            if quote == "`" and query.startswith("``", i):
                i += 2
                continue
            return i + 1
        i += 1
    raise _unterminated(query, start, "backquoted name" if quote == "`" else "string literal")


def _segments(query: str) -> list[_Segment]:
    segments: list[_Segment] = []
    i, code_start = 0, 0

    def flush(end: int) -> None:
        if end > code_start:
            segments.append(_Segment("code", query[code_start:end], code_start))

    while i < len(query):
        char = query[i]
        if char in "'\"`":
            flush(i)
            end = _scan_quoted(query, i, char)
            segments.append(_Segment("name" if char == "`" else "string", query[i:end], i))
            i = code_start = end
        elif query.startswith("//", i):
            flush(i)
            end = query.find("\n", i)
            end = len(query) if end < 0 else end
            segments.append(_Segment("comment", query[i:end], i))
            i = code_start = end
        elif query.startswith("/*", i):
            flush(i)
            end = query.find("*/", i + 2)
            if end < 0:
                raise _unterminated(query, i, "comment")
            segments.append(_Segment("comment", query[i : end + 2], i))
            i = code_start = end + 2
        else:
            i += 1
    flush(len(query))
    return segments


def _code_tokens(text: str, offset: int) -> list[Token]:
    """Words and single punctuation characters; spaces skipped (one regex scan, no Python loop per char)."""
    tokens: list[Token] = []
    for match in _CODE_TOKEN.finditer(text):
        word, char = match.group(1, 2)
        if word is not None:
            tokens.append(Token("word", word, offset + match.start()))
        elif char is not None:
            tokens.append(Token("end" if char == ";" else "punct", char, offset + match.start()))
    return tokens


def tokenize(query: str, *, comments_as_space: bool = True) -> list[Token]:
    """The tokens of ``query``, without comments.

    With ``comments_as_space=False`` the code on both sides of a comment is joined, which is how the
    check sees through ``CRE/**/ATE``.

    Examples
    --------
    >>> [t.text for t in tokenize("MATCH (n) // hi\\nRETURN n.`set`, 'CREATE'")]
    ['MATCH', '(', 'n', ')', 'RETURN', 'n', '.', '`set`', ',', "'CREATE'"]
    >>> [t.text for t in tokenize("CRE/**/ATE (n)", comments_as_space=False)]
    ['CREATE', '(', 'n', ')']
    """
    tokens: list[Token] = []
    buffer: list[str] = []
    buffer_offset = 0

    def flush() -> None:
        if buffer:
            tokens.extend(_code_tokens("".join(buffer), buffer_offset))
            buffer.clear()

    for segment in _segments(query):
        if segment.kind == "code":
            if not buffer:
                buffer_offset = segment.offset
            buffer.append(segment.text)
        elif segment.kind == "comment":
            if comments_as_space:
                flush()
        else:
            flush()
            tokens.append(Token(segment.kind, segment.text, segment.offset))
    flush()
    # `$name` is a parameter, never a keyword.
    merged: list[Token] = []
    for token in tokens:
        if merged and merged[-1].text == "$" and token.kind in ("word", "name"):
            merged[-1] = Token("param", "$" + token.text, merged[-1].offset)
        else:
            merged.append(token)
    return merged


def _word(tokens: list[Token], index: int) -> str | None:
    if 0 <= index < len(tokens) and tokens[index].kind == "word":
        return tokens[index].text.upper()
    return None


def _punct(tokens: list[Token], index: int) -> str | None:
    if 0 <= index < len(tokens) and tokens[index].kind in ("punct", "end"):
        return tokens[index].text
    return None


def _is_keyword_position(tokens: list[Token], index: int) -> bool:
    """False for words that are property keys, labels, types or map keys (``n.set``, ``:Delete``)."""
    before = _punct(tokens, index - 1)
    if before in (".", ":"):
        return False
    return not (_punct(tokens, index + 1) == ":" and before in ("{", ","))


def _dotted_name(tokens: list[Token], index: int) -> tuple[str, int]:
    """The dotted name (``db.labels``) starting at ``index`` and the index after it."""
    parts: list[str] = []
    i = index
    while i < len(tokens) and tokens[i].kind in ("word", "name"):
        text = tokens[i].text
        parts.append(text[1:-1].replace("``", "`") if tokens[i].kind == "name" else text)
        if _punct(tokens, i + 1) != ".":
            return ".".join(parts), i + 1
        i += 2
    return ".".join(parts), i


def _refusal(query: str, token: Token, message: str) -> QueryRefused:
    line, column = _position(query, token.offset)
    return QueryRefused(f"{message} (line {line}, column {column})")


def _keyword_hint(tokens: list[Token], index: int) -> str:
    """A hint for keywords that look like names (``RETURN x AS set``)."""
    word = tokens[index].text.lower()
    looks_like_name = (
        _word(tokens, index - 1) == "AS"
        or index + 1 == len(tokens)
        or _punct(tokens, index + 1)
        in (
            ",",
            ")",
            ".",
            ";",
        )
    )
    return f"; if {word} is a name here, write it in backquotes: `{word}`" if looks_like_name else ""


def _judge(query: str, tokens: list[Token]) -> None:
    for i, token in enumerate(tokens):
        word = _word(tokens, i)
        if word not in _JUDGED or not _is_keyword_position(tokens, i):
            continue
        following = _word(tokens, i + 1)
        if word in ("CREATE", "DROP") and following in _ADMIN_OBJECTS:
            what = f"{word} {following}" if following != "OR" else f"{word} OR REPLACE"
            raise _refusal(query, token, f"administration command {what} is not allowed: {_READ_ONLY}")
        if word in ("CREATE", "DROP") and following in _SCHEMA_OBJECTS:
            raise _refusal(query, token, f"schema command {word} {following} is not allowed: {_READ_ONLY}")
        if word == "DROP":
            raise _refusal(query, token, f"command DROP is not allowed: {_READ_ONLY}")
        if word in ("DETACH", "NODETACH") and following == "DELETE":
            raise _refusal(query, token, f"write clause {word} DELETE is not allowed: {_READ_ONLY}")
        if word in _WRITE_CLAUSES:
            raise _refusal(query, token, f"write clause {word} is not allowed: {_READ_ONLY}{_keyword_hint(tokens, i)}")
        if word == "LOAD":
            raise _refusal(query, token, "LOAD CSV is not allowed: analyst queries may not read files or URLs")
        if word == "PERIODIC":
            raise _refusal(query, token, f"USING PERIODIC COMMIT is not allowed: {_READ_ONLY}")
        if word == "TRANSACTIONS" and _word(tokens, i - 1) == "IN":
            raise _refusal(query, token, f"CALL {{ ... }} IN TRANSACTIONS is not allowed: {_READ_ONLY}")
        if word in _ADMIN:
            raise _refusal(query, token, f"administration command {word} is not allowed: {_READ_ONLY}")
        if word == "USE":
            raise _refusal(query, token, "USE is not allowed: analyst queries run on the orgkg graph only")
        if word == "CALL" and _punct(tokens, i + 1) != "{":
            name, _ = _dotted_name(tokens, i + 1)
            if name.lower() not in ALLOWED_PROCEDURES:
                allowed = ", ".join(sorted(ALLOWED_PROCEDURES))
                raise _refusal(
                    query, token, f"procedure {name or '?'} is not allowed: analyst queries may CALL only {allowed}"
                )
        if word.lower() in _BLOCKED_NAMESPACES and _punct(tokens, i + 1) == ".":
            name, _ = _dotted_name(tokens, i)
            raise _refusal(query, token, f"{name} is not allowed: {word.lower()}.* is not available to analysts")


_OPEN = {"(": ")", "[": "]", "{": "}"}
_CLOSE = frozenset(_OPEN.values())
# Words after which a `-` or `+` is unary and that end an operand's unary chain when they follow one.
_OPERATOR_WORDS = frozenset({
    "AND", "OR", "XOR", "NOT", "IN", "IS", "WHERE", "RETURN", "WITH", "UNWIND", "AS", "WHEN", "THEN", "ELSE",
    "CASE", "END", "ORDER", "BY", "SKIP", "LIMIT", "MATCH", "OPTIONAL", "STARTS", "ENDS", "CONTAINS", "DISTINCT",
    "UNION", "ALL", "YIELD", "CALL", "EXISTS", "ASC", "DESC", "ASCENDING", "DESCENDING",
})  # fmt: skip


def nesting_depth(tokens: list[Token]) -> tuple[int, Token | None]:
    """The deepest nesting of ``tokens`` and the token where it is reached.

    Each open bracket (``(``, ``[``, ``{``) and ``CASE`` is one level, and so is each unary ``NOT``,
    ``-`` or ``+`` until the operand it applies to ends: ``NOT (NOT x)`` is 3 deep, ``NOT a AND NOT b`` 1.

    Examples
    --------
    >>> nesting_depth(tokenize("MATCH (r:Role {id: $id}) RETURN r"))[0]
    2
    >>> nesting_depth(tokenize("RETURN NOT (- [1])"))[0]
    4
    >>> nesting_depth(tokenize("RETURN -1 + -2, NOT a AND NOT b"))[0]
    1
    """
    unary = [0]  # per open level: unary operators still open in it
    open_unary = 0
    deepest, where = 0, None
    operand = False  # the previous token ended an operand
    previous_word: str | None = None
    for token in tokens:
        word = token.text.upper() if token.kind == "word" else None
        text = token.text
        if (token.kind == "punct" and text in _OPEN) or word == "CASE":
            unary.append(0)
            operand = False
        elif (token.kind == "punct" and text in _CLOSE) or (word == "END" and len(unary) > 1):
            if len(unary) > 1:
                open_unary -= unary.pop()
            operand = True
        elif (word == "NOT" and previous_word != "IS") or (text in "-+" and token.kind == "punct" and not operand):
            unary[-1] += 1
            open_unary += 1
            operand = False
        elif token.kind in ("string", "param", "name") or (token.kind == "word" and word not in _OPERATOR_WORDS):
            operand = True
        else:  # a binary operator, a comma, a keyword: the unary chain of this level is closed
            if operand or word is not None or text == ",":
                open_unary -= unary[-1]
                unary[-1] = 0
            operand = False
        previous_word = word
        depth = len(unary) - 1 + open_unary
        if depth > deepest:
            deepest, where = depth, token
    return deepest, where


def _integer(tokens: list[Token], index: int) -> tuple[int, int] | None:
    """The integer literal at ``index`` (with an optional sign) and the index after it, else None."""
    sign = 1
    if _punct(tokens, index) in ("-", "+"):
        sign = -1 if tokens[index].text == "-" else 1
        index += 1
    if 0 <= index < len(tokens) and tokens[index].kind == "word" and tokens[index].text.isdigit():
        return sign * int(tokens[index].text), index + 1
    return None


def _range_sizes(tokens: list[Token]) -> Iterator[tuple[int, Token]]:
    """The number of values of each ``range(a, b[, step])`` whose arguments are integer literals."""
    for i, token in enumerate(tokens):
        if token.kind != "word" or token.text.lower() != "range" or _punct(tokens, i + 1) != "(":
            continue
        first = _integer(tokens, i + 2)
        if first is None or _punct(tokens, first[1]) != ",":
            continue
        second = _integer(tokens, first[1] + 1)
        if second is None:
            continue
        step = 1
        if _punct(tokens, second[1]) == ",":
            third = _integer(tokens, second[1] + 1)
            if third is None or third[0] == 0:
                continue
            step = third[0]
        elif _punct(tokens, second[1]) != ")":
            continue
        yield max(0, (second[0] - first[0]) // step + 1), token


def check_bounds(query: str, bounds: QueryBounds, tokens: list[Token] | None = None) -> None:
    """Refuse a query beyond ``bounds`` with a message naming the limit, its value and the query's.

    Examples
    --------
    >>> check_bounds("RETURN " + "(" * 30 + "1" + ")" * 30, QueryBounds())  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.QueryRefused: the query is nested 30 levels deep; the limit (cypher_max_nesting) is 8 ...
    """
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > bounds.max_bytes:
        raise QueryRefused(
            f"the query is {size} bytes long; the limit (cypher_max_query_bytes) is {bounds.max_bytes} bytes: "
            "pass long lists as $parameters"
        )
    tokens = tokenize(query) if tokens is None else tokens
    depth, where = nesting_depth(tokens)
    if depth > bounds.max_nesting and where is not None:
        raise _refusal(
            query,
            where,
            f"the query is nested {depth} levels deep; the limit (cypher_max_nesting) is "
            f"{bounds.max_nesting} (brackets, CASE, unary - and NOT count): split it with WITH",
        )
    for values, token in _range_sizes(tokens):
        if values > bounds.max_range:
            raise _refusal(
                query, token, f"range() of {values} values; the limit (cypher_max_range) is {bounds.max_range}"
            )


def check_read_only(query: str, bounds: QueryBounds | None = None) -> str:
    """Refuse anything but one read-only statement; return the query ready to run.

    The returned text is ``query`` without a trailing ``;`` (FalkorDB rejects it).

    Raises
    ------
    QueryRefused
        Empty query, several statements, a write/schema/admin clause or a procedure off the list, or a
        query beyond ``bounds`` (:func:`check_bounds`; the defaults of :class:`QueryBounds` when None).
    QueryFailed
        An unterminated string, backquoted name or comment (the engine could not parse it either).

    Examples
    --------
    >>> check_read_only("MATCH (r:Role) WHERE r.title = 'CREATE' RETURN r.`set`;")
    "MATCH (r:Role) WHERE r.title = 'CREATE' RETURN r.`set`"
    >>> check_read_only("MATCH (n) DETACH DELETE n")  # doctest: +ELLIPSIS
    Traceback (most recent call last):
    ...
    graph.errors.QueryRefused: write clause DETACH DELETE is not allowed: ... (line 1, column 11)
    """
    bounds = bounds or QueryBounds()
    size = len(query.encode("utf-8", "surrogatepass"))
    if size > bounds.max_bytes:  # before tokenizing: a long query costs nothing to refuse
        check_bounds(query, bounds)
    spaced = tokenize(query)
    if not spaced:
        raise QueryRefused("the query is empty: write one read-only statement, e.g. MATCH (r:Role) RETURN r.title")
    if spaced[0].text == ":":
        raise _refusal(query, spaced[0], "client commands such as :use or :param are not allowed")
    ends = [i for i, token in enumerate(spaced) if token.kind == "end"]
    if ends and ends[0] != len(spaced) - 1:
        raise _refusal(query, spaced[ends[0]], "only one statement is allowed; remove the ';' and what follows")
    if len(spaced) == 1 and ends:
        raise QueryRefused("the query is empty: write one read-only statement, e.g. MATCH (r:Role) RETURN r.title")
    _judge(query, spaced)
    if "/*" in query or "//" in query:  # without a comment both readings are the same tokens
        _judge(query, tokenize(query, comments_as_space=False))
    check_bounds(query, bounds, spaced)
    if ends:
        return query[: spaced[-1].offset] + query[spaced[-1].offset + 1 :]
    return query
