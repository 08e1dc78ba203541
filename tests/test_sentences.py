"""Splitting the body into sentences with offsets, and flagging page clutter."""

from __future__ import annotations

from pathlib import Path

from dashboard.extraction.sentences import split_sentences

SEED = Path(__file__).resolve().parents[1] / "seeds" / "000_2088198bdb06ddc9.txt"


def texts(text: str) -> list[tuple[str, bool]]:
    return [(s.text, s.clutter) for s in split_sentences(text)]


def test_offsets_slice_back_to_each_sentence():
    text = SEED.read_text(encoding="utf-8")
    sentences = split_sentences(text)
    assert len(sentences) > 40
    for s in sentences:
        assert text[s.start:s.end] == s.text
    assert [s.index for s in sentences] == list(range(len(sentences)))


def test_abbreviations_and_initials_do_not_end_sentences():
    text = ("Secretary of State Antony J. Blinken met U.S. officials. Mark C. Toner spoke on "
            "Oct. 13 in Washington, D.C. about it. F.P. Report")
    assert [t for t, _c in texts(text)] == [
        "Secretary of State Antony J. Blinken met U.S. officials.",
        "Mark C. Toner spoke on Oct. 13 in Washington, D.C. about it.",
        "F.P. Report",
    ]


def test_a_new_quotation_starts_a_new_sentence():
    text = "“This week I will travel to Hiroshima. “Many of the challenges are global."
    assert [t for t, _c in texts(text)] == [
        "“This week I will travel to Hiroshima.", "“Many of the challenges are global."]


def test_seed_clutter_menus_captions_and_the_trailing_teaser():
    text = SEED.read_text(encoding="utf-8")
    flagged = {s.text: s.clutter_reason for s in split_sentences(text) if s.clutter}
    assert "1. Skip to content" in flagged
    assert any(t.startswith("U.S. Secretary of State Antony Blinken speaks") for t in flagged)
    assert "How realistic are Russian reparation payments to Ukraine?" in flagged
    assert "Boy with a bicycle outside a damaged apartment bloc in Ukraine" in flagged
    kept = [s.text for s in split_sentences(text) if not s.clutter]
    assert any(t.startswith("Colombia is the first stop on Blinken") for t in kept)
    assert not any("Ukraine" in t for t in kept)


def test_site_furniture_and_trailers():
    text = ("Read Time59 Second\n\nSecretary Kerry will travel to Paris.\n\n"
            "Read more: Kerry in Brussels\n\nHe will then travel to Athens.\n\n"
            "About Post Author\n\nRobert Williams\n\nThis site uses Akismet to reduce spam.\n")
    assert texts(text) == [
        ("Read Time59 Second", True), ("Secretary Kerry will travel to Paris.", False),
        ("Read more: Kerry in Brussels", True), ("He will then travel to Athens.", False),
        ("About Post Author", True), ("Robert Williams", True),
        ("This site uses Akismet to reduce spam.", True),
    ]


def test_wire_captions_and_bylines():
    text = ("Biden arrived in Vilnius on Monday.\n\nBiden speaks in Vilnius, Lithuania, July 11, "
            "2023. (AP Photo/Susan Walsh)\nU.S. President Joe Biden waves. REUTERS/Kevin "
            "Lamarque\n\nReporting by Simon Lewis; Editing by Grant McCool\nMore about Russia.\n")
    assert [c for _t, c in texts(text)] == [False, True, True, True, True, True, True]


def test_repeated_headline_and_headings():
    text = ("Statement on the President's Upcoming Travel to Europe\n\n"
            "Statement on the President's Upcoming Travel to Europe\n\n"
            "The President will travel to London.\n")
    sentences = split_sentences(text)
    assert [(s.heading, s.clutter) for s in sentences] == [
        (True, False), (True, True), (False, False)]


def test_section_trailers_end_the_article():
    text = ("Secretary Kerry will travel to Paris.\n\nRelated Topics\n\nWar in Ukraine\n\n"
            "More on this story\n\n- Who is Ukraine's top general?\n")
    assert [clutter for _text, clutter in texts(text)] == [False, True, True, True, True]
    text = "Kerry flew to Rome.\n\nMore from Vatican\n\n- Pope to visit Hungary?\n"
    assert texts(text)[1:] == [("More from Vatican", True), ("- Pope to visit Hungary?", True)]
    text = "Kerry flew to Rome.\n\nDW recommends\n\n- Germany and China\n"
    assert [clutter for _text, clutter in texts(text)] == [False, True, True]


def test_read_more_and_most_read_start_the_teasers():
    text = ("The King flew to Mombasa on Thursday.\n\nRead more:\n- Prince William lands in "
            "Singapore\n\nMOST READ\n1. Iran warns\n")
    sentences = split_sentences(text)
    teaser = next(s for s in sentences if "Singapore" in s.text)
    assert teaser.clutter
    assert not sentences[0].clutter


def test_menus_and_breadcrumbs_are_clutter():
    text = ("Politics | World | U.S. | Business | Sign in\nWorld > Europe > Ukraine\n\n"
            "Merkel visits Kyiv | World news\n\nAngela Merkel arrived in Kyiv on Sunday.\n")
    flags = [(s.text, s.clutter) for s in split_sentences(text)]
    assert flags == [("Politics | World | U.S. | Business | Sign in", True),
                     ("World > Europe > Ukraine", True),
                     ("Merkel visits Kyiv | World news", False),
                     ("Angela Merkel arrived in Kyiv on Sunday.", False)]


def test_hard_wrapped_lines_are_read_as_one_sentence_with_offsets_in_the_original():
    import warnings

    from dashboard.articles import read_article_text
    from dashboard.extraction import extract_trip

    text = ("Date: 2024-05-22\n\nPRESS RELEASE\n\nPresident Ama Mensah has today arrived in "
            "Washing-\nton DC, United States of America, for a State Visit at the in-\n"
            "vitation of President Joe Biden.\n")
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        trip = extract_trip(read_article_text("release.txt", text))
    stop = trip.stops[0]
    assert (stop.city, [leader.name for leader in stop.leaders]) == ("Washington", ["Joe Biden"])
    evidence = stop.evidence[0]
    assert text[evidence.start:evidence.end] == evidence.sentence
    assert "Washing-\nton" in evidence.sentence


def test_a_full_line_of_a_hard_wrapped_page_goes_on_whatever_the_next_words_case():
    from dashboard.extraction.invisible import strip_invisible

    page = ("The President travelled to the US capital from Atlanta, Geor-\n"
            "gia, where he concluded a two-day programme yesterday. He de-\n"
            "livered an address there and then he held talks with Atlanta\n"
            "Mayor Andre Dickens on affordable housing at the city hall with coun-\n"
            "cil members.\n\n"
            "Short heading\nNext paragraph.\n")
    cleaned, offsets = strip_invisible(page)
    assert "held talks with Atlanta Mayor Andre Dickens" in cleaned
    assert "Short heading\nNext paragraph." in cleaned  # a short line stays a line
    at = cleaned.index("Mayor")
    assert page[offsets.start(at):offsets.start(at) + 5] == "Mayor"
