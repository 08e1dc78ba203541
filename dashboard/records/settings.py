"""Where the official travel record lives on this machine.

In order: an explicit path (the `--records DIR` option), the environment variable
`TRIP_RECORDS_DIR`, the download cache `cache/records/` in the project folder, and, for a
developer checkout only, the shared development copy `../shared/records/` beside the
project. None when there is none: the app then works without the record and says so.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

ENV_VAR = "TRIP_RECORDS_DIR"
PROJECT_ROOT = Path(__file__).resolve().parents[2]
CACHE_DIR = PROJECT_ROOT / "cache" / "records"
DEV_SHARED_DIR = PROJECT_ROOT.parent / "shared" / "records"


@dataclass(frozen=True)
class RecordsLocation:
    path: Path
    source: str  # "argument" | "environment" | "cache" | "development copy"

    @property
    def description(self) -> str:
        how = {"argument": "given explicitly", "environment": f"from ${ENV_VAR}",
               "cache": "downloaded cache", "development copy": "developer checkout copy"}
        return f"{self.path} ({how.get(self.source, self.source)})"


def _has_xml(folder: Path) -> bool:
    return folder.is_dir() and any(folder.rglob("*.xml"))


def find_records_dir(explicit: str | Path | None = None) -> RecordsLocation | None:
    """The records folder and how it was found. An explicit or environment path is returned
    even when missing, so the user hears that it is wrong instead of silently getting
    another copy."""
    if explicit:
        return RecordsLocation(Path(explicit).expanduser(), "argument")
    value = os.environ.get(ENV_VAR, "").strip()
    if value:
        return RecordsLocation(Path(value).expanduser(), "environment")
    if _has_xml(CACHE_DIR):
        return RecordsLocation(CACHE_DIR, "cache")
    if _has_xml(DEV_SHARED_DIR):
        return RecordsLocation(DEV_SHARED_DIR, "development copy")
    return None


def records_dir(explicit: str | Path | None = None) -> Path | None:
    """The records folder to read, or None when none is configured or found."""
    found = find_records_dir(explicit)
    return found.path if found else None
