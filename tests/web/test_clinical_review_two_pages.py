"""The second clinical review (issue 23) on the web: the new safety questions asked through
the API and the plan page, the review mark in the plan API and on /about/, the cautions in
the player, the face-down points lying on the side in pregnancy."""

from __future__ import annotations

import json
import re

import pytest
from django.test import Client
from django.utils.html import escape
from tests.web.personas import Personas
from tests.web.programs import make

from acupressure import atlas
from acupressure.i18n import gettext, review_mark, use
from acupressure.plan import questions
from acupressure.safety import Intake, red_flags

NEW_FLAGS = {  # a new flag -> an API body for which it must be asked
    "arm-weakness": {"areas": ["neck"]},
    "sudden-worst-headache": {"areas": ["shoulders"]},
    "pulsing-lump": {"areas": ["lower-back"]},
    "pregnancy-ectopic": {"areas": ["neck"], "maybe_pregnant": True},
    "pregnancy-abruption": {"areas": ["upper-back"], "pregnant": True, "trimester": 3},
}


def _post(client: Client, body: dict[str, object], language: str = "en") -> dict[str, object]:
    response = client.post(
        "/api/plan",
        json.dumps(body),
        content_type="application/json",
        headers={"Accept-Language": language},
    )
    assert response.status_code == 200, response.content
    data: dict[str, object] = response.json()
    return data


@pytest.mark.django_db
@pytest.mark.parametrize("fid", sorted(NEW_FLAGS))
def test_the_api_asks_each_new_flag_when_relevant_and_a_yes_blocks(
    client: Client, fid: str
) -> None:
    body = NEW_FLAGS[fid]
    data = _post(client, {**body, "red_flags": []})
    assert fid in data["screening"]["asked"]  # type: ignore[index]
    blocked = _post(client, {**body, "red_flags": [fid]})
    assert blocked["blocked"] is True and red_flags()[fid].advice in blocked["advice"]  # type: ignore[operator]


@pytest.mark.django_db
@pytest.mark.parametrize("fid", sorted(NEW_FLAGS))
def test_the_plan_page_asks_each_new_flag_and_refuses_it_unanswered(
    client: Client, fid: str
) -> None:
    page = client.get("/plan/").content.decode()
    assert f'data-flag="{fid}"' in page
    assert escape(red_flags()[fid].question) in page
    body = NEW_FLAGS[fid]
    relevant = [f.id for f in questions(Intake.model_validate({**body, "red_flags": []}))]
    form = {"area": body["areas"], **{f"flag-{f}": "no" for f in relevant if f != fid}}
    if body.get("pregnant"):
        form.update(pregnant="yes", trimester=str(body["trimester"]))
    if body.get("maybe_pregnant"):
        form["maybe_pregnant"] = "yes"
    assert client.post("/plan/", form).status_code == 400
    form[f"flag-{fid}"] = "yes"
    answered = client.post("/plan/", form)
    assert answered.status_code == 200 and "routine-point" not in answered.content.decode()


@pytest.mark.django_db
def test_the_plan_api_carries_the_review_mark_in_a_translation(client: Client) -> None:
    body = {"areas": ["neck"], "red_flags": []}
    assert _post(client, body)["review"] is None
    for language in ("es", "zh-Hans"):
        with use(language):
            mark = review_mark(None)
        assert mark and _post(client, body, language)["review"] == mark


@pytest.mark.django_db
def test_the_api_plan_in_pregnancy_lies_on_the_side_with_the_never_note_for_others(
    client: Client,
) -> None:
    pregnant = {"areas": ["lower-back"], "pregnant": True, "trimester": 2, "helper": True}
    data = _post(client, {**pregnant, "red_flags": []})
    postures = {p["code"]: p["posture"] for p in data["points"]}  # type: ignore[attr-defined]
    assert postures["BL23"] == "side-lying" and "lying-prone" not in postures.values()
    others = _post(client, {"areas": ["neck"], "red_flags": []})
    li4 = next(p for p in others["points"] if p["code"] == "LI4")  # type: ignore[attr-defined]
    assert any(atlas.get("LI4").pregnancy.note in n for n in li4["notes"])


@pytest.mark.django_db
def test_about_lists_the_new_emergencies_and_marks_the_translated_list(client: Client) -> None:
    page = " ".join(client.get("/about/").content.decode().split())
    assert "for the heart" in page and "aneurysm" in page and "in pregnancy" in page
    assert "translation-mark" not in page
    spanish = client.get("/about/", headers={"Accept-Language": "es"}).content.decode()
    with use("es"):
        mark = review_mark(None)
        emergency = gettext(
            "for the heart: new or unexplained chest pain, pressure or tightness, "
            "or new breathlessness, even on its own;"
        )
    assert mark and mark in spanish and emergency in spanish


def test_the_player_lists_each_points_cautions(owner_client: Client, people: Personas) -> None:
    intake = json.dumps({"areas": ["neck"], "red_flags": []})
    response = owner_client.post("/session/start/", {"intake": intake})
    assert response.status_code == 302
    page = owner_client.get(response["Location"]).content.decode()
    assert 'id="cautions-h"' in page
    assert escape(atlas.get("LI4").pregnancy.note) in page


@pytest.mark.parametrize(
    ("intake", "new"),
    [
        (Intake(areas=["upper-back"], maybe_pregnant=True, red_flags=[]), "pregnancy-ectopic"),
        (Intake(areas=["neck"], red_flags=[]), "arm-weakness"),
        (Intake(areas=["lower-back"], red_flags=[]), "pulsing-lump"),
    ],
)
def test_the_weekly_recheck_asks_the_new_flags_and_a_yes_stops_the_program(
    owner_client: Client, people: Personas, intake: Intake, new: str
) -> None:
    program = make(owner_client, intake=intake.model_dump_json())
    page = owner_client.get(f"/program/{program.pk}/rescreen/").content.decode()
    asked = list(dict.fromkeys(re.findall(r'name="flag-([\w-]+)"', page)))  # yes and no
    assert new in asked
    answers = {f"flag-{f}": "no" for f in asked} | {f"flag-{new}": "yes"}
    stopped = owner_client.post(f"/program/{program.pk}/rescreen/", answers)
    assert stopped.status_code == 200
    assert escape(red_flags()[new].advice) in stopped.content.decode()
