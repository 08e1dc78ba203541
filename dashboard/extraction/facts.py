"""What the extractor knows about each sentence and each stop while it assembles a trip."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from dashboard.extraction import dates as dates_mod
from dashboard.extraction import meeting_grammar
from dashboard.extraction import places as places_mod
from dashboard.extraction.people import PersonMention, meeting_objects
from dashboard.extraction.places import PlaceMention
from dashboard.extraction.sentences import Sentence
from dashboard.extraction.visits import VisitSignal

if TYPE_CHECKING:
    from spacy.tokens import Span

    from dashboard.extraction.traveller import Traveller
    from dashboard.models import Article


@dataclass
class SentenceFacts:
    """One sentence and what was found in it."""

    sentence: Sentence
    places: list[PlaceMention] = field(default_factory=list)
    people: list[PersonMention] = field(default_factory=list)
    dates: list[dates_mod.DateMention] = field(default_factory=list)
    signals: list[VisitSignal] = field(default_factory=list)
    stops: list[int] = field(default_factory=list)  # stops the sentence names
    context: int | None = None  # the stop it is about (named or carried over)
    trip_scope: bool = False
    earlier_trip: bool = False  # only about an earlier trip ("visited Washington last month")
    others_travel: bool = False  # its only travel is someone else's ("Scholz visited Israel")
    # places of the sentence someone else goes to, as (start, end) offsets ("X to travel to
    # Fiji on 26 February, before travelling to Tonga with me": Fiji)
    others_legs: list[tuple[int, int]] = field(default_factory=list)
    stay_days: int = 0  # "arrived on Thursday for a two-day visit": the stay's stated length
    parse: Span | None = None  # the sentence's tokens in the parsed article (see nlp.py)
    met: list[tuple[int, int]] | None = None  # spans of people met (see `met_objects_of`)
    met_parse: list[tuple[int, int]] = field(default_factory=list)  # the same, by the parse
    first_person: bool = False  # the parse sends "I" or "we" somewhere


@dataclass
class StopDraft:
    """A stop being assembled (becomes a `models.Stop`)."""

    code: str
    city: places_mod.Place | None
    signals: list[VisitSignal] = field(default_factory=list)
    city_basis: str = ""
    city_evidence: list[int] = field(default_factory=list)
    start: date | None = None
    end: date | None = None
    start_stated: bool = False
    end_stated: bool = False
    date_sentences: list[int] = field(default_factory=list)
    stay_end: date | None = None  # the last day of a stated stay length, if it fits
    # every date it has says only when the traveller got there or was seen there (an
    # arrival, a live blog's time stamp): the end stays open unless stated
    open_end: bool = False
    leaders: dict[str, tuple[PersonMention, int]] = field(default_factory=dict)


def met_objects_of(fact: SentenceFacts, text: str) -> list[tuple[int, int]]:
    """Character spans of the people the sentence's meeting words take as objects: the
    parse's (`meeting_grammar.met_objects`, added by the pipeline step) and the cue patterns'."""
    if fact.met is None:
        fact.met = meeting_objects(text, fact.sentence.start, fact.sentence.end)
        if fact.parse is not None:
            # (a cue's object ends with a clause fronted before the main verb: "After
            # meeting X in Nairobi, <traveller> flew to Y" does not meet the traveller)
            fact.met = [(a, min(b, meeting_grammar.fronted_clause_end(fact.parse, a) or b))
                        for a, b in fact.met]
    return fact.met


@dataclass
class TripState:
    """One article on its way through the pipeline (`trip.STEPS`): the document and the
    facts so far. Each step reads what earlier steps set and adds its own part."""

    article: Article
    text: str
    early_trailers: bool = True  # see `sentences.split_sentences`
    sentences: list[Sentence] = field(default_factory=list)
    facts: list[SentenceFacts] = field(default_factory=list)
    active: list[SentenceFacts] = field(default_factory=list)  # facts of non-clutter sentences
    traveller: Traveller | None = None
    # the named traveller an office stood in for ("The Secretary-General left ..."), taken
    # back when the office holder cannot be named (see `office_subject.py`)
    named_traveller: Traveller | None = None
    home: str | None = None
    home_certain: bool = True
    anchor: date | None = None  # the date relative days and missing years resolve against
    drafts: list[StopDraft] = field(default_factory=list)
    overview: set[int] = field(default_factory=set)
    sections: set[int] = field(default_factory=set)  # a programme's place headings
    leader_stop: dict[str, int] = field(default_factory=dict)
    used_dates: list[tuple[int, dates_mod.DateMention]] = field(default_factory=list)
    inferred: list[bool] = field(default_factory=list)
