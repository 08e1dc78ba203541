"""The untitled protagonist: a person the text never gives a title but follows ("When Cyril
Ramaphosa sat down opposite X ...", a feature's style), found from the parse's PERSON
entities and how often each surname is named. Used by `traveller.pick_traveller`.
"""

from __future__ import annotations

from collections import Counter

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.name_index import NameIndex
from dashboard.extraction.sentences import Sentence

# How much more often an untitled name must be named than the titled one to be the story's
PROTAGONIST_RATIO = 3


def untitled_protagonist(facts: list[SentenceFacts], index: NameIndex, titled: set[str],
                         chosen: str | None) -> tuple[str, str, Sentence] | None:
    """A person the text never gives a title ("When Cyril Ramaphosa sat down opposite X",
    a feature's style) but names at least three times as often as the titled person chosen,
    and at least once as a clause's subject: the one the story follows. From the parse's
    PERSON entities of two or more words (the last word the surname): (full name, surname,
    first sentence naming them), or None."""
    forms: dict[str, Counter[str]] = {}
    subjects: set[str] = set()
    where: dict[str, Sentence] = {}
    for fact in facts:
        if fact.parse is None:
            continue
        for ent in fact.parse.ents:
            words = ent.text.split()
            if ent.label_ != "PERSON" or len(words) < 2 or not words[-1][:1].isupper():
                continue
            key = words[-1]
            if key in titled:
                continue
            # (of several full names with one surname, the one named most, else first:
            # "Justin Trudeau" of the lede, not "Sophie Grégoire Trudeau" further down)
            # ("Mrs May" is no full name: an honorific is no given name)
            weight = 0.25 if words[0].rstrip(".") in {"Mr", "Mrs", "Ms", "Miss", "Dr"} else 1
            forms.setdefault(key, Counter())[ent.text] += weight
            where.setdefault(key, fact.sentence)
        subjects.update(t.text for t in fact.parse if t.dep_ == "nsubj" and t.pos_ == "PROPN")
    fullest = {key: max(counts, key=lambda form: counts[form])  # (ties: the first seen)
               for key, counts in forms.items()}
    chosen_count = len(index.occurrences(chosen)) if chosen else 0
    best = None
    for key in fullest:
        # (a transcript's turn labels, "Secretary (East), Smt. X Y: ...", name who speaks,
        # not whom the story follows)
        count = sum(1 for at in index.occurrences(key) if not index.text[
            at + len(key):at + len(key) + 4].lstrip(" \t").startswith(":"))
        if key in subjects and count >= PROTAGONIST_RATIO * max(chosen_count, 1) and (
                best is None or count > best[0]):
            best = (count, key)
    if best is None:
        return None
    key = best[1]
    return fullest[key], key, where[key]
