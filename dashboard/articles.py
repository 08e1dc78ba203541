"""Reading trip articles: bytes on disk (or pasted text) -> `Article`.

An article is UTF-8 text, optionally starting with a block of `Key: value` header lines
(`Title`, `Date`, `Source`, `License`, `Note`, ...) ended by a blank line. The publication date
comes from the `Date` header, else from the text itself (a line that is only a date, as news
sites print under the headline, or a /YYYY/MM/DD/ URL), else from the caller's `published`
argument; otherwise it stays unknown and a warning says so.
"""

from __future__ import annotations

import logging
import re
import warnings
from datetime import date
from pathlib import Path

from dateutil import parser as date_parser

from dashboard.date_range import in_range, out_of_range_note
from dashboard.decoding import decode_text, encoding_name
from dashboard.models import Article, ArticleError
from dashboard.source_info import find_headline

log = logging.getLogger(__name__)

HEADER_LINE = re.compile(r"^([A-Z][A-Za-z][A-Za-z -]{0,28}):[ \t]*(.*?)\s*$")
UNKNOWN_VALUES = {"", "unknown", "n/a", "na", "none", "null", "-", "?"}

_MONTH = (r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?|"
          r"Sept?(?:ember)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)\.?")
_WEEKDAY = r"(?:Mon|Tues?|Wed(?:nes)?|Thu(?:rs?)?|Fri|Sat(?:ur)?|Sun)(?:day)?\.?,?"
# A line that is nothing but a publication date, e.g. "October 4, 2022", "13 May 2023",
# "Published: Tuesday, 4 October 2022 10:31", "2022-10-04".
# Spaces are `[^\S\n]` (not newlines): a run of blank lines is not re-scanned from every
# line start, and "Published on:" splits its spaces one way only (linear time).
DATE_LINE = re.compile(
    rf"^[^\S\n]*(?:(?:Published|Updated|Posted|Date|Last updated)"
    rf"(?:\s+on\b)?(?:\s*:)?\s*)?"
    rf"(?:{_WEEKDAY}\s+)?"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}}"
    rf"|\d{{4}}-\d{{2}}-\d{{2}}|\d{{4}}/\d{{1,2}}/\d{{1,2}}"
    rf"|(?P<dotted>\d{{1,2}}\.\d{{1,2}}\.\d{{4}})|(?P<slashed>\d{{1,2}}/\d{{1,2}}/\d{{4}}))"
    rf"(?:\s*(?:at\s+)?\d{{1,2}}[:.]\d{{2}}(?:\s*[AaPp]\.?[Mm]\.?)?(?:\s+[A-Z]{{2,4}})?)?"
    rf"[^\S\n]*$",
    re.IGNORECASE | re.MULTILINE,
)
# A short byline-like line with a full date in it: "By Jane Doe | Oct 4, 2022 | 10:31 AM ET",
# "Newsletter No. 212 - 14 June 2016" (a dot only before a number: no sentence's full stop)
SHORT_DATE_LINE = re.compile(
    rf"^(?P<line>(?:[^\n.]|\.(?=[^\S\n]*\d)){{0,50}}?"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})[^\n]{{0,30}})$",
    re.IGNORECASE | re.MULTILINE,
)
# A wire dateline with a full date: "BEIJING, Oct. 4, 2022 (Xinhua) -- ..."
DATELINE_DATE = re.compile(
    rf"^[^\S\n]*(?:[A-Z][A-Z.'’ ]{{2,30}}|[A-Z][a-z]+(?:\s[A-Z][a-z]+){{0,2}}),\s*"
    rf"(?:[A-Z][A-Za-z.]{{1,20}}(?:\s[A-Z][A-Za-z.]+)?,\s*)?"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}(?:st|nd|rd|th)?,?\s+\d{{4}}"
    rf"|\d{{1,2}}(?:st|nd|rd|th)?\s+{_MONTH},?\s+\d{{4}})\b",
    re.MULTILINE)
