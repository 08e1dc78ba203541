"""Which city a place name means, and the city of each stop.

`keep_city` chooses among a name's GeoNames candidates (a "City, Country" pair, capitals,
population, the countries the sentence and the article name); `sentence_places` keeps the
places of one sentence that are not part of a person's name; `fill_cities` gives stops whose
travel cues named no city one from a venue or from a sentence about the stop.
"""

from __future__ import annotations

import re
from functools import cache

from dashboard.extraction import places as places_mod
from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.itinerary import stop_for_place
from dashboard.extraction.name_runs import FACILITY_WORDS
from dashboard.extraction.people import PersonMention
from dashboard.extraction.places import PlaceMention, find_places
from dashboard.extraction.stop_grammar import describes_someone

CITY_MIN_POPULATION = 100_000
# a bigger city inside a longer name is still the city: "the Munich Security Conference"
LANDMARK_TOWN_MAX_POPULATION = 500_000
US_STATE_AFTER = re.compile(r",[ \t]*([A-Z][a-z]+(?:[ \t][A-Z][a-z]+)?)\b")


def keep_city(mention: PlaceMention, text: str, article_codes: set[str],
               sentence_codes: set[str], dateline_names: frozenset[str] = frozenset()
               ) -> PlaceMention | None:
    """Choose among a city name's candidates, or drop it when it is probably not a place.
    `dateline_names`: normalised names of the article's datelines that name no US state."""
    words = mention.text
    if words.isupper() and len(words) <= 3:
        return None
    cities = [p for p in mention.candidates if p.kind == "city"]
    if not cities:
        return mention
    following = text[mention.end:mention.end + 60]
    if places_mod.normalize(words) in dateline_names or \
            stateless_dateline(mention, text, following):
        # "GENEVA, Jan 16 (wire) -": a US dateline names its state unless the city is one
        # of the big ones (AP Stylebook, "datelines"), so no small US town is meant
        cities = [p for p in cities if p.code != "US" or p.population >= CITY_MIN_POPULATION
                  ] or cities
    if re.match(r"(?<!\s)\s+of\s+(?:the\s+)?[A-Z]", following):
        return None  # "the Temple of Heaven": part of a longer name, not the city Temple
    named_country = None
    if following.startswith(","):
        after = find_places(following, 1, len(following))
        if after and after[0].kind == "country" and not following[1:after[0].start].strip():
            named_country = after[0].place.code
        state = US_STATE_AFTER.match(following)
        if named_country is None and state and places_mod.normalize(
                state.group(1)) in places_mod.gazetteer().us_states:
            named_country = "US"  # "Williamsburg, Virginia": a US state says the country

    def score(place: places_mod.Place) -> float:
        # "Lima, Peru" settles it; otherwise capitals and big cities, nudged by countries
        # the sentence or the article names ("Washington" is the US capital even when
        # Britain is mentioned, not the English town)
        if place.code == named_country:
            return float("inf")
        weight = float(place.population or 1)
        official, written = places_mod.normalize(place.name), places_mod.normalize(words)
        # (the first words of the official name are the name shortened, not another
        # spelling: "Santa Cruz" for Santa Cruz de la Sierra, "Frankfurt" for Frankfurt am Main)
        if official != written and not official.startswith(written + " "):
            # matched by an alternate name only: "Bethlehem" is not Belém in Brazil when
            # a town of that very name exists ("Kiev", with no such rival, is still Kyiv)
            weight *= 0.01
        if places_mod.is_capital(place):
            weight *= 100
        if place.code in sentence_codes:
            # (a country the sentence names outweighs a bigger namesake's: "his home town of
            # Oyo" in a sentence on the Republic of the Congo is not Nigeria's Oyo)
            weight *= 100
        elif place.code in article_codes:
            # (a page on a state visit to the United Kingdom means Windsor, England, though
            # Windsor, Ontario is seven times its size; x3 left it to Ontario: set22 0.683 ->
            # 0.699, set6, set8, set17, set19 up too)
            weight *= 10
        return weight

    # on a tie (both in the named country), the entry of that exact name: "New Delhi" is New
    # Delhi, not Delhi (which also lists "New Delhi" among its alternate names)
    best = max(cities, key=lambda p: (score(p), places_mod.normalize(p.name)
                                      == places_mod.normalize(words)))
    confirmed = best.code == named_country or best.code in sentence_codes \
        or names_its_country(best)
    if best.population < CITY_MIN_POPULATION and not confirmed \
            and best.code not in article_codes:
        return None
    if not confirmed and best.code not in article_codes and \
            best.population < LANDMARK_TOWN_MAX_POPULATION and in_a_longer_name(mention, text):
        return None  # "the Irrawaddy Delta", "Westminster Cathedral": no town abroad
    others = tuple(p for p in mention.candidates if p is not best)
    return PlaceMention(mention.text, mention.start, mention.end, (best, *others))


