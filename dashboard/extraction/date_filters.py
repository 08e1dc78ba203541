"""Which dates of a sentence are not days at a stop: a departure from home or the way back,
a date sent to a place that is no stop, an event named by its date ("the Oct. 7 attacks",
"Friday's missile strike"), a day placed somewhere else, or a denied or earlier visit. Used by
`stop_dates.attach_dates` before it gives a sentence's dates to its stops. `arrival_only`: a
date that is only the day of getting somewhere (`departures.close_on_departure`).
"""

from __future__ import annotations

import re

from spacy.tokens import Token

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import grammar
from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.grammar import TRIP_NOUNS
from dashboard.extraction.itinerary import stop_for_place, stop_for_signal
from dashboard.extraction.period_grammar import unrealised
from dashboard.extraction.taken_back import NEGATION
from dashboard.extraction.trip_starts import sets_off_on_a_trip, trip_begins
from dashboard.extraction.visits import TRAVEL_CUE

# Leaving home or going back: "leaves Washington on Saturday", "before returning to Brasilia
# on Sunday", "leaves for China on Tuesday night" (the arrival is another day)
DEPARTURE = re.compile(
    r"\b(?:return(?:s|ed|ing)?|(?:fl(?:y|ies|ying|ew)|head(?:s|ed|ing)?|go(?:es|ing)?|"
    r"travel\w*)\s+(?:back|home)|back\s+(?:to|in)|leav(?:e|es|ing)|left|depart(?:s|ed|ing)?|"
    r"sets?\s+off|setting\s+off)\b", re.IGNORECASE)
ARRIVAL = re.compile(r"\b(?:arriv\w*|land\w*|reach\w*|touch\w*\s+down|visit\w*|"
                     r"(?:fl(?:y|ies|ew|ying)|travel\w*|head\w*)\s+(?:on\s+)?to)\b",
                     re.IGNORECASE)


def is_departure_date(fact: SentenceFacts, d: dates_mod.DateMention,
                      drafts: list[StopDraft]) -> bool:
    """The date says when the traveller leaves home or goes back, not when they are at a
    stop: a departure or return verb governs it, with no stop named in between except as
    the destination of "leaves for"."""
    s = fact.sentence
    clause_start = max(s.start, *(s.text.rfind(mark, 0, d.start - s.start) + s.start + 1
                                  for mark in ";,"))
    before = s.text[clause_start - s.start:d.start - s.start]
    departures = list(DEPARTURE.finditer(before))
    if not departures:
        return False
    verb = departures[-1]
    if ARRIVAL.search(before, verb.end()):
        return False
    if leaves_a_stop_for_the_next(fact, d, drafts, verb.group(0)):
        return False  # (at a stop) "leaves for Y on Tuesday": the day of moving on to Y
    if re.match(r"(?<!\s)\s+for\b", before[verb.end():]):
        return True  # "leaves for China on Tuesday night"
    named = [m for m in fact.places if clause_start + verb.end() <= m.start < d.start
             and m.kind in {"country", "city", "venue"}]
    if any(s.returns and any(m.start == s.position for m in named) for s in fact.signals):
        return False  # "back in X on Sunday": a return to an earlier stop (`returns.py`)
    return not any(stop_for_place(m.place, drafts) is not None for m in named) or \
        verb.group(0).lower().startswith(("return", "back"))


# "leaves (on) Friday": the date right after the verb
DATE_AFTER_VERB = re.compile(r"(?<!\s)\s+(?:on\s+)?")
# "leaves for X on Tuesday": the destination, a name of up to four words, then the date
FOR_BEFORE_DATE = re.compile(r"(?<!\s)\s+for\s+(?:the\s+)?(?P<place>[A-Z][\w'’-]*"
                             r"(?:[ \t][A-Z][\w'’-]*){0,3})\s+(?:on\s+)?")
# "leaves tomorrow for X": the destination right after the date
FOR_AFTER_DATE = re.compile(r"(?<!\s)(?:\s+(?:morning|afternoon|evening|night))?\s+for\s+"
                            r"(?:the\s+)?", re.IGNORECASE)


