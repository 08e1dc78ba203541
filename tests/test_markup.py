"""Markdown helpers: article text and ids are shown literally."""

from __future__ import annotations

from dashboard.views.markup import escape_markdown, markdown_code


def test_a_code_span_shows_a_trip_id_without_escapes():
    # issue 12 item 20: the Added list showed `trip=blinken\-2022\-10\-latin\-america\-2`
    assert markdown_code("trip=blinken-2022-10-latin-america-2") == \
        "`trip=blinken-2022-10-latin-america-2`"


def test_a_code_span_around_backticks_uses_a_longer_fence():
    assert markdown_code("a `b` c") == "``a `b` c``"
    assert markdown_code("``x") == "``` ``x ```"
    assert markdown_code("one\ntwo") == "`one two`"


def test_escape_markdown_is_for_text_outside_code_spans():
    assert escape_markdown("a-b") == "a\\-b"
