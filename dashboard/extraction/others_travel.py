"""Whose travel a sentence tells: the traveller's, someone else's ("Russian Foreign Minister
X visited Egypt"), or a companion's leg that goes "with me" in a first-person statement.
Used by `trip.drop_other_travel`; the traveller is chosen in `traveller.py`.
"""

from __future__ import annotations

import re

from dashboard.extraction import grammar, traveller_grammar
from dashboard.extraction.activity_grammar import SPEAKING
from dashboard.extraction.facts import SentenceFacts, met_objects_of
from dashboard.extraction.grammar import _subject, token_at
from dashboard.extraction.name_index import index_of
from dashboard.extraction.setting_grammar import NOT_THERE
from dashboard.extraction.stop_grammar import subject_of_place
from dashboard.extraction.visits import VisitSignal

OWN_TRAVEL = re.compile(r"\b(?:visit(?:s|ed)|travel(?:s|l?ed)|went|toured|arrived|flew|"
                        r"has\s+been|had\s+been)\b", re.IGNORECASE)
SUBJECT_PRONOUNS = {"he", "she", "i", "we"}
PRONOUN = re.compile(r"\b(?:he|she|him|her|his|they|them|their)\b", re.IGNORECASE)


def someone_elses(sig: VisitSignal, fact: SentenceFacts, others: set[str],
                   traveller: str | None, text: str, own_names: frozenset[str] = frozenset()
                   ) -> bool:
    """True when the place is where another person went: the last actor named before it is
    not the traveller, no pronoun stands for the traveller in between, and that person is not
    travelling with them ("Tillerson and Trump will travel to ...", "Lula and X took part",
    any capitalised word of the traveller's name in `own_names` standing for them)."""
    if sig.strength in {"leader", "dateline"} or not others:
        return False
    before = text[fact.sentence.start:sig.position]
    met = met_objects_of(fact, text)
    offset = fact.sentence.start
    actors = [(at - offset + len(name), name, at) for name, at in
              index_of(text).names_in((n for n in others if n), offset, sig.position)]
    if not actors:
        return False
    last_end, last_name, last_at = max(actors)
    if traveller and fact.parse is not None and any(
            p.surname == traveller and p.start <= at < p.end for p in fact.people
            for at in traveller_grammar.described_as_visiting(fact.parse)):
        return False  # "X told guests at a banquet in <place>, toasting the visiting <traveller>"
    # the traveller named after that person is who goes ("At the invitation of X, Prime
    # Minister KISHIDA Fumio paid a visit to Y": a surname in capitals is still the name)
    if traveller and re.search(rf"\b{re.escape(traveller)}\b", before[last_end:],
                               re.IGNORECASE):
        return False
    if any(a <= last_at < b for a, b in met):
        # someone the traveller meets: "meet Castillo, a former union leader, in Peru" is
        # where they meet; only "Kagame, who visited France" is Kagame's own travel
        # ... but not "welcomed by Barzani, and from there travelled to Mosul"
        between = before[last_end:]
        if _met_by_someone_else(actors, met, before, traveller, offset):
            return True  # "just as President X held talks with Y in Moscow": X's meeting
        # ... nor "held talks with X in Bamako on Thursday, then flew on to Y", nor "She met
        # X in Tokyo and visited Kyoto" (the verb's subject, by the parse, is the pronoun
        # that met X: the one met is no antecedent of it)
        return bool(OWN_TRAVEL.search(between)) and not re.search(
            r",\s*and\b|\band\s+(?:then|from|later)\b|,\s*then\b", between) and (
            subject_of_place(fact.parse, sig.position) or "").lower() not in SUBJECT_PRONOUNS
    if PRONOUN.search(before[last_end:]):
        return False
    names = sorted(({traveller} | {n for n in own_names if n[:1].isupper()}) - {None, ""},
                   key=len, reverse=True)
    together = names and re.search(
        rf"\b(?:{'|'.join(map(re.escape, names))})\b[^.;]{{0,40}}\band\s+"
        rf"(?:[\w.'’-]+\s+){{0,6}}?{re.escape(last_name)}\b", before)
    return not together


def _met_by_someone_else(actors: list[tuple[int, str, int]], met: list[tuple[int, int]],
                         before: str, traveller: str | None, offset: int) -> bool:
    """The person met right before the place is met by another person named before them,
    with neither the traveller's name nor a pronoun between ("X held talks with Y in Z"):
    `actors` are (end in `before`, name, start in the text) of the people named."""
    last_at = max(actors)[2]
    hosts = [actor for actor in actors if actor[2] < last_at
             and not any(a <= actor[2] < b for a, b in met)]
    if not hosts:
        return False
    gap = before[max(hosts)[0]:last_at - offset]
    return not PRONOUN.search(gap) and not (
        traveller and re.search(rf"\b{re.escape(traveller)}\b", gap, re.IGNORECASE))