def leaves_a_stop_for_the_next(fact: SentenceFacts, d: dates_mod.DateMention,
                               drafts: list[StopDraft], verb: str | None = None) -> bool:
    """"(In Y ...) He leaves tomorrow for X": the traveller, already at a stop, moves on to a
    later stop that day; the day is X's first (end-date convention: the day of moving on),
    not a day of leaving home. Only with a leaving verb ("leaves", "departs"; `verb`, else
    the last one before the date), the date right after it and the destination right after
    the date."""
    s = fact.sentence
    found = list(DEPARTURE.finditer(s.text, 0, d.start - s.start))
    if not found or not (verb or found[-1].group(0)).lower().startswith(
            ("leav", "left", "depart")):
        return False
    # ("The King leaves for X on Tuesday": the destination between the verb and the date)
    between = FOR_BEFORE_DATE.fullmatch(s.text, found[-1].end(), d.start - s.start)
    if between is not None:
        at = s.start + between.start("place")
    else:
        if not DATE_AFTER_VERB.fullmatch(s.text, found[-1].end(), d.start - s.start):
            return False
        after = FOR_AFTER_DATE.match(fact.sentence.text, d.end - fact.sentence.start)
        if after is None:
            return False
        at = fact.sentence.start + after.end()
    target = next((stop_for_place(m.place, drafts) for m in fact.places if m.start == at), None)
    return target is not None and target > 0


def leaves_home_for_the_trip(fact: SentenceFacts, d: dates_mod.DateMention,
                             drafts: list[StopDraft]) -> bool:
    """A departure date (`is_departure_date`) whose sentence sends the traveller on to two
    or more of the trip's stops ("will depart tomorrow on a visit to X, Y and Z"): leaving
    home for the trip, not going back."""
    if trip_begins(fact, d) and not {stop_for_signal(sig, drafts)
                                      for sig in fact.signals} - {None}:
        return True  # "The trip, which begins Thursday, is her first to the region"
    if not is_departure_date(fact, d, drafts) or RETURNING.search(fact.sentence.text):
        return False
    ahead = {stop_for_signal(sig, drafts) for sig in fact.signals if sig.position > d.end}
    return len(ahead - {None}) >= 2 or (not ahead - {None} and sets_off_on_a_trip(fact, d))


# ("leave for home", "head back home"): the way home, whatever word links the verb to it
HOME_AFTER = re.compile(r"(?<!\s)\s+(?:(?:for|back)\s+)?home\b", re.IGNORECASE)


def goes_home(fact: SentenceFacts, d: dates_mod.DateMention, drafts: list[StopDraft]) -> bool:
    """A departure date (`is_departure_date`) of the journey home: "left X on Saturday for
    Riyadh", "before returning to Tokyo on Wednesday", "flies home on Friday" (a place
    after "to"/"for" that is no stop, or "home"). The end-date convention makes it the
    last stop's end, as the trip's last day."""
    if not is_departure_date(fact, d, drafts) or leaves_home_for_the_trip(fact, d, drafts):
        return False
    s = fact.sentence
    clause_start = max(s.start, *(s.text.rfind(mark, 0, d.start - s.start) + s.start + 1
                                  for mark in ";,"))
    departures = list(DEPARTURE.finditer(s.text, clause_start - s.start, d.start - s.start))
    if not departures:
        return False
    verb = departures[-1]
    if "home" in verb.group(0).lower() or HOME_AFTER.match(s.text, verb.end()):
        return True
    goal = next((m for m in fact.places if m.start >= s.start + verb.end()
                 and m.kind in {"country", "city"} and re.search(
                     r"\b(?:to|for)\s+(?:the\s+)?$",
                     s.text[max(0, m.start - s.start - 12):m.start - s.start])), None)
    return goal is not None and stop_for_place(goal.place, drafts) is None


RETURNING = re.compile(r"\b(?:return\w*|back\s+(?:to|home)|home\s+(?:on|from))\b", re.IGNORECASE)


# Getting to a place, right before its name: "arrive Sydney", "arriving back in Canberra"
ARRIVING_AT = re.compile(r"\barriv(?:e|es|ed|ing|al)(?:[ \t]+back)?(?:[ \t]+(?:in|at))?[ \t]+$",
                         re.IGNORECASE)
# ... and its date right after the name: "Sydney Friday 12 April", "Canberra on Friday"
DATE_RIGHT_AFTER = re.compile(r"[ \t,]*(?:on[ \t]+)?")


