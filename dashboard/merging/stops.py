"""Merge the stops of one trip's articles into one itinerary with per-fact provenance.

Same visit: two stops of different articles are one visit when they are in the same country,
their cities agree (same name, accents and case aside; a city the extractor only inferred,
such as the capital, agrees with any city stated for that country) and their days overlap or
touch (Chile on the 5th and Chile on the 6th are one visit, told two ways). A stop with no
date agrees with any days. Two stops of one article are never merged: the extractor already
told them apart.

Rules for the facts of a merged stop, each tested in tests/test_merging.py:
- dates: a stated date beats an inferred one (the inferred one is noted, not a conflict);
  among stated dates, one range that contains the others wins, and every source inside it
  supports it (the seed's "Monday" = 3 Oct and the statement's "October 3-4" give 3-4 Oct);
  stated dates where none contains the others cannot all hold: a `Conflict` with each value
  and its sentences, and the stop spans all of them so it stays on the map and timeline;
- city: a stated city beats an inferred one; two different stated cities are a conflict;
- leaders and topics: the union, each with the sources that name it (one person written two
  ways, 'Gustavo Petro' and 'Petro', is one leader, shown by the fuller name).
The result does not depend on the order of the articles: they come in `article_order`.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date
from pathlib import Path

from dashboard.merging.grouping import gap_days
from dashboard.merging.model import Conflict, Fact, MergedStop, MergedTrip, SourceRef, Support
from dashboard.merging.names import name_words, place_key, same_person
from dashboard.models import Evidence, Leader, Stop, TopicTag, Trip


@dataclass(frozen=True)
class _Member:
    source: int  # position of the article in the trip's article list
    stop: Stop

    @property
    def span(self) -> tuple[date, date] | None:
        return claimed_days(self.stop)


def claimed_days(stop: Stop) -> tuple[date, date] | None:
    """The days a stop is said to cover: its start to its end; one known end alone is one
    day; None when the stop has no date."""
    first = stop.start or stop.end
    last = stop.end or stop.start
    return (first, last) if first and last else None


def span_value(start: date | None, end: date | None) -> str:
    """ISO form of a stop's dates: '2022-10-03', '2022-10-03/2022-10-04', '2022-10-03/..'."""
    if start is None and end is None:
        return ""
    if start is not None and end is not None:
        return start.isoformat() if start == end else f"{start.isoformat()}/{end.isoformat()}"
    return f"{start.isoformat()}/.." if start else f"../{end.isoformat()}"  # type: ignore[union-attr]


def parse_span_value(value: str) -> tuple[date, date] | None:
    """The days of a `span_value` ('2022-10-03/..' is the 3rd alone); None when empty."""
    parts = [p for p in value.split("/") if p and p != ".."]
    if not parts:
        return None
    days = [date.fromisoformat(p) for p in parts]
    return min(days), max(days)


def _words_span(start: date | None, end: date | None) -> str:
    if start is None and end is None:
        return "no date"
    if start is None or end is None or start == end:
        day = start or end
        return f"{day:%-d %b %Y}"  # type: ignore[str-format]
    if (start.year, start.month) == (end.year, end.month):
        return f"{start.day}–{end:%-d %b %Y}"
    return f"{start:%-d %b} – {end:%-d %b %Y}"


def _stated_city(stop: Stop) -> str | None:
    return stop.city if stop.city and not stop.city_inferred else None


def _fits(cluster: list[_Member], member: _Member) -> bool:
    """Can `member` be the same visit as the stops already in `cluster`?"""
    first = cluster[0].stop
    if first.country_code != member.stop.country_code:
        return False
    if any(m.source == member.source for m in cluster):
        return False
    stated = {place_key(_stated_city(m.stop)) for m in cluster if _stated_city(m.stop)}
    mine = _stated_city(member.stop)
    if stated and mine and place_key(mine) not in stated:
        return False
    spans = [m.span for m in cluster if m.span]
    if spans and member.span:
        hull = (min(s[0] for s in spans), max(s[1] for s in spans))
        if gap_days(hull, member.span) > 0:
            return False
    return True


def _rank(cluster: list[_Member], member: _Member, positions: dict[int, float],
          created: int) -> tuple:
    """Which fitting visit a stop joins: the same city name first, then the nearest days,
    then the nearest place in travel order, then the visit seen first."""
    same_city = any(place_key(m.stop.city) == place_key(member.stop.city) for m in cluster)
    spans = [m.span for m in cluster if m.span]
    gap = (gap_days((min(s[0] for s in spans), max(s[1] for s in spans)), member.span)
           if spans and member.span else 0)
    position = abs(positions[id(cluster[0])] - positions[id(member)])
    return (not same_city, gap, position, created)


