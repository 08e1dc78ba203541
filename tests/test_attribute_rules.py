"""The attribute ruler's lookup table finds exactly the matches spaCy's Matcher finds.

`attribute_rules.PatternTable.match` replaces `AttributeRuler.match` in the loaded pipeline
for speed; these tests hold it to spaCy's own answer, match for match, on real article text
(the repository's fixture articles, and ../shared/articles where present) and on sentences
made to hit the rare multi-token, regular-expression and dependency patterns.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from spacy.pipeline import AttributeRuler

from dashboard.extraction.attribute_rules import PatternTable, speed_up_attribute_ruler
from dashboard.extraction.nlp import load_pipeline

ROOT = Path(__file__).resolve().parents[1]
SHARED = ROOT.parent / "shared" / "articles"

# Each line hits patterns that ordinary news text rarely does: "gon na", "got ta", "let 's",
# "c'm on", "y' all", "ai n't", "nothin'", "there is" (expl + be), "'d" as a main verb, the
# negation forms, a subordinating "but", whitespace tokens, pronoun cases by dependency.
RARE = [
    "Y'all ain't gonna believe it: nothin' happened, c'mon, let's go, we gotta leave.",
    "There is a plan and there're two more; I'd a car but I didn't drive it, did you?",
    "It is what it is, said I, and it wasn't mine;  we've  seen it.\tThey'd gone.",
    "Whether or not he comes, she'll tell him that I am here, and that you are too.",
    "Which one did you see? That one, whose car I drove, which was red.",
    "They voted for you and against it; y' all saw that.",
    "  \n  ",
]


def _texts_of(folder: Path, limit: int) -> list[str]:
    lines = []
    for path in sorted(folder.glob("*.txt"))[:limit]:
        lines += [line for line in path.read_text(encoding="utf-8").split("\n")
                  if line.strip()]
    return lines


def _ruler_inputs(texts: list[str]):
    """The docs as the attribute ruler receives them: tagged and parsed, nothing after."""
    nlp = load_pipeline()
    with nlp.select_pipes(disable=["attribute_ruler", "lemmatizer", "ner"]):
        return list(nlp.pipe(texts))


def _assert_same_matches(texts: list[str]) -> list[tuple[int, int, int, int]]:
    """Every match of every text, after checking the table finds spaCy's matches."""
    ruler = load_pipeline().get_pipe("attribute_ruler")
    table = PatternTable(ruler)
    found = []
    for doc in _ruler_inputs(texts):
        expected = AttributeRuler.match(ruler, doc)  # spaCy's Matcher, not the instance's
        assert table.match(doc) == expected, doc.text
        found += expected
    return found


def test_the_loaded_pipeline_uses_the_table() -> None:
    ruler = load_pipeline().get_pipe("attribute_ruler")
    assert getattr(ruler.match, "__self__", None).__class__ is PatternTable


def test_same_matches_as_spacy_on_rare_patterns() -> None:
    matches = _assert_same_matches(RARE)
    assert any(end - start > 1 for _rule, _key, start, end in matches)  # multi-token ones


def test_same_matches_as_spacy_on_the_fixture_articles() -> None:
    texts = _texts_of(ROOT / "tests" / "fixtures" / "trips", 18)
    assert len(texts) > 100
    assert len(_assert_same_matches(texts)) > 1000


def test_same_matches_as_spacy_on_the_shared_articles() -> None:
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent (the 19 real articles)")
    assert len(_assert_same_matches(_texts_of(SHARED, 19))) > 1000


def test_same_token_attributes_with_and_without_the_table() -> None:
    """The whole pipeline: tags, parts of speech, morphology, lemmas, dependencies and
    entities are the same with spaCy's Matcher as with the table."""
    nlp = load_pipeline()
    ruler = nlp.get_pipe("attribute_ruler")
    texts = RARE + _texts_of(ROOT / "tests" / "fixtures" / "trips", 4)

    def annotations() -> list[list[tuple]]:
        return [[(t.tag_, t.pos_, str(t.morph), t.lemma_, t.dep_, t.head.i, t.ent_iob_,
                  t.ent_type_) for t in doc] for doc in nlp.pipe(texts)]

    with_table = annotations()
    table_match = ruler.match
    del ruler.match  # spaCy's own method again
    try:
        assert ruler.match.__func__ is AttributeRuler.match
        with_matcher = annotations()
    finally:
        ruler.match = table_match
    assert with_table == with_matcher


def test_a_pattern_the_table_cannot_read_keeps_spacys_matcher() -> None:
    nlp = load_pipeline()
    ruler = AttributeRuler(nlp.vocab)
    ruler.add([[{"LOWER": "very", "OP": "+"}, {"TAG": "JJ"}]], {"POS": "ADJ"}, index=-1)
    with pytest.raises(ValueError, match="attribute 'OP'"):
        PatternTable(ruler)

    class Pipeline:  # (only what speed_up_attribute_ruler reads)
        pipe_names = ("attribute_ruler",)

        @staticmethod
        def get_pipe(name: str) -> AttributeRuler:
            return ruler

    assert speed_up_attribute_ruler(Pipeline()) is False  # type: ignore[arg-type]
    assert ruler.match.__func__ is AttributeRuler.match
