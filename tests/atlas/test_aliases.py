"""What people type resolves to the right standard point, or to a helpful 'not found'."""

import pytest

from acupressure import atlas

TABLE = [
    ("B47", "BL52"), ("b 47", "BL52"), ("B52", "BL52"),
    ("B54", "BL40"), ("B-54", "BL40"), ("B40", "BL40"),
    ("GB 10", "BL10"), ("gb10", "BL10"),
    ("LV3", "LR3"), ("Liv3", "LR3"), ("liv 3", "LR3"),
    ("K27", "KI27"), ("Kid27", "KI27"),
    ("TW3", "TE3"), ("TB3", "TE3"), ("SJ3", "TE3"), ("TH3", "TE3"),
    ("UB23", "BL23"), ("B23", "BL23"),
    ("Du4", "GV4"), ("du-4", "GV4"), ("Ren6", "CV6"), ("CV 6", "CV6"),
    ("Hegu", "LI4"), ("he gu", "LI4"), ("Taichong", "LR3"), ("Jianjing", "GB21"),
    ("SI 15", "SI15"), ("gv14", "GV14"),
]  # fmt: skip


@pytest.mark.parametrize(("query", "code"), TABLE)
def test_alias_table(query: str, code: str) -> None:
    assert atlas.get(query).code == code


@pytest.mark.parametrize("query", ["BL47", "BL54", "GB20", "UB47", "LU1", "XYZ", "B99"])
def test_codes_not_in_the_atlas_are_not_found(query: str) -> None:
    with pytest.raises(atlas.PointNotFoundError) as caught:
        atlas.resolve(query)
    assert "the atlas has" in str(caught.value)


def test_old_numbering_hint_names_the_right_point() -> None:
    with pytest.raises(atlas.PointNotFoundError) as caught:
        atlas.resolve("BL47")
    message = str(caught.value)
    assert "BL52" in message and "B47" in message


@pytest.mark.parametrize("query", ["", "   ", "-"])
def test_empty_query_is_bad_input(query: str) -> None:
    with pytest.raises(ValueError, match="empty"):
        atlas.resolve(query)


@pytest.mark.parametrize(("query", "code"), [("GB 10", "BL10"), ("B47", "BL52"), ("B54", "BL40")])
def test_wrong_labels_carry_their_erratum(query: str, code: str) -> None:
    match = atlas.resolve(query)
    assert match.point.code == code
    assert match.used_wrong_label and match.errata[0].note


def test_standard_code_carries_no_label_erratum() -> None:
    assert not atlas.resolve("BL10").used_wrong_label
