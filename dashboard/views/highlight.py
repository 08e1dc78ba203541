"""The article as safe HTML, with every extracted fact marked where it was read.

A reader checks the data here: each place, date, leader, topic... the extractor found is a
`<mark>` in the colour of the stop it supports, with a tooltip naming what was read, and a
link to that stop's row in the itinerary list rendered beside it (`itinerary_html`).

Safety: every character that comes from an article (text, mention values, titles, names) goes
through `html.escape` before it reaches markup; colours are accepted only as `#rrggbb`; the
only links built are in-page anchors and http(s) source URLs. Streamlit's `st.html` sanitises
again with DOMPurify, but this module does not rely on it.
"""

from __future__ import annotations

import bisect
import html
import itertools
import math
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from datetime import date
from urllib.parse import urlsplit

import pandas as pd

from dashboard.provenance import correction_note
from dashboard.views.colors import NEUTRAL

# Kinds the extractor emits, in legend order, with the words a reader sees.
KIND_LABELS: dict[str, str] = {
    "place": "country",
    "city": "city",
    "date": "date",
    "leader": "leader",
    "topic": "topic",
    "event": "event",
    "traveler": "traveller",
}
NEUTRAL_COLOR = NEUTRAL  # trip-level facts and unknown stops: grey reads in both themes
_HEX_COLOR = re.compile(r"^#[0-9a-fA-F]{6}$")
_PARAGRAPH_BREAK = re.compile(r"\n[ \t\r\f\v]*\n\s*")
_ID_UNSAFE = re.compile(r"[^A-Za-z0-9_-]+")
_URL_CANDIDATE = re.compile(r"https?://[^\s()<>\"']+", re.IGNORECASE)

# One class per kind so a kind reads without colour: the stop's colour tints the background
# and draws the underline, the underline's style says the kind (legend shows the key).
HIGHLIGHT_CSS = """
.hl-article { line-height: 1.65; font-size: 1rem; overflow-wrap: anywhere; }
.hl-article p { margin: 0 0 0.9em 0; }
.hl-article a.hl-link { color: inherit; text-decoration: none; }
.hl-article a.hl-link:hover mark,
.hl-article a.hl-link:focus mark { outline: 2px solid currentColor; }
.hl-article mark.hl { color: inherit; padding: 0 1px; border-radius: 2px;
  border-bottom: 3px solid; }
.hl-article mark.hl-place { border-bottom-style: solid; }
.hl-article mark.hl-city { border-bottom-style: double; border-bottom-width: 4px; }
.hl-article mark.hl-date { border-bottom-style: dashed; }
.hl-article mark.hl-leader { border-bottom-style: solid; font-weight: 600; }
.hl-article mark.hl-topic { border-bottom-style: dotted; }
.hl-article mark.hl-event { border-bottom-style: dashed; font-style: italic; }
.hl-article mark.hl-traveler { border-bottom-style: solid; font-weight: 600; }
.hl-article mark.hl-other { border-bottom-style: dotted; }
.hl-article .hl-clutter { opacity: 0.75; font-size: 0.88em; font-style: italic; }
.hl-legend { display: flex; flex-wrap: wrap; gap: 0.3rem 0.9rem; margin: 0 0 0.8rem 0;
  font-size: 0.9rem; }
.hl-legend .hl-clutter { opacity: 0.75; font-style: italic; }
.hl-stops { list-style: none; padding: 0 !important; margin: 0 !important; }
.hl-stop { border-left: 6px solid; padding: 0.35rem 0.6rem; margin: 0 0 0.6rem 0 !important;
  border-radius: 4px; scroll-margin-top: 4rem; }
.hl-stop:target { outline: 3px solid currentColor; outline-offset: 1px; }
.hl-stop-head { font-weight: 600; }
.hl-stop-meta { font-size: 0.9rem; }
.hl-stop q { display: block; font-size: 0.9rem; opacity: 0.85; margin-top: 0.25rem; }
.hl-anchor { scroll-margin-top: 4rem; }
.hl-quotes { list-style: none; padding: 0 !important; margin: 0 !important; }
.hl-quotes li { margin: 0 0 0.7rem 0 !important; line-height: 1.55; border-left: 6px solid;
  padding: 0.1rem 0 0.1rem 0.7rem; }
.hl-quotes mark.hl { color: inherit; border-bottom: 3px dotted; padding: 0 1px; }
.hl-quote-where { font-weight: 600; font-size: 0.85rem; display: block; }
.hl-header h3 { margin: 0 0 0.2rem 0; }
.hl-header p { margin: 0 0 0.6rem 0; font-size: 0.9rem; opacity: 0.85; }
"""


