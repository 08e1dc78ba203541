"""Applying a reader's corrections to an extracted trip (pure functions, no database)."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from dashboard.extraction import extract_trip_from_file, trip_to_json
from dashboard.models import Trip
from dashboard.provenance import stop_provenance
from dashboard.store.corrections import (
    StopEdit,
    apply_corrections,
    check_edits,
    edits_from_trip,
    locate,
)
from dashboard.tables import build_tables

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_2088198bdb06ddc9.txt"
AT = dt.datetime(2026, 1, 2, 3, 4, 5, tzinfo=dt.UTC)


@pytest.fixture(scope="module")
def seed() -> Trip:
    return extract_trip_from_file(SEED)


def test_no_change_is_no_correction(seed: Trip) -> None:
    assert apply_corrections(seed, edits_from_trip(seed), AT) == seed


def test_a_corrected_field_keeps_the_extracted_value_and_the_time(seed: Trip) -> None:
    edits = edits_from_trip(seed)
    edits[1] = edits[1].model_copy(update={"start": dt.date(2022, 10, 6),
                                           "end": dt.date(2022, 10, 6)})
    corrected = apply_corrections(seed, edits, AT)
    chile = corrected.stops[1]
    assert (chile.start, chile.end) == (dt.date(2022, 10, 6), dt.date(2022, 10, 6))
    assert set(chile.corrections) == {"start", "end"}
    assert chile.corrections["start"].extracted == "2022-10-05"
    assert chile.corrections["start"].corrected_at == AT
    assert not chile.dates_inferred
    provenance = stop_provenance(chile)
    assert provenance["start"] == {"provenance": "corrected",
                                   "corrected_at": AT.isoformat(), "extracted": "2022-10-05"}
    assert provenance["country_code"] == {"provenance": "stated"}
    assert seed.stops[1].start == dt.date(2022, 10, 5)  # the input is left alone
    stop_json = trip_to_json(corrected)["stops"][1]
    assert stop_json["start"] == "2022-10-06"
    assert stop_json["provenance"]["start"]["extracted"] == "2022-10-05"
    row = build_tables([corrected]).itinerary.iloc[1]
    assert row["corrected"] == ["start", "end"]
    assert row["extracted"]["start"] == "2022-10-05"


def test_stops_can_be_added_deleted_and_moved(seed: Trip) -> None:
    edits = edits_from_trip(seed)
    added = StopEdit(country_code="EC", city="Quito", start=dt.date(2022, 10, 8))
    reordered = [edits[2], edits[0], locate(added)]  # Chile deleted, Peru first, Quito added
    corrected = apply_corrections(seed, reordered, AT)
    assert [s.country_code for s in corrected.stops] == ["PE", "CO", "EC"]
    assert [s.index for s in corrected.stops] == [0, 1, 2]
    quito = corrected.stops[2]
    assert quito.country == "Ecuador" and quito.lat == pytest.approx(-0.23, abs=0.1)
    assert set(quito.corrections) >= {"country_code", "city", "start"}
    assert quito.corrections["city"].extracted is None
    assert corrected.stops[0].corrections == {}  # moving is not changing a field
    # Mentions follow their stop's new number; the deleted stop's are gone.
    old_peru = {(m.kind, m.start) for m in seed.mentions if m.stop_index == 2}
    assert old_peru == {(m.kind, m.start) for m in corrected.mentions if m.stop_index == 0}
    assert not any(m.stop_index is not None and m.stop_index > 2 for m in corrected.mentions)
    chile_mentions = [m for m in seed.mentions if m.stop_index == 1]
    assert len(corrected.mentions) == len(seed.mentions) - len(chile_mentions)
    build_tables([corrected])  # the tables accept the corrected trip


def test_leaders_and_topics_can_be_corrected(seed: Trip) -> None:
    edits = edits_from_trip(seed)
    edits[1] = edits[1].model_copy(update={"leaders": ["Gabriel Boric", "Antonia Urrejola"],
                                           "topics": ["migration"]})
    chile = apply_corrections(seed, edits, AT).stops[1]
    assert [leader.name for leader in chile.leaders] == ["Gabriel Boric", "Antonia Urrejola"]
    assert chile.leaders[0] == seed.stops[1].leaders[0]  # kept with its evidence
    assert chile.corrections["leaders"].extracted == ["Gabriel Boric"]
    assert [t.slug for t in chile.topics] == ["migration"]
    assert chile.topics[0].label


@pytest.mark.parametrize(("change", "column", "reason"), [
    ({"start": dt.date(2022, 10, 9), "end": dt.date(2022, 10, 1)}, "end", "before the start"),
    ({"country_code": "XQ"}, "country", "unknown country code 'XQ'"),
    ({"city": "Atlantisville", "lat": None, "lon": None}, "city", "not in the gazetteer"),
    ({"start": dt.date(1899, 12, 31), "end": None}, "start", "outside 1900-2100"),
    ({"end": dt.date(2101, 1, 1)}, "end", "outside 1900-2100"),
    ({"lat": 10.0, "lon": None}, "coordinates", "both latitude and longitude"),
])
def test_bad_values_are_refused_with_a_reason(seed: Trip, change: dict, column: str,
                                              reason: str) -> None:
    edits = edits_from_trip(seed)
    edits[1] = edits[1].model_copy(update=change)
    problems = check_edits(edits)
    assert [(p.row, p.column) for p in problems] == [(1, column)]
    assert reason in problems[0].reason
    assert str(problems[0]).startswith("Stop 2, ")


def test_a_city_outside_the_gazetteer_is_fine_with_coordinates(seed: Trip) -> None:
    edits = edits_from_trip(seed)
    edits[1] = edits[1].model_copy(update={"city": "Atlantisville", "lat": -33.0, "lon": -71.6})
    assert check_edits(edits) == []
    assert check_edits([]) and check_edits([])[0].column == "stops"


def test_a_new_city_gets_the_gazetteers_coordinates(seed: Trip) -> None:
    before = edits_from_trip(seed)[1]
    moved = locate(before.model_copy(update={"city": "Valparaíso"}), before)
    assert (moved.lat, moved.lon) != (before.lat, before.lon)
    assert moved.lat == pytest.approx(-33.04, abs=0.1)
    unknown = locate(before.model_copy(update={"city": "Atlantisville"}), before)
    assert (unknown.lat, unknown.lon) == (None, None)  # not left at Santiago's coordinates
    typed = locate(before.model_copy(update={"city": "Atlantisville", "lat": 1.0, "lon": 2.0}),
                   before)
    assert (typed.lat, typed.lon) == (1.0, 2.0)


def test_the_editor_table_round_trips_and_orders_rows(seed: Trip) -> None:
    from dashboard.store.editor import corrected_labels, editor_frame, edits_from_frame

    edits = edits_from_trip(seed)
    frame = editor_frame(edits)
    again, problems = edits_from_frame(frame, edits)
    assert (again, problems) == (edits, [])
    frame.loc[0, "order"] = 9                      # Colombia last
    frame.loc[len(frame)] = {"order": None, "country": "EC", "city": "Quito", "lat": None,
                             "lon": None, "start": "2022-10-08", "end": None,
                             "leaders": "Guillermo Lasso; ", "topics": [], "origin": None}
    moved, problems = edits_from_frame(frame, edits)
    assert problems == []
    assert [e.country_code for e in moved] == ["CL", "PE", "EC", "CO"]
    assert moved[2].leaders == ["Guillermo Lasso"] and moved[2].lat is not None
    assert corrected_labels(moved, edits) == ["", "", "added", ""]
    frame.loc[1, "country"] = None
    _, problems = edits_from_frame(frame, edits)
    assert [(p.row, p.column, p.reason) for p in problems] == [(0, "country",
                                                                 "choose a country")]
