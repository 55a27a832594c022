"""Web Push reminders through a push service on loopback that checks VAPID and decrypts the
payload as a browser would; the notification's actions; stop and sign-out."""

from __future__ import annotations

import json
from collections.abc import Iterator
from datetime import timedelta

import pytest
from django.test import Client
from tests.doubles import FakeWallClock
from tests.reminders.pushservice import Device, PushService
from tests.web.personas import Personas
from tests.web.programs import make

from acupressure.records.models import PracticeSession, ProgramRecord
from acupressure.records.reminders.models import PushSubscription, Reminder, SkippedSlot
from acupressure.records.reminders.tasks import send_batch


@pytest.fixture
def push(settings: object) -> Iterator[PushService]:
    with PushService() as service:
        settings.PUSH_SERVICES = [service.origin]  # type: ignore[attr-defined]
        yield service


def subscribe(client: Client, device: Device) -> None:
    data = {**device.subscription(), "label": "Chrome / Android"}
    response = client.post(
        "/reminders/push/subscribe/", json.dumps(data), content_type="application/json"
    )
    assert response.status_code == 201, response.content


def first_due(program: ProgramRecord) -> Reminder:
    return Reminder.objects.filter(program=program, state="pending").order_by("fire_at")[0]


def test_a_due_session_reaches_the_device_signed_and_encrypted(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService
) -> None:
    program = make(owner_client)
    phone = push.device("phone")
    subscribe(owner_client, phone)
    due = first_due(program)
    assert due.kind == "session" and due.channel == "push"
    assert send_batch(due.fire_at - timedelta(seconds=1)) == 0  # not before its time
    assert send_batch(due.fire_at) == 1
    assert push.refused == []
    [got] = push.received
    assert got.payload["title"] == "Time for your acupressure"
    assert got.payload["body"].startswith("Upper back routine: about ")
    assert [a["action"] for a in got.payload["actions"]] == ["start", "later", "skip"]
    assert set(got.payload) == {"title", "body", "tag", "actions", "url", "later", "skip"}
    assert "pain" not in json.dumps(got.payload).lower()  # nothing about health beyond the name
    assert len(got.topic) == 32 and got.claims["sub"].startswith("mailto:")
    due.refresh_from_db()
    assert due.state == "sent" and due.sent_at == due.fire_at
    assert send_batch(due.fire_at) == 0  # sent once


def test_the_start_action_opens_that_session_in_the_player(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService
) -> None:
    program = make(owner_client)
    subscribe(owner_client, push.device("phone"))
    due = first_due(program)
    clock.now = due.fire_at
    send_batch(due.fire_at)
    url = push.received[0].payload["url"]
    response = owner_client.get(url)
    session = PracticeSession.objects.filter(program=program).latest("id")
    assert response.status_code == 302 and response["Location"] == f"/session/{session.pk}/"
    assert people.client_for(people.stranger).get(url).status_code == 404


def test_later_snoozes_once_and_skip_is_recorded(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService
) -> None:
    program = make(owner_client)
    subscribe(owner_client, push.device("phone"))
    due = first_due(program)
    clock.now = due.fire_at
    send_batch(due.fire_at)
    links = push.received[0].payload
    assert owner_client.post(links["later"]).status_code == 200
    due.refresh_from_db()
    assert due.state == "pending" and due.fire_at == clock.now + timedelta(minutes=15)
    assert send_batch(clock.now + timedelta(minutes=14)) == 0
    assert send_batch(clock.now + timedelta(minutes=15)) == 1
    assert len(push.received) == 2
    assert owner_client.post(links["later"]).status_code == 409  # once only
    assert owner_client.post(links["skip"]).status_code == 200
    assert SkippedSlot.objects.filter(program=program, slot=due.slot).count() == 1
    assert "1 skipped" in owner_client.get(f"/program/{program.pk}/").content.decode()
    assert people.client_for(people.stranger).post(links["skip"]).status_code == 404


