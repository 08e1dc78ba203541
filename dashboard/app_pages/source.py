"""Source: the article text with every extracted fact marked, beside the itinerary it supports.

A reader checks the data here: each mark links to the itinerary row it supports, each row
links back to its key sentence in the text. A trip told by several articles shows one at a
time; the one shown is in the URL (`?article=`, `dashboard.source_link`), and the reader can
split it out of the trip or join another trip to it (`components.trip_grouping`).
"""

from __future__ import annotations

import warnings
from pathlib import Path

import streamlit as st

from dashboard.articles import read_article_text
from dashboard.components.trip_grouping import (
    SOURCE_PICK_KEY,
    render_grouping_controls,
    show_grouping_messages,
)
from dashboard.extraction.sentences import split_sentences
from dashboard.models import ArticleError
from dashboard.session import current_view, show_empty_result
from dashboard.source_link import ARTICLE_PARAM, check_article_param
from dashboard.views.highlight import (
    KIND_LABELS,
    article_header_html,
    highlight_article,
    itinerary_html,
    text_anchor,
)
from dashboard.views.markup import escape_markdown
from dashboard.views.topic_matrix import stop_labels

TRIP_PICK_KEY = "source_page_trip"
_ARTICLE_WRITTEN = "_source_page_article_in_url"
KIND_KEY = "source_page_kind_"  # + kind


@st.cache_data(show_spinner=False, max_entries=64)
def _article_layout(name: str, text: str) -> tuple[dict[str, object], list[tuple[int, int]]]:
    """Header facts and the page-clutter ranges of an article, parsed from its text once.

    Only the text already loaded is parsed (no file is read, nothing is extracted again).
    """
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")  # "no publication date" is shown on the page
            article = read_article_text(name, text)
    except ArticleError:
        return {"body_start": 0}, []
    clutter = [
        (s.start, s.end)
        for s in split_sentences(text, article.body_start, article.title)
        if s.clutter
    ]
    header = {
        "title": article.title,
        "published": article.published,
        "basis": article.published_basis,
        "source": article.source,
        "body_start": article.body_start,
    }
    return header, clutter


def _show_in_url(source_id: str) -> None:
    st.query_params[ARTICLE_PARAM] = source_id
    st.session_state[_ARTICLE_WRITTEN] = source_id


def _put_article_in_url() -> None:
    # In the callback, before the next run draws the sidebar's share link: it is current.
    _show_in_url(st.session_state[SOURCE_PICK_KEY])


def _put_trip_in_url(sources) -> None:  # type: ignore[no-untyped-def]
    mine = sources.loc[sources["trip_id"] == st.session_state[TRIP_PICK_KEY], "source_id"]
    _show_in_url(str(mine.iloc[0]) if len(mine) else st.session_state[TRIP_PICK_KEY])
    st.session_state.pop(SOURCE_PICK_KEY, None)


st.header("Source", anchor=False)
show_grouping_messages()
state = current_view()
if state.is_empty:
    show_empty_result("source")
    st.stop()

view = state.view
trip_ids = [t for t in view.trips["trip_id"] if t in set(view.itinerary["trip_id"])]
# ?article=<source id>: a link names the article (checked), unless it is what we wrote.
linked = st.query_params.get_all(ARTICLE_PARAM)
if linked and linked != [st.session_state.get(_ARTICLE_WRITTEN)]:
    choice = check_article_param(linked, state.tables.sources, trip_ids)
    if choice.source_id is not None:
        st.session_state[TRIP_PICK_KEY] = choice.trip_id
        st.session_state[SOURCE_PICK_KEY] = choice.source_id
    else:
        st.warning(escape_markdown(choice.notice or ""), icon=":material/link_off:")
if len(trip_ids) > 1:
    if st.session_state.get(TRIP_PICK_KEY) not in trip_ids:
        st.session_state.pop(TRIP_PICK_KEY, None)
    trip_id = st.selectbox(
        "Article",
        trip_ids,
        format_func=lambda t: state.trip_titles.get(t, t),
        key=TRIP_PICK_KEY, on_change=_put_trip_in_url, args=(state.tables.sources,),
        help="Several trips are in view; the source page shows one article at a time.",
    )
else:
    trip_id = trip_ids[0]

