"""Who held an office on a day: the traveller's name where a text gives only an office or a
surname ("Departure Statement by Prime Minister ...", "Secretary Blinken will travel").

Data: `data/office_holders.csv`, one row per term (country or organisation code, office,
name, first day, last day or empty while in office). Offices are five kinds:
`head_of_state`, `head_of_government`, `foreign_minister` (including the U.S. Secretary of
State and the EU High Representative), `defence_minister`, `vice_president` and
`secretary_general` (UN, NATO). Sources and coverage: `data/README.md`.

The table only ever names someone the text already points to: an office with the traveller's
own country, or a surname with a title. A text that names the traveller in full keeps its
own form.
"""

from __future__ import annotations

import csv
import unicodedata
from dataclasses import dataclass
from datetime import date
from functools import cache
from pathlib import Path

TABLE = Path(__file__).resolve().parents[2] / "data" / "office_holders.csv"

# A title as the text writes it (lower case) -> the office kind. Titles that name an office
# of one place only ("Secretary of State" in English-language news, "Chancellor" for the
# German one) still need the country the extractor found for the traveller.
OFFICES: dict[str, str] = {
    "president": "head_of_state", "king": "head_of_state", "queen": "head_of_state",
    "pope": "head_of_state", "his holiness": "head_of_state", "holy father": "head_of_state",
    "emperor": "head_of_state",
    "prime minister": "head_of_government", "premier": "head_of_government",
    "chancellor": "head_of_government", "taoiseach": "head_of_government",
    "foreign minister": "foreign_minister", "foreign secretary": "foreign_minister",
    "secretary of state": "foreign_minister", "minister for foreign affairs":
        "foreign_minister", "minister of foreign affairs": "foreign_minister",
    "external affairs minister": "foreign_minister", "minister of external affairs":
        "foreign_minister", "minister for external affairs": "foreign_minister",
    "high representative": "foreign_minister",
    "defence minister": "defence_minister", "defense minister": "defence_minister",
    "secretary of defense": "defence_minister", "defence secretary": "defence_minister",
    "defense secretary": "defence_minister", "minister of defence": "defence_minister",
    "minister for defence": "defence_minister", "secretary of state for defence":
        "defence_minister",
    "vice president": "vice_president",
    "secretary-general": "secretary_general", "secretary general": "secretary_general",
    "potus": "head_of_state", "vpotus": "vice_president",
}
# Titles of a sovereign, a head of state for life whose title the press uses bare ("the
# Queen", "the Pope") -> the one realm of that title, or None when the realm is found among
# the countries the text names that are in `MONARCHIES`
SOVEREIGNS: dict[str, str | None] = {"king": None, "queen": None, "emperor": None,
                                     "pope": "VA", "his holiness": "VA",
                                     "holy father": "VA"}
# Countries of this table whose head of state is a sovereign
MONARCHIES = {"GB", "ES", "NL", "BE", "SE", "NO", "DK", "JP", "TH", "MA", "SA", "JO", "BH"}
# Offices the press writes as an acronym (White House pool reports, briefings): each names the
# office of one country, so the holder needs no country from the text.
ACRONYMS: dict[str, str] = {"POTUS": "US", "VPOTUS": "US"}


@dataclass(frozen=True)
class Term:
    """One person's time in one office: `end` is None while they hold it."""
    country: str
    office: str
    name: str
    start: date
    end: date | None

    def covers(self, day: date) -> bool:
        return self.start <= day and (self.end is None or day <= self.end)


@cache
def terms(path: Path = TABLE) -> tuple[Term, ...]:
    """The table's rows. Raises OSError or ValueError when the file is missing or a row is
    malformed (the file ships with the package; a broken one is a packaging error)."""
    with path.open(encoding="utf-8", newline="") as handle:
        return tuple(Term(row["country"], row["office"], row["name"],
                          date.fromisoformat(row["start"]),
                          date.fromisoformat(row["end"]) if row["end"] else None)
                     for row in csv.DictReader(handle))