@dataclass(frozen=True)
class _Span:
    start: int
    end: int
    kind: str
    value: str
    stop_id: str | None


def stop_anchor(stop_id: str) -> str:
    """The element id of a stop's itinerary row: letters, digits, '-' and '_' only."""
    return "stop-" + _ID_UNSAFE.sub("-", str(stop_id)).strip("-")


def trip_anchor(trip_id: str) -> str:
    """The element id of a trip's whole-trip row (facts that support no single stop)."""
    return "trip-" + _ID_UNSAFE.sub("-", str(trip_id)).strip("-")


def text_anchor(stop_id: str) -> str:
    """The element id placed in the article where a stop's key sentence starts."""
    return "text-" + stop_anchor(stop_id)


def safe_color(color: object) -> str:
    """`color` if it is a plain #rrggbb hex, else the neutral grey (never raw into CSS)."""
    return color if isinstance(color, str) and _HEX_COLOR.match(color) else NEUTRAL_COLOR


def safe_url(url: object) -> str | None:
    """`url` when it is an absolute http(s) URL with a host, else None (no javascript:...)."""
    if not isinstance(url, str):
        return None
    candidate = url.strip()
    if not candidate or any(c.isspace() for c in candidate):
        return None
    parts = urlsplit(candidate)
    return candidate if parts.scheme.lower() in ("http", "https") and parts.netloc else None


def _is_missing(value: object) -> bool:
    if value is None or value is pd.NA or value is pd.NaT:
        return True
    return isinstance(value, float) and math.isnan(value)


def usable_mentions(text: str, mentions: pd.DataFrame, kinds: Collection[str]) -> list[_Span]:
    """The mentions of `kinds` whose offsets are a non-empty range inside `text`.

    Rows with missing or out-of-range offsets are skipped rather than trusted: a highlight in
    the wrong place would mislead the reader more than a missing one.
    """
    spans: list[_Span] = []
    wanted = set(kinds)
    for row in mentions.itertuples(index=False):
        if row.kind not in wanted or _is_missing(row.start) or _is_missing(row.end):
            continue
        start, end = int(row.start), int(row.end)
        if not 0 <= start < end <= len(text):
            continue
        stop_id = None if _is_missing(row.stop_id) else str(row.stop_id)
        value = "" if _is_missing(row.value) else str(row.value)
        spans.append(_Span(start, end, str(row.kind), value, stop_id))
    return spans


def uncovered_ranges(length: int, covered: Iterable[tuple[int, int]]) -> list[tuple[int, int]]:
    """The parts of [0, length) outside every `covered` range (e.g. text no sentence holds).

    Used to de-emphasise page clutter: the extractor splits only the article's body into
    sentences, so what lies outside them is navigation, captions and trailers.
    """
    gaps: list[tuple[int, int]] = []
    cursor = 0
    for start, end in sorted((max(0, int(s)), min(length, int(e))) for s, e in covered):
        if start > cursor:
            gaps.append((cursor, start))
        cursor = max(cursor, end)
    if cursor < length:
        gaps.append((cursor, length))
    return gaps


def _paragraphs(text: str, begin: int) -> list[tuple[int, int]]:
    """[start, end) of each paragraph (text between blank lines) from `begin` on."""
    ranges: list[tuple[int, int]] = []
    cursor = begin
    for brk in _PARAGRAPH_BREAK.finditer(text, begin):
        if text[cursor : brk.start()].strip():
            ranges.append((cursor, brk.start()))
        cursor = brk.end()
    if text[cursor:].strip():
        ranges.append((cursor, len(text.rstrip())))
    return ranges


def _escape(fragment: str) -> str:
    return html.escape(fragment, quote=True).replace("\n", "<br>")


def _title(span: _Span, stop_labels: Mapping[str, str], value_labels: Mapping[str, str]) -> str:
    kind = KIND_LABELS.get(span.kind, span.kind)
    where = stop_labels.get(span.stop_id, span.stop_id) if span.stop_id else "whole trip"
    return f"{kind}: {value_labels.get(span.value, span.value)} → {where}"


