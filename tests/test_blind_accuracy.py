"""Accuracy floors on the blind evaluation sets (tests/fixtures/blind, see its README).

The floors are today's figures: a change that loses ground on any set fails here. Every set
up to set16 has been read while writing rules; set17 and set18 were only measured (summary
lines), so their figures are the nearest estimate of unseen articles. The README of
tests/fixtures/blind gives each set's first, blind figure.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from dashboard.extraction.accuracy import format_report, measure_folder, overall

BLIND = Path(__file__).resolve().parent / "fixtures" / "blind"
FLOORS = {  # measured figures, rounded down to 0.001 (see tests/fixtures/blind/README.md)
    "set2": {"country_f1": 1.0, "country_set": 1.0, "country_order": 1.0, "start": 0.911,
             "end": 0.764, "city": 0.97, "leaders": 0.941, "leader_f1": 0.967,
             "stop_order": 0.958, "traveller": 1.0, "six_part": 0.955},
    "set3": {"country_f1": 0.94, "country_set": 0.9, "country_order": 0.9, "start": 0.931,
             "end": 0.862, "city": 1.0, "leaders": 0.793, "leader_f1": 0.83,
             "stop_order": 1.0, "traveller": 1.0, "six_part": 0.944},
    "set4": {"country_f1": 0.933, "country_set": 0.8, "country_order": 0.7, "start": 0.937,
             "end": 0.937, "city": 1.0, "leaders": 0.875, "leader_f1": 0.943,
             "stop_order": 1.0, "traveller": 1.0, "six_part": 0.969},
    "set5": {"country_f1": 0.975, "country_set": 0.875, "country_order": 0.875,
             "start": 0.842, "end": 0.789, "city": 0.947, "leaders": 0.947,
             "leader_f1": 1.0, "stop_order": 0.909, "traveller": 1.0, "six_part": 0.941},
    # written on 2026-11-30 by someone who had not seen the code; first measured on main at
    # bfbe781 (six-part 0.725) and after the date, order and people rules of that day (0.729)
    # before anyone looked at its misses. Since then a development set (first round of
    # 2026-11-30's rules), with 19 end dates aligned to the development articles' convention
    "set6": {"country_f1": 0.99, "country_set": 0.916, "country_order": 0.75,
             "start": 0.974, "end": 0.794, "city": 1.0, "leaders": 0.846,
             "leader_f1": 0.944, "stop_order": 0.925, "traveller": 1.0, "six_part": 0.957},
    # written on 2026-11-30 without seeing the code; measured blind on main at 86a2884 (0.801)
    # and after the first round of that day's rules (0.809); a development set since
    "set7": {"country_f1": 0.989, "country_set": 0.928, "country_order": 0.857,
             "start": 0.937, "end": 0.854, "city": 1.0, "leaders": 1.0, "leader_f1": 1.0,
             "stop_order": 0.97, "traveller": 1.0, "six_part": 0.976},
    # written on 2026-11-30 without seeing the code; measured blind on main at 86a2884 (0.783),
    # after the first round of that day's rules (0.768) and after the second (0.775); read
    # and tuned on in the third round (0.842; 0.896 after the evening's rounds)
    # (set8's "leader_f1" floor went from 0.921 to 0.913 in round 10: "following his visits
    # to Jeddah ... and to Abu Dhabi" now puts those stops before Doha, stop order 86% -> 89%,
    # six-part 0.904 -> 0.907; the re-aligned stops count one host met at the wrong stop)
    # (round 14: leaders 0.857 -> 0.836, leader_f1 0.921 -> 0.912. In its Pacific transcript
    # the traveller is still read as Australia's minister, so Wang Yi's "Suva ... co-chaired
    # the meeting with Fiji's Prime Minister" is another's trip, whose meetings now go with it)
    "set8": {"country_f1": 0.97, "country_set": 0.785, "country_order": 0.714,
             "start": 0.857, "end": 0.734, "city": 0.979, "leaders": 0.836,
             "leader_f1": 0.912, "stop_order": 0.885, "traveller": 0.928,
             "six_part": 0.912},
    # written on 2026-11-30 without seeing the code; measured blind on main at 86a2884 (0.806)
    # and at the end of that day's three rounds (0.818); read and tuned on in the evening's
    # rounds (0.933)
    "set9": {"country_f1": 0.959, "country_set": 0.75, "country_order": 0.583,
             "start": 0.886, "end": 0.772, "city": 0.977, "leaders": 0.863,
             "leader_f1": 0.919, "stop_order": 0.968, "traveller": 1.0, "six_part": 0.942},
    # written on 2026-11-30 without seeing the code; measured blind on main at 4fa4143
    # (0.773) and after that evening's first round (0.774); read and tuned on in the second
    # and third rounds (0.881)
    "set10": {"country_f1": 1.0, "country_set": 1.0, "country_order": 0.714, "start": 0.868,
             "end": 0.815, "city": 0.921, "leaders": 0.815, "leader_f1": 0.888,
             "stop_order": 0.875, "traveller": 1.0, "six_part": 0.921},
    # written on 2026-11-30 without seeing the code; measured on main at 4fa4143 (0.687) and
    # after that evening's second and third rounds (0.722, 0.725); never looked at
    "set11": {"country_f1": 0.993, "country_set": 0.928, "country_order": 0.785,
             "start": 0.945, "end": 0.818, "city": 1.0, "leaders": 0.909,
             "leader_f1": 0.954, "stop_order": 0.951, "traveller": 1.0, "six_part": 0.963},
    "set12": {"country_f1": 0.95, "country_set": 0.857, "country_order": 0.571,
             "start": 0.944, "end": 0.555, "city": 0.972, "leaders": 0.888,
             "leader_f1": 0.925, "stop_order": 1.0, "traveller": 1.0, "six_part": 0.932},
    # (set13's "leaders" floor went from 0.636 to 0.613 in round 8: a wrong stop, "Metro" in
    # Indonesia from "Metro Manila", and a second Manila are gone, and the truth's Caliraya,
    # a place no gazetteer here lists, had been aligned to one of them with no leaders;
    # every other set13 field rose, six-part 0.843 -> 0.859)
    # (country_f1 0.899: the measured 0.8999999999999998 is below 0.9 by rounding alone)
    "set13": {"country_f1": 0.899, "country_set": 0.642, "country_order": 0.571,
             "start": 0.909, "end": 0.795, "city": 0.954, "leaders": 0.659,
             "leader_f1": 0.81, "stop_order": 0.9, "traveller": 0.928, "six_part": 0.891},
    "set14": {"country_f1": 0.951, "country_set": 0.714, "country_order": 0.5,
             "start": 0.888, "end": 0.685, "city": 0.925, "leaders": 0.592,
             "leader_f1": 0.72, "stop_order": 0.825, "traveller": 1.0, "six_part": 0.868},
    "set15": {"country_f1": 0.933, "country_set": 0.642, "country_order": 0.571,
             "start": 0.958, "end": 0.791, "city": 0.958, "leaders": 0.708,
             "leader_f1": 0.833, "stop_order": 0.911, "traveller": 0.928,
             "six_part": 0.906},
    "set16": {"country_f1": 0.852, "country_set": 0.571, "country_order": 0.428,
             "start": 0.833, "end": 0.547, "city": 0.88, "leaders": 0.642,
             "leader_f1": 0.739, "stop_order": 0.785, "traveller": 1.0, "six_part": 0.824},
    # (end 0.755 -> 0.733 in round 13: a false second stop is gone, country F1 0.96 ->
    # 0.99, and with it the day it gave Beijing's end, which matched the truth only so)
    "set17": {"country_f1": 0.985, "country_set": 0.928, "country_order": 0.571,
             "start": 0.888, "end": 0.755, "city": 0.888, "leaders": 0.844,
             "leader_f1": 0.936, "stop_order": 0.838, "traveller": 0.928, "six_part": 0.9},
    "set18": {"country_f1": 0.916, "country_set": 0.785, "country_order": 0.5,
             "start": 0.884, "end": 0.788, "city": 0.961, "leaders": 0.884,
             "leader_f1": 0.948, "stop_order": 0.894, "traveller": 0.928,
             "six_part": 0.914},
    # (round 14: six-part 0.826 -> 0.815. "Delhi" and "New Delhi" are now one stop; its Agra
    # summit page had two stops only because they were two, and Agra, named as "the city",
    # gets no stop of its own)
    "set19": {"country_f1": 0.89, "country_set": 0.642, "country_order": 0.428,
             "start": 0.688, "end": 0.533, "city": 0.844, "leaders": 0.688,
             "leader_f1": 0.809, "stop_order": 0.806, "traveller": 0.928,
             "six_part": 0.815},
    # (1 Dec, round 12: leader_f1 0.772 -> 0.764 and six_part 0.821 -> 0.820 when "March 21"
    # stopped being March, England: the factbox's return to New Delhi now gets its day and
    # Vajpayee, whom the truth, merging both New Delhi stays into one stop, counts at the
    # first)
    "set20": {"country_f1": 0.947, "country_set": 0.785, "country_order": 0.357,
             "start": 0.765, "end": 0.531, "city": 0.893, "leaders": 0.702,
             "leader_f1": 0.808, "stop_order": 0.666, "traveller": 1.0, "six_part": 0.827},
    "set21": {"country_f1": 0.963, "country_set": 0.714, "country_order": 0.571,
             "start": 0.75, "end": 0.659, "city": 0.931, "leaders": 0.636,
             "leader_f1": 0.734, "stop_order": 0.833, "traveller": 0.857,
             "six_part": 0.837},
    "set22": {"country_f1": 0.869, "country_set": 0.785, "country_order": 0.5,
             "start": 0.723, "end": 0.574, "city": 0.787, "leaders": 0.638,
             "leader_f1": 0.753, "stop_order": 0.727, "traveller": 0.857,
             "six_part": 0.773},
    # written on 2026-12-01 without seeing the code (everyday pages: national newspapers,
    # wires filed mid-trip, an encyclopedia section, an embassy item, local TV and radio,
    # an explainer, photo galleries, a media advisory, a column, a business paper); measured
    # blind on f7e267f at 0.579, then read and tuned on in round 12 (0.817)
    # (end 0.766 -> 0.733, leaders 0.733 -> 0.7, six_part 0.817 -> 0.814 when "March 25"
    # stopped being March, England: the day of "addressed ... the United States Congress"
    # goes to the first US stop, Camp David, by the country inside the body's name)
    "set23": {"country_f1": 0.878, "country_set": 0.642, "country_order": 0.357,
             "start": 0.766, "end": 0.733, "city": 0.8, "leaders": 0.7, "leader_f1": 0.842,
             "stop_order": 0.687, "traveller": 0.928, "six_part": 0.814},
    # written on 2026-12-01 without seeing the code (machine-translated pages, a social-media
    # thread, a speech, a weekly roundup, a home-town paper, an almanac chronology, an
    # interview, a wire advance with an update, culture and sports angles, a campus paper);
    # never read: measured on f7e267f (0.542) and after round 12 (0.542), summary lines only
    "set24": {"country_f1": 0.763, "country_set": 0.5, "country_order": 0.214,
             "start": 0.434, "end": 0.239, "city": 0.565, "leaders": 0.347,
             "leader_f1": 0.576, "stop_order": 0.406, "traveller": 0.714, "six_part": 0.56},
    # written on 2026-12-01 without seeing the code (ordinary news pages: broadcasters' web
    # articles, first-day and last-day wires, a host town's paper, the traveller's own news
    # agency, a news magazine, a live blog, a story mixed with politics at home, a brief,
    # features on a royal and on heads of international organisations); never read:
    # measured on 0a4415b (0.739) and after round 13, its summary line once per commit,
    # which showed two of the round's rules misreading it (both narrowed; see the README)
    "set25": {"country_f1": 0.916, "country_set": 0.785, "country_order": 0.5,
             "start": 0.592, "end": 0.629, "city": 0.777, "leaders": 0.74,
             "leader_f1": 0.821, "stop_order": 0.769, "traveller": 1.0, "six_part": 0.816},
    # written on 2026-12-01 without seeing the code (official pages: release announcing a
    # trip, readouts, a joint statement, a ministry's month of travels, a congressional
    # delegation's report, a leader's website with captions, a press-conference transcript,
    # international organisations' items, a background briefing, a court circular); never
    # read: measured on 0a4415b (0.776) and after round 13, summary lines only
    "set26": {"country_f1": 0.931, "country_set": 0.714, "country_order": 0.428,
             "start": 0.857, "end": 0.833, "city": 0.928, "leaders": 0.785,
             "leader_f1": 0.823, "stop_order": 0.678, "traveller": 1.0, "six_part": 0.867},
    # written on 2026-12-01 without seeing the code (US, UK, Canadian, EU, Japanese, Indian
    # and Vatican releases, wires, a plane transcript, an explainer, a papal programme);
    # measured on c7fccfc (0.743), then read and tuned on in round 14
    "set27": {"country_f1": 0.928, "country_set": 0.785, "country_order": 0.571,
             "start": 0.848, "end": 0.757, "city": 0.878, "leaders": 0.727,
             "leader_f1": 0.813, "stop_order": 0.789, "traveller": 1.0, "six_part": 0.868},
    # written on 2026-12-01 without seeing the code (travellers from the rest of the world:
    # state agencies, host dailies, business papers, a ticker, a column, a page with its
    # clutter); measured on c7fccfc (0.616), then read and tuned on in round 14
    "set28": {"country_f1": 0.821, "country_set": 0.5, "country_order": 0.357,
             "start": 0.677, "end": 0.548, "city": 0.709, "leaders": 0.548,
             "leader_f1": 0.655, "stop_order": 0.47, "traveller": 0.928, "six_part": 0.699},
    # written on 2026-12-01 without seeing the code (ordinary pages: wires, releases,
    # readouts, a broadcaster's key-facts box, an encyclopedic entry, a joint press
    # conference, briefs); measured on c7fccfc (0.734) and unchanged by round 14's first 24
    # commits (0.734), summary lines only; then read and tuned on at the end of round 14
    "set29": {"country_f1": 0.857, "country_set": 0.714, "country_order": 0.571,
             "start": 0.64, "end": 0.52, "city": 0.8, "leaders": 0.68, "leader_f1": 0.775,
             "stop_order": 0.727, "traveller": 0.857, "six_part": 0.766},
    # written on 2026-12-01 without seeing the code (the same kinds as set29); measured on
    # c7fccfc (0.472), then read and tuned on in round 14
    "set30": {"country_f1": 0.809, "country_set": 0.714, "country_order": 0.428,
             "start": 0.64, "end": 0.4, "city": 0.6, "leaders": 0.36, "leader_f1": 0.603,
             "stop_order": 0.181, "traveller": 0.785, "six_part": 0.583},
    # written on 2026-12-01 without seeing the code (the same kinds as set29); never read:
    # measured on c7fccfc (0.578) and after round 14 (0.578), summary lines only
    "set31": {"country_f1": 0.75, "country_set": 0.5, "country_order": 0.285,
             "start": 0.575, "end": 0.454, "city": 0.606, "leaders": 0.363,
             "leader_f1": 0.533, "stop_order": 0.421, "traveller": 0.642,
             "six_part": 0.578},
}


@pytest.fixture(scope="module", params=sorted(FLOORS))
def measured(request):
    scores = measure_folder(BLIND / request.param)
    print(format_report(scores))
    return request.param, scores


# Articles of a set that give no trip at all, as measured: a floor like the others. Three of
# set22's pages that mix several stories gave "no visited place found" until round 13 read
# it; one (a morning briefing) still does, as does one page of set24 (unread). set25's (a
# small US town's paper) gives its trip since round 14; set29's (a newspaper page with a
# sidebar from the home capital) and set30's (a home paper on a president's resignation)
# still do not, nor two briefs of set31 (unread).
NO_TRIP_ALLOWED = {"set22": 1, "set24": 1, "set29": 1, "set30": 1, "set31": 2}


def test_every_article_extracts_and_keeps_its_floors(measured):
    name, scores = measured
    assert len(scores) == len(list((BLIND / name).glob("*.truth.json")))
    errors = [s.error for s in scores if s.error]
    assert len(errors) <= NO_TRIP_ALLOWED.get(name, 0), errors
    rates = overall(scores)
    below = {field: round(rates[field], 3) for field, floor in FLOORS[name].items()
             if rates[field] < floor}
    assert not below, f"{name} below its floors {FLOORS[name]}: {below}\n" + format_report(scores)