# Object pronouns that may stand for the traveller in someone else's clause ("In Cairo,
# Mubarak told him ...": the traveller is there)
OBJECT_PRONOUNS = {"him", "her", "them", "us", "me"}


def reported_by_someone_else(sig: VisitSignal, fact: SentenceFacts,
                             own_names: frozenset[str]) -> bool:
    """"In Brussels, NATO Secretary-General X said air strikes would go on": a place fronted
    before a reporting verb whose subject is another named person tells where that person
    spoke, not where the traveller is. The sentence must not name the traveller nor have an
    object pronoun that may stand for them ("In Cairo, Mubarak told him ..."). Only the cue
    patterns' "locative" reading is judged; False without a parse. Source: the grammar of a
    fronted adverbial of place, which sets the scene of its own clause only."""
    if sig.strength != "locative" or fact.parse is None:
        return False
    place = token_at(fact.parse, sig.position)
    if place is None or place.dep_ != "pobj" or place.head.dep_ != "prep":
        return False
    verb = place.head.head
    subject = _subject(verb)
    if verb.pos_ not in {"VERB", "AUX"} or verb.lemma_.lower() not in NOT_THERE \
            or subject is None or subject.pos_ != "PROPN" or not place.i < subject.i < verb.i:
        return False
    owned = {name.lower() for name in own_names}
    return not any(t.lower_ in OBJECT_PRONOUNS or t.lower_ in owned for t in fact.parse)


# Verbs of speaking whose "in X" is where the speaker spoke (`activity_grammar.SPEAKING`,
# and addressing a meeting somewhere)
SPEAKING_VERBS = SPEAKING | {"address"}


def spoken_by_someone_else(sig: VisitSignal, fact: SentenceFacts) -> bool:
    """"Spokesperson X told a regular briefing in Beijing", "Y, who returned on Monday, told
    reporters in Geneva": a named person other than the traveller speaking in a place puts
    that person there, not the traveller (the caller keeps a place whose subject is the
    traveller). The place hangs from the speaking verb or from its object; False without a
    parse. Source: the grammar of a locative adjunct, which places its own clause's subject."""
    if fact.parse is None:
        return False
    place = token_at(fact.parse, sig.position)
    if place is None or place.dep_ != "pobj" or place.head.dep_ != "prep":
        return False
    verb = place.head.head
    if verb.dep_ in {"dobj", "npadvmod"}:
        verb = verb.head
    subject = _subject(verb)
    # (not "President Duda told her ...": spoken to the traveller, who is there too)
    return verb.pos_ == "VERB" and verb.lemma_.lower() in SPEAKING_VERBS and \
        subject is not None and subject.pos_ == "PROPN" and not any(
            c.lower_ in OBJECT_PRONOUNS for c in verb.children)


# "... before travelling to X and Y with me", "... will accompany us to X": the speaker goes
# there too, so a companion's leg told this way is the speaker's own
# (starting only where a run of spaces starts, split one way: linear time on long runs)
WITH_SPEAKER_AFTER = re.compile(
    r"(?<!\s)(?:\s*,)?\s*(?:together\s+)?(?:with|alongside)\s+(?:me|us)\b")
WITH_SPEAKER_BEFORE = re.compile(
    r"\b(?:with|alongside|accompan(?:y|ies|ying)|join(?:s|ing)?)\s+(?:me|us)\s+"
    r"(?:(?:on\s+to|onwards?\s+to|to|in|for)\s+)$", re.IGNORECASE)
LIST_JOINT = re.compile(r"(?<!\s)(?:\s*,\s*(?:and\s+)?|\s+(?:and|or)\s+)")


def with_the_speaker(sig: VisitSignal, fact: SentenceFacts, text: str) -> bool:
    """The place is one the sentence sends "me"/"us" to along with someone else: the list it
    belongs to is followed by "with me" ("travel to Kiribati and Tuvalu with me") or
    preceded by "accompany me to" / "with us to". Other places of the sentence are not:
    "X to travel to Fiji on 26 February, before travelling to Tonga with me" sends only X
    to Fiji. Source: the grammar of coordinated destinations (a shared modifier follows or
    precedes the whole list)."""
    listed = sorted((s for s in fact.signals if s.strength not in {"leader", "dateline"}),
                    key=lambda s: s.position)
    first, last = sig, sig
    for other in listed:  # later members of the same list: "X, Y and Z"
        if other.position >= last.end and LIST_JOINT.fullmatch(text[last.end:other.position]):
            last = other
    for other in reversed(listed):  # earlier members
        if other.end <= first.position and LIST_JOINT.fullmatch(text[other.end:first.position]):
            first = other
    after = text[last.end:fact.sentence.end]
    before = text[fact.sentence.start:first.position]
    return bool(WITH_SPEAKER_AFTER.match(after) or WITH_SPEAKER_BEFORE.search(before))


