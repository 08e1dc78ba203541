"""Stop cards: what a reader needs about one stop, in the stop's colour, all text escaped."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

import pandas as pd

from dashboard.provenance import row_corrections
from dashboard.views.colors import NEUTRAL, text_color_on
from dashboard.views.markup import escape_html
from dashboard.views.provenance import CONFLICT_MARK, sources_label, stop_conflicts
from dashboard.views.route_map import format_days


@dataclass(frozen=True)
class StopCard:
    """The plain facts of one card (no markup), in reading order."""

    stop_id: str
    number: int
    country: str
    country_code: str
    city: str | None
    city_inferred: bool
    days: str
    dates_inferred: bool
    leaders: tuple[str, ...]
    topics: tuple[str, ...]
    sentence: str | None
    color: str
    trip_title: str | None = None
    record_status: str | None = None
    """confirmed | differs | not-in-record | not-covered against the official travel record,
    if checked."""
    record_note: str | None = None
    corrections: Mapping[str, str] = field(default_factory=dict)
    """Field word (dates, city, country, leaders, topics, coordinates) -> what was extracted,
    for the fields a reader corrected (dashboard.provenance.row_corrections)."""
    n_sources: int = 1
    """How many articles report this stop (merged trips)."""
    conflicts: tuple[str, ...] = ()
    """What those articles disagree on, one message each (never resolved silently)."""


def stop_cards(itinerary: pd.DataFrame, colors: Mapping[str, str],
               topic_labels: Mapping[str, str],
               trip_titles: Mapping[str, str] | None = None,
               record_checks: pd.DataFrame | None = None) -> list[StopCard]:
    """One card per stop in trip and travel order; `trip_titles` adds the trip to each card,
    `record_checks` (stop_id, status, note) the stop's status against the official record."""
    # Only this itinerary's checks are converted: callers may pass every trip's checks, and
    # converting all of them for each trip made the page quadratic in the number of trips.
    mine = (None if record_checks is None else
            record_checks.loc[record_checks["stop_id"].isin(itinerary["stop_id"]),
                              ["stop_id", "status", "note"]])
    checks = ({} if mine is None else
              {row["stop_id"]: row for row in mine.to_dict("records")})
    cards = []
    for stop in itinerary.sort_values(["trip_id", "stop_index"]).to_dict("records"):
        city = stop["city"] if isinstance(stop["city"], str) and stop["city"] else None
        sentence = stop["key_sentence"]
        cards.append(StopCard(
            stop_id=str(stop["stop_id"]), number=int(stop["stop_index"]) + 1,
            country=str(stop["country"] or stop["country_code"]),
            country_code=str(stop["country_code"]), city=city,
            city_inferred=bool(stop["city_inferred"]) and city is not None,
            days=format_days(stop["start"], stop["end"]),
            dates_inferred=bool(stop["dates_inferred"]),
            leaders=tuple(stop["leaders"] or ()),
            topics=tuple(topic_labels.get(t, t) for t in stop["topics"] or ()),
            sentence=sentence if isinstance(sentence, str) and sentence else None,
            color=colors.get(str(stop["stop_id"]), NEUTRAL),
            trip_title=(trip_titles or {}).get(str(stop["trip_id"])),
            record_status=checks.get(stop["stop_id"], {}).get("status"),
            record_note=checks.get(stop["stop_id"], {}).get("note"),
            corrections=row_corrections(stop),
            n_sources=int(stop.get("n_sources") or 1),
            conflicts=tuple(stop_conflicts(stop)),
        ))
    return cards


def card_key(stop_id: str) -> str:
    """A widget/container key for a stop (browser tests find `.st-key-stop-card-<id>`)."""
    safe = "".join(ch if ch.isalnum() else "-" for ch in stop_id)
    return f"stop-card-{safe}"


_CHIP = ("display:inline-block;margin:2px 4px 2px 0;padding:1px 9px;border-radius:999px;"
         "border:1px solid rgba(128,128,128,.55);font-size:.85em;")
_MUTED = "opacity:.78;font-size:.9em;"
# Symbols as well as words: the status must not depend on colour alone.
RECORD_BADGES = {"confirmed": ("✓", "confirmed"), "differs": ("≠", "differs"),
                 "not-in-record": ("∅", "not in the record"),
                 "not-covered": ("–", "does not cover this traveller")}


