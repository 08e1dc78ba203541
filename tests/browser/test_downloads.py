"""The Data page's download buttons in a real browser: each file follows the URL's filters."""

from __future__ import annotations

import json
import re
from pathlib import Path

import icalendar
import pandas as pd
import pytest
from conftest import MAIN, NAV_LINK

pytestmark = pytest.mark.browser

DOWNLOAD_BUTTON = f'{MAIN} [data-testid="stDownloadButton"]'
LABELS = ["CSV", "CSV (plain)", "GeoJSON", "Calendar", "JSON", "HTML report"]


def download(app, label: str) -> tuple[str, Path]:
    """Click the download button called `label`; the suggested file name and the file."""
    # The widget holds its button twice (one copy for the help tooltip); either one works.
    button = app.page.locator(DOWNLOAD_BUTTON).nth(LABELS.index(label)).locator("button").first
    assert button.inner_text().strip().endswith(label)
    with app.page.expect_download() as caught:
        button.click()
    saved = caught.value
    return saved.suggested_filename, Path(saved.path())


def open_data_page(app, query: str) -> None:
    app.open(f"/?{query}")
    data_link = app.page.locator(NAV_LINK).filter(has_text="Data")
    app.act(data_link.click)


def test_a_link_to_the_data_page_opens_it_with_its_filters(app) -> None:
    """What a shared link does: open a page other than the first one, filters included."""
    app.open("/data?country=CL")
    app.page.locator(DOWNLOAD_BUTTON).nth(len(LABELS) - 1).wait_for()
    app.assert_clean()
    assert app.page.locator(DOWNLOAD_BUTTON).count() == len(LABELS)
    assert "1 stop(s)" in app.page.locator(MAIN).inner_text()


def test_downloads_of_a_filtered_view(app) -> None:
    open_data_page(app, "country=CL")
    app.page.locator(DOWNLOAD_BUTTON).nth(len(LABELS) - 1).wait_for()
    labels = [text.strip() for text in app.page.locator(DOWNLOAD_BUTTON).all_inner_texts()]
    assert [label.split("\n")[-1] for label in labels] == LABELS

    name, path = download(app, "CSV")
    assert name.endswith(".csv") and name.startswith("trip-")
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    assert frame["country_code"].tolist() == ["CL"]
    assert path.read_bytes().startswith(b"\xef\xbb\xbf")  # a BOM, for spreadsheets

    name, path = download(app, "CSV (plain)")
    assert name.endswith("-plain.csv")
    assert path.read_bytes().startswith(b"trip_id,")

    name, path = download(app, "Calendar")
    assert name.endswith(".ics")
    events = icalendar.Calendar.from_ical(path.read_bytes()).walk("VEVENT")
    assert [str(e["LOCATION"]).endswith("Chile") for e in events] == [True]

    # Without the trips at hand, the JSON export extracts them again from the article text.
    name, path = download(app, "JSON")
    trips = json.loads(path.read_text(encoding="utf-8"))["trips"]
    assert [[s["country_code"] for s in t["stops"]] for t in trips] == [["CL"]]

    name, path = download(app, "HTML report")
    assert name.endswith(".html")
    report = path.read_text(encoding="utf-8")
    assert 'id="map-figure"' in report and 'id="timeline-figure"' in report
    cards = re.findall(r'<li class="card" id="stop-[^"]+"[^>]*>.*?<h3>([^<]+)', report, re.S)
    assert [heading.strip() for heading in cards] == ["Santiago, Chile"]
    app.assert_clean()
