import pytest

from graph.ids import make_id, slugify


def test_slugify_is_stable_and_ascii():
    assert slugify("Head of SRE") == slugify("head  of   sre!") == "head-of-sre"


def test_make_id_refuses_names_without_letters():
    with pytest.raises(ValueError, match="no letters or digits"):
        make_id("Role", "—")
