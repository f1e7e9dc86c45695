"""The prebuilt fuzzy index ranks names exactly as scoring every name with rapidfuzz would."""

from __future__ import annotations

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from rapidfuzz import fuzz

from graph.queries.text import (
    ACCEPT_MARGIN,
    ACCEPT_SCORE,
    MISSING_WORDS_DISCOUNT,
    SUBSET_DISCOUNT,
    NameIndex,
    NameMatch,
    name_key,
)

WORDS = ["senior", "staff", "site", "reliability", "engineer", "engineering", "manager", "payments", "core",
         "edge", "data", "platform", "head", "of", "sre", "director", "ml", "ops", "enginer", "paymnets"]


def brute_force(index: NameIndex, text: str, min_score: float) -> list[NameMatch]:
    """The definition: every name scored by token_sort_ratio and the discounted token_set_ratio."""
    query = name_key(text)
    best: dict[str, NameMatch] = {}
    for entry in index._entries:
        sort = round(fuzz.token_sort_ratio(query, entry.key), 2)
        factor = SUBSET_DISCOUNT if len(entry.key) >= len(query) else MISSING_WORDS_DISCOUNT
        token_set = fuzz.token_set_ratio(query, entry.key)
        for score, raw in ((sort, fuzz.token_sort_ratio(query, entry.key)), (round(token_set * factor, 2), token_set)):
            current = best.get(entry.id)
            if raw >= min_score and score >= min_score and (current is None or score > current.score):
                best[entry.id] = NameMatch(entry.id, entry.name, score)
    return sorted(best.values(), key=lambda m: (-m.score, abs(len(m.name) - len(query)), index.display[m.id]))


names = st.lists(st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join), min_size=1, max_size=40)
# Words of a few letters and digits, spelled at random: typos the vocabulary above does not hold, and
# names whose letters nearly match.
spelled = st.text(alphabet="aeilmnorst19", min_size=1, max_size=9)
spelled_names = st.lists(st.lists(spelled | st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join),
                         min_size=1, max_size=40)


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(titles=names, query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join),
       min_score=st.sampled_from([0.0, 50.0, 60.0, ACCEPT_SCORE - ACCEPT_MARGIN, 95.0]),
       limit=st.sampled_from([None, 1, 2, 5]))
def test_fuzzy_ranks_as_scoring_every_name_would(titles, query, min_score, limit):
    index = NameIndex((f"role:{i % 25}", title) for i, title in enumerate(titles))

    expected = brute_force(index, query, min_score)

    assert index.fuzzy(query, limit=limit, min_score=min_score) == expected[:limit]


@settings(max_examples=200, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(titles=spelled_names, query=st.lists(spelled | st.sampled_from(WORDS), min_size=1, max_size=5).map(" ".join),
       min_score=st.sampled_from([50.0, 60.0, ACCEPT_SCORE - ACCEPT_MARGIN, ACCEPT_SCORE, 90.0, 95.0]),
       limit=st.sampled_from([None, 1, 2, 5]))
def test_fuzzy_ranks_names_spelled_at_random_as_scoring_every_name_would(titles, query, min_score, limit):
    index = NameIndex((f"role:{i % 25}", title) for i, title in enumerate(titles))

    expected = brute_force(index, query, min_score)

    assert index.fuzzy(query, limit=limit, min_score=min_score) == expected[:limit]


@settings(max_examples=100, deadline=None)
@given(titles=names, query=st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(" ".join))
def test_suggestions_are_the_best_distinct_names_of_the_ranking(titles, query):
    index = NameIndex((f"role:{i}", title) for i, title in enumerate(titles))
    ranked = [index.display[node_id] for node_id in index.exact(query)]
    ranked += [index.display[m.id] for m in brute_force(index, query, 50.0)]

    assert index.suggestions(query) == list(dict.fromkeys(ranked))[:5]


def test_a_typo_ranks_its_own_title_first_then_the_siblings_sharing_most_words():
    index = NameIndex([
        ("role:core", "Senior Site Reliability Engineer - Payments Core"),
        ("role:edge", "Senior Site Reliability Engineer - Payments Edge"),
        ("role:staff", "Staff Site Reliability Engineer - Payments Core"),
        ("role:data", "Senior Data Platform Engineer - Payments Core"),
    ])

    ranked = [m.id for m in index.fuzzy("Senior Site Reliabilty Engineer Payments Core")]

    assert ranked[0] == "role:core"
    assert set(ranked[1:3]) == {"role:edge", "role:staff"}  # one word away, the same length
    assert ranked.index("role:data") == 3  # two words away


def test_a_whole_name_ranks_above_a_name_that_only_contains_the_words():
    index = NameIndex([("role:head-sre", "Head of SRE"), ("role:head", "Head")])

    assert [m.id for m in index.fuzzy("head")] == ["role:head", "role:head-sre"]


def test_two_roles_of_one_title_give_one_suggestion():
    index = NameIndex([("role:a", "Data Engineer"), ("role:b", "Data Engineer"), ("role:c", "Data Manager")])

    assert index.suggestions("data enginer") == ["Data Engineer", "Data Manager"]


def test_every_seed_title_with_a_letter_dropped_ranks_as_scoring_every_name_would(seed_graph):
    index = seed_graph.role_names
    checked = 0
    for title in sorted({entry.name for entry in index._entries}):
        for cut in range(1, len(title) - 1, 3):
            typo = title[:cut] + title[cut + 1 :]
            for min_score in (ACCEPT_SCORE - ACCEPT_MARGIN, 50.0):
                assert index.fuzzy(typo, limit=2, min_score=min_score) == brute_force(index, typo, min_score)[:2]
                checked += 1
    assert checked > 500
