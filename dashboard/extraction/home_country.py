"""The traveller's own country: what the text says of the traveller's office and home.

"U.S. Secretary of State ...", "Japan's Kishida", "the German chancellor's trip", "before
returning to Paris": votes for a country, with whether the text says it of the traveller
(rather than merely naming its institutions, which a visiting leader may well go to).
"""

from __future__ import annotations

import re
from collections import Counter

from dashboard.extraction import places as places_mod
from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.traveller import Traveller

OWN_OFFICE = re.compile(
    r"(?<!\s)(?:'s|’s)?\s+(?:chancellor|president|prime\s+minister|premier|foreign\s+minister|"
    r"foreign\s+secretary|secretary\s+of\s+state|leader|head\s+of\s+state)"
    r"(?P<trip>(?:'s|’s)\s+(?:\w+\s+)?(?:trip|visit|tour|journey|travels))?(?![\w-]|\s+(?-i:[A-Z]))",
    re.IGNORECASE)
# "the first public visit to Morocco by a serving Israeli prime minister": a visit by an
# office of that nationality is the traveller's own office
VISIT_BY_OFFICE = re.compile(r"\b(?P<visit>visit|trip|tour|journey)\b[^.;]{0,40}?\bby\s+"
                             r"(?:an?|the)\s+(?:(?:serving|sitting|incumbent)\s+)?$",
                             re.IGNORECASE)
# ... unless the visit is someone else's: "Prime Minister Modi's historic visit to the UAE,
# the first by an Indian Prime Minister"
OWNED_VISIT = re.compile(r"['’]s\s+(?:\w+\s+)?$")


def _visit_by_office(text: str, at: int) -> bool:
    match = VISIT_BY_OFFICE.search(text, max(0, at - 60), at)
    return match is not None and not OWNED_VISIT.search(
        text, max(0, match.start("visit") - 30), match.start("visit"))
TOUR_ENDS_FOR = re.compile(
    r"\bfor\s+(?P<place>[A-Z][\w'’ -]{1,30}?),?\s+(?:bringing\s+to\s+an?\s+(?:end|close)|"
    r"ending|concluding|wrapping\s+up|rounding\s+off|capping)\s+(?:[\w'’-]+\s+){0,4}?"
    r"(?:tour|trip|visit|journey)\b")
# A programme's closing line: "Departure for Athens.", "- Evening departure for London."
CLOSING_DEPARTURE = re.compile(r"^[\W\d]*(?:(?:morning|afternoon|evening|night)\s+)?"
                               r"departure\s+(?:from\s+[^,.;]{1,40}?\s+)?for\s+(?:the\s+)?",
                               re.IGNORECASE)
# A negation right before a return: "the Duke did not go back to Lesotho"
NOT_BEFORE = re.compile(r"\b(?:not|never|n't)\s+(?:\w+\s+){0,2}$", re.IGNORECASE)
RETURN_TO = re.compile(r"\b(?:return(?:s|ed|ing)?\s+(?:home\s+)?to|(?:back|home)\s+(?:to|in)|"
                       r"(?:fl(?:y|ies|ew|ying)|head(?:s|ed|ing)?)\s+(?:back|home)\s+to)\s+",
                       re.IGNORECASE)
# "President Tinubu and UAE President ...", "talks with the Kenyan President": an office
# joined to the traveller by "and", or the one a meeting word takes, is someone else's,
# whatever title the traveller has ("the first visit by a New Zealand Prime Minister" is
# still the traveller's own)
OTHERS_OFFICE = re.compile(r"\b(?:and|with|met|meets?|meeting|welcomed|received|hosted)\s+"
                           r"(?:the\s+|a\s+)?$", re.IGNORECASE)