def sends_elsewhere(fact: SentenceFacts, d: dates_mod.DateMention,
                    drafts: list[StopDraft]) -> bool:
    """The date follows a travel cue whose destination is no stop ("will travel to
    California on Friday" when California is not in the gazetteer): it is not the current
    stop's day."""
    s = fact.sentence
    clause_start = max(s.start, *(s.text.rfind(mark, 0, d.start - s.start) + s.start + 1
                                  for mark in ";,"))
    if any(clause_start <= m.start and m.end <= d.start
           and DATE_RIGHT_AFTER.fullmatch(s.text, m.end - s.start, d.start - s.start)
           and ARRIVING_AT.search(s.text, max(0, m.start - s.start - 24), m.start - s.start)
           and not any(draft.code == m.place.code for draft in drafts)
           for m in fact.places):
        # "Depart X for home (arrive Sydney Friday 12 April)": the day of getting to a
        # country with no stop (home) is not the current stop's
        return True
    cues = list(TRAVEL_CUE.finditer(fact.sentence.text, clause_start - s.start,
                                    d.start - s.start))
    if not cues:
        return False
    target = s.start + cues[-1].end()
    # only a name the gazetteer does not know: a known region, country or city is no sign
    return s.text[target - s.start:target - s.start + 1].isupper() and not any(
        m.start == target for m in fact.places) and not any(
        target <= m.start < d.start for m in fact.places)


# "the Oct. 7 Hamas attacks", "the September 11 attacks": a date naming an event, not a day
# of the trip ("the October 3-7 trip" is the trip's own)
EVENT_AFTER_DATE = re.compile(
    r"(?<!\s)\s+(?:[A-Z][\w-]*\s+){0,4}(?:attacks?|massacre|bombings?|invasion|raid|"
    r"election|vote|"
    r"referendum|coup|uprising|killings?|shooting|ceasefire|deadline|"
    # disasters: "the 12 May earthquake", "the March 2011 tsunami"
    r"earthquake|quake|tsunami|cyclone|typhoon|hurricane|storm|floods?|flooding|eruption|"
    r"landslides?|wildfires?|fire|explosions?|blasts?|crash|disaster|tragedy)\b")


# "Friday's missile strike", "Sunday's deadly bombing": a day's event, named by its day
POSSESSIVE_EVENT = re.compile(
    r"['’]s\s+(?:[\w-]+\s+){0,2}?(?:attacks?|strikes?|massacre|bombings?|invasion|raid|"
    r"shooting|killings?|explosion|blast|earthquake|election|vote|referendum|coup)\b",
    re.IGNORECASE)


