"""Who is met, and where: the rules `leaders.find_leaders` applies to each person.

Each rule reads one sentence's facts (its people, places, signals and parse) and answers
about one person or the sentence: met in someone else's meeting, in a relative clause about an
earlier time, listed on past where the met object ends, a companion sharing the traveller's
subject; placed by a "where" clause, by a venue right after the person, at the stop the
narrative last named, or nowhere on the trip ("in Auckland" when Auckland is no stop).
"""

from __future__ import annotations

import re
from itertools import pairwise

from dashboard.extraction import host_grammar, meeting_grammar
from dashboard.extraction import places as places_mod
from dashboard.extraction.facts import SentenceFacts, StopDraft, met_objects_of
from dashboard.extraction.itinerary import main_stop, stop_for_place
from dashboard.extraction.narrative import EARLIER_TRIP
from dashboard.extraction.people import PersonMention
from dashboard.extraction.programme_days import day_headings, place_day_headings
from dashboard.extraction.titles import TITLES
from dashboard.extraction.traveller import Traveller

TITLE_WORDS = {w.lower() for t in TITLES for w in t.split()}


def placed_elsewhere(fact: SentenceFacts, drafts: list[StopDraft], text: str,
                     surnames: frozenset[str] = frozenset()) -> bool:
    """The sentence names a country or city of no stop ("will meet X in Auckland before
    leaving", "is due to visit Washington to meet ..."), words of a person's name aside, and
    a town that is the family name of someone the article names (`surnames`: "Morsi's
    party" is no visit to Morsi, India)."""
    codes = {d.code for d in drafts}
    # (titles too: "Federal President X" is no visit to Federal, Argentina)
    names = [(p.start, p.end) for p in fact.people]
    if fact.parse is not None:
        offset = fact.parse.doc.user_data.get("offset", 0)
        names += [(offset + e.start_char, offset + e.end_char) for e in fact.parse.ents
                  if e.label_ == "PERSON"]
    # (... and a word right before a title: "Federal President X", "Atlanta Mayor Y" name
    # an office, not where anyone is)
    titled_at = {p.start for p in fact.people if p.title}
    return any(m.kind in {"country", "city"} and m.place.code not in codes
               and not any(a <= m.start < b for a, b in names) and m.text not in surnames
               and m.end + 1 not in titled_at
               for m in places_mod.find_places(text, fact.sentence.start, fact.sentence.end))


def met_at_no_stop(person: PersonMention, fact: SentenceFacts, drafts: list[StopDraft],
                   text: str) -> bool:
    """The place right after the person ("meet X in Wellington") is a country or city of
    no stop."""
    codes = {d.code for d in drafts}
    return any(m.kind in {"country", "city"} and m.place.code not in codes
               and 0 <= m.start - person.end <= 30 and re.fullmatch(
                   r"(?<![\s,])[\s,]*(?:(?:on|late|early)\s+\w+\s+)?(?:in|at)\s+(?:the\s+)?",
                   text[person.end:m.start]) for m in fact.places)


# what a subject does: "Secretary A and Secretary B will host ...", "... travelled to"
CO_SUBJECT_VERB = re.compile(
    r"(?<!\s)\s+(?:also\s+)?(?:will|are|were|have|had|would|shall|travel\w*|visit\w*|host\w*|"
    r"depart\w*|arriv\w*|head\w*|fly|flies|flew|tour\w*|left|leave\w*|land\w*)\b")
# ... unless what they do together is the meeting: "A and B held talks", "signed", "joint"
TOGETHER = re.compile(r"[^.;]{0,60}?\b(?:joint|together|talks|agreed|met|meeting|summit|"
                      r"discussed|signed|bilateral)\b")


# "X has arrived in Kyiv with President A and Chancellor B", "flew to Cairo together with
# A": those the traveller journeys with, whatever their country (a joint visit of leaders)
JOURNEY_WITH = re.compile(
    r"(?<!\s)\s+(?:has\s+|have\s+|had\s+)?(?:arriv\w*|travell?\w*|fl[eiy]\w*|came|come|"
    r"went|journey\w*|set\s+off)\b[^.;,]{0,40}?\b(?:together\s+)?with\s+$")
