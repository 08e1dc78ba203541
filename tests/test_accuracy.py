"""Accuracy on the development articles in ../shared/articles, against their truth files.

The floors are the figures the extractor reaches today (see README): a change that loses any
of them fails here. The articles are not special-cased anywhere in the extractor.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.extraction.accuracy import format_report, measure_folder, overall

SHARED = Path(__file__).resolve().parents[1].parent / "shared"
FLOORS = {
    "country_set": 1.0,
    "country_order": 1.0,
    "start": 1.0,
    "end": 1.0,
    "city": 1.0,
    "leaders": 1.0,
    "country_f1": 1.0,
}


@pytest.fixture(scope="module")
def scores():
    folder = SHARED / "articles"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent: the development articles are not checked out")
    found = measure_folder(folder)
    if not found:
        pytest.skip(f"{folder} has no NN.txt + NN.truth.json pairs")
    print(format_report(found))
    return found


def test_every_article_extracts(scores):
    assert [s.error for s in scores if s.error] == []
    assert len(scores) >= 5


@pytest.mark.parametrize("field", sorted(FLOORS))
def test_accuracy_floor(scores, field):
    rate = overall(scores)[field]
    assert rate >= FLOORS[field], f"{field}: {rate:.2f} < floor {FLOORS[field]:.2f}\n" + \
        format_report(scores)


def test_the_seed_scores_fully_against_its_truth_file():
    folder = SHARED / "seeds"
    if not folder.is_dir():
        pytest.skip(f"{folder} is absent")
    (seed,) = measure_folder(folder)
    assert seed.notes == [] and seed.error is None


def test_the_scorer_counts_two_spellings_of_one_gazetteer_city_as_the_same_city():
    from dashboard.extraction.accuracy import same_city

    assert same_city("Rangoon", "Yangon", "MM")
    assert same_city("Nay Pyi Taw", "Naypyidaw", "MM")
    assert same_city("Busan", "Pusan", "KR")
    assert not same_city("Rangoon", "Mandalay", "MM")
    assert not same_city("Yangon", "Yangon City", "US")


def test_one_missed_city_does_not_shift_the_later_cities_of_that_country():
    from types import SimpleNamespace

    from dashboard.extraction.accuracy import _align

    def stop(code, city):
        return SimpleNamespace(country_code=code, city=city)

    truth = [{"country": "IN", "city": c} for c in ("Agra", "Mumbai", "Amritsar", "New Delhi")]
    got = [stop("IN", "Agra"), stop("IN", "Amritsar"), stop("IN", "New Delhi")]
    assert _align(truth, got) == [0, None, 1, 2]
    # repeat visits keep their travel order
    truth = [{"country": c, "city": city} for c, city in
             [("KW", "Kuwait City"), ("QA", "Doha"), ("KW", "Kuwait City")]]
    got = [stop("KW", "Kuwait City"), stop("QA", "Doha"), stop("KW", "Kuwait City")]
    assert _align(truth, got) == [0, 1, 2]
