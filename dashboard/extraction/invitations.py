"""The host who invites: "At the invitation of President X, Y will pay a state visit" names
the host, whose meeting the text places elsewhere ("talks with President X at the White
House"); the invitation's sentence falls in the first stop's paragraph but is no meeting
there. Used by `leaders.find_leaders` once every leader is placed.
"""

from __future__ import annotations

import re

from dashboard.extraction.facts import StopDraft

# "At the invitation of President X, Y will pay a state visit": the host who invites
INVITED_BY = re.compile(r"\binvitation\s+of\s+(?:[\w.'’-]+\s+){0,4}$", re.IGNORECASE)


def drop_invitations_met_elsewhere(drafts: list[StopDraft], leader_stop: dict[str, int],
                                    text: str) -> None:
    """The host who invites is met where the text says the meeting is ("Talks with President
    X at the White House"), not at the first stop the invitation's sentence falls in: a
    leader placed only by "at the invitation of" goes from that stop when placed elsewhere
    too."""
    for key in list(leader_stop):
        stops = [i for i, d in enumerate(drafts) if key in d.leaders]
        if len(stops) < 2:
            continue
        invited = [i for i in stops if INVITED_BY.search(
            text, max(0, drafts[i].leaders[key][0].start - 40), drafts[i].leaders[key][0].start)]
        if 0 < len(invited) < len(stops):
            for i in invited:
                del drafts[i].leaders[key]
            leader_stop[key] = next(i for i in stops if i not in invited)
