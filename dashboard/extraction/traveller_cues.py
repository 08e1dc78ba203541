"""What in a text marks its traveller, for `traveller.pick_traveller`: the subject of the lead
sentence (`lead_subjects`), a delegation's leader ("led by X", "X (Delegation Leader)"), an
envoy to the United Nations; and how the names of one person are joined (a given name alone,
a fuller form the text gives, a relative's longer name that is someone else).
"""

from __future__ import annotations

import re
from collections import Counter

from spacy.tokens import Span

from dashboard.extraction.grammar import token_start
from dashboard.extraction.people import HEADLINE_WORDS, NON_NAME_WORDS, PersonMention
from dashboard.extraction.places import find_places

# Capitalised words that open a sentence before its verb but name no one ("He said", "The
# visit", "Secretary said")
NOT_SUBJECTS = {"He", "She", "They", "It", "The", "This", "That", "There", "We", "I", "On",
                "In", "At", "After", "Before", "During", "While", "Then", "But", "And", "A",
                "An", "His", "Her", "Their", "Our", "Its", "When", "Secretary", "President"}


# "led by Chairman X", "headed by the Honorable Y": the name ends the search window
LED_BY = re.compile(r"\b(?:led|headed)\s+by\s+(?:[\w.'’-]++\s++){0,6}?$")
# "X, Speaker of the House (Delegation Leader)", "X, head of the delegation"
DELEGATION_LEADER = re.compile(r"[^\n()]{0,60}?(?:\(\s*(?:delegation\s+leader|head\s+of\s+"
                               r"(?:the\s+)?delegation)\s*\)|,\s+(?:the\s+)?head\s+of\s+the\s+"
                               r"delegation\b)", re.IGNORECASE)
LEAD_SUBJECT_BONUS = 5


def lead_subjects(span: Span) -> list[tuple[str, bool]]:
    """(last word, whether the name must be a known foreigner there) of the proper names that
    are subjects of the sentence's root verb (a dateline the parse makes a subject too is no
    person, and is left to the caller's lookup of names)."""
    roots = [t for t in span if t.dep_ == "ROOT"]
    subjects = [c for r in roots for c in r.children if c.dep_ in {"nsubj", "nsubjpass"}]
    if any(c.conjuncts for c in subjects):
        # "A and B signed ...": only the first named, and only as a foreigner where the lead
        # is (the caller checks: "British Foreign Secretary A and his French counterpart B
        # toured a camp" in Goma; not "Prime Minister A and ... B signed" in A's Lahore)
        # (the parse may make a dateline the head of the list: "GOMA, Congo, Nov 1 - A and B")
        # (with the names in apposition: "The King and Queen of Spain, A and B, walked")
        members = [t for c in subjects for t in [c, *c.conjuncts]]
        members += [a for t in members for a in t.children if a.dep_ == "appos"]
        named = sorted((t for t in members
                        if t.pos_ == "PROPN" and t.ent_type_ not in {"GPE", "LOC", "FAC", "DATE"}),
                       key=lambda t: t.i)
        return [(t.text, True) for t in named]  # (the caller takes the first it knows)
    # (with the names in apposition: "SOCHI, Russia, June 3 - President X, ..., said" makes
    # the dateline the subject and the name its apposition)
    subjects += [a for c in subjects for a in c.children if a.dep_ == "appos"]
    return [(c.text, False) for c in subjects if c.pos_ == "PROPN"]


def token_start_of(span: Span, word: str) -> int:
    """The offset of the first token of `span` reading `word` (-1 when none)."""
    token = next((t for t in span if t.text == word), None)
    return -1 if token is None else token_start(token)


# An ambassador of cabinet rank who tours: the envoy to the United Nations
UN_ENVOY = re.compile(r"\b(?:to\s+the\s+(?:United\s+Nations|UN|U\.N\.)|(?:UN|U\.N\.)\s+"
                      r"[Aa]mbassador)")


def merge_short_keys(scores: Counter[str], first_seen: dict[str, int],
                      best_form: dict[str, PersonMention]) -> dict[str, str]:
    """A given name alone stands for the one fuller name it opens, under the same title:
    "King Salman" for "King Salman bin Abdulaziz" (`PersonMention.surname` keys the two
    apart because "King Salman" and "Mohammed bin Salman" are different people), "prime
    minister Anwar" for "Prime Minister Anwar Ibrahim" (a Malay name is used by its first
    word). The short key's score moves to the long one. Returns {short key: long key}."""
    merged = {}
    for key in list(scores):
        short = best_form[key]
        if short.name != key:
            continue
        longer = [k for k in scores if k != key and len(best_form[k].name.split()) > 1
                  and best_form[k].name.split()[0] == key
                  and short.title.lower() == best_form[k].title.lower()]
        if len(longer) == 1:
            scores[longer[0]] += scores.pop(key)
            first_seen[longer[0]] = min(first_seen[longer[0]], first_seen.pop(key))
            merged[key] = longer[0]
    return merged


def fuller_form(name: str, text: str) -> str | None:
    """A one-word name's fuller form, where the text gives exactly one ("Prime Minister Abiy"
    and the headline's "Abiy Ahmed in Los Angeles"): the name and the capitalised word right
    after it that is no headline verb, title word or place; None otherwise."""
    found = {match.group(1) for match in re.finditer(
        rf"\b{re.escape(name)} ([A-Z][\w'’-]+)\b", text)
        if match.group(1) not in NON_NAME_WORDS and not HEADLINE_WORDS.match(match.group(1))
        and not find_places(match.group(1))}
    return f"{name} {found.pop()}" if len(found) == 1 else None


def same_given_name(known: str, longer: str) -> bool:
    """Whether a longer name with the same surname can be the same person: a surname alone
    grows into any full name; a full name only into one with the same first word ("Narendra
    Modi" -> "Narendra Damodardas Modi"), not into a relative's ("Joko Widodo" -> "Iriana
    Joko Widodo", the First Lady), and keeping all its words ("Park Geun-hye" does not grow
    into her father "Park Chung-hee")."""
    words = known.split()
    if len(words) < 2:
        return True
    rest = iter(longer.split())
    return longer.split()[0] == words[0] and all(word in rest for word in words)


def given_name_before(surname: str, text: str) -> str | None:
    """A family name's full form where the text gives exactly one given name before it
    ("Hugo Chávez" for "Chávez"), that is no title, honorific or place; None otherwise."""
    found = {match.group(1) for match in re.finditer(
        rf"\b([A-Z][a-z'’-]+) {re.escape(surname)}\b", text)
        if match.group(1) not in NON_NAME_WORDS | NOT_SUBJECTS | {"Mr", "Mrs", "Ms", "Dr"}
        and not HEADLINE_WORDS.match(match.group(1))
        # (a given name may be a town's, "Marco", never a country's: "Cuban Valdes")
        and not any(m.kind in {"country", "demonym"} for m in find_places(match.group(1)))}
    return f"{found.pop()} {surname}" if len(found) == 1 else None