def highlight_article(
    text: str,
    mentions: pd.DataFrame,
    stop_colors: Mapping[str, str],
    kinds: Collection[str],
    *,
    trip_id: str | None = None,
    stop_labels: Mapping[str, str] | None = None,
    begin: int = 0,
    clutter: Iterable[tuple[int, int]] = (),
    anchors: Iterable[tuple[int, str]] = (),
    value_labels: Mapping[str, str] | None = None,
    legend: bool = True,
) -> str:
    """`text` (from offset `begin`) as escaped HTML paragraphs with mentions marked.

    - `mentions`: rows of the mentions table (kind, value, start, end, stop_id); pass the
      filtered view's rows so facts about stops filtered out are not highlighted.
    - `kinds`: which mention kinds to mark; `stop_colors`: stop_id -> #rrggbb.
    - Each mark links to `#stop-...` (its stop's itinerary row) or, for a trip-level fact, to
      the trip row `#trip-<trip_id>`; its `title` tooltip names kind, value and stop.
    - Overlapping or nested mentions are cut at every boundary, so each piece of text closes
      all the tags it opens: the markup stays well-formed whatever the offsets are.
    - `clutter`: ranges shown de-emphasised; `anchors`: (offset, element id) pairs to drop there;
      `value_labels`: readable names for values in tooltips (topic slug -> label, ISO code ->
      country).
    """
    stop_labels = stop_labels or {}
    value_labels = value_labels or {}
    # Several stops can share a key sentence, so one offset may carry several ids.
    ids_at: dict[int, list[str]] = {}
    for offset, anchor_id in anchors:
        if begin <= offset < len(text):
            ids_at.setdefault(int(offset), []).append(anchor_id)
    spans = usable_mentions(text, mentions, kinds)
    clutter_ranges = [(max(begin, s), e) for s, e in clutter if e > begin]
    trip_target = trip_anchor(trip_id) if trip_id else None

    parts: list[str] = ['<div class="hl-article">', f"<style>{HIGHLIGHT_CSS}</style>"]
    if legend:
        parts.append(
            legend_html(
                sorted({s.kind for s in spans}, key=_kind_order), clutter=bool(clutter_ranges)
            )
        )
    span_sweep = _Sweep(sorted(spans, key=lambda s: (s.start, -s.end)))
    clutter_sweep = _Sweep([_Span(a, b, "", "", None) for a, b in sorted(clutter_ranges)])
    anchor_offsets = sorted(ids_at)
    for p_start, p_end in _paragraphs(text, begin):
        # Only the few mentions and clutter ranges that touch this paragraph are looked at,
        # so long articles with many mentions stay linear.
        local_spans = span_sweep.overlapping(p_start, p_end)
        local_clutter = clutter_sweep.overlapping(p_start, p_end)
        cuts = {p_start, p_end}
        for span in (*local_spans, *local_clutter):
            cuts.update(c for c in (span.start, span.end) if p_start < c < p_end)
        first = bisect.bisect_left(anchor_offsets, p_start)
        cuts.update(k for k in anchor_offsets[first:] if k < p_end)
        edges = sorted(cuts)
        parts.append("<p>")
        for x, y in itertools.pairwise(edges):
            for anchor_id in ids_at.pop(x, ()):
                parts.append(f'<span class="hl-anchor" id="{html.escape(anchor_id)}"></span>')
            piece = _escape(text[x:y])
            active = [s for s in local_spans if s.start < y and s.end > x]
            if active:
                piece = _marked(piece, active, stop_colors, stop_labels, value_labels, trip_target)
            if any(c.start < y and c.end > x for c in local_clutter):
                piece = f'<span class="hl-clutter">{piece}</span>'
            parts.append(piece)
        parts.append("</p>")
    parts.append("</div>")
    return "".join(parts)


class _Sweep:
    """Ranges sorted by start, handed out paragraph by paragraph in text order."""

    def __init__(self, ranges: list[_Span]) -> None:
        self._ranges = ranges
        self._next = 0
        self._open: list[_Span] = []

    def overlapping(self, start: int, end: int) -> list[_Span]:
        """The ranges that overlap [start, end), in start order; `start` never decreases."""
        while self._next < len(self._ranges) and self._ranges[self._next].start < end:
            self._open.append(self._ranges[self._next])
            self._next += 1
        self._open = [r for r in self._open if r.end > start]
        return [r for r in self._open if r.start < end]


def _marked(
    piece: str,
    active: list[_Span],
    stop_colors: Mapping[str, str],
    stop_labels: Mapping[str, str],
    value_labels: Mapping[str, str],
    trip_target: str | None,
) -> str:
    """`piece` inside one mark per active mention (outermost first) and one link.

    Links cannot nest, so the piece links to the innermost mention that supports a stop.
    """
    with_stop = [s for s in active if s.stop_id]
    target = stop_anchor(with_stop[-1].stop_id) if with_stop else trip_target
    title = html.escape("\n".join(_title(s, stop_labels, value_labels) for s in active), quote=True)
    opened = "".join(
        f'<mark class="hl hl-{s.kind if s.kind in KIND_LABELS else "other"}" '
        f'style="{_mark_style(stop_colors.get(s.stop_id) if s.stop_id else None)}">'
        for s in active
    )
    inner = f"{opened}{piece}{'</mark>' * len(active)}"
    if target is None:
        return f'<span class="hl-link" title="{title}">{inner}</span>'
    return f'<a class="hl-link" href="#{html.escape(target)}" title="{title}">{inner}</a>'