# Verbs of going or being somewhere whose subject is where the day belongs: "X is expected in
# Y on Friday", "X arrives in Y on Monday", "X will be in Y on Friday"
BEING_OR_GOING = {"expect", "arrive", "travel", "visit", "fly", "go", "head", "come", "land",
                  "be", "due", "reach", "stop"}


def someone_elses_day(fact: SentenceFacts, start: int, others: set[str],
                      own_names: frozenset[str]) -> bool:
    """The date at `start` hangs, by the parse, from a verb of going or being somewhere
    whose subject is another person the text names ("Turkish Prime Minister X is expected
    in Tripoli on Friday"): the day is that person's, not the traveller's, unless the
    traveller is among the subjects ("X and <traveller> will arrive ...")."""
    if fact.parse is None:
        return False
    verb_index = grammar.governing_verb(fact.parse, start)
    if verb_index is None:
        return False
    verb = fact.parse.doc[verb_index]
    head = verb.head
    if verb.dep_ == "relcl" and head.ent_type_ == "PERSON" and head.pos_ == "PROPN" and \
            own_names and head.text not in own_names and \
            any(c.tag_ in {"WP", "WDT"} for c in verb.children) and not any(
            t.text in own_names or t.lower_ in {"him", "her", "them"} for t in verb.subtree):
        # "Sir Keir X, who was surrounded by protesters outside Parliament on Monday": a
        # relative clause on another person tells that person's day, whatever it says
        return True
    if not others or verb.lemma_.lower() not in BEING_OR_GOING:
        return False
    # (the verb's own subject only: "X left on Nov. 8, hours after Y wrapped up a visit, and
    # arrived that evening" may hang "arrived" from Y's verb)
    subject = next((c for c in verb.children if c.dep_ in {"nsubj", "nsubjpass"}), None)
    if subject is None or subject.ent_type_ != "PERSON":
        return False
    subjects = [subject, *subject.conjuncts]
    words = {t.text for s in subjects for t in s.subtree}
    return subject.text in others and not words & own_names


# A roundup's section heading that opens with a person's name: "KARL NEHAMMER: FROM BUCHA TO
# THE KREMLIN'S DOOR", "Ursula von der Leyen - a train to Kyiv"
NAMED_SECTION = re.compile(r"^[ \t]*(?P<name>(?:[A-Z][\w'’.-]*[ \t]+){0,3}?[A-Z][\w'’.-]+)"
                           r"[ \t]*[:–—-][ \t]")
SECTION_NAME_PARTICLES = {"von", "der", "van", "de", "da", "di", "bin", "al"}


def drop_others_sections(facts: list[SentenceFacts], surname: str | None) -> None:
    """On a roundup page with a section per person ("KARL NEHAMMER: ...", then "URSULA VON
    DER LEYEN: A TRAIN TO KYIV"), the sentences under another person's section heading tell
    that person's travel: their signals and days go. Only when one such heading names the traveller
    (then the page is sorted by person); a section runs to the next heading. In place."""
    if not surname:
        return
    sections: dict[int, bool] = {}  # heading's sentence index -> whether the traveller's
    for fact in facts:
        if not fact.sentence.heading:
            continue
        match = NAMED_SECTION.match(fact.sentence.text)
        words = match.group("name").split() if match else []
        if len(words) >= 2 and all(w[:1].isupper() or w.lower() in SECTION_NAME_PARTICLES
                                   for w in words):
            sections[fact.sentence.index] = surname.lower() in (w.lower() for w in words)
    if not any(sections.values()) or all(sections.values()):
        return
    own = True
    for fact in facts:
        if fact.sentence.heading:
            own = sections.get(fact.sentence.index, own)
            continue
        if not own:
            # (its days are that person's too: "was in Ukraine on Friday")
            fact.others_travel = True
            fact.others_legs += [(sig.position, sig.end) for sig in fact.signals]
            fact.others_legs += [(d.start, d.start) for d in fact.dates]
            fact.signals = []
