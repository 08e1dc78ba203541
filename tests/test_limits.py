"""Limits and exit codes (issue 12, item 23): a partial record is an error for the command
line, and one session cannot add articles without limit."""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest
from test_missing_values import write_records

from dashboard.models import ArticleError
from dashboard.uploads import (
    MAX_SESSION_TEXT_BYTES,
    MAX_UPLOADS_PER_SESSION,
    UPLOADS_KEY,
    check_session_room,
    extract_upload,
)

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard" / "app.py")
SEED = ROOT / "seeds" / "000_2088198bdb06ddc9.txt"
KERRY = ("Title: Kerry to Paris\nDate: 2015-11-24\n\n"
         "Secretary of State John Kerry will travel to Paris, France, on November 30.\n")


def _records_with_a_broken_file(folder: Path) -> Path:
    write_records(folder, ("1", "2022-10-03", "2022-10-04", "Colombia"))
    (folder / "broken.xml").write_text('<trips><trip role="secretary" who="x"><id>2</id>',
                                       encoding="utf-8")
    return folder


@pytest.mark.parametrize("command", [["check", str(SEED)], ["summary"]])
def test_records_command_exits_non_zero_when_it_reports_an_error(
        tmp_path: Path, command: list[str]) -> None:
    folder = _records_with_a_broken_file(tmp_path / "records")
    done = subprocess.run([sys.executable, "-m", "dashboard.records", *command, "--records",
                           str(folder)], cwd=ROOT, capture_output=True, text=True, timeout=120)
    assert "error: records: broken.xml: malformed or truncated XML" in done.stderr
    assert done.returncode == 2, done.stderr
    assert done.stdout.strip(), "what could be read is still reported"


def test_records_check_exits_zero_when_all_is_read(tmp_path: Path) -> None:
    folder = write_records(tmp_path / "records", ("1", "2022-10-03", "2022-10-04", "Colombia"))
    done = subprocess.run([sys.executable, "-m", "dashboard.records", "check", str(SEED),
                           "--records", str(folder)], cwd=ROOT, capture_output=True,
                          text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert "error" not in done.stderr


def _kerry():
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        return extract_upload("kerry.txt", KERRY)


def test_a_session_holds_at_most_the_stated_number_of_articles() -> None:
    full = [_kerry()] * MAX_UPLOADS_PER_SESSION
    check_session_room(full[:-1], "one more.txt", KERRY)  # room for the last one
    with pytest.raises(ArticleError, match=rf"one more\.txt: not added; this session already "
                                           rf"holds {MAX_UPLOADS_PER_SESSION} articles"):
        check_session_room(full, "one more.txt", KERRY)


def test_a_session_holds_at_most_the_stated_amount_of_text() -> None:
    with pytest.raises(ArticleError, match=r"over the 5 MB one session can add"):
        check_session_room([_kerry()], "big.txt", "x" * MAX_SESSION_TEXT_BYTES)


def test_the_add_page_states_the_cap_and_refuses_past_it() -> None:
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/add_article.py").run()
    assert any(f"up to {MAX_UPLOADS_PER_SESSION} articles" in c.value for c in at.caption)
    trip = _kerry()
    at.session_state[UPLOADS_KEY] = [trip.model_copy(update={"id": f"kerry-{n}"})
                                     for n in range(MAX_UPLOADS_PER_SESSION)]
    at.run()
    at.text_area[0].set_value(KERRY)
    next(b for b in at.button if b.label == "Add").click()
    at.run()
    assert not at.exception
    assert any("the most one session can add" in e.value for e in at.error)
    assert len(at.session_state[UPLOADS_KEY]) == MAX_UPLOADS_PER_SESSION


def _big_travels_file(folder: Path, megabytes: float) -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    row = ('<trip role="secretary" who="big-file"><id>{n}</id><role>secretary</role>'
           "<name>Big File</name><start-date>2010-01-01</start-date><end-date>2010-01-02"
           '</end-date><country id="co">Colombia</country><locale>Bogota</locale>'
           "<remarks>Met people.</remarks></trip>\n")
    count = int(megabytes * 1e6 / len(row)) + 1
    body = "".join(row.format(n=n) for n in range(count))
    path = folder / "big.xml"
    path.write_text(f'<?xml version="1.0" encoding="UTF-8"?>\n<trips>\n{body}</trips>\n',
                    encoding="utf-8")
    return path


def test_a_record_file_over_the_stated_size_is_refused_unread(tmp_path: Path) -> None:
    """Issue 12 item 19: a 100 MB record file took 68 s to the first page and 700 MB."""
    from dashboard.records import read_records
    from dashboard.records.reader import MAX_FILE_BYTES

    folder = tmp_path / "records"
    write_records(folder, ("1", "2022-10-03", "2022-10-04", "Colombia"))
    _big_travels_file(folder, MAX_FILE_BYTES / 1e6 + 0.5)
    records = read_records(folder)
    assert list(records.frame["id"]) == ["1"]
    assert any(m.startswith("big.xml: 5.5 MB is over the 5 MB limit for one travels file")
               and m.endswith("skipped unread") for m in records.warnings)


def test_the_record_page_says_a_file_was_refused(monkeypatch, tmp_path: Path) -> None:
    folder = tmp_path / "records"
    write_records(folder, ("1", "2022-10-03", "2022-10-04", "Colombia"))
    _big_travels_file(folder, 5.5)
    monkeypatch.setenv("TRIP_RECORDS_DIR", str(folder))
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/records.py").run()
    assert not at.exception
    assert any("over the 5 MB limit for one travels file" in w.value.replace("\\", "")
               for w in at.warning)
