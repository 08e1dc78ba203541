"""The Overview's figures built once per content (dashboard.figure_cache), the deck's JSON
kept once dumped, and the full garbage-collection passes kept short (dashboard.heap)."""

from __future__ import annotations

import gc
import json

import pytest

from dashboard import heap
from dashboard.figure_cache import content_key, route_deck, timeline_figure
from dashboard.views.colors import stop_colors
from dashboard.views.route_map import build_deck
from dashboard.views.timeline import build_timeline
from tests.view_fixtures import sample_tables


@pytest.fixture(scope="module")
def tables():  # type: ignore[no-untyped-def]
    return sample_tables("trip-a", "trip-b")


def test_equal_content_gives_one_key_and_any_change_another(tables) -> None:  # type: ignore[no-untyped-def]
    itinerary = tables.itinerary
    same = sample_tables("trip-a", "trip-b").itinerary
    assert content_key(itinerary, {"a": 1}) == content_key(same, {"a": 1})
    moved = same.copy()
    moved.loc[0, "city"] = "Cartagena"
    assert content_key(itinerary) != content_key(moved)
    assert content_key(itinerary, {"a": 1}) != content_key(itinerary, {"a": 2})


def test_the_cached_timeline_is_the_built_one_and_is_reused(tables) -> None:  # type: ignore[no-untyped-def]
    colors = stop_colors(tables.itinerary)
    first_stop = tables.itinerary["stop_id"].iloc[0]
    options = {"colors": colors, "lanes": "stop", "selected_stop_id": None}
    cached = timeline_figure(tables.itinerary, tables.events, **options)
    built = build_timeline(tables.itinerary, tables.events, **options)
    assert cached.to_dict() == built.to_dict()
    assert timeline_figure(tables.itinerary.copy(), tables.events.copy(), **options) is cached
    picked = timeline_figure(tables.itinerary, tables.events,
                             **{**options, "selected_stop_id": first_stop})
    assert picked is not cached
    assert picked.to_dict() == build_timeline(
        tables.itinerary, tables.events, **{**options, "selected_stop_id": first_stop}).to_dict()


def test_the_cached_deck_is_the_built_one_and_is_reused(tables) -> None:  # type: ignore[no-untyped-def]
    colors = stop_colors(tables.itinerary)
    cached = route_deck(tables.itinerary, colors, show_trip=True)
    assert json.loads(cached.to_json()) == json.loads(
        build_deck(tables.itinerary, colors, show_trip=True).to_json())
    assert route_deck(tables.itinerary, dict(colors), show_trip=True) is cached
    assert route_deck(tables.itinerary, colors, show_trip=False) is not cached


def test_a_frozen_deck_keeps_the_json_it_had() -> None:
    tables = sample_tables("trip-a")
    deck = build_deck(tables.itinerary, stop_colors(tables.itinerary))
    before = deck.to_json()
    assert deck.freeze() is deck and deck.to_json() == before
    assert "frozen" not in before  # the kept JSON is not part of the JSON
    deck.layers = []  # (a frozen deck must not be changed: it still answers the old JSON)
    assert deck.to_json() == before


def test_a_slow_full_pass_freezes_what_is_alive(monkeypatch: pytest.MonkeyPatch) -> None:
    frozen: list[bool] = []
    monkeypatch.setattr(gc, "freeze", lambda: frozen.append(True))
    monkeypatch.setattr(gc, "unfreeze", lambda: None)
    monkeypatch.setattr(gc, "collect", lambda *generation: 0)
    monkeypatch.setitem(heap._state, "last_full_pass_s", 0.0)
    assert heap.freeze_if_slow() is False and not frozen
    clock = iter([10.0, 10.3])
    monkeypatch.setattr(heap.time, "perf_counter", lambda: next(clock))
    heap._time_full_passes("start", {"generation": 2})
    heap._time_full_passes("stop", {"generation": 2})
    assert heap.last_full_pass_s() == pytest.approx(0.3)
    assert heap.freeze_if_slow() is True and frozen == [True]
    assert heap.freeze_if_slow() is False, "frozen once until the next slow pass"


def test_young_passes_are_not_timed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(heap._state, "last_full_pass_s", 0.0)
    heap._time_full_passes("start", {"generation": 0})
    heap._time_full_passes("stop", {"generation": 0})
    assert heap.last_full_pass_s() == 0.0


def test_the_full_passes_are_timed_for_real() -> None:
    heap.note_slow_collections()
    heap.note_slow_collections()
    assert gc.callbacks.count(heap._time_full_passes) == 1
    gc.collect(2)
    assert heap.last_full_pass_s() > 0.0


def test_a_freeze_collects_the_garbage_of_what_was_frozen_before(
        monkeypatch: pytest.MonkeyPatch) -> None:
    import weakref

    class Node:
        pass

    cycle = Node()
    cycle.me = cycle  # type: ignore[attr-defined]
    alive = weakref.ref(cycle)
    monkeypatch.setitem(heap._state, "last_full_pass_s", 1.0)
    try:
        assert heap.freeze_if_slow()
        del cycle  # a reference cycle that dies after it was frozen
        gc.collect()
        assert alive() is not None, "frozen: a plain pass leaves it"
        monkeypatch.setitem(heap._state, "last_full_pass_s", 1.0)
        assert heap.freeze_if_slow()
        assert alive() is None, "the next freeze collects it"
    finally:
        gc.unfreeze()
