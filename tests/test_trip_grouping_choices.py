"""Plain functions behind the join/split controls and the Source page's article link."""

from __future__ import annotations

from datetime import date as D

from merging_fixtures import make_stop, make_trip

from dashboard.merging import merge_articles
from dashboard.merging.decisions import article_key
from dashboard.source_link import check_article_param
from dashboard.tables import build_tables
from dashboard.trip_grouping import (
    join_candidates,
    join_decision,
    placement,
    source_articles,
    split_decision,
    trip_label,
)


def _tables():
    a = make_trip("a.txt", "Antony Blinken", make_stop("CO", D(2022, 10, 3), D(2022, 10, 4)))
    b = make_trip("b.txt", "Antony Blinken", make_stop("CL", D(2022, 10, 5)))
    far = make_trip("far.txt", "Antony Blinken", make_stop("JP", D(2023, 6, 1)))
    near = make_trip("near.txt", "Antony Blinken", make_stop("FR", D(2022, 11, 1)))
    other = make_trip("other.txt", "Lloyd Austin", make_stop("PE", D(2022, 10, 6)))
    trips = [a, b, far, near, other]
    return build_tables(merge_articles(trips)), trips


def _trip_of(tables, name: str) -> str:
    rows = tables.sources[tables.sources["path"] == name]
    return str(rows["trip_id"].iloc[0])


def test_source_articles_carry_the_text_key():
    tables, (a, b, *_) = _tables()
    trip_id = _trip_of(tables, "a.txt")
    articles = source_articles(tables, trip_id)
    assert [(x.name, x.key) for x in articles] == [("a.txt", article_key(a)),
                                                   ("b.txt", article_key(b))]


def test_join_candidates_put_the_same_traveller_and_the_nearest_dates_first():
    tables, _ = _tables()
    trip_id = _trip_of(tables, "a.txt")
    names = [tables.sources.loc[tables.sources["trip_id"] == t, "path"].iloc[0]
             for t in join_candidates(tables, trip_id)]
    assert names == ["near.txt", "far.txt", "other.txt"]
    assert join_candidates(tables, "no-such-trip") == []


def test_join_and_split_decisions_name_every_article_by_its_key():
    tables, (a, b, far, *_) = _tables()
    joined = join_decision(tables, [_trip_of(tables, "a.txt"), _trip_of(tables, "far.txt")])
    assert joined.action == "join"
    assert set(joined.articles) == {article_key(a), article_key(b), article_key(far)}
    assert set(joined.names) == {"a.txt", "b.txt", "far.txt"}
    source_id = str(tables.sources.loc[tables.sources["path"] == "b.txt", "source_id"].iloc[0])
    split = split_decision(tables, source_id)
    assert (split.action, split.articles, split.names) == ("split", (article_key(b),),
                                                           ("b.txt",))
    # applied, they regroup the trips as said
    regrouped = build_tables(merge_articles(_tables()[1], decisions=[joined, split]))
    assert placement(regrouped, source_id).n_sources == 1
    assert placement(regrouped, source_id).grouping == "split out by a reader"
    far_id = str(tables.sources.loc[tables.sources["path"] == "far.txt", "source_id"].iloc[0])
    assert placement(regrouped, far_id).n_sources == 2


def test_placement_and_label():
    tables, _ = _tables()
    source_id = str(tables.sources.loc[tables.sources["path"] == "b.txt", "source_id"].iloc[0])
    where = placement(tables, source_id)
    assert where is not None and where.n_sources == 2 and where.grouping is None
    assert placement(tables, "nobody") is None
    label = trip_label(tables, where.trip_id)
    assert label.endswith("(3 Oct – 5 Oct 2022, Antony Blinken, 2 sources)"), label


def test_the_article_parameter_is_checked():
    tables, _ = _tables()
    trips = tables.trips["trip_id"].tolist()
    source_id = str(tables.sources.loc[tables.sources["path"] == "b.txt", "source_id"].iloc[0])
    chosen = check_article_param([source_id], tables.sources, trips)
    assert (chosen.trip_id, chosen.source_id, chosen.notice) == (
        _trip_of(tables, "b.txt"), source_id, None)
    assert check_article_param([], tables.sources, trips).source_id is None
    assert check_article_param([], tables.sources, trips).notice is None
    unknown = check_article_param(["nope"], tables.sources, trips)
    assert unknown.source_id is None and "'nope' is not one of the articles" in unknown.notice
    hostile = check_article_param(["<b>x</b>"], tables.sources, trips)
    assert hostile.source_id is None and "is not an article id" in hostile.notice
    long = check_article_param(["a" * 5000], tables.sources, trips)
    assert long.source_id is None and len(long.notice) < 200
    # an article of a trip that is not in view
    elsewhere = check_article_param([source_id], tables.sources, ["some-other-trip"])
    assert elsewhere.source_id is None and "trips in view" in elsewhere.notice
