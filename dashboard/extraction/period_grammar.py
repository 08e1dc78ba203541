"""Places told in another period than the trip's, by the dependency parse: travels of a
time before it in the perfect with "since" (`since_then`), and a plan told in the past
perfect, which English uses for a plan that did not happen (`plan_called_off`). Read by
`stop_grammar.untold`.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from dashboard.extraction.grammar import token_at

if TYPE_CHECKING:
    from spacy.tokens import Span


def since_then(span: Span, start: int) -> bool:
    """The place at `start` is told under a verb in the perfect with "since" ("has travelled
    widely since taking office, visiting X and Y", "have visited X since January"): the
    travels of a period before this trip, not its stops."""
    node = token_at(span, start)
    for _ in range(12):
        if node is None or node.head is node:
            return False
        node = node.head
        if node.pos_ in {"VERB", "AUX"} and any(c.lower_ == "since" for c in node.children) \
                and any(c.dep_ == "aux" and c.lemma_.lower() == "have" for c in node.children):
            return True
    return False


# Words of a plan: "had been due / scheduled / expected / set / supposed to ..."
PLAN_WORDS = {"due", "schedule", "expect", "set", "plan", "suppose", "meant"}


def plan_called_off(span: Span, start: int) -> bool:
    """The place at `start` is in a plan told in the past perfect ("had been due to arrive
    in Paris on Sunday, before travelling to Bordeaux", "had been scheduled to visit X"):
    English tells a plan that did not happen this way."""
    node = token_at(span, start)
    for _ in range(12):
        if node is None or node.head is node:
            return False
        node = node.head
        perfect = [c.lower_ for c in node.children if c.dep_ in {"aux", "auxpass"}][:1] == [
            "had"]
        # "had been scheduled to visit X"; "had been due to arrive in X, before travelling
        # to Y" (the plan word is the complement of "been")
        if perfect and (node.lemma_.lower() in PLAN_WORDS or any(
                c.dep_ == "acomp" and c.lemma_.lower() in PLAN_WORDS for c in node.children)):
            return True
    return False


def unrealised(span: Span, start: int) -> bool:
    """The token at `start` (a date) hangs from a plan that did not happen: "the tour, which
    was to have started today", "the talks would have opened on Friday" (an auxiliary
    "have" with "to" or a modal before the participle), or a plan told in the past perfect
    (`plan_called_off`). Such a day is not a day of the trip."""
    node = token_at(span, start)
    for _ in range(8):
        if node is None or node.head is node:
            break
        node = node.head
        if node.pos_ in {"VERB", "AUX"}:
            aux = {c.lower_ for c in node.children if c.dep_ == "aux"}
            if "have" in aux and aux & {"to", "would", "could", "should", "might"}:
                return True
            break
    return plan_called_off(span, start)
