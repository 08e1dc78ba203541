"""Dates in news phrasing, and weekdays resolved against the publication date with tense."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.extraction.calendar_days import infer_year
from dashboard.extraction.dates import clause_tense, find_dates

TUESDAY = date(2022, 10, 4)  # the seed's dateline


def one(text: str, anchor: date | None = TUESDAY, year_anchor: date | None = None):
    found = find_dates(text, anchor=anchor, year_anchor=year_anchor)
    assert len(found) == 1, found
    return found[0]


@pytest.mark.parametrize("text, written, first, last", [
    ("meetings October 3rd and 4th in Bogotá", "October 3rd and 4th",
     date(2022, 10, 3), date(2022, 10, 4)),
    ("will travel to Colombia, Chile, and Peru October 3-7, 2022.", "October 3-7, 2022",
     date(2022, 10, 3), date(2022, 10, 7)),
    ("October 3-4, in Colombia", "October 3-4", date(2022, 10, 3), date(2022, 10, 4)),
    ("from July 9-13.", "July 9-13", date(2023, 7, 9), date(2023, 7, 13)),
    ("to Vilnius, Lithuania from July 11- 12 to attend", "July 11- 12",
     date(2023, 7, 11), date(2023, 7, 12)),
    ("will travel to Tokyo from November 5 through 7 with", "November 5 through 7",
     date(2022, 11, 5), date(2022, 11, 7)),
    ("from November 30 to December 2", "November 30 to December 2",
     date(2022, 11, 30), date(2022, 12, 2)),
    ("On Dec 2, Secretary will then travel", "Dec 2", date(2022, 12, 2), date(2022, 12, 2)),
    ("on December 1 to take part", "December 1", date(2022, 12, 1), date(2022, 12, 1)),
    ("Oct. 13, 2017.", "Oct. 13, 2017", date(2017, 10, 13), date(2017, 10, 13)),
    ("arrives on 19 May", "19 May", date(2023, 5, 19), date(2023, 5, 19)),
    ("on 16th May the summit", "16th May", date(2023, 5, 16), date(2023, 5, 16)),
    ("published 13 May 2023", "13 May 2023", date(2023, 5, 13), date(2023, 5, 13)),
    ("between 16 and 18 May", "16 and 18 May", date(2023, 5, 16), date(2023, 5, 18)),
])
def test_absolute_dates_and_ranges(text, written, first, last):
    anchor = date(2023, 5, 13) if "May" in text or "July" in text else TUESDAY
    found = one(text, anchor=anchor)
    assert (found.text, found.first, found.last) == (written, first, last)
    assert not found.relative


def test_bracketed_date_after_a_weekday_wins():
    found = one("On Tuesday [16th May], the Prime Minister will attend", anchor=date(2023, 5, 13))
    assert found.text == "Tuesday [16th May]"
    assert (found.first, found.last) == (date(2023, 5, 16), date(2023, 5, 16))
    # and it resolves without a publication date when a year anchor is known
    found = one("On Tuesday [16th May], he will attend", anchor=None,
                year_anchor=date(2023, 1, 1))
    assert found.first == date(2023, 5, 16)


def test_past_tense_weekday_looks_back_from_the_dateline():
    found = one("Blinken met with Colombian President Gustavo Petro on Monday for talks")
    assert found.first == date(2022, 10, 3) and found.relative


def test_future_tense_weekday_looks_forward():
    assert one("On Wednesday, he will meet Chilean President Gabriel Boric").first == \
        date(2022, 10, 5)


def test_two_weekdays_make_a_range():
    found = one("He is also scheduled to meet Peruvian President Pedro Castillo, a former "
                "union leader, in Peru on Thursday and Friday.")
    assert (found.first, found.last) == (date(2022, 10, 6), date(2022, 10, 7))


def test_same_weekday_as_the_dateline_is_today():
    assert one("Blinken met Petro on Tuesday").first == TUESDAY
    assert one("Blinken will meet Petro on Tuesday").first == TUESDAY


def test_weekday_without_an_anchor_stays_unresolved():
    found = one("He will meet Boric on Wednesday", anchor=None)
    assert found.first is None and found.last is None


def test_reporting_dates_are_flagged():
    found = one("will go to Myanmar, the State Department said in a statement Thursday.")
    assert found.reporting
    assert not one("He will visit Hanoi on Thursday.").reporting


def test_year_is_inferred_from_the_anchor_across_new_year():
    assert infer_year(1, 3, date(2022, 12, 28)) == 2023
    assert infer_year(12, 30, date(2023, 1, 2)) == 2022
    found = one("He will travel to Paris on January 3", anchor=date(2022, 12, 28))
    assert found.first == date(2023, 1, 3) and found.year_inferred


def test_missing_year_without_any_anchor_is_unresolved():
    found = one("travel to Tokyo November 5 through 7", anchor=None)
    assert found.first is None
    found = one("travel to Tokyo November 5 through 7", anchor=None,
                year_anchor=date(2017, 10, 13))
    assert (found.first, found.last) == (date(2017, 11, 5), date(2017, 11, 7))


def test_not_dates():
    for text in ("arable land worth $7 to $14 billion", "in March 2016", "May the talks go well",
                 "the 74th NATO Summit", "36-year-old former student"):
        assert find_dates(text, anchor=TUESDAY) == [], text


def test_clause_tense():
    text = "Blinken met Petro on Monday"
    assert clause_tense(text, text.index("Monday")) is False
    text = "On Wednesday, he will meet Boric"
    assert clause_tense(text, text.index("Wednesday")) is True
    assert clause_tense("Monday", 0) is None


def test_two_dates_joined_by_to_make_one_range():
    found = one("will travel to Japan and South Korea from Saturday, March 13, to Wednesday, "
                "March 17.", anchor=date(2021, 3, 10))
    assert (found.first, found.last) == (date(2021, 3, 13), date(2021, 3, 17))


def test_today_tomorrow_yesterday():
    found = find_dates("He arrived yesterday, meets Petro today and leaves tomorrow.",
                       anchor=TUESDAY)
    assert [(d.text, d.first) for d in found] == [
        ("yesterday", date(2022, 10, 3)), ("today", TUESDAY), ("tomorrow", date(2022, 10, 5))]
    assert find_dates("He arrives tomorrow.", anchor=None) == []


@pytest.mark.parametrize("text, expected", [
    ("Blinken, who arrived in Bogota on Monday, will travel to Chile", date(2022, 10, 3)),
    ("He will travel to the United States on Monday", date(2022, 10, 10)),
    ("He is scheduled to arrive on Monday", date(2022, 10, 10)),
    ("Blinken traveled to Lima on Monday", date(2022, 10, 3)),
    ("He visited Quito last Monday.", date(2022, 10, 3)),
    ("He will go there next Monday", date(2022, 10, 10)),
])
def test_the_verb_before_the_weekday_sets_its_tense(text, expected):
    assert one(text).first == expected


def test_tomorrow_alone_is_found():
    found = find_dates("He leaves for Lima tomorrow.", anchor=TUESDAY)
    assert [(d.text, d.first) for d in found] == [("tomorrow", date(2022, 10, 5))]


def test_a_weekday_with_a_bare_day_number():
    mention = one("The next day, Sunday 14th, he was in Berlin.", anchor=date(2023, 5, 15))
    assert (mention.text, mention.first) == ("Sunday 14th", date(2023, 5, 14))


def test_the_nth_alone_is_a_day_of_the_anchors_month():
    mention = one("Talks are expected on the 6th at the Great Hall.", anchor=date(2023, 11, 3))
    assert (mention.text, mention.first) == ("6th", date(2023, 11, 6))


def test_an_ordinal_before_a_noun_is_not_a_date():
    assert find_dates("He flew there later Tuesday, the 25th anniversary of the bombing.",
                      anchor=date(2024, 5, 10))[0].text == "Tuesday"
    assert find_dates("the 25th anniversary of the bombing", anchor=date(2024, 5, 10)) == []


def test_this_evening_is_today():
    assert one("He met the crown prince in Riyadh this evening.").first == TUESDAY


def test_through_a_weekday_extends_the_date_before_it():
    mention = one("On Wednesday, March 29, she will fly to Dar es Salaam, where she will hold "
                  "talks through Friday.", anchor=date(2023, 3, 24))
    assert (mention.first, mention.last) == (date(2023, 3, 29), date(2023, 3, 31))


def test_the_next_day_is_not_future_tense():
    assert one("The next day, Sunday, he was in Berlin.", anchor=date(2023, 5, 15)).first == \
        date(2023, 5, 14)


def test_the_clause_after_a_date_ends_at_the_line():
    text = "He is in Cuba Sunday through Tuesday.\n\nOn Tuesday he will give a speech."
    assert find_dates(text, anchor=date(2016, 3, 21))[0].first == date(2016, 3, 20)


def test_a_weekday_after_an_absolute_date_only_confirms_it():
    mention = one("He will arrive in Tokyo on May 21 (Sun.) for talks.", anchor=date(2023, 5, 1))
    assert (mention.text, mention.first) == ("May 21 (Sun.)", date(2023, 5, 21))


def test_two_bare_day_numbers_make_a_range():
    mention = one("He will be in Riyadh on the 30th and 1st.", anchor=date(2023, 4, 28))
    assert (mention.first, mention.last) == (date(2023, 4, 30), date(2023, 5, 1))


@pytest.mark.parametrize("text", ["He flew to Rome on Monday.", "She went to Kyiv on Monday.",
                                  "He spent Monday in Paris."])
def test_irregular_past_verbs_look_back(text):
    assert one(text).first == date(2022, 10, 3)


def test_last_weekday_is_strictly_before_the_dateline():
    # a Saturday story: "last Saturday" is a week back, "on Saturday" is today
    saturday = date(2017, 5, 27)
    assert one("He landed in Riyadh last Saturday.", anchor=saturday).first == date(2017, 5, 20)
    assert one("He wrapped up the trip on Saturday.", anchor=saturday).first == saturday


def test_this_afternoon_is_the_anchor_day():
    found = find_dates("We land in Lima this afternoon.", anchor=date(2025, 3, 4))
    assert [(d.text, d.first) for d in found] == [("this afternoon", date(2025, 3, 4))]


@pytest.mark.parametrize("text", [
    "She will hold talks with Vice Premier Hu Chun Sun. The visit follows a call in May.",
    "He met Deputy Minister Tran Van Sat. They discussed rice exports.",
])
def test_an_abbreviated_weekday_ending_a_name_is_no_date(text):
    assert find_dates(text, anchor=date(2024, 10, 18)) == []


@pytest.mark.parametrize("text, day", [
    ("Talks are set for Sun. in the capital.", date(2024, 10, 20)),
    ("The minister will arrive on Sat. for two days.", date(2024, 10, 19)),
    ("Departure: Sun., Oct. 20", date(2024, 10, 20)),
])
def test_an_abbreviated_weekday_after_a_lead_in_is_a_date(text, day):
    assert [d.first for d in find_dates(text, anchor=date(2024, 10, 18))] == [day]


@pytest.mark.parametrize("text, reporting", [
    ("The Prime Minister today announced that he will travel to Rome.", True),
    ("The ministry on Monday said the visit would go ahead.", True),
    ("The Prime Minister yesterday met the President in Rome.", False),
    ("He said on Monday that he was ready.", True),
])
def test_a_date_right_before_a_verb_of_saying_is_the_statements(text, reporting):
    assert [d.reporting for d in find_dates(text, anchor=date(2024, 10, 18))] == [reporting]
