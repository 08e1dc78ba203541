"""Extraction of an upload runs in a worker process with a time budget (issue 12, item 21:
while one article was extracting, another visitor's page waited 42.65 s)."""

from __future__ import annotations

import re
import threading
import time
import warnings

import pytest
from streamlit.testing.v1 import AppTest
from test_limits import APP, KERRY

from dashboard import uploads
from dashboard.models import ArticleError
from dashboard.uploads import extract_upload, extract_upload_isolated
from dashboard.worker import WorkerTimeout, run_with_budget, warm_up

# A regex that backtracks exponentially: the engine holds the interpreter lock throughout.
CATASTROPHIC = (r"(x+x+)+y", "x" * 40)


def test_the_worker_gives_the_same_trip_as_in_process() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        here = extract_upload("kerry.txt", KERRY)
    there = extract_upload_isolated("kerry.txt", KERRY)
    assert there.model_dump() == here.model_dump()


def test_an_article_error_in_the_worker_reaches_the_visitor() -> None:
    with pytest.raises(ArticleError, match="no visited place found"):
        extract_upload_isolated("none.txt", "Date: 2020-01-01\n\nThe committee met.\n")


def test_a_job_past_its_budget_is_stopped_and_the_server_keeps_running() -> None:
    warm_up()
    ticks = 0
    done = threading.Event()

    def other_visitor() -> None:  # a thread of the server, as another session's rerun
        nonlocal ticks
        while not done.is_set():
            ticks += 1
            time.sleep(0.01)

    thread = threading.Thread(target=other_visitor)
    thread.start()
    started = time.monotonic()
    try:
        with pytest.raises(WorkerTimeout, match="still running after 2 s"):
            run_with_budget(re.findall, CATASTROPHIC, 2.0)
    finally:
        done.set()
        thread.join()
    elapsed = time.monotonic() - started
    # the other thread ran all along (in-process, the regex would have held it for minutes)
    assert ticks > 50, f"only {ticks} ticks in {elapsed:.1f} s: the interpreter was held"


def test_past_the_budget_the_visitor_is_told(monkeypatch) -> None:
    monkeypatch.setattr(uploads, "EXTRACTION_BUDGET_S", 0.001)
    at = AppTest.from_file(APP, default_timeout=120)
    at.run()
    at.switch_page("app_pages/add_article.py").run()
    at.text_area[0].set_value(KERRY)
    next(b for b in at.button if b.label == "Add").click()
    at.run()
    assert not at.exception
    assert any("reading it took longer than 0.001 seconds and was stopped"
               in e.value.replace("\\", "") for e in at.error)  # markdown escapes
