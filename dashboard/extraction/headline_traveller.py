"""The traveller a headline names: "Kim Jong Un in Russia - live updates", "Lula visits
China", "Albanese arrives in Beijing", "Ruto's trip to Washington". A headline names the one
the story follows; when the body never gives that person a title (so `pick_traveller`, which
weighs titled names, picked the host instead), the headline's name stands.
"""

from __future__ import annotations

import re

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.name_index import index_of
from dashboard.extraction.nlp import load_pipeline
from dashboard.extraction.places import find_places
from dashboard.extraction.titles import TITLES
from dashboard.extraction.traveller import Traveller

# A run of two to four capitalised words (a full name), then a word of travel or "in" a place
HEADLINE_VISITOR = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3})"
    r"(?:[ \t]+(?:in|visits|arrives|lands|heads|travels|flies|to[ \t]+visit|begins|starts|"
    r"wraps[ \t]+up|ends)\b|['’]s[ \t]+(?:\w+[ \t]+)?(?:visit|trip|tour|journey)\b)")
# words of offices (from `titles.TITLES`) and of page furniture: "Foreign Secretary visits
# Africa", "LIVE" are no names
NOT_NAME_WORDS = {w.lower() for title in TITLES for w in re.split(r"[\s-]+", title)
                  if not w.isupper()} | {
    "the", "live", "pm", "fm", "first", "lady", "dr", "mr", "mrs", "ms", "sir", "dame"}
# the name must be the subject of that many body sentences in its short form ("Kim toured")
MIN_BODY_MENTIONS = 3


def headline_traveller(title: str | None, facts: list[SentenceFacts], text: str,
                       picked: Traveller) -> Traveller | None:
    """The person the headline names as travelling, when the picked traveller is not in the
    headline and the body names that person (by the word of the name it uses alone, "Kim"
    for "Kim Jong Un") at least `MIN_BODY_MENTIONS` times; else None."""
    if not title:
        return None
    # (any word of the picked name: "Dr Amir ends China visit" for "Amir Hassan")
    picked_words = set((picked.name or "").split()) | ({picked.surname} if picked.surname
                                                        else set())
    if any(re.search(rf"\b{re.escape(word)}\b", title) for word in picked_words
           if word[:1].isupper() and word.lower() not in NOT_NAME_WORDS):
        return None
    index = index_of(text)
    persons: list[tuple[int, int]] | None = None
    for match in HEADLINE_VISITOR.finditer(title):
        name = match.group("name")
        # (a place, or a name with a country in it: "Team Canada in India" is a delegation)
        whole_place = any((m.start == 0 and m.end == len(name)) or m.kind in {
            "country", "demonym", "region"} for m in find_places(name))
        if whole_place or any(w.lower() in NOT_NAME_WORDS or w.isupper()
                              for w in re.split(r"[\s-]+", name)):
            continue  # a place or an office, not a name
        # (the full name again below the headline, "Modi Meets Putin in Moscow" is no name)
        if len(index.occurrences(name)) < 2:
            continue
        words = name.split()
        counts = {w: len(index.occurrences(w)) for w in words}
        key = max(words, key=lambda w: counts[w])
        if counts[key] < MIN_BODY_MENTIONS:
            continue
        # (the model must read it as a person: "Air Force One lands in Tokyo", "Team Canada
        # in India" are an aircraft and a delegation; the headline is parsed only when a
        # name got this far, which few do)
        if persons is None:
            persons = [(e.start_char, e.end_char) for e in load_pipeline()(title).ents
                       if e.label_ == "PERSON"]
        if not any(a <= match.start("name") and match.end("name") <= b for a, b in persons):
            continue
        where = next((f.sentence for f in facts if index.occurrences(
            key, f.sentence.start, f.sentence.end)), None)
        return Traveller(name, key, None, where, None)
    return None
