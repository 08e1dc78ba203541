"""The link that reopens the current view: the visitor's own address plus the filters.

The base is the address the visitor's browser actually shows (Streamlit's `st.context.url`:
scheme, host, port, path prefix and page, without query or fragment), so the link is right
on localhost, behind a reverse proxy with a path prefix and on a hosted URL alike.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from urllib.parse import urlencode, urlsplit, urlunsplit

QueryValues = Mapping[str, str | Sequence[str]]


def merge_query(current: QueryValues, overrides: QueryValues,
                managed: Sequence[str] = ()) -> dict[str, list[str]]:
    """`current` query values with `overrides` applied; `managed` names not in `overrides`
    are dropped (a filter that was cleared must leave the link too)."""
    merged: dict[str, list[str]] = {}
    for name, values in current.items():
        if name in managed and name not in overrides:
            continue
        merged[name] = [values] if isinstance(values, str) else list(values)
    for name, values in overrides.items():
        merged[name] = [values] if isinstance(values, str) else list(values)
    return {name: values for name, values in merged.items() if values}


def view_url(base_url: str | None, query: QueryValues) -> str:
    """`base_url` with its query replaced by `query` (repeated names for lists).

    Without a usable base (no browser context, or not an http(s) address) the result is
    the query alone ("?country=CL"), which still reopens the view from the app's address.
    """
    pairs = [(name, value) for name, values in query.items()
             for value in ([values] if isinstance(values, str) else values)]
    query_string = urlencode(pairs)
    parts = urlsplit(base_url or "")
    if parts.scheme not in ("http", "https") or not parts.netloc:
        return f"?{query_string}" if query_string else "?"
    return urlunsplit((parts.scheme, parts.netloc, parts.path, query_string, ""))
