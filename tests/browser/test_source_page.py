"""The Source page in a real browser: marks link to itinerary rows and back, hostile text is
inert (st.html keeps ids, in-page links and styles; scripts and handlers never run)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from conftest import DESKTOP, MAIN, StreamlitPage, serve_for_tests

pytestmark = pytest.mark.browser

ARTICLE = f"{MAIN} .hl-article"
HOSTILE_ARTICLE = """Title: <script>alert('title')</script> Blinken visits Chile
Date: 2022-10-05
Source: javascript:alert('source')

Secretary of State Antony Blinken traveled to Santiago, Chile on Wednesday, where he met \
Chilean President Gabriel Boric to discuss migration and climate change.

A protester's sign read <script>alert(1)</script> and " onload="alert(2)" <img src=x \
onerror=alert(3)> <a href="javascript:alert(4)">click</a>.

On Thursday, Blinken traveled to Lima, Peru, where he met Peruvian President Pedro Castillo \
to discuss democracy.
"""


# scrollTop of the scrolling box (the article's fixed-height container) around element ID
SCROLLER_TOP = """(() => {
  let el = document.getElementById('ID');
  while (el && !(el.scrollHeight > el.clientHeight
                 && /(auto|scroll)/.test(getComputedStyle(el).overflowY))) {
    el = el.parentElement;
  }
  return el ? el.scrollTop : -1;
})()"""


# What the article's payloads would leave in the page if they were not escaped.
INJECTED = """() => ({
    scripts: Array.from(document.querySelectorAll('script'))
        .filter(s => /alert\\((1|'title')\\)/.test(s.textContent || '')).length,
    images: document.querySelectorAll('[data-testid="stMain"] img[src="x"]').length,
    handlers: Array.from(document.querySelectorAll('[data-testid="stMain"] *'))
        .filter(el => Array.from(el.attributes).some(a => a.name.startsWith('on'))).length,
    js_links: document.querySelectorAll('a[href^="javascript"]').length,
})"""


def target_id(app: StreamlitPage) -> str | None:
    return app.page.evaluate("(document.querySelector(':target') || {}).id || null")


def test_a_mark_links_to_its_itinerary_row_and_the_row_back_to_the_text(app):
    app.open("/source?country=CL&country=PE")
    marks = app.page.locator(f"{ARTICLE} a.hl-link[href^='#stop-']")
    assert marks.count() > 0, "no mark links to a stop"
    rows = app.page.locator(f"{MAIN} li.hl-stop")
    row_ids = {rows.nth(i).get_attribute("id") for i in range(rows.count())}

    mark = marks.last
    href = mark.get_attribute("href")
    assert href[1:] in row_ids, f"{href} has no row on the page"
    runs = app.runs_finished()
    mark.click()
    assert target_id(app) == href[1:], "clicking the mark does not reach its row"
    assert app.runs_finished() == runs, "following an in-page link reran the app"
    assert "country=CL" in app.page.url and "country=PE" in app.page.url, "filters lost"
    row = app.page.locator(f"li.hl-stop[id='{href[1:]}']")
    assert row.evaluate("(el) => getComputedStyle(el).outlineStyle") == "solid", (
        "the targeted row is not outlined"
    )

    back = row.locator("a[href^='#text-']")
    anchor = back.get_attribute("href")[1:]
    scrolled = SCROLLER_TOP.replace("ID", anchor)
    before = app.page.evaluate(scrolled)
    back.click()
    assert target_id(app) == anchor
    after = app.page.evaluate(scrolled)
    assert after > before, "the article box did not scroll to the key sentence"
    box = app.page.locator(f"{ARTICLE} [id='{anchor}']").bounding_box()
    assert box is not None and 0 <= box["y"] <= DESKTOP["height"], (
        f"the key sentence is not in view: {box}"
    )
    app.assert_clean()


def test_highlight_styles_survive_the_sanitiser(app):
    app.open("/source")
    styled = app.page.locator(f"{ARTICLE} mark.hl").first
    assert styled.evaluate("(el) => getComputedStyle(el).borderBottomWidth") == "3px"
    background = styled.evaluate("(el) => getComputedStyle(el).backgroundColor")
    assert background.startswith("rgba(") and background.endswith(", 0.2)"), background
    app.assert_clean()


@pytest.fixture(scope="module")
def hostile_dashboard(tmp_path_factory) -> Iterator[object]:
    folder: Path = tmp_path_factory.mktemp("hostile-articles")
    (folder / "hostile.txt").write_text(HOSTILE_ARTICLE, encoding="utf-8")
    yield from serve_for_tests(folder)


def test_article_text_that_looks_like_html_is_shown_and_never_runs(browser, hostile_dashboard):
    context = browser.new_context(viewport=DESKTOP)
    try:
        app = StreamlitPage(context.new_page(), hostile_dashboard.url)
        app.open("/source")
        article = app.page.locator(ARTICLE)
        assert article.locator("mark.hl").count() > 0, "the article was not highlighted"
        text = article.inner_text()
        assert "<script>alert(1)</script>" in text, "the article's own characters are not shown"
        assert '" onload="alert(2)"' in text
        injected = app.page.evaluate(INJECTED)
        assert injected == {"scripts": 0, "images": 0, "handlers": 0, "js_links": 0}, injected
        header = app.page.locator(f"{MAIN} .hl-header").inner_text()
        assert "<script>alert('title')</script>" in header
        assert app.page.locator(f"{MAIN} .hl-header a").count() == 0, (
            "a javascript: source became a link"
        )
        app.assert_clean()
        for page in ("/topics", "/data"):
            app.open(page)
            found = app.page.evaluate(INJECTED)
            assert found == {"scripts": 0, "images": 0, "handlers": 0, "js_links": 0}, (
                page,
                found,
            )
            app.assert_clean()
    finally:
        context.close()
