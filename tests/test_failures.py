"""Faults reach visitors as words, never as tracebacks (issue 12, item 22)."""

from __future__ import annotations

import tomllib
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.failures import describe_failure

ROOT = Path(__file__).resolve().parents[1]
APP = str(ROOT / "dashboard" / "app.py")


def test_production_settings_hide_error_details() -> None:
    config = tomllib.loads((ROOT / ".streamlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["client"]["showErrorDetails"] == "none"


def test_a_failure_is_described_without_server_paths() -> None:
    exc = FileNotFoundError("[Errno 2] No such file: '/srv/app/dashboard/records/x.xml'")
    assert describe_failure(exc) == "FileNotFoundError: [Errno 2] No such file: 'x.xml'"


def _boom(*args, **kwargs):
    raise ValueError("Out of bounds nanosecond timestamp: 2300-10-08 00:00:00")


def test_a_failing_record_check_leaves_every_page_working(monkeypatch) -> None:
    """Items 16 and 17 crashed in the record cross-check, on every page."""
    import dashboard.records.cache as cache

    monkeypatch.setattr(cache, "load_trip_checks", _boom)
    at = AppTest.from_file(APP, default_timeout=120).run()
    assert not at.exception
    assert any("Checking the trips against the official record failed (ValueError: Out of "
               "bounds nanosecond timestamp: 2300-10-08 00:00:00); the pages show the trips "
               "without it" in e.value.replace("\\", "") for e in at.error)
    assert at.metric or at.markdown, "the overview still draws"


@pytest.mark.parametrize("page", ["app_pages/overview.py", "app_pages/data.py"])
def test_a_failing_page_says_what_went_wrong(monkeypatch, page: str) -> None:
    import dashboard.session as session

    at = AppTest.from_file(APP, default_timeout=120).run()
    monkeypatch.setattr(session, "current_view", _boom)
    at.switch_page(page).run()
    assert not at.exception
    shown = [e.value.replace("\\", "") for e in at.error]  # markdown escapes
    assert any("page failed (ValueError: Out of bounds nanosecond timestamp" in text
               and "the other pages still work" in text for text in shown)
