"""Group a traveller's record visits into journeys, select by date, and thin out for charts.

The record lists country visits; a journey is a run of visits by one traveller where each
begins at most `gap_days` after the previous ones ended (Colombia 3-4 Oct, Chile 5 Oct,
Peru 6 Oct 2022 is one journey). Its id is readable and stable for a given record:
"blinken-2022-10", with "-2", "-3" for further journeys starting in the same month.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

import pandas as pd

GAP_DAYS = 3
MARK_LIMIT = 400
LABEL_COUNTRIES = 4

JOURNEY_COLUMNS = ["journey_id", "label", "who", "name", "role", "start", "end", "n_visits",
                   "countries", "country_codes", "locales"]


def assign_journeys(records: pd.DataFrame, gap_days: int = GAP_DAYS) -> pd.DataFrame:
    """The visits with `journey_id` and `journey_label` columns, sorted by traveller and date.

    `journey_id` is a stable slug ("blinken-2021-03-2"); `journey_label` says it in words:
    "Blinken, Mar 2021 (2): Japan, South Korea". Visits with no start date cannot be placed
    and get no journey. Records that already have journeys are returned as they are.
    """
    if "journey_id" in records.columns and "journey_label" in records.columns:
        return records
    frame = records.sort_values(["who", "start", "end"], kind="stable", na_position="last")
    frame = frame.reset_index(drop=True)
    journey_of = pd.Series(pd.NA, index=frame.index, dtype="string")
    keys: dict[int, tuple[str, pd.Timestamp]] = {}
    number = 0
    gap = pd.Timedelta(days=gap_days)
    for _who, visits in frame[frame["start"].notna()].groupby("who", sort=False):
        reach: pd.Timestamp | None = None
        for idx, start, end in zip(visits.index, visits["start"], visits["end"], strict=True):
            finish = end if not pd.isna(end) else start
            if reach is None or start - reach > gap:
                number += 1
                keys[number] = (str(_who), start)
                reach = finish
            else:
                reach = max(reach, finish)
            journey_of[idx] = str(number)
    ids = _readable_ids(keys)
    frame["journey_id"] = journey_of.map(lambda n: ids.get(int(n)) if not pd.isna(n) else pd.NA)
    frame["journey_id"] = frame["journey_id"].astype("string")
    # One pass over plain lists: a pandas group per journey cost seconds for the whole record.
    facts: dict[str, tuple[object, str, pd.Timestamp, list[str]]] = {}
    names = frame["name"] if "name" in frame else pd.Series(None, index=frame.index)
    for jid, who, name, start, country in zip(frame["journey_id"], frame["who"], names,
                                              frame["start"], frame["country"], strict=True):
        if pd.isna(jid):
            continue
        entry = facts.setdefault(str(jid), (name, str(who), start, []))
        if not pd.isna(country) and str(country) not in entry[3]:
            entry[3].append(str(country))
    labels = {jid: f"{_journey_words(jid, name, who, start)}: {_names_list(countries)}"
              for jid, (name, who, start, countries) in facts.items()}
    frame["journey_label"] = frame["journey_id"].map(labels).astype("string")
    return frame


def _readable_ids(keys: dict[int, tuple[str, pd.Timestamp]]) -> dict[int, str]:
    ids: dict[int, str] = {}
    seen: dict[str, int] = {}
    for number, (who, start) in sorted(keys.items(), key=lambda kv: (kv[1][1], kv[1][0])):
        base = f"{who.split('-')[0]}-{start:%Y-%m}"
        seen[base] = seen.get(base, 0) + 1
        ids[number] = base if seen[base] == 1 else f"{base}-{seen[base]}"
    return ids


def _surname(name: object, who: str) -> str:
    """'Antony J. Blinken' -> 'Blinken'; 'George H. W. Bush' -> 'Bush'; the slug's first
    word when the record gives no name."""
    words = [w for w in str(name or "").replace(",", " ").split()
             if w.rstrip(".").lower() not in {"jr", "sr", "ii", "iii", "iv"}]
    return words[-1] if words and not pd.isna(name) else who.split("-")[0].title()


def _journey_words(journey_id: str, name: object, who: str, first: pd.Timestamp) -> str:
    """'Blinken, Mar 2021', with ' (2)' for the second journey that month (`first`: the
    journey's first day)."""
    surname = _surname(name, who)
    parts = journey_id.rsplit("-", 1)
    nth = f" ({parts[1]})" if len(parts) == 2 and parts[1].isdigit() and len(
        journey_id.split("-")) > 3 else ""
    return f"{surname}, {first:%b %Y}{nth}"


def _names_list(names: list[str], limit: int = LABEL_COUNTRIES) -> str:
    """'Japan, South Korea'; past `limit` names: the first ones and '(+3)'."""
    if len(names) > limit:
        return ", ".join(names[:limit]) + f" (+{len(names) - limit})"
    return ", ".join(names)


def journey_table(records: pd.DataFrame, gap_days: int = GAP_DAYS) -> pd.DataFrame:
    """One row per journey: id, label, traveller, first and last day, visits, countries."""
    visits = records if "journey_id" in records.columns else assign_journeys(records, gap_days)
    visits = visits.dropna(subset=["journey_id"])
    if visits.empty:
        return pd.DataFrame(columns=JOURNEY_COLUMNS)
    ends = visits["end"].fillna(visits["start"])
    table = (
        visits.assign(_end=ends)
        .groupby("journey_id", sort=False)
        .agg(label=("journey_label", "first"), who=("who", "first"), name=("name", "first"),
             role=("role", "first"), start=("start", "min"), end=("_end", "max"),
             n_visits=("id", "size"),
             countries=("country", lambda s: list(dict.fromkeys(s.dropna().astype(str)))),
             country_codes=("country_code",
                            lambda s: list(dict.fromkeys(s.dropna().astype(str)))),
             locales=("locale", lambda s: list(dict.fromkeys(s.dropna().astype(str)))))
        .reset_index()
        .sort_values(["start", "who"], kind="stable")
        .reset_index(drop=True)
    )
    return table[JOURNEY_COLUMNS]


def _as_day(value: date | str | pd.Timestamp | None) -> pd.Timestamp | None:
    if value is None or (not isinstance(value, str) and pd.isna(value)):
        return None
    return pd.Timestamp(value).normalize()


def records_in_range(records: pd.DataFrame, who: str | list[str] | tuple[str, ...] | None = None,
                     start: date | str | pd.Timestamp | None = None,
                     end: date | str | pd.Timestamp | None = None) -> pd.DataFrame:
    """Visits by `who` (a slug, several, or None for everyone) overlapping [start, end]."""
    frame = records
    if who:
        wanted = [who] if isinstance(who, str) else list(who)
        frame = frame[frame["who"].isin(wanted)]
    lo, hi = _as_day(start), _as_day(end)
    visit_end = frame["end"].fillna(frame["start"])
    if lo is not None:
        frame = frame[visit_end >= lo]
    if hi is not None:
        frame = frame[frame["start"] <= hi]
    return frame


@dataclass(frozen=True)
class ChartRows:
    """What a chart should draw, whether it was aggregated to stay readable, and a message
    saying so (empty when every visit is drawn)."""

    frame: pd.DataFrame
    aggregated: bool
    level: str
    message: str


def rows_for_chart(records: pd.DataFrame, limit: int = MARK_LIMIT,
                   gap_days: int = GAP_DAYS) -> ChartRows:
    """Visits as they are when there are at most `limit`; else one row per journey; else one
    row per traveller and country (visit counts). The message names the step taken."""
    n = len(records)
    visits = records if "journey_id" in records.columns else assign_journeys(records, gap_days)
    if n <= limit:
        return ChartRows(visits, False, "visit", "")
    journeys = journey_table(visits, gap_days)
    if len(journeys) <= limit:
        return ChartRows(journeys, True, "journey",
                         f"{n:,} visits are too many to draw one by one; showing "
                         f"{len(journeys):,} journeys instead (limit {limit:,} marks).")
    counts = country_counts(records)
    return ChartRows(counts, True, "country",
                     f"{n:,} visits in {len(journeys):,} journeys are too many to draw; showing "
                     f"visit counts per traveller and country ({len(counts):,} rows) instead.")


def country_counts(records: pd.DataFrame) -> pd.DataFrame:
    """Visits per traveller and country, with first and last visit."""
    if records.empty:
        return pd.DataFrame(columns=["who", "name", "country", "country_code", "visits",
                                     "first", "last"])
    keyed = records.assign(_country=records["country"].fillna("(no country)"))
    return (
        keyed.groupby(["who", "_country"], sort=False, dropna=False)
        .agg(name=("name", "first"), country_code=("country_code", "first"),
             visits=("id", "size"), first=("start", "min"), last=("start", "max"))
        .reset_index()
        .rename(columns={"_country": "country"})
        .sort_values(["visits", "who"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)[["who", "name", "country", "country_code", "visits", "first",
                                 "last"]]
    )


def traveler_summary(records: pd.DataFrame, gap_days: int = GAP_DAYS) -> pd.DataFrame:
    """One row per traveller: who, name, role, visits, journeys, countries, first, last."""
    columns = ["who", "name", "role", "visits", "journeys", "countries", "first", "last"]
    if records.empty:
        return pd.DataFrame(columns=columns)
    visits = assign_journeys(records, gap_days)
    table = (
        visits.groupby("who", sort=False)
        .agg(name=("name", "first"), role=("role", "first"), visits=("id", "size"),
             journeys=("journey_id", "nunique"), countries=("country", "nunique"),
             first=("start", "min"), last=("start", "max"))
        .reset_index()
        .sort_values(["role", "first"], ascending=[False, True], kind="stable")
        .reset_index(drop=True)
    )
    return table[columns]