def home_country(traveller: Traveller, facts: list[SentenceFacts], text: str,
                  body_start: int) -> tuple[str | None, bool]:
    """The traveller's own country, and whether the text says so of the traveller
    ("U.S. Secretary of State ...") rather than merely naming its institutions ("the White
    House", which a visiting leader may well go to)."""
    if traveller.home:
        return traveller.home, True
    votes: Counter[str] = Counter()
    own_office: set[str] = set()
    for code, _a, _b in home_marker_country(text[body_start:]):
        votes[code] += 1
    title = traveller.person.title if traveller.person else None
    if title in {"Secretary of State", "Deputy Secretary of State"}:
        votes["US"] += 1  # the usual bearer of that title in English-language news
    for fact in facts:
        # "a British Prime Minister" with no other name after it: the traveller's own office
        if not title:
            continue
        for mention in fact.places:
            # (on the same line: "... heads to India\nPrime Minister X will" is a headline
            # above a sentence, not an Indian Prime Minister)
            if mention.kind in {"demonym", "country"} and text[mention.end:mention.end + 1] == " " \
                    and text.startswith(title, mention.end + 1) and not OTHERS_OFFICE.search(
                    text, max(0, mention.start - 20), mention.start):
                after = text[mention.end + 1 + len(title):mention.end + 40 + len(title)]
                # (a name may follow in apposition: "the Thai Foreign Minister, X")
                named = re.match(r"(?<!\s),?\s+[A-Z]", after)
                theirs = traveller.surname and re.match(
                    r",?\s+(?:(?:[A-Z][\w'’-]*|[A-Z]\.)\s+){0,3}"
                    + re.escape(traveller.surname) + r"\b", after)
                if not named or theirs:
                    votes[mention.place.code] += 2
                    own_office.add(mention.place.code)
            # "Uachtarán na hÉireann | President of Ireland": the title of the country, with
            # no other name after it
            # (not someone else's: "will meet the President of Brazil")
            base = max(0, mention.start - len(title) - 12)
            office_of_country = re.search(
                rf"(?<![\w-]){re.escape(title)}\s+of\s+(?:the\s+)?$",
                text[base:mention.start])
            at = base + office_of_country.start() if office_of_country else 0
            if mention.kind == "country" and office_of_country and \
                    not _name_follows(text[mention.end:mention.end + 3]) and \
                    not OTHERS_OFFICE.search(text, max(0, at - 24), max(0, at)):
                votes[mention.place.code] += 2
                own_office.add(mention.place.code)
    if traveller.surname:
        # "Japan's Kishida", "Brazil's Lula heads to China", "China's new foreign minister
        # Qin Gang": the country the name belongs to (words of office between, no
        # preposition or conjunction: "Japan's talks with Kishida" is someone else's)
        for fact in facts:
            for mention in fact.places:
                if mention.kind == "country" and re.match(
                        r"(?:'s|’s)\s+(?:(?!(?:with|and|or|to|by|for|of|on|in|from|at|"
                        r"than)\b)[\w.'’-]+\s+){0,4}"
                        + re.escape(traveller.surname) + r"\b", text[mention.end:]):
                    votes[mention.place.code] += 2
                    own_office.add(mention.place.code)
    # "German chancellor's trip", "after 16 years as Germany's chancellor": a nationality on
    # the traveller's office with no other name after it
    for fact in facts:
        for mention in fact.places:
            if mention.kind not in {"demonym", "country"}:
                continue
            office = OWN_OFFICE.match(text, mention.end)
            # ("as the Canadian prime minister", "the first Canadian prime minister to
            # address ...", "the first time a South Korean president visits X": the
            # traveller's own office)
            if office and (office.group("trip") or re.search(
                    r"\b(?:as\s+(?:the\s+)?|the\s+first\s+(?:time\s+(?:that\s+)?(?:an?|the)\s+)?)$",
                    text[max(0, mention.start - 25):mention.start]) or (
                    traveller.surname and _visit_by_office(text, mention.start))):
                votes[mention.place.code] += 2
                own_office.add(mention.place.code)
    # "before returning to Paris", "flying home to Washington", "back in Washington by the
    # end of next week": where the trip ends is home (a weak vote: it may be someone else's)
    # ... but "flying back to Indonesia" after "flew to Indonesia" goes back to a stop
    sent_to: set[str] = set()
    sent_names: set[str] = set()
    headline_to: set[str] = set()
    for fact in facts:
        for match in RETURN_TO.finditer(text, fact.sentence.start, fact.sentence.end):
            if NOT_BEFORE.search(text, max(fact.sentence.start, match.start() - 30),
                                 match.start()):
                continue  # "did not go back to Lesotho": no return at all
            # ("returning to the United States": the article before the name)
            the = re.match(r"the\s+", text[match.end():match.end() + 8], re.IGNORECASE)
            at = match.end() + (the.end() if the else 0)
            place = next((m for m in fact.places if m.start == at
                          and m.kind in {"country", "city"}), None)
            says_home = "home" in match.group(0).lower()
            # ("Arrival in Windsor ... Return to Windsor": back to a stop, whatever country
            # each mention's namesake was given)
            if place is not None and not ((place.place.code in sent_to
                                           or place.text.lower() in sent_names)
                                          and not says_home):
                # ("flies home to Buenos Aires": the text says it is home, which outweighs a
                # venue that names a country, such as a visit to the Kremlin)
                votes[place.place.code] += 2 if says_home else 1
                # (going back to a place the trip never went to is going home: as sure as
                # an office, so the return's travel cue does not make it a stop; not "back
                # in" or "home in", which may be anyone's: "at her lakeside home in X")
                if re.match(r"return|fl|head", match.group(0), re.IGNORECASE):
                    own_office.add(place.place.code)
        # "left Beijing on Saturday for Riyadh, bringing to an end a month-long tour": the
        # place the tour ends by going to
        for match in TOUR_ENDS_FOR.finditer(text, fact.sentence.start, fact.sentence.end):
            place = next((m for m in fact.places if m.start == match.start("place")
                          and m.kind in {"country", "city"}), None)
            if place is not None:  # (as sure as an office: the trip ends by going home)
                votes[place.place.code] += 1
                own_office.add(place.place.code)
        if not fact.sentence.heading:  # (a headline sums up the whole trip, return and all)
            sent_to.update(sig.code for sig in fact.signals)
            sent_names.update(sig.text.lower() for sig in fact.signals)
        else:
            headline_to.update(sig.code for sig in fact.signals)
    # "Departure for Athens." as the programme's last line that goes anywhere, to a place
    # it never went before: the way home (as sure as an office)
    last = next((f for f in reversed(facts) if f.signals and not f.sentence.heading), None)
    opening = CLOSING_DEPARTURE.match(last.sentence.text) if last is not None else None
    if opening is not None:
        place = next((m for m in last.places if m.start == last.sentence.start + opening.end()
                      and m.kind in {"country", "city"}), None)
        earlier = {sig.code for f in facts if f is not last for sig in f.signals}
        if place is not None and place.place.code not in earlier:
            votes[place.place.code] += 2
            own_office.add(place.place.code)
    if votes:
        # (on a tie, what the text says of the traveller outweighs an institution it names:
        # "welcomed at the Elysee Palace ... is returning to Berlin tonight")
        ranked = sorted(votes, key=lambda c: (votes[c], c in own_office), reverse=True)
        code = ranked[0]
        # a trip goes somewhere: a home that every place the text sends the traveller to is
        # in leaves no trip, so the runner-up is home ("received at the White House ... fly
        # aboard Air Force One to Toledo, before returning to Mexico City")
        # (`sent_to`: the places of every sentence but the headline, gathered above)
        if sent_to and sent_to <= {code} and len(ranked) > 1:
            code = ranked[1]
        elif (sent_to or headline_to) <= {code} and (sent_to or headline_to) and \
                code not in own_office:
            # (nothing else to fall back on, and only institutions the text names say it,
            # headlines counted: "Howard in Washington ... a few blocks from the White
            # House" is where the visitor is, not home)
            return None, False
        return code, code in own_office
    return None, False


def _name_follows(after: str) -> bool:
    """Whether a name follows on the same line (", Michael D. Higgins", " Higgins")."""
    rest = after.removeprefix(",")
    return rest[:1] in {" ", "\t"} and rest.lstrip(" \t")[:1].isupper()


def home_marker_country(text: str) -> list[tuple[str, int, int]]:
    """(country, start, end) for each institution that names a home country ('White House')."""
    gaz = places_mod.gazetteer()
    hits = []
    folded = text.replace("’", "'")
    for key, code in gaz.home_markers.items():
        for match in re.finditer(r"\b" + re.escape(key) + r"\b", folded, re.IGNORECASE):
            hits.append((code, match.start(), match.end()))
    return hits
