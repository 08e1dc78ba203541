"""python -m dashboard.extract FILE ... --merge: one entry per trip with sources and conflicts."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from merging_fixtures import shared_statement

from dashboard.extract import main

ROOT = Path(__file__).resolve().parents[1]
SEED = ROOT / "seeds" / "000_2088198bdb06ddc9.txt"
CHILE = sorted((ROOT / "tests" / "fixtures" / "merging").glob("chile_*.txt"))
STATEMENT = shared_statement()


def run(capsys, *args: str) -> tuple[int, dict | None, str]:
    code = main(list(args))
    out, err = capsys.readouterr()
    return code, json.loads(out) if out.strip() else None, err


def test_merge_prints_one_trip_with_sources_and_conflicts(capsys):
    code, data, err = run(capsys, *map(str, CHILE), "--merge")
    assert code == 0 and err == ""
    (trip,) = data["trips"]
    # Sources in publication order (Wednesday's article came out first), whatever the argv order.
    assert [Path(s["path"]).name for s in trip["sources"]] == [
        "chile_wednesday.txt", "chile_thursday.txt"]
    (stop,) = trip["stops"]
    assert {"country_code", "city", "start", "end", "leaders", "evidence"} <= set(stop)
    assert len(stop["sources"]) == 2
    assert {s["source"] for s in stop["facts"]["city"]["sources"]} == set(stop["sources"])
    assert all(f["sources"] for f in stop["facts"]["leaders"])
    (conflict,) = trip["conflicts"]
    assert conflict["field"] == "dates" and conflict["stop_key"] == "CL-1"
    assert sorted(v["value"] for v in conflict["values"]) == ["2022-10-05", "2022-10-06"]
    assert all(v["evidence"][0]["sentence"] for v in conflict["values"])


def test_without_merge_each_file_is_its_own_trip(capsys):
    code, data, _ = run(capsys, *map(str, CHILE))
    assert code == 0 and len(data["trips"]) == 2 and "sources" not in data["trips"][0]


@pytest.mark.skipif(not STATEMENT.is_file(), reason="../shared/articles is absent")
def test_seed_and_statement_merge_on_the_command_line(capsys):
    code, data, _ = run(capsys, str(SEED), str(STATEMENT), "--merge")
    assert code == 0
    (trip,) = data["trips"]
    assert [(s["country"], s["start"], s["end"], len(s["sources"])) for s in trip["stops"]] == [
        ("Colombia", "2022-10-03", "2022-10-04", 2), ("Chile", "2022-10-05", "2022-10-05", 2),
        ("Peru", "2022-10-06", "2022-10-07", 2)]
    assert trip["conflicts"] == []


def test_slack_days_and_a_trips_file(capsys, tmp_path):
    for path in CHILE:
        (tmp_path / path.name).write_text(path.read_text(encoding="utf-8"), encoding="utf-8")
    files = sorted(str(p) for p in tmp_path.glob("*.txt"))
    (tmp_path / "trips.toml").write_text(
        '[[split]]\narticles = ["chile_thursday.txt", "chile_wednesday.txt"]\n'
        '[[join]]\narticles = ["nope.txt", "chile_thursday.txt"]\n', encoding="utf-8")
    code, data, err = run(capsys, *files, "--merge")
    assert code == 0 and len(data["trips"]) == 2
    assert "nope.txt" in err and "join #1 ignored" in err
    (tmp_path / "trips.toml").unlink()
    code, data, _ = run(capsys, *files, "--merge", "--slack-days", "0")
    assert code == 0 and len(data["trips"]) == 1  # the stops are a day apart: one trip


@pytest.mark.parametrize("args", [["--slack-days", "2"], ["--merge", "--slack-days", "-1"]])
def test_bad_merge_options_are_usage_errors(capsys, args):
    with pytest.raises(SystemExit) as exit_:
        main([str(CHILE[0]), *args])
    assert exit_.value.code == 2
