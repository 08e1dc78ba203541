"""Issue 12 item 12: where the data comes from (outlet, date, title, link) on the first screen
and the Source page, read from the article (header, headline, site furniture)."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.articles import read_article, read_article_text
from dashboard.extraction import extract_trip
from dashboard.source_info import article_source, find_headline, find_outlet
from dashboard.views.sources import source_line, sources_summary
from tests.shared_data import SEED

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")
SEED_TITLE = "Blinken discusses drug trafficking in Colombia"


def test_the_seed_is_dw_4_october_2022_with_its_headline() -> None:
    source = article_source(read_article(SEED))
    assert source.outlet == "DW"
    assert source.published == date(2022, 10, 4)
    assert source.title == SEED_TITLE
    assert source.url is None  # the saved page gives no address: none is guessed
    assert source.file_name == SEED.name
    assert source.summary() == f"DW · Tue 4 Oct 2022 · “{SEED_TITLE}”"


def test_the_headline_is_the_line_above_the_date_line() -> None:
    text = "Menu\n\nPope lands in Budapest for a brief visit\n\n12 September 2021\n\nBody text."
    assert find_headline(text) == "Pope lands in Budapest for a brief visit"
    # a sentence (full stop) or a lone word above the date is not a headline
    assert find_headline("He arrived today.\nOctober 4, 2022\n\nText.") is None
    assert find_headline("Menu\nOctober 4, 2022\n\nText.") is None
    assert find_headline("No date line here.\n\nJust text.") is None


def test_the_outlet_is_what_the_page_furniture_agrees_on() -> None:
    assert find_outlet("Text.\n\nMore stories from Reuters\n© 2023 Reuters\n") == "Reuters"
    assert find_outlet("Text.\n\nSkip to more BBC sites\nAFP's Top Story\n") is None  # a tie
    assert find_outlet("A sentence that says More stories from Reuters are coming.") is None
    assert find_outlet("") is None


def test_header_lines_win_and_a_source_address_gives_the_link() -> None:
    article = read_article_text(
        "a.txt",
        "Title: Kerry to Paris\nDate: 2015-11-24\n"
        "Source: https://www.example.org/news/kerry-paris (reprint of a State release)\n\n"
        "Secretary Kerry will travel to Paris, France, on November 30.\n")
    source = article_source(article)
    assert (source.title, source.outlet) == ("Kerry to Paris", "example.org")
    assert source.url == "https://www.example.org/news/kerry-paris"
    named = read_article_text("b.txt", "Title: T\nDate: 2020-01-02\nPublisher: The Herald\n"
                              "URL: javascript:alert(1)\n\nText about Paris.\n")
    assert article_source(named).outlet == "The Herald"
    assert article_source(named).url is None  # only http(s) addresses are links


def test_an_untitled_article_gets_a_readable_title_not_its_id() -> None:
    trip = extract_trip(read_article_text(
        "pasted text", "Blinken arrived in Bogota, Colombia on Monday.\n", date(2022, 10, 4)))
    assert trip.title != trip.id
    assert "Colombia" in trip.title and "2022" in trip.title


def test_the_source_line_escapes_and_links_safely() -> None:
    line = source_line({"outlet": "A*B", "published": pd.Timestamp("2022-10-04"),
                        "title": "[x](javascript:1)", "url": "https://e.org/a_(b)/c"})
    assert line.startswith("Source: **A\\*B**, Tue 4 Oct 2022")
    assert "\\[x\\]\\(javascript" in line
    assert "[open the article](https://e.org/a_%28b%29/c)" in line
    assert source_line({"source_path": "/x/000_abc.txt"}) == "Source: 000\\_abc\\.txt"
    several = pd.DataFrame([{"outlet": "DW", "published": pd.Timestamp("2022-10-04")},
                            {"outlet": "gov.uk", "published": pd.NaT}])
    assert sources_summary(several).startswith("From 2 news articles: DW, Tue 4 Oct 2022; gov")


@pytest.fixture(scope="module")
def app() -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    assert not at.exception
    return at


def test_the_first_screen_says_where_the_data_comes_from(app: AppTest) -> None:
    captions = " ".join(c.value for c in app.caption)
    assert "Source: **DW**, Tue 4 Oct 2022" in captions
    assert app.header[0].value == SEED_TITLE  # the headline, not the raw slug
    assert SEED_TITLE not in captions.replace("\\", "")  # said once, as the heading


def test_the_source_page_shows_title_and_outlet(app: AppTest) -> None:
    app.switch_page("app_pages/source.py").run()
    assert not app.exception
    header = next(h.proto.body for h in app.get("html") if "hl-header" in h.proto.body)
    assert f"<h3>{SEED_TITLE}</h3>" in header
    assert "<strong>DW</strong>" in header
    assert header.index("DW") < header.index(SEED.name)
