"""Where the API runs a query: on the event loop once the graph's indexes are built, in the thread pool before."""

from __future__ import annotations

import asyncio
import threading

from api.deps import answer, is_warm
from api.state import WARM_INDEXES
from graph.queries import role_card
from graph.queries.sample import sample_graph


def _thread_of_answer(og) -> threading.Thread:
    async def run() -> threading.Thread:
        return await answer(og, threading.current_thread)

    return asyncio.run(run())


def test_a_graph_is_warm_only_once_every_warm_index_is_built():
    og = sample_graph()
    assert not is_warm(og)
    for name in WARM_INDEXES[:-1]:
        getattr(og, name)
    assert not is_warm(og)
    getattr(og, WARM_INDEXES[-1])
    assert is_warm(og)


def test_a_cold_graph_is_queried_in_the_thread_pool_and_a_warm_one_on_the_event_loop():
    og = sample_graph()
    assert _thread_of_answer(og) is not threading.main_thread()
    for name in WARM_INDEXES:
        getattr(og, name)
    assert _thread_of_answer(og) is threading.main_thread()


def test_the_answer_is_the_same_wherever_it_runs():
    cold, warm = sample_graph(), sample_graph()
    for name in WARM_INDEXES:
        getattr(warm, name)

    async def card(og):
        return await answer(og, role_card, og, "SRE Manager")

    assert asyncio.run(card(cold)) == asyncio.run(card(warm))
