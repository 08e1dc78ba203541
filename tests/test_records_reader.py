"""The official-record reader: the real Historian files (../shared/records) and bad input."""

from __future__ import annotations

import pandas as pd
import pytest

from dashboard.records.countries import country_code, load_overrides
from dashboard.records.reader import RECORD_COLUMNS, read_records
from tests.shared_data import SHARED_RECORDS

# Counted in the snapshot (commit 3170c773): <trip> elements per folder.
SECRETARY_ROWS = 3439
PRESIDENT_ROWS = 832
BLINKEN_ROWS = 241
DUPLICATES = 2  # Blinken, March 2021: ids 4019 and 4020 repeat 3992 and 3993
HISTORIC_NAMES = {"U.S.S.R.", "Yugoslavia", "Czechoslovakia", "German Democratic Republic",
                  "Serbia and Montenegro", "Netherlands Antilles"}


@pytest.fixture(scope="module")
def real():
    if not SHARED_RECORDS.is_dir():
        pytest.skip(f"official record copy not found at {SHARED_RECORDS}")
    return read_records(SHARED_RECORDS)


def trip_xml(*trips: str) -> str:
    return '<?xml version="1.0" encoding="UTF-8"?>\n<trips>\n' + "\n".join(trips) + "\n</trips>\n"


def trip(id_: str, start: str, end: str, country: str, locale: str = "Somewhere",
         who: str = "doe-jane", role: str = "secretary", remarks: str = "Met people.") -> str:
    return (f'<trip role="{role}" who="{who}"><id>{id_}</id><role>{role}</role>'
            f"<name>Jane Doe</name><start-date>{start}</start-date><end-date>{end}</end-date>"
            f'<country id="x">{country}</country><locale>{locale}</locale>'
            f"<remarks>{remarks}</remarks></trip>")


# --- the real files -------------------------------------------------------------------------

def test_real_row_counts(real):
    frame, _ = real
    assert len(frame) == SECRETARY_ROWS + PRESIDENT_ROWS - DUPLICATES
    assert (frame["role"] == "secretary").sum() == SECRETARY_ROWS - DUPLICATES
    assert (frame["role"] == "president").sum() == PRESIDENT_ROWS
    assert (frame["who"] == "blinken-antony-j").sum() == BLINKEN_ROWS - DUPLICATES
    assert frame["who"].nunique() == 55
    assert frame["id"].is_unique


def test_real_frame_is_typed(real):
    frame, _ = real
    assert list(frame.columns) == RECORD_COLUMNS
    assert str(frame["start"].dtype) == "datetime64[ns]"
    assert str(frame["end"].dtype) == "datetime64[ns]"
    assert frame["start"].notna().all()
    assert (frame["end"] >= frame["start"]).all()
    assert frame["source_file"].str.endswith(".xml").all()


def test_blinken_october_2022(real):
    frame, _ = real
    rows = frame[frame["id"].isin(["4089", "4090", "4091"])].sort_values("id")
    got = [(r.id, r.start.date().isoformat(), r.end.date().isoformat(), r.country,
            r.country_code, r.locale, r.who) for r in rows.itertuples()]
    assert got == [
        ("4089", "2022-10-03", "2022-10-04", "Colombia", "CO", "Bogota", "blinken-antony-j"),
        ("4090", "2022-10-05", "2022-10-05", "Chile", "CL", "Santiago", "blinken-antony-j"),
        ("4091", "2022-10-06", "2022-10-06", "Peru", "PE", "Lima", "blinken-antony-j"),
    ]


def test_real_duplicates_dropped_and_reported(real):
    frame, warnings = real
    assert not frame["id"].isin(["4019", "4020"]).any()
    assert frame["id"].isin(["3992", "3993"]).sum() == 2
    tokyo = frame[(frame["who"] == "blinken-antony-j") & (frame["start"] == "2021-03-15")]
    assert list(tokyo["id"]) == ["3992"]
    message = [w for w in warnings if w.startswith("dropped")]
    assert len(message) == 1
    assert "4019 repeats 3992" in message[0] and "4020 repeats 3993" in message[0]


def test_real_country_mapping(real):
    frame, _ = real
    codes = frame.drop_duplicates("country").set_index("country")["country_code"]
    assert codes["Korea, South"] == "KR"
    assert codes["Korea, Republic of"] == "KR"
    assert codes["Burma"] == "MM"
    assert codes["Kosovo"] == "XK"
    assert codes["Vatican City"] == "VA"
    assert codes["Republic of China"] == "TW"
    assert codes["Germany, Federal Republic of"] == "DE"
    assert codes["China, People\u2019s Republic of"] == "CN"
    assert codes["Niger"] == "NE"  # written "Niger " with a trailing space in the source


def test_real_every_row_has_a_code_or_a_listed_warning(real):
    frame, warnings = real
    no_code = set(frame.loc[frame["country_code"].isna(), "country"])
    assert no_code == HISTORIC_NAMES
    for name in no_code:
        assert any(repr(name) in w and "no ISO alpha-2 code" in w for w in warnings), name
    assert not any("unknown country" in w for w in warnings)
    assert not any("malformed" in w for w in warnings)


def test_single_file_and_role_codes_file_is_skipped(real):
    frame, _ = read_records(SHARED_RECORDS / "secretary-travels" / "blinken-antony-j.xml")
    assert len(frame) == BLINKEN_ROWS - DUPLICATES
    codes, warnings = read_records(SHARED_RECORDS / "travel-role-codes.xml")
    assert codes.empty and warnings == []


# --- the country table ----------------------------------------------------------------------

