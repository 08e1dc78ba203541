"""Article text is data, never markup: escape it before Markdown or HTML sees it."""

from __future__ import annotations

import html
import re

_MARKDOWN_SPECIAL = re.compile(r"([\\`*_{}\[\]()#+\-.!|<>~$:])")


def escape_markdown(text: object) -> str:
    """Text that st.markdown / st.info / labels show literally (no links, images, HTML)."""
    return _MARKDOWN_SPECIAL.sub(r"\\\1", str(text)).replace("\n", " ")


def escape_html(text: object) -> str:
    """Text safe inside HTML element content and quoted attributes."""
    return html.escape(str(text), quote=True)


def markdown_code(text: object) -> str:
    """`text` as a Markdown code span, shown verbatim.

    Inside a code span backslashes are literal, so `escape_markdown` there would show its
    escapes ("blinken\\-2022"); instead the span's fence is made one backtick longer than the
    longest run of backticks in the text (CommonMark), and a space pads text that starts or
    ends with a backtick. Newlines become spaces (a span is one line).
    """
    value = str(text).replace("\r", " ").replace("\n", " ")
    longest = max((len(run) for run in re.findall(r"`+", value)), default=0)
    fence = "`" * (longest + 1)
    if value.startswith("`") or value.endswith("`"):
        value = f" {value} "
    return f"{fence}{value}{fence}"
