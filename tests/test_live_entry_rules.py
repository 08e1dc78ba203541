"""Live blogs whose entries open with their clock time ("12:10 - ..."), and another
person's day in a sentence that names a stop (issue 9). Our own wording; the kinds are a
broadcaster's live page and a wire story's aside on someone else's visit."""

from __future__ import annotations

import warnings
from datetime import date

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip

LIVE = (
    "Title: LIVE - The Chancellor in Ukraine\n"
    "Date: 2024-05-14\n\n"
    "LIVE - The Chancellor in Ukraine\n"
    "Last updated: 14.05.2024 - 18:10\n\n"
    "18:10 - That's all from us. Chancellor Olaf Scholz's train has left Kyiv for Poland.\n\n"
    "15:05 - At a news conference in Kyiv with President Volodymyr Zelensky, Scholz "
    "promised two more air defence systems.\n\n"
    "09:40 - CONFIRMED: Chancellor Olaf Scholz has arrived at Kyiv's central station on an "
    "unannounced visit.\n\n"
    "08:15 - Good morning and welcome to our live coverage.\n")


def trip_of(text: str):
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text))


def _days(trip):
    return [(s.city, s.start, s.end) for s in trip.stops]


def test_stamped_entries_of_a_live_page_report_the_pages_day():
    assert _days(trip_of(LIVE)) == [("Kyiv", date(2024, 5, 14), date(2024, 5, 14))]


def test_a_page_of_one_timed_line_is_no_live_blog():
    # one stamped paragraph is a timed item, not a page of entries: no day is made up
    # (told in the simple past: "has arrived" is on the page's day by its tense, see
    # test_perfect_arrival_rules.py)
    text = ("Title: Chancellor in Kyiv\nDate: 2024-05-14\n\n"
            "09:40 - Chancellor Olaf Scholz arrived in Kyiv on an unannounced visit.\n")
    assert _days(trip_of(text)) == [("Kyiv", None, None)]


def test_another_persons_day_at_a_stop_is_not_the_travellers():
    # the Polish president's expected day in Kyiv does not stretch the Chancellor's stay
    text = LIVE.replace(
        "08:15 - Good morning",
        "11:00 - Reminder: Polish President Andrzej Duda is expected in Kyiv on Friday, at "
        "the end of a tour of the Baltic states.\n\n08:15 - Good morning")
    assert _days(trip_of(text))[0] == ("Kyiv", date(2024, 5, 14), date(2024, 5, 14))


def test_another_persons_arrival_day_in_prose():
    text = ("Title: Scholz in Kyiv\nDate: 2024-05-15\n\n"
            "KYIV - German Chancellor Olaf Scholz held talks with President Volodymyr "
            "Zelensky in Kyiv on Tuesday. Polish President Andrzej Duda is expected in Kyiv "
            "on Friday.\n")
    assert _days(trip_of(text))[0] == ("Kyiv", date(2024, 5, 14), date(2024, 5, 14))


def test_the_travellers_own_verb_after_anothers_clause_keeps_its_day():
    # "and arrived ... that evening" is the premier's, though the parse may hang it from the
    # clause about the other president's visit
    text = ("Title: Li in Hanoi\nDate: 2024-10-16\n\n"
            "Chinese Premier Li Qiang left Beijing on Monday, hours after Russian President "
            "Vladimir Putin wrapped up his state visit to China, and arrived in Hanoi that "
            "evening.\n")
    assert _days(trip_of(text))[0][:2] == ("Hanoi", date(2024, 10, 14))
