"""The Historian's country names -> ISO 3166-1 alpha-2 codes.

The Historian writes "Korea, South", "Burma", "U.S.S.R."; pycountry knows the ISO names. An
explicit table (`data/historian-countries.csv`) covers every name pycountry does not resolve
exactly, because fuzzy matching gets these wrong ("Republic of China" is Taiwan, not CN;
"Kosovo" is not Serbia). A historic country with no alpha-2 code has an empty code there.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import pycountry

OVERRIDES_PATH = Path(__file__).resolve().parents[2] / "data" / "historian-countries.csv"


@dataclass(frozen=True)
class CountryCode:
    """The outcome of mapping one Historian country name."""

    name: str
    code: str | None
    known: bool
    note: str = ""

    @property
    def historic(self) -> bool:
        """Known, but with no alpha-2 code (U.S.S.R., Yugoslavia, ...)."""
        return self.known and self.code is None


def _key(name: str) -> str:
    text = unicodedata.normalize("NFKC", name).replace("\u2019", "'").replace("\u2018", "'")
    return " ".join(text.split()).casefold()


@lru_cache(maxsize=4)
def load_overrides(path: Path = OVERRIDES_PATH) -> dict[str, tuple[str | None, str]]:
    """name key -> (alpha-2 or None, note). Missing file: an empty table."""
    if not path.is_file():
        return {}
    table: dict[str, tuple[str | None, str]] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        for row in csv.DictReader(handle):
            code = (row.get("code") or "").strip().upper() or None
            table[_key(row["name"])] = (code, (row.get("note") or "").strip())
    return table


@lru_cache(maxsize=1024)
def country_code(name: str) -> CountryCode:
    """Map a Historian country name; unknown names come back with known=False."""
    clean = " ".join(name.split())
    if not clean:
        return CountryCode(name=clean, code=None, known=False, note="empty country name")
    override = load_overrides().get(_key(clean))
    if override is not None:
        code, note = override
        return CountryCode(name=clean, code=code, known=True, note=note)
    try:
        found = pycountry.countries.lookup(clean)
    except LookupError:
        return CountryCode(name=clean, code=None, known=False, note="not an ISO country name")
    return CountryCode(name=clean, code=found.alpha_2, known=True)
