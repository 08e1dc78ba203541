"""Who travels, and from which country: the traveller and their home country.

The traveller is the titled person most often the subject of the sentences that send someone
somewhere; people being met, and other people's travel ("Lavrov visited Egypt"), are set
apart. The home country is never a stop when the text ties the traveller to it.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass

from spacy.lang.en.stop_words import STOP_WORDS

from dashboard.extraction import host_grammar, traveller_grammar
from dashboard.extraction.couples import couple_scores
from dashboard.extraction.facts import SentenceFacts, met_objects_of
from dashboard.extraction.grammar import token_at
from dashboard.extraction.name_index import index_of
from dashboard.extraction.name_patterns import HONORIFIC
from dashboard.extraction.people import NON_NAME_WORDS, PersonMention
from dashboard.extraction.protagonist import untitled_protagonist
from dashboard.extraction.sentences import Sentence
from dashboard.extraction.titles import BARE_TITLE, MONARCH_TITLES, STAFF_TITLES, TRAVELLER_TITLES
from dashboard.extraction.traveller_cues import (
    DELEGATION_LEADER,
    LEAD_SUBJECT_BONUS,
    LED_BY,
    NOT_SUBJECTS,
    UN_ENVOY,
    fuller_form,
    given_name_before,
    lead_subjects,
    merge_short_keys,
    same_given_name,
    token_start_of,
)


@dataclass
class Traveller:
    name: str | None
    surname: str | None
    person: PersonMention | None
    sentence: Sentence | None
    home: str | None


SUBJECT_VERB = (r"(?:will|would|is|was|has|had|met|meets|said|says|travel\w*|arriv\w*|depart\w*|"
                r"visit\w*|continu\w*|head\w*|wrap\w*|made|makes|flew|flies|left|leaves|"
                r"landed|lands|criticis\w*|criticiz\w*|urged|urges|called|told|held|holds|"
                r"spoke|speaks|began|begins|embark\w*|kick\w*|toured|tours|stopped|"
                r"attend\w*|plans|hopes|wants|discuss\w*|praised|announced|"
                # (and the plain present after two subjects: "The Queen and the Duke fly")
                r"went|goes|go|fly|leave|meet|hold|opens|opened|return\w*|stay\w*)\b")
# Right after a name or title: its own verb, two words at most between ("Blinken said", "X,
# who arrived, met"); the possessive quantifiers keep it linear on long runs of spaces
SUBJECT_AFTER = re.compile(rf"(?<![\s,])[\s,]++(?:[\w-]++\s++){{0,2}}?{SUBJECT_VERB}")
VISIT_OF = re.compile(r"(?P<name>(?:[A-Z][\w'’-]+ ){0,2}[A-Z][\w'’-]+)(?:['’]s (?:\w+ ){0,2}"
                      r"(?:visits?|trip|tour|journey)| (?:will pay|is paying|was paying|pays|paid) "
                      r"(?:a|an|his|her) (?:\w+ )?visit)\b")
# (a visit told as under way or ahead, not "agreed during X's visit to Doha in February")
CURRENT_VISIT = re.compile(r"\b(?:forthcoming|upcoming|ongoing|current|will pay|is paying|pays)\b")
COMPANIONS = re.compile(r"\b(?:delegation\s+(?:will\s+)?includ(?:e|es|ed|ing)|accompanied\s+by|"
                        r"will\s+be\s+joined\s+by)\b")
# A knight or dame by the given name alone: "Sir Rowan", "Dame Ann"
KNIGHTED = re.compile(r"(Sir|Dame) ([A-Z][\w'’-]*+)")


def _span_test(spans: list[tuple[int, int]]) -> Callable[[int], bool]:
    """A fast "is this offset inside any of these spans" for long articles."""
    ordered = sorted(spans)
    starts = [a for a, _b in ordered]
    reach: list[int] = []  # the furthest end among spans starting at or before each one
    for _a, b in ordered:
        reach.append(max(b, reach[-1]) if reach else b)

    def inside(offset: int) -> bool:
        n = bisect_right(starts, offset) - 1
        return n >= 0 and offset < reach[n]

    return inside


def pick_traveller(facts: list[SentenceFacts], text: str) -> Traveller:
    """The person the trip is about: the titled person who is most often the subject of the
    sentences ("Blinken met", "Secretary Blinken will travel"), never one being met."""
    scores: Counter[str] = Counter()
    first_seen: dict[str, int] = {}
    best_form: dict[str, PersonMention] = {}
    where: dict[str, Sentence] = {}
    met_spans: list[tuple[int, int]] = []
    for n, fact in enumerate(facts):
        s = fact.sentence
        # (the parse's met objects too: "for meetings with President X" has no cue pattern)
        spans = met_objects_of(fact, text) + fact.met_parse
        met_spans.extend(spans)
        for person in fact.people:
            title = person.title.lower()
            if title in STAFF_TITLES and not UN_ENVOY.search(text, person.start, person.name_start):
                # (the envoy to the United Nations travels in their own right: "U.S.
                # Ambassador to the United Nations X met ... in Juba")
                continue
            key = person.surname
            weight = 1 + (title in TRAVELLER_TITLES)
            if any(a <= person.start < b for a, b in spans) or COMPANIONS.search(
                    text, s.start, person.start) or (
                    fact.parse is not None and traveller_grammar.owner_of_subject(
                        fact.parse, person.end)):
                # (met, or named in the list of those travelling with the traveller: "the
                # delegation will include Foreign Minister X", or the one whose envoy goes:
                # "President X's special envoy, Y, arrived")
                weight -= 5
            elif SUBJECT_AFTER.match(text, person.end, s.end):
                weight += 3
            if s.heading:
                weight += 1
            scores[key] += weight
            first_seen.setdefault(key, n)
            previous = best_form.get(key)
            if previous is None or (len(person.name) > len(previous.name) and same_given_name(
                    previous.name, person.name)) or (
                    previous.nationality is None and person.nationality is not None
                    and len(person.name) <= len(previous.name)):
                best_form[key] = person
                where[key] = s
    in_met_span = _span_test(met_spans)
    index = index_of(text)
    # "King Charles III's state visit ... The King and the Queen Consort had been due to
    # arrive ...": "the <title>" stands for the one person the text gives that title
    by_title: dict[str, set[str]] = {}
    for key, person in best_form.items():
        if person.title:
            by_title.setdefault(person.title, set()).add(key)
    for title, keys in by_title.items():
        # (a monarch's or a pontiff's title: "the Prime Minister" of a readout is its own
        # government's, whoever else the text gives that title)
        if len(keys) != 1 or title.lower() not in MONARCH_TITLES:
            continue
        key = next(iter(keys))
        # (not "the King Charles ...": a full mention, counted already)
        for match in BARE_TITLE.finditer(text):
            if " ".join(match.group("title").lower().split()) != title.lower():
                continue
            if in_met_span(match.start()):
                continue
            scores[key] += 1 + 3 * bool(SUBJECT_AFTER.match(text, match.end()))
    # bare surnames as subjects ("Blinken said", "Blinken met") count too
    for key in list(scores):
        for at in index.occurrences(key):
            if in_met_span(at):
                continue
            if SUBJECT_AFTER.match(text, at + len(key)):
                scores[key] += 1
    # ... and a first name alone that the text uses for one person ("Dr Mahathir said" for
    # "Mahathir Mohamad": a Malay name is used by its first word)
    first_words = Counter(p.name.split()[0] for p in best_form.values()
                          if len(p.name.split()) > 1)
    for key in list(scores):
        words = best_form[key].name.split()
        if len(words) < 2 or first_words[words[0]] > 1 or words[0] in scores:
            continue
        for at in index.occurrences(words[0]):
            after = at + len(words[0])
            if not in_met_span(at) and text[after:after + 1 + len(words[1])].strip() \
                    != words[1] and SUBJECT_AFTER.match(text, after):
                scores[key] += 1
    # the subject of a verb of travel or meeting, by the parse ("Xi landed at Vnukovo
    # airport", "Earlier in the day Xi met Prime Minister X"), however the sentence opens
    for fact in facts:
        if fact.parse is None or fact.sentence.heading:
            continue
        for word in traveller_grammar.travelling_subjects(fact.parse):
            if word in scores:
                scores[word] += 2
    # "the visiting French President, X": the visitor, however often the host speaks
    visitors: set[str] = set()
    guests: dict[str, set[str]] = {}  # host's key -> keys of the guests met at home
    for fact in facts:
        if fact.parse is None:
            continue
        for at in traveller_grammar.described_as_visiting(fact.parse):
            visitors.update(p.surname for p in fact.people if p.start <= at < p.end
                            and p.surname in scores and not in_met_span(p.start))
            # ... or named by surname alone ("Obama welcomed Lee with a full ceremony")
            visitors.update(k for k in scores if text.startswith(k, at)
                            and not text[at + len(k):at + len(k) + 1].isalnum())
        # "I want to welcome President X to the White House": the speaker's guest
        for at in traveller_grammar.welcomed_by_the_speaker(fact.parse):
            visitors.update(p.surname for p in fact.people if p.start <= at < p.end
                            and p.surname in scores)
        # "Chinese President X met with Argentine President Y in Beijing": a host meeting a
        # guest of another country at home; the guest is the visitor
        for host, guest in host_grammar.guests_at_home(fact, best_form):
            guests.setdefault(host.surname, set()).add(guest.surname)
        # ... and the owner of a visit told as this one: "Petro is paying a state visit to
        # China" (not "agreed during X's visit to Doha in February": an earlier one)
        if not fact.sentence.heading and not fact.earlier_trip:
            visitors.update(match.group("name").split()[-1] for match in VISIT_OF.finditer(
                text, fact.sentence.start, fact.sentence.end)
                if match.group("name").split()[-1] in scores
                and CURRENT_VISIT.search(match.group(0)))
    # the one who travels: named before the destination in sentences that send someone
    # somewhere ("Pence will first stop in Tokyo"), not the one discussed in passing
    for fact in facts:
        if not fact.signals:
            continue
        first_place = min(sig.position for sig in fact.signals)
        first_at: dict[str, int] = {}
        for key, at in index.names_in(scores, fact.sentence.start, first_place):
            first_at.setdefault(key, at)
        for key, at in first_at.items():
            if not in_met_span(at):
                scores[key] += 2
    # "a delegation led by X", "X (Delegation Leader)", "X, head of the delegation": the
    # one a delegation's travel is told of
    for key in list(scores):
        for at in index.occurrences(key):
            if LED_BY.search(text, max(0, at - 60), at) or DELEGATION_LEADER.match(
                    text, at + len(key)):
                scores[key] += 5
                break
    # the subject of the story's lead sentence: a news story opens on the one it follows
    # ("SOCHI, Russia, June 3 - Senegalese President X, ..., said on Friday ...")
    lead = next((f for f in facts if not f.sentence.heading and f.parse is not None
                 and any(t.dep_ == "ROOT" and t.pos_ in {"VERB", "AUX"} for t in f.parse)), None)
    if lead is not None:
        # (not a host at home: "DAMASCUS - Syrian President X told U.N. Secretary-General Y")
        here = {m.place.code for m in lead.places if m.kind in {"city", "country"}}
        for key, foreigner in lead_subjects(lead.parse):
            if key not in scores:
                continue
            if not in_met_span(token_start_of(lead.parse, key)) and \
                    best_form[key].nationality not in here and (
                        not foreigner or best_form[key].nationality is not None):
                scores[key] += LEAD_SUBJECT_BONUS
            if foreigner:
                break  # (of a list, only the first named person)
    # "King X and Queen Y landed in ...": the first-named of a couple travelling together
    for key, change in couple_scores(facts, set(scores)).items():
        scores[key] += change
    # (before the merge: both forms of a patronymic name are titled; so is a titled full
    # name's first word, which the text may use alone: "Dr Mahathir")
    titled = set(scores) | set(first_words)
    merged = merge_short_keys(scores, first_seen, best_form)
    candidates = [k for k in scores if scores[k] > 0]
    if not candidates:
        found = subject_traveller(facts, text) or untitled_traveller(facts, text)
        if found.name is None:  # (no subject opens a sentence: a feature's protagonist)
            untitled = untitled_protagonist(facts, index, titled, None)
            if untitled is not None:
                found = Traveller(*untitled[:2], None, untitled[2], None)
        return found
    surname = max(candidates, key=lambda k: (scores[k], -first_seen[k]))
    if len(visitors & set(candidates)) == 1:
        surname = next(iter(visitors & set(candidates)))  # one visitor: the article says so
    elif len(guests.get(surname, ())) == 1 and next(iter(guests[surname])) in scores:
        # the one picked meets one guest at home: the guest travelled, however often the host
        # is the subject (a host-country outlet)
        surname = next(iter(guests[surname]))
    else:
        untitled = untitled_protagonist(facts, index, titled, surname)
        if untitled is not None:
            return Traveller(*untitled[:2], None, untitled[2], None)
    person = best_form[surname]
    # (a monarch is known by the title: "King Charles III", "Pope Leo XIV")
    fuller = fuller_form(person.name, text) if len(person.name.split()) == 1 else None
    name = person.display if person.title.lower() in MONARCH_TITLES else \
        person.name if len(person.name.split()) > 1 else fuller or \
        f"{person.title} {person.name}"
    if " " in name and re.search(r"\s(?:[A-Z]\.)+\s", name):
        # "Antony J. Blinken" -> "Antony Blinken", "Retno L.P. Marsudi" -> "Retno Marsudi"
        name = re.sub(r"\s(?:[A-Z]\.)+\s", " ", name)
    # "HAYASHI Yoshimasa": a family name in capitals (Japanese official style) is given
    # name first in English, as the rest of the text writes names
    words = name.split()
    if len(words) == 2 and words[0].isupper() and len(words[0]) > 2 and words[1].istitle():
        name = f"{words[1]} {words[0].title()}"
    home = None
    for fact in facts:
        for p in fact.people:
            if p.surname == surname and p.nationality:
                home = p.nationality
                break
        if home:
            break
    # (the short form of a merged patronymic name is the one the text goes on to use)
    short = next((k for k, v in merged.items() if v == surname), surname)
    return Traveller(name, short, person, where[surname], home)


def traveller_of(person: PersonMention, facts: list[SentenceFacts]) -> Traveller:
    """The traveller a known person is, in the fullest form the text names them."""
    fullest, where, home = person, None, person.nationality
    for fact in facts:
        for p in fact.people:
            if p.surname == person.surname:
                where = where or fact.sentence
                home = home or p.nationality
                if len(p.name) > len(fullest.name) and same_given_name(fullest.name, p.name):
                    fullest = p
    name = fullest.name if len(fullest.name.split()) > 1 else \
        f"{fullest.title} {fullest.name}".strip()
    return Traveller(name, person.surname, fullest, where, home)


def subject_traveller(facts: list[SentenceFacts], text: str) -> Traveller | None:
    """No titled traveller: the person the parse most often finds as the subject of a verb
    of moving ("Mr. X Y will arrive in Apia on Friday"), in the fullest form it is named,
    without honorifics."""
    counts: Counter[str] = Counter()
    fullest: dict[str, str] = {}
    where: dict[str, Sentence] = {}
    for fact in facts:
        if fact.parse is None or fact.sentence.heading:
            continue
        names = []
        for a, b in traveller_grammar.named_travellers(fact.parse):
            honorific = HONORIFIC.match(text, a, b)
            name = " ".join(text[honorific.end() if honorific else a:b].split())
            knight = KNIGHTED.fullmatch(name)
            if knight is not None:
                # ("Sir Rowan Blake ... Sir Rowan said": after the first mention a knight
                # is called by the given name; the full name is the one with the surname)
                full = re.search(rf"\b{knight.group(1)}[ \t]++{re.escape(knight.group(2))}[ \t]++"
                                 rf"(?P<surname>[A-Z][\w'’-]++)", text)
                name = f"{knight.group(2)} {full.group('surname')}" if full else knight.group(2)
            names.append(name)
        # "Vladimir Putin's forthcoming state visits to X and Y", "X will pay a state visit
        # to Y": the one whose visit it is
        for match in VISIT_OF.finditer(text, fact.sentence.start, fact.sentence.end):
            token = token_at(fact.parse, match.start("name"))
            if token is not None and token.ent_type_ == "PERSON":
                names.append(" ".join(match.group("name").split()))
        for name in names:
            if not name or any(w in NON_NAME_WORDS for w in name.split()):
                continue
            surname = name.split()[-1]
            counts[surname] += 1
            where.setdefault(surname, fact.sentence)
            if len(name) > len(fullest.get(surname, "")):
                fullest[surname] = name
    if not counts:
        return None
    surname = counts.most_common(1)[0][0]
    return Traveller(fullest[surname], surname, None, where[surname], None)


def untitled_traveller(facts: list[SentenceFacts], text: str) -> Traveller:
    """No titled traveller: the capitalised word most often opening a sentence as its
    subject ("Blinken criticised ...")."""
    counts: Counter[str] = Counter()
    where: dict[str, Sentence] = {}
    full: dict[str, str] = {}
    # "Blinken criticised", "Rishi Sunak has visited", "Mr Sunak travelled"
    # (after up to three fronted phrases: "On Thursday, in a church hall in Harlem, Hugo X
    # did ...", "A week earlier, in Havana, X had been ...")
    pattern = re.compile(r"(?P<front>(?:[^,.;:\n]{1,60}+,[ \t]++){0,3}?)"
                         r"(?:(?:Mr|Mrs|Ms|Dr)\.?\s+|(?P<first>[A-Z][a-z'’-]+)\s+)?"
                         r"(?P<word>[A-Z][\w'’-]+)\s+" + SUBJECT_VERB)
    for fact in facts:
        match = pattern.match(fact.sentence.text)
        if not match or match.group("word") in NOT_SUBJECTS:
            continue
        word = match.group("word")
        if match.group("front") and fact.parse is not None and not _a_subject(
                fact, fact.sentence.start + match.start("word")):
            continue  # after a fronted phrase, only the parse's subject: "In Paris, Le Monde ..."
        if re.sub(r"['’]s$", "", word) in NON_NAME_WORDS:
            continue  # "Prime Minister's visit to Africa": an office, no name
        at = fact.sentence.start + match.start("word")
        if any(m.start <= at < m.end for m in fact.places):
            continue
        if not _parsed_as_name(fact, at) or (
                word.lower() in STOP_WORDS and match.start("word") == match.start()):
            # "By continuing to use our site ...": a function word opens the sentence; it is
            # a name only after a given name or an honorific ("Theresa May", "Mrs May")
            continue
        if not re.search(rf"[a-z,;]\s+{re.escape(word)}\b", text):
            continue  # "Discussions will address ...": capitalised only as a sentence opener
        first = match.group("first")
        if first and (first in NOT_SUBJECTS or any(
                m.start <= fact.sentence.start < m.end for m in fact.places)):
            first = None
        counts[word] += 1
        where.setdefault(word, fact.sentence)
        if first:
            full.setdefault(word, f"{first} {word}")
    if not counts:
        return Traveller(None, None, None, None, None)
    # (a tie goes to the name the text uses most: the column's subject, not the critic
    # quoted once)
    index = index_of(text)
    word = max(counts, key=lambda w: (counts[w], len(index.occurrences(w))))
    return Traveller(full.get(word) or given_name_before(word, text) or word, word, None,
                     where[word], None)


def _a_subject(fact: SentenceFacts, at: int) -> bool:
    """Whether the word starting at character `at` is, by the parse, part of a subject."""
    token = token_at(fact.parse, at)
    while token is not None and token.dep_ == "compound":
        token = token.head
    return token is not None and token.dep_ in {"nsubj", "nsubjpass"}


def _parsed_as_name(fact: SentenceFacts, at: int) -> bool:
    """Whether the parse tags the word starting at character `at` a proper noun (true where
    the sentence has no parse)."""
    if fact.parse is None:
        return True
    token = token_at(fact.parse, at)
    return token is None or token.pos_ == "PROPN"
