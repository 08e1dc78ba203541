"""Which places the traveller goes to: travel cues around place names.

A country is a stop only when the text puts the traveller there: "will travel to X, Y and Z",
"then travel to", "arrived in", "visit", "X is the first stop", "the next stops are", "in
<City>, <Country>" next to a meeting or an event, a foreign dateline, or a meeting with a named
leader of that country. Countries that are only discussed (Cuba's terrorism designation,
Venezuelan migrants) are not stops, nor is the traveller's home country.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.extraction.place_lists import (
    LIST_FILLER,
    group_city_country,
    place_code,
    place_list_after,
)
from dashboard.extraction.places import Place, PlaceMention
from dashboard.extraction.taken_back import ruled_out

# Travel cues by form: a verb or noun of travel and the word that introduces where to. Only
# what the dependency parse does not say is here: `destination_grammar.destinations` reads
# "travel / go / head / fly / continue / move (on) to X", "arrive / be / stay / stop over in
# X", "cross into X", "a tour of X", "visit X" and their lists from the tree, so those forms
# were deleted (issue 9: no field lower on any measured set, and "flights to", "touched down
# in", "en route to", "bound for", "time in" stay, as the parse misses them). `stop_grammar`
# reads "leave / depart (X) for Y" and "the trip ... will take him to X", so those forms went
# too. Round two: "flew from X" is the parse's now (`told_back.origins`, which places X
# before the destination; set4 0.867 -> 0.882). "visit X" stays: headings are not parsed, and
# "visit X and Y, followed by Z" is a list the parse cuts short; "a tour that also includes
# X" too: "a tour of the region that also includes X" hangs the clause on "region".
CUE_FORMS: dict[str, str] = {
    # "a tour that also includes X", "a trip ... taking in X"
    "trip_includes": r"(?:tour|trip|swing|itinerary|journey)\b[^.;]{0,60}?\b(?:also\s+)?"
                     r"(?:includes?|included|including|takes?\s+in|took\s+in|taking\s+in)",
    # ("during the trip to X", "the trip to X comes ...": a trip noun with no travelling
    # verb above it, which the parse does not read)
    "trip_to": r"trips?\s+to",
    "visits_to": r"visits?\s+to",
    "flights_to": r"flights?\s+to",
    "visit": r"visit(?:s|ed|ing)?",
    # "flew north to Erbil", "fly into Shanghai", "travelled by helicopter to Mosul" ("flies
    # back to Rome" is going home, not a stop)
    "fly_by_to": r"(?:fl(?:y|ies|ew|ying)|travel(?:s|ed|led|ing|ling)?|head(?:s|ed|ing)?|drove|"
                 r"went)\s+(?:(?:north|south|east|west|(?:north|south)-?(?:east|west)|on|"
                 r"onwards?|(?:north|south|east|west)wards?)\s+)?"
                 r"(?:by\s+(?:\w+\s+)?(?:helicopter|plane|car|train|road|air|boat|motorcade|ship|"
                 r"jet|bus)\s+)?(?:to|into)",
    # "spent Wednesday and Thursday in Beijing"
    "spent_in": r"spen(?:t|ds?|ding)\s+(?:(?:the|a|an|two|three|four|five|several|few|his|her|"
                r"their|next|last|first|whole|entire|and|\d+|Monday|Tuesday|Wednesday|Thursday|"
                r"Friday|Saturday|Sunday|days?|nights?|hours?|weekend|morning|afternoon|evening|"
                r"week)[\s,]+){1,5}?in",
    # ("Tuesday was spent in Mumbai", "the weekend will be spent in X": the passive)
    "was_spent_in": r"(?:was|were|is|will\s+be|are)\s+spent\s+in",
    "begin_in": r"(?:begin|began|begun|start|kick\s+off|kicked\s+off|end|conclude|wrap\s+up|"
                r"wrapped\s+up)(?:s|ed|ing|ning)?\s+(?:(?:his|her|their|the)\s+(?:\w+\s+)?"
                r"(?:trip|tour|visit|journey)\s+)?in",
    "land_in": r"land(?:s|ed|ing)?\s+in",
    # ("Wheels down in X at 10:42": a travel pool's word for landing)
    "touch_down": r"(?:touch(?:es|ed)?|[Ww]heels)\s+down\s+(?:in|at)",
    "bound_for": r"bound\s+for",
    # ("with stops in X, Y and Z": the noun, which the parse's travel verbs do not read)
    "stop_in": r"stop(?:s|ped|ping)?\s+(?:in|at)",
    "en_route": r"en\s+route\s+to",
    "then_to": r"then\s+(?:on\s+)?to",
    # ("He entered Russia on Saturday", "had entered China at the border town of X")
    "entered": r"(?<!\bnot\s)enter(?:s|ed|ing)",
    # ("Apart from New Delhi, he will also travel to X": the place set apart is visited too)
    "apart_from": r"(?:apart\s+from|aside\s+from|besides|in\s+addition\s+to)(?=[ \t]++[A-Z]"
                  r"[^.;]{0,100}?\balso[ \t]++(?:visit|travel|go|fly|stop|tour|head|call))",
    # a programme's items: "Departure by air for Najaf", "Transfer by helicopter to Mosul"
    # (the noun, which the parse's travel verbs do not read)
    "departure_for": r"(?:departure|transfer)\s+(?:by\s+(?:air|car|road|helicopter|plane|"
                     r"train|motorcade)\s+)?(?:for|to)",
    # ("After South Africa, Botswana, where the President will meet X": a briefing's verbless
    # next leg, a place and its "where" clause after the leg before)
    "after_then": r"(?-i:After)[ \t]++(?:[A-Z][\w'’.-]*+[ \t]++){0,3}+[A-Z][\w'’.-]*+,"
                  r"(?=[ \t]++[A-Z][^,.;]{0,40}+,[ \t]++where\b)",
    # ("a whirlwind trip yesterday, first to Moscow to see X, then on to Berlin": only with
    # its "then", which says the order; alone, "first to X" misled more than it told)
    "first_to": r"(?<!the\s)first\s+to(?=\s+(?:the\s+)?[A-Z][^.;]{0,80}?\bthen\b)",
    # ("Five hours in X; meets Y": a factbox's short stay)
    "day_in": r"(?:a\s+day|two\s+days|days|(?:\d+|two|three|four|five|six|seven|eight|"
              r"several|few)\s+hours|time|visit|stop|leg|trip|tour|journey|stay)\s+in",
}
# "a stop in the northern port city of Haiphong": the place after the kind of place it is
THE_CITY_OF = (r"(?:the\s+(?:(?-i:[a-z][\w-]*)\s+){0,3}?(?:city|town|port|village|resort|"
               r"island)\s+of\s+|the\s+)?")
TRAVEL_CUE = re.compile(r"\b(?:" + "|".join(CUE_FORMS.values()) + r")\s+" + THE_CITY_OF,
                        re.IGNORECASE)
STOP_WORDS = re.compile(r"\b(?:first|next|last|final|second|third|other|later|two|three)\s+"
                        r"(?:stop|stops|leg|legs|destination|destinations)\b", re.IGNORECASE)
STOP_LINK_AFTER = re.compile(
    r"(?<!\s)(?:\s*[,:]\s*(?:the\s+)?|(?:\s+(?:on|of|in|for)\s+[^,.;:]{0,60}?)?\s+"
    r"(?:is|are|was|were|will\s+be|includes?)\s+(?:the\s+)?)", re.IGNORECASE)
# Linear time (issue 12, item 15): each optional piece is whitespace then a token, so a run
# of spaces can be split only one way (four adjacent `\s*` made it O(n^5)), and a search tries
# only positions right after a non-space, not every position inside a run of spaces.
STOP_LINK_BEFORE = re.compile(r"(?<!\s)(?:\s*,)?(?:\s*(?:is|was|will\s+be|are|were))?"
                              r"(?:\s*,)?(?:\s*(?:the|his|her|their))?\s*$", re.IGNORECASE)
FIRST_STOP = re.compile(
    r"\bfirst\s+(?:stop|leg|destination)\b|\bwill\s+first\b|\bfirst\s+travel|"
    # "Modi will begin in New York", "the tour began in Rome"
    r"\b(?:begin|begins|began|start|starts|started|kick(?:s|ed)?\s+off)\s+"
    r"(?:(?:his|her|their|the)\s+(?:\w+\s+)?(?:trip|tour|visit|journey)\s+)?in\b",
    re.IGNORECASE)
LAST_STOP = re.compile(
    r"\b(?:last|final)\s+(?:stop|leg|destination)\b|\bwrap(?:s|ped|ping)?\s+up\b|"
    r"\b(?:end|conclude|finish|cap|close)(?:s|d|ed|ing)?\s+(?:off\s+)?(?:his|her|their|the)\s+"
    r"(?:trip|tour|visit|journey|travels)\b", re.IGNORECASE)
ENDS_A_FIRST = re.compile(r"(?<!\s)\s+(?:up\s+)?(?:(?:the|his|her|their)\s+)?first\b",
                          re.IGNORECASE)
LOCATIVE = re.compile(r"\b(?:in|at)\s+" + THE_CITY_OF, re.IGNORECASE)
NAME_GOES_ON = re.compile(r"(?<![ \t])[ \t]++[A-Z]")
# A venue's name (capitalised words, perhaps its initials in brackets), then a comma: the
# city comes next ("State House, Dar es Salaam")
VENUE_THEN_CITY = re.compile(r"(?:[A-Z][\w'’.-]*+[ \t]++){0,6}+[A-Z][\w'’.-]*+"
                             r"(?:[ \t]++\([A-Z]{2,6}\))?+,[ \t]++")
ACTIVITY = re.compile(
    r"\b(?:meet(?:s|ing|ings)?|met|attend(?:s|ed|ing)?|summit|talks|hold(?:s|ing)?|held|"
    r"host(?:s|ed|ing)?|take\s+part|took\s+part|participat\w*|arriv\w*|visit\w*|travel\w*|"
    r"press\s+conference|news\s+conference|ministerial|conference|speech|lead\s+the|"
    r"chair\w*|engagements?|stay\w*|be|"
    # ceremonial visits: "laid a wreath at the memorial in Nairobi", "addressed parliament"
    r"laid|lay(?:s|ing)?|wreath|address(?:es|ed|ing)?|spoke|speak(?:s|ing)?|"
    r"inspect\w*|greet(?:s|ed|ing)?|welcom\w*|receiv\w*|banquet|ceremony|audience|"
    r"lunch\w*|dine|dined|dinner)\b", re.IGNORECASE)
# How far (in words) "in X" may trail the activity it locates: "attend the Council of
# Europe Summit in Iceland" is six words on; "discussed ... the Wagner group in Mali" is not
# an activity at all.
LOCATIVE_REACH = 7
CLAUSE_START = re.compile(r"(?:^|[,;—–]\s*|\b(?:and|while|where|when)\s+)$", re.IGNORECASE)
# An itinerary line: "- Monday, October 3: Bogotá, Colombia", "Day 2 – Tokyo"
ITINERARY_LINE = re.compile(
    r"^[\s\-–•*·]*+(?:\d+[.)]\s*)?(?:Day\s+\d+|(?:(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day"
    r"(?:\s*(?:-|–|to|and)\s*(?:Mon|Tues|Wednes|Thurs|Fri|Satur|Sun)day)?,?\s*)?"
    r"(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)[a-z]*\.?\s+\d{1,2}"
    r"(?:st|nd|rd|th)?(?:\s*(?:-|–|to|and)\s*\d{1,2}(?:st|nd|rd|th)?)?|\d{1,2}(?:st|nd|rd|th)?"
    r"(?:\s*(?:-|–|to|and)\s*\d{1,2})?\s+(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
    r"[a-z]*)?)(?:,?\s*\d{4})?\s*[:–—-]\s*(?:(?:travel|arrive|visit|stop)s?\s+(?:to|in)\s+)?",
    re.IGNORECASE)
DATE_BEFORE = re.compile(r"(?:\b\d{1,2}(?:st|nd|rd|th)?|day)\s*,?\s*$", re.IGNORECASE)
DATE_AFTER = re.compile(
    r"^[\s,]*(?:on|from|between|this|next|later|today|tomorrow|(?:Mon|Tues|Wednes|Thurs|Fri|"
    r"Satur|Sun)day|(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\w*)\b", re.IGNORECASE)
# "investment in the UK", "the war in Ukraine": nouns whose "in X" is not where anyone goes.
BLOCKED_BEFORE_IN = re.compile(
    r"\b(?:war|crisis|conflict|situation|investments?|interests?|presence|involvement|role|"
    r"elections?|protests?|violence|fighting|troops|forces|operations|stability|peace|"
    r"democracy|rights|trafficking|production|growth|inflation|jobs|businesses|companies|"
    r"prices|embassy|invasion|aggression|attacks?|people|refugees|migrants|cases|deaths|"
    r"born|based|invest|trade|markets?|economy|reforms?|abuses|victims|farmers|"
    r"unrest|tensions|coup|detained|imprisoned|jailed|held|hostages?|power|border|"
    r"mission|missions|ambitions?|strategy|policy|line|"
    # "expected to be back in Washington": a return, not a stop
    r"back|home)\s+(?:in|at)\s+$",
    re.IGNORECASE)
# A city name that starts a venue's name ("Lusail Palace", "Narita Airport")
VENUE_NOUN = re.compile(r"(?<!\s)(?:\s+[A-Z][a-z'’]+){0,2}\s+(?:Palace|Hotel|Airport|Stadium|"
                        r"Castle|Mosque|Cathedral|Square|Air\s+Base|Airbase)\b")
AIRFIELD = re.compile(r"Airport|Air\s+Base|Airbase")
# ("having attended a conference in X": a perfect participle tells an earlier leg too)
# ("after a two-day visit to X", "following talks in X", "after stops in X and Y": a trip
# noun or a meeting after "after"/"following" is an earlier leg; so is a stay counted in
# days: "after two days in X", "after a week in Y")
AFTER_CLAUSE = re.compile(r"\bhaving\s+\w+(?:ed|en|d)\b|"
                          r"\bafter\s+\w+ing\b|"
                          r"\b(?:after|following)\s+(?:(?:a|an|his|her|their)\s+)?"
                          r"(?:[\w-]+\s+){0,2}?(?:visits?|stops?|stopovers?|trips?|talks|"
                          r"meetings?|days|nights|weeks?)\s+(?:to|in)\b", re.IGNORECASE)
# ("BOAO (Hainan), March 30 (Bernama) --": a province in brackets may follow the place)
DATELINE = re.compile(r"^\s*(?P<place>[A-Z][A-Z .'’-]{2,40}?)(?:\s\([A-Z][A-Za-z ]{1,30}\))?"
                      r"(?:,\s*[A-Z][\w .]+?)?\s*"
                      r"(?:\([A-Za-z ]+\))?\s*(?:[:—–]|-{1,2})\s+")


@dataclass(frozen=True)
class VisitSignal:
    """Evidence that the traveller is at `code` (and `city`, when named)."""

    code: str
    city: Place | None
    sentence: int
    position: int  # offset of the place name in the text
    end: int
    strength: str  # "cue" | "stop-words" | "locative" | "leader" | "dateline"
    list_index: int = 0  # position within a listed itinerary ("X, Y and Z")
    list_size: int = 1
    first: bool = False
    last: bool = False
    text: str = ""
    venue: str | None = None  # the venue that located the city ("Casa Narino palace")
    # "arrived in Manila after attending APEC in Bangkok": Bangkok comes before the place
    # named at this offset
    precedes: int = -1
    # "From Belgium she will travel to London": the stop it comes right after
    follows: Place | None = None
    # "He will then be back in X on Sunday": a return to an earlier stop, a stop of its own
    # (`returns.add_returns`)
    returns: bool = False


# A programme's timed item: a clock time ("14.00", "10:30", "9h30", "10.30-11.15") opening a
# short line that is no sentence, "12.30  The English Market, Cork"
PROGRAMME_ITEM = re.compile(r"^\s*\d{1,2}[.:h]\d{2}(?:\s*[-–]\s*\d{1,2}[.:h]\d{2})?\s+(?=\S)")
PROGRAMME_ITEM_WORDS = 14


def programme_item(line: str) -> bool:
    """Whether `line` is a timed item of a programme: a clock time, then a few words naming
    what happens where ("10.30  Rock of Cashel, Co. Tipperary"), not a sentence of news
    after a live blog's time stamp ("15:47 Breaking: the minister has landed in X.")."""
    item = PROGRAMME_ITEM.match(line)
    if item is None:
        return False
    rest = line[item.end():].strip()
    # (an abbreviation inside is fine: "Kildare, Co. Kildare")
    return len(rest.split()) <= PROGRAMME_ITEM_WORDS and not rest.endswith(".") and \
        ":" not in rest


