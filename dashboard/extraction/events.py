"""Events named in a sentence: meetings, press conferences, summits, ministerials, speeches."""

from __future__ import annotations

import re
from dataclasses import dataclass

SUMMIT = re.compile(
    r"(?:\b\d+(?:st|nd|rd|th)\s+)?(?:[A-Z][\w.&'’-]*\s+(?:(?:of|the|and)\s+)?){0,5}Summit\b"
    r"(?!\s+[A-Z])|(?:\b[A-Z][\w.&'’-]*\s+(?:(?:of|the|and)\s+)?){1,5}summit\b|\bsummit\b")
MINISTERIAL = re.compile(r"(?:\b[A-Z][\w-]*\s+){1,4}Ministerial(?:\s+(?:Council|Meeting))?\b")
ASSEMBLY = re.compile(r"\b(?:UN\s+|United Nations\s+)?General Assembly"
                      r"(?:\s+of\s+the(?:\s+(?:[A-Z][\w()]*|of|and|the))+)?|"
                      r"\bCOP-?\s?\d+\b|\b[A-Z]{2,}\s+(?:Conference|Forum|Meeting)\b")
PRESS = re.compile(r"\b(?:joint\s+)?(?:press|news)\s+(?:conference|availability|briefing)\b",
                   re.IGNORECASE)
SPEECH = re.compile(r"\b(?:deliver(?:s|ed)?\s+(?:a\s+)?(?:speech|remarks|an address)|"
                    r"(?:major\s+)?speech|reception)\b", re.IGNORECASE)
PAST_CONTEXT = re.compile(r"\b(?:last\s+(?:month|year|week)|earlier\s+this\s+(?:year|month|week)|"
                          r"in\s+(?:19|20)\d{2}|previous(?:ly)?|former)\b", re.IGNORECASE)


@dataclass(frozen=True)
class EventHit:
    kind: str
    label: str
    start: int
    end: int


def _tidy(label: str) -> str:
    label = " ".join(label.split())
    label = re.sub(r"^(?:the|a|an|The|A|An)\s+", "", label)
    # "the December NATO Foreign Ministerial": the month is when, not part of the name
    return re.sub(r"^(?:January|February|March|April|May|June|July|August|September|October|"
                  r"November|December)\s+(?=\S)", "", label)


def find_events(text: str, start: int, end: int) -> list[EventHit]:
    """Named events in text[start:end] (meetings are added by the caller, who knows leaders)."""
    if PAST_CONTEXT.search(text, start, end):
        return []
    hits: list[EventHit] = []
    # (every SUMMIT match ends in "Summit" or "summit": without it in the sentence, the
    # pattern, which tries up to five capitalised words at every capital, is not run)
    no_summit = text.find("ummit", start, end) < 0
    for pattern, kind in ((SUMMIT, "summit"), (MINISTERIAL, "ministerial"),
                          (ASSEMBLY, "conference"), (PRESS, "press conference"),
                          (SPEECH, "speech")):
        if pattern is SUMMIT and no_summit:
            continue
        for match in pattern.finditer(text, start, end):
            label = _tidy(match.group(0))
            if kind == "summit" and label.lower() == "summit" and any(
                    h.kind == "summit" for h in hits):
                continue
            if any(h.start <= match.start() < h.end for h in hits):
                continue
            hits.append(EventHit(kind, label[:1].upper() + label[1:], match.start(),
                                 match.end()))
    return hits