# A trip told by several articles: one article at a time, the reader switches between them.
trip_sources = state.tables.sources[state.tables.sources["trip_id"] == trip_id]
source_ids = trip_sources["source_id"].tolist() or [trip_id]
source_id = source_ids[0]
if len(source_ids) > 1:
    labels = {
        row["source_id"]: f"{row['title'] or row['source_id']} — {Path(str(row['path'])).name}"
        for row in trip_sources.to_dict("records")
    }
    if st.session_state.get(SOURCE_PICK_KEY) not in source_ids:
        st.session_state.pop(SOURCE_PICK_KEY, None)
    source_id = st.radio(
        f"This trip is told by {len(source_ids)} articles; show",
        source_ids, format_func=lambda s: labels.get(s, s), key=SOURCE_PICK_KEY,
        on_change=_put_article_in_url,
        help="Each article is shown with the facts read from it; the itinerary beside it is "
             "the merged trip.",
    ) or source_ids[0]

# The article shown goes into the address bar, so a copied link reopens it.
if st.query_params.get_all(ARTICLE_PARAM) != [source_id]:
    _show_in_url(source_id)
st.session_state[_ARTICLE_WRITTEN] = source_id
render_grouping_controls(state.tables, trip_id, source_id, state.articles_dir)

text = state.tables.texts.get(source_id)
if not text:
    st.warning("The text of this article is not available.", icon=":material/error:")
    st.stop()

trip_row = view.trips[view.trips["trip_id"] == trip_id].iloc[0]
source_row = trip_sources[trip_sources["source_id"] == source_id]
source_path = str((source_row["path"].iloc[0] if len(source_row) else trip_row["source_path"])
                  or "")
header, clutter = _article_layout(Path(source_path).name or source_id, text)
st.html(
    article_header_html(
        header.get("title") or (source_row["title"].iloc[0] if len(source_row)
                                else trip_row["title"]),
        header.get("published") or trip_row["published"],
        header.get("basis"),
        header.get("source"),
        Path(source_path).name if source_path else None,
        outlet=trip_row.get("outlet"),
        url=trip_row.get("url"),
    )
)


def _of_source(frame):
    """Rows of this trip read from the article shown."""
    mine = frame["trip_id"] == trip_id
    if "source_id" in frame.columns:
        mine &= frame["source_id"].isna() | (frame["source_id"] == source_id)
    return frame[mine]


all_mentions = _of_source(state.tables.mentions)
shown_mentions = _of_source(view.mentions)
kinds_present = [k for k in KIND_LABELS if k in set(all_mentions["kind"])]
kinds_present += sorted(set(all_mentions["kind"]) - set(KIND_LABELS))
chosen: list[str] = []
if kinds_present:
    st.write("Highlight:")
    with st.container(horizontal=True, gap="small"):
        for kind in kinds_present:
            if st.checkbox(KIND_LABELS.get(kind, kind), value=True, key=KIND_KEY + kind):
                chosen.append(kind)

itinerary = view.itinerary[view.itinerary["trip_id"] == trip_id]
if len(source_ids) > 1:
    # Each stop's key sentence as this article tells it (none: the article does not report
    # the stop), so "show in text" jumps within the text on screen.
    keys = [next(((start, end) for sid, start, end in (row or []) if sid == source_id), None)
            for row in itinerary["source_keys"]]
    itinerary = itinerary.assign(
        key_start=[k[0] if k else None for k in keys],
        key_end=[k[1] if k else None for k in keys],
        key_sentence=[text[k[0]:k[1]] if k else None for k in keys],
    )
hidden_stops = int((state.tables.itinerary["trip_id"] == trip_id).sum() - len(itinerary))
n_marked = int(shown_mentions["kind"].isin(chosen).sum())
note = f"{n_marked} extracted fact(s) marked. Click a mark to see the stop it supports."
if hidden_stops:
    note += f" {hidden_stops} stop(s) of this trip are hidden by the filters and not marked."
if not kinds_present:
    note = "The extractor recorded no highlighted words for this article."
st.markdown(note)

names = stop_labels(itinerary)
agenda = view.topics[(view.topics["trip_id"] == trip_id) & view.topics["stop_id"].isna()]
anchors = [
    (int(row.key_start), text_anchor(row.stop_id))
    for row in itinerary.dropna(subset=["key_start"]).itertuples()
]
article_col, stops_col = st.columns([3, 2], gap="medium")
with article_col, st.container(height=640, border=True):
    st.html(
        highlight_article(
            text,
            shown_mentions,
            state.colors,
            chosen,
            trip_id=trip_id,
            stop_labels=names,
            begin=int(header.get("body_start") or 0),
            clutter=clutter,
            anchors=anchors,
            value_labels={**state.topic_labels, **state.country_names},
        )
    )
with stops_col:
    st.subheader("Itinerary", anchor=False)
    st.html(
        itinerary_html(
            itinerary,
            state.colors,
            trip_id=trip_id,
            stop_labels=names,
            topic_labels=state.topic_labels,
            agenda=agenda["topic"].tolist(),
        )
    )
