"""Where the articles come from, and when the cached tables are rebuilt (no Streamlit run)."""

from __future__ import annotations

from pathlib import Path

from dashboard.loading import (
    ARTICLES_DIR_ENV,
    DEFAULT_ARTICLES_DIR,
    articles_dir,
    folder_fingerprint,
    load_folder,
)


def test_articles_dir_setting_order(tmp_path):
    assert articles_dir(environ={}, secrets={}) == DEFAULT_ARTICLES_DIR
    assert articles_dir(environ={}, secrets={"articles_dir": "mine"}) == Path("mine")
    assert articles_dir(environ={ARTICLES_DIR_ENV: str(tmp_path)},
                        secrets={"articles_dir": "mine"}) == tmp_path
    assert articles_dir(environ={ARTICLES_DIR_ENV: ""}, secrets={}) == DEFAULT_ARTICLES_DIR


def test_default_folder_is_the_projects_seeds():
    assert DEFAULT_ARTICLES_DIR.name == "seeds" and DEFAULT_ARTICLES_DIR.is_dir()


def test_fingerprint_follows_content_and_ignores_other_files(tmp_path):
    article = tmp_path / "a.txt"
    article.write_text("Blinken visits Chile.")
    (tmp_path / "a.truth.json").write_text("{}")
    (tmp_path / "README.md").write_text("not an article")
    first = folder_fingerprint(tmp_path)
    assert [name for name, _, _ in first] == ["a.txt"]
    article.write_text("Blinken visits Chile and Peru.")
    assert folder_fingerprint(tmp_path) != first


def test_missing_or_empty_folder_gives_a_message_not_an_exception(tmp_path):
    missing = load_folder(tmp_path / "nowhere")
    assert missing.trips.empty and "not found" in missing.errors[0]
    empty = load_folder(tmp_path)
    assert empty.trips.empty and "No .txt or .md articles" in empty.errors[0]


def test_fingerprint_changes_with_trips_toml(tmp_path):
    (tmp_path / "a.txt").write_text("Blinken visits Chile.")
    first = folder_fingerprint(tmp_path)
    (tmp_path / "trips.toml").write_text('[[split]]\narticles = ["a.txt"]\n')
    second = folder_fingerprint(tmp_path)
    assert second != first and [name for name, _, _ in second] == ["a.txt", "trips.toml"]