# ... not "arrived in Beijing for talks with Premier X": the one met
MEETING_WORDS = re.compile(r"\b(?:for|talks|meet\w*|met|summit|audience|dinner|lunch)\b")
COMPANION_LIST = re.compile(r"(?<!\s)(?:,\s+(?:and\s+)?|\s+and\s+)$")


def travelling_companions(facts: list[SentenceFacts], traveller: Traveller,
                          home: str | None, text: str) -> set[str]:
    """Surnames of people who share the traveller's subject ("Secretary Austin and
    Secretary Blinken will host ..."): they travel with the traveller, they are not met.
    Not a foreign national, and not when what they do together is a meeting."""
    found: set[str] = set()
    if not traveller.surname:
        return found
    for fact in facts:
        for first, second in pairwise(fact.people):
            if first.surname != traveller.surname or second.surname == traveller.surname:
                continue
            if second.nationality and second.nationality != home:
                continue
            if re.fullmatch(r"(?<!\s)\s+and\s+", text[first.end:second.start]) and \
                    CO_SUBJECT_VERB.match(text, second.end) and \
                    not TOGETHER.match(text, second.end, fact.sentence.end):
                found.add(second.surname)
        found |= _journeying_with(fact, traveller, text)
    return found


def _journeying_with(fact: SentenceFacts, traveller: Traveller, text: str) -> set[str]:
    """Surnames of those the traveller "arrived in X with" (and the people listed after
    them), unless of a country the sentence sends the traveller to ("arrived with the
    Ukrainian president" is a host who came along)."""
    found: set[str] = set()
    visited = {m.place.code for m in fact.places if m.kind in {"city", "country"} and not any(
        p.start <= m.start < p.end for p in fact.people)}
    last = None
    for person in fact.people:
        if person.surname == traveller.surname:
            last = person
            continue
        if last is None:
            continue
        gap = text[last.end:person.start]
        if (JOURNEY_WITH.fullmatch(gap) and not MEETING_WORDS.search(gap)
                if last.surname == traveller.surname else COMPANION_LIST.fullmatch(gap)) and \
                person.nationality not in visited:
            found.add(person.surname)
            last = person
        else:
            last = None
    return found


def listed_after_met(fact: SentenceFacts, text: str) -> set[int]:
    """Starts of titled people who go on a list of people met past where the parse or the
    cue patterns end it: "meet with A and their counterparts, Secretary B and Secretary
    C" (the list runs on by commas and "and", person after person)."""
    spans = met_objects_of(fact, text) + fact.met_parse
    ends = [b for _a, b in spans]
    found: set[int] = set()
    for person in fact.people:
        if any(a <= person.start < b for a, b in spans):
            ends.append(person.end)
            continue
        if person.title and any(0 <= person.start - b <= 6 and re.fullmatch(
                r"(?:\s*,)?\s*(?:and\s+)?", text[b:person.start]) for b in ends):
            found.add(person.start)
            ends.append(person.end)
    return found


WHERE_CLAUSE = re.compile(r"(?<!\s),?\s+where\s+[^.;,]{0,60}$")


def where_clause_stop(person: PersonMention, fact: SentenceFacts, drafts: list[StopDraft],
                      text: str) -> int | None:
    """"arrived in Cairo from Washington, where he met President X": the stop of the place a
    "where" clause holding the person hangs from, named or not as a destination."""
    for mention in sorted(fact.places, key=lambda m: -m.start):
        if mention.end > person.start or mention.kind not in {"city", "country"}:
            continue
        if WHERE_CLAUSE.search(text, mention.end, person.start) and \
                WHERE_CLAUSE.search(text, mention.end, person.start).start() == mention.end:
            return stop_for_place(mention.place, drafts)
        return None  # only the place right before the clause
    return None


VENUE_GAP = re.compile(r"(?<![\s,])[\s,]*(?:(?:on|late|early)\s+\w+\s+)?(?:at|in)\s+"
                       r"(?:the|his|her|their|its|a)\s+(?:[\w'’-]+\s+){1,3}(?:in|at)\s+"
                       r"(?:the\s+)?")


