"""Reading articles: encodings, the optional header block, and the publication date."""

from __future__ import annotations

from datetime import date

import pytest

from dashboard.articles import read_article, read_article_text
from dashboard.models import ArticleError

BODY = "Secretary Blinken will travel to Lima, Peru on October 6.\n"


def write(tmp_path, name: str, data: bytes):
    path = tmp_path / name
    path.write_bytes(data)
    return path


def test_header_block_is_parsed_and_body_starts_after_the_blank_line(tmp_path):
    text = ("Title: Blinken to Peru\nDate: 2022-09-30\nSource: https://example.org/x\n"
            "License: public domain\nNote: excerpt\n\n" + BODY)
    article = read_article(write(tmp_path, "a.txt", text.encode()))
    assert article.title == "Blinken to Peru"
    assert article.published == date(2022, 9, 30)
    assert article.published_basis.startswith("Date header")
    assert article.source == "https://example.org/x"
    assert article.header["Note"] == "excerpt"
    assert article.text == text  # offsets point into the whole file
    assert article.text[article.body_start:] == BODY


def test_date_unknown_falls_back_to_a_date_line_in_the_text(tmp_path):
    text = "Title: T\nDate: unknown\n\nHeadline here\n\nNovember 24, 2015\n\n" + BODY
    article = read_article(write(tmp_path, "a.txt", text.encode()))
    assert article.published == date(2015, 11, 24)
    assert "November 24, 2015" in article.published_basis


@pytest.mark.parametrize("line, expected", [
    ("October 4, 2022", date(2022, 10, 4)),
    ("13 May 2023", date(2023, 5, 13)),
    ("Published: Tuesday, 4 October 2022 10:31", date(2022, 10, 4)),
    ("2023-07-02", date(2023, 7, 2)),
])
def test_date_line_forms(line, expected):
    article = read_article_text("x.txt", f"Some headline\n{line}\n\n{BODY}")
    assert article.published == expected


def test_date_inside_a_sentence_is_not_a_publication_date():
    # a photo caption's date is not when the article was published
    text = "FILE - Tillerson at the State Department, Oct. 13, 2017.\n\n" + BODY
    with pytest.warns(UserWarning, match="no publication date"):
        article = read_article_text("x.txt", text)
    assert article.published is None
    assert article.published_basis.startswith("unknown")


def test_date_in_a_url_is_used_when_nothing_else_is():
    text = BODY + "Official news published at https://www.whitehouse.gov/briefing-room/2023/07/02/x/\n"
    article = read_article_text("x.txt", text)
    assert article.published == date(2023, 7, 2)
    assert "URL" in article.published_basis


def test_published_argument_is_the_last_fallback():
    article = read_article_text("x.txt", BODY, published=date(2022, 9, 30))
    assert article.published == date(2022, 9, 30)
    assert "caller" in article.published_basis
    # but a stated date wins over the argument
    stated = read_article_text("x.txt", "Date: 2022-10-01\n\n" + BODY, published=date(2000, 1, 1))
    assert stated.published == date(2022, 10, 1)


def test_no_date_anywhere_warns_and_leaves_it_unknown():
    with pytest.warns(UserWarning, match="x.txt: no publication date"):
        article = read_article_text("x.txt", BODY)
    assert article.published is None


def test_utf8_bom_is_tolerated(tmp_path):
    path = write(tmp_path, "bom.txt", "\ufeffTitle: Ça va\nDate: 2022-09-30\n\n".encode()
                 + BODY.encode())
    article = read_article(path)
    assert article.title == "Ça va"
    assert not article.text.startswith("\ufeff")


def test_malformed_header_line_is_read_as_text():
    text = "Title: A trip\nthis line is not a header\nDate: 2022-09-30\n\n" + BODY
    article = read_article_text("x.txt", text)
    # the block is not a header, so everything is body text (offsets from 0) ...
    assert article.header == {}
    assert article.body_start == 0
    assert article.title is None
    # ... and its date line still dates the article
    assert article.published == date(2022, 9, 30)
    assert article.published_basis.startswith("date line")


