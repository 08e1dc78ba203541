"""Check each extracted stop against the official record: confirmed, differs, not-in-record.

A stop is compared with the record visit of the same traveller to the same country whose
dates are closest (overlapping, or at most `nearby_days` apart):
- confirmed: the stop's known dates fall within the record's dates (an unknown start or end
  in the article is not a disagreement), or the article gives no date and the record has
  the country within `window_days` of the trip's other dates (or of the publication date);
- differs: a record visit is near but the dates disagree (the article says Peru 6-7 October,
  the record has 6 October only);
- not-in-record: no such visit, or the traveller cannot be told apart in the record;
- not-covered: the traveller is not one the record covers (U.S. presidents and secretaries
  of state only), e.g. Macron.
Every row says why in `note`.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date

import pandas as pd

from dashboard.records.traveler import TravelerIndex, TravelerMatch, match_traveler

CONFIRMED = "confirmed"
DIFFERS = "differs"
NOT_IN_RECORD = "not-in-record"
# The traveller is outside what the record covers (a French president): no visit of theirs
# can be in it, which "not in the record" would wrongly suggest is a gap.
NOT_COVERED = "not-covered"
STATUSES = (CONFIRMED, DIFFERS, NOT_IN_RECORD, NOT_COVERED)

CHECK_COLUMNS = [
    "trip_id", "stop_id", "stop_index", "country_code", "country", "start", "end", "status",
    "note", "who", "record_id", "record_start", "record_end", "record_locale", "record_country",
]
NEARBY_DAYS = 3
WINDOW_DAYS = 14


def format_span(start: object, end: object) -> str:
    """'6 Oct 2022', '6–7 Oct 2022', '30 Nov – 1 Dec 2015'; '?' stands for an unknown day."""
    a = None if start is None or pd.isna(start) else pd.Timestamp(start)
    b = None if end is None or pd.isna(end) else pd.Timestamp(end)
    if a is None and b is None:
        return "no date"
    if a is None:
        return f"? – {b:%-d %b %Y}"
    if b is None:
        return f"{a:%-d %b %Y} – ?"
    if a == b:
        return f"{a:%-d %b %Y}"
    if (a.year, a.month) == (b.year, b.month):
        return f"{a.day}–{b:%-d %b %Y}"
    if a.year == b.year:
        return f"{a:%-d %b} – {b:%-d %b %Y}"
    return f"{a:%-d %b %Y} – {b:%-d %b %Y}"


def _day(value: object) -> pd.Timestamp | None:
    if value is None or pd.isna(value):
        return None
    return pd.Timestamp(value).normalize()


def _gap_days(a: pd.Timestamp, b: pd.Timestamp, rs: pd.Timestamp, re: pd.Timestamp) -> int:
    """Days between the intervals [a, b] and [rs, re]; 0 when they overlap."""
    return max(0, (rs - b).days, (a - re).days)


def _overlap_days(a: pd.Timestamp, b: pd.Timestamp, rs: pd.Timestamp, re: pd.Timestamp) -> int:
    return max(0, (min(b, re) - max(a, rs)).days + 1)


def _record_bounds(visits: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    start = visits["start"]
    return start, visits["end"].fillna(start)


def _nearest(visits: pd.DataFrame, a: pd.Timestamp, b: pd.Timestamp) -> tuple[pd.Series, int]:
    rs, re = _record_bounds(visits)
    ranked = visits.assign(
        _gap=[_gap_days(a, b, s, e) for s, e in zip(rs, re, strict=True)],
        _overlap=[-_overlap_days(a, b, s, e) for s, e in zip(rs, re, strict=True)],
        _dist=[abs((s - a).days) for s in rs],
    ).sort_values(["_gap", "_overlap", "_dist"], kind="stable")
    best = ranked.iloc[0]
    return best, int(best["_gap"])


def _within(day: pd.Timestamp | None, rs: pd.Timestamp, re: pd.Timestamp) -> bool:
    return day is None or rs <= day <= re


def _where(visit: pd.Series, span: str) -> str:
    """'Lima, 6 Oct 2022' (the record's locale, when it has one, then its dates)."""
    locale = visit["locale"]
    return f"{locale}, {span}" if locale is not None and not pd.isna(locale) else span


def _check_one(stop: pd.Series, visits: pd.DataFrame, window: tuple[pd.Timestamp, pd.Timestamp]
               | None, nearby_days: int, window_days: int) -> tuple[str, str, pd.Series | None]:
    code = stop.get("country_code")
    country = stop.get("country") if not pd.isna(stop.get("country")) else code
    if code is None or pd.isna(code):
        return NOT_IN_RECORD, "the stop has no country code to look up", None
    same_country = visits[(visits["country_code"] == code) & visits["start"].notna()]
    start, end = _day(stop.get("start")), _day(stop.get("end"))
    if start is None and end is None:
        if window is None:
            return (NOT_IN_RECORD, "the article gives no date for this stop or the trip, and no "
                    "publication date, so there is nothing to look up", None)
        lo, hi = window
        near = same_country[(same_country["start"] <= hi + pd.Timedelta(days=window_days))
                            & (same_country["end"].fillna(same_country["start"])
                               >= lo - pd.Timedelta(days=window_days))]
        if near.empty:
            return (NOT_IN_RECORD, f"no visit to {country} in the record within {window_days} "
                    f"days of {format_span(lo, hi)}", None)
        visit, _ = _nearest(near, lo, hi)
        span = format_span(visit["start"], visit["end"])
        return CONFIRMED, f"no date in the article; record: {_where(visit, span)}", visit
    a, b = start or end, end or start
    if same_country.empty:
        return NOT_IN_RECORD, f"the record has no visit to {country} by this traveller", None
    visit, gap = _nearest(same_country, a, b)
    if gap > nearby_days:
        return (NOT_IN_RECORD, f"no visit to {country} in the record within {nearby_days} days "
                f"of {format_span(start, end)}; nearest is "
                f"{format_span(visit['start'], visit['end'])}", None)
    rs = visit["start"]
    re = visit["end"] if not pd.isna(visit["end"]) else rs
    record_span = format_span(rs, visit["end"])
    if _within(start, rs, re) and _within(end, rs, re):
        unknown = ("; the article gives no end date" if end is None
                   else "; the article gives no start date" if start is None else "")
        return CONFIRMED, f"record: {_where(visit, record_span)}{unknown}", visit
    only = " only" if rs == re else ""
    return (DIFFERS, f"article: {format_span(start, end)}; record: "
            f"{_where(visit, record_span)}{only}", visit)


def _trip_window(stops: pd.DataFrame,
                 published: object) -> tuple[pd.Timestamp, pd.Timestamp] | None:
    days = pd.to_datetime(pd.concat([stops["start"], stops["end"]])).dropna() if len(
        stops) else pd.Series(dtype="datetime64[ns]")
    if len(days):
        return pd.Timestamp(days.min()).normalize(), pd.Timestamp(days.max()).normalize()
    pub = _day(published)
    return (pub, pub) if pub is not None else None


def trip_days(itinerary: pd.DataFrame, published: object = None) -> list[pd.Timestamp]:
    """The known days of a trip (stop starts and ends), else its publication date."""
    window = _trip_window(itinerary, published)
    return [] if window is None else sorted({window[0], window[1]})


def check_stops(itinerary: pd.DataFrame, records: pd.DataFrame, traveler: str | None,
                published: date | pd.Timestamp | None = None, *,
                nearby_days: int = NEARBY_DAYS, window_days: int = WINDOW_DAYS,
                index: TravelerIndex | None = None) -> pd.DataFrame:
    """One row per stop of `itinerary` (tables.py shape) with its status against the record.
    `index`: `TravelerIndex.build(records)`, when checking many trips against one record."""
    match = match_traveler(traveler, records, trip_days(itinerary, published), index)
    return check_stops_for(itinerary, records, match, published,
                           nearby_days=nearby_days, window_days=window_days)


def check_stops_for(itinerary: pd.DataFrame, records: pd.DataFrame, match: TravelerMatch,
                    published: object = None, *, nearby_days: int = NEARBY_DAYS,
                    window_days: int = WINDOW_DAYS) -> pd.DataFrame:
    """As `check_stops`, for a traveller already matched."""
    return check_frame(check_rows(itinerary, records, match, published,
                                  nearby_days=nearby_days, window_days=window_days))


def check_rows(itinerary: pd.DataFrame, records: pd.DataFrame, match: TravelerMatch,
               published: object = None, *, nearby_days: int = NEARBY_DAYS,
               window_days: int = WINDOW_DAYS) -> list[dict[str, object]]:
    """The rows of `check_stops_for` as plain dicts (CHECK_COLUMNS keys): many trips' rows
    become one frame with `check_frame`, instead of a frame per trip."""
    visits = records[records["who"] == match.who] if match.who else records.iloc[0:0]
    rows: list[dict[str, object]] = []
    for trip_id, stops in _by_trip(itinerary):
        window = _trip_window(stops, published)
        for _, stop in stops.iterrows():
            if match.who is None:
                status = NOT_IN_RECORD if match.covered else NOT_COVERED
                note, visit = match.note, None
            else:
                status, note, visit = _check_one(stop, visits, window, nearby_days, window_days)
            rows.append({
                "trip_id": trip_id, "stop_id": stop.get("stop_id"),
                "stop_index": stop.get("stop_index"), "country_code": stop.get("country_code"),
                "country": stop.get("country"), "start": _day(stop.get("start")),
                "end": _day(stop.get("end")), "status": status, "note": note, "who": match.who,
                "record_id": None if visit is None else visit["id"],
                "record_start": None if visit is None else visit["start"],
                "record_end": None if visit is None else visit["end"],
                "record_locale": None if visit is None else visit["locale"],
                "record_country": None if visit is None else visit["country"],
            })
    return rows


def check_frame(rows: list[dict[str, object]]) -> pd.DataFrame:
    """`check_rows` output as the typed CHECK_COLUMNS frame."""
    frame = pd.DataFrame(rows, columns=CHECK_COLUMNS)
    for col in ("start", "end", "record_start", "record_end"):
        frame[col] = pd.to_datetime(frame[col]).astype("datetime64[ns]")
    for col in ("record_id", "record_locale", "record_country", "who", "note", "status"):
        frame[col] = frame[col].astype("string")
    frame["stop_index"] = frame["stop_index"].astype("Int64")
    return frame


def _by_trip(itinerary: pd.DataFrame) -> Iterable[tuple[object, pd.DataFrame]]:
    if "trip_id" not in itinerary.columns or itinerary.empty:
        return [(None, itinerary)]
    order = "stop_index" if "stop_index" in itinerary.columns else None
    groups = []
    for trip_id, stops in itinerary.groupby("trip_id", sort=False):
        groups.append((trip_id, stops.sort_values(order) if order else stops))
    return groups


def trip_record(itinerary: pd.DataFrame, records: pd.DataFrame, traveler: str | None,
                published: object = None, margin_days: int = NEARBY_DAYS,
                match: TravelerMatch | None = None) -> pd.DataFrame:
    """The traveller's record visits during the trip (± margin): the 'official record' lane.
    `match`: the traveller already matched (callers that checked the stops have it)."""
    days = trip_days(itinerary, published)
    if match is None:
        match = match_traveler(traveler, records, days)
    if match.who is None or not days:
        return records.iloc[0:0]
    margin = pd.Timedelta(days=margin_days)
    visits = records[records["who"] == match.who]
    ends = visits["end"].fillna(visits["start"])
    return visits[(visits["start"] <= days[-1] + margin) & (ends >= days[0] - margin)]


def record_lane(itinerary: pd.DataFrame, records: pd.DataFrame, traveler: str | None,
                published: object = None, margin_days: int = NEARBY_DAYS,
                check: pd.DataFrame | None = None,
                match: TravelerMatch | None = None) -> pd.DataFrame:
    """The 'official record' timeline lane of a trip: the traveller's record visits during
    the trip, each with the status of the stop it was matched to ("confirmed", "differs"),
    or "only in the record" when no stop of the article matches it."""
    columns = ["id", "start", "end", "country", "country_code", "locale", "status"]
    visits = trip_record(itinerary, records, traveler, published, margin_days, match)
    if visits.empty:
        return pd.DataFrame(columns=columns)
    if check is None:  # callers that already checked the stops pass the result in
        check = check_stops(itinerary, records, traveler, published)
    status_of = dict(zip(check["record_id"].dropna(), check.dropna(subset=["record_id"])["status"],
                         strict=True))
    lane = visits.assign(status=[status_of.get(i, "only in the record") for i in visits["id"]])
    return lane[columns].reset_index(drop=True)