def _cluster_stops(articles: Sequence[Trip]) -> list[list[_Member]]:
    clusters: list[list[_Member]] = []
    positions: dict[int, float] = {}
    for n, trip in enumerate(articles):
        for stop in trip.stops:
            member = _Member(n, stop)
            positions[id(member)] = stop.index / max(len(trip.stops), 1)
            fitting = [(k, c) for k, c in enumerate(clusters) if _fits(c, member)]
            if fitting:
                best = min(fitting, key=lambda kc: _rank(kc[1], member, positions, kc[0]))[1]
                best.append(member)
            else:
                clusters.append([member])
    return clusters


def _anchor(member: _Member, articles: Sequence[Trip]) -> tuple[date, float]:
    """Where a stop sits in time: its first day, or for an undated stop the last known day
    before it in its own article (so it keeps its place in travel order)."""
    trip = articles[member.source]
    position = member.stop.index / max(len(trip.stops), 1)
    if member.span:
        return member.span[0], position
    earlier = [claimed_days(s) for s in trip.stops[: member.stop.index]]
    days = [s[1] for s in earlier if s]
    fallback = days[-1] if days else (trip.article.published or date.min)
    return fallback, position


def _support(member: _Member, sources: Sequence[SourceRef], value: str, stated: bool,
             evidence: Sequence[Evidence]) -> Support:
    return Support(source=sources[member.source].id, value=value, stated=stated,
                   evidence=list(evidence))


def _label(source_id: str, sources: Sequence[SourceRef]) -> str:
    for ref in sources:
        if ref.id == source_id:
            return Path(ref.path).name or ref.id
    return source_id


def _merge_dates(members: list[_Member], sources: Sequence[SourceRef], country: str,
                 key: str, index: int) -> tuple[date | None, date | None, bool, Fact | None,
                                                list[Conflict], list[str]]:
    """(start, end, inferred, fact, conflicts, notes) of a merged stop's dates."""
    dated = [m for m in members if m.span]
    if not dated:
        return None, None, False, None, [], []
    stated = [m for m in dated if not m.stop.dates_inferred]
    pool = stated or dated
    inferred = not stated

    def contains(outer: _Member, inner: _Member) -> bool:
        a, b = outer.span, inner.span
        return a[0] <= b[0] and b[1] <= a[1]  # type: ignore[index]

    def known_ends(m: _Member) -> int:
        return (m.stop.start is not None) + (m.stop.end is not None)

    containers = [m for m in pool if all(contains(m, other) for other in pool)]
    conflicts: list[Conflict] = []
    notes: list[str] = []
    if containers:
        # The widest range with the most known ends; ties keep the article order.
        best = max(containers, key=lambda m: (known_ends(m), -m.source))
        start, end = best.stop.start, best.stop.end
        hull = best.span
    else:
        hull = (min(m.span[0] for m in pool), max(m.span[1] for m in pool))  # type: ignore[index]
        start, end = hull
        values = [_support(m, sources, span_value(m.stop.start, m.stop.end), True,
                           m.stop.date_evidence or m.stop.evidence[:1]) for m in pool]
        said: dict[str, list[str]] = {}  # one entry per value: '5 Oct 2022 (a.txt, b.txt)'
        for m in pool:
            said.setdefault(_words_span(m.stop.start, m.stop.end), []).append(
                _label(sources[m.source].id, sources))
        words = " vs ".join(f"{value} ({', '.join(names)})" for value, names in said.items())
        conflicts.append(Conflict(field="dates", stop_index=index, stop_key=key,
                                  message=f"Sources disagree on the dates in {country}: {words}",
                                  values=values))
    supports = []
    for m in dated:
        value = span_value(m.stop.start, m.stop.end)
        evidence = m.stop.date_evidence or m.stop.evidence[:1]
        inside = hull[0] <= m.span[0] and m.span[1] <= hull[1]  # type: ignore[index]
        if m in pool or inside:
            # In a conflict every disputed value is listed; otherwise what fits the range.
            supports.append(_support(m, sources, value, not m.stop.dates_inferred, evidence))
        else:
            notes.append(f"{_label(sources[m.source].id, sources)} infers "
                         f"{_words_span(m.stop.start, m.stop.end)} for {country}; a stated "
                         f"date of another source ({_words_span(start, end)}) is used")
    fact = Fact(field="dates", value=span_value(start, end), sources=supports)
    return start, end, inferred, fact, conflicts, notes