def test_indented_line_continues_the_previous_header_value():
    text = "Title: A long\n  title\nDate: 2022-09-30\n\n" + BODY
    article = read_article_text("x.txt", text)
    assert article.title == "A long title"
    assert article.text[article.body_start:] == BODY


def test_header_without_title_or_date_is_text():
    text = "WASHINGTON: Secretary Blinken will travel to Peru.\n\nMore text.\n"
    with pytest.warns(UserWarning):
        article = read_article_text("x.txt", text)
    assert article.header == {}
    assert article.body_start == 0


@pytest.mark.parametrize("data, message", [
    (b"", "empty"),
    (b"   \n\n\t\n", "empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "not a text file"),
])
def test_unreadable_files_raise_an_error_naming_the_file(tmp_path, data, message):
    path = write(tmp_path, "bad.txt", data)
    with pytest.raises(ArticleError, match=message) as info:
        read_article(path)
    assert "bad.txt" in str(info.value)


def test_header_without_body_is_an_error():
    with pytest.raises(ArticleError, match="no text"):
        read_article_text("only-header.txt", "Title: x\nDate: 2022-01-01\n\n")


def test_missing_file_and_folder_raise_article_errors(tmp_path):
    with pytest.raises(ArticleError, match="no such file"):
        read_article(tmp_path / "nope.txt")
    with pytest.raises(ArticleError, match="folder"):
        read_article(tmp_path)


def test_pasted_text_follows_the_same_rules():
    with pytest.raises(ArticleError, match="pasted: the article is empty"):
        read_article_text("pasted", "  \n")
    with pytest.raises(ArticleError, match="NUL"):
        read_article_text("pasted", "text\x00more")
    article = read_article_text("pasted", "Date: 2023-05-13\n\n" + BODY)
    assert article.path == "pasted"
    assert article.published == date(2023, 5, 13)


@pytest.mark.parametrize("line", ["Updated: October 4, 2022 10:31 AM ET", "Published On 4 Oct 2022",
                                  "By Jane Doe | Oct 4, 2022 | 10:31 AM ET",
                                  "4 October 2022 · 2 min read"])
def test_bylines_with_a_date(line):
    article = read_article_text("x.txt", f"Headline\n{line}\n\n{BODY}")
    assert article.published == date(2022, 10, 4)


@pytest.mark.parametrize("line", [
    "BEIJING, Oct. 4, 2022 (Xinhua) -- Chinese Foreign Minister Wang Yi will visit Russia.",
    "WASHINGTON, D.C., October 4, 2022 – The Secretary will travel to Lima.",
])
def test_a_wire_dateline_with_a_full_date(line):
    article = read_article_text("x.txt", f"{line}\n\n{BODY}")
    assert article.published == date(2022, 10, 4)
    assert article.published_basis.startswith("dateline")


@pytest.mark.parametrize("line", ["04.10.2022", "10/04/2022", "2022/10/04",
                                  "Published 04.10.2022 10:31"])
def test_numeric_date_lines(line):
    # dotted dates are day first (European sites), slashed ones month first (US sites)
    assert read_article_text("x.txt", f"Headline\n{line}\n\n{BODY}").published == \
        date(2022, 10, 4)


@pytest.mark.parametrize("value, expected", [
    ("Tue 3 Mar 2020 10.15 GMT", date(2020, 3, 3)),
    ("Published: 3rd March 2020", date(2020, 3, 3)),
    ("Last updated: 4 March 2020", date(2020, 3, 4)),
    ("First published on Wed 4 Mar 2020 09.30 EST", date(2020, 3, 4)),
    ("08.05.2025", date(2025, 5, 8)),
])
def test_a_header_date_with_a_label_or_a_dotted_clock_time_is_read(value, expected):
    from dashboard.articles import parse_date_value
    assert parse_date_value(value) == expected