def attributive(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """"the Oct. 7 Hamas attacks", "Friday's missile strike", "a kibbutz that was attacked on
    7 October", "the tour, which was to have started today": a date that names an event,
    dates a thing or a plan that did not happen, not a day of the trip."""
    s = fact.sentence
    return bool(re.search(r"\bthe\s+$", s.text[:d.start - s.start], re.IGNORECASE)
                and EVENT_AFTER_DATE.match(s.text, d.end - s.start)) or bool(
        POSSESSIVE_EVENT.match(s.text, d.end - s.start)) or _dates_a_thing(fact, d) or \
        dates_a_reference_event(fact, d) or (
        fact.parse is not None and unrealised(fact.parse, d.start)) or _dates_a_bidding(fact, d) \
        or _dates_a_things_journey(fact, d)


def _dates_a_things_journey(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """By the parse, the date hangs from a verb of getting somewhere whose subject is a
    common noun that is no person or office ("The first marines are expected to land off X
    this weekend", "aid convoys will reach Y on Monday"): their journey, not the
    traveller's."""
    verb = _governing_token(fact, d)
    if verb is None or verb.lemma_.lower() not in ARRIVING:
        return False
    subject = grammar._subject(verb)
    # (a name the tagger took for a noun at the head of a sentence, "Trump landed in X", and
    # the traveller's plane, "The presidential plane is to land in X", carry the traveller)
    return subject is not None and subject.pos_ == "NOUN" and subject.text[:1].islower() \
        and subject.lemma_.lower() not in grammar.CONVEYANCES and not grammar._can_travel(subject)


# Verbs that bid, ask or decide that someone travel: their date is the day of the bidding
BIDDING = {"instruct", "ask", "invite", "order", "urge", "direct", "request", "decide",
           "summon", "authorize", "authorise", "approve", "tell"}
# ... when what they bid is a journey ("urged Russia on Tuesday to allow ..." is a day of
# talks at the stop)
JOURNEY = {"leave", "travel", "go", "fly", "visit", "depart", "head", "proceed", "come",
           "return", "set", "embark", "rush", "hurry"}


def _governing_token(fact: SentenceFacts, d: dates_mod.DateMention) -> Token | None:
    """The verb (or other head) the parse hangs the date from, or None without a parse."""
    if fact.parse is None:
        return None
    at = grammar.governing_verb(fact.parse, d.start)
    return None if at is None else fact.parse.doc[at]


def _dates_a_bidding(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """By the parse, the date hangs from a verb of bidding or deciding whose clause holds
    the journey ("Earlier today the President instructed me to leave for X", "the cabinet
    decided on Friday that she would fly to Y"): the day of the order, not of the trip."""
    verb = _governing_token(fact, d)
    return verb is not None and verb.lemma_.lower() in BIDDING and any(
        c.dep_ in {"xcomp", "ccomp"} and c.lemma_.lower() in JOURNEY for c in verb.children)


def _dates_a_thing(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """By the parse, the date hangs from a relative clause ("that"/"which", not "where" or
    "when", or none with a named subject) on a common noun: "a kibbutz ... that was attacked
    on 7 October", "the proposal the President laid out last Friday" date the attack and
    the proposal, not the traveller's day there."""
    node = _governing_token(fact, d)
    if node is not None and node.dep_ == "acl" and "Part" in node.morph.get("VerbForm") \
            and node.head.pos_ in {"NOUN", "PROPN"} and node.head.ent_type_ != "PERSON":
        # "the Framework ..., signed in X on February 24 by 11 countries": a thing done by
        # others (an agent that is no person or office), dated by its own participle
        agents = [t for a in node.children if a.dep_ == "agent" for t in a.children
                  if t.dep_ == "pobj"]
        return bool(agents) and not any(grammar._can_travel(t) for t in agents)
    if node is None or node.dep_ != "relcl" or node.head.pos_ != "NOUN":
        return False
    if any(c.lower_ in {"that", "which"} and c.dep_ in {"nsubj", "nsubjpass", "dobj"}
           for c in node.children):
        return True
    # "the proposal the President laid out last Friday": a clause with no relative word on
    # a thing, whose subject is named (not "the deal he signed on Monday", which may well be
    # the traveller's own day)
    return node.head.lemma_.lower() not in TRIP_NOUNS and not any(
        c.tag_ in {"WDT", "WP", "WRB"} or c.lower_ == "that" for c in node.children) and any(
        c.dep_ == "nsubj" and c.pos_ in {"NOUN", "PROPN"} for c in node.children)


# Prepositions that set what the clause tells against another event: "after the dinner on
# Saturday", "before the summit on Monday"
REFERENCE_PREPS = {"after", "before", "since", "following"}


def dates_a_reference_event(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """By the parse, the date describes an event named by a noun inside an "after"/"before"
    phrase on a clause about a thing ("the invitation was decided after the leaders' dinner
    on Saturday night"): the day of that event, not of the traveller, and the sentence names
    no stop inside it."""
    if fact.parse is None:
        return False
    node = grammar.token_at(fact.parse, d.start)
    for _ in range(8):
        if node is None or node.head.i == node.i or node.pos_ in {"VERB", "AUX"}:
            return False
        if node.dep_ == "pobj" and node.head.lower_ == "on" and node.head.head.pos_ == "NOUN":
            noun = node.head.head
            phrase = noun.head
            if noun.dep_ != "pobj" or phrase.lower_ not in REFERENCE_PREPS:
                return False
            # ("After the summit on Wednesday, Yoon moved on": the traveller's own day there)
            if grammar._can_travel(grammar._subject(phrase.head)):
                return False
            a = grammar.token_start(phrase)
            b = max(grammar.token_start(t) + len(t) for t in phrase.subtree)
            return not any(a <= m.start < b for m in fact.places)
        node = node.head
    return False


def placed_elsewhere(fact: SentenceFacts, d: dates_mod.DateMention,
                      drafts: list[StopDraft]) -> bool:
    """"the explosion at a hospital in Gaza City on Tuesday", "address the nation from the
    Oval Office on Thursday": the place right before the date is no stop, so neither is the
    day."""
    before = [m for m in fact.places if m.end <= d.start and d.start - m.end <= 25
              and m.kind in {"country", "city", "venue"}]
    if not before:
        return False
    place = max(before, key=lambda m: m.end)
    gap = fact.sentence.text[place.end - fact.sentence.start:d.start - fact.sentence.start]
    located = re.search(r"\b(?:in|at|from)\s+(?:the\s+)?$",
                        fact.sentence.text[:place.start - fact.sentence.start], re.IGNORECASE)
    return bool(located and re.fullmatch(
        r"(?<![\s,])(?:\s+City)?[\s,]*(?:(?:on|late|early|later)\s+)*", gap, re.IGNORECASE)) \
        and stop_for_place(place.place, drafts) is None


def negated(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """"will not attend Monday's launch": the clause denies what happens on that day (or
    puts it on an earlier visit)."""
    s = fact.sentence
    clause_start = max(s.start, *(s.text.rfind(mark, 0, d.start - s.start) + s.start + 1
                                  for mark in ";,"))
    return bool((NEGATION.search(s.text, clause_start - s.start, d.start - s.start))
                or PRIOR_VISIT.search(s.text, clause_start - s.start, d.start - s.start))


# "he last visited Kyiv on 1 February": the day of an earlier visit, not of this trip
PRIOR_VISIT = re.compile(r"\b(?:last|previously)\s+(?:visit(?:ed)?|travell?ed|went|was\s+in|"
                         r"been|stopped)\b", re.IGNORECASE)


def anothers_leg(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """The date follows a place someone else goes to, with none of the traveller's places in
    between ("Minister X to travel to Fiji on 26 February ..., before travelling to Tonga
    with me between 28 February and 3 March": 26 February is X's day in Fiji, not the
    traveller's in Tonga)."""
    if not fact.others_legs:
        return False
    legs = [(end, True) for _, end in fact.others_legs if end <= d.start]
    legs += [(sig.end, False) for sig in fact.signals if sig.end <= d.start]
    return bool(legs) and max(legs)[1]


# Verbs whose date is the day of getting somewhere, not of doing something there
ARRIVING = {"arrive", "land", "reach", "travel", "fly", "head", "go", "come", "jet", "proceed",
            "move", "cross", "drive", "sail"}
# What a verb of getting somewhere does there, said in the same clause: "to take part in",
# "for talks", "where he will meet"
PURPOSE_DEPS = {"xcomp", "advcl", "relcl", "ccomp", "conj"}


def arrival_only(fact: SentenceFacts, d: dates_mod.DateMention) -> bool:
    """By the parse, the date hangs from a verb of getting somewhere ("will arrive in X on
    Monday", "flew to X on Sunday") and the clause says nothing done there that day (no "to
    meet ...", "for talks", "where he met ..."): the day opens the stop, its end stays open."""
    if fact.parse is None or d.is_range:
        return False
    verb_index = grammar.governing_verb(fact.parse, d.start)
    if verb_index is None:
        return False
    verb = fact.parse.doc[verb_index]
    if verb.lemma_.lower() not in ARRIVING:
        return False
    for token in verb.subtree:
        if token is verb:
            continue
        if token.dep_ in PURPOSE_DEPS and token.pos_ in {"VERB", "AUX"}:
            return False
    return True


def named_only_aside(fact: SentenceFacts, d: dates_mod.DateMention,
                     drafts: list[StopDraft], target: int) -> bool:
    """By the parse, the sentence names the stop only inside a "who" clause on someone that
    the date is not in, and sends nobody there ("Cardinal X, who had called <the country>
    a third-world country, withdrew from the trip on Wednesday"): an aside about that
    person, not the day's place. (A clause on an event, "the summit, after which he leaves
    X", may still tell the day's place.)"""
    if fact.parse is None:
        return False
    named = [m for m in fact.places if m.kind in {"country", "city", "venue"}
             and stop_for_place(m.place, drafts) == target]
    signalled = {sig.position for sig in fact.signals}
    date_token = grammar.token_at(fact.parse, d.start)
    if not named or date_token is None or any(m.start in signalled for m in named):
        return False
    for m in named:
        token = grammar.token_at(fact.parse, m.start)
        clause = next((t for t in ([token, *token.ancestors] if token is not None else [])
                       if t.dep_ == "relcl"), None)
        if clause is None or date_token in clause.subtree or not any(
                c.lower_ in {"who", "whose", "whom"} for c in clause.subtree):
            return False
    return True