# what follows a dateline's city: a date, an agency in brackets, or the dash
DATELINE_AFTER = re.compile(r"(?<![ \t])(?:,[ \t]*+[A-Z][a-z]{2,8}\.?[ \t]++\d|[ \t]*+\(|"
                            r"[ \t]*+(?:[—–]|--?)[ \t])")


def stateless_dateline(mention: PlaceMention, text: str, following: str) -> bool:
    """The mention opens its line as a dateline in capitals ("GENEVA, Jan 16 (wire) -",
    "GENEVA (Reuters) -") with no state after it."""
    line_start = text.rfind("\n", 0, mention.start) + 1
    return not text[line_start:mention.start].strip() and mention.text.isupper() and \
        DATELINE_AFTER.match(following) is not None


# a capitalised word right before the name (not after a sentence's end) or right after it
NAME_WORD_BEFORE = re.compile(r"(?<![.!?:;\"“])\s[A-Z][\w'’-]*[ \t]$")
NAME_WORD_AFTER = re.compile(r"(?<![ \t])[ \t]+[A-Z][a-z]")


def in_a_longer_name(mention: PlaceMention, text: str) -> bool:
    """Whether a town name is one word of a longer proper name: a capitalised word right
    before it ("the Irrawaddy Delta", "NASA Ames") or right after it ("Westminster
    Cathedral"). Only asked of a town in a country the article never names, where such a
    run is a landmark or a body, not a visit abroad."""
    before = text[max(0, mention.start - 40):mention.start]
    word = NAME_WORD_BEFORE.search(before)
    # ("Marine Corps Air Station Iwakuni": a facility named after the town it stands in)
    if word and word.group(0).strip().lower() not in FACILITY_WORDS | {"base", "camp", "fort"}:
        return True
    return bool(NAME_WORD_AFTER.match(text, mention.end))


def settle_country(mention: PlaceMention, article_codes: set[str]) -> PlaceMention:
    """A name two countries share ("Congo", see data/places.toml) means the one the article
    names unambiguously elsewhere (`article_codes`: "Congolese", "Republic of Congo"), else
    the first listed."""
    named = [p for p in mention.candidates if p.kind in {"country", "demonym"}
             and p.code in article_codes]
    if len({p.code for p in named}) != 1:
        return mention
    best = named[0]
    return PlaceMention(mention.text, mention.start, mention.end,
                        (best, *(p for p in mention.candidates if p is not best)))


def names_its_country(city: places_mod.Place) -> bool:
    """The city's name holds its country's name ("Vatican City", "Kuwait City", "Panama
    City", "San Marino"): the name says which country, however small the city."""
    country = places_mod.normalize(places_mod.country_name(city.code))
    return bool(country) and re.search(rf"\b{re.escape(country)}\b",
                                       places_mod.normalize(city.name)) is not None


def names_a_place(person: PersonMention, raw: list[PlaceMention]) -> bool:
    """An untitled "name" that is a place ("met Buenos Aires officials") or starts with a
    country or demonym ("met Saudi Aramco executives")."""
    for mention in raw:
        if mention.end <= person.name_start or mention.start >= person.end:
            continue
        if mention.kind != "city" or (mention.start <= person.name_start
                                      and mention.end >= person.end):
            return True
    return False


def sentence_places(text: str, raw: list[PlaceMention], people: list[PersonMention],
                     article_codes: set[str], span: tuple[int, int] | None = None,
                     dateline_names: frozenset[str] = frozenset()) -> list[PlaceMention]:
    """The sentence's place mentions (`raw`, from `find_places`), with each town's namesake
    chosen and doubtful towns dropped (see `keep_city`); `span` is the sentence's (start,
    end) in `text`, where a US state it names ("the small Iowa town") confirms a US town;
    `dateline_names` as for `keep_city`."""
    name_spans = [(p.name_start, p.end) for p in people]
    sentence_codes = {m.place.code for m in raw if m.kind in {"country", "demonym"}}
    if span is not None and us_state_named(text[span[0]:span[1]]):
        sentence_codes.add("US")
    kept = []
    for mention in raw:
        if any(a <= mention.start < b for a, b in name_spans):
            continue  # "Antony" in "Antony Blinken" is not the French town
        if mention.kind == "city" and _names_an_outlet(mention, text):
            continue  # "state news agency Xinhua said", "BEIJING (Xinhua) --": the agency
        if mention.kind == "city":
            mention = keep_city(mention, text, article_codes, sentence_codes, dateline_names)
            if mention is None:
                continue
        elif len(mention.countries) > 1:
            mention = settle_country(mention, article_codes)
        kept.append(capital_named_by_nationality(mention, text) or mention)
    return kept


