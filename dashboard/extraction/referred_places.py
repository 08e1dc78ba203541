"""Destinations named by reference back: "At the invitation of the President of X, the
Prime Minister of Y and ..., Premier Z will pay official visits to the above-mentioned three
countries". The visit's object names no place; the places are the countries the same
sentence listed before it, in the order written (the order an invitation list gives, which
foreign-ministry announcements use as the travel order).

A reference is a visit or tour word followed by a determiner that points back ("the
above-mentioned", "the aforementioned", "the said", "these", "those", "the N") and
"countries" or "nations". "The three countries" counts only when the sentence named exactly
that many countries before it, so "visit the three Baltic countries" in a sentence naming
none is left alone.
"""

from __future__ import annotations

import re

from dashboard.extraction.places import PlaceMention
from dashboard.extraction.visits import VisitSignal

NUMBER_WORDS = {"two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
                "nine": 9, "ten": 10, "eleven": 11, "twelve": 12}
# (each part is a fixed word or a bounded run of word characters: linear on any text)
REFERRED_COUNTRIES = re.compile(
    r"\b(?:visit(?:s|ed|ing)?|tour(?:s|ed|ing)?|trip|travel(?:s|led|ling|ed|ing)?)\s+"
    r"(?:to\s+|of\s+)?"
    r"(?P<ref>(?:(?P<back>(?:the\s+)?(?:above[- ]?mentioned|aforementioned|afore-mentioned|said)|"
    r"these|those)\s+|the\s+)"
    r"(?:(?P<count>\d{1,2}|[a-z]{3,6})\s+)?(?:countries|nations))\b",
    re.IGNORECASE)


def referred_countries(sentence_index: int, text: str, start: int, end: int,
                       places: list[PlaceMention]) -> list[VisitSignal]:
    """Visit signals for the countries a reference like "the above-mentioned seven
    countries" points back to, in the order the sentence names them ([] when no reference,
    or when a stated count differs from the countries named before it).

    `places` are the sentence's place mentions (`find_places`, offsets into `text`)."""
    match = REFERRED_COUNTRIES.search(text, start, end)
    if match is None:
        return []
    named: list[PlaceMention] = []
    for mention in places:
        if mention.end > match.start():
            break
        if mention.place.kind == "country" and \
                mention.place.code not in {m.place.code for m in named}:
            named.append(mention)
    count_word = (match.group("count") or "").lower()
    count = int(count_word) if count_word.isdigit() else NUMBER_WORDS.get(count_word)
    if count_word and count is None:
        return []  # "the visiting countries", "the Gulf countries": no count, no reference
    if count is not None and count != len(named):
        return []
    if (match.group("back") is None and count is None) or len(named) < 2:
        return []  # "a tour of the countries of the region": not a reference back
    # (each signal stands at the reference, where the text sends the traveller: the
    # countries themselves sit next to their own leaders, whose travel this is not)
    return [VisitSignal(m.place.code, None, sentence_index, match.start("ref"), match.end(),
                        "cue",
                        list_index=i, list_size=len(named), first=i == 0,
                        last=i == len(named) - 1, text=m.text)
            for i, m in enumerate(named)]