def visit_signals(sentence_index: int, text: str, start: int, end: int,
                  mentions: list[PlaceMention], heading: bool = False) -> list[VisitSignal]:
    """Visit evidence in one sentence."""
    signals: list[VisitSignal] = []
    sentence = text[start:end]
    first_match = FIRST_STOP.search(sentence)
    first = first_match is not None
    # ("arrived in Y, the second leg of a tour that began in X": the place right after
    # "began in" is the first, wherever the sentence names it)
    first_place = next((m.start for m in mentions if first_match is not None
                        and first_match.group(0).lower().endswith("in")
                        and 0 <= m.start - (start + first_match.end()) <= 5), None)
    # ("wrapping up the first leg of a tour": the end of the first stop, not the last)
    last = any(not ENDS_A_FIRST.match(sentence, m.end()) for m in LAST_STOP.finditer(sentence))
    taken: set[int] = set()

    def add(run: list[PlaceMention], strength: str) -> None:
        grouped = group_city_country(run)
        for n, (code, city, mention) in enumerate(grouped):
            if mention.start in taken:
                continue
            if ruled_out(text, start, end, mention):
                continue
            venue = VENUE_NOUN.match(text, mention.end) if strength == "locative" else None
            if venue and city and (AIRFIELD.search(venue.group(0)) or any(
                    m.kind == "city" and m.start != mention.start
                    and not VENUE_NOUN.match(text, m.end) for m in mentions)):
                # "flew to Doha, where he met the emir at Lusail Palace": a venue inside the
                # city the sentence names, not another city stop; with no other city named
                # ("flew to Indonesia, and the President welcomed him at the Bogor Palace")
                # the venue's town is where the traveller is; an airport often bears the
                # name of a city it only serves
                city = None
                if any(m.end <= mention.start and m.kind in {"city", "country"}
                       and m.place.code != code for m in mentions):
                    # ... of the place the sentence named before it, whatever country a
                    # namesake city is in ("landed in Lisbon and was received at the Belem
                    # Palace")
                    continue
            taken.add(mention.start)
            signals.append(VisitSignal(code, city, sentence_index, mention.start, mention.end,
                                       strength, n, len(grouped), first and n == 0,
                                       last and n == len(grouped) - 1, mention.text,
                                       mention.text if mention.kind == "venue" else None))

    line = ITINERARY_LINE.match(sentence)
    if line and line.end() > 0 and re.search(r"\d|day", line.group(0), re.IGNORECASE):
        run = place_list_after(start + line.end(), mentions, text, end)
        if run:
            add(run, "cue")
    for cue in TRAVEL_CUE.finditer(text, start, end):
        run = place_list_after(cue.end(), mentions, text, end)
        if run:
            add(run, "cue")
    for stop_words in STOP_WORDS.finditer(text, start, end):
        # "the next stops ... are Chile and Peru", "his first stop, Amman"
        link = STOP_LINK_AFTER.match(text, stop_words.end(), end)
        if link:
            run = place_list_after(link.end(), mentions, text, end)
            if run:
                add(run, "stop-words")
        # "Colombia is the first stop", "Tokyo, the first leg"
        lead_in = STOP_LINK_BEFORE.search(text, start, stop_words.start())
        if lead_in:
            named = [m for m in mentions if m.end <= lead_in.start() and place_code(m)]
            if named and not text[named[-1].end:lead_in.start()].strip(" ,"):
                first_of_run = named[-1]
                for m in reversed(named[:-1]):
                    if LIST_FILLER.fullmatch(text[m.end:first_of_run.start]):
                        first_of_run = m
                    else:
                        break
                add([m for m in named if m.start >= first_of_run.start], "stop-words")
    # activities in a relative clause ("the truce, which has now held") locate nothing
    relative = re.search(r",\s*(?:which|who)\b", text[start:end])
    main_end = start + relative.start() if relative else end
    activities = [m.end() for m in ACTIVITY.finditer(text, start, main_end)]
    # (a colon or semicolon after the relative clause opens a new statement, whose
    # activities count: "his tour, which was to start today, is delayed: he is now
    # expected in X for talks")
    statement = re.compile(r"[:;]").search(text, main_end, end) if relative else None
    if statement:
        activities += [m.end() for m in ACTIVITY.finditer(text, statement.end(), end)]
    if activities or heading:
        for loc in LOCATIVE.finditer(text, start, end):
            if BLOCKED_BEFORE_IN.search(text[max(start, loc.start() - 30):loc.end()]):
                continue
            run = place_list_after(loc.end(), mentions, text, end)
            venue = VENUE_THEN_CITY.match(text, loc.end(), end) if not run else None
            if venue is not None:
                # "talks at State House, Dar es Salaam", "Arrival at the Julius Nyerere
                # International Airport (JNIA), Dar es Salaam": a venue, then its city
                # (the city's name whole: not "Pearl" of "USS Arizona Memorial, Pearl Harbor")
                run = [m for m in place_list_after(venue.end(), mentions, text, end)[:1]
                       if m.kind == "city" and not NAME_GOES_ON.match(text, m.end, end)]
            if not run:
                continue
            # "In Tokyo, the Secretary will meet ...", "met Duda in Warsaw", "the Summit in
            # Iceland", "... in Peru on Thursday": the place locates an activity
            opening = CLAUSE_START.search(text[max(start, loc.start() - 12):loc.start()])
            # names do not count towards the distance: "met with President Ferdinand Marcos
            # Jr. of the Philippines at Malacanang Palace in Manila" is four words on
            near = any(0 <= sum(1 for w in text[a:loc.start()].split() if not w[:1].isupper())
                       <= LOCATIVE_REACH for a in activities if a <= loc.start())
            dated = activities and (DATE_AFTER.match(text[run[-1].end:end]) or DATE_BEFORE.search(
                text[max(start, loc.start() - 30):loc.start()]))
            if heading or opening or near or dated:
                add(run, "locative")
    if programme_item(sentence):
        # "14.00  National Stud, Kildare, Co. Kildare": a timed item of a programme happens
        # where its line names a town (what `towns.add_towns` also reads as a destination)
        # (the place part, before a dash that says what is done there: "Trinity College
        # Dublin – the Book of Kells" is in Dublin)
        where = re.search(r"\s[–—-]\s", sentence)
        add([m for m in mentions if m.kind in {"city", "venue"}
             and (where is None or m.start < start + where.start())], "locative")
    dateline = DATELINE.match(sentence)
    if dateline:
        for mention in mentions:
            if mention.start - start < dateline.end() and place_code(mention):
                add([mention], "dateline")
                break
    for after in AFTER_CLAUSE.finditer(text, start, end):
        main = [sig for sig in signals if sig.position < after.start()
                and sig.strength != "dateline"]
        if not main:
            # "After stops in X and Y, she arrived in Z": the fronted clause's places, up to
            # its comma, come before the main clause's first ("After meeting Biden, he flew
            # to Tokyo": Tokyo is the main clause's)
            comma = text.find(",", after.end(), end)
            later = [sig for sig in signals if comma >= 0 and sig.position > comma
                     and sig.strength != "dateline"]
            if later:
                anchor = min(later, key=lambda sig: sig.position).position
                signals = [VisitSignal(**{**sig.__dict__, "precedes": anchor})
                           if after.start() < sig.position < comma and sig.precedes < 0
                           and sig.strength != "dateline" else sig for sig in signals]
            continue
        anchor = max(main, key=lambda sig: sig.position).position
        signals = [VisitSignal(**{**sig.__dict__, "precedes": anchor})
                   if sig.position > after.start() and sig.strength != "dateline" else sig
                   for sig in signals]
    signals = _after_origin(signals, mentions, text, start)
    if first and signals:
        # "will begin in New York, then travel to Washington": only the earliest is first
        earliest = min(sig.position for sig in signals if sig.strength != "dateline") \
            if any(sig.strength != "dateline" for sig in signals) else None
        if any(sig.position == first_place for sig in signals):
            earliest = first_place
        signals = [sig if not sig.first or sig.position == earliest else
                   VisitSignal(**{**sig.__dict__, "first": False}) for sig in signals]
    return signals


