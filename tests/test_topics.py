"""The topic taxonomy file and how topics are matched and attached."""

from __future__ import annotations

import pytest

from dashboard.extraction.topics import TOPICS_FILE, find_topics, load_topics, taxonomy

REQUIRED = {"drug-trafficking", "migration", "democracy", "human-rights", "climate-change",
            "rural-development", "land-reform", "peace-process", "cuba-terrorism-designation",
            "white-collar-crime", "trade", "investment", "security", "nato", "nuclear-weapons",
            "energy", "economy"}


def slugs(text: str) -> list[str]:
    return [hit.slug for hit in find_topics(text)]


def test_taxonomy_file_is_in_data_and_has_the_core_topics():
    assert TOPICS_FILE.parent.name == "data"
    topics = taxonomy()
    assert {t.slug for t in topics} >= REQUIRED
    assert len({t.slug for t in topics}) == len(topics)  # slugs are unique
    assert all(t.label for t in topics)


@pytest.mark.parametrize("phrase", ["immigration", "irregular migration", "illegal migration",
                                    "Venezuelan migrants", "migration and refugee crisis"])
def test_migration_signals(phrase):
    assert "migration" in slugs(f"They discussed {phrase} at length.")


@pytest.mark.parametrize("text, slug", [
    ("talks on measures to tackle drug trafficking", "drug-trafficking"),
    ("counter narcotics trafficking", "drug-trafficking"),
    ("an olive-branch to leftist guerrillas", "peace-process"),
    ("implement the 2016 Peace Accord more fully", "peace-process"),
    ("the inclusion of Cuba on the US list of state sponsors of promoting terrorism",
     "cuba-terrorism-designation"),
    ("stricter action against white collar criminals", "white-collar-crime"),
    ("rural development programs", "rural-development"),
    ("coca farmers to be granted land titles", "land-reform"),
    ("tackling the climate crisis", "climate-change"),
    ("the opening of COP-21 in Paris", "climate-change"),
    ("the 74th NATO Summit", "nato"),
    ("nuclear weapons and ballistic missiles", "nuclear-weapons"),
    ("greater reliance on renewable energy sources", "energy"),
    ("bilateral opportunities for trade and investment", "trade"),
    ("bilateral opportunities for trade and investment", "investment"),
    ("regional security and human rights", "security"),
    ("regional security and human rights", "human-rights"),
    ("supporting strong democratic governments", "democracy"),
])
def test_topic_signals(text, slug):
    assert slug in slugs(text)


def test_the_longest_phrase_wins():
    # "drug trade" is drug trafficking, not trade
    assert slugs("Fighting drug trade") == ["drug-trafficking"]


def test_case_insensitive_whole_words_and_plurals():
    assert "democracy" in slugs("DEMOCRACY matters")
    assert "democracy" in slugs("two democracies")
    assert slugs("tradecraft and undemocratic moves") == []


def test_hits_point_at_the_words_in_the_text():
    text = "Talking about immigration, he praised the policy."
    (hit,) = find_topics(text)
    assert text[hit.start:hit.end] == hit.phrase == "immigration"
    hits = find_topics(text, first_only=False)
    assert hits == [hit]


def test_a_user_can_extend_the_taxonomy(tmp_path):
    path = tmp_path / "topics.toml"
    path.write_text('[[topic]]\nslug = "fisheries"\nlabel = "Fisheries"\n'
                    'phrases = ["fishing rights", "fisher*"]\n', encoding="utf-8")
    topics = tuple(load_topics(path))
    assert [h.slug for h in find_topics("illegal fishing rights", topics=topics)] == ["fisheries"]
    assert [h.phrase for h in find_topics("the fisheries deal", topics=topics)] == ["fisheries"]


@pytest.mark.parametrize("content, message", [
    ("[[topic]]\nslug = 'x'\n", "needs slug, label and phrases"),
    ("[[topic]\n", "cannot read"),
    ("[[topic]]\nslug='x'\nlabel='X'\npatterns=['(unclosed']\n", "bad pattern"),
])
def test_a_broken_taxonomy_file_gives_a_clear_error(tmp_path, content, message):
    path = tmp_path / "topics.toml"
    path.write_text(content, encoding="utf-8")
    with pytest.raises(ValueError, match=message):
        load_topics(path)


def test_a_leaders_biography_raises_no_topic_but_the_agenda_does():
    import warnings

    from dashboard.articles import read_article_text
    from dashboard.extraction import extract_trip

    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("bio.txt", (
            "Date: 2022-10-04\n\nSecretary of State Antony Blinken will travel to Peru on "
            "Thursday. He will meet Peruvian President Pedro Castillo, a former union leader who "
            "is the son of peasant farmers, in Peru to discuss rural development.\n")))
    tagged = {t.slug: t.phrase for t in trip.stops[0].topics}
    assert tagged.get("rural-development") == "rural development"