# "news agency Xinhua", "the broadcaster Al Arabiya": an outlet's name after its kind
OUTLET_BEFORE = re.compile(r"\b(?:news\s+agency|agency|broadcaster|newspaper|daily|channel|"
                           r"radio|television)[ \t]++$", re.IGNORECASE)
# "BEIJING (Xinhua) --", "SEOUL, Aug. 3 (Yonhap) -": a dateline's agency in brackets
AGENCY_BRACKETS = re.compile(r"^[ \t]*+[A-Z][A-Z.'’ -]*+(?:,[^(\n]{0,30}+)?[ \t]*+\($")


def _names_an_outlet(mention: PlaceMention, text: str) -> bool:
    """The town name is a news outlet's: right after "news agency" (or another outlet's
    kind), or in the brackets after a dateline."""
    if OUTLET_BEFORE.search(text, max(0, mention.start - 30), mention.start):
        return True
    if text[mention.end:mention.end + 1] != ")":
        return False
    line_start = text.rfind("\n", 0, mention.start) + 1
    return AGENCY_BRACKETS.match(text[line_start:mention.start]) is not None


@cache
def _us_state_pattern() -> re.Pattern[str]:
    # (not Georgia, a country too, nor Washington, a city the scores already weigh)
    names = sorted((n for n in places_mod.gazetteer().us_state_names
                    if n not in {"Georgia", "Washington"}), key=len, reverse=True)
    return re.compile(r"\b(?:" + "|".join(re.escape(n) for n in names) + r")\b")


def us_state_named(sentence: str) -> bool:
    return _us_state_pattern().search(sentence) is not None


# "the Ethiopian capital", "Kenya's capital": the country's capital city, unless its name
# follows ("the Ukrainian capital Kyiv", which the gazetteer reads itself)
CAPITAL_AFTER = re.compile(r"(?<!\s)(?:'s|’s)?\s+capital(?:\s+city)?\b(?!\s*(?:,\s*)?[A-Z])")


def capital_named_by_nationality(mention: PlaceMention, text: str) -> PlaceMention | None:
    """A city mention for "the <demonym> capital" / "<Country>'s capital" (spanning from the
    nationality to "capital", candidates: the country's capital from the gazetteer), or None
    when `mention` is not followed by "capital"."""
    if mention.kind not in {"demonym", "country"}:
        return None
    after = CAPITAL_AFTER.match(text, mention.end)
    if not after:
        return None
    capital = places_mod.capital_of(mention.place.code)
    if capital is None:
        return None
    return PlaceMention(text[mention.start:after.end()], mention.start, after.end(), (capital,))


def fill_cities(drafts: list[StopDraft], active: list[SentenceFacts]) -> None:
    """Cities for stops whose travel cues named none: a venue in the text ("Casa Narino
    palace" -> Bogotá), else a city of the stop's country named in a sentence about the stop
    ("the Vilnius summit"). The capital fallback comes later, marked inferred."""
    for fact in active:
        for mention in fact.places:
            if mention.kind != "venue":
                continue
            target = stop_for_place(mention.place, drafts)
            if target is not None and drafts[target].city is None and mention.place.city:
                venue = mention.place
                drafts[target].city = places_mod.Place("city", venue.code, venue.city,
                                                       venue.lat, venue.lon)
                drafts[target].city_basis = f"venue: {mention.text}"
                drafts[target].city_evidence.append(fact.sentence.index)

    for n, draft in enumerate(drafts):
        if draft.city is not None:
            continue
        for fact in active:
            if n not in fact.stops and fact.context != n:
                continue
            # (not a city that only says who someone quoted is: "an analyst in Lagos")
            named = next((m for m in fact.places if m.kind == "city"
                          and m.place.code == draft.code
                          and not describes_someone(fact.parse, m.start)), None)
            if named is not None:
                draft.city = named.place
                draft.city_basis = f"named: {named.text}"
                draft.city_evidence.append(fact.sentence.index)
                break
