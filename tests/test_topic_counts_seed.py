"""Issue 12 item 8: every sentence that raises a topic at a stop is counted and listed.

The seed raises drug trafficking in many sentences (the issue counted six naming it
outright; the taxonomy's "drug trade", "cocaine" and "coca" add more). The Topics page said 2
and every heatmap cell was 1, because a stop kept only the first sentence per topic.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.tables import TripTables, load_tables
from dashboard.views.topic_matrix import WHOLE_TRIP, sentences_for_topic, topic_matrix
from tests.shared_data import SEED

APP = str(Path(__file__).resolve().parents[1] / "dashboard" / "app.py")


@pytest.fixture(scope="module")
def seed() -> TripTables:
    return load_tables(SEED.parent)


def _sentence_of(tables: TripTables, offset: int) -> int:
    sentences = tables.sentences
    inside = sentences[(sentences["start"] <= offset) & (offset < sentences["end"])]
    return int(inside["start"].iloc[0])


def test_every_sentence_raising_a_topic_at_a_stop_is_a_topic_row(seed: TripTables) -> None:
    # The whole kind: for each stop (and the trip agenda) and topic, the topic rows hold one
    # row per distinct sentence that the highlighted mentions place there.
    mentions = seed.mentions[seed.mentions["kind"] == "topic"]
    expected: dict[tuple[object, str], set[int]] = {}
    for row in mentions.itertuples():
        stop = None if pd.isna(row.stop_id) else row.stop_id
        expected.setdefault((stop, row.value), set()).add(_sentence_of(seed, row.start))
    got: dict[tuple[object, str], set[int]] = {}
    for row in seed.topics.itertuples():
        stop = None if pd.isna(row.stop_id) else row.stop_id
        got.setdefault((stop, row.topic), set()).add(int(row.start))
    assert got == expected


def test_the_seed_counts_every_drug_trafficking_sentence(seed: TripTables) -> None:
    matrix = topic_matrix(seed.topics, seed.itinerary)
    drugs = matrix.counts.loc["drug-trafficking"]
    assert drugs["1 Colombia"] >= 6, drugs  # the six, at least
    assert drugs.sum() >= 6
    assert drugs[WHOLE_TRIP] >= 1
    assert matrix.counts.index[0] == "drug-trafficking"  # most raised first
    # the heatmap is not all ones
    assert matrix.counts.to_numpy().max() > 1
    rows = sentences_for_topic(seed.topics, "drug-trafficking", seed.itinerary)
    assert len(rows) == drugs.sum()
    assert rows["sentence"].is_unique
    sentences = " ".join(" ".join(rows["sentence"]).split())  # no-break spaces as spaces
    for words in ("tackle drug trafficking", "sharing intelligence on drug trafficking",
                  "curb drug trafficking", "profiting from drug trafficking",
                  "drug-traffickers"):
        assert words in sentences


def test_the_topics_page_lists_every_sentence_and_the_count() -> None:
    at = AppTest.from_file(APP, default_timeout=60)
    at.run()
    at.switch_page("app_pages/topics.py").run()
    assert not at.exception
    assert at.selectbox(key="topics_page_topic").value == "drug-trafficking"
    [said] = [m.value for m in at.markdown if "sentence(s)" in m.value]
    shown = int(said.split()[0])
    assert shown >= 6
    counts = at.dataframe[0].value.set_index("topic")
    assert counts.loc["drug-trafficking", "sentences"] == shown