def _mark_style(color: str | None) -> str:
    hex_color = safe_color(color)
    # 33 hex = 20% alpha: the tint keeps text readable on light and dark backgrounds.
    return f"background-color:{hex_color}33;border-bottom-color:{hex_color}"


def _kind_order(kind: str) -> int:
    order = list(KIND_LABELS)
    return order.index(kind) if kind in order else len(order)


def legend_html(kinds: Iterable[str], clutter: bool = False) -> str:
    """A one-line key: what each kind's underline looks like (colour = the stop)."""
    items = [
        f'<span><mark class="hl hl-{k if k in KIND_LABELS else "other"}" '
        f'style="{_mark_style(None)}">{html.escape(KIND_LABELS.get(k, k))}</mark></span>'
        for k in kinds
    ]
    if clutter:
        items.append('<span class="hl-clutter">page clutter (not used)</span>')
    if not items:
        return ""
    return (
        '<div class="hl-legend" aria-label="Highlight key">'
        "<span>Key (colour = the stop it supports):</span>" + "".join(items) + "</div>"
    )


def format_days(start: object, end: object) -> str:
    """'Mon 3 Oct 2022', 'Thu 6 – Fri 7 Oct 2022', or 'dates not given'."""
    first = None if _is_missing(start) else pd.Timestamp(start).date()
    last = None if _is_missing(end) else pd.Timestamp(end).date()
    first, last = first or last, last or first
    if first is None or last is None:
        return "dates not given"
    if first == last:
        return _day(first)
    if (first.year, first.month) == (last.year, last.month):
        return f"{first:%a} {first.day} – {_day(last)}"
    if first.year == last.year:
        return f"{first:%a} {first.day} {first:%b} – {_day(last)}"
    return f"{_day(first)} – {_day(last)}"


def _day(day: date) -> str:
    return f"{day:%a} {day.day} {day:%b %Y}"


def itinerary_html(
    itinerary: pd.DataFrame,
    stop_colors: Mapping[str, str],
    *,
    trip_id: str | None = None,
    stop_labels: Mapping[str, str] | None = None,
    topic_labels: Mapping[str, str] | None = None,
    agenda: Iterable[str] = (),
    text_anchors: bool = True,
) -> str:
    """The itinerary as a list of rows with ids `stop-...`, the targets of the marks' links.

    A first row `trip-<trip_id>` carries the whole-trip agenda (what trip-level marks link
    to). Each stop row can link back to its key sentence in the text (`text_anchor`).
    """
    stop_labels = stop_labels or {}
    topic_labels = topic_labels or {}
    rows: list[str] = [f"<style>{HIGHLIGHT_CSS}</style>", '<ol class="hl-stops">']
    if trip_id is not None:
        topics = ", ".join(html.escape(topic_labels.get(t, t)) for t in dict.fromkeys(agenda))
        rows.append(
            f'<li class="hl-stop" id="{trip_anchor(trip_id)}" '
            f'style="border-left-color:{NEUTRAL_COLOR}">'
            '<div class="hl-stop-head">Whole trip</div>'
            f'<div class="hl-stop-meta">Agenda: {topics or "none stated"}</div></li>'
        )
    for row in itinerary.sort_values("stop_index").itertuples(index=False):
        color = safe_color(stop_colors.get(row.stop_id))
        label = stop_labels.get(row.stop_id) or f"{int(row.stop_index) + 1} {row.country}"
        city = "" if _is_missing(row.city) else html.escape(str(row.city))
        if city and row.city_inferred:
            city += ' <span title="not named in the text; inferred">(inferred)</span>'
        days = html.escape(format_days(row.start, row.end))
        if row.dates_inferred and days != "dates not given":
            days += " (inferred)"
        leaders = ", ".join(html.escape(str(n)) for n in row.leaders) or "—"
        topics = ", ".join(html.escape(topic_labels.get(t, t)) for t in row.topics) or "—"
        key = "" if _is_missing(row.key_sentence) else html.escape(str(row.key_sentence))
        corrected = correction_note(row._asdict())
        fixed = (f'<div class="hl-stop-meta corrected-mark">✎ {html.escape(corrected)}</div>'
                 if corrected else "")
        back = (
            f' <a href="#{text_anchor(row.stop_id)}">show in text</a>'
            if text_anchors and key
            else ""
        )
        rows.append(
            f'<li class="hl-stop" id="{stop_anchor(row.stop_id)}" '
            f'style="border-left-color:{color}">'
            f'<div class="hl-stop-head">{html.escape(label)}{" · " + city if city else ""}</div>'
            f'<div class="hl-stop-meta">{days}</div>'
            f'<div class="hl-stop-meta">Leaders: {leaders}</div>'
            f'<div class="hl-stop-meta">Topics: {topics}</div>{fixed}'
            + (f"<q>{key}</q>{back}" if key else "")
            + "</li>"
        )
    rows.append("</ol>")
    return "".join(rows)


