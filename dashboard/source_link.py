"""The Source page's article in the URL: `?article=<source id>`, so a copied link reopens the
same article of a merged trip.

The value is an article's source id (a slug such as `blinken-2022-10-latin-america-2`, the
`source_id` of `TripTables.sources`). It is checked on the way in: a value that is not
shaped like a slug, or names no article of the trips in view, is dropped with a notice
naming it, and the page shows its default article.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

ARTICLE_PARAM = "article"
MAX_SLUG_CHARS = 200
_SLUG = re.compile(r"[\w.-]{1,200}")  # \w: an extractor's id may keep accented letters


@dataclass(frozen=True)
class ArticleChoice:
    """The article a link asks for: its trip and source id, or a notice saying why not."""

    trip_id: str | None = None
    source_id: str | None = None
    notice: str | None = None


def _shown(value: str) -> str:
    return value if len(value) <= 60 else value[:57] + "…"


def check_article_param(values: Sequence[str], sources: pd.DataFrame,
                        trip_ids: Sequence[str]) -> ArticleChoice:
    """The article `values` (the parameter's values, the first one counts) names among the
    `sources` rows (TripTables.sources) of `trip_ids`, or a notice."""
    if not values:
        return ArticleChoice()
    value = values[0].strip()
    if not _SLUG.fullmatch(value):
        return ArticleChoice(notice=f"The link's article '{_shown(value)}' is not an "
                                    "article id, so it was dropped.")
    rows = sources[(sources["source_id"] == value) & sources["trip_id"].isin(list(trip_ids))]
    if rows.empty:
        return ArticleChoice(notice=f"The link's article '{_shown(value)}' is not one of the "
                                    "articles of the trips in view, so it was dropped.")
    return ArticleChoice(trip_id=str(rows["trip_id"].iloc[0]), source_id=value)
