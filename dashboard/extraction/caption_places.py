"""Photo captions: a caption ends with where and when the picture was taken ("... in the
stands on Red Square as the parade passes, Moscow, Saturday 9 May.", "Castro tells
reporters at Palazzo Chigi, Rome, Sunday."). A city set off by a comma after the caption's
words and followed by nothing but a date places the people of the caption there that day;
whether one of them is the traveller is asked later, as for every signal
(`trip.drop_other_travel`). A "File picture" is of an earlier day, not this trip
(`narrative.FILE_PICTURE`). Source: the caption convention of wire and newspaper photo
desks (place, date at the end).
"""

from __future__ import annotations

import re

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.narrative import FILE_PICTURE
from dashboard.extraction.visits import VisitSignal

# (only blanks and commas may stand between the place, the region or country after it, the
# date, and the line's end)
AFTER_DATE = re.compile(r"(?<![ \t])[ \t]*+\.?[ \t]*+$")
BETWEEN = re.compile(r",[ \t]*+(?:[A-Z][\w'’-]*+(?:[ \t]++[A-Z][\w'’-]*+)?,[ \t]*+)?")


def add_caption_signals(fact: SentenceFacts, text: str) -> None:
    """Add the caption's place, as a locative signal, when the sentence ends ", <city>,
    <date>." ("..., Rome, Sunday."; "..., Moscow, Saturday 9 May."), unless a signal
    already stands there."""
    s = fact.sentence
    if not fact.dates or FILE_PICTURE.match(s.text):
        return
    last_date = max(fact.dates, key=lambda d: d.end)
    if not AFTER_DATE.match(text, last_date.end, s.end):
        return
    for mention in fact.places:
        if mention.kind != "city" or mention.end > last_date.start:
            continue
        between = BETWEEN.fullmatch(text, mention.end, last_date.start)
        before = text[s.start:mention.start].rstrip()
        # (set off by a comma after the caption's words: a line of its own, "Brussels, 9
        # June 2023", is a release's place of issue)
        if between and before.endswith(",") and \
                all(sig.position != mention.start for sig in fact.signals):
            fact.signals.append(VisitSignal(mention.place.code, mention.place, s.index,
                                            mention.start, mention.end, "locative",
                                            text=mention.text))
            return
