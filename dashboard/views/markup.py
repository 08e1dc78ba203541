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
