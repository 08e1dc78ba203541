"""A reader's joins and splits in the store, on SQLite and on a real PostgreSQL server."""

from __future__ import annotations

import threading
from pathlib import Path

import pytest
from sqlalchemy import text
from store_fixtures import db_url, postgres  # noqa: F401 - fixtures

from dashboard.merging.decisions import GroupingDecision
from dashboard.store import NotFound, StoreReadOnly, TripStore, content_hash, open_engine
from dashboard.store.groupings import (
    active_decisions,
    add_decision,
    decision_history,
    undo_decision,
)
from dashboard.store.settings import sqlite_url

A, B, C = (content_hash(t) for t in ("article a", "article b", "article c"))


@pytest.fixture
def store(db_url: str):  # noqa: F811 - the fixture above
    engine = open_engine(db_url)
    yield TripStore(engine)
    engine.dispose()


def test_decisions_are_kept_in_order_and_survive_a_restart(store: TripStore) -> None:
    first = add_decision(store, GroupingDecision("join", (A, B), ("a.txt", "b.txt")))
    second = add_decision(store, GroupingDecision("split", (B,), ("b.txt",), note="not his"))
    assert second > first
    url = store.engine.url.render_as_string(hide_password=False)
    store.engine.dispose()
    again = TripStore(open_engine(url))  # a restart: a new engine on the same database
    decisions = active_decisions(again)
    assert [(d.id, d.action, d.articles, d.names) for d in decisions] == [
        (first, "join", (A, B), ("a.txt", "b.txt")), (second, "split", (B,), ("b.txt",))]
    assert decisions[1].note == "not his"
    again.engine.dispose()


def test_undo_takes_a_decision_out_and_keeps_its_history(store: TripStore) -> None:
    join = add_decision(store, GroupingDecision("join", (A, C), ("a.txt", "c.txt")))
    split = add_decision(store, GroupingDecision("split", (C,), ("c.txt",)))
    undone = undo_decision(store, split)
    assert undone.action == "split" and undone.articles == (C,)
    assert [d.id for d in active_decisions(store)] == [join]
    history = decision_history(store)
    assert [(h.decision.id, h.undone_at is not None) for h in history] == [
        (split, True), (join, False)]
    assert history[0].created_at.tzinfo is not None
    with pytest.raises(NotFound, match=f"number {split}"):
        undo_decision(store, split)  # already undone
    with pytest.raises(NotFound):
        undo_decision(store, 9999)


def test_two_readers_undoing_at_once_undo_it_once(store: TripStore) -> None:
    number = add_decision(store, GroupingDecision("split", (A,), ("a.txt",)))
    results: list[str] = []

    def undo() -> None:
        try:
            undo_decision(store, number)
            results.append("undone")
        except NotFound:
            results.append("not found")

    threads = [threading.Thread(target=undo) for _ in range(4)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(results) == ["not found"] * 3 + ["undone"]


def test_a_key_that_is_not_an_article_hash_is_refused(store: TripStore) -> None:
    with pytest.raises(ValueError, match="64 hex"):
        add_decision(store, GroupingDecision("split", ("x' OR '1'='1",)))
    assert active_decisions(store) == []


def test_a_read_only_database_lists_decisions_and_refuses_new_ones(tmp_path: Path) -> None:
    path = tmp_path / "trips.sqlite3"
    engine = open_engine(sqlite_url(path))
    add_decision(TripStore(engine), GroupingDecision("split", (A,), ("a.txt",)))
    with engine.connect() as connection:  # a read-only file cannot switch journal modes
        connection.execute(text("PRAGMA journal_mode=DELETE"))
    engine.dispose()
    read_only = open_engine(f"sqlite:///file:{path}?mode=ro&uri=true")
    store = TripStore(read_only)
    assert [d.articles for d in active_decisions(store)] == [(A,)]
    with pytest.raises(StoreReadOnly, match="read-only"):
        add_decision(store, GroupingDecision("split", (B,), ("b.txt",)))
    with pytest.raises(StoreReadOnly, match="read-only"):
        undo_decision(store, 1)
    read_only.dispose()


def test_the_command_line_joins_splits_lists_and_undoes(capsys: pytest.CaptureFixture[str],
                                                        tmp_path: Path,
                                                        db_url: str) -> None:  # noqa: F811
    from dashboard.store.__main__ import run

    first, second = tmp_path / "a.txt", tmp_path / "b.txt"
    first.write_text("Title: A\nDate: 2022-10-03\n\nBlinken visits Chile.\n", "utf-8")
    second.write_text("Title: B\nDate: 2022-10-04\n\nBlinken visits Peru.\n", "utf-8")

    def cli(*args: str) -> tuple[int, str, str]:
        code = run([*args, "--db", db_url])
        out, err = capsys.readouterr()
        return code, out, err

    assert cli("join", str(first), str(second), "--note", "one tour")[:2] == (
        0, "1\tjoined a.txt, b.txt\n")
    assert cli("split", str(second))[:2] == (0, "2\tsplit out b.txt\n")
    code, out, _ = cli("groupings")
    assert code == 0 and [line.split("\t")[0] for line in out.splitlines()] == ["1", "2"]
    assert "one tour" in out
    assert cli("undo", "2")[:2] == (0, "undone 2\tsplit out b.txt\n")
    assert [line.split("\t")[0] for line in cli("groupings")[1].splitlines()] == ["1"]
    assert "(undone" in cli("groupings", "--all")[1]
    engine = open_engine(db_url)
    keys = active_decisions(TripStore(engine))[0].articles
    engine.dispose()
    assert keys == (content_hash(first.read_text("utf-8")),
                    content_hash(second.read_text("utf-8")))
    code, _, err = cli("undo", "2")
    assert code == 1 and "no join or split number 2" in err
    code, _, err = cli("join", str(first), str(first))
    assert code == 2 and "two or more different articles" in err
    code, _, err = cli("split", str(tmp_path / "missing.txt"))
    assert code == 1 and "no such file" in err