def test_a_device_the_push_service_forgot_is_removed(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService
) -> None:
    program = make(owner_client)
    subscribe(owner_client, push.device("old"))
    push.gone.add("/push/old")
    due = first_due(program)
    send_batch(due.fire_at)
    assert not PushSubscription.objects.filter(user=people.owner).exists()
    due.refresh_from_db()
    assert due.state == "failed" and "410" in due.error


def test_a_stopped_program_reminds_nothing_more(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService
) -> None:
    program = make(owner_client)
    subscribe(owner_client, push.device("phone"))
    assert owner_client.post(f"/program/{program.pk}/stop/").status_code == 302
    assert not Reminder.objects.filter(program=program, state="pending").exists()
    assert send_batch(clock.now + timedelta(days=30)) == 0
    assert push.received == []


def test_signing_out_removes_this_device_only(
    people: Personas, clock: FakeWallClock, push: PushService
) -> None:
    phone_browser, laptop_browser = Client(), Client()
    phone_browser.force_login(people.owner)
    laptop_browser.force_login(people.owner)
    subscribe(phone_browser, push.device("phone"))
    subscribe(laptop_browser, push.device("laptop"))
    phone_browser.post("/signout/")
    left = PushSubscription.objects.filter(user=people.owner)
    assert [d.endpoint.rsplit("/", 1)[1] for d in left] == ["laptop"]


def test_only_known_push_services_are_accepted(
    people: Personas, owner_client: Client, push: PushService
) -> None:
    device = push.device("phone")
    bad = {**device.subscription(), "endpoint": "http://10.0.0.1/internal"}
    response = owner_client.post(
        "/reminders/push/subscribe/", json.dumps(bad), content_type="application/json"
    )
    assert response.status_code == 400
    assert (
        Client()
        .post("/reminders/push/subscribe/", "{}", content_type="application/json")
        .status_code
        == 302
    )


def test_quiet_hours_and_devices_are_the_persons_choice(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService
) -> None:
    program = make(owner_client)  # 09:00 UTC every day
    subscribe(owner_client, push.device("phone"))
    form = {"by_push": "on", "quiet_start": "08:30", "quiet_end": "10:00"}
    assert owner_client.post("/reminders/choices/", form).status_code == 302
    pending = Reminder.objects.filter(program=program, state="pending", kind="session")
    times = {r.fire_at.time().isoformat() for r in pending}
    assert "10:00:00" in times and "09:00:00" not in times  # the 09:00 sessions wait to 10:00
    page = owner_client.get("/privacy/").content.decode()
    assert "Chrome / Android" in page and 'value="08:30"' in page
    device = PushSubscription.objects.get(user=people.owner)
    stranger = people.client_for(people.stranger)
    assert stranger.post(f"/reminders/devices/{device.pk}/remove/").status_code == 404
    assert owner_client.post(f"/reminders/devices/{device.pk}/remove/").status_code == 302
    assert not Reminder.objects.filter(program=program, state="pending").exists()


def test_a_reminder_found_more_than_half_an_hour_late_is_dropped_and_counted(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService
) -> None:
    from acupressure.records.reminders.tasks import dispatch

    program = make(owner_client)
    subscribe(owner_client, push.device("phone"))
    first, second = Reminder.objects.filter(program=program, kind="session").order_by("fire_at")[:2]
    dispatch(first.fire_at + timedelta(minutes=31))  # nothing ran in the meantime
    first.refresh_from_db()
    assert first.state == "dropped"
    assert send_batch(first.fire_at + timedelta(minutes=31)) == 0 and push.received == []
    late = second.fire_at + timedelta(minutes=29)  # within half an hour: sent, late
    assert send_batch(late) == 1
    second.refresh_from_db()
    assert second.state == "sent"


def test_a_resumed_program_reminds_again(
    people: Personas, owner_client: Client, clock: FakeWallClock, push: PushService
) -> None:
    program = make(owner_client)
    subscribe(owner_client, push.device("phone"))
    owner_client.post(f"/program/{program.pk}/stop/")
    assert not Reminder.objects.filter(program=program, state="pending").exists()
    assert owner_client.post(f"/program/{program.pk}/resume/").status_code == 302
    assert Reminder.objects.filter(program=program, state="pending").exists()
