"""The timeline: one lane per stop (or per trip in the all-trips view) on a day axis.

Days are whole days: a stop on 6-7 October is drawn from 6 October 00:00 to 8 October 00:00,
so a one-day stop is a full day wide. Stops with no date cannot be placed on the axis; the
page lists them beside the chart (`undated_stops`), they are never silently dropped.
"""

from __future__ import annotations

import textwrap
from collections.abc import Iterable, Mapping

import pandas as pd
import plotly.graph_objects as go

from dashboard.provenance import correction_note
from dashboard.views.colors import NEUTRAL
from dashboard.views.markup import escape_html
from dashboard.views.provenance import CONFLICT_MARK, provenance_line, stop_conflicts
from dashboard.views.route_map import format_days, place_name

DAY = pd.Timedelta(days=1)
DAY_MS = 86_400_000
# Beyond this span whole-day bars are too thin to see; each stop also gets a marker.
LONG_SPAN = pd.Timedelta(days=45)
RECORD_LANE = "Official record"
# Day labels ("Mon<br>3 Oct", ~45 px) that fit side by side on a narrow chart.
MAX_DAY_LABELS = 7
# Status colours of the official-record lane: greys of three lightnesses, a family of their
# own. Stops wear the Okabe-Ito hues, and a status in one of them read as another stop
# (Chile ✓ in Peru's green). The symbol repeats the status for readers who see no contrast.
RECORD_SYMBOLS = {"confirmed": "✓", "differs": "≠", "only in the record": "+"}
RECORD_STATUS_COLORS = {"confirmed": "#3A3A3A", "differs": "#6E6E6E",
                        "only in the record": "#C4C4C4", "not-in-record": "#C4C4C4"}
RECORD_TEXT_COLORS = {"#3A3A3A": "#FFFFFF", "#6E6E6E": "#FFFFFF", "#C4C4C4": "#111111"}


def stop_days(itinerary: pd.DataFrame) -> pd.DataFrame:
    """Each dated stop's first day and the midnight after its last day (whole days).

    A stop with one known day is that one day. Columns added: `day_start`, `day_end`.
    """
    start = itinerary["start"].fillna(itinerary["end"])
    end = itinerary["end"].fillna(itinerary["start"])
    out = itinerary.assign(day_start=start.dt.normalize(), day_end=end.dt.normalize() + DAY)
    return out[out["day_start"].notna()]


def undated_stops(itinerary: pd.DataFrame) -> pd.DataFrame:
    """The stops with neither a start nor an end day, to list beside the chart."""
    return itinerary[itinerary["start"].isna() & itinerary["end"].isna()]


def short_title(title: str, limit: int = 34) -> str:
    """A trip title short enough to label a lane (the hover has it in full)."""
    return title if len(title) <= limit else title[:limit - 1].rstrip() + "…"


def stop_lane(stop: Mapping[str, object]) -> str:
    """'2. Santiago, Chile', with ' ⚠' when its sources disagree (the hover says on what)."""
    mark = f" {CONFLICT_MARK}" if stop_conflicts(stop) else ""
    return f"{int(stop['stop_index']) + 1}. {place_name(stop)}{mark}"  # type: ignore[call-overload]


def _wrap(text: str, width: int = 60) -> str:
    return "<br>".join(escape_html(line) for line in textwrap.wrap(text, width)) or ""


def _stop_hover(stop: Mapping[str, object], topic_labels: Mapping[str, str],
                trip_title: str | None) -> str:
    lines = [f"<b>{escape_html(stop_lane(stop))}</b>"]
    if trip_title:
        lines.append(f"<i>{escape_html(trip_title)}</i>")
    days = format_days(stop.get("start"), stop.get("end"))
    lines.append(escape_html(days + (" (inferred)" if stop.get("dates_inferred") else "")))
    corrected = correction_note(stop)
    if corrected:
        lines.append(f"<b>✎ {escape_html(corrected)}</b>")
    provenance = provenance_line(stop)
    if provenance:
        lines.append(escape_html(provenance))
    leaders = list(stop.get("leaders") or [])  # type: ignore[call-overload]
    if leaders:
        lines.append("Met: " + escape_html(", ".join(leaders)))
    topics = [topic_labels.get(t, t) for t in stop.get("topics") or []]  # type: ignore[attr-defined]
    if topics:
        lines.append("Topics: " + escape_html(", ".join(topics)))
    sentence = stop.get("key_sentence")
    if isinstance(sentence, str) and sentence:
        lines.append(f"<i>“{_wrap(sentence)}”</i>")
    return "<br>".join(lines)


