"""`python -m dashboard.store`: save, show, correct, history, restore, reset; exit codes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from store_fixtures import db_url, postgres  # noqa: F401 - fixtures

from dashboard.store.__main__ import run

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_2088198bdb06ddc9.txt"


def _cli(capsys: pytest.CaptureFixture[str], *args: str) -> tuple[int, str, str]:
    code = run(list(args))
    out, err = capsys.readouterr()
    return code, out, err


def test_save_correct_show_history_restore(capsys: pytest.CaptureFixture[str],
                                           db_url: str) -> None:  # noqa: F811
    code, out, _ = _cli(capsys, "save", str(SEED), "--db", db_url)
    assert code == 0
    trip_id, link = out.split()
    assert link == f"?trip={trip_id}"
    code, out, _ = _cli(capsys, "correct", trip_id, "--stop", "2", "--start", "2022-10-06",
                        "--end", "2022-10-06", "--leader", "Gabriel Boric",
                        "--leader", "Antonia Urrejola", "--db", db_url)
    assert (code, out.strip()) == (0, "revision 1")
    code, out, _ = _cli(capsys, "show", trip_id, "--db", db_url)
    assert code == 0
    shown = json.loads(out)
    chile = shown["stops"][1]
    assert chile["start"] == "2022-10-06"
    assert chile["provenance"]["start"]["provenance"] == "corrected"
    assert chile["provenance"]["start"]["extracted"] == "2022-10-05"
    assert chile["provenance"]["leaders"]["extracted"] == ["Gabriel Boric"]
    assert chile["leaders"] == ["Gabriel Boric", "Antonia Urrejola"]
    assert shown["stops"][0]["provenance"]["start"]["provenance"] in ("stated", "inferred")
    assert shown["revision"] == 1 and "sentences" not in shown
    _cli(capsys, "correct", trip_id, "--stop", "3", "--city", "Cusco", "--db", db_url)
    code, out, _ = _cli(capsys, "history", trip_id, "--db", db_url)
    assert code == 0 and out.splitlines()[0].startswith("2\t") and "(current)" in out
    code, out, _ = _cli(capsys, "restore", trip_id, "1", "--db", db_url)
    assert (code, out.split()[:2]) == (0, ["revision", "3"])
    shown = json.loads(_cli(capsys, "show", trip_id, "--db", db_url)[1])
    assert shown["stops"][2]["city"] == "Lima" and shown["stops"][1]["start"] == "2022-10-06"
    code, out, _ = _cli(capsys, "reset", trip_id, "--db", db_url)
    shown = json.loads(_cli(capsys, "show", trip_id, "--db", db_url)[1])
    assert all(v["provenance"] != "corrected" for s in shown["stops"]
               for v in s["provenance"].values())


@pytest.mark.parametrize(("args", "code", "message"), [
    (["correct", "{id}", "--stop", "2", "--start", "2022-10-09", "--end", "2022-10-01"], 2,
     "before the start"),
    (["correct", "{id}", "--stop", "2", "--country", "XQ"], 2, "unknown country code"),
    (["correct", "{id}", "--stop", "2", "--city", "Atlantisville"], 2, "not in the gazetteer"),
    (["correct", "{id}", "--stop", "9", "--start", "2022-10-01"], 2, "stops 1 to 3"),
    (["correct", "{id}", "--stop", "1"], 2, "nothing to correct"),
    (["correct", "{id}", "--stop", "1", "--start", "10/3/2022"], 2, "YYYY-MM-DD"),
    (["show", "no-such-trip"], 1, "no saved trip"),
    (["show", "x' OR '1'='1"], 1, "no saved trip"),
    (["restore", "{id}", "7"], 1, "no revision 7"),
    (["save", "/no/such/file.txt"], 1, "no such file"),
    (["show", "{id}", "--db", "mysql://u@h/t"], 2, "unsupported database"),
    (["show", "{id}", "--db", "postgresql+psycopg://u@127.0.0.1:1/t"], 1, "cannot be reached"),
])
def test_errors_end_in_one_line_with_the_exit_code(capsys: pytest.CaptureFixture[str],
                                                tmp_path: Path, args: list[str], code: int,
                                                message: str) -> None:
    db = f"sqlite:///{tmp_path / 'trips.sqlite3'}"
    trip_id = _cli(capsys, "save", str(SEED), "--db", db)[1].split()[0]
    argv = [a.replace("{id}", trip_id) for a in args]
    if "--db" not in argv:
        argv += ["--db", db]
    got, _, err = _cli(capsys, *argv)
    assert got == code, err
    assert message in err.strip().splitlines()[-1]  # argparse puts its usage above
    assert "Traceback" not in err


def test_runs_from_any_folder_with_the_default_setting(tmp_path: Path) -> None:
    """The migrations ship in the package: no alembic.ini, any working directory."""
    env = {**os.environ, "TRIP_DATABASE_PATH": str(tmp_path / "var" / "t.sqlite3")}
    env.pop("TRIP_DATABASE_URL", None)
    saved = subprocess.run([sys.executable, "-m", "dashboard.store", "save", str(SEED)],
                           cwd=tmp_path, env=env, capture_output=True, text=True, timeout=120)
    assert saved.returncode == 0, saved.stderr
    assert (tmp_path / "var" / "t.sqlite3").exists()
