"""`python -m dashboard.records`: check (JSON), summary, download; errors exit 2 with no
traceback."""

from __future__ import annotations

import json
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from dashboard.records.__main__ import main
from tests.shared_data import SEED, SHARED_RECORDS

ROOT = Path(__file__).resolve().parents[1]
RECORDS = SHARED_RECORDS


def run(*args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess[str]:
    return subprocess.run([sys.executable, "-m", "dashboard.records", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, env=env)


def needs_records() -> None:
    if not RECORDS.is_dir():
        pytest.skip(f"official record copy not found at {RECORDS}")


def needs_extractor() -> None:
    try:
        from dashboard.extraction import extract_trip_from_file  # noqa: F401
    except ImportError:
        pytest.skip("the extractor (dashboard.extraction.extract_trip_from_file) has not landed")


def test_check_seed():
    needs_records()
    needs_extractor()
    done = run("check", str(SEED), "--records", str(RECORDS))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    result = json.loads(done.stdout)
    assert result["errors"] == []
    [trip] = result["trips"]
    assert "Blinken" in trip["traveler"]
    stops = {s["country_code"]: s for s in trip["stops"]}
    assert stops["CO"]["status"] == "confirmed"
    assert stops["CO"]["record"] == {"start": "2022-10-03", "end": "2022-10-04",
                                     "locale": "Bogota", "id": "4089"}
    assert stops["CL"]["status"] == "confirmed"
    assert stops["CL"]["record"]["id"] == "4090"
    assert stops["PE"]["status"] == "differs"
    assert stops["PE"]["record"] == {"start": "2022-10-06", "end": "2022-10-06",
                                     "locale": "Lima", "id": "4091"}
    for stop in trip["stops"]:
        assert set(stop) >= {"country_code", "start", "end", "status", "record"}


def test_check_with_a_missing_file_reports_it_and_exits_2():
    needs_records()
    needs_extractor()
    done = run("check", str(SEED), "no-such-article.txt", "--records", str(RECORDS))
    assert done.returncode == 2
    assert "error: no-such-article.txt: no such file" in done.stderr
    assert "Traceback" not in done.stderr
    assert len(json.loads(done.stdout)["trips"]) == 1


def test_check_without_records_folder_exits_2(tmp_path):
    done = run("check", str(SEED), "--records", str(tmp_path / "missing"))
    assert done.returncode == 2
    assert "does not exist" in done.stderr and "Traceback" not in done.stderr
    assert done.stdout == ""


def test_bad_published_date_exits_2():
    done = run("check", str(SEED), "--published", "4 Oct 2022")
    assert done.returncode == 2
    assert "is not a date in the form YYYY-MM-DD" in done.stderr
    assert "Traceback" not in done.stderr


def test_summary_and_who(capsys):
    needs_records()
    assert main(["summary", "--records", str(RECORDS)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("4269 visits by 55 travellers (3437 secretary, 832 president)")
    assert main(["summary", "--records", str(RECORDS), "--who", "blinken-antony-j",
                 "--json"]) == 0
    journeys = json.loads(capsys.readouterr().out)
    assert len(journeys) == 81
    october = [j for j in journeys if j["journey_id"] == "blinken-2022-10"]
    assert october[0]["countries"] == ["Colombia", "Chile", "Peru"]
    assert october[0]["start"] == "2022-10-03" and october[0]["end"] == "2022-10-06"


def test_summary_unknown_who(capsys):
    needs_records()
    assert main(["summary", "--records", str(RECORDS), "--who", "blinkn"]) == 2
    assert "did you mean blinken-antony-j" in capsys.readouterr().err


def test_download_offline(monkeypatch, tmp_path, capsys):
    def offline(request, timeout):
        raise urllib.error.URLError("Name or service not known")

    monkeypatch.setattr(urllib.request, "urlopen", offline)
    assert main(["download", "--dest", str(tmp_path)]) == 2
    err = capsys.readouterr().err
    assert err.startswith("error: could not reach https://api.github.com/")
    assert "the app works without records; use --records DIR with a local copy" in err
