"""Bytes of an article -> text, the one decoder for files on disk and uploads.

1. A byte-order mark decides: UTF-32, UTF-16 (either byte order) or UTF-8.
2. Otherwise UTF-8, when the bytes are valid UTF-8 (they almost never are by accident).
3. Otherwise charset-normalizer proposes encodings. When it proposes a Latin-script
   single-byte code page (Windows-125x, ISO 8859, DOS, Mac), its guesses are often equally
   plausible ("São" is also valid Windows-1250, "Săo"), so every Latin candidate, plus
   Windows-1252 and Mac Roman, is decoded and scored: a character that is neither a letter
   nor ordinary punctuation stuck to a letter ("S‹o Paulo", "Bogot‡", "Wroc³aw") is a sign of
   the wrong code page. The fewest such signs wins, and on a tie Windows-1252 (the commonest
   encoding of Western text that is not UTF-8), then Mac Roman.

The chosen encoding is returned with the text, so callers can say what they did.
"""

from __future__ import annotations

import codecs
import re

import charset_normalizer

from dashboard.models import ArticleError

BOMS = (  # UTF-32 first: its little-endian BOM starts with UTF-16's
    (codecs.BOM_UTF32_LE, "utf_32_le"), (codecs.BOM_UTF32_BE, "utf_32_be"),
    (codecs.BOM_UTF8, "utf_8"),
    (codecs.BOM_UTF16_LE, "utf_16_le"), (codecs.BOM_UTF16_BE, "utf_16_be"),
)
# Single-byte code pages of Latin-script languages that charset-normalizer may propose.
LATIN_ENCODINGS = {
    "cp1250", "cp1252", "cp1254", "cp1257", "cp437", "cp775", "cp850", "cp852", "cp857",
    "cp858", "cp860", "cp861", "cp863", "cp865", "latin_1", "iso8859_2", "iso8859_3",
    "iso8859_4", "iso8859_9", "iso8859_10", "iso8859_13", "iso8859_14", "iso8859_15",
    "iso8859_16", "mac_roman", "mac_iceland", "mac_latin2", "mac_turkish", "mac_croatian",
    "mac_romanian", "cp1258",
}
PREFERRED = ("cp1252", "mac_roman")
NAMES = {
    "utf_8": "UTF-8", "utf_16_le": "UTF-16 (little-endian, with BOM)",
    "utf_16_be": "UTF-16 (big-endian, with BOM)", "utf_32_le": "UTF-32 (little-endian, with BOM)",
    "utf_32_be": "UTF-32 (big-endian, with BOM)", "utf_16": "UTF-16", "utf_32": "UTF-32",
    "cp1252": "Windows-1252", "cp1250": "Windows-1250", "cp1251": "Windows-1251",
    "cp1254": "Windows-1254", "cp1257": "Windows-1257", "mac_roman": "Mac Roman",
    "latin_1": "ISO-8859-1", "iso8859_15": "ISO-8859-15", "iso8859_2": "ISO-8859-2",
}
# Punctuation that sits next to letters in ordinary text: never a sign of a wrong code page
# (’ in "don’t", an em dash in "trip—his"), or only when squeezed between two letters.
ALWAYS_FINE = set("’‘—·\u00a0")
FINE_AT_WORD_EDGE = set("“”„«»…°•–")
NON_ASCII = re.compile(r"[^\x00-\x7f]")
# A decoded article with more than this share of control characters is not prose.
MAX_CONTROL_SHARE = 0.01


def encoding_name(encoding: str) -> str:
    """A reader's name for a Python codec name: "cp1252" -> "Windows-1252"."""
    return NAMES.get(encoding, encoding.replace("_", "-").upper())


def wrong_code_page_signs(text: str) -> int:
    """How many characters look like a byte decoded with the wrong code page: non-ASCII,
    not a letter, touching a letter; a non-ASCII capital inside a lower-case word (C1
    control characters count five)."""
    signs = 0
    last = len(text) - 1
    for match in NON_ASCII.finditer(text):
        i, ch = match.start(), match.group(0)
        if ch in ALWAYS_FINE:
            continue
        if ch.isalpha():
            # a capital inside a lower-case word: "donÕt", "cafÈ", "ìHello" (Mac Roman read
            # as Windows-1252 or the other way round)
            capital_after = i > 0 and text[i - 1].islower() and ch.isupper()
            capital_next = i < last and ch.islower() and text[i + 1].isupper()
            signs += capital_after or capital_next
            continue
        if "\x80" <= ch <= "\x9f":
            signs += 5
            continue
        before = i > 0 and text[i - 1].isalpha()
        after = i < last and text[i + 1].isalpha()
        if (before and after) if ch in FINE_AT_WORD_EDGE else (before or after):
            signs += 1
    return signs


def _decodes(data: bytes, encoding: str) -> str | None:
    try:
        return data.decode(encoding)
    except (UnicodeDecodeError, LookupError):
        return None


def _detect(data: bytes) -> tuple[str, str] | None:
    matches = list(charset_normalizer.from_bytes(data))
    if not matches:
        return None
    best = matches[0].encoding
    if best not in LATIN_ENCODINGS:
        return str(matches[0]), best
    order = [*PREFERRED, *(m.encoding for m in matches if m.encoding in LATIN_ENCODINGS)]
    scored = []
    for rank, encoding in enumerate(dict.fromkeys(order)):
        text = _decodes(data, encoding)
        if text is not None:
            scored.append((wrong_code_page_signs(text), rank, text, encoding))
    if not scored:
        return str(matches[0]), best
    _, _, text, encoding = min(scored)
    return text, encoding


def decode_text(name: str, data: bytes) -> tuple[str, str]:
    """Bytes -> (text, encoding as a Python codec name). Raises ArticleError naming the file
    when it is empty or not text (no encoding fits, or control characters / NUL bytes remain
    after decoding)."""
    if not data.strip():
        raise ArticleError(f"{name}: the file is empty")
    text: str | None = None
    encoding = ""
    for bom, bom_encoding in BOMS:
        if data.startswith(bom):
            text = _decodes(data[len(bom):], bom_encoding)
            if text is None:
                raise ArticleError(f"{name}: not valid {encoding_name(bom_encoding)} text "
                                   "although it starts with that byte-order mark")
            encoding = bom_encoding
            break
    if text is None and b"\x00" not in data:
        text = _decodes(data, "utf_8")
        encoding = "utf_8"
    if text is None:
        detected = _detect(data)
        if detected is None:
            reason = "it contains NUL bytes" if b"\x00" in data else "no text encoding fits"
            raise ArticleError(f"{name}: not a text file ({reason})")
        text, encoding = detected
    if not text.strip():
        raise ArticleError(f"{name}: the file is empty")
    if "\x00" in text or _control_share(text) > MAX_CONTROL_SHARE:
        raise ArticleError(f"{name}: not a text file (it contains binary data)")
    return text, encoding


def _control_share(text: str) -> float:
    controls = sum(1 for ch in text if ch < " " and ch not in "\n\r\t\f")
    return controls / max(len(text), 1)
