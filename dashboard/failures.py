"""A fault in the app, told to the visitor in words, with the details kept in the server log.

Production settings hide Streamlit's own error details (`client.showErrorDetails = "none"` in
`.streamlit/config.toml`: no tracebacks, server paths or help buttons for visitors), so the app
says itself what failed, what went wrong and what still works.
"""

from __future__ import annotations

import logging
import re

import streamlit as st

log = logging.getLogger("dashboard")

# A file path on the server ("/srv/app/dashboard/x.py", "C:\\app\\x.py"): only its name is
# shown to visitors.
_PATH = re.compile(r"(?:[A-Za-z]:)?(?:[\\/][\w.@+-]+)+[\\/](?P<name>[\w.@+-]+)")
_MAX_CHARS = 300


def describe_failure(exc: BaseException) -> str:
    """'<ExceptionType>: <message>' for a visitor: server paths cut to file names, long
    messages shortened."""
    message = _PATH.sub(lambda m: m.group("name"), str(exc)).strip()
    if len(message) > _MAX_CHARS:
        message = message[:_MAX_CHARS - 1] + "…"
    return f"{type(exc).__name__}: {message}" if message else type(exc).__name__


def show_failure(exc: BaseException, what: str, consequence: str) -> None:
    """Log the traceback on the server and tell the visitor, e.g. show_failure(exc,
    "Checking the trips against the official record", "the pages show the trips without
    it")."""
    log.error("%s failed", what, exc_info=exc)
    from dashboard.views.markup import escape_markdown

    st.error(f"{escape_markdown(what)} failed ({escape_markdown(describe_failure(exc))}); "
             f"{consequence}. The details are in the server log.", icon=":material/error:")
