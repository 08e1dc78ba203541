"""The model's attribute ruler, matched by a lookup table instead of spaCy's Matcher.

The English pipelines end their tagging with an `attribute_ruler`: about 180 token patterns
("TAG is VBZ and the word is 'is' or ''s'" -> POS AUX, lemma "be", ...) that map the tagger's
fine tags to coarse parts of speech, morphology and lemmas. spaCy runs them through its
general-purpose `Matcher`, which tries every pattern at every token: about 8 ms of the seed's
extraction, as much as the dependency parser. Every pattern of those models is one or a few
tokens with plain tests (equal to / in / not in a list / a regular expression, on the fine
tag, the lower-case form, the dependency label or the is-space flag), so the same matches can
be found by looking the token's tag and lower-case form up in a table of the patterns that
could start there.

`speed_up_attribute_ruler(nlp)` gives the ruler's `match` that lookup; spaCy's own
`set_annotations` then writes the attributes, in the order spaCy's `match` would give them,
so the tokens come out exactly as before (tests/test_attribute_rules.py compares the two on
real articles). A pipeline with a pattern the table does not understand (an operator such
as "OP", another attribute, an extension) keeps spaCy's Matcher.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.pipeline import AttributeRuler
    from spacy.tokens import Doc

# pattern attribute -> index into the per-token tuple `_token_values` builds
_STRING_ATTRS = {"TAG": 0, "LOWER": 1, "DEP": 2}
_FLAG_ATTRS = {"IS_SPACE": 3}

TokenValues = tuple[str, str, str, bool]  # (tag_, lower_, dep_, is_space) of one token
TokenTest = Callable[[TokenValues], bool]
Pattern = tuple[int, tuple[TokenTest, ...]]  # (rule number, one test per token)


class UnsupportedPattern(ValueError):
    """A pattern the lookup table cannot reproduce exactly (spaCy's Matcher stays)."""


def _value_test(slot: int, value: Any, flag: bool) -> TokenTest:
    """One attribute's test, as spaCy's Matcher evaluates it (see spacy/matcher/matcher.pyx:
    equality, `IN`/`NOT_IN` on the string, `REGEX` searched in the string)."""
    if not isinstance(value, dict):
        if flag and isinstance(value, bool):
            return lambda token: token[slot] == value
        if not flag and isinstance(value, str):
            return lambda token: token[slot] == value
        raise UnsupportedPattern(f"value {value!r}")
    if flag or len(value) != 1:
        raise UnsupportedPattern(f"predicate {value!r}")
    (predicate, argument), = value.items()
    if predicate in {"IN", "NOT_IN"} and isinstance(argument, list) and all(
            isinstance(v, str) for v in argument):
        members = frozenset(argument)
        if predicate == "IN":
            return lambda token: token[slot] in members
        return lambda token: token[slot] not in members
    if predicate == "REGEX" and isinstance(argument, str):
        search = re.compile(argument).search
        return lambda token: search(token[slot]) is not None
    raise UnsupportedPattern(f"predicate {value!r}")


def _token_test(spec: dict[str, Any]) -> TokenTest:
    """All the tests of one token spec (a dict of attribute -> value or predicate)."""
    tests = []
    for name, value in spec.items():
        attr = name.upper()
        if attr in _STRING_ATTRS:
            tests.append(_value_test(_STRING_ATTRS[attr], value, flag=False))
        elif attr in _FLAG_ATTRS:
            tests.append(_value_test(_FLAG_ATTRS[attr], value, flag=True))
        else:
            raise UnsupportedPattern(f"attribute {name!r}")
    return lambda token: all(test(token) for test in tests)


def _starting_values(spec: dict[str, Any], attr: str) -> frozenset[str] | None:
    """The values of `attr` a token must have for `spec` to match it (equality or IN), or
    None when the spec does not pin that attribute down."""
    value = {k.upper(): v for k, v in spec.items()}.get(attr)
    if isinstance(value, str):
        return frozenset([value])
    if isinstance(value, dict) and set(value) == {"IN"}:
        return frozenset(value["IN"])
    return None


class PatternTable:
    """The ruler's patterns indexed by what their first token must be (its fine tag, else
    its lower-case form, else anything), and a memo of which patterns a token with given
    (tag, lower, dep, is_space) starts: that depends on those four values alone, and most
    tokens of a new text repeat a combination seen before."""

    MEMO_LIMIT = 100_000  # combinations kept; the memo starts over beyond that

    def __init__(self, ruler: AttributeRuler) -> None:
        self.by_tag: dict[str, list[Pattern]] = {}
        self.by_lower: dict[str, list[Pattern]] = {}
        self.anywhere: list[Pattern] = []
        self.keys: list[int] = []  # rule number -> the Matcher key's hash (spaCy's match id)
        if any(f is not None for f in ruler.matcher._filter.values()):
            raise UnsupportedPattern("a greedy pattern")  # (spaCy filters their overlaps)
        for number, rule in enumerate(ruler.patterns):
            self.keys.append(ruler.vocab.strings[str(number)])
            for tokens in rule["patterns"]:
                if not tokens or not all(isinstance(spec, dict) for spec in tokens):
                    raise UnsupportedPattern(f"pattern {tokens!r}")
                pattern = (number, tuple(_token_test(spec) for spec in tokens))
                if (tags := _starting_values(tokens[0], "TAG")) is not None:
                    for tag in tags:
                        self.by_tag.setdefault(tag, []).append(pattern)
                elif (lowers := _starting_values(tokens[0], "LOWER")) is not None:
                    for lower in lowers:
                        self.by_lower.setdefault(lower, []).append(pattern)
                else:
                    self.anywhere.append(pattern)
        self._starts: dict[TokenValues, list[tuple[int, tuple[TokenTest, ...]]]] = {}

    def _started_by(self, token: TokenValues) -> list[tuple[int, tuple[TokenTest, ...]]]:
        """(rule number, tests of the following tokens) of every pattern whose first token
        test `token` passes."""
        started = self._starts.get(token)
        if started is None:
            tag, lower = token[0], token[1]
            started = [(number, tests[1:]) for number, tests in
                       (*self.by_tag.get(tag, ()), *self.by_lower.get(lower, ()),
                        *self.anywhere) if tests[0](token)]
            if len(self._starts) >= self.MEMO_LIMIT:
                self._starts.clear()
            self._starts[token] = started
        return started

    def match(self, doc: Doc) -> list[tuple[int, int, int, int]]:
        """What `AttributeRuler.match` returns: (rule number, match id, start, end) for
        every pattern match, sorted (later rules win when spaCy applies them in order)."""
        values = [(t.tag_, t.lower_, t.dep_, t.is_space) for t in doc]
        size = len(values)
        found = set()  # (two patterns of one rule matching the same tokens: one match)
        for start, token in enumerate(values):
            for number, rest in self._started_by(token):
                end = start + 1 + len(rest)
                if not rest or (end <= size and all(
                        test(values[start + 1 + n]) for n, test in enumerate(rest))):
                    found.add((number, self.keys[number], start, end))
        return sorted(found)


def speed_up_attribute_ruler(nlp: Language) -> bool:
    """Give the pipeline's `attribute_ruler` (if any) the lookup-table `match`. Returns
    whether it did: False without a ruler, or with a pattern the table cannot reproduce."""
    if "attribute_ruler" not in nlp.pipe_names:
        return False
    ruler = nlp.get_pipe("attribute_ruler")
    try:
        table = PatternTable(ruler)
    except UnsupportedPattern:
        return False
    ruler.match = table.match  # (an instance attribute: spaCy's __call__ looks it up there)
    return True
