"""The source page's HTML: escaped article text, well-formed marks, anchors, filters."""

from __future__ import annotations

import re
from html.parser import HTMLParser

import pandas as pd
import pytest
from view_fixtures import ARTICLE_TEXT, sample_tables, sample_trip

from dashboard.filters import Selection, apply_selection
from dashboard.tables import build_tables
from dashboard.views.highlight import (
    KIND_LABELS,
    article_header_html,
    format_days,
    highlight_article,
    itinerary_html,
    legend_html,
    quotes_html,
    safe_url,
    stop_anchor,
    text_anchor,
    trip_anchor,
    uncovered_ranges,
)

TRIP = "blinken-2022-10"
COLORS = {f"{TRIP}/0": "#E69F00", f"{TRIP}/1": "#56B4E9", f"{TRIP}/2": "#009E73"}
VOID = {"br", "img", "hr", "input", "meta", "link", "wbr"}


class _Page(HTMLParser):
    """Collects elements, text and nesting errors of an HTML fragment."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[str] = []
        self.errors: list[str] = []
        self.elements: list[tuple[str, dict[str, str | None]]] = []
        self.text: list[str] = []
        self.in_style = False

    def handle_starttag(self, tag, attrs):
        self.elements.append((tag, dict(attrs)))
        if tag == "a" and "a" in self.stack:
            self.errors.append("nested <a>")
        if tag not in VOID:
            self.stack.append(tag)
        self.in_style = tag == "style"

    def handle_endtag(self, tag):
        if not self.stack or self.stack[-1] != tag:
            self.errors.append(f"</{tag}> closes {self.stack[-1:] or 'nothing'}")
        else:
            self.stack.pop()
        self.in_style = False

    def handle_data(self, data):
        if not self.in_style:
            self.text.append(data)


def parse(markup: str) -> _Page:
    page = _Page()
    page.feed(markup)
    page.close()
    assert page.errors == [], page.errors
    assert page.stack == [], f"unclosed: {page.stack}"
    return page


def marks(page: _Page) -> list[dict[str, str | None]]:
    return [
        attrs for tag, attrs in page.elements if tag == "mark" and "hl" in (attrs["class"] or "")
    ]


def render(tables=None, kinds=KIND_LABELS, **kwargs) -> str:
    tables = tables or sample_tables()
    return highlight_article(
        tables.texts[TRIP], tables.mentions, COLORS, kinds, trip_id=TRIP, **kwargs
    )


def test_article_text_that_looks_like_html_comes_out_inert():
    markup = render()
    assert "<script" not in markup.lower()
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in markup
    # the quote cannot close an attribute: no element gets an onload attribute
    page = parse(markup)
    assert all(not k.startswith("on") for _, attrs in page.elements for k in attrs)
    # what the reader sees is the article's own characters
    assert '<script>alert(1)</script> and " onload=alert(2) x="' in "".join(page.text)


def test_hostile_mention_values_and_colours_are_escaped():
    tables = sample_tables()
    hostile = tables.mentions.copy()
    hostile.loc[0, "value"] = '"><script>alert(3)</script>'
    colors = {**COLORS, f"{TRIP}/0": 'red;background:url(javascript:alert(4))"'}
    markup = highlight_article(tables.texts[TRIP], hostile, colors, KIND_LABELS, trip_id=TRIP)
    assert "<script" not in markup.lower()
    assert "javascript:" not in markup
    page = parse(markup)
    styles = [attrs["style"] for attrs in marks(page)]
    assert all(
        re.fullmatch(r"background-color:#[0-9a-fA-F]{8};border-bottom-color:#[0-9a-fA-F]{6}", s)
        for s in styles
    )


def test_every_mention_is_marked_with_its_kind_stop_colour_and_tooltip():
    page = parse(render())
    found = marks(page)
    classes = {attrs["class"] for attrs in found}
    for kind in ("place", "city", "date", "leader", "topic", "event", "traveler"):
        assert f"hl hl-{kind}" in classes
    colombia = [a for a in found if "#E69F00" in (a["style"] or "")]
    assert colombia, "Colombia's mentions carry Colombia's colour"
    links = [
        attrs for tag, attrs in page.elements if tag == "a" and attrs.get("class") == "hl-link"
    ]
    titles = "\n".join(a["title"] for a in links)
    assert "leader: Gustavo Petro" in titles
    assert "city: Santiago" in titles


def test_marks_link_to_itinerary_rows_that_exist():
    tables = sample_tables()
    article = parse(render(tables))
    rows = parse(itinerary_html(tables.itinerary, COLORS, trip_id=TRIP))
    ids = {attrs.get("id") for _, attrs in rows.elements if attrs.get("id")}
    assert ids == {trip_anchor(TRIP), *(stop_anchor(s) for s in COLORS)}
    hrefs = {attrs["href"] for tag, attrs in article.elements if tag == "a"}
    assert f"#{stop_anchor(TRIP + '/1')}" in hrefs
    assert f"#{trip_anchor(TRIP)}" in hrefs  # trip-level facts link to the whole-trip row
    assert {h[1:] for h in hrefs} <= ids


def test_overlapping_and_nested_mentions_stay_well_formed():
    page = parse(render())  # parse() fails on crossed or unclosed tags, nested links
    text = "".join(page.text)
    # "Boric in Santiago" (event) overlaps "Gabriel Boric" (leader): every character once
    assert "meet Chilean President Gabriel Boric in Santiago to talk" in text
    # the nested piece carries both marks
    markup = render()
    assert re.search(
        r'<mark class="hl hl-leader"[^>]*><mark class="hl hl-event"[^>]*>Boric</mark></mark>',
        markup,
    )


def test_crossing_offsets_in_any_order_never_break_markup():
    text = "abcdefghij"
    mentions = pd.DataFrame(
        {
            "trip_id": ["t"] * 4,
            "stop_id": ["t/0", "t/1", None, "t/0"],
            "stop_index": [0, 1, None, 0],
            "kind": ["place", "date", "topic", "leader"],
            "value": ["a", "b", "c", "d"],
            "text": ["", "", "", ""],
            "start": [0, 2, 4, 1],
            "end": [5, 8, 10, 9],
        }
    )
    page = parse(highlight_article(text, mentions, {}, KIND_LABELS, trip_id="t", legend=False))
    assert "".join(page.text) == text


def test_bad_offsets_are_skipped_not_trusted():
    text = "Blinken met Petro."
    mentions = pd.DataFrame(
        {
            "trip_id": ["t"] * 4,
            "stop_id": ["t/0"] * 4,
            "stop_index": [0] * 4,
            "kind": ["leader"] * 4,
            "value": ["x"] * 4,
            "text": [""] * 4,
            "start": [12, 5, -1, None],
            "end": [17, 5, 3, 4],
        }
    )
    page = parse(highlight_article(text, mentions, {}, KIND_LABELS, legend=False))
    assert len(marks(page)) == 1  # only 12..17 ("Petro") is a usable range
    assert "".join(page.text) == text


def test_only_chosen_kinds_are_marked():
    page = parse(render(kinds={"date"}))
    assert {a["class"] for a in marks(page)} == {"hl hl-date"}
    assert len(marks(parse(render(kinds=())))) == 0


def test_mentions_of_filtered_out_stops_are_not_highlighted_trip_level_ones_stay():
    tables = sample_tables()
    view = apply_selection(tables, Selection(countries=("CL",)))
    markup = highlight_article(tables.texts[TRIP], view.mentions, COLORS, KIND_LABELS, trip_id=TRIP)
    page = parse(markup)
    titles = " ".join(a["title"] for tag, a in page.elements if tag == "a" and a.get("title"))
    assert "Gabriel Boric" in titles and "Santiago" in titles
    assert "Gustavo Petro" not in titles and "Lima" not in titles and "Bogotá" not in titles
    assert "traveller: Antony Blinken" in titles  # trip-level
    assert "climate-change" in titles or "Climate change" in titles
    hrefs = {a["href"] for tag, a in page.elements if tag == "a"}
    assert f"#{stop_anchor(TRIP + '/0')}" not in hrefs
    # the text itself is all still there
    assert "Gustavo Petro" in "".join(page.text)


def test_paragraphs_are_preserved_and_begin_skips_the_header():
    tables = sample_tables()
    trip = sample_trip()
    markup = highlight_article(
        tables.texts[TRIP],
        tables.mentions,
        COLORS,
        KIND_LABELS,
        trip_id=TRIP,
        begin=trip.article.body_start,
        legend=False,
    )
    page = parse(markup)
    paragraphs = [e for e in page.elements if e[0] == "p"]
    assert len(paragraphs) == 5  # "Skip to content" + four body paragraphs
    assert "Title:" not in "".join(page.text)


def test_clutter_is_de_emphasised_and_named_in_the_legend():
    tables = sample_tables()
    trip = sample_trip()
    sentences = [(s.start, s.end) for s in trip.sentences]
    clutter = uncovered_ranges(len(trip.article.text), sentences)
    markup = highlight_article(
        tables.texts[TRIP],
        tables.mentions,
        COLORS,
        KIND_LABELS,
        trip_id=TRIP,
        begin=trip.article.body_start,
        clutter=clutter,
    )
    assert '<span class="hl-clutter">Skip to content</span>' in markup
    assert "page clutter" in markup
    # a body sentence is not clutter
    assert '<span class="hl-clutter">They discussed' not in markup


def test_uncovered_ranges():
    assert uncovered_ranges(10, []) == [(0, 10)]
    assert uncovered_ranges(10, [(2, 4), (3, 6), (8, 10)]) == [(0, 2), (6, 8)]
    assert uncovered_ranges(5, [(0, 5)]) == []


def test_text_anchors_are_placed_where_key_sentences_start():
    tables = sample_tables()
    row = tables.itinerary.iloc[1]
    markup = render(tables, anchors=[(int(row.key_start), text_anchor(row.stop_id))])
    anchor = f'<span class="hl-anchor" id="{text_anchor(row.stop_id)}"></span>'
    assert anchor in markup
    after = markup.split(anchor, 1)[1]
    assert re.sub(r"<[^>]+>", "", after).startswith("On Wednesday, he will meet")
    rows = itinerary_html(tables.itinerary, COLORS, trip_id=TRIP)
    assert f'href="#{text_anchor(row.stop_id)}"' in rows


def test_itinerary_rows_escape_names_and_show_days():
    trip = sample_trip()
    trip.stops[0].leaders[0].name = "<img src=x onerror=alert(5)>"
    trip.stops[0].city_inferred = True
    tables = build_tables([trip])
    markup = itinerary_html(
        tables.itinerary,
        COLORS,
        trip_id=TRIP,
        topic_labels={"migration": "Migration"},
        agenda=["climate-change"],
    )
    assert "<img" not in markup
    page = parse(markup)
    text = "".join(page.text)
    assert "Mon 3 Oct 2022" in text and "(inferred)" in text
    assert "Migration" in text and "climate-change" in text


@pytest.mark.parametrize(
    ("start", "end", "expected"),
    [
        ("2022-10-03", "2022-10-03", "Mon 3 Oct 2022"),
        ("2022-10-06", "2022-10-07", "Thu 6 – Fri 7 Oct 2022"),
        ("2022-09-30", "2022-10-01", "Fri 30 Sep – Sat 1 Oct 2022"),
        ("2022-12-31", "2023-01-01", "Sat 31 Dec 2022 – Sun 1 Jan 2023"),
        ("2022-10-05", None, "Wed 5 Oct 2022"),
        (None, None, "dates not given"),
    ],
)
def test_format_days(start, end, expected):
    as_ts = lambda v: pd.NaT if v is None else pd.Timestamp(v)  # noqa: E731
    assert format_days(as_ts(start), as_ts(end)) == expected


def test_safe_url_accepts_only_http_urls():
    assert safe_url("https://example.org/a?b=1") == "https://example.org/a?b=1"
    assert safe_url("HTTP://EXAMPLE.ORG") == "HTTP://EXAMPLE.ORG"
    for bad in (
        "javascript:alert(1)",
        "data:text/html,x",
        "//example.org",
        "example.org",
        "https://",
        "https://a.org/x y",
        None,
        3,
    ):
        assert safe_url(bad) is None


def test_header_links_only_http_sources_and_escapes_the_rest():
    markup = article_header_html(
        "Blinken <b>tours</b>",
        pd.Timestamp("2022-10-04"),
        "dateline",
        "https://a.example/x (reprint of https://b.example/y)",
    )
    page = parse(markup)
    hrefs = [a["href"] for tag, a in page.elements if tag == "a"]
    assert hrefs == ["https://a.example/x", "https://b.example/y"]
    assert "<b>" not in markup and "Blinken <b>tours</b>" in "".join(page.text)
    assert "Tue 4 Oct 2022" in "".join(page.text)
    hostile = article_header_html("t", None, None, 'javascript:alert(1)//" onmouseover="x')
    page = parse(hostile)
    assert not [a for tag, a in page.elements if tag == "a"]
    assert all(not k.startswith("on") for _, attrs in page.elements for k in attrs)


def test_legend_names_each_kind_shown():
    markup = legend_html(["place", "date"], clutter=True)
    text = "".join(parse(markup).text)
    assert "country" in text and "date" in text and "page clutter" in text
    assert legend_html([]) == ""


def test_every_character_is_shown_once():
    # every character of the article is shown exactly once, whatever is highlighted
    page = parse(render(legend=False))
    shown = "".join(page.text)
    expected = re.sub(r"\n[ \t]*\n\s*", "", ARTICLE_TEXT.rstrip()).replace("\n", "")
    assert shown == expected


def test_quotes_mark_phrases_in_the_stop_colour_and_escape_everything():
    markup = quotes_html(
        [
            (
                "1 Colombia",
                "They discussed <b>drug trafficking</b> & Migration.",
                ["migration", "drug trafficking"],
                "#E69F00",
            ),
            ("whole <i>trip</i>", "No phrase here.", [], None),
        ]
    )
    page = parse(markup)
    assert "<b>" not in markup and "<i>" not in markup
    found = [attrs for attrs in marks(page)]
    assert len(found) == 2  # case-insensitive: "Migration" too
    assert all("#E69F00" in attrs["style"] for attrs in found)
    text = "".join(page.text)
    assert "They discussed <b>drug trafficking</b> & Migration." in text
    assert "whole <i>trip</i>" in text


def test_stops_sharing_a_key_sentence_each_get_their_anchor():
    tables = sample_tables()
    start = int(tables.itinerary.iloc[1].key_start)
    ids = [text_anchor(f"{TRIP}/1"), text_anchor(f"{TRIP}/2")]
    page = parse(render(tables, anchors=[(start, ids[0]), (start, ids[1])]))
    placed = [a["id"] for tag, a in page.elements if tag == "span" and a.get("id")]
    assert placed == ids