def office_of(title: str | None) -> str | None:
    """The office kind a title names ("Prime Minister" -> "head_of_government"), or None."""
    if not title:
        return None
    return OFFICES.get(" ".join(title.lower().replace("’", "'").split()))


def acronym_country(title: str | None) -> str | None:
    """The country whose office an acronym names ("POTUS" -> "US"), or None."""
    return ACRONYMS.get((title or "").strip())


def holder(country: str | None, office: str | None, day: date | None) -> str | None:
    """The name of whoever held `office` of `country` on `day`, or None when the table does
    not say (unknown country or office, a day outside every term, or no day at all)."""
    if not country or not office or day is None:
        return None
    found = {t.name for t in terms() if t.country == country and t.office == office
             and t.covers(day)}
    return found.pop() if len(found) == 1 else None


def _fold(word: str) -> str:
    return "".join(c for c in unicodedata.normalize("NFKD", word.lower())
                   if not unicodedata.combining(c))


def full_name(surname: str | None, day: date | None, office: str | None = None,
              countries: frozenset[str] = frozenset()) -> str | None:
    """The full name of the one office holder on `day` whose family name is `surname`
    ("Blinken" in October 2022 -> "Antony Blinken"), else whose name opens with it ("Tamim"
    -> "Tamim bin Hamad Al Thani") among the holders of `countries` (ISO codes), optionally
    of one office kind; None when no one, or more than one person, fits."""
    if not surname or day is None:
        return None
    key = _fold(surname)
    serving = [t for t in terms() if t.covers(day) and (office is None or t.office == office)]
    found = {t.name for t in serving if _fold(t.name.split()[-1]) == key}
    if not found:
        # a name used by its first word ("Sheikh Tamim", "Prime Minister Abiy", "President
        # Xi"): the one holder on that day whose name opens with it
        # (only in `countries`, the traveller's home or the countries the text names: a
        # first word is shared far more often, "President Kim" of 1998 is no North Korean)
        found = {t.name for t in serving if len(t.name.split()) > 1
                 and _fold(t.name.split()[0]) == key and t.country in countries}
    return found.pop() if len(found) == 1 else None


def office_country(text: str, title: str, places: list[tuple[str, int, int]]) -> str | None:
    """The country whose `title` the text names most often: "an Indian Prime Minister",
    "India's Prime Minister", "the Prime Minister of India". `places` holds (ISO code, start,
    end) of each country or demonym mention in `text`. None when no country, or a tie."""
    votes: dict[str, int] = {}
    wanted = " ".join(title.lower().split())
    for code, start, end in places:
        before = " ".join(text[end:end + len(title) + 8].lower().replace("’", "'").split())
        before = before[3:] if before.startswith("'s ") else before
        after = " ".join(text[max(0, start - len(title) - 8):start].lower().split())
        if before.startswith(wanted) or after.endswith(f"{wanted} of") or \
                after.endswith(f"{wanted} of the"):
            votes[code] = votes.get(code, 0) + 1
    if not votes:
        return None
    ranked = sorted(votes.values(), reverse=True)
    if len(ranked) > 1 and ranked[0] == ranked[1]:
        return None
    return max(votes, key=lambda code: votes[code])


# Organisations whose heads travel as "the Secretary-General": the table's code and the names
# a text calls the organisation by.
ORGANISATIONS = {"UN": ("United Nations", "UN"), "NATO": ("NATO", "North Atlantic Treaty")}


def organisation_of(text: str) -> str | None:
    """The one organisation of `ORGANISATIONS` the text names, or None (none, or both)."""
    named = {code for code, names in ORGANISATIONS.items()
             if any(_names(text, n) for n in names)}
    return named.pop() if len(named) == 1 else None


def _names(text: str, name: str) -> bool:
    at = text.find(name)
    while at != -1:
        before = text[at - 1:at] if at else " "
        after = text[at + len(name):at + len(name) + 1] or " "
        if not before.isalnum() and not after.isalnum():
            return True
        at = text.find(name, at + 1)
    return False
