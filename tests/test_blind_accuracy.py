"""Accuracy floors on the blind evaluation sets (tests/fixtures/blind, see its README).

The floors are today's figures: a change that loses ground on any set fails here. set4 has
never been tuned on; its figures are the project's honest estimate for unseen articles.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.extraction.accuracy import format_report, measure_folder, overall

BLIND = Path(__file__).resolve().parent / "fixtures" / "blind"
FLOORS = {  # today's figures, rounded down to 0.001
    "set2": {"country_f1": 1.0, "country_set": 1.0, "country_order": 0.9, "start": 0.882,
             "end": 0.735, "city": 0.941, "leaders": 0.941},
    "set3": {"country_f1": 0.94, "country_set": 0.9, "country_order": 0.8, "start": 0.862,
             "end": 0.758, "city": 0.931, "leaders": 0.793},
    "set4": {"country_f1": 0.782, "country_set": 0.5, "country_order": 0.4, "start": 0.875,
             "end": 0.812, "city": 0.937, "leaders": 0.75},
    # written on 2026-11-30 by someone who had not seen the code; first measured on main at
    # bfbe781 (six-part 0.725) and after the date, order and people rules of that day (0.729)
    # before anyone looked at its misses: the honest estimate for unseen text. Since then a
    # development set (places rules of 2026-11-30: questions, earlier years, trip as subject,
    # events named after cities, city-states)
    "set6": {"country_f1": 0.957, "country_set": 0.75, "country_order": 0.5, "start": 0.589,
             "end": 0.461, "city": 0.948, "leaders": 0.641},
    # measured blind after the first round of issue 9 (0.801 / 0.809), a development set
    # since; these are the figures after the places rules of the second round
    "set7": {"country_f1": 0.989, "country_set": 0.928, "country_order": 0.857, "start": 0.729,
             "end": 0.666, "city": 1.0, "leaders": 0.812},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def measured(request):
    scores = measure_folder(BLIND / request.param)
    print(format_report(scores))
    return request.param, scores


def test_every_article_extracts_and_keeps_its_floors(measured):
    name, scores = measured
    assert len(scores) == len(list((BLIND / name).glob("*.truth.json")))
    assert [s.error for s in scores if s.error] == []
    rates = overall(scores)
    below = {field: round(rates[field], 3) for field, floor in FLOORS[name].items()
             if rates[field] < floor}
    assert not below, f"{name} below its floors {FLOORS[name]}: {below}\n" + format_report(scores)
