"""Events named in sentences: summits, ministerials, conferences, press conferences."""

from __future__ import annotations

from dashboard.extraction.events import find_events


def events(text: str) -> list[tuple[str, str]]:
    return [(e.kind, e.label) for e in find_events(text, 0, len(text))]


def test_named_summits_keep_their_full_name():
    assert events("He will travel to Vilnius to attend the 74th NATO Summit.") == [
        ("summit", "74th NATO Summit")]
    assert events("the Prime Minister will attend the Council of Europe Summit in Iceland") == [
        ("summit", "Council of Europe Summit")]
    assert events("visit Helsinki, Finland for a U.S.-Nordic Leaders Summit.") == [
        ("summit", "U.S.-Nordic Leaders Summit")]


def test_ministerials_conferences_and_press_conferences():
    assert events("to take part in the December NATO Foreign Ministerial and meetings") == [
        ("ministerial", "NATO Foreign Ministerial")]
    assert events("to take part in the OSCE Ministerial Council on December 3") == [
        ("ministerial", "OSCE Ministerial Council")]
    assert events("to join President Obama for the opening of COP-21 in Paris.") == [
        ("conference", "COP-21")]
    assert events("to lead the U.S. delegation at the General Assembly of the Organization of "
                  "American States (OAS).") == [
        ("conference", "General Assembly of the Organization of American States")]
    assert events("Blinken speaks during a joint press conference with Petro") == [
        ("press conference", "Joint press conference")]


def test_past_events_are_not_part_of_the_trip():
    assert events("Petro at the UN General Assembly last month called it a failure.") == []
    assert events("Earlier this week, Tillerson gave a major speech on China.") == []


def test_plain_sentences_have_no_events():
    assert events("Colombia is the world's leading cocaine producer.") == []