# A wire dateline without a year: "WARSAW, Feb 10 (Reuters) -", "VATICAN CITY, Oct. 7 (AFP) --"
# (the agency's name or a dash right after the day: the day the story was filed)
DATELINE_NO_YEAR = re.compile(
    rf"^[^\S\n]*[A-Z][A-Z.'’ ]{{2,30}},\s*(?:[A-Z][A-Za-z.]{{1,20}}(?:\s[A-Z][A-Za-z.]+)?,\s*)?"
    rf"(?P<date>{_MONTH}\s+\d{{1,2}}|\d{{1,2}}\s+{_MONTH})(?:st|nd|rd|th)?"
    rf"[^\S\n]*(?:\([A-Za-z .&-]{{2,30}}\)[^\S\n]*)?(?:-{{1,2}}|–|—)")
# A year written in the running text ("in 2025", "the 2025 Jubilee Year")
BODY_YEAR = re.compile(r"(?<![\d/.,-])((?:19|20)\d{2})(?![\d/-])")
URL_DATE = re.compile(r"/((?:19|20)\d{2})/(0[1-9]|1[0-2])/(0[1-9]|[12]\d|3[01])/")
# Only the top of a page carries its publication date; further down, a lone date line is more
# likely a photo caption or a related-story teaser.
DATE_LINE_SEARCH_CHARS = 1500


# What pages print around a date that dateutil does not read: a label ("Published:", "Last
# updated"), a clock time written with a dot ("10.15 GMT", the Guardian's style) and its zone
DATE_VALUE_NOISE = re.compile(
    r"^[ \t]*+(?:(?:first[ \t]++)?published|(?:last[ \t]++)?updated|posted|date)[ \t]*+:?|"
    r"\b\d{1,2}\.\d{2}(?:[ \t]*+(?:am|pm|a\.m\.|p\.m\.))?(?:[ \t]++(?:GMT|BST|UTC|CET|CEST|"
    r"EST|EDT|ET|PT|[A-Z]{3,4}))?(?![\d.])", re.IGNORECASE)


def parse_date_value(value: str, dayfirst: bool = False) -> date | None:
    """A header or date-line value -> date, or None when it is not a full date."""
    value = value.strip()
    if value.lower() in UNKNOWN_VALUES:
        return None
    year = re.search(r"\b\d{4}\b", value)
    # dateutil fills a missing day or month from today: demand a year and something more
    if not year or not re.search(r"\d", value[:year.start()] + value[year.end():]):
        return None
    # ("08.05.2025": dots are written day first, wherever the page comes from)
    dayfirst = dayfirst or re.fullmatch(r"\d{1,2}\.\d{1,2}\.\d{4}", value) is not None
    for attempt in (value, DATE_VALUE_NOISE.sub(" ", value)):
        try:
            return date_parser.parse(attempt, fuzzy=False, dayfirst=dayfirst).date()
        except (ValueError, OverflowError):
            continue
    return None


def _split_header(text: str) -> tuple[dict[str, str], int]:
    """The leading `Key: value` block and the offset where the body starts.

    The block counts only when every line up to the first blank line is a header line and it
    has a Title or Date; otherwise there is no header and the whole text is body, so a
    malformed header line is read as text.
    """
    header: dict[str, str] = {}
    offset = 0
    for line in text.splitlines(keepends=True):
        stripped = line.strip()
        if not stripped:
            if header and ({"title", "date"} & {k.lower() for k in header}):
                return header, offset + len(line)
            return {}, 0
        if line[:1] in " \t" and header:  # an indented line continues the previous value
            last = next(reversed(header))
            header[last] = f"{header[last]} {stripped}".strip()
            offset += len(line)
            continue
        match = HEADER_LINE.match(stripped)
        if not match:
            return {}, 0
        header[match.group(1).strip()] = match.group(2)
        offset += len(line)
    return {}, 0


def _header_value(header: dict[str, str], key: str) -> str | None:
    for name, value in header.items():
        if name.lower() == key:
            return value
    return None


def find_text_date(text: str, body_start: int = 0) -> tuple[date | None, str]:
    """The publication date printed in the text itself, and where it was found."""
    top = text[body_start:body_start + DATE_LINE_SEARCH_CHARS]
    for match in DATE_LINE.finditer(top):
        # "04.10.2022" is day first (European), "10/04/2022" month first (US)
        found = parse_date_value(match.group("date"), dayfirst=bool(match.group("dotted")))
        if found:
            return found, f"date line {match.group(0).strip()!r} in the text"
    for match in SHORT_DATE_LINE.finditer(top):
        line = match.group("line").strip()
        if line.endswith(".") or len(line) > 90:
            continue
        found = parse_date_value(match.group("date"))
        if found:
            return found, f"dated line {line!r} in the text"
    for match in DATELINE_DATE.finditer(top):
        found = parse_date_value(match.group("date"))
        if found:
            return found, f"dateline {match.group(0).strip()!r} in the text"
    match = URL_DATE.search(text)
    if match is None:
        found, basis = _yearless_dateline(text, body_start)
        if found is not None:
            return found, basis
    if match:
        try:
            found = date(int(match.group(1)), int(match.group(2)), int(match.group(3)))
            return found, f"date in URL {match.group(0)!r}"
        except ValueError:
            pass
    return None, ""


