"""People with titles: the traveller and the leaders they meet.

"Colombian President Gustavo Petro", "Japanese Prime Minister Shinzo Abe", "King Charles III",
"Secretary of State Antony J. Blinken", "President Biden". A person's nationality comes from a
demonym or country right before the title ("Chilean President", "U.S. Secretary of State").
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.extraction.family_names import FAMILY_NAME_FIRST
from dashboard.extraction.name_patterns import (
    HONORIFIC_WORDS_RE,
    NAME_WORD,
    PARTICLE,
    PORTFOLIO_WORD,
    ROMAN,
    TITLE_RE,
    UPPER,
)
from dashboard.extraction.royal_names import paired_title, regnal_names
from dashboard.extraction.titles import MONARCH_TITLES

PERSON = re.compile(
    # ("received by the Mayor (Mr X Y)": a court circular's or a parliament record's way of
    # naming an office's holder, in brackets, two capitalised words at least)
    rf"(?<![\w-])(?P<title>{TITLE_RE})(?:,?\s+|\s+\((?=[A-Z][\w.'’-]*\s+[A-Z]))"
    rf"{HONORIFIC_WORDS_RE}"
    rf"(?P<name>{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}){{0,4}}"
    rf"(?:\s+{ROMAN}\b)?)"
)
# "President of France H.E. Mr. Emmanuel Macron": the title, then "of <country>"
TITLE_OF = re.compile(rf"(?<![\w-])(?P<title>{TITLE_RE})\s+of\s+(?:the\s+)?")
NAME_AFTER_COUNTRY = re.compile(
    rf"(?<!\s),?\s+{HONORIFIC_WORDS_RE}(?P<name>{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}){{0,3}})")
# "Speaker of the Parliament Nabih Berri", "President of the European Commission Ursula von
# der Leyen", "President of the Council of State X": a title of an institution, then the
# name (the institution ends in a word for a body, or in "of" and one word after it, so the
# name after it is not read as part of it)
_BODY = (r"(?:Parliament|Assembly|Council|Commission|Congress|Senate|House|Chamber|Court|"
         r"Bank|Union|Duma|Knesset|Majlis|Diet|Representatives|Commons|Lords|Committee|"
         r"Federation|Forces|Army|Navy|Staff|Agency|Organi[sz]ation|Secretariat|Republic)")
# ... or an organisation known by its acronym: "the Secretary-General of ASEAN, X"
BODY_OFFICE = re.compile(
    rf"(?<![\w-])(?P<title>{TITLE_RE})\s+of\s+(?:the\s+(?P<body>(?:[A-Z][\w'’-]*\s+){{0,3}}"
    rf"{_BODY}(?:\s+of\s+(?:the\s+)?[A-Z][\w'’-]*)?)|(?:the\s+)?(?-i:[A-Z]{{2,6}}))"
    rf"(?![\w'’-])(?!\s+of\b),?\s+{HONORIFIC_WORDS_RE}"
    rf"(?P<name>{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}){{0,3}})")
# ... or an envoy's post at an organisation: "U.S. Ambassador to the United Nations Nikki
# X", "Permanent Representative to the EU Y"
ENVOY_TO = re.compile(
    rf"(?<![\w-])(?P<title>{TITLE_RE})\s+to\s+(?:the\s+)?(?P<body>United\s+Nations|UN|U\.N\.|"
    rf"European\s+Union|EU|NATO|African\s+Union|OSCE|WTO|Holy\s+See)(?![\w'’-]),?\s+"
    rf"{HONORIFIC_WORDS_RE}(?P<name>{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}){{1,3}})")
# ... or any organisation's full name set off by a comma before a full name: "the Secretary
# General of the Organization for Security and Co-operation in Europe, X Y"
ORG_OFFICE = re.compile(
    rf"(?<![\w-])(?P<title>{TITLE_RE})\s+of\s+the\s+(?:[A-Z][\w'’-]*\s+(?:(?:and|for|of|in|on|"
    rf"the)\s+){{0,2}}){{1,8}}?[A-Z][\w'’-]*,\s+{HONORIFIC_WORDS_RE}"
    rf"(?P<name>{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}){{1,3}})")
# ... or a place below a country set off after the office: "received by the Lord Mayor of
# Lyon, Monsieur X Y", "the Minister President of Saxony (Mr X Y)" (a full name of two or
# more words, after a comma or inside brackets, so a name is never read into the place)
PLACE_OFFICE = re.compile(
    rf"(?<![\w-])(?P<title>{TITLE_RE})\s+of\s+(?:the\s+)?"
    rf"(?:[A-Z][\w'’-]*\s+(?:of\s+(?:the\s+)?)?){{0,3}}[A-Z][\w'’-]*(?:,\s+|\s+\()(?:the\s+)?{HONORIFIC_WORDS_RE}"
    rf"(?P<name>{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}){{1,3}})")
# "talks with the emir, Sabah al-Ahmad al-Jaber al-Sabah", "the speaker of the lower house
# of parliament, Thura Shwe Mann": an office written in lower case, then the name after a
# comma (a full name of two or more words)
OFFICE_APPOSITION = re.compile(
    r"\b(?:the|his|her|their|its)\s+(?:[a-z]+\s+){0,2}?(?P<title>emir|king|queen|sultan|"
    r"president|prime\s+minister|premier|chancellor|speaker|crown\s+prince|foreign\s+minister|"
    r"defen[cs]e\s+minister|counterpart|monarch|ruler|head|chief|chairman|chairwoman|"
    r"director|governor)(?:-elect|-designate)?"
    # ("the head of the National Health Commission, X": a body's name in capitals)
    r"(?:\s+of\s+(?:the\s+)?(?:[a-z][a-z ]{0,40}?|(?:[A-Z][\w'’-]*\s+(?:(?:and|for|of|on)\s+)?)"
    r"{0,5}[A-Z][\w'’-]*))?"
    rf",\s+{HONORIFIC_WORDS_RE}(?P<name>{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD}){{1,4}})")
# "Xi Jinping, general secretary of the Central Committee ...", "Mr. X Y, President of the
# Republic of Chile": a full name, then its office in apposition (state media and joint
# statements write the office after the name, often in lower case)
NAME_THEN_TITLE = re.compile(
    rf"(?<![\w'’-]){HONORIFIC_WORDS_RE}(?P<name>{NAME_WORD}(?:\s+(?:{PARTICLE}\s+){{0,2}}{NAME_WORD})"
    r"{1,3}),\s++(?:the\s++)?(?P<title>(?i:president|prime\s+minister|premier|chancellor|king|"
    r"queen|emir|sultan|general\s+secretary|chairman|chairwoman|foreign\s+minister|"
    r"secretary[-\s]general|vice[-\s]president|supreme\s+leader|crown\s+prince))"
    r"(?=\s+of\s)")
# Words that look like names after a title but are not ("President Obama for the opening").
NOT_NAME = {"of", "and", "for", "the", "to", "in", "on", "at", "with", "will", "has", "is",
            "was", "said", "says", "who", "that", "a", "an", "elect", "administration",
            "government", "office", "department", "summit", "meeting", "visit", "trip"}
NON_NAME_WORDS = {
    "Administration", "Government", "Department", "Summit", "Council", "Office", "State",
    "House", "Ministry", "Assembly", "Forum", "Initiative", "Commission", "Cabinet",
    "Palace", "Party", "Parliament", "Senate", "Congress", "Group", "Conference", "Meeting",
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December", "Monday", "Tuesday", "Wednesday", "Thursday",
    "Friday", "Saturday", "Sunday", "On", "In", "At", "The", "He", "She", "They", "It",
    "This", "That", "And", "But", "During", "After", "Before", "While", "Secretary",
    "President", "Minister", "Prime", "Foreign", "Vice", "Deputy", "King", "Queen",
    "Emperor", "Empress", "Princess", "Emir", "Sultan", "Pope", "Premier", "Chancellor",
    "General", "Commander", "MP", "MEP", "MLA",
    # groups, not people: "met Royal Marines training their Kenyan counterparts"
    "Marines", "Forces", "Guards", "Army", "Navy", "Troops", "Veterans", "Officials",
    "Leaders", "Members", "Students", "Representatives", "Police", "Corps", "Delegation",
    # ranks and styles that follow a title, never a name ("the Queen Consort", "Prime
    # Minister Brigadier (retd) X")
    "Consort", "Dowager", "Regent", "Emeritus", "Brigadier", "Colonel", "Admiral",
    "Lieutenant", "Marshal",
    # the word of a style ("His Majesty", "Her Royal Highness", "His Excellency"), which
    # stands for a person without naming them
    "Majesty", "Highness", "Excellency", "Holiness", "Eminence",
}
# Institutions named after people: "the Martin Luther King Jr. Center", "the King Abdulaziz
# Library", "the Sheikh Zayed Grand Mosque": neither they nor the name before them are a person
INSTITUTION_WORDS = {
    "Center", "Centre", "Institute", "Museum", "Library", "Foundation", "University",
    "Memorial", "Airport", "Stadium", "Hospital", "School", "College", "Mosque", "Cathedral",
}
NON_NAME_WORDS |= INSTITUTION_WORDS
# Titles that also open the names of companies and bodies ("General Motors"): they take a
# full name of two or more words
FULL_NAME_TITLES = {"General", "Commander", "Colonel", "Director General", "Director-General",
                    "Hon", "Hon.", "Rt Hon", "Rt. Hon.", "Right Honourable",
                    "Rt. Hon'ble", "Rt Hon'ble", "Right Hon'ble", "Hon'ble", "Hon’ble",
                    "Rt. Hon’ble", "The Honorable", "The Honourable"}
# Offices in the plural name groups, never one person
GROUP_OFFICES = {"Ministers", "Presidents", "Secretaries", "Leaders", "Officials",
                 "Counterparts", "Chiefs", "Commanders", "Ambassadors", "Envoys", "Delegates",
                 "Heads", "Governors", "Mayors", "Senators", "Lawmakers", "Parliamentarians"}
MEETING_CUE = re.compile(
    # ("a regional meeting in Phnom Penh" is a noun: no one is met there)
    r"\b(?:meet(?:s|ing)?\s+with|meet(?:s|ing)?(?!\s*[,.;:]|\s+(?:in|at|of|on|for|to|and|or|"
    r"was|is|will|would|had|has|between|among)\b)|met(?:\s+with)?|talks\s+with|talks\s+between|"
    r"engagements?\s+with|conversations?\s+with|discussions?\s+with|hosted\s+by|"
    r"welcomed\s+by|received\s+by|audience\s+with|(?:at\s+)?the\s+invitation\s+of|"
    r"guest\s+of|call(?:ed)?\s+on|sit\s+down\s+with|"
    r"(?:lunch|dine|breakfast)(?:ed|d|es|s|ing)?\s+with|"
    # "held talks at the Elysee with ...", "spent fifty minutes with ...", "co-host ... with"
    r"(?:talks|dialogue|consultations|lunch|dinner|minutes|hours)\b[^.;:]{0,60}?\bwith|"
    r"spen[dt]\s+[^.;:]{0,30}?\bwith|co-?(?:host|chair)\w*\b[^.;:]{0,100}?\bwith|"
    r"(?:greeted|received|welcomed|hosted)(?:\s+[^.;,]{0,25}?)?\s+by|"
    # "Lunch given by the Mayor, X", "a state banquet offered in her honour by X": a meal
    # or a reception someone gives for the traveller
    r"(?:lunch(?:eon)?|dinner|banquet|reception|breakfast|supper)\s+(?:given|offered)"
    r"(?:\s+[^.;,]{0,25}?)?\s+by|"
    r"bilateral\s+(?:meeting|talks)\s+with|press\s+conference\s+with|joined\s+by)\b",
    re.IGNORECASE,
)




# "Ching-te", "Jae-in", "Yong-nam": a romanised East Asian given name
HYPHENED_GIVEN_NAME = re.compile(r"[A-Z][a-z]{1,5}-[a-z]{1,5}")


@dataclass(frozen=True)
class PersonMention:
    title: str
    name: str
    start: int  # offset of the whole "Title Name" span (or nationality when present)
    end: int
    name_start: int
    nationality: str | None = None  # ISO code from a demonym/country before the title
    nationality_text: str | None = None

    @property
    def surname(self) -> str:
        words = [w for w in self.name.split() if not re.fullmatch(ROMAN, w)
                 and w not in {"Jr.", "Jr", "Sr.", "Sr"}]
        if 2 <= len(words) <= 3 and words[0] in FAMILY_NAME_FIRST and len(words[1]) > 1 \
                and not words[1].endswith("."):
            return words[0]  # "Xi Jinping" is Xi, "Yoon Suk-yeol" is Yoon
        if len(words) == 2 and HYPHENED_GIVEN_NAME.fullmatch(words[1]):
            # "Lai Ching-te", "Moon Jae-in": a given name of two syllables joined by a hyphen,
            # the second in lower case (Wade-Giles and Korean romanisation), comes after the
            # family name, whatever that family name is
            return words[0]
        # "Mohammed bin Salman" and "King Salman", "Tamim bin Hamad Al Thani" and "Mohammed bin
        # Abdulrahman Al Thani" are different people: a patronymic name is known by its given
        # name and father's name, not by the last word
        for n, word in enumerate(words[1:-1], start=1):
            if word in {"bin", "ibn", "bint"}:
                return " ".join(words[:n + 2])
        # "al-Sisi" and "Sisi" are one person
        return re.sub(r"^(?:al|el|bin|ibn|abu)-", "", words[-1]) if words else self.name

    @property
    def leader_name(self) -> str:
        """The name as a leader met is listed: without titles or styles, as the truth files
        have them ("Tamim bin Hamad Al Thani", whom one text calls Emir and another Sheikh);
        a name of one word keeps its title ("King Salman", "President Lula"), which alone
        would say little."""
        return self.name if len(self.name.split()) > 1 else self.display

    @property
    def display(self) -> str:
        """The name as a reader knows it: 'Gustavo Petro', 'King Charles III'."""
        if self.title.lower() in MONARCH_TITLES:
            return f"{self.title} {self.name}"
        if len(self.name.split()) == 1:
            return f"{self.title} {self.name}".strip()  # "Buhari", met without a title
        return self.name


# Headline-case verbs and small words end a name: "Secretary Kerry Travels to France"
HEADLINE_WORDS = re.compile(
    r"^(?:Travels?|Visits?|Meets?|Heads?|Arrives?|Lands?|Flies|Says|Said|Urges?|Warns?|"
    r"Discusses|Holds?|Calls?|Begins?|Ends?|Wraps?|Leaves?|Returns?|Tours?|Makes?|Takes?|"
    r"Pledges?|Vows?|Seeks?|Hails?|Signs?|Announces?|Attends?|Kicks?|Starts?|Embarks?|"
    r"Departs?|Concludes?|Continues?|Receives?|Welcomes?|Hosts?|Addresses?|Joins?|Reaches?|"
    r"Pays?|Opens?|Launches?|Urges?|Wins?|Gets?|Sets?|Back|Off|Out|Up|"
    r"Will|To|In|On|At|With|For|And|Of|From|As|After|Before|Amid|Over|During|By|Set)$")


def _clean_name(name: str) -> str:
    words: list[str] = []
    for word in name.split():
        if words and HEADLINE_WORDS.match(word):
            break
        if word.endswith(("'s", "’s")):
            words.append(word[:-2])
            break
        words.append(word)
    if words and words[-1].endswith(".") and len(words[-1]) > 2 and words[-1] not in {
            "Jr.", "Sr."}:
        words[-1] = words[-1][:-1]
    while words and (words[-1] in NON_NAME_WORDS or words[-1].lower() in NOT_NAME) and not (
            len(words) == 2 and words == [words[0], "He"] and words[0] in FAMILY_NAME_FIRST):
        # ("Vice Premier Liu He": a given name after a family name, not the pronoun, which
        # a full stop would part from the name: "President Xi. He said")
        words.pop()
    if words and words[-1].endswith(".") and len(words[-1]) > 2 and words[-1] not in {
            "Jr.", "Sr."}:
        words[-1] = words[-1][:-1]  # "Macron. He": the sentence's full stop
    if words and all(w in {"Jr.", "Jr", "Sr.", "Sr"} or re.fullmatch(ROMAN, w) for w in words):
        return ""  # "the Martin Luther King Jr. Center": a suffix alone is no name
    return " ".join(words)


def find_people(text: str, start: int, end: int,
                nationality_at: dict[int, tuple[str, str]] | None = None,
                country_at: dict[int, tuple[str, int]] | None = None) -> list[PersonMention]:
    """Titled people in text[start:end].

    `nationality_at` maps the end offset of each demonym/country mention to (code, text), so
    a title right after it ("Chilean President") picks up the nationality; `country_at` maps
    the start offset of each country mention to (code, end), for "President of France ...".
    """
    people: list[PersonMention] = []
    for match in TITLE_OF.finditer(text, start, end):
        found = (country_at or {}).get(match.end())
        if not found:
            continue
        code, country_end = found
        named = NAME_AFTER_COUNTRY.match(text, country_end, end)
        if not named or any(re.fullmatch(_BODY, w) or w in INSTITUTION_WORDS
                            for w in named.group("name").split()):
            continue  # "the President of the Nigeria Labour Congress": a body's office
        name = _clean_name(named.group("name"))
        if not name or name.split()[0] in NON_NAME_WORDS:
            continue
        name_start = named.start("name")
        title = paired_title(text, start, match, name_start + len(name))
        people.append(PersonMention(title, name, match.start(),
                                    name_start + len(name), name_start, code,
                                    text[match.end():country_end]))
    taken = [(p.start, p.end) for p in people]
    position = start
    while True:
        match = PERSON.search(text, position, end)
        if match is None:
            break
        name = _clean_name(match.group("name"))
        # a name cut short ("Blinken Meets With Colombian President Petro") lets the search
        # go on right after it, so the next title is still found
        position = match.start("name") + len(name) if name else match.end("title")
        position = max(position, match.start() + 1)
        if any(a <= match.start() < b for a, b in taken):
            continue
        words = name.split()
        # "Vice Premier He Lifeng" (the surname stays "Lifeng": "He" would match every "He")
        family_he = len(words) == 2 and words[0] == "He"
        if "(" in text[match.end("title"):match.start("name")] and \
                " of " in match.group("title"):
            continue  # "the President of X (Mr Y Z)": `PLACE_OFFICE`'s, below
        if len(words) < 2 and match.group("title") in FULL_NAME_TITLES:
            continue  # "General Motors", "General Electric": a full name or none
        if words and all(re.fullmatch(PORTFOLIO_WORD, w) for w in words):
            continue  # "Minister of Foreign Affairs, International Trade and ...": the office
        if any(w in GROUP_OFFICES for w in match.group("name").split()[:len(words) + 1]):
            continue  # "Lithuanian President, Baltic Defense Ministers": a group, no name
        # (the institution word right after the name, or after one more word: "Grand")
        after = re.match(r" (\w+)(?: (\w+))?", text[match.start("name") + len(name):
                                                   match.start("name") + len(name) + 40])
        if after and INSTITUTION_WORDS.intersection(after.groups()):
            continue  # "the Sheikh Zayed Grand Mosque": named after a person, no person
        if not name or (words[0] in NON_NAME_WORDS and not family_he):
            # "Commander General Joseph Aoun": a second title may start the next match
            position = max(match.start("name"), match.start() + 1)
            continue
        title = paired_title(text, start, match, match.start("name") + len(name))
        span_start = match.start()
        owner = OFFICE_OF_OFFICE.search(text, max(start, span_start - 60), span_start)
        if owner and "," in text[match.end("title"):match.start("name")]:
            # "the Spokesperson for the Secretary-General, X": X holds the first office
            title, span_start = owner.group("office"), owner.start("office")
        nationality = nationality_text = None
        if nationality_at:
            before = text[max(start, span_start - 3):span_start]
            gap = len(before) - len(before.rstrip())
            key = span_start - gap
            if text[key - 2:key] in {"'s", "’s"}:  # "Japan's Prime Minister"
                key -= 2
            if key in nationality_at:
                nationality, nationality_text = nationality_at[key]
                span_start = key - len(nationality_text)
                if text[span_start:key] != nationality_text:
                    span_start = text.rfind(nationality_text, 0, key)
        name_start = match.start("name")
        if nationality is None:
            # "Crown Prince Salman of Saudi Arabia", "Prime Minister X of Belgium": the country
            # after the name
            nationality, nationality_text = _country_of(text, name_start + len(name), end,
                                                        country_at)
        people.append(PersonMention(title, name, span_start, name_start + len(name), name_start,
                                    nationality, nationality_text))
    for match in [*BODY_OFFICE.finditer(text, start, end), *ORG_OFFICE.finditer(text, start, end),
                  *PLACE_OFFICE.finditer(text, start, end), *ENVOY_TO.finditer(text, start, end)]:
        name = _clean_name(match.group("name"))
        if not name or name.split()[0] in NON_NAME_WORDS or any(
                p.start < match.end() and match.start() < p.end for p in people) or all(
                re.fullmatch(PORTFOLIO_WORD, w) for w in name.split()):
            continue  # ("Minister of Foreign Affairs, International Trade": the office)
        name_start = match.start("name")
        people.append(PersonMention(paired_title(text, start, match, name_start + len(name)),
                                    name, match.start(), name_start + len(name), name_start))
    for match in OFFICE_APPOSITION.finditer(text, start, end):
        name = _full_name(match, "title", people)
        if name:
            name_start = match.start("name")
            people.append(PersonMention(match.group("title").capitalize(), name,
                                        match.start("title"), name_start + len(name), name_start))
    for match in NAME_THEN_TITLE.finditer(text, start, end):
        name = _full_name(match, "name", people)
        if name:
            name_start = match.start("name")
            title = " ".join(w.capitalize() for w in match.group("title").split())
            people.append(PersonMention(title, name, name_start, name_start + len(name),
                                        name_start, *_country_of(text, match.end(), end,
                                                                 country_at)))
    people.extend(PersonMention(title, name, a, b, a) for title, name, a, b in regnal_names(
        text, start, end, [(p.start, p.end) for p in people]))
    people.extend(_untitled_met(text, start, end, people, country_at or {}))
    people.sort(key=lambda p: p.start)
    return people


def _full_name(match: re.Match[str], span_group: str, people: list[PersonMention]) -> str:
    """The full name (two words or more) an office in apposition names, or "" when it is no
    name or a person already found overlaps the match from its `span_group` on."""
    name = _clean_name(match.group("name"))
    if len(name.split()) < 2 or name.split()[0] in NON_NAME_WORDS or any(
            p.start < match.end() and match.start(span_group) < p.end for p in people):
        return ""
    return name


def _country_of(text: str, at: int, end: int, country_at: dict[int, tuple[str, int]] | None
                ) -> tuple[str | None, str | None]:
    """(ISO code, text) of "of <country>" right at `at` ("... X of Belgium"), else Nones."""
    of = OF_COUNTRY.match(text, at, end)
    if of and country_at and of.end() in country_at:
        return country_at[of.end()][0], text[of.end():country_at[of.end()][1]]
    return None, None


# "has met Rishi Sunak at Chequers", "he met Wang Yi, China's top diplomat", "meets Aung San
# Suu Kyi": a full name of up to four words (as after a title) with no title right after a
# meeting verb
# ("met Daw Aung San Suu Kyi": an honorific before the name is no part of it)
UNTITLED_MET = re.compile(
    rf"\b(?:met|meets|meeting)\s+(?:with\s+)?{HONORIFIC_WORDS_RE}(?P<name>[{UPPER}][\w'’\-]+"
    rf"(?:\s+(?:{PARTICLE}\s+)?[{UPPER}][\w'’\-]+){{1,3}})\b")
APPOSITIVE = re.compile(r",\s+(?:the\s+)?")
# an office held for another one, right before a title: "the Spokesperson for the", "Special
# Adviser to the"; a name after "<title>," is then the first office's holder
OFFICE_OF_OFFICE = re.compile(
    r"(?<![\w-])(?!(?:The|A|An)\s)(?P<office>[A-Z][\w-]*(?:\s+[A-Z][\w-]*){0,2})\s+(?:for|to)\s+(?:the\s+)?$")
OF_COUNTRY = re.compile(r"(?<!\s)\s+of\s+(?:the\s+)?")


def _untitled_met(text: str, start: int, end: int, titled: list[PersonMention],
                  country_at: dict[int, tuple[str, int]]) -> list[PersonMention]:
    found = []
    for match in UNTITLED_MET.finditer(text, start, end):
        name = _clean_name(match.group("name"))
        a = match.start("name")
        b = a + len(name)
        if len(name.split()) < 2 or any(w in NON_NAME_WORDS or w.upper() == w
                                        for w in name.split()):
            continue
        if any(a <= p.start <= b + 1 or p.start <= a < p.end for p in titled):
            continue  # "met Pope Francis", "met New York Governor Kathy Hochul"
        nationality = nationality_text = None
        appositive = APPOSITIVE.match(text, b, end)
        if appositive and appositive.end() in country_at:
            code, country_end = country_at[appositive.end()]
            if text[country_end:country_end + 2] in {"'s", "’s"}:
                nationality, nationality_text = code, text[appositive.end():country_end]
        found.append(PersonMention("", name, a, b, a, nationality, nationality_text))
    return found


def meeting_objects(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans following a meeting cue ("meet with ...", "talks with ..."), up to the clause end."""
    spans = []
    for match in MEETING_CUE.finditer(text, start, end):
        if re.search(r"invitation|guest", match.group(0)):
            # "At the invitation of <host>, <traveller> will ...": the host ends at the comma
            comma = text.find(",", match.end(), end)
            spans.append((match.end(), comma if comma != -1 else end))
            continue
        tail = re.search(r"[;:]|\bto (?:discuss|attend|take part|encourage|underscore)\b|"
                         r"\b(?:where|which|who|before|after)\b|$", text[match.end():end])
        stop = match.end() + (tail.start() if tail else 0)
        spans.append((match.end(), stop))
    return spans
