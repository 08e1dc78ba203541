"""People who travel together: the first-named leads, the one after "and" accompanies.

"King X and Queen Y landed in Nairobi", "The President and the First Lady will travel to
Japan", "Prime Minister X and his wife Y arrived in Delhi": English names the principal of a
couple (or a delegation) first, and the companion after "and". The companion is often named
more often than the principal in the rest of the story ("Queen Y's wardrobe"), so counting
mentions alone can pick the companion. Source: the dependency parse (the subject of a verb
of moving and its conjuncts).
"""

from __future__ import annotations

from collections import Counter

from spacy.tokens import Span

from dashboard.extraction.facts import SentenceFacts
from dashboard.extraction.grammar import token_start
from dashboard.extraction.traveller_grammar import MOVING_VERBS

# how much a principal gains, and a companion loses, per sentence that names them as a couple
COUPLE_WEIGHT = 4


Word = tuple[int, str]  # a name's head word: (offset into the article, text)


def coordinated_subjects(span: Span) -> list[tuple[Word, list[Word]]]:
    """For each verb of moving whose subject is a list of proper names: the first name's head
    word, and the later names' head words."""
    found = []
    for verb in span:
        if verb.pos_ != "VERB" or verb.lemma_.lower() not in MOVING_VERBS:
            continue
        subjects = [c for c in verb.children if c.dep_ == "nsubj"]
        # (a dateline the parse makes the subject: "OSLO, May 6 - King X and Queen Y arrived")
        subjects += [a for s in subjects for a in s.children if a.dep_ == "appos"]
        for subject in subjects:
            if subject.pos_ != "PROPN":
                continue
            others = [c for c in subject.conjuncts if c.i > subject.i and c.pos_ == "PROPN"]
            if others:
                found.append(((token_start(subject), subject.text),
                              [(token_start(c), c.text) for c in others]))
    return found


def couple_scores(facts: list[SentenceFacts], known: set[str]) -> Counter[str]:
    """Surname -> score change: plus for the first-named of a couple that travels together,
    minus for the ones named after it; only between people of `known` (surnames the article
    names with a title): a principal named without one ("Charles and Queen Camilla flew
    out") leaves the companion as the one the text names."""
    scores: Counter[str] = Counter()
    for fact in facts:
        if fact.parse is None or fact.sentence.heading:
            continue
        for (first, first_word), others in coordinated_subjects(fact.parse):
            principal = next((p.surname for p in fact.people if p.start <= first < p.end),
                             first_word)
            for at, _ in others:
                companion = next((p for p in fact.people if p.start <= at < p.end), None)
                if companion is None or companion.surname == principal or \
                        not {principal, companion.surname} <= known:
                    continue
                scores[principal] += COUPLE_WEIGHT
                scores[companion.surname] -= COUPLE_WEIGHT
    return scores