def venue_place_stop(person: PersonMention, fact: SentenceFacts, drafts: list[StopDraft],
                     text: str) -> int | None:
    """"held talks with X at her lakeside home in Rangoon", "met X at the presidential palace
    in Y": the stop of the city or country named for the venue right after the person."""
    for mention in fact.places:
        if mention.kind in {"city", "country"} and 0 < mention.start - person.end <= 60 and \
                VENUE_GAP.fullmatch(text, person.end, mention.start):
            return stop_for_place(mention.place, drafts)
    return None


def _relative_clauses(fact: SentenceFacts) -> list[tuple[int, int]]:
    if fact.parse is None:
        return []
    offset = fact.parse.doc.user_data.get("offset", 0)
    return [(offset + t.left_edge.idx, offset + t.right_edge.idx + len(t.right_edge))
            for t in fact.parse if t.dep_ == "relcl"]


def in_earlier_relative_clause(person: PersonMention, fact: SentenceFacts,
                               text: str) -> bool:
    """The person is met in a relative clause about an earlier time ("The prime minister,
    who discussed his trip with X during X's state visit last month, ..."): not on this
    trip. A time in a clause nested inside it about someone else does not count ("where he
    met President X and the president-elect, Y, who takes office in March"), nor a time that
    dates a thing ("since last month's failed coup")."""
    clauses = _relative_clauses(fact)
    for a, b in clauses:
        if not a <= person.start < b:
            continue
        inner = [(c, d) for c, d in clauses if a <= c and d <= b and (c, d) != (a, b)
                 and not c <= person.start < d]
        if any(not any(c <= m.start() < d for c, d in inner) and not _dates_a_thing(m, text)
               for m in EARLIER_TRIP.finditer(text, a, b)):
            return True
    return False


def _dates_a_thing(time: re.Match, text: str) -> bool:
    """The time is a reference point or a thing's ("the first visit since last month's failed
    coup"), not when the clause happens: after "since", or possessive."""
    return text[time.end():time.end() + 2] in {"'s", "’s"} or bool(
        re.search(r"\bsince\s+$", text[max(0, time.start() - 7):time.start()]))


def past_only_about_a_person(fact: SentenceFacts, text: str) -> bool:
    """Every earlier time the sentence names sits in a relative clause ("discussions with
    President X, whom I also met last year"): it says something about the person, not
    that the meeting is an earlier trip's."""
    clauses = []
    for a, b in _relative_clauses(fact):
        # "..., where X was photographed with Y in 1973, 50 years ago": a time set off by a
        # comma right after the clause restates the clause's time
        restated = re.match(r",\s*[^,;.]{0,30}", text[b:fact.sentence.end])
        again = EARLIER_TRIP.search(text, b, b + restated.end()) if restated else None
        clauses.append((a, again.end() if again else b))
    times = list(EARLIER_TRIP.finditer(text, fact.sentence.start, fact.sentence.end))
    return bool(times) and all(any(a <= m.start() < b for a, b in clauses) for m in times)


def in_others_meeting(person: PersonMention, fact: SentenceFacts,
                      traveller: Traveller) -> bool:
    """The person is met in someone else's meeting ("President A's exchange of letters with
    Prime Minister B", "A's talks with B"), not the traveller's."""
    if fact.parse is None:
        return False
    # (the owner may be the traveller's own title: "the King's talks with President X")
    title = traveller.person.title.split()[-1].lower() if traveller.person and \
        traveller.person.title else None
    # (any word of the traveller's name: the owner may be "Lula" of "Luiz Inacio Lula da
    # Silva", or a bare office, "the King's talks with X")
    own = _name_words(f"{traveller.name or ''} {traveller.surname or ''}")
    return any(a <= person.start < b and not (traveller.surname and traveller.surname in owner)
               and not own & _name_words(owner) and owner.lower() != title
               for owner, (a, b) in meeting_grammar.others_meetings(fact.parse))