def _yearless_dateline(text: str, body_start: int) -> tuple[date | None, str]:
    """The day of a wire dateline that prints no year ("WARSAW, Feb 10 (Reuters) -"), in the
    latest year the text writes (a wire story's own year is the latest it speaks of: "the
    2025 budget", "his 2014 visit"); (None, "") without a dateline or a year. dateutil
    reads the day and month."""
    match = DATELINE_NO_YEAR.match(text, body_start)
    if match is None:
        return None, ""
    years = [int(y.group(1)) for y in BODY_YEAR.finditer(text, match.end())]
    # (a publication is never later than today: "the target for 2030" is not the year)
    years = [y for y in years if in_range(date(y, 1, 1)) and y <= date.today().year]
    if not years:
        return None, ""
    year = max(years)
    found = parse_date_value(f"{match.group('date')} {year}")
    if found is None:
        return None, ""
    return found, (f"dateline {match.group(0).strip()!r} in the text, with the year {year} "
                   "written in the text")


class EncodingNote(UserWarning):
    """An article was not UTF-8: which encoding it was read as (a note, not a fault)."""


def decode_article_bytes(name: str, data: bytes) -> str:
    """Bytes -> text with the one decoder of files and uploads (`dashboard.decoding`); an
    encoding other than UTF-8 is reported as an `EncodingNote` warning. Raises ArticleError
    naming the file when it is empty or not text."""
    text, encoding = decode_text(name, data)
    if encoding != "utf_8":
        warnings.warn(EncodingNote(f"{name}: read as {encoding_name(encoding)} (not UTF-8)"),
                      stacklevel=2)
    return text


def read_article_text(name: str, text: str, published: date | None = None) -> Article:
    """An article from text already in memory (an upload or a paste); same rules as files."""
    if text.startswith("\ufeff"):
        text = text[1:]
    if "\x00" in text:
        raise ArticleError(f"{name}: not a text file (it contains NUL characters)")
    if not text.strip():
        raise ArticleError(f"{name}: the article is empty")
    header, body_start = _split_header(text)
    if not text[body_start:].strip():
        raise ArticleError(f"{name}: the article has a header but no text")
    # Without a Title header, the headline printed above the date line (news pages).
    title = _header_value(header, "title") or find_headline(text, body_start)
    source = _header_value(header, "source") or None

    found: date | None = None
    basis = ""
    header_date = _header_value(header, "date")
    if header_date is not None:
        found = parse_date_value(header_date)
        if found:
            basis = f"Date header {header_date.strip()!r}"
    if found is None:
        found, basis = find_text_date(text, body_start)
    if found is not None and not in_range(found):
        warnings.warn(f"{name}: {out_of_range_note('publication date', found)}", stacklevel=2)
        found, basis = None, ""
    if found is None and published is not None and in_range(published):
        found, basis = published, "given by the caller (--published)"
    if found is None:
        basis = "unknown: no Date header, no date in the text, none given"
        warnings.warn(f"{name}: no publication date found; relative days stay unresolved",
                      stacklevel=2)
    return Article(path=str(name), title=title, published=found, published_basis=basis,
                   source=source, header=header, text=text, body_start=body_start)


def read_article(path: str | Path, published: date | None = None) -> Article:
    """Read one article file. Raises ArticleError (naming the file) for unreadable input."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise ArticleError(f"{path}: no such file") from None
    except IsADirectoryError:
        raise ArticleError(f"{path}: is a folder, not an article file") from None
    except OSError as exc:
        raise ArticleError(f"{path}: cannot be read ({exc.strerror or exc})") from None
    text = decode_article_bytes(str(path), data)
    return read_article_text(str(path), text, published)
