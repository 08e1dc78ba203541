"""Body text -> sentences with offsets, and which of them are page clutter.

Web copies of articles carry menus ("Skip to content"), photo captions and credits
("...Image: Getty Images"), related-story teasers ("Top Story", "More stories"), and site
trailers ("About Post Author", "This site uses Akismet"). Those lines are kept as sentences
(so offsets stay honest) but flagged `clutter`, and the extractor never takes a stop from them.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from dashboard.extraction.dates import _M

# Lines that are navigation or site furniture wherever they appear.
CLUTTER_LINE = re.compile(
    r"^(?:\d+\.\s*)?(?:"
    r"skip to\b.*|skip next section.*|go to homepage|accessibility links|breaking news|"
    r"read time\s*\d+.*|share(?: this)?(?: article| story)?:?|print|advertisement|"
    r"subscribe.*|sign up.*|follow us.*|related(?: articles| stories| topics| content)?:?.*|"
    r"read (?:more|also)\s*:.*|watch\s*:.*|listen\s*:.*|also read\s*:.*|"
    r"more (?:stories|from|on this).*|you may also like.*|recommended.*|read more.*|"
    r"see also.*|tags?:.*|topics?:.*|copyright.*|©.*|all rights reserved.*|cookie.*|"
    r"%d bloggers like this:?|like this:?|loading\.\.\.|###|\*\*\*|comments?|leave a reply|"
    r"about (?:the )?(?:post )?author|this site uses akismet.*|official news published at.*|"
    r".* originally published at .*|posted in .*|filed under .*|image source.*|"
    # a PDF's running header or footer: "Outline Programme        Page 2 of 3"
    r".*\bpage\s+\d+\s*(?:of|/)\s*\d+|"
    # DW-style byline "ss/nm (AP, AFP)"
    r"(?:[a-z]{1,4}/)+[a-z]{1,4}\s*\((?:[A-Za-z]+(?:,\s*)?)+\)|"
    # menus and breadcrumbs: "Politics | World | U.S. | Sign in", "World > Europe > Ukraine"
    r"[^|>]{1,30}(?:\s[|>]\s[^|>]{1,30}){2,}"
    r")\s*$",
    re.IGNORECASE,
)
# Lines after which the rest of the page is teasers or trailers, not the article.
TRAILER_START = re.compile(
    r"^(?:skip next section.*|.*\btop stor(?:y|ies)\b.*|more stories.*|"
    r"more (?:from|on this)\b.*|related(?: articles| stories| topics| content| coverage)?:?|"
    r"read (?:more|also)\s*:?|most (?:read|popular|viewed|shared)|"
    r"[\w ]{0,20}\brecommends:?|newsletter\b.*|"
    r"about (?:the )?(?:post )?author|you may also like.*|"
    r"%d bloggers like this:?|this site uses akismet.*|share this:?|"
    r"(?:additional )?reporting by .*|writing by .*|editing by .*|"
    # a press release's contacts block: "Media contacts:", "Press inquiries: ...", "Contact:"
    r"(?:media|press)\s+(?:contacts?|inquiries|enquiries)\b.*|contacts?\s*:.*|"
    r"for\s+(?:media|press)\s+(?:inquiries|enquiries)\b.*|"
    r"(?:[a-z]{1,4}/)+[a-z]{1,4}\s*\((?:[A-Za-z]+(?:,\s*)?)+\))\s*$",
    re.IGNORECASE,
)
# A trailer ends an article, so an article comes before it. A newsletter's greeting ("Good
# morning. A prime minister on the Sabbath, ...") and then "--- TOP STORY ---" is the page's
# opening, and the story follows; a page read that way a second time, when the first reading
# found no trip (see `trip.extract_trip`), needs this much body before a trailer.
MIN_BODY_BEFORE_TRAILER = 200  # characters of body text, not headings or clutter
# Photo captions and credits.
CAPTION = re.compile(
    r"(?:\b(?:Image|Photo|Picture|Photograph|Credit|Source)\s*:\s*[^.]{0,80}$|"
    r"\bGetty Images\s*$|\bAFP(?:/Getty)?\s*$|^\s*FILE\s*(?:PHOTO)?\s*[-–—:]|"
    r"\((?:Photo|Image)\s+(?:by|credit|:)[^)]*\)\s*$|"
    r"\((?:AP|AFP|EPA|Reuters|Getty)\s*(?:Photo|Images)?\s*/[^)]*\)\s*$|"
    r"\b(?:REUTERS|AFP|AP|EPA|ANADOLU|Xinhua)/[A-Z][\w.]*(?:\s+[A-Z][\w.]*)*(?:/\w+)?\s*$)",
    re.IGNORECASE,
)

# a list item: a bullet, a number, or a programme's clock time ("12.00  Arrival at X",
# "10:30 – Meeting with Y", "0900 hrs Departure")
# "May 17: Visit to Rabat", "Tuesday 11 June: the Minister meets ...": an itinerary entry
# that a day opens, not a heading (a day alone, "Tuesday, June 11", still heads its lines)
DATED_ENTRY = re.compile(r"^[ \t]*(?:[A-Z][a-z]+day,?\s+)?(?:\d{1,2}\s+" + _M + r"|" + _M +
                         r"\s+\d{1,2})(?:,?\s+\d{4})?\s*:\s+[A-Za-z]+\s+[A-Za-z]+")
BULLET = re.compile(r"^\s*(?:[-–•*·▪]|\d+[.)]|(?:[01]?\d|2[0-3])[.:h]?[0-5]\d"
                    r"(?:\s*(?:hrs?|[ap]\.?m\.?))?(?:\s*[-–—:])?)\s+", re.IGNORECASE)
ABBREVIATIONS = {
    "u.s", "u.k", "u.n", "e.u", "mr", "mrs", "ms", "dr", "st", "sen", "rep", "gen", "gov",
    "lt", "col", "sgt", "capt", "prof", "jr", "sr", "no", "vs", "etc", "inc", "ltd", "co",
    "corp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov",
    "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "approx", "dept",
    "est", "fig", "hon", "ft", "mt", "ave", "a.m", "p.m", "d.c", "u.s.a", "rt", "pres",
    # honorifics of South Asian and diplomatic usage ("Smt. Droupadi Murmu", "H.E. Mr. X")
    "smt", "shri", "sri", "kum", "h.e", "messrs", "mme", "mlle",
}
# A search starts only at the first mark of a run ("...."), not inside it: linear time
SENTENCE_END = re.compile(r"(?<![.!?])(?:[.!?]+[\"'”’)\]]*(?=\s+[\"“‘(\[]?[A-Z0-9À-Þ])|"
                          r"[.!?]+[\"'”’)\]]*\s*“)")
LAST_WORD = re.compile(r"([A-Za-z.]+)[.!?]*[\"'”’)\]]*$")


@dataclass(frozen=True)
class Sentence:
    """One sentence (or heading line) of the body; offsets point into Article.text."""

    index: int
    text: str
    start: int
    end: int
    line: int
    clutter: bool = False
    clutter_reason: str = ""
    heading: bool = False


def _line_spans(text: str, start: int) -> list[tuple[int, int]]:
    spans = []
    pos = start
    for raw in text[start:].splitlines(keepends=True):
        content = raw.rstrip("\r\n")
        lead = len(content) - len(content.lstrip())
        stripped = content.strip()
        if stripped:
            spans.append((pos + lead, pos + lead + len(stripped)))
        else:
            spans.append((pos, pos))
        pos += len(raw)
    return spans


def _split_line(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Split one line into sentence spans, not breaking after abbreviations or initials."""
    pieces = []
    piece_start = start
    line = text[start:end]
    for match in SENTENCE_END.finditer(line):
        cut = start + match.end()
        candidate = text[piece_start:cut].rstrip()
        word_match = LAST_WORD.search(candidate)
        word = word_match.group(1).lower().rstrip(".") if word_match else ""
        if word in ABBREVIATIONS or "." in word or (len(word) == 1 and word.isalpha()):
            continue
        if cut - piece_start < 3:
            continue
        stripped_end = piece_start + len(text[piece_start:cut].rstrip())
        if text[cut - 1] == "“":  # a new quotation starts right after the full stop
            stripped_end = cut - 1
            cut = cut - 1
            while text[stripped_end - 1].isspace():
                stripped_end -= 1
        pieces.append((piece_start, stripped_end))
        piece_start = cut
        while piece_start < end and text[piece_start].isspace():
            piece_start += 1
    if piece_start < end:
        pieces.append((piece_start, end))
    return pieces


