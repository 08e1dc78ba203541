"""The rule lemmatizer's answers remembered for every word form, base forms included.

spaCy's rule lemmatizer (`spacy/pipeline/lemmatizer.py`, `rule_lemmatize`) keeps a cache
keyed by (word, part of speech, morphology), but returns before filling it for the commonest
case, a word already in its base form ("visit" as an infinitive, "trade" as a singular
noun): those are worked out again, morphology dictionary and all, every time they occur.
The answer depends on nothing but that key and the model's lookup tables, so
`cache_lemmas(nlp)` puts a cache with the same key in front of the lemmatizer's
`lemmatize`: the same lemmas (tests/test_lemma_cache.py compares them on real articles),
about 1 ms less per seed extraction.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Token

LIMIT = 200_000  # word forms remembered; the cache starts over beyond that


def cached_lemmatize(lemmatize: Callable[[Token], list[str]]) -> Callable[[Token], list[str]]:
    """`lemmatize` (token -> candidate lemmas) answering from a cache keyed by the token's
    word, part of speech and morphology, the key spaCy's own rule cache uses."""
    cache: dict[tuple[int, int, int], list[str]] = {}

    def remembered(token: Token) -> list[str]:
        key = (token.orth, token.pos, token.morph.key)
        forms = cache.get(key)
        if forms is None:
            forms = lemmatize(token)
            if len(cache) >= LIMIT:
                cache.clear()
            cache[key] = forms
        return forms

    remembered.uncached = lemmatize  # type: ignore[attr-defined]
    return remembered


def cache_lemmas(nlp: Language) -> bool:
    """Put the cache in front of the pipeline's rule lemmatizer. Returns whether it did:
    False without a lemmatizer, or with one in another mode (a lookup table is a dict
    already)."""
    if "lemmatizer" not in nlp.pipe_names:
        return False
    lemmatizer = nlp.get_pipe("lemmatizer")
    if getattr(lemmatizer, "mode", None) != "rule" or hasattr(lemmatizer.lemmatize,
                                                              "uncached"):
        return False
    lemmatizer.lemmatize = cached_lemmatize(lemmatizer.lemmatize)
    return True
