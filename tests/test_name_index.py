"""The word index finds names exactly where `\\bNAME\\b` would, on whole texts and stretches."""

from __future__ import annotations

import re

from dashboard.extraction.name_index import NameIndex, index_of

TEXT = ("Minister Ana Lopes-Moura met Lopes and O'Hara in Tunis. Lopesa was absent; "
        "Mr. Kwame Mensah spoke; Mensah_2 is no Mensah. Al Thani hosted Al Thanis. "
        "Dr. Ruth Sokolova and Sokolova.")
NAMES = ["Lopes", "Lopes-Moura", "Moura", "O'Hara", "Hara", "Mensah", "Al Thani",
         "Sokolova", "Mr. Kwame", "Tunis", "Absent", ".x"]


def by_regex(name: str, text: str, start: int, end: int) -> list[int]:
    return [start + m.start() for m in re.finditer(rf"\b{re.escape(name)}\b", text[start:end])]


def test_occurrences_agree_with_the_regex_everywhere() -> None:
    index = NameIndex(TEXT)
    for name in NAMES:
        for start, end in [(0, len(TEXT)), (10, 60), (0, TEXT.index("Thani") + 5),
                           (TEXT.index("Mensah"), TEXT.index("Mensah") + 4)]:
            assert index.occurrences(name, start, end) == by_regex(name, TEXT, start, end), \
                (name, start, end)


def test_names_in_a_stretch_come_in_text_order_with_their_offsets() -> None:
    index = NameIndex(TEXT)
    start, end = 0, TEXT.index("Dr.")
    found = list(index.names_in(NAMES, start, end))
    expected = sorted((at, name) for name in NAMES for at in by_regex(name, TEXT, start, end))
    assert sorted((at, name) for name, at in found) == expected
    assert [at for _name, at in found] == sorted(at for _name, at in found)
    assert ("Al Thani", TEXT.index("Al Thani hosted")) in found
    assert all(name != "Lopes" or at != TEXT.index("Lopesa") for name, at in found)


def test_a_word_cut_by_the_end_of_the_stretch_is_not_a_shorter_name() -> None:
    # (a sliced regex would take "Has" from "Hassan" cut after three letters: the index does
    # not, the word in the text is "Hassan"; whole words at the stretch's end are found)
    text = "President Samia Suluhu Hassan arrived."
    cut = text.index("Hassan") + 3
    assert NameIndex(text).occurrences("Has", 0, cut) == []
    assert NameIndex(text).occurrences("Suluhu", 0, text.index("Suluhu") + 6) == \
        [text.index("Suluhu")]


def test_the_index_of_a_text_is_built_once() -> None:
    text = "Foreign Minister Penny Wong visited Hanoi."
    assert index_of(text) is index_of(text)
