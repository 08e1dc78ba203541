"""Who speaks in a transcript: the turn label before a first-person sentence ("SECRETARY
DIAZ: Good afternoon. ... Yesterday I was in Astana", "PRIME MINISTER KAI: I will travel
..."). Used by `parse_steps.speaker_of_first_person`; the office words come from
`titles.TRAVELLER_TITLES`.
"""

from __future__ import annotations

import re

from dashboard.extraction.people import PersonMention
from dashboard.extraction.titles import TRAVELLER_TITLES

# A label in capitals at the start of a line, then a colon: "SECRETARY DIAZ:", "FOREIGN
# MINISTER LEE:" (possessive quantifiers: linear on long runs of capitals)
TURN_LABEL = re.compile(r"^[ \t]*+(?P<label>[A-Z][A-Z.'’-]*+(?:[ \t]++[A-Z][A-Z.'’-]*+){1,5}+)"
                        r"[ \t]*+:", re.MULTILINE)
_OFFICES = sorted(TRAVELLER_TITLES, key=len, reverse=True)


# A parliament record's turn: "The Secretary of State for Foreign and Commonwealth Affairs (Mr
# William Hague): With permission, ..." (the office, then the member's name in brackets)
MEMBER_TURN = re.compile(r"^[ \t]*+(?:The[ \t]++)?(?P<office>[A-Z][\w'’-]*+(?:[ \t]++[\w'’-]++)"
                         r"{0,10}?)[ \t]*+\((?:Mr|Mrs|Ms|Miss|Dr|Sir|Dame)\.?[ \t]++"
                         r"(?P<name>[A-Z][\w'’-]*+(?:[ \t]++[A-Z][\w'’-]*+){1,3}+)\)[ \t]*+:",
                         re.MULTILINE)


def turn_speaker(text: str, before: int) -> PersonMention | None:
    """The person of the last turn label before offset `before` whose words are an office
    the traveller may hold, then a surname ("SECRETARY DIAZ" -> Secretary Diaz); None when
    the last label is anyone else ("QUESTION", "MODERATOR", "MR. GRAY") or there is none."""
    last = None
    for match in TURN_LABEL.finditer(text, 0, before):
        last = match
    member = None
    for match in MEMBER_TURN.finditer(text, 0, before):
        member = match
    if member is not None and (last is None or member.start() > last.start()):
        office = " ".join(member.group("office").split())
        return PersonMention(office, member.group("name"), member.start("office"),
                             member.end("name"), member.start("name"))
    if last is None:
        return None
    label = " ".join(last.group("label").split())
    for office in _OFFICES:
        if label.lower().startswith(office + " "):
            name = label[len(office) + 1:].title()
            if not name or len(name.split()) > 3:
                return None
            start = last.start("label")
            title = " ".join(w.capitalize() for w in office.split())
            return PersonMention(title, name, start, last.end("label"),
                                 last.end("label") - len(name))
    return None
