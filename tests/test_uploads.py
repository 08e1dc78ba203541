"""Uploaded articles: size, encodings, binary files, extraction and merging into the tables."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from dashboard.models import ArticleError
from dashboard.tables import load_tables, unique_trip_id
from dashboard.uploads import (
    MAX_UPLOAD_BYTES,
    check_upload_name,
    decode_upload,
    extract_upload,
    merge_uploads,
)

SEEDS = Path(__file__).resolve().parents[1] / "seeds"
SEED = SEEDS / "000_2088198bdb06ddc9.txt"

ARTICLE = (
    "Title: Kerry in the Gulf\n"
    "Date: 2015-11-24\n\n"
    "Secretary of State John Kerry will travel to Paris, France, on November 30.\n\n"
    "He will then travel to Brussels, Belgium, on December 1 for a NATO meeting.\n"
)


def test_utf8_upload_decodes_as_is() -> None:
    text, encoding = decode_upload("a.txt", "Bogotá — Perú".encode())
    assert (text, encoding) == ("Bogotá — Perú", "UTF-8")


def test_utf8_bom_is_dropped() -> None:
    text, _ = decode_upload("a.txt", "\ufeffBogotá".encode("utf-8"))
    assert text == "Bogotá"


@pytest.mark.parametrize("encoding", ["cp1252", "utf-16"])
def test_other_encodings_are_detected(encoding: str) -> None:
    original = "Blinken met Petro in Bogotá on Monday; the café was closed."
    text, _ = decode_upload("a.txt", original.encode(encoding))
    assert text == original


def test_binary_file_is_refused_with_its_name() -> None:
    with pytest.raises(ArticleError, match=r"photo\.txt: not a text file"):
        decode_upload("photo.txt", bytes(range(256)) * 8)


def test_empty_upload_is_refused() -> None:
    with pytest.raises(ArticleError, match="empty"):
        decode_upload("blank.txt", b"  \n\n ")


def test_oversized_upload_is_refused() -> None:
    with pytest.raises(ArticleError, match="over the 1 MB limit"):
        decode_upload("big.txt", b"a" * (MAX_UPLOAD_BYTES + 1))


def test_only_text_suffixes_are_accepted() -> None:
    check_upload_name("story.MD")
    with pytest.raises(ArticleError, match=r"only \.txt and \.md"):
        check_upload_name("story.pdf")


def test_pasted_article_is_extracted_with_provenance() -> None:
    trip = extract_upload("pasted text", ARTICLE)
    assert [s.country_code for s in trip.stops] == ["FR", "BE"]
    assert trip.stops[0].start == date(2015, 11, 30)
    for stop in trip.stops:
        for ev in stop.evidence:
            assert trip.article.text[ev.start:ev.end] == ev.sentence


def test_upload_without_a_place_says_so() -> None:
    with pytest.raises(ArticleError, match="pasted text"):
        extract_upload("pasted text", "Date: 2020-01-01\n\nNothing happened today at all.\n")


def test_publication_date_given_by_the_visitor_resolves_weekdays() -> None:
    text = SEED.read_text(encoding="utf-8").replace("October 4, 2022", "")
    trip = extract_upload("seed-without-date.txt", text, published=date(2022, 10, 4))
    assert trip.stops[0].start == date(2022, 10, 3)


def test_unique_trip_id() -> None:
    assert unique_trip_id("a", {"b"}) == "a"
    assert unique_trip_id("a", {"a", "a-2"}) == "a-3"


def test_merge_keeps_base_rows_and_adds_the_upload() -> None:
    base = load_tables(SEEDS)
    upload = extract_upload("pasted text", ARTICLE)
    merged = merge_uploads(base, [upload])
    assert list(merged.trips["trip_id"]) == [*base.trips["trip_id"], upload.id]
    assert len(merged.itinerary) == len(base.itinerary) + 2
    assert merged.texts[upload.id] == upload.article.text
    assert merged.itinerary["start"].dtype == base.itinerary["start"].dtype
    # the base tables are not changed in place (they live in the shared cache)
    assert len(load_tables(SEEDS).itinerary) == len(base.itinerary)
    assert merge_uploads(base, []) is base


def test_copies_of_an_article_are_one_trip_of_three_sources_with_their_own_ids(
        tmp_path: Path) -> None:
    for name in ("a.txt", "b.txt", "c.txt"):
        (tmp_path / name).write_text(SEED.read_text(encoding="utf-8"), encoding="utf-8")
    trip_id = load_tables(SEEDS).trips["trip_id"].iloc[0]
    tables = load_tables(tmp_path)
    # Same traveller, same days: one trip told three times (dashboard.merging).
    assert list(tables.trips["trip_id"]) == [trip_id]
    assert list(tables.sources["source_id"]) == [trip_id, f"{trip_id}-2", f"{trip_id}-3"]
    assert set(tables.texts) == set(tables.sources["source_id"])
    assert list(tables.itinerary["n_sources"]) == [3, 3, 3]
    # Kept apart by trips.toml, they are three trips, each with its own id.
    (tmp_path / "trips.toml").write_text('[[split]]\narticles = ["a.txt", "b.txt", "c.txt"]\n',
                                         encoding="utf-8")
    assert list(load_tables(tmp_path).trips["trip_id"]) == [trip_id, f"{trip_id}-2",
                                                            f"{trip_id}-3"]
