"""No routine without screening, through the API and the plan form (generated intakes)."""

from __future__ import annotations

import json

import pytest
from django.test import Client
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from acupressure import safety
from acupressure.atlas.models import AREAS
from acupressure.plan import questions
from acupressure.safety import Intake

pytestmark = pytest.mark.django_db
PROPS = settings(
    max_examples=40,
    deadline=None,
    suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow],
)


@st.composite
def bodies(draw: st.DrawFn) -> dict[str, object]:
    body: dict[str, object] = {
        "areas": draw(st.lists(st.sampled_from(AREAS), min_size=1, max_size=4, unique=True)),
        "helper": draw(st.booleans()),
        "conditions": draw(
            st.lists(st.sampled_from(sorted(safety.conditions())), max_size=2, unique=True)
        ),
    }
    pregnancy = draw(st.sampled_from(["no", "yes", "maybe"]))
    if pregnancy == "yes":
        body["pregnant"] = True
        body["trimester"] = draw(st.sampled_from([None, 1, 2, 3]))
    elif pregnancy == "maybe":
        body["maybe_pregnant"] = True
    return body


@PROPS
@given(body=bodies())
def test_api_without_red_flags_is_a_400_naming_the_field(client: Client, body: dict) -> None:  # type: ignore[type-arg]
    response = client.post("/api/plan", json.dumps(body), content_type="application/json")
    assert response.status_code == 400
    assert "red_flags" in response.json()["detail"]


@PROPS
@given(body=bodies())
def test_api_records_what_was_screened(client: Client, body: dict) -> None:  # type: ignore[type-arg]
    body = {**body, "red_flags": []}
    response = client.post("/api/plan", json.dumps(body), content_type="application/json")
    assert response.status_code == 200
    asked = [f.id for f in questions(Intake.model_validate(body))]
    assert response.json()["screening"] == {"asked": asked, "yes": []}


def _form(body: dict, answered: set[str]) -> dict[str, object]:  # type: ignore[type-arg]
    form: dict[str, object] = {"area": body["areas"], "condition": body["conditions"]}
    if body.get("helper"):
        form["helper"] = "yes"
    if body.get("pregnant"):
        form["pregnant"] = "yes"
        form["trimester"] = str(body.get("trimester") or "unknown")
    if body.get("maybe_pregnant"):
        form["maybe_pregnant"] = "yes"
    form.update({f"flag-{f}": "no" for f in answered})
    return form


@PROPS
@given(body=bodies(), data=st.data())
def test_form_with_a_relevant_question_unanswered_gives_no_routine(
    client: Client,
    body: dict,  # type: ignore[type-arg]
    data: st.DataObject,
) -> None:
    relevant = [f.id for f in questions(Intake.model_validate({**body, "red_flags": []}))]
    left_out = data.draw(st.sampled_from(relevant))
    response = client.post("/plan/", _form(body, set(relevant) - {left_out}))
    assert response.status_code == 400
    page = response.content.decode()
    assert "please answer every safety question" in page and "routine-point" not in page


@PROPS
@given(body=bodies())
def test_form_with_exactly_the_relevant_questions_answered_gives_the_plan(
    client: Client,
    body: dict,  # type: ignore[type-arg]
) -> None:
    relevant = {f.id for f in questions(Intake.model_validate({**body, "red_flags": []}))}
    response = client.post("/plan/", _form(body, relevant))
    assert response.status_code == 200
    assert 'class="routine"' in response.content.decode()
