"""The Overview's map and timeline, built once per content and shared by every rerun.

A filter change, a click or a second visitor reruns the whole page, and most of a rerun's
CPU was building the same plotly figure (every property validated) and pydeck deck again.
`timeline_figure` and `route_deck` take the same arguments as `views.timeline.
build_timeline` and `views.route_map.build_deck` and return what they return, kept with
`st.cache_resource` under a digest of every argument's content (`content_key`): the same
rows, colours, selection and options give the very object built before, without copying it.

The objects are shared between reruns and sessions, so callers must not change them; the
Overview hands them straight to `st.plotly_chart` / `st.pydeck_chart`, which only read them.
"""

from __future__ import annotations

import hashlib
import pickle
from collections.abc import Mapping
from typing import Any

import pandas as pd
import plotly.graph_objects as go
import streamlit as st

from dashboard.views.route_map import CompactDeck, build_deck
from dashboard.views.timeline import build_timeline

FIGURES_KEPT = 64
"""Figures (and decks) kept per process: a few per filter state and highlighted stop."""


def content_key(*parts: Any) -> str:
    """A digest of the arguments' content: DataFrames column by column (name, dtype, index
    and values, not pandas' internal block layout, which a copy may change), mappings,
    lists and scalars as they are, all pickled.

    Where equal content still pickles differently (an object shared twice in one and
    copied in the other), the figure is built once more: a digest never stands for other
    content."""
    return hashlib.blake2b(pickle.dumps(_canonical(parts), protocol=pickle.HIGHEST_PROTOCOL),
                           digest_size=20).hexdigest()


def _canonical(value: Any) -> Any:
    if isinstance(value, pd.DataFrame):
        return ("frame", value.index.tolist(),
                [(name, str(column.dtype), column.tolist()) for name, column in value.items()])
    if isinstance(value, pd.Series):
        return ("series", value.name, str(value.dtype), value.index.tolist(), value.tolist())
    if isinstance(value, tuple | list):
        return type(value).__name__, [_canonical(item) for item in value]
    if isinstance(value, Mapping):
        return "map", [(key, _canonical(item)) for key, item in value.items()]
    return value


@st.cache_resource(show_spinner=False, max_entries=FIGURES_KEPT)
def _timeline(key: str, _args: tuple[Any, ...], _options: dict[str, Any]) -> go.Figure:
    del key  # the cache key: a digest of _args and _options
    return build_timeline(*_args, **_options)


@st.cache_resource(show_spinner=False, max_entries=FIGURES_KEPT)
def _deck(key: str, _args: tuple[Any, ...], _options: dict[str, Any]) -> CompactDeck:
    del key
    return build_deck(*_args, **_options).freeze()  # dumped to JSON once, here


def timeline_figure(itinerary: pd.DataFrame, events: pd.DataFrame,
                    record: pd.DataFrame | None = None, **options: Any) -> go.Figure:
    """`build_timeline(itinerary, events, record, **options)`, built once per content."""
    args = (itinerary, events, record)
    return _timeline(content_key("timeline", args, _plain(options)), args, options)


def route_deck(itinerary: pd.DataFrame, colors: Mapping[str, str], **options: Any) -> CompactDeck:
    """`build_deck(itinerary, colors, **options)`, built (and dumped to JSON) once per
    content."""
    args = (itinerary, dict(colors))
    return _deck(content_key("deck", args, _plain(options)), args, options)


def _plain(options: Mapping[str, Any]) -> list[tuple[str, Any]]:
    """Keyword arguments in a fixed order, mappings as plain dicts (for the digest)."""
    return sorted((name, dict(value) if isinstance(value, Mapping) else value)
                  for name, value in options.items())
