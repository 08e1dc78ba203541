"""`python -m dashboard.export`, run the way a script or a newsroom pipeline runs it."""

from __future__ import annotations

import io
import json
import subprocess
import sys
from pathlib import Path

import geojson
import icalendar
import pandas as pd
import pytest

from dashboard.extraction import extract_trip_from_file, trip_to_json

REPO = Path(__file__).resolve().parents[1]
SEEDS = REPO / "seeds"
SEED = next(SEEDS.glob("*.txt"), None)

pytestmark = pytest.mark.skipif(SEED is None, reason="no seed article in seeds/")


def export(*args: str | Path, cwd: Path = REPO) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "dashboard.export", *map(str, args)],
        cwd=cwd, capture_output=True, text=True, encoding="utf-8", timeout=120, check=False,
    )


def assert_usage_error(result: subprocess.CompletedProcess[str], message: str) -> None:
    assert result.returncode == 2, result.stderr
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert result.stdout == ""


def test_csv_of_the_seed_to_stdout() -> None:
    result = export("csv")
    assert result.returncode == 0, result.stderr
    frame = pd.read_csv(io.StringIO(result.stdout), dtype=str, keep_default_na=False)
    assert frame["country_code"].tolist() == ["CO", "CL", "PE"]
    assert frame["start"].iloc[0] == "2022-10-03"


def test_csv_for_spreadsheets_by_default_and_plain_for_scripts() -> None:
    # issue 12 item 5: the default CSV carries a BOM; csv-plain is the raw data
    sheet = subprocess.run([sys.executable, "-m", "dashboard.export", "csv"], cwd=REPO,
                           capture_output=True, timeout=120)
    plain = subprocess.run([sys.executable, "-m", "dashboard.export", "csv-plain"], cwd=REPO,
                           capture_output=True, timeout=120)
    assert sheet.returncode == plain.returncode == 0, sheet.stderr + plain.stderr
    assert sheet.stdout.startswith(b"\xef\xbb\xbf")
    assert plain.stdout.startswith(b"trip_id,")
    assert sheet.stdout.decode("utf-8-sig").count("\r\n") == plain.stdout.decode().count("\r\n")


def test_country_filter_keeps_one_stop_in_geojson() -> None:
    result = export("geojson", "--country", "cl", "--articles", SEEDS)
    assert result.returncode == 0, result.stderr
    collection = geojson.loads(result.stdout)
    assert collection.is_valid
    features = json.loads(result.stdout)["features"]
    assert [f["properties"]["country_code"] for f in features] == ["CL"]
    assert features[0]["geometry"]["type"] == "Point"


def test_ics_written_to_a_file(tmp_path: Path) -> None:
    target = tmp_path / "trip.ics"
    result = export("ics", "--out", target, SEED)
    assert result.returncode == 0, result.stderr
    assert result.stdout == ""
    assert f"wrote {target}" in result.stderr
    calendar = icalendar.Calendar.from_ical(target.read_bytes())
    events = calendar.walk("VEVENT")
    assert [str(e["LOCATION"]).split(", ")[-1] for e in events] == ["Colombia", "Chile", "Peru"]
    assert all(e["DTSTART"].params["VALUE"] == "DATE" for e in events)


def test_out_folder_gets_a_file_named_after_the_trip(tmp_path: Path) -> None:
    result = export("json", "--out", tmp_path, SEED)
    assert result.returncode == 0, result.stderr
    written = list(tmp_path.iterdir())
    assert len(written) == 1 and written[0].name.startswith("trip-")
    assert written[0].suffix == ".json"


def test_json_is_what_the_extract_command_prints() -> None:
    result = export("json", SEED)
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    # The merged shape: the extractor's trip plus its sources and who states each fact.
    (trip,) = document["trips"]
    expected = json.loads(json.dumps(trip_to_json(extract_trip_from_file(SEED))))
    for key in set(expected) - {"stops", "events", "mentions", "trip_topic_details"}:
        assert trip[key] == expected[key], key
    for stop, own in zip(trip["stops"], expected["stops"], strict=True):
        assert {k: stop[k] for k in own} == own
        assert len(stop["sources"]) == 1 and stop["facts"]["dates"]["sources"]
    assert [{k: v for k, v in m.items() if k != "source"} for m in trip["mentions"]] == \
        expected["mentions"]
    assert [s["path"] for s in trip["sources"]] == [str(SEED)]
    extract = subprocess.run([sys.executable, "-m", "dashboard.extract", str(SEED), "--merge"],
                             cwd=REPO, capture_output=True, text=True, encoding="utf-8",
                             timeout=120, check=False)
    assert extract.returncode == 0, extract.stderr
    assert json.loads(extract.stdout) == document


def test_selection_with_no_stop_gives_an_empty_file_and_a_note() -> None:
    result = export("json", "--country", "FR")
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["trips"] == []
    assert "note: No stops match" in result.stderr


def test_unknown_country_code_is_a_usage_error() -> None:
    assert_usage_error(export("csv", "--country", "XX"), "unknown country code 'XX'")
    assert_usage_error(export("csv", "--country", "Chile"), "'Chile' is not a country code")


@pytest.mark.parametrize(("args", "message"), [
    (("xls",), "invalid choice: 'xls'"),
    (("csv", "--topic", "no-such-topic"), "unknown topic 'no-such-topic'"),
    (("csv", "--trip", "nope"), "unknown trip 'nope'"),
    (("csv", "--from", "3 October"), "'3 October' is not a date"),
    (("csv", "--from", "2022-10-07", "--to", "2022-10-01"), "is after --to"),
    (("csv", "missing-article.txt"), "no such article file: missing-article.txt"),
    (("csv", "--articles", "no-such-folder"), "no such articles folder"),
    (("csv", "--out", "no/such/folder/x.csv"), "does not exist"),
])
def test_bad_arguments_exit_2_with_a_message(args: tuple[str, ...], message: str) -> None:
    assert_usage_error(export(*args), message)


def test_unreadable_article_is_reported(tmp_path: Path) -> None:
    empty = tmp_path / "empty.txt"
    empty.write_text("", encoding="utf-8")
    result = export("csv", empty)
    assert result.returncode == 1
    assert "empty.txt" in result.stderr and "Traceback" not in result.stderr
