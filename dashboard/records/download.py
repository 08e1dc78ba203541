"""Download the current official travel record from the public repository.

The Office of the Historian publishes it as `HistoryAtState/travels` on GitHub: the file list
of each folder comes from the GitHub contents API, each file from its raw URL. Each file is
checked to be well-formed XML and written atomically, so a failed or partial download never
damages a cache that worked. Offline, it fails with a message; the app works without records.
"""

from __future__ import annotations

import json
import re
import urllib.error
import urllib.request
import xml.etree.ElementTree as ET
from collections.abc import Callable
from pathlib import Path
from typing import Any

from dashboard.records.settings import CACHE_DIR

REPOSITORY = "HistoryAtState/travels"
FOLDERS = ("president-travels", "secretary-travels")
CONTENTS_URL = "https://api.github.com/repos/{repo}/contents/{folder}"
RAW_PREFIX = "https://raw.githubusercontent.com/"
TIMEOUT_SECONDS = 20.0
USER_AGENT = "trip-timeline-dashboard (official travel record download)"
SAFE_NAME = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]*\.xml$")
OFFLINE_HINT = "the app works without records; use --records DIR with a local copy"

Opener = Callable[..., Any]


class DownloadError(RuntimeError):
    """The download failed; the message says what to do instead."""


def _fetch(url: str, opener: Opener, timeout: float) -> bytes:
    request = urllib.request.Request(url, headers={"User-Agent": USER_AGENT})
    try:
        with opener(request, timeout=timeout) as response:
            return response.read()
    except urllib.error.HTTPError as exc:
        raise DownloadError(f"could not fetch {url} (HTTP {exc.code} {exc.reason}); "
                            f"{OFFLINE_HINT}") from exc
    except (urllib.error.URLError, TimeoutError, OSError) as exc:
        reason = getattr(exc, "reason", None) or exc
        raise DownloadError(f"could not reach {url} ({reason}); {OFFLINE_HINT}") from exc


def list_folder(folder: str, opener: Opener, timeout: float) -> list[tuple[str, str]]:
    """(file name, raw URL) of the XML files in one folder of the repository."""
    url = CONTENTS_URL.format(repo=REPOSITORY, folder=folder)
    try:
        entries = json.loads(_fetch(url, opener, timeout))
    except (json.JSONDecodeError, UnicodeDecodeError) as exc:
        raise DownloadError(f"unexpected answer from {url} (not JSON); {OFFLINE_HINT}") from exc
    if not isinstance(entries, list):
        raise DownloadError(f"unexpected answer from {url} (no file list); {OFFLINE_HINT}")
    files = []
    for entry in entries:
        if not isinstance(entry, dict) or entry.get("type") != "file":
            continue
        name, raw = str(entry.get("name", "")), str(entry.get("download_url") or "")
        if SAFE_NAME.match(name) and raw.startswith(RAW_PREFIX):
            files.append((name, raw))
    return files


def _write_atomically(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(path.name + ".part")
    partial.write_bytes(data)
    partial.replace(path)


def download_records(dest: Path = CACHE_DIR, *, opener: Opener | None = None,
                     timeout: float = TIMEOUT_SECONDS) -> list[Path]:
    """Fetch every traveller's XML file into `dest/<folder>/`; return the files written.

    Raises DownloadError (with a message fit for the user) when the repository cannot be
    reached, or after saving what it could when some files failed.
    """
    opener = opener or urllib.request.urlopen
    dest = Path(dest)
    written: list[Path] = []
    failed: list[str] = []
    for folder in FOLDERS:
        for name, raw_url in list_folder(folder, opener, timeout):
            try:
                data = _fetch(raw_url, opener, timeout)
                ET.fromstring(data)
            except DownloadError as exc:
                failed.append(f"{folder}/{name}: {exc}")
                continue
            except ET.ParseError as exc:
                failed.append(f"{folder}/{name}: not well-formed XML ({exc}); not saved")
                continue
            target = dest / folder / name
            _write_atomically(target, data)
            written.append(target)
    if failed:
        raise DownloadError(f"saved {len(written)} file(s) to {dest}, but {len(failed)} failed: "
                            + "; ".join(failed))
    if not written:
        raise DownloadError(f"no XML files found in {REPOSITORY}; {OFFLINE_HINT}")
    return written
