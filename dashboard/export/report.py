"""One self-contained HTML file of the current selection, to attach to an email or publish.

Title, map, timeline, stop cards and the source sentences, in a single file that opens
from disk with no server and makes no network request: plotly.js is embedded inline, the
map is drawn from the shipped country outlines (see static_map.py), and a Content Security
Policy forbids fetching anything, so nothing can leak out even by mistake.

All text is put into the page by Jinja2 with autoescaping on, so article text that looks
like markup (`<script>`, `" onload=`) is shown as text and never runs.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import PurePath
from typing import TYPE_CHECKING, Any

import jinja2
import plotly.graph_objects as go
from markupsafe import Markup

from dashboard import __version__
from dashboard.export.common import (
    APP_NAME,
    EMPTY_NOTE,
    as_day,
    format_days,
    is_missing,
    label_topics,
    ordered_stops,
    place_name,
    selection_summary,
    text_or_none,
    topic_labels,
    trip_titles,
)
from dashboard.export.static_map import build_static_map, stops_without_position
from dashboard.provenance import correction_note
from dashboard.tables import TripTables
from dashboard.views.provenance import provenance_line

if TYPE_CHECKING:
    from dashboard.filters import Selection

# No fetch of any kind: scripts and styles only inline, images only from data:/blob: URLs
# (plotly's "download as PNG" makes one). 'unsafe-eval' because plotly.js compiles a few
# functions at run time.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'unsafe-inline' 'unsafe-eval'; "
    "style-src 'unsafe-inline'; img-src data: blob:; font-src data:; connect-src 'none'; "
    "form-action 'none'; base-uri 'none'"
)
PLOTLY_CONFIG = {"displaylogo": False, "responsive": True, "scrollZoom": False}

TEMPLATE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="{{ csp }}">
<meta name="generator" content="{{ generator }}">
<title>{{ title }}</title>
<style>
  :root { --ink: #1f2328; --muted: #59636e; --line: #d1d9e0; --paper: #ffffff; }
  * { box-sizing: border-box; }
  body { margin: 0; font: 16px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
         color: var(--ink); background: var(--paper); }
  main { max-width: 1100px; margin: 0 auto; padding: 1.5rem 1.25rem 3rem; }
  h1 { font-size: 1.8rem; line-height: 1.25; margin: 0 0 .25rem; }
  h2 { font-size: 1.25rem; margin: 2rem 0 .75rem; border-bottom: 1px solid var(--line);
       padding-bottom: .25rem; }
  h3 { font-size: 1.05rem; margin: 0; }
  .meta, .caption { color: var(--muted); font-size: .9rem; margin: .25rem 0; }
  .note { background: #fff8c5; border: 1px solid #d4a72c66; border-radius: 6px;
          padding: .75rem 1rem; }
  .figure { border: 1px solid var(--line); border-radius: 8px; overflow: hidden; }
  .trip-heading { margin: 1.25rem 0 .5rem; }
  .cards { display: grid; grid-template-columns: repeat(auto-fill, minmax(300px, 1fr));
           gap: 1rem; padding: 0; list-style: none; }
  .card { border: 1px solid var(--line); border-left: 8px solid var(--stop-color);
          border-radius: 8px; padding: .75rem 1rem; break-inside: avoid; }
  .card header { display: flex; gap: .6rem; align-items: baseline; }
  .badge { display: inline-block; min-width: 1.7rem; text-align: center; border-radius: 1rem;
           background: var(--stop-color); color: var(--badge-ink); font-weight: 700;
           padding: 0 .45rem; }
  .card dl { display: grid; grid-template-columns: max-content 1fr; gap: .1rem .75rem;
             margin: .5rem 0; font-size: .95rem; }
  .card dt { color: var(--muted); }
  .card dd { margin: 0; }
  .flag { font-size: .8rem; color: var(--muted); border: 1px solid var(--line);
          border-radius: 4px; padding: 0 .3rem; margin-left: .25rem; }
  blockquote { margin: .5rem 0 0; padding: .25rem .75rem; border-left: 3px solid var(--line);
               color: var(--ink); font-style: italic; }
  .sources ol { padding-left: 1.5rem; }
  .sources li { margin: .35rem 0; }
  .offsets { color: var(--muted); font-size: .8rem; font-style: normal; }
  footer { margin-top: 3rem; color: var(--muted); font-size: .85rem; }
  @media print { .figure { break-inside: avoid; } .modebar { display: none !important; } }
</style>
</head>
<body>
<main>
<header>
  <h1>{{ title }}</h1>
  <p class="meta">{{ facts }}</p>
  <p class="meta">Selection: {{ summary }} · generated {{ generated }}</p>
</header>
{% if note %}<p class="note" role="status">{{ note }}</p>{% endif %}
{% if map_html %}
<section aria-labelledby="map-title">
  <h2 id="map-title">Map</h2>
  <div class="figure" id="report-map">{{ map_html }}</div>
  {% if unplaced %}
  <p class="caption">Not on the map (no coordinates): {{ unplaced }}.</p>
  {% endif %}
</section>
{% endif %}
{% if timelines %}
<section aria-labelledby="timeline-title" id="report-timeline">
  <h2 id="timeline-title">Timeline</h2>
  {% for timeline in timelines %}
  {% if timeline.title %}<h3 class="trip-heading">{{ timeline.title }}</h3>{% endif %}
  <div class="figure">{{ timeline.html }}</div>
  {% if timeline.undated %}
  <p class="caption">Not on the timeline (no date): {{ timeline.undated }}.</p>
  {% endif %}
  {% endfor %}
</section>
{% endif %}
{% if card_groups %}
<section aria-labelledby="stops-title">
  <h2 id="stops-title">Stops</h2>
  {% for group in card_groups %}
  {% if group.title %}<h3 class="trip-heading">{{ group.title }}</h3>{% endif %}
  <ol class="cards">
  {% for card in group.cards %}
    <li class="card" id="stop-{{ card.anchor }}"
        style="--stop-color: {{ card.color }}; --badge-ink: {{ card.badge_ink }}">
      <header><span class="badge">{{ card.number }}</span>
        <h3>{{ card.place }}
          {%- if card.city_inferred %}<span class="flag">city inferred</span>{% endif %}</h3>
      </header>
      <dl>
        <dt>Dates</dt><dd>{{ card.days }}
          {%- if card.dates_inferred %}<span class="flag">inferred</span>{% endif %}
          {%- if card.corrected %}<span class="flag corrected" title="{{ card.corrected }}">
          corrected</span>{% endif %}</dd>
        {% if card.leaders %}<dt>Met</dt><dd>{{ card.leaders }}</dd>{% endif %}
        {% if card.topics %}<dt>Topics</dt><dd>{{ card.topics }}</dd>{% endif %}
        {% if card.events %}<dt>Events</dt><dd>{{ card.events }}</dd>{% endif %}
        {% if card.corrected %}<dt>Corrected</dt><dd>{{ card.corrected }}</dd>{% endif %}
        {% if card.sources %}<dt>Sources</dt><dd>{{ card.sources }}</dd>{% endif %}
        {% for conflict in card.conflicts %}<dt>Conflict</dt><dd class="conflict">
          <span aria-hidden="true">⚠</span> {{ conflict }}</dd>{% endfor %}
      </dl>
      {% if card.sentence %}
      <blockquote>“{{ card.sentence }}”
        {%- if card.source_number %} <a href="#source-{{ card.source_number }}">
          [{{- card.source_number -}}]</a>{% endif %}</blockquote>
      {% endif %}
    </li>
  {% endfor %}
  </ol>
  {% endfor %}
</section>
{% endif %}
{% if sources %}
<section class="sources" aria-labelledby="sources-title">
  <h2 id="sources-title">Sources</h2>
  {% for trip in sources %}
    <h3>{{ trip.title }}</h3>
    <p class="caption">{{ trip.details }}</p>
    <ol>
    {% for sentence in trip.sentences %}
      <li id="source-{{ sentence.number }}" value="{{ sentence.number }}">“{{ sentence.text }}”
        <span class="offsets">characters {{ sentence.start }}–{{ sentence.end }}
          {%- if sentence.supports %} · {{ sentence.supports }}{% endif %}</span></li>
    {% endfor %}
    </ol>
  {% endfor %}
</section>
{% endif %}
<footer>
  <p>Made with {{ generator }} from news articles; every fact above is tied to the sentence
  it came from. Country outlines: Natural Earth (public domain). Charts: plotly.js (MIT
  licence), embedded in this file, which needs no network connection.</p>
</footer>
</main>
</body>
</html>
"""

