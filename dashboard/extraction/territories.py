"""Territories under another country's sovereignty: a journey there is a journey at home.

The table is `[territories]` in `data/places.toml` (ISO 3166-1 alpha-2 code of the territory
-> the sovereign's code, from the ISO 3166-1 list of dependent territories); a user may
extend it. GeoNames gives these territories codes of their own (Martinique is MQ), so the
home-country rule needs this to see a French president in Martinique as at home.
"""

from __future__ import annotations

import tomllib
from functools import lru_cache

from dashboard.extraction.places import PLACES_FILE


@lru_cache(maxsize=2)
def _code_table(name: str) -> dict[str, str]:
    """A table of ISO codes from `data/places.toml` (`[territories]`, `[enclaves]`)."""
    if not PLACES_FILE.exists():
        return {}
    table = tomllib.loads(PLACES_FILE.read_text(encoding="utf-8")).get(name, {})
    return {str(k).upper(): str(v).upper() for k, v in table.items()}


def sovereign(code: str) -> str:
    """The ISO code of the country `code` belongs to: itself unless it is a territory of
    another ("MQ" -> "FR", "GU" -> "US", "FR" -> "FR")."""
    return _code_table("territories").get(code, code)


def at_home(code: str, home: str | None) -> bool:
    """Whether a place in country `code` is in the traveller's home country `home` (the
    country itself or one of its territories), or in the country that surrounds an enclave
    home (`[enclaves]`: a papal journey leaves from Rome); False when home is unknown."""
    if home is None:
        return False
    return sovereign(code) == home or _code_table("enclaves").get(home) == code
