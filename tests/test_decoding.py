"""One decoder for article files and uploads (issue 12, item 4): BOMs, UTF-8 first, then a
detector that prefers Windows-1252 among Latin code pages; the encoding is reported."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from dashboard.articles import EncodingNote, read_article
from dashboard.decoding import decode_text, encoding_name
from dashboard.models import ArticleError
from dashboard.uploads import decode_upload

ROOT = Path(__file__).resolve().parents[1]
ARTICLE = ("Title: Blinken in South America\nDate: 2022-10-04\n\n"
           "Secretary of State Antony Blinken arrived in São Paulo, Brazil, on Monday and "
           "met officials in Bogotá, Colombia, on Tuesday. He said “it’s a façade” – then "
           "flew to Asunción, Paraguay.\n")


@pytest.mark.parametrize(("encoding", "expected"), [
    ("utf-8", "utf_8"),
    ("utf-8-sig", "utf_8"),
    ("utf-16", "utf_16_le"),          # Python writes a little-endian BOM
    ("utf-16-be", None),              # no BOM: NUL bytes, found by the detector
    ("utf-32", "utf_32_le"),
    ("cp1252", "cp1252"),             # was read as Windows-1250: "Săo Paulo"
    ("mac_roman", "mac_roman"),       # was read with every accent wrong
])
def test_each_encoding_gives_the_article_back(encoding: str, expected: str | None) -> None:
    data = ARTICLE.encode(encoding)
    if encoding == "utf-16-be":
        data = ("\ufeff" + ARTICLE).encode("utf-16-be")
        expected = "utf_16_be"
    text, used = decode_text("a.txt", data)
    assert text == ARTICLE
    assert used == expected


def test_latin1_reads_as_windows_1252_its_superset() -> None:
    plain = ARTICLE.replace("“", '"').replace("”", '"').replace("’", "'").replace("–", "-")
    assert decode_text("a.txt", plain.encode("latin-1")) == (plain, "cp1252")


def test_a_bom_utf16_file_is_no_binary_file_on_the_command_line(tmp_path: Path) -> None:
    """The CLI said "not a text file (it contains NUL bytes)" where the upload page read it."""
    path = tmp_path / "utf16.txt"
    path.write_bytes(ARTICLE.encode("utf-16"))
    with pytest.warns(EncodingNote, match=r"utf16\.txt: read as UTF-16 \(little-endian"):
        article = read_article(path)
    assert article.text == ARTICLE


def test_upload_and_file_decode_alike(tmp_path: Path) -> None:
    data = ARTICLE.encode("cp1252")
    path = tmp_path / "w.txt"
    path.write_bytes(data)
    with pytest.warns(EncodingNote, match="read as Windows-1252"):
        from_file = read_article(path).text
    text, name = decode_upload("w.txt", data)
    assert text == from_file == ARTICLE
    assert name == "Windows-1252" == encoding_name("cp1252")


def test_the_command_line_notes_the_encoding_on_stderr(tmp_path: Path) -> None:
    path = tmp_path / "roman.txt"
    path.write_bytes(ARTICLE.encode("mac_roman"))
    done = subprocess.run([sys.executable, "-m", "dashboard.extract", str(path)], cwd=ROOT,
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert f"note: {path}: read as Mac Roman (not UTF-8)" in done.stderr
    trip = json.loads(done.stdout)["trips"][0]
    assert "São Paulo" in [s["city"] for s in trip["stops"]]


@pytest.mark.parametrize(("data", "message"), [
    (b"", "the file is empty"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)), "not a text file"),
    (b"\xff\xfe\x00", "not valid UTF-16"),
])
def test_what_is_not_text_is_refused_with_the_files_name(data: bytes, message: str) -> None:
    with pytest.raises(ArticleError, match=rf"b\.txt: {message}"):
        decode_text("b.txt", data)
