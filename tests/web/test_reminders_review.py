"""The outside review of reminders (issue 28): each hole found, as a test that fails without
its fix; and what was checked and found sound, so it stays so."""

from __future__ import annotations

import base64
import json
from collections.abc import Iterator

import pytest
from django.test import Client
from tests.doubles import FakeWallClock
from tests.reminders.pushservice import PushService
from tests.web import downloads
from tests.web.personas import Personas
from tests.web.programs import make

from acupressure.records.language.models import LanguagePreference
from acupressure.records.reminders.channels import action_token, push_payload
from acupressure.records.reminders.models import PushSubscription, Reminder, SkippedSlot
from acupressure.records.reminders.store import settings_of
from acupressure.web.reminders.views import MAX_DEVICES

SUBSCRIBE = "/reminders/push/subscribe/"


@pytest.fixture
def push(settings: object) -> Iterator[PushService]:
    with PushService() as service:
        settings.PUSH_SERVICES = [service.origin, "fcm.googleapis.com"]  # type: ignore[attr-defined]
        yield service


def post_json(client: Client, data: object) -> int:
    return int(
        client.post(SUBSCRIBE, json.dumps(data), content_type="application/json").status_code
    )


def test_subscribe_refuses_what_only_fails_later_or_points_elsewhere(
    people: Personas, owner_client: Client, push: PushService
) -> None:
    good = push.device("phone").subscription()
    keys = good["keys"]
    bad_keys = [
        {"p256dh": "AAAA", "auth": keys["auth"]},  # not a P-256 point
        {"p256dh": keys["p256dh"], "auth": base64.urlsafe_b64encode(b"x" * 8).decode()},
        {"p256dh": "!!not base64!!", "auth": keys["auth"]},
    ]
    for wrong in bad_keys:
        assert post_json(owner_client, {**good, "keys": wrong}) == 400
    elsewhere = [
        good["endpoint"] + "\x00",
        "https://fcm.googleapis.com@evil.example/send/x",  # the host is evil.example
        "https://fcm.googleapis.com.evil.example/send/x",
        "https://evilfcm.googleapis.com.example/x",
        "http://fcm.googleapis.com/send/x",  # not https
        "https://fcm.googleapis.com/send/a b",
    ]
    for endpoint in elsewhere:
        assert post_json(owner_client, {**good, "endpoint": endpoint}) == 400, endpoint
    assert not PushSubscription.objects.exists()
    assert post_json(owner_client, {**good, "label": "Chrome\x07 on\n Android"}) == 201
    assert PushSubscription.objects.get().label == "Chrome on Android"


def test_a_person_has_a_bounded_number_of_devices(
    people: Personas, owner_client: Client, push: PushService
) -> None:
    for n in range(MAX_DEVICES):
        assert post_json(owner_client, push.device(f"d{n}").subscription()) == 201
    assert post_json(owner_client, push.device("one-more").subscription()) == 409
    again = push.device("d0").subscription()  # the same browser subscribing again is fine
    assert post_json(owner_client, again) == 201
    assert PushSubscription.objects.filter(user=people.owner).count() == MAX_DEVICES


def test_reminder_actions_are_the_owners_alone(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService
) -> None:
    program = make(owner_client)
    assert post_json(owner_client, push.device("phone").subscription()) == 201
    reminder = Reminder.objects.filter(program=program, kind="session").order_by("fire_at")[0]
    token = action_token(reminder)
    stranger = people.client_for(people.stranger)
    practitioner = people.client_for(people.practitioner)
    for who in (stranger, practitioner):
        assert who.get(f"/reminders/{token}/start/").status_code == 404
        assert who.post(f"/reminders/{token}/later/").status_code == 404
        assert who.post(f"/reminders/{token}/skip/").status_code == 404
    signed_out = Client(enforce_csrf_checks=True)
    assert signed_out.post(f"/reminders/{token}/skip/").status_code == 302  # to sign in
    assert signed_out.post(f"/reminders/{token}/later/").status_code == 302
    forged = token[:-3] + ("AAA" if not token.endswith("AAA") else "BBB")
    assert owner_client.post(f"/reminders/{forged}/skip/").status_code == 404
    assert owner_client.get(f"/reminders/{token}/skip/").status_code == 405  # POST only
    assert not SkippedSlot.objects.exists()
    reminder.refresh_from_db()
    assert reminder.snoozed is False and reminder.state == "pending"


