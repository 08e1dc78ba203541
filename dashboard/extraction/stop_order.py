"""The order of the stops: "first stop" first and "end the trip in" last, otherwise where the
text first describes each stop, with an itinerary the text lists in order, dates in order,
and places told as origins ("arrived in X from Y") put before their destinations. Used by
`trip.build_itinerary` and `trip.date_stops`.
"""

from __future__ import annotations

import re
from itertools import groupby

from dashboard.extraction.facts import SentenceFacts, StopDraft
from dashboard.extraction.itinerary import stop_for_place
from dashboard.extraction.places import PlaceMention
from dashboard.extraction.visits import region_targets


def order_key(draft: StopDraft, overview: set[int],
              reading: dict[int, int] | None = None) -> tuple:
    """"First stop" first and "end his trip in" last; otherwise where the text first
    describes the stop in detail, overview sentences counting only for stops never detailed.
    `reading` re-ranks sentences of a page written newest entry first (`newest_first`)."""
    # a dateline says where the story was filed (often the latest stop), not where the trip
    # began: it orders a stop only when nothing else names it
    signals = [s for s in draft.signals if s.strength != "dateline"] or draft.signals
    detail = [s for s in signals if s.sentence not in overview]
    if any(s.first for s in draft.signals):
        first = (0,)
    elif any(s.last for s in draft.signals):
        first = (2,)
    else:
        first = (1,)
    rank = reading or {}
    chosen = min(detail or signals, key=lambda s: (rank.get(s.sentence, s.sentence),
                                                   s.list_index, s.position))
    return (*first, 0 if detail else 1, rank.get(chosen.sentence, chosen.sentence),
            chosen.list_index, chosen.position)


def overview_sentences(facts: list[SentenceFacts], lead: int | None) -> set[int]:
    """Headings, a lead that names several destinations (places or regions), and
    sentences that list three or more destinations without saying in what order ("will
    travel to X, Y and Z")."""
    overview = set()
    for fact in facts:
        n = fact.sentence.index
        codes = {s.code for s in fact.signals}
        sequenced = re.search(r"\b(?:then|next|after|before|followed by|later)\b",
                              fact.sentence.text, re.IGNORECASE)
        # (a lead that orders its places itself, "in X on Thursday, then flew on to Y", tells
        # the trip rather than summing it up)
        lead_overview = n == lead and not sequenced and len(codes) + region_targets(
            fact.sentence.text, 0, len(fact.sentence.text),
            [PlaceMention(m.text, m.start - fact.sentence.start, m.end - fact.sentence.start,
                          m.candidates) for m in fact.places]) >= 2
        if fact.sentence.heading or lead_overview or (len(codes) >= 3 and not sequenced) or (
                len(codes) >= 2 and not sequenced and fact.dates and any(
                    d.is_range for d in fact.dates)):
            overview.add(n)
    return overview


def order_stops(drafts: list[StopDraft], overview: set[int],
                reading: dict[int, int] | None = None) -> list[StopDraft]:
    """Travel order: text order (see `order_key`; `reading` for a page told newest entry
    first), then dated stops put in date order among the places they hold."""
    # an overview none of whose stops is told in detail later ("a tour of the Gulf ... the
    # leaders of X, Y and Z. On Friday ... in Vienna") keeps its order, ahead of stops first
    # named after it (unless a dateline says where the traveller already is: "BUDAPEST -
    # ... a tour that also includes X, Y and Z")
    overview_all = overview
    listed = [d for d in drafts if any(s.sentence in overview for s in d.signals)]
    if listed and not any(s.sentence not in overview for d in listed for s in d.signals
                          if s.strength != "dateline") and not any(
            s.strength == "dateline" for d in drafts for s in d.signals):
        overview = set()
    drafts = sorted(drafts, key=lambda d: order_key(d, overview, reading))
    drafts = after_origins(in_listed_order(drafts, overview_all))
    dated = [n for n, d in enumerate(drafts) if d.start is not None]
    chronological = _same_day_by_end(sorted(dated, key=lambda n: drafts[n].start), drafts)
    if dated != chronological:
        reordered = list(drafts)
        for slot, n in zip(dated, chronological, strict=True):
            reordered[slot] = drafts[n]
        drafts = reordered
        # (a stop that follows another, "hosted him a day after he met X in Kyiv", may have
        # been parted from it by the dates' slots: put it back where the dates allow)
        placed = after_origins(drafts)
        if _in_date_order(placed):
            drafts = placed
    # a stop named only as coming before another ("after attending X in Y", "arrived in Z
    # from Y", "Earlier on Friday he had been in Y") goes right before it, where the dates
    # do not say otherwise
    for draft in list(drafts):
        told = [s for s in draft.signals if s.strength != "dateline"]
        if not told or any(s.precedes < 0 for s in told):
            continue
        main = next((d for d in drafts if d is not draft and any(
            s.position == told[0].precedes for s in d.signals)), None)
        if main is None:
            continue
        moved = [d for d in drafts if d is not draft]
        moved.insert(moved.index(main), draft)
        if _in_date_order(moved):
            drafts = moved
    return drafts