def test_override_table_codes_are_iso_or_empty():
    import pycountry

    table = load_overrides()
    assert table, "data/historian-countries.csv is missing"
    for key, (code, _note) in table.items():
        if code is None:
            continue
        assert code == "XK" or pycountry.countries.get(alpha_2=code) is not None, key


def test_country_code_lookup():
    assert country_code("Korea, South").code == "KR"
    assert country_code("Burma").code == "MM"
    assert country_code("Soviet Union").historic
    assert country_code("Palestinian Territories").code == "PS"
    assert country_code("Holy See").code == "VA"
    assert country_code("France").code == "FR"
    assert not country_code("Atlantis").known


# --- bad input ------------------------------------------------------------------------------

def test_malformed_file_does_not_stop_the_others(tmp_path):
    (tmp_path / "good.xml").write_text(trip_xml(trip("1", "2020-01-01", "2020-01-02", "France")))
    (tmp_path / "bad.xml").write_text("<trips><trip><id>2</id></trips>")
    frame, warnings = read_records(tmp_path)
    assert list(frame["id"]) == ["1"]
    assert len(warnings) == 1
    assert warnings[0].startswith("bad.xml: malformed or truncated XML at line 1")


def test_truncated_file_keeps_the_visits_before_the_cut(tmp_path):
    text = trip_xml(trip("1", "2020-01-01", "2020-01-02", "France"),
                    trip("2", "2020-01-03", "2020-01-03", "Spain"),
                    trip("3", "2020-01-04", "2020-01-05", "Italy"))
    cut = text.index("<id>3</id>") + 6
    (tmp_path / "cut.xml").write_text(text[:cut])
    frame, warnings = read_records(tmp_path / "cut.xml")
    assert list(frame["id"]) == ["1", "2"]
    assert len(warnings) == 1
    assert "cut.xml: malformed or truncated XML" in warnings[0]
    assert "the 2 visits before that point were kept" in warnings[0]


def test_empty_and_binary_files(tmp_path):
    (tmp_path / "empty.xml").write_bytes(b"")
    (tmp_path / "binary.xml").write_bytes(bytes(range(256)))
    frame, warnings = read_records(tmp_path)
    assert frame.empty
    assert list(frame.columns) == RECORD_COLUMNS
    assert len(warnings) == 2
    assert all("malformed or truncated XML" in w for w in warnings)


def test_other_xml_root_is_reported(tmp_path):
    (tmp_path / "feed.xml").write_text("<rss><channel/></rss>")
    frame, warnings = read_records(tmp_path)
    assert frame.empty
    assert warnings == ["feed.xml: not a travels file (root element <rss>, expected <trips>); "
                        "skipped"]


def test_unknown_country_is_kept_with_a_warning(tmp_path):
    path = tmp_path / "t.xml"
    path.write_text(trip_xml(trip("1", "2020-01-01", "2020-01-02", "Atlantis"),
                             trip("2", "2020-01-03", "2020-01-03", "Korea, South")))
    frame, warnings = read_records(path)
    assert list(frame["country"]) == ["Atlantis", "Korea, South"]
    assert frame["country_code"].isna().tolist() == [True, False]
    assert len(warnings) == 1
    assert "unknown country name 'Atlantis'" in warnings[0] and "ids 1" in warnings[0]


def test_end_before_start_keeps_the_visit_without_its_end(tmp_path):
    path = tmp_path / "t.xml"
    path.write_text(trip_xml(trip("7", "2020-05-10", "2020-05-08", "France"),
                             trip("8", "2020-05-11", "2020-05-11", "Spain")))
    frame, warnings = read_records(path)
    assert list(frame["id"]) == ["7", "8"]
    assert frame.loc[0, "start"] == pd.Timestamp("2020-05-10")
    assert pd.isna(frame.loc[0, "end"])
    assert warnings == ["t.xml: visit 7 (France): end 2020-05-08 is before start 2020-05-10; "
                        "end date ignored"]


def test_bad_date_text_is_reported(tmp_path):
    path = tmp_path / "t.xml"
    path.write_text(trip_xml(trip("1", "May 2020", "2020-05-08", "France")))
    frame, warnings = read_records(path)
    assert len(frame) == 1 and pd.isna(frame.loc[0, "start"])
    assert warnings == ["t.xml: visit 1 (France): start date 'May 2020' is not a YYYY-MM-DD "
                        "date; left unknown"]


def test_duplicates_across_files_and_near_duplicates(tmp_path):
    same = trip("1", "2020-01-01", "2020-01-02", "France")
    (tmp_path / "a.xml").write_text(trip_xml(same))
    (tmp_path / "b.xml").write_text(trip_xml(same.replace("<id>1</id>", "<id>9</id>"),
                                             trip("10", "2020-01-01", "2020-01-02", "France",
                                                  remarks="Different remarks.")))
    frame, warnings = read_records(tmp_path)
    assert list(frame["id"]) == ["1", "10"]
    assert any(w.startswith("dropped 1 exact duplicate visit(s): 9 repeats 1") for w in warnings)


def test_missing_source_is_a_message(tmp_path):
    frame, warnings = read_records(tmp_path / "nope")
    assert frame.empty
    assert warnings == [f"{tmp_path / 'nope'}: no such file or folder"]


def test_repository_side_files_are_skipped_quietly(tmp_path):
    (tmp_path / "expath-pkg.xml").write_text(
        '<package xmlns="http://expath.org/ns/pkg" name="x"/>')
    (tmp_path / "t.xml").write_text(trip_xml(trip("1", "2020-01-01", "2020-01-02", "France")))
    frame, warnings = read_records(tmp_path)
    assert list(frame["id"]) == ["1"] and warnings == []
