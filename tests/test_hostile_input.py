"""Hostile and odd input found in a first hour of attack (issue 12): each fault's whole kind.

No timing assertions here (timings live in `make bench`): the linear-time checks count work
or run with a generous budget that only a super-linear blow-up can exceed.
"""

from __future__ import annotations

import warnings

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import assemble as assemble_mod
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
    real = assemble_mod.find_topics

    def counting(*args, **kwargs):
        return _CountingHits(real(*args, **kwargs))

    monkeypatch.setattr(assemble_mod, "find_topics", counting)
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


def test_sentences_that_name_no_one_and_nowhere_are_not_parsed(monkeypatch) -> None:
    """The language model's pass is most of the extraction's time: a long text of sentences
    that name no person, place, weekday or month ("They discussed trade and investment.")
    must not go through it, or a 1 MB upload takes minutes (issue 12 item 1, issue 9)."""
    parsed_spans: list[tuple[int, int]] = []
    real = trip_mod.parse_lines

    def recording(text, start=0, nlp=None, spans=None):
        parsed_spans.extend(spans or [])
        return real(text, start, nlp, spans)

    monkeypatch.setattr(trip_mod, "parse_lines", recording)
    trip = _extract(TRADE_HEAD + TRADE_SENTENCE * 400)
    assert [s.country_code for s in trip.stops] == ["CO"]
    assert len(parsed_spans) == 1, "only the sentence that names a traveller and a place"


def _extract(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("hidden.txt", text))


HIDDEN = ("Title: Hidden characters\nDate: 2022-10-04\n\n"
          "Secretary of State Antony Blinken arrived in Bo\u200bgota on Monday to discuss "
          "drug traf\u00adficking. On Wednesday he will travel to \u2067Chile\u2069 and then "
          "to Li\u200dma, P\u200eeru.\n")


def test_a_zero_width_space_inside_a_name_is_not_a_word_break() -> None:
    """Issue 12 item 2: "Bo\\u200bgota" gave a stop in "Bo", Sierra Leone."""
    trip = _extract(HIDDEN)
    assert [(s.city, s.country_code) for s in trip.stops] == [
        ("Bogotá", "CO"), ("Santiago", "CL"), ("Lima", "PE")]


def test_offsets_still_point_into_the_original_text() -> None:
    trip = _extract(HIDDEN)
    text = trip.article.text
    assert text == HIDDEN
    for mention in trip.mentions:
        assert text[mention.start:mention.end] == mention.text
    city = next(m for m in trip.mentions if m.kind == "city" and m.value == "Bogotá")
    assert city.text == "Bo\u200bgota"
    topic = next(m for m in trip.mentions if m.kind == "topic")
    assert topic.text == "drug traf\u00adficking"
    for item in [*trip.sentences, *(e for s in trip.stops for e in s.evidence)]:
        assert text[item.start:item.end] == item.sentence
    assert "Bo\u200bgota" in trip.stops[0].evidence[0].sentence


@pytest.mark.parametrize(("written", "why"), [
    ("February 30, 2022", "'February 30, 2022' is not a date (February has 28 days in 2022)"),
    ("April 31", "'April 31' is not a date (April has 30 days)"),
    ("31 June 2022", "'31 June 2022' is not a date (June has 30 days)"),
    ("2023-02-29", "'2023-02-29' is not a date (February has 28 days in 2023)"),
])
def test_an_impossible_date_is_named_in_a_warning(written: str, why: str) -> None:
    """Issue 12 item 3: "February 30, 2022" left the stop undated with no word."""
    trip = _extract("Title: Impossible\nDate: 2022-02-20\n\nSecretary of State Antony "
                    f"Blinken will travel to Colombia on {written}.\n")
    assert [(s.country_code, s.start) for s in trip.stops] == [("CO", None)]
    assert f"hidden.txt: {why}; left undated" in trip.warnings


def test_a_real_leap_day_is_no_warning() -> None:
    trip = _extract("Title: Leap\nDate: 2024-02-20\n\nSecretary of State Antony Blinken "
                    "will travel to Colombia on February 29, 2024.\n")
    assert trip.stops[0].start is not None
    assert not any("is not a date" in w for w in trip.warnings)