def _merge_city(members: list[_Member], sources: Sequence[SourceRef], country: str,
                key: str, index: int) -> tuple[_Member, Fact | None, list[Conflict], list[str]]:
    """The member whose city the stop takes, the city fact, conflicts and notes."""
    with_city = [m for m in members if m.stop.city]
    if not with_city:
        return members[0], None, [], []
    stated = [m for m in with_city if not m.stop.city_inferred]
    chosen = (stated or with_city)[0]
    conflicts: list[Conflict] = []
    notes: list[str] = []
    stated_keys = list(dict.fromkeys(place_key(m.stop.city) for m in stated))
    if len(stated_keys) > 1:
        values = [_support(m, sources, m.stop.city or "", True,
                           m.stop.city_evidence or m.stop.evidence[:1]) for m in stated]
        words = " vs ".join(f"{m.stop.city} ({_label(sources[m.source].id, sources)})"
                            for m in stated)
        conflicts.append(Conflict(field="city", stop_index=index, stop_key=key,
                                  message=f"Sources disagree on the city in {country}: {words}",
                                  values=values))
    supports = []
    for m in with_city:
        if place_key(m.stop.city) == place_key(chosen.stop.city):
            supports.append(_support(m, sources, m.stop.city or "", not m.stop.city_inferred,
                                     m.stop.city_evidence or m.stop.evidence[:1]))
        elif m.stop.city_inferred:
            notes.append(f"{_label(sources[m.source].id, sources)} infers {m.stop.city}; "
                         f"{chosen.stop.city} is stated by another source")
    return chosen, Fact(field="city", value=chosen.stop.city or "", sources=supports), \
        conflicts, notes


def _fuller(a: str, b: str) -> str:
    """Of two spellings of one name, the one with more words (then accents: 'Márquez')."""
    return max((a, b), key=lambda n: (len(name_words(n)), len(n) - len(n.encode("ascii",
                                                                                "ignore"))))


def _merge_leaders(members: list[_Member],
                   sources: Sequence[SourceRef]) -> tuple[list[Leader], list[Fact]]:
    facts: list[Fact] = []
    leaders: list[Leader] = []
    for m in members:
        for leader in m.stop.leaders:
            support = _support(m, sources, leader.name, True, [leader.evidence])
            for n, fact in enumerate(facts):
                if same_person(fact.value, leader.name):
                    fact.sources.append(support)
                    fuller = _fuller(fact.value, leader.name)
                    if fuller != fact.value:
                        fact.value = fuller
                        leaders[n] = leaders[n].model_copy(
                            update={"name": fuller, "title": leaders[n].title or leader.title})
                    break
            else:
                facts.append(Fact(field="leader", value=leader.name, sources=[support]))
                leaders.append(leader.model_copy())
    return leaders, facts


def _merge_topics(members: list[_Member],
                  sources: Sequence[SourceRef]) -> tuple[list[TopicTag], list[Fact]]:
    facts: dict[str, Fact] = {}
    tags: list[TopicTag] = []
    for m in members:
        for tag in m.stop.topics:
            support = _support(m, sources, tag.phrase, True, [tag.evidence])
            facts.setdefault(tag.slug, Fact(field="topic", value=tag.slug)).sources.append(
                support)
            tags.append(tag)
    return tags, list(facts.values())


def _key_evidence(members: list[_Member], articles: Sequence[Trip]) -> tuple[_Member, int]:
    """The sentence a stop is shown with: the first source's first sentence in the body (a
    headline names every stop of the trip and says least about this one)."""
    if len(members) == 1:  # one article: its own first sentence, as the extractor chose
        return members[0], 0
    for level in _LEVELS:
        for m in members:
            n = _telling(m.stop, articles[m.source], level)
            if n is not None:
                return m, n
    return members[0], 0


# What makes a sentence about one stop rather than the tour, best first: it names whom was
# met there; it names the stop's city; it dates the stop; it is in the body at all (not the
# headline, which names the whole tour).
_LEVELS = ("leader", "city", "date", "body")


