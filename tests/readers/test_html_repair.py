"""html_repair on random tag soup: it only adds end tags and drops whole tags, so a page's text is never
lost; its lists come out balanced; no element is nested deeper than MAX_DEPTH."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from loaders.readers.html_repair import MAX_DEPTH, repaired

_TAGS = ["p", "li", "ul", "ol", "b", "span", "div", "q", "mark", "em", "td", "h2", "a"]
_TOKENS = st.one_of(
    st.sampled_from([f"<{name}>" for name in _TAGS] + [f"</{name}>" for name in _TAGS] + ["<br>", "<!-- c -->"]),
    st.text(alphabet="abc xyz", min_size=1, max_size=6),
)
_ANY_TAG = re.compile(r"<[^<>]*>")


def _text(html: str) -> str:
    return _ANY_TAG.sub("", html)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=200))
def test_repair_keeps_every_word_of_the_page(tokens):
    page = "".join(tokens)
    assert _text(repaired(page)) == _text(page)


@settings(max_examples=300, deadline=None)
@given(st.lists(_TOKENS, max_size=200))
def test_repaired_lists_are_balanced(tokens):
    out = repaired("<body>" + "".join(tokens) + "</body>")
    for name in ("ul", "ol"):
        depth = 0
        for tag in re.finditer(rf"<(/?){name}>", out):
            depth += -1 if tag.group(1) else 1
            assert depth >= 0, out
        assert depth == 0, out


def test_no_element_is_nested_deeper_than_the_limit():
    page = "".join("<div><span>" if i % 2 else "<b>" for i in range(3 * MAX_DEPTH)) + "deep text"
    out = repaired(page)
    depth = deepest = 0
    for tag in re.finditer(r"<(/?)(div|span|b)>", out):
        depth += -1 if tag.group(1) else 1
        deepest = max(deepest, depth)
    assert deepest == MAX_DEPTH
    assert out.endswith("deep text")
