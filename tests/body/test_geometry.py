"""The canonical figures place every point where the standard (WHO 2008) says."""

import math

import pytest

from acupressure import atlas, body
from acupressure.body import Placement
from acupressure.body.canonical import CUN_MM


def place(code: str) -> dict[str, Placement]:
    point = atlas.get(code)
    return {p.side: p for p in body.evaluate(point, body.canonical(point.rule.view))}


def lateral_cun(p: Placement) -> float:
    return abs(p.x) / CUN_MM  # the posterior/anterior midline is x = 0 on body views


def test_bl23_bl52_and_gv4_lie_at_one_height() -> None:
    ys = {place(code)[side].y for code, side in [("BL23", "left"), ("BL23", "right"),
                                                 ("BL52", "left"), ("BL52", "right"),
                                                 ("GV4", "midline")]}  # fmt: skip
    assert max(ys) - min(ys) < 1e-9


def test_bl23_and_bl52_are_1_5_and_3_cun_from_the_midline() -> None:
    bl23, bl52 = place("BL23"), place("BL52")
    for side in ("left", "right"):
        assert lateral_cun(bl23[side]) == pytest.approx(1.5)
        assert lateral_cun(bl52[side]) == pytest.approx(3.0)
        assert abs(bl52[side].x) == pytest.approx(2 * abs(bl23[side].x))


def test_gv4_is_below_the_l2_spinous_process() -> None:
    back = body.canonical("back")
    assert place("GV4")["midline"].y == pytest.approx(back.get("l2_spinous_lower")[1])
    assert place("GV4")["midline"].y > back.get("l2_spinous")[1]


def test_gv14_and_si15_are_level_with_c7_and_si15_is_2_cun_out() -> None:
    c7_lower = body.canonical("back").get("c7_spinous_lower")
    gv14, si15 = place("GV14")["midline"], place("SI15")
    assert (gv14.x, gv14.y) == pytest.approx(c7_lower)
    for side in ("left", "right"):
        assert si15[side].y == pytest.approx(c7_lower[1])
        assert lateral_cun(si15[side]) == pytest.approx(2.0)


def test_gb21_is_midway_between_c7_and_the_acromion_end() -> None:
    back = body.canonical("back")
    c7 = back.get("c7_spinous")
    for side, p in place("GB21").items():
        acromion = back.get(f"acromion_end.{side}")
        assert p.x == pytest.approx((c7[0] + acromion[0]) / 2)
        assert p.y == pytest.approx((c7[1] + acromion[1]) / 2)


def test_cv6_is_1_5_cun_below_the_navel_on_the_5_cun_navel_to_pubis_scale() -> None:
    front = body.canonical("front")
    navel, pubis = front.get("umbilicus"), front.get("pubic_symphysis")
    cv6 = place("CV6")["midline"]
    assert cv6.x == pytest.approx(0)
    assert (cv6.y - navel[1]) / (pubis[1] - navel[1]) == pytest.approx(1.5 / 5)


def test_ki27_is_2_cun_from_the_anterior_midline_just_below_the_clavicle() -> None:
    front = body.canonical("front")
    for side, p in place("KI27").items():
        assert lateral_cun(p) == pytest.approx(2.0)
        # on the person's own side: from the front, the person's left is on the picture's right
        assert (p.x > 0) == (side == "left")
        top = front.get(f"clavicle_medial_end.{side}")[1]
        assert top < p.y < top + 0.8 * CUN_MM


def test_li4_is_on_the_radial_side_of_the_middle_of_the_2nd_metacarpal() -> None:
    hand = body.canonical("hand")
    for side, p in place("LI4").items():
        base, head = hand.get(f"mc2_base.{side}"), hand.get(f"mcp2.{side}")
        mid = ((base[0] + head[0]) / 2, (base[1] + head[1]) / 2)
        thumb = hand.get(f"mcp1.{side}")
        # closer to the thumb than the bone's middle is, and level with that middle
        assert math.dist((p.x, p.y), thumb) < math.dist(mid, thumb)
        assert 0 < math.dist((p.x, p.y), mid) < 0.5 * CUN_MM


def test_te3_lies_between_the_4th_and_5th_metacarpals_proximal_to_the_4th_knuckle() -> None:
    hand = body.canonical("hand")
    for side, p in place("TE3").items():
        wrist, mcp4, mcp5 = (hand.get(f"{n}.{side}") for n in ("wrist_crease", "mcp4", "mcp5"))
        b4, b5 = hand.get(f"mc4_base.{side}"), hand.get(f"mc5_base.{side}")

        def cross(a: tuple[float, float], b: tuple[float, float], q: body.Placement) -> float:
            return (b[0] - a[0]) * (q.y - a[1]) - (b[1] - a[1]) * (q.x - a[0])

        assert cross(b4, mcp4, p) * cross(b5, mcp5, p) < 0  # between the two bones
        distal = (mcp4[0] - wrist[0], mcp4[1] - wrist[1])
        along = (p.x - wrist[0]) * distal[0] + (p.y - wrist[1]) * distal[1]
        assert 0 < along < distal[0] ** 2 + distal[1] ** 2  # short of the knuckle


def test_bl40_is_the_middle_of_the_knee_crease_and_bl60_midway_ankle_bone_to_tendon() -> None:
    knee, ankle = body.canonical("knee"), body.canonical("ankle")
    for side, p in place("BL40").items():
        a = knee.get(f"popliteal_crease_medial.{side}")
        b = knee.get(f"popliteal_crease_lateral.{side}")
        assert (p.x, p.y) == pytest.approx(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))
    for side, p in place("BL60").items():
        a, b = ankle.get(f"lateral_malleolus.{side}"), ankle.get(f"achilles_tendon.{side}")
        assert (p.x, p.y) == pytest.approx(((a[0] + b[0]) / 2, (a[1] + b[1]) / 2))


def test_lr3_is_between_the_1st_and_2nd_metatarsals_distal_to_their_bases() -> None:
    foot = body.canonical("foot")
    for side, p in place("LR3").items():
        b1, b2 = foot.get(f"mt1_base.{side}"), foot.get(f"mt2_base.{side}")
        h1, h2 = foot.get(f"mtp1.{side}"), foot.get(f"mtp2.{side}")
        assert min(h1[1], h2[1]) < p.y < min(b1[1], b2[1])  # toes point up the page
        assert min(b1[0], h1[0], b2[0], h2[0]) < p.x < max(b1[0], h1[0], b2[0], h2[0])


@pytest.mark.parametrize("view", body.VIEWS)
def test_every_canonical_view_measures_the_same_cun(view: body.View) -> None:
    assert body.canonical(view).cun_length() == pytest.approx(body.HEIGHT_MM / 75)