_environment = jinja2.Environment(autoescape=True, undefined=jinja2.StrictUndefined,
                                  trim_blocks=True, lstrip_blocks=True)
_template = _environment.from_string(TEMPLATE)


@dataclass
class _Source:
    text: str
    start: int
    end: int
    supports: list[str] = field(default_factory=list)
    number: int = 0


Article = tuple[str, str]
"""(trip id, source id): one article of a trip; offsets point into that article's text."""


def _article(row: Mapping[str, Any], column: str) -> Article:
    trip_id = str(row["trip_id"])
    source = row.get(column)
    return trip_id, trip_id if is_missing(source) else str(source)


def _collect_sources(view: TripTables) -> dict[Article, dict[tuple[int, int], _Source]]:
    """(trip, article) -> the sentences the kept facts cite, keyed by their offsets in that
    article (a trip told by several articles cites each one separately)."""
    found: dict[Article, dict[tuple[int, int], _Source]] = {}

    def cite(article: Article, text: object, start: object, end: object, why: str) -> None:
        if is_missing(text) or is_missing(start) or is_missing(end):
            return
        key = (int(start), int(end))  # type: ignore[call-overload]
        source = found.setdefault(article, {}).setdefault(key, _Source(str(text), *key))
        if why not in source.supports:
            source.supports.append(why)

    for stop in view.itinerary.to_dict("records"):
        cite(_article(stop, "key_source"), stop["key_sentence"], stop["key_start"],
             stop["key_end"], f"stop {int(stop['stop_index']) + 1}")
    for event in view.events.to_dict("records"):
        cite(_article(event, "source_id"), event["sentence"], event["start"], event["end"],
             f"event: {event['label']}")
    for topic in view.topics.to_dict("records"):
        cite(_article(topic, "source_id"), topic["sentence"], topic["start"], topic["end"],
             f"topic: {topic['label'] or topic['topic']}")
    return found


