"""The pipeline's traveller steps (see `trip.py`): who travels and from which home country
(`choose_traveller`), and the office holder's full name for a traveller the text names only
by office or surname (`name_by_office`, after the dates, since it needs the anchor day).
"""

from __future__ import annotations

from collections import Counter
from dataclasses import replace

from dashboard.extraction import office_holders
from dashboard.extraction.facts import SentenceFacts, TripState
from dashboard.extraction.grammar import token_at
from dashboard.extraction.headline_traveller import headline_subject_traveller, headline_traveller
from dashboard.extraction.home_country import home_country
from dashboard.extraction.office_subject import office_traveller
from dashboard.extraction.parse_steps import (
    first_person_leads,
    hosts_first_person_trip,
    office_of_header,
    speaker_of_first_person,
)
from dashboard.extraction.traveller import Traveller, pick_traveller, traveller_of
from dashboard.extraction.traveller_grammar import welcomed_by_the_speaker


def choose_traveller(state: TripState) -> None:
    """Who travels, and from which home country (never a stop when the text says so)."""
    text, active = state.text, state.active
    traveller = pick_traveller(active, text)
    speaker = speaker_of_first_person(active, state.article.title, text)
    if speaker is not None and speaker.surname != traveller.surname and (
            hosts_first_person_trip(active, traveller, text) or first_person_leads(active)) \
            and not _welcomed_by_the_speaker(active, traveller):
        traveller = traveller_of(speaker, active)
    elif speaker is None and traveller.name is None and first_person_leads(active):
        # "Departure Statement by Prime Minister": a first-person statement whose speaker
        # the header names only by office is that office's trip
        traveller = office_of_header(state.article.title) or traveller
    else:
        title = state.article.title
        traveller = headline_traveller(title, active, text, traveller) \
            or headline_subject_traveller(title, active, text, traveller) or traveller
        by_office = office_traveller(active, text, traveller)
        if by_office is not None:
            traveller, state.named_traveller = by_office
    state.traveller = traveller
    state.home, state.home_certain = home_country(traveller, active, text,
                                                  state.article.body_start)
    realm = office_holders.SOVEREIGNS.get((traveller.person.title if traveller.person
                                           else "").lower())
    if realm is not None:
        # "Pope Francis": a title that names its realm (the Holy See) says where home is
        state.home, state.home_certain = realm, True


def _welcomed_by_the_speaker(facts: list[SentenceFacts], traveller: Traveller) -> bool:
    """The one picked is the guest the speaker welcomes ("I want to welcome President X to
    the White House"): the speaker hosts, whatever earlier trips of their own they tell."""
    if not traveller.surname:
        return False
    for fact in facts:
        if fact.parse is None:
            continue
        for at in welcomed_by_the_speaker(fact.parse):
            token = token_at(fact.parse, at)
            if token is not None and token.text == traveller.surname:
                return True
    return False


def name_by_office(state: TripState) -> None:
    """A traveller the text names only by office ("Departure Statement by Prime Minister")
    or by title and surname ("Secretary Blinken") gets the office holder's full name on the
    anchor day, from `data/office_holders.csv`; a name the text gives in full is kept."""
    traveller = state.traveller
    if traveller is None or traveller.name is None:
        return
    office = office_holders.office_of(traveller.name)
    if traveller.surname is None and office is not None:
        if office == "secretary_general":
            where = office_holders.organisation_of(state.text)
        else:
            # (the countries and demonyms `find_mentions` already found, sentence by sentence)
            where = office_holders.acronym_country(traveller.name) or \
                office_holders.SOVEREIGNS.get(traveller.name.lower()) or state.home or \
                office_holders.office_country(
                state.text, traveller.name,
                [(m.place.code, m.start, m.end) for f in state.active for m in f.places
                 if m.kind in {"country", "demonym"}])
        name = office_holders.holder(where, office, state.anchor)
        if traveller.name.lower() in office_holders.SOVEREIGNS:
            _name_sovereign(state, traveller, office, where if name else None)
            return
    elif traveller.person is not None and len(traveller.person.name.split()) == 1 and (
            traveller.name in {traveller.person.name, traveller.person.display,
                               f"{traveller.person.title} {traveller.person.name}"}):
        # (only a name the text never gives in full: "Felipe Calderón Hinojosa" stays)
        named = frozenset({state.home} if state.home else {
            m.place.code for f in state.active for m in f.places
            if m.kind in {"country", "demonym"}})
        name = office_holders.full_name(traveller.surname, state.anchor,
                                        office_holders.office_of(traveller.person.title), named)
    else:
        return
    if name and len(name.split()) > 1:
        state.traveller = replace(traveller, name=name)
    else:  # (the office's holder is unknown: the name stays)
        _back_to_the_named_traveller(state)


def _name_sovereign(state: TripState, traveller: Traveller, office: str,
                    realm: str | None) -> None:
    """"The Queen opens ...", "The Pope flew to Havana": a sovereign's realm is seldom named
    beside the title. It is the title's own (the Pope's), else `realm` (found by the text),
    else the first country the text names that has a sovereign. The traveller gets the name
    the sovereign had on the day (a regnal name may be one word: "Francis") and that realm
    as home; with no sovereign found, the office stays the traveller (or the named traveller
    it stood in for comes back)."""
    realms = office_holders.MONARCHIES | set(filter(None, office_holders.SOVEREIGNS.values()))
    realm = realm if realm in realms else next(
        (code for code in _countries_by_mentions(state) if code in realms), None)
    name = office_holders.holder(realm, office, state.anchor)
    if name:
        # (the regnal name is what the text calls the sovereign by: "King Charles said")
        state.traveller = replace(traveller, name=name, surname=name.split()[0])
        state.home, state.home_certain = realm, True
    else:  # (no sovereign found: the name stays)
        _back_to_the_named_traveller(state)


def _back_to_the_named_traveller(state: TripState) -> None:
    """The named traveller an office stood in for comes back, with its own home, when the
    office's holder cannot be named; nothing changes when there was none."""
    if state.named_traveller is not None:
        state.traveller = state.named_traveller
        state.home, state.home_certain = home_country(state.traveller, state.active, state.text,
                                                      state.article.body_start)


def _countries_by_mentions(state: TripState) -> list[str]:
    """The countries of every place the body names (cities too), most named first."""
    counts = Counter(m.place.code for f in state.active for m in f.places if m.place.code)
    return [code for code, _n in counts.most_common()]
