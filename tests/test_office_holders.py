"""The office-holder table (`data/office_holders.csv`) and the traveller it names: a text that
gives the traveller only by office ("Statement by Prime Minister") or by title and surname
("Secretary Blinken") gets the holder's full name on the article's day."""

from __future__ import annotations

import warnings
import xml.etree.ElementTree as ET
from datetime import date
from itertools import pairwise

import pytest

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip, office_holders
from dashboard.extraction.office_holders import full_name, holder, office_country, office_of
from tests.shared_data import SHARED_RECORDS


def traveller_of(text: str) -> str | None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_trip(read_article_text("article.txt", text)).traveler


@pytest.mark.parametrize(("title", "office"), [
    ("Prime Minister", "head_of_government"),
    ("Minister for Foreign Affairs", "foreign_minister"),
    ("External Affairs  Minister", "foreign_minister"),
    ("Secretary of Defense", "defence_minister"),
    ("Secretary-General", "secretary_general"),
    ("Chancellor", "head_of_government"),
    ("Ambassador", None),
    (None, None),
])
def test_office_of_title(title, office):
    assert office_of(title) == office


@pytest.mark.parametrize(("country", "office", "day", "name"), [
    ("IN", "head_of_government", date(2025, 7, 2), "Narendra Modi"),
    ("IN", "head_of_government", date(2010, 1, 1), "Manmohan Singh"),
    ("GB", "head_of_government", date(2022, 10, 1), "Liz Truss"),
    ("JP", "foreign_minister", date(2023, 7, 27), "Yoshimasa Hayashi"),
    ("AU", "foreign_minister", date(2022, 6, 25), "Penny Wong"),
    ("US", "foreign_minister", date(2018, 4, 10), None),  # between Tillerson and Pompeo
    ("XX", "head_of_government", date(2025, 7, 2), None),
    ("IN", "head_of_government", None, None),
])
def test_holder_on_a_day(country, office, day, name):
    assert holder(country, office, day) == name


def test_full_name_from_a_surname():
    assert full_name("Blinken", date(2022, 10, 4)) == "Antony Blinken"
    assert full_name("guterres", date(2024, 9, 1)) == "António Guterres"
    assert full_name("Clinton", date(2000, 6, 1)) == "Bill Clinton"
    assert full_name("Clinton", date(2012, 7, 6)) == "Hillary Clinton"
    assert full_name("Blinken", date(2019, 1, 1)) is None  # not in office then
    # two holders with one surname on one day: no guess
    assert full_name("Johnson", date(2017, 1, 1)) == "Boris Johnson"


def test_ambiguous_surname_names_no_one(tmp_path, monkeypatch):
    table = tmp_path / "holders.csv"
    table.write_text("country,office,name,start,end\n"
                     "AA,head_of_state,Ann Lee,2020-01-01,\n"
                     "BB,foreign_minister,Bo Lee,2019-01-01,\n", encoding="utf-8")
    rows = office_holders.terms(table)
    monkeypatch.setattr(office_holders, "terms", lambda path=None: rows)
    assert full_name("Lee", date(2021, 1, 1)) is None
    assert full_name("Lee", date(2021, 1, 1), "foreign_minister") == "Bo Lee"


def test_office_country_from_the_text():
    text = "It is the first visit by an Indian Prime Minister in 30 years."
    start = text.index("Indian")
    assert office_country(text, "Prime Minister", [("IN", start, start + 6)]) == "IN"
    text = "the Prime Minister of Japan said"
    start = text.index("Japan")
    assert office_country(text, "Prime Minister", [("JP", start, start + 5)]) == "JP"
    assert office_country("the Indian economy", "Prime Minister", [("IN", 4, 10)]) is None


def test_table_terms_are_consistent():
    seen: dict[tuple[str, str], list[office_holders.Term]] = {}
    for term in office_holders.terms():
        assert term.name.strip() and term.office in set(office_holders.OFFICES.values())
        assert term.end is None or term.start < term.end, term
        seen.setdefault((term.country, term.office), []).append(term)
    for terms in seen.values():
        ordered = sorted(terms, key=lambda t: t.start)
        for before, after in pairwise(ordered):
            assert before.end is not None and before.end <= after.start, (before, after)