def _figure_html(figure: go.Figure, include_plotlyjs: bool, div_id: str) -> str:
    return figure.to_html(full_html=False, include_plotlyjs=include_plotlyjs,
                          config=PLOTLY_CONFIG, div_id=div_id)


def _timelines(view: TripTables, colors: Mapping[str, str],
               labels: Mapping[str, str]) -> list[go.Figure]:
    """One timeline per trip, in travel order: trips years apart would otherwise shrink
    each stop to a sliver on a shared day axis."""
    from dashboard.views.timeline import build_timeline

    figures = []
    for trip_id in dict.fromkeys(view.itinerary["trip_id"]):
        figures.append(build_timeline(
            view.itinerary[view.itinerary["trip_id"] == trip_id],
            view.events[view.events["trip_id"] == trip_id],
            colors=colors, topic_labels=labels, lanes="stop",
        ))
    return figures


def _default_title(view: TripTables) -> str:
    titles = trip_titles(view)
    if len(titles) == 1:
        return next(iter(titles.values()))
    return f"{len(titles)} trips" if titles else "Trip itinerary"


def build_report(view: TripTables, *, selection: Selection | None = None,
                 title: str | None = None, colors: Mapping[str, str] | None = None,
                 now: datetime | None = None) -> str:
    """The HTML report of `view` (the filtered tables) as one self-contained string."""
    from dashboard.views.basemap import load_country_outlines
    from dashboard.views.colors import stop_colors, text_color_on, trip_colors

    stamp = (now or datetime.now(UTC)).astimezone(UTC)
    stops = ordered_stops(view)
    labels = topic_labels(view)
    titles = trip_titles(view)
    colors = dict(colors) if colors is not None else stop_colors(view.itinerary)
    heading = title or _default_title(view)

    map_html = ""
    timelines: list[dict[str, Any]] = []
    if not stops.empty:
        map_figure = build_static_map(stops, colors, load_country_outlines(),
                                      route_colors=trip_colors(titles) if len(titles) > 1
                                      else None)
        map_html = _figure_html(map_figure, include_plotlyjs=True, div_id="map-figure")
        for n, (trip_id, figure) in enumerate(zip(dict.fromkeys(stops["trip_id"]),
                                                  _timelines(view, colors, labels),
                                                  strict=True)):
            div_id = "timeline-figure" if n == 0 else f"timeline-figure-{n + 1}"
            trip_stops = stops[stops["trip_id"] == trip_id]
            undated = trip_stops[trip_stops["start"].isna() & trip_stops["end"].isna()]
            timelines.append({
                "title": titles.get(trip_id, trip_id) if len(titles) > 1 else None,
                "html": Markup(_figure_html(figure, include_plotlyjs=False, div_id=div_id)),
                "undated": ", ".join(place_name(s) for s in undated.to_dict("records")),
            })

    sources = _collect_sources(view)
    number = 0
    source_list: list[dict[str, Any]] = []
    trips = view.trips.set_index("trip_id", drop=False)
    articles = {str(r["source_id"]): r for r in view.sources.to_dict("records")}
    for trip_id in dict.fromkeys(stops["trip_id"]):
        for article in [a for a in sources if a[0] == trip_id] or [(trip_id, trip_id)]:
            cited = sorted(sources.get(article, {}).values(), key=lambda s: s.start)
            for source in cited:
                number += 1
                source.number = number
            row = trips.loc[trip_id] if trip_id in trips.index else None
            own = articles.get(article[1])
            details = []
            if row is not None:
                if text_or_none(row["traveler"]):
                    details.append(f"Traveller: {row['traveler']}")
                published = own["published"] if own is not None else row["published"]
                if as_day(published):
                    details.append(f"published {as_day(published).isoformat()}")
                path = own["path"] if own is not None else row["source_path"]
                if text_or_none(path):
                    details.append(f"article file {PurePath(str(path)).name}")
            details.append(f"trip id {trip_id}")
            several = own is not None and int(row["n_sources"] if row is not None
                                              and "n_sources" in row else 1) > 1
            title = (text_or_none(own["title"]) if several else None) or titles.get(trip_id,
                                                                                    trip_id)
            source_list.append({
                "title": title, "details": " · ".join(details),
                "sentences": [{"number": s.number, "text": s.text, "start": s.start,
                               "end": s.end, "supports": "; ".join(s.supports)}
                              for s in cited],
            })

    events_at: dict[str, list[str]] = {}
    for event in view.events.to_dict("records"):
        if not is_missing(event["stop_id"]):
            events_at.setdefault(event["stop_id"], []).append(str(event["label"]))

    cards = []
    for stop in stops.to_dict("records"):
        color = colors.get(stop["stop_id"], "#0072B2")
        key = (None if is_missing(stop["key_start"])
               else (int(stop["key_start"]), int(stop["key_end"])))
        cited = sources.get(_article(stop, "key_source"), {}).get(key) if key else None
        cards.append({
            "anchor": str(stop["stop_id"]).replace("/", "-"),
            "number": int(stop["stop_index"]) + 1,
            "color": color, "badge_ink": text_color_on(color),
            "place": place_name(stop),
            "city_inferred": bool(stop["city_inferred"]) and bool(text_or_none(stop["city"])),
            "days": format_days(stop["start"], stop["end"]),
            "dates_inferred": bool(stop["dates_inferred"]),
            "corrected": correction_note(stop),
            "trip_id": stop["trip_id"],
            "leaders": ", ".join(stop["leaders"]),
            "topics": ", ".join(label_topics(list(stop["topics"]), labels)),
            "events": "; ".join(events_at.get(stop["stop_id"], [])),
            "sentence": text_or_none(stop["key_sentence"]),
            "source_number": cited.number if cited else None,
            "sources": provenance_line(stop),
            "conflicts": list(stop.get("conflicts") or []),
        })

    days = [d for col in ("start", "end") for d in stops[col].dropna()] if not stops.empty else []
    facts = f"{len(stops)} stop{'s' if len(stops) != 1 else ''}"
    if not stops.empty:
        n_countries = stops["country_code"].nunique()
        facts += f" in {n_countries} countr{'ies' if n_countries != 1 else 'y'}"
    if days:
        facts += f" · {format_days(min(days), max(days))}"

    unplaced = stops_without_position(stops) if not stops.empty else []
    return _template.render(
        csp=CONTENT_SECURITY_POLICY,
        generator=f"{APP_NAME} {__version__}",
        title=heading,
        facts=facts,
        summary=selection_summary(selection, labels),
        generated=stamp.strftime("%Y-%m-%d %H:%M UTC"),
        note=EMPTY_NOTE if stops.empty else None,
        map_html=Markup(map_html),  # plotly's own, escaped JSON
        timelines=timelines,
        unplaced=", ".join(unplaced),
        card_groups=[{"title": titles.get(t, t) if len(titles) > 1 else None,
                      "cards": [c for c in cards if c["trip_id"] == t]}
                     for t in dict.fromkeys(c["trip_id"] for c in cards)],
        sources=[s for s in source_list if s["sentences"]],
    )
