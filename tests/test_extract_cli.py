"""The command line: python -m dashboard.extract FILE [FILE ...] [--published YYYY-MM-DD]."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.extract import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_2088198bdb06ddc9.txt"
STOP_KEYS = {"country_code", "country", "city", "city_inferred", "lat", "lon", "start", "end",
             "leaders", "topics", "evidence"}


def run(capsys, *args: str) -> tuple[int, dict | None, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


def test_seed_as_json(capsys):
    code, data, err = run(capsys, str(SEED))
    assert code == 0 and err == ""
    (trip,) = data["trips"]
    assert {"id", "title", "published", "traveler", "topics", "stops"} <= set(trip)
    assert trip["published"] == "2022-10-04"
    assert trip["traveler"] == "Antony Blinken"
    assert {"drug-trafficking", "migration", "democracy"} <= set(trip["topics"])
    assert [s["country_code"] for s in trip["stops"]] == ["CO", "CL", "PE"]
    for stop in trip["stops"]:
        assert set(stop) >= STOP_KEYS
    colombia = trip["stops"][0]
    assert (colombia["city"], colombia["start"], colombia["end"]) == ("Bogotá", "2022-10-03", None)
    assert colombia["leaders"] == ["Gustavo Petro"]
    text = SEED.read_text(encoding="utf-8")
    for item in colombia["evidence"]:
        assert text[item["start"]:item["end"]] == item["sentence"]


def test_files_print_in_the_order_given(capsys, tmp_path):
    other = tmp_path / "kerry.txt"
    other.write_text("Date: 2015-11-24\n\nSecretary of State John Kerry will travel to Paris, "
                     "France, on November 30.\n", encoding="utf-8")
    code, data, _err = run(capsys, str(other), str(SEED))
    assert code == 0
    assert [t["stops"][0]["country_code"] for t in data["trips"]] == ["FR", "CO"]


def test_a_failing_file_is_reported_and_the_others_still_print(capsys, tmp_path):
    empty = tmp_path / "empty.txt"
    empty.write_bytes(b"")
    code, data, err = run(capsys, str(empty), str(SEED), str(tmp_path / "missing.txt"))
    assert code == 1
    assert len(data["trips"]) == 1
    assert "empty.txt" in err and "empty" in err
    assert "missing.txt" in err
    assert "Traceback" not in err


def test_published_fills_a_missing_date(capsys, tmp_path):
    article = tmp_path / "nodate.txt"
    article.write_text("Secretary Blinken met Colombian President Gustavo Petro in Bogota on "
                       "Monday.\n", encoding="utf-8")
    code, data, err = run(capsys, str(article))
    assert code == 0
    assert data["trips"][0]["published"] is None
    assert data["trips"][0]["stops"][0]["start"] is None
    assert "no publication date" in err
    code, data, err = run(capsys, str(article), "--published", "2022-10-04")
    assert data["trips"][0]["published"] == "2022-10-04"
    assert data["trips"][0]["stops"][0]["start"] == "2022-10-03"


def test_a_bad_published_value_is_a_usage_error(capsys):
    with pytest.raises(SystemExit) as info:
        main([str(SEED), "--published", "4 Oct"])
    assert info.value.code == 2
    assert "YYYY-MM-DD" in capsys.readouterr().err


def test_runs_as_a_module():
    result = subprocess.run([sys.executable, "-m", "dashboard.extract", str(SEED)],
                            capture_output=True, text=True, cwd=ROOT, check=False)
    assert result.returncode == 0, result.stderr
    assert json.loads(result.stdout)["trips"][0]["id"] == "blinken-2022-10-latin-america"