def test_table_agrees_with_the_official_us_travel_records():
    """Every trip of a U.S. president or secretary of state since 2001 in the Office of the
    Historian's records falls in a term of that person in the table."""
    if not SHARED_RECORDS.is_dir():
        pytest.skip(f"{SHARED_RECORDS} not found (the team's shared records)")
    offices = {"president": "head_of_state", "secretary": "foreign_minister"}
    checked = 0
    for path in sorted(SHARED_RECORDS.glob("*-travels/*.xml")):
        for trip in ET.parse(path).getroot().iter("trip"):
            day = date.fromisoformat(trip.findtext("start-date", "1900-01-01"))
            if day < date(2001, 1, 21):
                continue
            recorded = trip.findtext("name", "")
            named = holder("US", offices[trip.findtext("role", "")], day)
            assert named and named.split()[-1] == recorded.split()[-1], (recorded, day)
            checked += 1
    assert checked > 300


def test_first_person_statement_by_an_office_names_its_holder():
    text = ("Title: Departure Statement by Prime Minister ahead of his visit to Kenya\n"
            "Date: 2024-03-04\n\n"
            "Today I begin a visit to Kenya and Tanzania. It is the first visit by an Indian "
            "Prime Minister to Tanzania in a decade. In Nairobi, I will meet President "
            "William Ruto.\n")
    assert traveller_of(text) == "Narendra Modi"


def test_title_and_surname_get_the_full_name():
    text = ("Date: 2022-10-04\n\n"
            "Secretary Blinken will travel to Bogota, Colombia, on Monday. Secretary Blinken "
            "will then travel to Santiago, Chile, where he will meet President Gabriel "
            "Boric.\n")
    assert traveller_of(text) == "Antony Blinken"


def test_a_name_the_text_gives_in_full_is_kept():
    text = ("Date: 2022-10-04\n\n"
            "Foreign Minister Ana Lopez will travel to Santiago, Chile, on Monday, where she "
            "will meet President Gabriel Boric.\n")
    assert traveller_of(text) == "Ana Lopez"


def test_a_name_used_by_its_first_word_gets_the_holders_full_name():
    # (Chinese family names come first; Arab and Ethiopian names are used by the given name)
    text = ("Date: 2023-03-20\n\n"
            "Chinese President Xi will arrive in Moscow on Monday for talks with President "
            "Vladimir Putin. Xi will stay until Wednesday.\n")
    assert traveller_of(text) == "Xi Jinping"


def test_a_full_name_the_text_gives_is_kept_over_the_tables_shorter_one():
    text = ("Title: President Calderón begins tour of the United States\nDate: 2008-02-10\n\n"
            "President Felipe Calderón Hinojosa arrived this evening in New York. On Tuesday "
            "he will travel to Boston. \"We come as partners,\" the President said.\n")
    # (not the table's shorter "Felipe Calderón")
    assert traveller_of(text).endswith("Calderón Hinojosa")


def test_a_name_used_alone_by_its_first_word_gets_the_table_name():
    text = ("Date: 2017-10-30\n\n"
            "Sheikh Tamim will arrive in Kuala Lumpur on Monday. In Kuala Lumpur, the Qatari "
            "emir held talks with Prime Minister Najib Razak.\n")
    assert traveller_of(text) == "Tamim bin Hamad Al Thani"


def test_a_first_word_shared_across_countries_names_no_one_elsewhere():
    # ("President Kim" of 1998 is South Korea's; the North's Kim Jong Il held office too)
    text = ("Date: 1998-10-05\n\n"
            "President Kim will arrive in Tokyo on Wednesday for talks with Prime Minister "
            "Keizo Obuchi. Kim will then fly to Osaka.\n")
    assert traveller_of(text) != "Kim Jong Il"
