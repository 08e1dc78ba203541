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
    "set3": {"country_f1": 0.906, "country_set": 0.8, "country_order": 0.6, "start": 0.793,
             "end": 0.724, "city": 0.862, "leaders": 0.689},
    "set4": {"country_f1": 0.735, "country_set": 0.5, "country_order": 0.4, "start": 0.75,
             "end": 0.625, "city": 0.875, "leaders": 0.625},
    # written on 2026-11-30 by someone who had not seen the code; first measured on main at
    # bfbe781 (six-part 0.725) and after the date, order and people rules of that day (0.729)
    # before anyone looked at its misses: the honest estimate for unseen text. Since then a
    # development set (issue 9): after the people rules by kind of 2026-11-30 (six-part 0.817)
    "set6": {"country_f1": 0.879, "country_set": 0.333, "country_order": 0.333, "start": 0.564,
             "end": 0.461, "city": 0.897, "leaders": 0.717},
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