def _name_words(name: str) -> set[str]:
    """The words of a name without its title words ("Prime Minister A B" -> {"A", "B"})."""
    return {w for w in re.split(r"[\s‐-]+", name) if w and w.lower() not in TITLE_WORDS}


def narrative_stop(facts: list[SentenceFacts]) -> dict[int, int]:
    """Sentence index -> the stop the narrative last named before or in it: the one stop of
    the latest body sentence naming exactly one (a heading or a list of stops resets it)."""
    current: int | None = None
    found: dict[int, int] = {}
    days = day_headings(facts)  # a programme's day heading keeps the place of the day before
    # ... and one naming the day's places starts the day at the first ("BEIJING / SHANGHAI":
    # the items before "Depart for Shanghai" are in Beijing)
    place_days = place_day_headings(facts)
    under_day = False
    for fact in facts:
        if fact.sentence.clutter:
            continue
        if fact.sentence.index in days:
            current = current if under_day else None
            under_day = True
            continue
        under_day = under_day and not fact.sentence.heading
        if fact.sentence.index in place_days and fact.stops:
            current = fact.stops[0]
        elif fact.sentence.heading or len(fact.stops) > 1:
            current = None if fact.sentence.heading else main_stop(fact)
        elif len(fact.stops) == 1:
            current = fact.stops[0]
        if current is not None:
            found[fact.sentence.index] = current
    return found


# Verbs of speaking with someone: in person or on the telephone, which English often leaves
# unsaid ("He spoke yesterday with X about the hostages")
SPEAKING_VERBS = {"speak", "talk", "chat", "call", "phone", "telephone"}


def spoken_with_abroad(person: PersonMention, fact: SentenceFacts, stop: StopDraft) -> bool:
    """The traveller only speaks with the person ("spoke yesterday with Israeli Prime Minister
    X"), a leader of another country than the stop's, and the sentence names no place for
    it: a call, no meeting at the stop."""
    if fact.parse is None or not person.nationality or person.nationality == stop.code:
        return False
    offset = fact.parse.doc.user_data.get("offset", 0)
    token = next((t for t in fact.parse if person.name_start <= offset + t.idx < person.end),
                 None)
    if token is None:
        return False
    verb = next((a for a in token.ancestors if a.pos_ in {"VERB", "AUX"}), None)
    if verb is None or verb.lemma_.lower() not in SPEAKING_VERBS:
        return False
    return not any(m.kind in {"city", "country"} and m.place.code != person.nationality
                   for m in fact.places)


# A meeting verb under a negation or a refusal, right before the person: "did not meet",
# "won't meet", "refused to meet with", "declined to see", "there are no plans (for the
# minister) to meet" (the person within a few words)
NEGATED_MEETING = re.compile(
    r"\b(?:(?:did|does|do|will|would|could)\s+not|didn['’]t|doesn['’]t|won['’]t|wouldn['’]t|"
    r"never|refused\s+to|declined\s+to|no\s+(?:plans?|intention)"
    r"(?:\s+for(?:\s+[\w'’-]+){1,4}?)?\s+to)\s+(?:\w+\s+)?(?:meet|see|hold\s+talks)"
    r"(?:\s+with)?\s+(?:[A-Z][\w.'’-]*\s+){0,4}$")


# "the Leader of the Revolution, ", "the President of the Republic, ": an office and a comma
# right before a name
OFFICE_BEFORE = re.compile(r"the[ \t]++[A-Z][\w'’-]*+(?:[ \t]++(?:of[ \t]++(?:the[ \t]++)?)?"
                           r"[A-Z][\w'’-]*+){0,5}?,[ \t]++$")


def _met_each_other(fact: SentenceFacts) -> bool:
    """"A and B met at the palace": "meet" with no object, the two subjects meeting each
    other, which says they were together though the sentence names no town."""
    return fact.parse is not None and any(
        t.pos_ == "VERB" and t.lemma_.lower() == "meet" and not any(
            c.dep_ in {"dobj", "neg", "auxpass"} for c in t.children) and any(
            c.dep_ == "nsubj" and any(k.dep_ == "conj" for k in c.children)
            for c in t.children) for t in fact.parse)


