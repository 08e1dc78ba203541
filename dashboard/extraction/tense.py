"""The tense of the clause a date sits in: past dates look back from the publication date,
future ones forward ("met ... on Monday", "will travel ... on Wednesday"). Used by `dates.py`
to resolve weekdays and missing years, and by `narrative.py` for earlier trips.
"""

from __future__ import annotations

import re

PAST_MARKERS = re.compile(
    r"\b(?:met|said|says|held|visited|arrived|was|were|had|discussed|spoke|signed|announced|"
    r"left|travell?ed|landed|hosted|toured|attended|called|praised|told|wrapped|began|"
    r"concluded|ended|opened|kicked off|took|gave|made|urged|stressed|reiterated|last|"
    # irregular past forms that narrate travel: "He flew to Rome on Tuesday"
    r"flew|went|came|spent|drove|rode|saw|sat|stood|wrote|brought|sought|won|lost|got|"
    r"led|fled|ate|did|"
    r"(?!(?:scheduled|expected|planned|slated|supposed|needed|indeed|based|related|followed|"
    r"accompanied|titled|entitled|dubbed|aimed|intended|designed)\b)"
    r"(?-i:[a-z]\w{2,}ed))\b", re.IGNORECASE)
FUTURE_MARKERS = re.compile(
    # (an adverb may come between: "is now expected", "are also due")
    # (and the future of reported speech, "the Prime Minister would fly to X on Tuesday",
    # but not the unreal past "would have gone")
    r"\b(?:will|'ll|shall|would(?!\s+have\b)|(?:is|are)\s+(?:(?:now|also|still|then|currently|reportedly|"
    r"already|widely)\s+)?(?:scheduled|expected|set|due|slated|going|to)|plans? to|upcoming|"
    r"next(?!\s+(?:day|morning|afternoon|evening))|"
    r"(?:scheduled|expected|set|due) to|"
    # the present of a journey's own verbs tells a timetable, not a habit: "On Friday the
    # pope travels on to X", "she flies to Y on Monday" (a preview's scheduled present)
    r"(?-i:(?:heads|travels|flies|departs|leaves|sets\s+(?:off|out)|returns|moves\s+on|"
    r"goes\s+on))(?!\s+of\b))\b", re.IGNORECASE)
# A modal or "to" before an "-ed" word makes it a bare verb, not a past: "will proceed on
# Thursday to X", "plans to succeed", "would need"; with "be", a passive of the same time:
# "which will be held on Tuesday", "is to be signed on Friday"
BARE_AFTER = re.compile(
    r"\b(?:will|would|shall|should|can|could|may|might|must|to|'ll)\s+"
    r"(?:(?:\w+ly|then|also|now|soon|still|first|next)\s+)?(?:be\s+)?$",
    re.IGNORECASE)
# What follows an "-ed" word that describes a noun rather than tells the past: "the lecture
# hosted by the institute", "a summit organised by"
PARTICIPLE_AFTER = re.compile(r"(?<!\s)\s+by\b", re.IGNORECASE)
# (and so does a colon that opens a new statement: "the tour has been pushed back by a day:
# he is now expected in X on Monday")
CLAUSE_OPENING = re.compile(r"(?:[:,]\s*[\"“]|,\s+and\s+|[;:]\s+)(?=[^\"”]*$)")


def clause_tense(text: str, position: int) -> bool | None:
    """True if the date at `position` sits in a future-tense clause, False past, None unknown.

    The verb before the date governs it ("met ... on Monday", "arrived in Bogota on Monday,
    will travel ..."); with none before it, the one after it ("On Wednesday, he will meet").
    """
    lo = max(0, position - 200)
    sentence_start = max(text.rfind(". ", lo, position), text.rfind("\n", lo, position))
    before = text[sentence_start + 1 if sentence_start >= 0 else lo:position]
    # a quotation opens its own clauses ('told reporters: "Tomorrow I leave ...'), and so
    # does ", and" before the date ("..., and on Friday I will be in Beijing")
    opened = list(CLAUSE_OPENING.finditer(before))
    if opened:
        before = before[opened[-1].end():]
    best: tuple[int, bool] | None = None
    for pattern, is_future in ((FUTURE_MARKERS, True), (PAST_MARKERS, False)):
        for match in pattern.finditer(before):
            if not is_future and PARTICIPLE_AFTER.match(before, match.end()):
                continue  # "the lecture hosted by X": a participle, not the clause's verb
            if not is_future and BARE_AFTER.search(before, 0, match.start()):
                continue  # "will proceed": a bare verb after a modal, not a past form
            if best is None or match.end() > best[0] or (
                    match.end() == best[0] and is_future):
                best = (match.end(), is_future)
    if best is not None:
        return best[1]
    # the clause ends at the sentence's end or the line's, not at the next ". " further on
    after_end = re.compile(r"[.!?](?:\s|$)|\n").search(text, position, position + 200)
    after = text[position:after_end.start() if after_end else position + 200]
    first: tuple[int, bool] | None = None
    for pattern, is_future in ((FUTURE_MARKERS, True), (PAST_MARKERS, False)):
        match = pattern.search(after)
        if match and (first is None or match.start() < first[0]):
            first = (match.start(), is_future)
    return None if first is None else first[1]