# "From Port Louis, he travels to ...", "after a short flight from Nairobi": the place before
# is where the traveller comes from
FROM_BEFORE = re.compile(r"\bfrom\s+(?:the\s+)?$", re.IGNORECASE)


def _after_origin(signals: list[VisitSignal], mentions: list[PlaceMention], text: str,
                  start: int) -> list[VisitSignal]:
    """Travel cues that name where the traveller comes from ("From X he will travel to Y"):
    Y's signal records X as the stop it follows."""
    origins = [m for m in mentions if place_code(m) and FROM_BEFORE.search(
        text, max(start, m.start - 12), m.start)]
    if not origins:
        return signals
    marked = []
    for sig in signals:
        origin = max((m for m in origins if m.end <= sig.position
                      and ";" not in text[m.end:sig.position]), key=lambda m: m.end,
                     default=None)
        if sig.strength == "cue" and origin is not None and origin.place.code != sig.code:
            sig = VisitSignal(**{**sig.__dict__, "follows": origin.place})
        marked.append(sig)
    return marked


def region_targets(text: str, start: int, end: int, mentions: list[PlaceMention]) -> int:
    """How many regions the sentence sends the traveller to ("his visit to Asia")."""
    starts = {m.start for m in mentions if m.kind == "region"}
    return sum(1 for cue in TRAVEL_CUE.finditer(text, start, end) if cue.end() in starts)

