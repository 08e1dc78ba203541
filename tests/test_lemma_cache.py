"""The lemma cache gives the lemmas spaCy's rule lemmatizer gives (lemma_cache.py)."""

from __future__ import annotations

from pathlib import Path

from dashboard.extraction.lemma_cache import cache_lemmas, cached_lemmatize
from dashboard.extraction.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "articles"


def _texts() -> list[str]:
    paths = sorted((ROOT / "tests" / "fixtures" / "trips").glob("*.txt"))[:8]
    if SHARED.is_dir():
        paths += sorted(SHARED.glob("*.txt"))[:6]
    lines = [line for path in paths for line in path.read_text(encoding="utf-8").split("\n")
             if line.strip()]
    # the same forms twice, so the second pass answers from the cache
    return lines + lines + ["He visits; they visited; visiting leaders had visited. ",
                            "The leaders' meetings were held and the leader met them."]


def test_the_loaded_pipeline_caches_lemmas() -> None:
    lemmatizer = load_pipeline().get_pipe("lemmatizer")
    assert hasattr(lemmatizer.lemmatize, "uncached")
    assert cache_lemmas(load_pipeline()) is False  # (once is enough: no cache over a cache)


def test_same_lemmas_as_spacys_lemmatizer() -> None:
    nlp = load_pipeline()
    lemmatizer = nlp.get_pipe("lemmatizer")
    texts = _texts()

    def lemmas() -> list[list[str]]:
        return [[t.lemma_ for t in doc] for doc in nlp.pipe(texts)]

    cached = lemmatizer.lemmatize
    with_cache = lemmas()
    lemmatizer.lemmatize = cached.uncached  # spaCy's own method
    try:
        without_cache = lemmas()
    finally:
        lemmatizer.lemmatize = cached
    assert sum(map(len, with_cache)) > 5000
    assert with_cache == without_cache


def test_the_cache_answers_a_repeated_form_without_asking_again() -> None:
    asked = []

    class Token:  # (only what the cache key reads)
        def __init__(self, orth: int) -> None:
            self.orth, self.pos = orth, 92

            class Morph:
                key = 0
            self.morph = Morph()

    def lemmatize(token: Token) -> list[str]:
        asked.append(token.orth)
        return [str(token.orth)]

    remembered = cached_lemmatize(lemmatize)  # type: ignore[arg-type]
    assert remembered(Token(1)) == ["1"] and remembered(Token(1)) == ["1"]
    assert remembered(Token(2)) == ["2"]
    assert asked == [1, 2]