def split_sentences(text: str, body_start: int = 0, title: str | None = None,
                    early_trailers: bool = True) -> list[Sentence]:
    """Every sentence of the body, in order, with clutter flagged.

    With `early_trailers` False, a trailer line ("Top stories", "Related") with fewer than
    `MIN_BODY_BEFORE_TRAILER` characters of body text before it is not taken as the end of
    the article: the second reading of a page whose short opening told no trip.

    A `Title:` header that the body does not repeat comes first, as a heading: it often
    names the destinations ("Secretary Kerry Travels to France, Belgium, ...").
    """
    lines = _line_spans(text, body_start)
    sentences: list[Sentence] = []
    seen_lines: set[str] = set()
    if title and body_start:
        folded = " ".join(title.split()).lower()
        repeated = any(" ".join(text[a:b].split()).lower() == folded for a, b in lines if a < b)
        match = re.search(r"^Title:[ \t]*(.+?)[ \t]*$", text[:body_start],
                          re.MULTILINE | re.IGNORECASE)
        if match and not repeated and match.group(1).strip():
            sentences.append(Sentence(index=0, text=match.group(1), start=match.start(1),
                                      end=match.end(1), line=-1, heading=True))
            seen_lines.add(folded)
    in_trailer = False
    body_chars = 0
    caption_lines: set[int] = set()
    # A caption credit line also makes the line right above it (the caption itself) clutter.
    for n, (a, b) in enumerate(lines):
        if a < b and CAPTION.search(text[a:b]):
            caption_lines.add(n)
            if n > 0 and lines[n - 1][0] < lines[n - 1][1] and "Image:" in text[a:b]:
                caption_lines.add(n - 1)
    for n, (a, b) in enumerate(lines):
        if a == b:
            continue
        line_text = text[a:b]
        key = " ".join(line_text.split()).lower()
        reason = ""
        if in_trailer:
            reason = "after the end of the article (teasers, site trailer)"
        elif TRAILER_START.match(line_text) and body_chars and (
                early_trailers or body_chars >= MIN_BODY_BEFORE_TRAILER):
            in_trailer = True
            reason = "start of teasers / site trailer"
        elif CLUTTER_LINE.match(line_text):
            reason = "page navigation or furniture"
        elif n in caption_lines:
            reason = "photo caption or credit"
        elif key in seen_lines and len(key) > 20:
            reason = "repeated line"
        seen_lines.add(key)
        pieces = _split_line(text, a, b)
        is_heading = (len(pieces) == 1 and len(line_text) < 160
                      and not re.search(r"[.!?:\"'”’)]\s*$", line_text)
                      and not BULLET.match(line_text) and not DATED_ENTRY.match(line_text))
        if not reason and not is_heading:
            body_chars += b - a
        if title and key == " ".join(title.split()).lower():
            is_heading = True
        for s, e in pieces:
            sentences.append(Sentence(
                index=len(sentences), text=text[s:e], start=s, end=e, line=n,
                clutter=bool(reason), clutter_reason=reason, heading=is_heading,
            ))
    return sentences
