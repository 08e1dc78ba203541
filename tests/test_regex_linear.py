"""Every regular expression of the package runs in linear time on hostile text (issue 12,
item 15: "Chile", 100 spaces, "x first stop was Peru." cost 35 s of CPU in a look-behind
pattern with nested optional whitespace; 200 spaces, 15-20 minutes).

The patterns are collected by walking the modules of `dashboard` (see `regex_audit.py`) and
run over long runs of spaces, no-break spaces, newlines and repeated words in a child
process: Python's `re` cannot be interrupted, so a catastrophic pattern is stopped by the
child's timeout, and the last pattern it started is named.
"""

from __future__ import annotations

import subprocess
import sys
import warnings
from pathlib import Path

import pytest
from regex_audit import package_patterns

from dashboard.articles import read_article_text
from dashboard.extraction import extract_trip

AUDIT = Path(__file__).with_name("regex_audit.py")
ROOT = AUDIT.parents[1]
CHILD_TIMEOUT_S = 240


def test_the_audit_sees_the_patterns_that_read_article_text() -> None:
    where = {w for w, _ in package_patterns()}
    for name in ("dashboard.extraction.visits.STOP_LINK_BEFORE",
                 "dashboard.extraction.dates.RANGE_GAP", "dashboard.articles.DATE_LINE",
                 "dashboard.extraction.sentences.SENTENCE_END"):
        assert name in where
    assert any(w.startswith("data/topics.toml:") for w in where)
    assert any(w.startswith("dashboard/extraction/") and ".py:" in w for w in where), \
        "inline re.search(r'...') patterns are collected too"
    assert len(where) > 100


def test_every_pattern_of_the_package_is_linear_on_hostile_text() -> None:
    try:
        done = subprocess.run(
            [sys.executable, str(AUDIT), "--check", "2500", "10000", "3.0"], cwd=ROOT,
            capture_output=True, text=True, timeout=CHILD_TIMEOUT_S)
    except subprocess.TimeoutExpired as exc:
        started = [line for line in (exc.stdout or b"").decode().splitlines()
                   if line.startswith("START ")]
        pytest.fail(f"still running after {CHILD_TIMEOUT_S} s (catastrophic backtracking) "
                    f"in {started[-1][6:] if started else 'the pattern collection'}")
    report = done.stdout.split("OFFENDERS\n", 1)[-1].strip()
    assert done.returncode == 0, report or done.stderr[-2000:]


@pytest.mark.parametrize("spaces", [100, 200, 100_000])
def test_a_run_of_spaces_before_a_stop_word_costs_nothing(spaces: int) -> None:
    """The issue's article shape: "... Chile", a run of spaces, "x first stop was Peru."."""
    text = ("Title: Latin America tour\nDate: 2022-10-04\n\n"
            "Secretary of State Antony Blinken will travel to Colombia, Chile and Peru this "
            "week to discuss migration and trade with the leaders of the three countries.\n\n"
            "He arrives in Colombia on Monday and then heads to Chile" + " " * spaces
            + "x first stop was Peru.\n")
    code = ("import sys, warnings; warnings.simplefilter('ignore')\n"
            "from dashboard.articles import read_article_text\n"
            "from dashboard.extraction import extract_trip\n"
            "trip = extract_trip(read_article_text('spaces.txt', sys.stdin.read()))\n"
            "print(' '.join(s.country_code for s in trip.stops))\n")
    try:
        done = subprocess.run([sys.executable, "-c", code], input=text, cwd=ROOT,
                              capture_output=True, text=True, timeout=60)
    except subprocess.TimeoutExpired:
        pytest.fail(f"{spaces} spaces: extraction still running after 60 s")
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.split() == ["CO", "CL", "PE"]


def test_the_stop_link_still_reads_a_stop_named_before_its_stop_word() -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("link.txt", (
            "Title: Tour\nDate: 2022-10-04\n\nSecretary of State Antony Blinken is on a tour "
            "of South America. Colombia, the first stop, welcomed him on Monday. "
            "Peru is the last stop.\n")))
    assert [s.country_code for s in trip.stops] == ["CO", "PE"]