def corrected_mark(card: StopCard, *words: str) -> str:
    """A visible *corrected* mark for a field a reader corrected (the extracted value in its
    tooltip), or "" when none of `words` was corrected."""
    found = [(w, card.corrections[w]) for w in words if w in card.corrections]
    if not found:
        return ""
    why = "; ".join(f"{w}: {v}" for w, v in found)
    return (f' <span class="corrected-mark" title="Corrected by a reader ({escape_html(why)})"'
            f' style="{_CHIP}font-size:.75em;border-style:dashed;">✎ corrected</span>')


def card_html(card: StopCard, selected: bool = False) -> str:
    """The card as HTML; every piece of article text passes through html.escape."""
    e = escape_html
    badge = (f'<span style="{_CHIP}font-weight:600;">selected</span>' if selected else "")
    city = ""
    if card.city:
        mark = (' <abbr title="not named in the article; inferred (e.g. the capital)" '
                f'style="{_MUTED}">(inferred)</abbr>' if card.city_inferred else "")
        city = f'<div>{e(card.city)}{mark}{corrected_mark(card, "city", "coordinates")}</div>'
    days = e(card.days) + (f' <span style="{_MUTED}">(inferred)</span>'
                          if card.dates_inferred else "") + corrected_mark(card, "dates")
    leaders = (f'<div><span style="{_MUTED}">Met</span> {e(", ".join(card.leaders))}'
               f'{corrected_mark(card, "leaders")}</div>' if card.leaders else
               f'<div><span style="{_MUTED}">No leader</span>{corrected_mark(card, "leaders")}'
               '</div>' if "leaders" in card.corrections else "")
    chips = "".join(f'<span class="topic-chip" style="{_CHIP}">{e(t)}</span>'
                    for t in card.topics)
    topics = (f'<div aria-label="topics">{chips}{corrected_mark(card, "topics")}</div>'
              if chips else "")
    trip = (f'<div style="{_MUTED}">{e(card.trip_title)}</div>' if card.trip_title else "")
    quote = (f'<blockquote style="margin:.4em 0 0;padding-left:.7em;border-left:3px solid '
             f'rgba(128,128,128,.5);{_MUTED}">“{e(card.sentence)}”</blockquote>'
             if card.sentence else "")
    number = (f'<span aria-hidden="true" style="display:inline-flex;align-items:center;'
              f'justify-content:center;min-width:1.6em;height:1.6em;border-radius:50%;'
              f'background:{e(card.color)};color:{text_color_on(card.color)};'
              f'font-weight:700;">{card.number}</span>')
    record = ""
    if card.record_status in RECORD_BADGES:
        symbol, words = RECORD_BADGES[card.record_status]
        record = (f'<div class="record-status" data-status="{e(card.record_status)}" '
                  f'title="{e(card.record_note or "")}" style="{_MUTED}">'
                  f'<span aria-hidden="true">{symbol}</span> Official record: {words}'
                  f'{" — " + e(card.record_note) if card.record_note else ""}</div>')
    sources = ""
    if card.n_sources > 1:
        label = sources_label({"n_sources": card.n_sources})
        sources = (f'<div class="stop-sources" data-sources="{card.n_sources}" style="{_MUTED}">'
                   f'{e(label)}</div>')
    conflicts = "".join(
        f'<div class="stop-conflict" role="note" style="margin:.3em 0;padding:.2em .5em;'
        f'border:1px solid #D55E00;border-radius:6px;overflow-wrap:anywhere;">'
        f'<strong><span aria-hidden="true">{CONFLICT_MARK}</span> Conflict:</strong> '
        f'{e(message)}</div>'
        for message in card.conflicts)
    border = f"border-left:6px solid {e(card.color)};padding-left:10px;"
    return (
        f'<div class="stop-card" data-stop-id="{e(card.stop_id)}" style="{border}">'
        f'<div style="display:flex;gap:.5em;align-items:center;flex-wrap:wrap;">{number}'
        f'<strong style="font-size:1.1em;">Stop {card.number}: {e(card.country)}</strong>'
        f'{corrected_mark(card, "country")}{badge}</div>'
        f'{trip}{city}<div>{days}</div>{sources}{conflicts}{leaders}{topics}{record}'
        f'{quote}</div>'
    )
