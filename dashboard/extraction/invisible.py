"""Invisible characters: removed before analysis, with a map back to the original offsets.

A zero-width space inside a name ("Bo\u200bgota") split it in two (a stop in "Bo", Sierra
Leone). Format characters that render as nothing (zero-width spaces and joiners, bidi marks,
embeddings and isolates, the word joiner, soft hyphens, a stray BOM) are taken out of the
text the rules read; every offset the extractor reports is mapped back, so highlights and
evidence still point into `Article.text` as decoded. The set follows Unicode's general
category Cf (format) minus the characters that carry meaning in text.
"""

from __future__ import annotations

import re
from array import array

from dashboard.models import Article, Evidence, Trip

INVISIBLE = re.compile(
    "[\u00ad\u034f\u061c\u115f\u1160\u17b4\u17b5\u180b-\u180f\u200b-\u200f\u202a-\u202e"
    "\u2060-\u2064\u2066-\u206f\u3164\ufe00-\ufe0f\ufeff\uffa0]"
)
"""Soft hyphen, combining grapheme joiner, Arabic letter mark, Hangul fillers, Khmer
inherent vowels, Mongolian selectors and vowel separator, zero-width space / non-joiner /
joiner, left-to-right and right-to-left marks, bidi embeddings, overrides and isolates, word
joiner and invisible operators, variation selectors, zero-width no-break space (BOM)."""


class OffsetMap:
    """Offsets in the cleaned text -> offsets in the original text."""

    def __init__(self, original: str, spans: list[tuple[int, int]]) -> None:
        # kept[i] = original offset of cleaned character i; one more entry for the end
        kept = array("l")
        position = 0
        for start, end in spans:
            kept.extend(range(position, start))
            position = end
        kept.extend(range(position, len(original) + 1))
        self._kept = kept

    def start(self, offset: int) -> int:
        """Where a span starting at cleaned `offset` starts in the original."""
        return self._kept[offset]

    def end(self, offset: int) -> int:
        """Where a span ending at cleaned `offset` (exclusive) ends in the original: right
        after its last kept character, so trailing invisible characters stay outside."""
        return self._kept[offset - 1] + 1 if offset > 0 else 0


# Hard-wrapped text (PDF and press-release layouts): a word hyphenated across a line break
# ("Washing-\nton"), and a sentence going on on the next line ("... at the\ninvitation")
WRAPPED_WORD = re.compile(r"(?<=[a-z])-\n(?=[a-z])")
CONTINUED_LINE = re.compile(r"(?<=[a-z,;])\n(?=[a-z])")


def strip_invisible(text: str) -> tuple[str, OffsetMap | None]:
    """(text without invisible characters and with hard-wrapped lines joined, map back) or
    (text, None) when there is nothing to change. A hyphen that breaks a word at a line's
    end goes with the line break; a line break inside a sentence (a lower-case word after a
    letter or a comma) becomes a space, which keeps every offset where it was."""
    wrapped = [m.span() for m in WRAPPED_WORD.finditer(text)]
    spans = sorted([m.span() for m in INVISIBLE.finditer(text)] + wrapped)
    continued = len(CONTINUED_LINE.findall(text))
    if not spans and not continued:
        return text, None
    kept = "".join(text[a:b] for a, b in zip([0] + [e for _, e in spans],
                                             [s for s, _ in spans] + [len(text)], strict=True))
    kept = CONTINUED_LINE.sub(" ", kept)
    if len(wrapped) + continued >= HARD_WRAPPED:
        # a hard-wrapped page: a full line that stops mid-sentence goes on on the next one,
        # whatever its case ("He held talks with Atlanta\nMayor Andre Dickens")
        kept = FULL_LINE_GOES_ON.sub(lambda m: m.group(0)[:-1] + " ", kept)
    return kept, OffsetMap(text, spans)


# How many wrapped words or lines make a page hard-wrapped, and how long a line must be to
# have been cut by the wrap (not a heading or an address line)
HARD_WRAPPED = 3
FULL_LINE_GOES_ON = re.compile(r"(?m)^[^\n]{45,}[A-Za-z,;]\n(?=[A-Za-z])")


def map_trip_back(trip: Trip, original: Article, offsets: OffsetMap) -> Trip:
    """The trip extracted from the cleaned text, with every offset, sentence and mention
    text pointing into the original article again (in place; returns `trip`)."""
    text = original.text

    def evidence(item: Evidence) -> None:
        item.start, item.end = offsets.start(item.start), offsets.end(item.end)
        item.sentence = text[item.start:item.end]

    for stop in trip.stops:
        for item in (*stop.evidence, *stop.city_evidence, *stop.date_evidence):
            evidence(item)
        for leader in stop.leaders:
            evidence(leader.evidence)
        for tag in stop.topics:
            evidence(tag.evidence)
    for event in trip.events:
        evidence(event.evidence)
    for tag in trip.topics:
        evidence(tag.evidence)
    for item in trip.sentences:
        evidence(item)
    if trip.traveler_evidence is not None:
        evidence(trip.traveler_evidence)
    for mention in trip.mentions:
        mention.start, mention.end = offsets.start(mention.start), offsets.end(mention.end)
        mention.text = text[mention.start:mention.end]
    trip.article = original.model_copy(update={"title": trip.article.title})
    return trip


def clean_article(article: Article) -> tuple[Article, OffsetMap | None]:
    """The article as the rules read it (no invisible characters), and the map back."""
    text, offsets = strip_invisible(article.text)
    if offsets is None:
        return article, None
    body_start = len(strip_invisible(article.text[:article.body_start])[0])
    title = INVISIBLE.sub("", article.title) if article.title else article.title
    return article.model_copy(update={"text": text, "body_start": body_start,
                                      "title": title}), offsets
