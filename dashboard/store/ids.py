"""Saved-trip ids: a readable slug and an unguessable part, e.g.
`blinken-2022-10-latin-america-k7f3q9x2mbw4t` (the link is the key to a saved trip)."""

from __future__ import annotations

import re
import secrets

SECRET_ALPHABET = "abcdefghijkmnpqrstuvwxyz23456789"  # no 0/o, 1/l: read aloud safely
SECRET_LENGTH = 14  # 14 characters of 32 = 70 random bits (at least 64 required)
MAX_SLUG_LENGTH = 80
_SLUG_CHARS = re.compile(r"[^a-z0-9]+")
_TRIP_ID = re.compile(rf"^[a-z0-9]+(?:-[a-z0-9]+)*-[{SECRET_ALPHABET}]{{{SECRET_LENGTH}}}$")


def secret_part() -> str:
    """SECRET_LENGTH characters from `secrets` (cryptographically random)."""
    return "".join(secrets.choice(SECRET_ALPHABET) for _ in range(SECRET_LENGTH))


def new_trip_id(readable: str) -> str:
    """`readable` made a slug (lower-case ASCII words and dashes, at most 80 characters),
    then a dash and the unguessable part."""
    slug = _SLUG_CHARS.sub("-", readable.lower()).strip("-")[:MAX_SLUG_LENGTH].strip("-")
    return f"{slug or 'trip'}-{secret_part()}"


def looks_like_saved_id(value: str) -> bool:
    """True when `value` has the shape of a saved-trip id (checked before any query)."""
    return len(value) <= MAX_SLUG_LENGTH + SECRET_LENGTH + 1 and bool(_TRIP_ID.match(value))
