"""Titles: the offices and styles by which English-language news names people ("Prime
Minister", "Crown Prince", "Chairperson", "Rt Hon"), and which of them mark the traveller's
own staff, monarchs and the usual travellers. Data, read by `people.py`; the lists are the
project's own, gathered from the development articles' wording.
"""

from __future__ import annotations

import re

# Longest titles first so "Vice President" is not read as "President".
TITLES = [
    "Secretary of State", "Deputy Secretary of State", "Under Secretary of State",
    "Secretary-General", "Secretary General", "UN Secretary-General",
    "Vice President", "Vice-President", "President-elect", "President",
    "Deputy Prime Minister", "Prime Minister", "Premier",
    # the head of a German state's government: "the Minister-President of Bavaria"
    "Minister-President", "Minister President",
    "Minister of Foreign Affairs", "Minister for Foreign Affairs", "Foreign Affairs Minister",
    "External Affairs Minister", "Deputy Foreign Minister", "Foreign Minister",
    "First Lady", "Chief Executive", "Chief Adviser", "Chief Minister", "State Counsellor",
    "Grand Ayatollah", "Ayatollah",
    "Foreign Secretary", "Defense Minister", "Defence Minister", "Minister of Defense",
    "Minister of Defence", "Defense Secretary", "Defence Secretary", "Secretary of Defense",
    "Finance Minister", "Trade Minister", "Interior Minister", "Minister",
    "Chancellor", "Crown Prince", "King", "Queen", "Emperor", "Empress", "Prince", "Princess",
    "Emir", "Sultan", "Sheikh", "Pope", "Supreme Leader", "General Secretary", "Chairman",
    "Chairwoman", "Chairperson", "Governor", "Mayor", "Senator", "Ambassador", "Special Envoy",
    "Envoy",
    "High Commissioner for Human Rights", "High Commissioner for Refugees", "High Commissioner",
    "High Representative", "Commissioner", "Taoiseach", "Grand Duke", "Speaker",
    "Spokesperson", "Spokesman", "Spokeswoman", "Press Secretary", "Communications Secretary",
    "Private Secretary", "National Security Adviser",
    "National Security Advisor", "Secretary", "counterpart", "top diplomat",
    "Vice Premier", "State Councilor", "State Councillor", "Governor-General",
    "Governor General", "Grand Imam", "Patriarch", "Archbishop", "Cardinal",
    # military and agency heads met on a visit: "Armed Forces Commander General Joseph Aoun",
    # "IAEA Director General Rafael Grossi"
    "Director General", "Director-General", "Commander", "General",
    # (the head of the IMF: "IMF Managing Director X arrived in Abuja")
    "Managing Director",
    # ("the Leader of the Revolution, Colonel X": a ruler known by his rank)
    "Colonel",
    # "call on Head of Government X" (Morocco's prime minister), "Head of State X"
    "Head of Government", "Head of State",
    # Commonwealth forms of address that stand for a title: "Rt Hon Winston Peters"
    "Rt Hon", "Rt. Hon.", "Right Honourable", "Hon", "Hon.",
    # ... and South Asia's abbreviation of it: "Rt. Hon'ble Sher Bahadur X" (Nepal, India)
    "Rt. Hon'ble", "Rt Hon'ble", "Right Hon'ble", "Hon'ble", "Hon’ble", "Rt. Hon’ble",
    # ... and the American style of a member of Congress or an official: "The Honorable X"
    "The Honorable", "The Honourable",
    "foreign policy chief", "chief",
    "foreign minister", "prime minister", "president", "leader",
]
# Titles of people who speak for the traveller's own government, never "leaders met".
STAFF_TITLES = {"spokesperson", "spokesman", "spokeswoman", "press secretary", "ambassador",
                "national security adviser", "national security advisor", "senator",
                "deputy department spokesperson", "department spokesperson",
                "communications secretary", "private secretary"}
MONARCH_TITLES = {"king", "queen", "emperor", "empress", "pope", "prince", "princess",
                  "crown prince", "emir", "sultan", "sheikh", "grand duke"}
# "the crown prince received Erdogan", "The King and the Queen Consort had been due to arrive":
# a title standing alone for the one person the text gives it (no name and no "of" after it;
# the title in any case, the name's capital in its own)
BARE_TITLE = re.compile(r"\b[Tt]he\s+(?P<title>(?i:crown\s+prince|emir|king|queen|sultan|"
                        r"emperor|empress|pope|prince|princess|sheikh|grand\s+duke|chancellor|"
                        r"prime\s+minister|premier|president|taoiseach))\b"
                        r"(?![\w-]|\s+[A-Z]|\s+of\b)")
TRAVELLER_TITLES = {
    "top diplomat", "secretary of state", "president", "prime minister", "foreign minister",
    "foreign secretary", "vice president", "chancellor", "secretary-general",
    "secretary general", "minister of foreign affairs", "defense secretary",
    "secretary of defense", "defence secretary", "premier", "king", "queen", "pope",
    "deputy secretary of state", "secretary", "first lady", "minister for foreign affairs",
    "external affairs minister",
}