def _day_axis(fig: go.Figure, first: pd.Timestamp, last_end: pd.Timestamp,
              count_days: bool = False) -> None:
    """Weekday labels centred on each day for a short span; months for a long one.
    `count_days`: trips aligned on their first day, labelled "day 1", "day 2", ..."""
    n_days = int((last_end - first) / DAY)
    if count_days:
        step = max(1, -(-n_days // MAX_DAY_LABELS))
        noons = [first + DAY * i + pd.Timedelta(hours=12) for i in range(0, n_days, step)]
        fig.update_xaxes(
            range=[first - pd.Timedelta(hours=6), last_end + pd.Timedelta(hours=6)],
            tickvals=noons, ticktext=[f"day {i + 1}" for i in range(0, n_days, step)],
            tickangle=0,
            showgrid=False, ticks="", title={"text": "days from each trip's first day",
                                             "font": {"size": 12}},
            minor={"tick0": first, "dtick": DAY_MS, "showgrid": True, "gridwidth": 1},
        )
    elif n_days <= 24:
        # At most MAX_DAY_LABELS labels, never rotated: a rotated two-line label is cut in
        # half and loses its date line on a narrow chart (the report, a phone). Every day
        # keeps its grid line.
        step = max(1, -(-n_days // MAX_DAY_LABELS))
        noons = [first + DAY * i + pd.Timedelta(hours=12) for i in range(0, n_days, step)]
        fig.update_xaxes(
            range=[first - pd.Timedelta(hours=6), last_end + pd.Timedelta(hours=6)],
            tickvals=noons, ticktext=[f"{d:%a}<br>{d.day} {d:%b}" for d in noons],
            tickangle=0,
            showgrid=False, ticks="",
            minor={"tick0": first, "dtick": DAY_MS, "showgrid": True, "gridwidth": 1},
        )
    else:
        pad = max(DAY, (last_end - first) * 0.03)
        fig.update_xaxes(range=[first - pad, last_end + pad], tickformat="%b<br>%Y",
                         nticks=8, showgrid=True)


def _trip_lane_names(trip_ids: Iterable[str], trip_titles: Mapping[str, str],
                     starts: Mapping[str, pd.Timestamp] | None = None) -> dict[str, str]:
    """A lane name per trip: its short title (and, with `starts`, "· Mar 2016"), numbered
    when two trips' names agree (plotly draws one lane per name, so equal names would merge
    two trips into one lane)."""
    names: dict[str, str] = {}
    for trip_id in trip_ids:
        title = str(trip_titles.get(trip_id, trip_id))
        start = (starts or {}).get(trip_id)
        name = base = (short_title(title) if start is None
                       else f"{short_title(title, 24)} · {start:%b %Y}")
        n = 2
        while name in names.values():
            name, n = f"{base} ({n})", n + 1
        names[trip_id] = name
    return names


def build_timeline(
    itinerary: pd.DataFrame,
    events: pd.DataFrame,
    record: pd.DataFrame | None = None,
    *,
    colors: Mapping[str, str] | None = None,
    topic_labels: Mapping[str, str] | None = None,
    trip_titles: Mapping[str, str] | None = None,
    lanes: str = "stop",
    selected_stop_id: str | None = None,
) -> go.Figure:
    """The timeline figure of the dated stops of `itinerary`.

    `lanes="stop"`: one lane per stop, in travel order. `lanes="trip"`: one lane per trip
    (the all-trips view), its stops as bars in that lane. `colors` maps stop_id -> hex.
    `record` (optional): official-record visits with columns start, end, country and
    status (confirmed | differs | not-in-record), drawn as a last lane "Official record".
    Every bar and marker carries the stop_id as customdata, for click selection.
    """
    colors = colors or {}
    topic_labels = topic_labels or {}
    trip_titles = trip_titles or {}
    dated = stop_days(itinerary.sort_values(["trip_id", "stop_index"]))
    # Trips months or years apart on one calendar axis are slivers at its two ends: align
    # every trip on its first day instead ("day 1, day 2, ..."), and put each trip's month
    # and year in its lane name. Hovers keep the real dates.
    aligned = (lanes == "trip" and not dated.empty
               and dated["day_end"].max() - dated["day_start"].min() > LONG_SPAN)
    shift_of_stop: dict[str, pd.Timedelta] = {}
    trip_starts: dict[str, pd.Timestamp] = {}
    if aligned:
        trip_first = dated.groupby("trip_id")["day_start"].transform("min")
        shift = dated["day_start"].min() - trip_first
        trip_starts = dict(zip(dated["trip_id"], trip_first, strict=True))
        shift_of_stop = dict(zip(dated["stop_id"], shift, strict=True))
        dated = dated.assign(day_start=dated["day_start"] + shift,
                             day_end=dated["day_end"] + shift)
    fig = go.Figure()
    lane_order: list[str] = []
    lane_of_stop: dict[str, str] = {}
    seen_lanes: set[str] = set()
    trip_lanes = _trip_lane_names(dated["trip_id"].unique(), trip_titles, trip_starts)
    # One bar trace for all stops (per-bar colours, outlines and texts are arrays): a trace
    # per stop made plotly build and Streamlit send hundreds of traces for many trips.
    bar = {"y": [], "base": [], "x": [], "color": [], "line_color": [], "line_width": [],
           "opacity": [], "text": [], "hover": [], "stop_id": []}
    for stop in dated.to_dict("records"):
        if lanes == "trip":
            lane = trip_lanes[stop["trip_id"]]
            text = str(stop["country_code"])
        else:
            lane = stop_lane(stop)
            text = ""
        if lane not in seen_lanes:
            seen_lanes.add(lane)
            lane_order.append(lane)
        lane_of_stop[stop["stop_id"]] = lane
        color = colors.get(stop["stop_id"], NEUTRAL)
        selected = stop["stop_id"] == selected_stop_id
        bar["y"].append(lane)
        bar["base"].append(stop["day_start"])
        bar["x"].append((stop["day_end"] - stop["day_start"]) / pd.Timedelta(milliseconds=1))
        bar["color"].append(color)
        bar["line_color"].append("#111111" if selected else color)
        bar["line_width"].append(3 if selected else 0)
        bar["opacity"].append(1.0 if selected or selected_stop_id is None else 0.55)
        bar["text"].append(text)
        bar["hover"].append(_stop_hover(stop, topic_labels,
                                        trip_titles.get(stop["trip_id"]) if lanes == "trip"
                                        else None))
        bar["stop_id"].append(stop["stop_id"])
    if bar["y"]:
        fig.add_trace(go.Bar(
            orientation="h", y=bar["y"], base=bar["base"], x=bar["x"],
            marker={"color": bar["color"], "opacity": bar["opacity"],
                    "line": {"color": bar["line_color"], "width": bar["line_width"]}},
            text=bar["text"], textposition="inside", insidetextanchor="middle",
            hovertext=bar["hover"], hoverinfo="text", customdata=bar["stop_id"],
            name="Stops", showlegend=False,
        ))

    first_day, last_end = (dated["day_start"].min(), dated["day_end"].max())
    if not dated.empty and (last_end - first_day) > LONG_SPAN:
        # Over months or years a stop is a sliver of a pixel: mark each one so it shows.
        fig.add_trace(go.Scatter(
            mode="markers", name="Stops", showlegend=False,
            x=[d + pd.Timedelta(hours=12) for d in dated["day_start"]],
            y=[lane_of_stop[s] for s in dated["stop_id"]],
            marker={"symbol": "circle", "size": 11,
                    "color": [colors.get(s, NEUTRAL) for s in dated["stop_id"]],
                    "line": {"color": "#FFFFFF", "width": 1}},
            customdata=list(dated["stop_id"]),
            hovertext=[_stop_hover(stop, topic_labels, trip_titles.get(stop["trip_id"]))
                       for stop in dated.to_dict("records")],
            hoverinfo="text",
        ))

    events = events[events["date"].notna() & events["stop_id"].isin(lane_of_stop)]
    long_span = not dated.empty and (last_end - first_day) > LONG_SPAN
    if not events.empty and not long_span:  # over a long span they would hide the stops
        fig.add_trace(go.Scatter(
            mode="markers", name="Events",
            x=[d + pd.Timedelta(hours=12) + shift_of_stop.get(s, pd.Timedelta(0))
               for d, s in zip(events["date"], events["stop_id"], strict=True)],
            y=[lane_of_stop[s] for s in events["stop_id"]],
            marker={"symbol": "diamond", "size": 13, "color": "#FFFFFF",
                    "line": {"color": "#111111", "width": 2}},
            customdata=list(events["stop_id"]),
            hovertext=[f"<b>{escape_html(label)}</b> ({escape_html(kind)})<br>"
                       f"{escape_html(format_days(day, day))}<br><i>“{_wrap(sentence)}”</i>"
                       for label, kind, day, sentence in zip(
                           events["label"], events["kind"], events["date"],
                           events["sentence"].fillna(""), strict=True)],
            hoverinfo="text", showlegend=False,
        ))

    firsts = list(dated["day_start"])
    ends = list(dated["day_end"])
    if record is not None and not record.empty:
        record_days = record.assign(
            day_start=pd.to_datetime(record["start"]).dt.normalize(),
            day_end=pd.to_datetime(record["end"].fillna(record["start"])).dt.normalize() + DAY,
        ).dropna(subset=["day_start"])
        rows = record_days.to_dict("records")
        statuses = [str(row.get("status") or "") for row in rows]
        if rows:
            fig.add_trace(go.Bar(
                orientation="h", y=[RECORD_LANE] * len(rows),
                base=[row["day_start"] for row in rows],
                x=[(row["day_end"] - row["day_start"]) / pd.Timedelta(milliseconds=1)
                   for row in rows],
                marker={"color": [RECORD_STATUS_COLORS.get(status, "#C4C4C4")
                                  for status in statuses],
                        "pattern": {"shape": "/", "fillmode": "overlay",
                                    "fgcolor": "#FFFFFF", "fgopacity": 0.5}},
                text=[escape_html(f"{row.get('country') or ''} {RECORD_SYMBOLS.get(status, '')}")
                      for row, status in zip(rows, statuses, strict=True)],
                textposition="inside",
                insidetextfont={"color": [
                    RECORD_TEXT_COLORS[RECORD_STATUS_COLORS.get(status, "#C4C4C4")]
                    for status in statuses]},
                hovertext=[f"<b>Official record: {escape_html(row.get('country') or '')}</b>"
                           f"<br>{escape_html(format_days(row['day_start'], row['day_end'] - DAY))}"
                           + (f"<br>{escape_html(status)}" if status else "")
                           for row, status in zip(rows, statuses, strict=True)],
                hoverinfo="text", showlegend=False, customdata=[None] * len(rows),
                name=RECORD_LANE,
            ))
        if not record_days.empty:
            lane_order.append(RECORD_LANE)
            firsts += list(record_days["day_start"])
            ends += list(record_days["day_end"])

    fig.update_layout(
        barmode="overlay", bargap=0.35, height=max(230, 90 + 48 * len(lane_order)),
        margin={"l": 10, "r": 10, "t": 10, "b": 10}, hovermode="closest",
        hoverlabel={"align": "left"}, dragmode=False,
    )
    fig.update_yaxes(categoryorder="array", categoryarray=lane_order, autorange="reversed",
                     title=None, automargin=True, fixedrange=True,
                     tickfont={"size": 13})
    fig.update_xaxes(type="date", title=None, fixedrange=True, tickfont={"size": 12})
    if firsts:
        _day_axis(fig, min(firsts), max(ends), count_days=aligned)
    else:
        fig.add_annotation(text="No dated stops to place on a day axis.", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5)
    return fig


def picked_stop(chart_state: object) -> str | None:
    """The stop_id of the bar or marker clicked on the timeline (st.plotly_chart state)."""
    selection = chart_state.get("selection") if isinstance(chart_state, Mapping) else getattr(
        chart_state, "selection", None)
    points = (selection.get("points") if isinstance(selection, Mapping)
              else getattr(selection, "points", None)) or []
    for point in points:
        value = point.get("customdata") if isinstance(point, Mapping) else None
        if isinstance(value, list) and value:  # plotly may wrap customdata in a list
            value = value[0]
        if isinstance(value, str) and value:
            return value
    return None
