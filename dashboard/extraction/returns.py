"""Return visits: a stop the traveller goes back to after another ("He will then be back in
Yangon on Sunday", "returned to Kuwait that night ... before heading back to Doha") is a
stop of its own, in travel order: an itinerary lists one stop per visit, so a shuttle between
two capitals shows each leg.

`add_returns` marks the signals; `itinerary.build_stops` gives each marked signal its own
stop and `itinerary.sentence_stops` sends its sentence there.
"""

from __future__ import annotations

import re
from dataclasses import replace

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.taken_back import ruled_out
from dashboard.extraction.visits import VisitSignal

# "back in X", "back to X", "returned to X", "flew back to X" (not "home to X": home is no
# stop); the place must follow at once
BACK_TO = re.compile(r"\b(?:back\s+(?:in|to)|return(?:s|ed|ing)?\s+to)\s+(?:the\s+)?",
                     re.IGNORECASE)


def add_returns(facts: list[SentenceFacts], text: str, home: str | None) -> None:
    """Mark as a return (`VisitSignal.returns`) the place a "back in/to", "returned to"
    sends the traveller to, where an earlier sentence already made it a stop and another
    stop was told in between; the home country never (going home is no stop). A sentence
    whose place has no signal yet gets one."""
    seen: list[tuple[int, str, str | None]] = []  # (sentence, country, city name)
    for fact in facts:
        if fact.others_travel:
            continue  # ("the EU's ambassador would return to Kyiv": someone else's)
        for match in BACK_TO.finditer(text, fact.sentence.start, fact.sentence.end):
            mention = next((m for m in fact.places if m.start == match.end()
                            and m.kind in {"city", "country"}), None)
            if mention is None or mention.place.code == home or ruled_out(
                    text, fact.sentence.start, fact.sentence.end, mention):
                continue
            city = mention.place.name if mention.kind == "city" else None
            before = [n for n, (_s, code, name) in enumerate(seen)
                      if code == mention.place.code and (city is None or name in {None, city})]
            if not before or not any(code != mention.place.code
                                     for _s, code, _c in seen[before[0]:]):
                continue  # not a stop yet, or nothing else in between: the same stay
            if city is None:
                # "returned to Kuwait": the city of the stop it returns to
                city = next((name for _s, code, name in reversed(seen)
                             if code == mention.place.code and name), None)
            place = next((s.city for f in facts for s in f.signals
                          if s.code == mention.place.code and s.city is not None
                          and s.city.name == city), None) if city else None
            kept = [s for s in fact.signals if s.position != mention.start]
            old = next((s for s in fact.signals if s.position == mention.start), None)
            signal = replace(old, returns=True, strength="cue",
                             city=old.city or place) if old is not None else VisitSignal(
                mention.place.code, place, fact.sentence.index, mention.start, mention.end,
                "cue", text=mention.text, returns=True)
            fact.signals = sorted([*kept, signal], key=lambda s: s.position)
        seen.extend((fact.sentence.index, s.code, s.city.name if s.city else None)
                    for s in fact.signals if s.strength != "dateline")
