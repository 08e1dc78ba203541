"""The traveller a headline names: "Kim Jong Un in Russia - live updates", "Lula visits
China", "Albanese arrives in Beijing", "Ruto's trip to Washington". A headline names the one
the story follows; when the body never gives that person a title (so `pick_traveller`, which
weighs titled names, picked the host instead), the headline's name stands.
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from spacy.lang.en.stop_words import STOP_WORDS

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.name_index import index_of
from dashboard.extraction.name_patterns import PARTICLE
from dashboard.extraction.nlp import load_pipeline
from dashboard.extraction.places import find_places
from dashboard.extraction.titles import TITLES
from dashboard.extraction.traveller import Traveller, traveller_of

if TYPE_CHECKING:
    from spacy.tokens import Token

# A run of two to four capitalised words (a full name), then a word of travel or "in" a place
HEADLINE_VISITOR = re.compile(
    r"(?<![\w'’-])(?P<name>[A-Z][\w'’-]+(?:[ \t]+[A-Z][\w'’-]+){1,3})"
    r"(?:[ \t]+(?:in|visits|arrives|lands|heads|travels|flies|to[ \t]+visit|begins|starts|"
    r"wraps[ \t]+up|ends)\b|['’]s[ \t]+(?:\w+[ \t]+)?(?:visit|trip|tour|journey)\b|"
    # "Kim Jong-il's slow train through China": a conveyance on its way somewhere
    r"['’]s[ \t]+(?:\w+[ \t]+)?(?:train|plane|jet|motorcade|convoy|flight)[ \t]+"
    r"(?:through|to|across|into)[ \t]+[A-Z])")
# words of offices (from `titles.TITLES`) and of page furniture: "Foreign Secretary visits
# Africa", "LIVE" are no names
NOT_NAME_WORDS = {w.lower() for title in TITLES for w in re.split(r"[\s-]+", title)
                  if not w.isupper()} | {
    "the", "live", "pm", "fm", "first", "lady", "dr", "mr", "mrs", "ms", "sir", "dame"}
# The headline's subject by one word of a name, then a travel word or a trip noun: "Varga in
# Accra: fund chief ...", "Ferri's Balkan weekend", "Analysis: Varga's Ghana trip puts debt
# first", "Varga becomes first fund chief to visit Ghana". (An opening "Analysis:" or
# "LIVE -" label is page furniture.)
HEADLINE_SUBJECT = re.compile(r"^(?:[A-Za-z]++(?:[ \t][A-Za-z]++)?[ \t]*+[:|–—-][ \t]*+)?"
                              r"(?P<word>[A-Z][\w-]*+(?:['’][A-Za-z]{2,}+)?)(?P<rest>[^:|]*+)")
# (the word of travel is the headline's own verb, right after the name: "Osei tells X ...,
# after Lagos visit" is about someone else's visit)
HEADLINE_TRAVEL = re.compile(
    r"(?<![ \t])[ \t]++(?:in[ \t]++[A-Z]|(?:visits|arrives|lands|heads|travels|flies|tours|jets|"
    r"becomes|makes|begins|starts|ends|wraps|kicks|embarks|pays)\b)|"
    r"['’]s[ \t]++(?:[\w-]++[ \t]++){0,2}?(?:visits?|trip|tour|journey|week|weekend|mission|"
    r"swing|travels)\b|"
    r"['’]s[ \t]++(?:[\w-]++[ \t]++)?(?:train|plane|jet|motorcade|convoy|flight)[ \t]++"
    r"(?:through|to|across|into)[ \t]++[A-Z]")
HONORIFIC_WORDS = {"Mr", "Mrs", "Ms", "Dr", "Sir", "Dame", "Madam"}
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


def headline_subject_traveller(title: str | None, facts: list[SentenceFacts], text: str,
                               picked: Traveller) -> Traveller | None:
    """The person whose name's one word opens a headline of travel ("Varga in Accra",
    "Ferri's Balkan weekend", "Varga becomes first fund chief to visit Ghana"), when the
    picked traveller is not in the headline and the body names that person by a name holding
    that word (titled names first); else None. A headline names the one the story follows: a
    host the body quotes more often (so `pick_traveller` chose them) is not that person."""
    match = HEADLINE_SUBJECT.match(title or "")
    if match is None or HEADLINE_TRAVEL.match(match.group("rest")) is None:
        return None
    word = match.group("word")
    # (the picked traveller in the headline in any form: "El-Osei" for "Osei")
    picked_words = {w.lower() for w in [*(picked.name or "").split(), picked.surname or ""]
                    if len(w) > 2 and w[:1].isupper() and w.lower() not in NOT_NAME_WORDS}
    if any(w in title.lower() for w in picked_words) or word.lower() in NOT_NAME_WORDS \
            or word.lower() in STOP_WORDS or word.isupper() or any(
            m.start == 0 for m in find_places(word)):
        return None
    named = [p for f in facts if not f.sentence.heading for p in f.people
             if word in p.name.split()]
    if named:
        return traveller_of(max(named, key=lambda p: (bool(p.title), len(p.name))), facts)
    # (an untitled name, "Paolo Ferri, 39, left Rome": the fullest run of name words
    # around that word in the body; the small model often tags such names as places)
    runs = [(_name_run(token), f.sentence) for f in facts
            if f.parse is not None and not f.sentence.heading
            for token in f.parse if token.text == word]
    if not runs:
        return None
    name, sentence = max(runs, key=lambda pair: len(pair[0]))
    return Traveller(name, word, None, sentence, None)


def _name_run(token: Token) -> str:
    """The capitalised words of a name around `token`, over lower-case particles ("Maria
    da Graca Pires"), without titles, honorifics or sentence openers ("When", "Mrs")."""
    doc = token.doc

    def is_name_word(t: Token) -> bool:
        return t.text[:1].isupper() and t.is_alpha and not t.is_sent_start \
            and t.lower_ not in NOT_NAME_WORDS and t.lower_ not in STOP_WORDS \
            and t.text.rstrip(".") not in HONORIFIC_WORDS and t.ent_type_ != "NORP"

    def is_particle(t: Token) -> bool:
        return re.fullmatch(PARTICLE, t.lower_) is not None and t.i + 1 < len(doc) \
            and doc[t.i + 1].text[:1].isupper()

    first = last = token.i
    while first > 0 and (is_name_word(doc[first - 1]) or (
            is_particle(doc[first - 1]) and first - 1 > 0 and is_name_word(doc[first - 2]))):
        first -= 1
    while last + 1 < len(doc) and (is_name_word(doc[last + 1]) or (
            is_particle(doc[last + 1]) and last + 2 < len(doc) and is_name_word(doc[last + 2]))):
        last += 1
    return doc[first:last + 1].text
