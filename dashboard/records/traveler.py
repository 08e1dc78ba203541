"""Match a traveller as an article names them ("Secretary of State Antony J. Blinken",
"President Biden") to a traveller of the official record (`who` slug).

A surname can belong to several record travellers (two Bushes, two Roosevelts, Hillary and
Bill Clinton), and the same person can travel in another office ("Vice President Biden",
climate envoy Kerry). So a candidate must share the surname and, when the trip's dates are
known, hold the office at those dates. Tenure is read from the record itself: in a role
(secretary or president), the incumbent at a date is the traveller whose last recorded visit
began on or before it; the next traveller counts too when their first visit is near, for a
trip in the first weeks of a tenure that the record does not have.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np
import pandas as pd

# Words of a title or an honorific, never part of a name.
TITLE_WORDS = {
    "us", "u.s.", "united", "states", "secretary", "of", "state", "president", "mr", "mrs",
    "ms", "dr", "the", "top", "diplomat", "american", "former", "then", "madam", "sir",
}
SUFFIXES = {"jr", "sr", "ii", "iii", "iv"}
NICKNAMES = {"bill": "william", "tony": "antony", "mike": "michael", "condi": "condoleezza",
             "teddy": "theodore", "ike": "dwight", "jim": "james"}
# A successor's first recorded visit this close after a trip date still counts as their tenure.
SUCCESSOR_GRACE = pd.Timedelta(days=120)


@dataclass(frozen=True)
class TravelerMatch:
    """The record traveller a name refers to (who is None when there is none) and why."""

    query: str
    who: str | None
    name: str | None
    role: str | None
    note: str
    covered: bool = True
    """False when the record does not cover this traveller at all (not a U.S. president or
    secretary of state): "not in the record" would then wrongly suggest a missing visit."""


COVERAGE = "the record covers U.S. presidents and secretaries of state"


def _fold(text: str) -> str:
    plain = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in plain if not unicodedata.combining(ch)).casefold()


def name_tokens(text: str) -> list[str]:
    """Lower-case, accent-free words of a name, titles and suffixes removed."""
    words = re.findall(r"[a-z]+(?:['-][a-z]+)*", _fold(text))
    return [w for w in words if w not in TITLE_WORDS and w not in SUFFIXES]


def role_hint(text: str) -> str | None:
    """'president' or 'secretary' when the text names the office; vice-presidents are not."""
    folded = _fold(text)
    if re.search(r"\bvice[\s-]+president\b", folded):
        return "vice-president"
    if re.search(r"\bsecretary\b", folded):
        return "secretary"
    if re.search(r"\bpresident\b", folded):
        return "president"
    return None


def traveler_table(records: pd.DataFrame) -> pd.DataFrame:
    """One row per record traveller: who, name, role, surname, first and last visit."""
    if records.empty:
        return pd.DataFrame(columns=["who", "name", "role", "surname", "first", "last"])
    table = (
        records.groupby("who", sort=False)
        .agg(name=("name", "first"), role=("role", "first"), first=("start", "min"),
             last=("start", "max"))
        .reset_index()
    )
    table["surname"] = [str(w).split("-")[0] for w in table["who"]]
    return table


@dataclass(frozen=True)
class TravelerIndex:
    """What matching needs from the record, built once per record (not per trip): the
    traveller table, and per role the visits' start days in order with their traveller, so
    the incumbent at a date is a binary search instead of a scan of all 4,271 visits."""

    table: pd.DataFrame
    starts: dict[str, np.ndarray]
    whos: dict[str, list[str]]

    @classmethod
    def build(cls, records: pd.DataFrame) -> TravelerIndex:
        starts: dict[str, np.ndarray] = {}
        whos: dict[str, list[str]] = {}
        if not records.empty:
            dated = records[records["start"].notna()]
            for role, visits in dated.groupby("role", sort=False):
                ordered = visits.sort_values("start", kind="stable")
                starts[str(role)] = ordered["start"].to_numpy(dtype="datetime64[ns]")
                whos[str(role)] = [str(w) for w in ordered["who"]]
        return cls(traveler_table(records), starts, whos)

    def incumbents(self, role: str, day: pd.Timestamp) -> set[str]:
        """The traveller in `role` whose last visit began on or before `day` (the first of
        them in the record on a tie) and the successor whose first visit follows within
        SUCCESSOR_GRACE."""
        starts = self.starts.get(role)
        if starts is None or not len(starts):
            return set()
        moment = np.datetime64(day.to_datetime64(), "ns")
        found: set[str] = set()
        after = int(np.searchsorted(starts, moment, side="right"))
        if after > 0:
            first_of_tie = int(np.searchsorted(starts, starts[after - 1], side="left"))
            found.add(self.whos[role][first_of_tie])
        grace = np.datetime64((day + SUCCESSOR_GRACE).to_datetime64(), "ns")
        if after < len(starts) and starts[after] <= grace:
            found.add(self.whos[role][after])
        return found


def _given_names(candidate: pd.Series) -> set[str]:
    names = set(str(candidate["who"]).split("-")[1:])
    names.update(name_tokens(str(candidate["name"] or ""))[:-1])
    return names


def _fits(token: str, names: set[str]) -> bool:
    token = NICKNAMES.get(token, token)
    if len(token) == 1:
        return any(n.startswith(token) for n in names)
    return token in names or any(len(n) == 1 and token.startswith(n) for n in names)


def _narrow_by_given_names(given: list[str], candidates: pd.DataFrame) -> pd.DataFrame:
    """Drop candidates a given name contradicts ("Bill" is not Hillary); when the article
    writes middle initials, prefer the candidate with exactly those (W. is not H. W.)."""
    names = [_given_names(row) for _, row in candidates.iterrows()]
    fits = [all(_fits(t, n) for t in given) for n in names]
    if any(fits):
        candidates = candidates[fits]
        names = [n for n, ok in zip(names, fits, strict=True) if ok]
    initials = {t for t in given if len(t) == 1}
    if initials and len(candidates) > 1:
        exact = [{n for n in ns if len(n) == 1} == initials for ns in names]
        if any(exact):
            candidates = candidates[exact]
    return candidates


def match_traveler(traveler: str | None, records: pd.DataFrame,
                   dates: Iterable[object] = (),
                   index: TravelerIndex | None = None) -> TravelerMatch:
    """The record traveller `traveler` names, checked against the trip's `dates`. Pass an
    `index` (`TravelerIndex.build(records)`) when matching many trips against one record."""
    query = traveler.strip() if isinstance(traveler, str) else ""
    if not query:
        return TravelerMatch(query, None, None, None, "the article names no traveller")
    tokens = name_tokens(query)
    if not tokens:
        return TravelerMatch(query, None, None, None, f"no name in {query!r}")
    surname, given = tokens[-1], tokens[:-1]
    index = index if index is not None else TravelerIndex.build(records)
    table = index.table
    candidates = table[table["surname"] == surname]
    if candidates.empty:
        # Slugs start with the surname; the record's full name is a second chance
        # (compound surnames, slugs that differ from the name).
        last_words = [name_tokens(str(n))[-1:] for n in table["name"].fillna("")]
        candidates = table[[words == [surname] for words in last_words]]
    if candidates.empty:
        if table.empty:  # no record read at all: nothing to say about its coverage
            return TravelerMatch(query, None, None, None,
                                 f"no traveller named {surname.title()} in the record")
        return TravelerMatch(query, None, None, None,
                             f"no traveller named {surname.title()} in the record: {COVERAGE}",
                             covered=False)
    hint = role_hint(query)
    if hint == "vice-president":
        return TravelerMatch(query, None, None, None,
                             f"{query!r} is a vice-president: {COVERAGE}", covered=False)
    if hint is not None and (candidates["role"] == hint).any():
        candidates = candidates[candidates["role"] == hint]
    days = sorted({pd.Timestamp(d).normalize() for d in dates if d is not None and not pd.isna(d)})
    if days:
        in_office = [
            who for who in candidates["who"]
            if all(
                who in index.incumbents(str(role), day)
                for role in candidates.loc[candidates["who"] == who, "role"]
                for day in days
            )
        ]
        if not in_office:
            names = ", ".join(candidates["name"].fillna(candidates["who"]))
            span = f"{days[0]:%d %b %Y}" + (f" to {days[-1]:%d %b %Y}" if len(days) > 1 else "")
            return TravelerMatch(query, None, None, None,
                                 f"{names} did not hold office on {span} per the record")
        candidates = candidates[candidates["who"].isin(in_office)]
    if len(candidates) > 1 and given:
        candidates = _narrow_by_given_names(given, candidates)
    if len(candidates) > 1:
        names = ", ".join(candidates["name"].fillna(candidates["who"]))
        return TravelerMatch(query, None, None, None,
                             f"{query!r} could be any of {names}; give dates to tell them apart")
    row = candidates.iloc[0]
    basis = "surname" + (" and dates in office" if days else "")
    return TravelerMatch(query, str(row["who"]), str(row["name"]), str(row["role"]),
                         f"{query!r} is {row['name']} ({row['role']}), matched on {basis}")
