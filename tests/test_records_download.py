"""Download of the official record and the records-folder setting. Never touches the network:
every test passes its own opener."""

from __future__ import annotations

import io
import json
import urllib.error
from pathlib import Path

import pytest

from dashboard.records import settings
from dashboard.records.download import DownloadError, download_records
from dashboard.records.reader import read_records

GOOD_XML = (b'<?xml version="1.0" encoding="UTF-8"?><trips><trip role="secretary" who="doe-jane">'
            b"<id>1</id><name>Jane Doe</name><start-date>2020-01-01</start-date>"
            b"<end-date>2020-01-02</end-date><country>France</country><locale>Paris</locale>"
            b"</trip></trips>")
RAW = "https://raw.githubusercontent.com/HistoryAtState/travels/master/"


def listing(folder: str, names: list[str]) -> bytes:
    entries = [{"name": n, "type": "file", "download_url": f"{RAW}{folder}/{n}"} for n in names]
    entries.append({"name": "sub", "type": "dir", "download_url": None})
    return json.dumps(entries).encode()


class FakeWeb:
    """An opener serving fixed answers by URL; unknown URLs fail like a closed network."""

    def __init__(self, pages: dict[str, bytes]):
        self.pages = pages
        self.requested: list[str] = []

    def __call__(self, request, timeout):
        url = request.full_url
        self.requested.append(url)
        assert timeout > 0
        if url not in self.pages:
            raise urllib.error.URLError("Name or service not known")
        return io.BytesIO(self.pages[url])


def api(folder: str) -> str:
    return f"https://api.github.com/repos/HistoryAtState/travels/contents/{folder}"


def test_offline_fails_with_a_clear_message(tmp_path):
    with pytest.raises(DownloadError) as caught:
        download_records(tmp_path, opener=FakeWeb({}))
    message = str(caught.value)
    assert message.startswith("could not reach https://api.github.com/repos/HistoryAtState/travels")
    assert "the app works without records; use --records DIR with a local copy" in message
    assert not any(tmp_path.iterdir())


def test_timeout_is_a_clear_message(tmp_path):
    def slow(request, timeout):
        raise TimeoutError("timed out")

    with pytest.raises(DownloadError, match=r"could not reach .* \(timed out\)"):
        download_records(tmp_path, opener=slow)


def test_http_error_is_a_clear_message(tmp_path):
    def limited(request, timeout):
        raise urllib.error.HTTPError(request.full_url, 403, "rate limit exceeded", {}, None)

    with pytest.raises(DownloadError, match="HTTP 403 rate limit exceeded"):
        download_records(tmp_path, opener=limited)


def test_download_writes_readable_files(tmp_path):
    web = FakeWeb({
        api("president-travels"): listing("president-travels", ["doe-john.xml"]),
        api("secretary-travels"): listing("secretary-travels", ["doe-jane.xml", "README.md",
                                                                "../evil.xml"]),
        f"{RAW}president-travels/doe-john.xml": GOOD_XML.replace(b"doe-jane", b"doe-john"),
        f"{RAW}secretary-travels/doe-jane.xml": GOOD_XML,
    })
    written = download_records(tmp_path, opener=web)
    assert sorted(p.relative_to(tmp_path).as_posix() for p in written) == [
        "president-travels/doe-john.xml", "secretary-travels/doe-jane.xml"]
    assert not any("evil" in url or "README" in url for url in web.requested)
    frame, warnings = read_records(tmp_path)
    assert sorted(frame["who"]) == ["doe-jane", "doe-john"] and warnings == []


def test_bad_file_is_not_saved_and_the_old_copy_stays(tmp_path):
    old = tmp_path / "secretary-travels" / "doe-jane.xml"
    old.parent.mkdir(parents=True)
    old.write_bytes(GOOD_XML)
    web = FakeWeb({
        api("president-travels"): listing("president-travels", []),
        api("secretary-travels"): listing("secretary-travels", ["doe-jane.xml"]),
        f"{RAW}secretary-travels/doe-jane.xml": b"<trips><trip>",
    })
    with pytest.raises(DownloadError, match=r"saved 0 file\(s\).*not well-formed XML"):
        download_records(tmp_path, opener=web)
    assert old.read_bytes() == GOOD_XML


def test_records_dir_order(tmp_path, monkeypatch):
    cache = tmp_path / "cache" / "records"
    shared = tmp_path / "shared" / "records"
    monkeypatch.setattr(settings, "CACHE_DIR", cache)
    monkeypatch.setattr(settings, "DEV_SHARED_DIR", shared)
    monkeypatch.delenv(settings.ENV_VAR, raising=False)
    assert settings.records_dir() is None

    shared.mkdir(parents=True)
    (shared / "a.xml").write_bytes(GOOD_XML)
    assert settings.find_records_dir().source == "development copy"

    cache.mkdir(parents=True)
    assert settings.records_dir() == shared  # an empty cache does not count
    (cache / "a.xml").write_bytes(GOOD_XML)
    assert settings.records_dir() == cache

    monkeypatch.setenv(settings.ENV_VAR, str(tmp_path / "env"))
    assert settings.find_records_dir() == settings.RecordsLocation(tmp_path / "env",
                                                                   "environment")
    assert settings.records_dir(tmp_path / "explicit") == tmp_path / "explicit"


def test_cache_dir_is_inside_the_project_and_ignored():
    root = Path(settings.__file__).resolve().parents[2]
    assert root / "cache" / "records" == settings.CACHE_DIR
    assert "/cache/" in (root / ".gitignore").read_text().splitlines()
