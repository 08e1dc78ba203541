"""Hostile and odd input found in a first hour of attack (issue 12): each fault's whole kind.

No timing assertions here (timings live in `make bench`): the linear-time checks count work
or run with a generous budget that only a super-linear blow-up can exceed.
"""

from __future__ import annotations

import warnings

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip
from dashboard.extraction import trip as trip_mod

TRADE_HEAD = ("Title: Trade trip\nDate: 2022-10-04\n\n"
              "Secretary of State Antony Blinken will travel to Colombia on Monday.\n")
TRADE_SENTENCE = "They discussed trade and investment. "


class _CountingHits(list):
    """A list of topic hits that counts how many hits the extractor looks at."""

    looked_at = 0

    def __iter__(self):
        for hit in super().__iter__():
            _CountingHits.looked_at += 1
            yield hit

    def __getitem__(self, key):
        got = super().__getitem__(key)
        _CountingHits.looked_at += len(got) if isinstance(key, slice) else 1
        return got


def test_topic_hits_are_looked_at_a_bounded_number_of_times(monkeypatch) -> None:
    """Issue 12 item 1: every sentence scanned every topic hit of the body (sentences x hits:
    a 990 KB upload of one trade sentence repeated took 118 s of CPU). Each hit must be looked
    at a bounded number of times, whatever the length."""
    real = trip_mod.find_topics

    def counting(*args, **kwargs):
        return _CountingHits(real(*args, **kwargs))

    monkeypatch.setattr(trip_mod, "find_topics", counting)
    repeats = 400
    article = read_article_text("trade.txt", TRADE_HEAD + TRADE_SENTENCE * repeats)
    _CountingHits.looked_at = 0
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(article)
    assert [s.country_code for s in trip.stops] == ["CO"]
    hits = 2 * repeats  # "trade" and "investment" in every sentence
    assert _CountingHits.looked_at <= 3 * hits, (
        f"{_CountingHits.looked_at} looks at {hits} topic hits: quadratic")