def is_met(person: PersonMention, fact: SentenceFacts, traveller: str | None,
            text: str) -> bool:
    """The person is someone the traveller meets: the object of "meet with ...", "talks
    with ...", or the subject of "... met (with) / hosted / welcomed <traveller>"."""
    if NEGATED_MEETING.search(text, max(fact.sentence.start, person.start - 80), person.start):
        return False  # "He did not meet Supreme Leader X", "refused to meet X"
    spans = met_objects_of(fact, text) + fact.met_parse
    if any(a <= person.start < b for a, b in spans):
        return True
    if not traveller:
        return False
    if fact.parse is not None and any(person.start <= at < person.end for at in
                                      host_grammar.hosts_of(fact.parse, traveller)):
        return True  # "X said ..., as he hosted <traveller> in the Kremlin"
    if person.nationality and fact.parse is not None and any(
            person.start <= at < person.end
            for at in host_grammar.fellow_subjects(fact.parse, traveller)):
        return True  # "<traveller> and his Congolese counterpart X clashed openly"
    if person.nationality and fact.parse is not None and any(
            person.start <= at < person.end for at in host_grammar.alongside(fact.parse)):
        return True  # "Standing alongside Russian President X, <traveller> said ..."
    if person.title and (fact.signals or _met_each_other(fact)) and fact.parse is not None \
            and any(person.start <= at < person.end
                    for at in host_grammar.fellow_subjects(fact.parse, traveller, True)):
        # "In New Delhi, <traveller> and Prime Minister X talked trade": with each other, at
        # a place the sentence gives (a person of no stated country may be a companion: only
        # where the sentence says where the two were)
        return True
    after = text[person.end:fact.sentence.end]
    if re.match(
        r"[^.;]{0,40}?\b(?:met|meets|will\s+meet|hosted|hosts|will\s+host|welcomed|welcomes|"
        r"will\s+welcome|received|receives|will\s+receive|greeted|greets|will\s+greet|"
        r"held\s+talks\s+with)\s+(?:with\s+)?"
        rf"(?:(?:[A-Z][\w.'’-]*\s+){{0,5}}{re.escape(traveller)}|him|her|them)\b", after):
        return True
    # "drove out to the airport to meet <traveller>": the host's errand (not "hoped to meet
    # <traveller> next year"); looked for only where the words are (a hot path)
    if " to " in after[:80] and re.match(
        r"[^.;]{0,40}?\b(?:went|came|drove|flew|walked|headed|rushed|hurried)\b[^.;]{0,30}?"
        r"\bto\s+(?:meet|greet|welcome|receive)\s+"
        rf"(?:(?:[A-Z][\w.'’-]*\s+){{0,5}}{re.escape(traveller)}|him|her|them)\b", after):
        return True
    # "Obama and Cuban President Raul Castro have wrapped up a joint news conference"
    before = text[fact.sentence.start:person.start]
    the_traveller = rf"\b(?:{re.escape(traveller)}|[Hh]e|[Ss]he)\s+"  # (by name or pronoun)
    # "He was with Chancellor X on the Friday when ...", "was in Amman with King X": in the
    # person's company
    if re.search(the_traveller + r"(?:was|were|is|will\s+be)\s+(?:(?:in|at)\s+(?:the\s+)?"
                 r"[A-Z][\w'’-]*(?:\s+[A-Z][\w'’-]*){0,2}\s+)?with\s+$", before[-80:]):
        return True
    # ... and "he and Qatari Foreign Minister X signed a memorandum", "he and the Leader of
    # the Revolution, Colonel X, signed a treaty" (an office set off before the name says
    # whose it is, as a country does)
    office = OFFICE_BEFORE.search(before)
    return bool((person.nationality or office) and re.search(
        the_traveller + r"and\s+" + (office.group(0) if office else "") + "$", before) and re.match(
        r"[^.;]{0,60}?\b(?:joint|together|talks|agreed|met|meeting|summit|discussed|signed)\b",
        after))
