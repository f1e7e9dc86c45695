"""Data literals in JavaScript (and TypeScript/Flow) modules: ``export default {...}``, ``const x = [...]``.

A small linear tokenizer and a recursive-descent reader for the literal subset of JavaScript that
career frameworks are written in: objects (quoted, bare and computed ``[NAME]`` keys, shorthand and
``...spread``), arrays, strings (template literals without ``${}`` included), numbers, booleans,
``null``, string concatenation with ``+`` and references to constants bound earlier in the file. No
code runs; anything else (functions, calls) reads as ``None``. Every key and element keeps its line.

The same reader gives the lines of a JSON file's values (JSON is a subset).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from typing import Any

from graph.errors import DocumentError

__all__ = ["DataPath", "ParsedData", "parse_js_module", "parse_literal"]

DataPath = tuple[str | int, ...]

_TOKEN = re.compile(
    r"""(?P<space>\s+)
      |(?P<comment>//[^\n]*|/\*.*?\*/)
      |(?P<unclosed>/\*)
      |(?P<string>"(?:[^"\\\n]|\\.)*"|'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)
      |(?P<number>0[xX][0-9a-fA-F]+|(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?)
      |(?P<name>[A-Za-z_$][\w$]*)
      |(?P<spread>\.\.\.)
      |(?P<punct>[{}\[\]():,;=+\-<>|&?!.*/%^~@#])
      |(?P<bad>["'`])""",
    re.X | re.S,
)
_ESCAPES = {"n": "\n", "t": "\t", "r": "\r", "b": "\b", "f": "\f", "v": "\v", "0": "\0"}
_ESCAPE = re.compile(r"\\(u\{[0-9a-fA-F]+\}|u[0-9a-fA-F]{4}|x[0-9a-fA-F]{2}|\n|.)", re.S)
_BINDINGS = {"const", "let", "var"}
_WORDS = {"true": True, "false": False, "null": None, "undefined": None, "NaN": None, "Infinity": None}


@dataclass(frozen=True)
class _Tok:
    kind: str
    text: str
    line: int


@dataclass
class ParsedData:
    """The data read and the 1-based line of every key or element (by its path of keys and indexes)."""

    data: Any
    lines: dict[DataPath, int] = field(default_factory=dict)


def _tokens(text: str, source: str) -> list[_Tok]:
    tokens: list[_Tok] = []
    line = 1
    for match in _TOKEN.finditer(text):
        kind = match.lastgroup or ""
        value = match.group()
        if kind in ("bad", "unclosed"):
            raise DocumentError(source, f"unterminated {'comment' if kind == 'unclosed' else 'string'}", line=line)
        if kind not in ("space", "comment"):
            tokens.append(_Tok(kind, value, line))
        line += value.count("\n")
    return tokens


def _unquote(text: str) -> str:
    body = text[1:-1]

    def escape(match: re.Match[str]) -> str:
        code = match.group(1)
        if code.startswith("u{"):
            return chr(int(code[2:-1], 16))
        if code[0] in "ux" and len(code) > 1:
            return chr(int(code[1:], 16))
        if code == "\n":
            return ""
        return _ESCAPES.get(code, code)

    return _ESCAPE.sub(escape, body)


class _Parser:
    def __init__(self, tokens: list[_Tok], source: str) -> None:
        self.tokens = tokens
        self.pos = 0
        self.source = source
        self.env: dict[str, Any] = {}
        self.lines: dict[DataPath, int] = {}

    def peek(self, offset: int = 0) -> _Tok | None:
        at = self.pos + offset
        return self.tokens[at] if at < len(self.tokens) else None

    def take(self) -> _Tok:
        token = self.peek()
        if token is None:
            last = self.tokens[-1].line if self.tokens else 1
            raise DocumentError(self.source, "unexpected end of file inside a value", line=last)
        self.pos += 1
        return token

    def expect(self, text: str) -> _Tok:
        token = self.take()
        if token.text != text:
            raise DocumentError(self.source, f"expected {text!r}, found {token.text!r}", line=token.line)
        return token

    def is_(self, text: str, offset: int = 0) -> bool:
        token = self.peek(offset)
        return token is not None and token.text == text and token.kind != "string"

    # ------------------------------------------------------------------ values

    def value(self, path: DataPath) -> Any:
        first = self.value_term(path)
        while self.is_("+"):
            self.take()
            other = self.value_term(path)
            first = f"{first}{other}" if isinstance(first, str) or isinstance(other, str) else None
        return first

    def value_term(self, path: DataPath) -> Any:
        token = self.peek()
        if token is None:
            return self.take()
        if token.text == "{" and token.kind == "punct":
            return self.object(path)
        if token.text == "[" and token.kind == "punct":
            return self.array(path)
        if token.kind == "string":
            self.take()
            return _unquote(token.text)
        if token.kind == "number":
            self.take()
            return _number(token.text)
        if token.text == "-" and self.peek(1) is not None and self.peek(1).kind == "number":
            self.take()
            return -_number(self.take().text)
        if token.kind == "name":
            self.take()
            if token.text in _WORDS:
                return _WORDS[token.text]
            if token.text in self.env and not self.is_("("):
                return self.env[token.text]
        self.skip_expression()
        return None

    def skip_expression(self) -> None:
        """Skip what is no literal (a call, a function) up to the ``,`` or closing bracket that ends it."""
        depth = 0
        while (token := self.peek()) is not None:
            if token.kind == "punct" and token.text in "([{":
                depth += 1
            elif token.kind == "punct" and token.text in ")]}":
                if depth == 0:
                    return
                depth -= 1
            elif depth == 0 and token.kind == "punct" and token.text in ",;":
                return
            self.take()

    def object(self, path: DataPath) -> dict[str, Any]:
        self.expect("{")
        result: dict[str, Any] = {}
        while not self.is_("}"):
            token = self.take()
            if token.kind == "spread":
                spread = self.value(path)
                if isinstance(spread, dict):
                    result.update(spread)
            else:
                key = self.key(token)
                self.lines[(*path, key)] = token.line
                if self.is_(":"):
                    self.take()
                    result[key] = self.value((*path, key))
                elif self.is_("("):  # a method: no data
                    self.skip_expression()
                    result[key] = None
                else:  # shorthand { name }
                    result[key] = self.env.get(key)
            if not self.is_("}"):
                self.expect(",")
        self.expect("}")
        return result

    def key(self, token: _Tok) -> str:
        if token.kind == "string":
            return _unquote(token.text)
        if token.kind in ("name", "number"):
            return token.text
        if token.text == "[":
            computed = self.value(())
            self.expect("]")
            return str(computed)
        raise DocumentError(self.source, f"unexpected {token.text!r} where a key belongs", line=token.line)

    def array(self, path: DataPath) -> list[Any]:
        self.expect("[")
        result: list[Any] = []
        while not self.is_("]"):
            token = self.peek()
            if token is not None and token.kind == "spread":
                self.take()
                spread = self.value(path)
                result.extend(spread if isinstance(spread, list) else [])
            else:
                self.lines[(*path, len(result))] = token.line if token else 0
                result.append(self.value((*path, len(result))))
            if not self.is_("]"):
                self.expect(",")
        self.expect("]")
        return result

    # ------------------------------------------------------------------ module

    def module(self) -> dict[str, Any]:
        """Every top-level object or array bound to a name (``export default`` is ``default``)."""
        found: dict[str, Any] = {}
        while (token := self.peek()) is not None:
            name = None
            if token.kind == "name" and token.text in _BINDINGS and self.peek(1) and self.peek(1).kind == "name":
                self.pos += 2
                name = self.tokens[self.pos - 1].text
                self.skip_annotation()
            elif token.text == "export" and self.is_("default", 1):
                self.pos += 2
                name = "default"
            elif token.text == "module" and self.is_(".", 1) and self.is_("exports", 2) and self.is_("=", 3):
                self.pos += 4
                name = "default"
            else:
                self.pos += 1
                continue
            if name != "default":
                if not self.is_("="):
                    continue
                self.take()
            start = self.peek()
            is_literal = start is not None and start.kind == "punct" and start.text in "{["
            value = self.value((name,))
            self.env[name] = value
            if is_literal:
                found[name] = value
        return found

    def skip_annotation(self) -> None:
        """Skip a type annotation (``: Tracks<Id, Category>``) up to the ``=`` that follows it."""
        if not self.is_(":"):
            return
        depth = 0
        while (token := self.peek()) is not None:
            if token.text in "<([{" and token.kind == "punct":
                depth += 1
            elif token.text in ">)]}" and token.kind == "punct":
                depth -= 1
            elif depth <= 0 and token.text in ("=", ";"):
                return
            self.take()


def _number(text: str) -> int | float:
    if text.lower().startswith("0x"):
        return int(text, 16)
    number = float(text)
    return int(number) if number.is_integer() and "." not in text and "e" not in text.lower() else number


def parse_literal(text: str, source: str) -> ParsedData:
    """One literal value (JSON, or JSON5-ish JavaScript) and the line of each of its keys and elements.

    Examples
    --------
    >>> parsed = parse_literal('{"levels": [\\n  "Junior",\\n  "Senior",\\n]}', "l.json")
    >>> parsed.data, parsed.lines[("levels", 1)]
    ({'levels': ['Junior', 'Senior']}, 3)
    """
    parser = _Parser(_tokens(text, source), source)
    data = parser.value(())
    return ParsedData(data=data, lines=parser.lines)


def parse_js_module(text: str, source: str) -> ParsedData:
    """The object and array literals a JavaScript module binds, by name, with their lines.

    Raises
    ------
    DocumentError
        For an unterminated string or comment, a literal that does not close, or a module with no
        object or array literal at all.

    Examples
    --------
    >>> module = "const SENIOR = 'Senior';\\nexport const levels = {\\n  [SENIOR]: ['Mentors', `Leads`],\\n};\\n"
    >>> parsed = parse_js_module(module, "l.js")
    >>> parsed.data, parsed.lines[("levels", "Senior")]
    ({'levels': {'Senior': ['Mentors', 'Leads']}}, 3)
    """
    parser = _Parser(_tokens(text, source), source)
    data = parser.module()
    if not data:
        raise DocumentError(
            source, "no object or array literal found (expected `export default {...}` or `const x = [...]`)"
        )
    return ParsedData(data=data, lines=parser.lines)