def _same_day_by_end(order: list[int], drafts: list[StopDraft]) -> list[int]:
    """Stops starting on one day that one sentence dates (a programme's day heading:
    "Tuesday - X ... Evening: arrival in Y"), all with known ends, in the order of their
    ends: the one left that day came first, the one stayed on in came after. Others keep
    their order (a day trip out of a base city starts and ends the base's first day too)."""
    out: list[int] = []
    for _day, group in groupby(order, key=lambda n: drafts[n].start):
        same = list(group)
        shared = set.intersection(*(set(drafts[n].date_sentences) for n in same))
        if len(same) > 1 and shared and all(drafts[n].end is not None for n in same):
            same.sort(key=lambda n: drafts[n].end)
        out.extend(same)
    return out


def _in_date_order(drafts: list[StopDraft]) -> bool:
    starts = [d.start for d in drafts if d.start is not None]
    return starts == sorted(starts)


# The fewest destinations a list must name to give the travel order
LISTED_ORDER_SIZE = 2


def itinerary_list(drafts: list[StopDraft], overview: set[int]) -> list[int]:
    """The stops (indices into `drafts`) that the first overview sentence lists as
    destinations, in the order it names them ("visited X, Y and Z"; "to meet ministers of
    X, Y and Z"); [] when no overview sentence lists two or more stops."""
    for sentence in sorted(overview):
        named = sorted((sig.position, n) for n, d in enumerate(drafts) for sig in d.signals
                       if sig.sentence == sentence and sig.list_size >= LISTED_ORDER_SIZE
                       and sig.strength in {"cue", "stop-words"})
        stops = list(dict.fromkeys(n for _, n in named))
        if len(stops) >= LISTED_ORDER_SIZE:
            return stops
    return []


def in_listed_order(drafts: list[StopDraft], overview: set[int]) -> list[StopDraft]:
    """The stops an overview sentence lists take its order, in the places they hold among
    the others: releases and reports name a tour's countries in travel order, while their
    paragraphs often go by theme or from the latest stop back ("Foreign Secretary visited
    A, B, C, D and E" over sections on E, then D). Dates still decide among dated stops,
    and a stated origin ("From X he will travel to Y") after this."""
    listed = itinerary_list(drafts, overview)
    if not listed:
        return drafts
    slots = sorted(listed)
    reordered = list(drafts)
    for slot, n in zip(slots, listed, strict=True):
        reordered[slot] = drafts[n]
    return reordered


def after_origins(drafts: list[StopDraft]) -> list[StopDraft]:
    """A stop the text says the traveller reaches from another ("From Belgium she will
    travel to London") comes right after that one."""
    drafts = list(drafts)
    for draft in list(drafts):
        origin = next((stop_for_place(s.follows, drafts) for s in draft.signals
                       if s.follows is not None and s.strength != "dateline"
                       and stop_for_place(s.follows, drafts) is not None), None)
        if origin is None or drafts[origin] is draft:
            continue
        before = drafts[origin]
        drafts.remove(draft)
        drafts.insert(drafts.index(before) + 1, draft)
    return drafts
