"""The name pattern of the HTTP parameters refuses exactly the names ``check_name`` would refuse as blank."""

import re
import sys

import pytest
from pydantic import TypeAdapter, ValidationError

from api.params import NAME_PATTERN, Name
from graph.errors import InvalidParameter
from graph.queries.checks import check_name

BLANKS = {chr(c) for c in range(sys.maxunicode + 1) if chr(c).isspace()} | {"\x00"}


def test_the_pattern_matches_every_character_but_the_blanks_check_name_strips():
    kept = {chr(c) for c in range(sys.maxunicode + 1) if re.search(NAME_PATTERN, chr(c))}
    assert len(kept) + len(BLANKS) == sys.maxunicode + 1 and kept.isdisjoint(BLANKS)


@pytest.mark.parametrize("blank", sorted(BLANKS))
def test_request_validation_refuses_what_check_name_refuses(blank):
    with pytest.raises(InvalidParameter):
        check_name("role", blank * 3)
    with pytest.raises(ValidationError):
        TypeAdapter(Name).validate_python(blank * 3)


@pytest.mark.parametrize("name", ["SRE Manager", "\ufeff", " x ", "\x85ñ\x85", "漢字"])
def test_request_validation_passes_what_check_name_passes(name):
    assert TypeAdapter(Name).validate_python(name) == name
    assert check_name("role", name)
