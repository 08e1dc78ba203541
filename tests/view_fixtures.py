"""Hand-built trips for the view tests: offsets are found in the text, never typed in."""

from __future__ import annotations

from datetime import date

from dashboard.models import (
    Article,
    Event,
    Evidence,
    Leader,
    Mention,
    Stop,
    TopicTag,
    Trip,
)
from dashboard.tables import TripTables, build_tables

ARTICLE_TEXT = (
    "Title: Blinken tours <Latin> America\n"
    "Date: 2022-10-04\n"
    "Source: https://example.org/blinken\n"
    "\n"
    "Skip to content\n"
    "\n"
    "Antony Blinken met Colombian President Gustavo Petro in Bogota on Monday. "
    "They discussed drug trafficking and migration.\n"
    "\n"
    "On Wednesday, he will meet Chilean President Gabriel Boric in Santiago to talk about "
    'migration. <script>alert(1)</script> and " onload=alert(2) x="\n'
    "\n"
    "In Lima on Thursday, Blinken meets Pedro Castillo about democracy.\n"
    "\n"
    "The tour focuses on migration and climate change.\n"
)


def span(text: str, words: str, after: int = 0) -> tuple[int, int]:
    start = text.index(words, after)
    return start, start + len(words)


def evidence(text: str, sentence: str) -> Evidence:
    start, end = span(text, sentence)
    return Evidence(sentence=sentence, start=start, end=end)


def mention(
    text: str, kind: str, value: str, words: str, stop: int | None, after: int = 0
) -> Mention:
    start, end = span(text, words, after)
    return Mention(kind=kind, value=value, text=words, start=start, end=end, stop_index=stop)


def sample_trip(trip_id: str = "blinken-2022-10", text: str = ARTICLE_TEXT) -> Trip:
    s_co = "Antony Blinken met Colombian President Gustavo Petro in Bogota on Monday."
    s_co2 = "They discussed drug trafficking and migration."
    s_cl = (
        "On Wednesday, he will meet Chilean President Gabriel Boric in Santiago to talk "
        "about migration."
    )
    s_pe = "In Lima on Thursday, Blinken meets Pedro Castillo about democracy."
    s_trip = "The tour focuses on migration and climate change."
    e = {s: evidence(text, s) for s in (s_co, s_co2, s_cl, s_pe, s_trip)}
    body_start = text.index("Skip to content")
    sentences = [e[s] for s in (s_co, s_co2, s_cl, s_pe, s_trip)]

    def tag(slug: str, label: str, phrase: str, sentence: str) -> TopicTag:
        return TopicTag(slug=slug, label=label, phrase=phrase, evidence=e[sentence])

    stops = [
        Stop(
            index=0,
            country_code="CO",
            country="Colombia",
            city="Bogotá",
            lat=4.61,
            lon=-74.08,
            start=date(2022, 10, 3),
            end=date(2022, 10, 3),
            leaders=[Leader(name="Gustavo Petro", title="President", evidence=e[s_co])],
            topics=[
                tag("drug-trafficking", "Drug trafficking", "drug trafficking", s_co2),
                tag("migration", "Migration", "migration", s_co2),
            ],
            evidence=[e[s_co]],
        ),
        Stop(
            index=1,
            country_code="CL",
            country="Chile",
            city="Santiago",
            lat=-33.45,
            lon=-70.67,
            start=date(2022, 10, 5),
            end=date(2022, 10, 5),
            leaders=[Leader(name="Gabriel Boric", title="President", evidence=e[s_cl])],
            topics=[tag("migration", "Migration", "migration", s_cl)],
            evidence=[e[s_cl]],
        ),
        Stop(
            index=2,
            country_code="PE",
            country="Peru",
            city="Lima",
            lat=-12.05,
            lon=-77.04,
            start=date(2022, 10, 6),
            end=date(2022, 10, 6),
            leaders=[Leader(name="Pedro Castillo", evidence=e[s_pe])],
            topics=[tag("democracy", "Democracy", "democracy", s_pe)],
            evidence=[e[s_pe]],
        ),
    ]
    mentions = [
        mention(text, "traveler", "Antony Blinken", "Antony Blinken", None),
        mention(text, "leader", "Gustavo Petro", "Colombian President Gustavo Petro", 0),
        # nested inside the leader mention above
        mention(text, "place", "CO", "Colombian", 0),
        mention(text, "city", "Bogotá", "Bogota", 0),
        mention(text, "date", "2022-10-03", "on Monday", 0),
        mention(text, "topic", "drug-trafficking", "drug trafficking", 0),
        mention(text, "date", "2022-10-05", "On Wednesday", 1),
        mention(text, "leader", "Gabriel Boric", "Gabriel Boric", 1),
        # overlaps the leader mention partly: "Boric in Santiago"
        mention(text, "event", "meeting", "Boric in Santiago", 1),
        mention(text, "city", "Santiago", "Santiago", 1),
        mention(text, "city", "Lima", "Lima", 2),
        mention(text, "leader", "Pedro Castillo", "Pedro Castillo", 2),
        mention(text, "topic", "democracy", "democracy", 2),
        mention(text, "topic", "climate-change", "climate change", None),
    ]
    return Trip(
        id=trip_id,
        article=Article(
            path=f"/tmp/{trip_id}.txt",
            title="Blinken tours <Latin> America",
            published=date(2022, 10, 4),
            source="https://example.org/blinken",
            header={"Title": "Blinken tours <Latin> America"},
            text=text,
            body_start=body_start,
        ),
        traveler="Antony Blinken",
        stops=stops,
        events=[
            Event(
                kind="meeting",
                label="Meeting with Gustavo Petro",
                date=date(2022, 10, 3),
                stop_index=0,
                evidence=e[s_co],
            )
        ],
        topics=[
            TopicTag(slug="migration", label="Migration", phrase="migration", evidence=e[s_trip]),
            TopicTag(
                slug="climate-change",
                label="Climate change",
                phrase="climate change",
                evidence=e[s_trip],
            ),
        ],
        mentions=mentions,
        sentences=sentences,
    )


def sample_tables(*trip_ids: str) -> TripTables:
    return build_tables([sample_trip(t) for t in (trip_ids or ("blinken-2022-10",))])