def _telling(stop: Stop, article: Trip, level: str) -> int | None:
    """Index of an evidence sentence of `stop` at `level` (see _LEVELS), or None."""
    body = article.article.body_start
    title = (article.title or "").strip()
    own: set[tuple[int, int]] = set()
    if level == "leader":
        own = {(x.evidence.start, x.evidence.end) for x in stop.leaders}
    elif level == "date":
        own = {(e.start, e.end) for e in stop.date_evidence}
    city = place_key(stop.city) if stop.city and not stop.city_inferred else ""
    for n, e in enumerate(stop.evidence):
        if e.start < body or e.sentence.strip() == title:
            continue
        if level == "body" or (e.start, e.end) in own or (
                level == "city" and city and f" {city} " in f" {place_key(e.sentence)} "):
            return n
    return None


def key_evidence(stop: Stop, article: Trip) -> Evidence | None:
    """The sentence to show for `stop` in its own `article`: about the stop if one is, else
    from the body, the headline last (used to jump to the stop in each source's text)."""
    if not stop.evidence:
        return None
    for level in _LEVELS:
        n = _telling(stop, article, level)
        if n is not None:
            return stop.evidence[n]
    return stop.evidence[0]


def _merged_stop(index: int, key: str, members: list[_Member],
                 sources: Sequence[SourceRef], articles: Sequence[Trip]) -> MergedStop:
    first = members[0].stop
    country = first.country
    start, end, dates_inferred, dates, date_conflicts, date_notes = _merge_dates(
        members, sources, country, key, index)
    city_member, city, city_conflicts, city_notes = _merge_city(members, sources, country, key,
                                                                index)
    leaders, leader_facts = _merge_leaders(members, sources)
    tags, topic_facts = _merge_topics(members, sources)
    place = city_member.stop
    key_member, key_n = _key_evidence(members, articles)
    key_sentence = key_member.stop.evidence[key_n] if key_member.stop.evidence else None
    evidence = [e for m in members for e in m.stop.evidence if e is not key_sentence]
    stop = Stop(
        index=index, country_code=first.country_code, country=country, city=place.city,
        city_inferred=place.city_inferred, city_basis=place.city_basis, lat=place.lat,
        lon=place.lon, start=start, end=end, dates_inferred=dates_inferred, leaders=leaders,
        topics=tags, evidence=([key_sentence] if key_sentence else []) + evidence,
        city_evidence=[e for m in members for e in m.stop.city_evidence],
        date_evidence=[e for m in members for e in m.stop.date_evidence],
        # A reader's corrections of a member stop stay marked on the merged stop (the first
        # source's, where two corrected the same field).
        corrections={name: fix for m in reversed(members)
                     for name, fix in m.stop.corrections.items()},
    )
    return MergedStop(
        key=key, stop=stop, key_source=sources[key_member.source].id,
        members=[(sources[m.source].id, m.stop.index) for m in members],
        dates=dates, city=city, leaders=leader_facts, topics=topic_facts,
        conflicts=date_conflicts + city_conflicts, notes=date_notes + city_notes,
    )


def merge_trip(articles: Sequence[Trip], sources: Sequence[SourceRef], *,
               trip_id: str | None = None, title: str | None = None,
               notes: Sequence[str] = ()) -> MergedTrip:
    """Merge the articles of one trip (in `grouping.article_order`, one `SourceRef` each)."""
    if not articles or len(articles) != len(sources):
        raise ValueError("merge_trip needs one SourceRef per article, and at least one article")
    clusters = _cluster_stops(articles)
    ordered = sorted(
        clusters,
        key=lambda c: (min(_anchor(m, articles) for m in c), c[0].stop.country_code),
    )
    stops: list[MergedStop] = []
    per_country: dict[str, int] = {}
    for index, cluster in enumerate(ordered):
        code = cluster[0].stop.country_code
        per_country[code] = per_country.get(code, 0) + 1
        members = sorted(cluster, key=lambda m: m.source)
        stops.append(_merged_stop(index, f"{code}-{per_country[code]}", members, sources,
                                  articles))
    # The trip is named after the article that tells most of it (then the first one).
    lead = max(range(len(articles)), key=lambda n: (len(articles[n].stops), -n))
    travelers = [t.traveler for t in articles if t.traveler]
    # The first article's spelling, unless a later one writes the name more fully.
    traveler = max(travelers, key=lambda n: len(name_words(n)), default=None)
    return MergedTrip(
        id=trip_id or sources[lead].id,
        title=title or articles[lead].title,
        traveler=traveler,
        sources=list(sources), articles=list(articles), stops=stops, notes=list(notes),
    )