def _link(url: str) -> str:
    shown = html.escape(url if len(url) <= 80 else url[:79] + "…")
    return (
        f'<a href="{html.escape(url, quote=True)}" target="_blank" '
        f'rel="noopener noreferrer nofollow">{shown}</a>'
    )


def linked_source(source: str) -> str:
    """A source line as escaped HTML where each http(s) URL in it is a link.

    Header lines say things like "https://a.example/x (reprint of https://b.example/y)"; only
    tokens `safe_url` accepts become links, everything else stays inert text.
    """
    out: list[str] = []
    cursor = 0
    for found in _URL_CANDIDATE.finditer(source):
        url = safe_url(found.group().rstrip(".,;:"))
        if url is None:
            continue
        out.append(html.escape(source[cursor : found.start()]))
        out.append(_link(url))
        cursor = found.start() + len(url)
    out.append(html.escape(source[cursor:]))
    return "".join(out)


def article_header_html(
    title: object,
    published: object = None,
    basis: object = None,
    source: object = None,
    path: object = None,
    *,
    outlet: object = None,
    url: object = None,
) -> str:
    """Title, outlet, date (and where the date came from), source line and link to the
    article; the source is a link only when it is an http(s) URL, anything else is shown as
    escaped text. `outlet` (e.g. "DW") and `url` come from `dashboard.source_info`; the file
    name is shown last, small, for whoever maintains the articles folder."""
    parts = [f"<h3>{html.escape(str(title))}</h3>"] if not _is_missing(title) and title else []
    meta: list[str] = []
    named = outlet and not _is_missing(outlet)
    given = source and not _is_missing(source)
    if named and given:
        meta.append(f"Source: <strong>{html.escape(str(outlet))}</strong> · "
                    f"{linked_source(str(source))}")
    elif named:
        meta.append(f"Source: <strong>{html.escape(str(outlet))}</strong>")
    elif given:
        meta.append(f"Source: {linked_source(str(source))}")
    if not _is_missing(published) and published:
        day = pd.Timestamp(published).date()
        meta.append(
            f"Published {html.escape(_day(day))}"
            + (f" ({html.escape(str(basis))})" if basis else "")
        )
    link = safe_url(url)
    if link and not (given and link in str(source)):
        meta.append(f"Article: {_link(link)}")
    if path and not _is_missing(path):
        meta.append(f'<small>File: {html.escape(str(path))}</small>')
    if meta:
        parts.append("<p>" + "<br>".join(meta) + "</p>")
    return '<div class="hl-header">' + "".join(parts) + "</div>"


def quotes_html(rows: Iterable[tuple[str, str, Iterable[str], str | None]]) -> str:
    """Sentences as a list of quotes, each with its place label and its phrases marked.

    `rows`: (label, sentence, phrases, stop colour or None). Phrases are found
    case-insensitively; the sentence is escaped piece by piece so marks never split an entity.
    """
    items: list[str] = [f"<style>{HIGHLIGHT_CSS}</style>", '<ol class="hl-quotes">']
    for label, sentence, phrases, color in rows:
        words = sorted({p for p in phrases if p}, key=len, reverse=True)
        pattern = (
            re.compile("|".join(re.escape(w) for w in words), re.IGNORECASE) if words else None
        )
        body: list[str] = []
        cursor = 0
        for found in pattern.finditer(sentence) if pattern else ():
            body.append(html.escape(sentence[cursor : found.start()]))
            body.append(
                f'<mark class="hl hl-topic" style="{_mark_style(color)}">'
                f"{html.escape(found.group())}</mark>"
            )
            cursor = found.end()
        body.append(html.escape(sentence[cursor:]))
        items.append(
            f'<li style="border-left-color:{safe_color(color)}">'
            f'<span class="hl-quote-where">{html.escape(label)}</span>'
            f"<q>{''.join(body)}</q></li>"
        )
    items.append("</ol>")
    return "".join(items)