def test_quiet_hours_that_start_when_they_end_are_said_to_be_off(
    people: Personas, owner_client: Client, clock: FakeWallClock
) -> None:
    form = {"by_push": "on", "quiet_start": "21:00", "quiet_end": "21:00:30"}
    page = owner_client.post("/reminders/choices/", form, follow=True).content.decode()
    assert "No quiet hours" in page
    choice = settings_of(people.owner.pk)
    assert choice.quiet_start == choice.quiet_end
    nul = owner_client.post(
        "/reminders/choices/", {"quiet_start": "21:00\x00", "quiet_end": "08:00"}
    )
    assert nul.status_code == 400  # refused at the edge (web/edge.py): no field takes a NUL
    for bad in ("25:00", "", "nine", "2100", "21:00+05:00", "\uff12\uff11:00"):
        form = {"quiet_start": bad, "quiet_end": "08:00"}
        page = owner_client.post("/reminders/choices/", form, follow=True).content.decode()
        assert "Quiet hours need times like 21:00." in page
    assert settings_of(people.owner.pk).quiet_end.isoformat() == "21:00:00"  # nothing lost


def test_the_export_has_reminder_choices_and_devices_but_no_secrets(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService
) -> None:
    program = make(owner_client)
    phone = push.device("phone")
    assert post_json(owner_client, {**phone.subscription(), "label": "Firefox"}) == 201
    choice = settings_of(people.owner.pk)
    text = downloads.text(owner_client.get("/privacy/export.json"))
    found = json.loads(text)["reminders"]
    assert found["choices"] == {
        "by_push": True,
        "by_email": False,
        "weekly_summary": False,
        "quiet_start": "21:00",
        "quiet_end": "08:00",
    }
    [device] = found["devices"]
    assert device["label"] == "Firefox" and device["push_service"] == "127.0.0.1"
    assert len(found["reminders"]) == Reminder.objects.filter(program=program).count() > 0
    subscription = PushSubscription.objects.get()
    for secret in (choice.unsubscribe_key, subscription.endpoint, subscription.auth):
        assert secret not in text
    other = json.loads(
        downloads.body(people.client_for(people.stranger).get("/privacy/export.json"))
    )
    assert other["reminders"]["devices"] == [] and other["reminders"]["reminders"] == []


WORDS = {
    "en": ("Time for your acupressure", "Upper back routine: about "),
    "es": ("Es hora de su acupresión", None),
    "zh-Hans": ("该做穴位按压了", None),
}


@pytest.mark.parametrize("language", sorted(WORDS))
def test_a_notification_says_the_routine_and_its_length_only(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService, language: str
) -> None:
    LanguagePreference.objects.create(user=people.owner, language=language)
    assert post_json(owner_client, push.device("phone").subscription()) == 201
    program = make(owner_client, intake=_with_condition())
    program.refresh_from_db()
    [reminder] = Reminder.objects.filter(program=program, kind="session").order_by("fire_at")[:1]
    payload = json.loads(push_payload(reminder))
    title, body_start = WORDS[language]
    assert payload["title"] == title
    if body_start:
        assert payload["body"].startswith(body_start)
    shown = payload["title"] + payload["body"] + "".join(a["title"] for a in payload["actions"])
    shown = shown.lower()
    health = ["pacemaker", "marcapasos", "起搏器", "pain", "dolor", "疼", "痛"]
    for private in [*(str(p).lower() for p in program.points), *health]:
        assert private not in shown, private
    assert set(payload) == {"title", "body", "tag", "actions", "url", "later", "skip"}


def _with_condition() -> str:
    from acupressure.safety import Intake

    return Intake(areas=["upper-back"], red_flags=[], conditions=["pacemaker"]).model_dump_json()
