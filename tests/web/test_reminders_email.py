"""Email through a real SMTP server on loopback (aiosmtpd): the sign-in link, a reminder with
its one-click unsubscribe (RFC 8058), and what happens without a mail server."""

from __future__ import annotations

import re
from datetime import timedelta

import pytest
from django.contrib.auth.models import User
from django.test import Client
from tests.doubles import FakeWallClock
from tests.reminders.queue import run_enqueued
from tests.reminders.smtpsink import SmtpSink, html_part, text_part
from tests.web.personas import Personas
from tests.web.programs import make

from acupressure.records.reminders.channels import action_token
from acupressure.records.reminders.models import Reminder
from acupressure.records.reminders.store import settings_of
from acupressure.records.reminders.tasks import send_batch

LINKS = "acupressure.web.reminders.signup.deliver_link"


def subject_of(message: object) -> str:
    from email.header import decode_header, make_header

    return str(make_header(decode_header(message["Subject"])))  # type: ignore[index]


def link_in(text: str) -> str:
    found = re.search(r"https://acupressure\.example\.org(/\S+)", text)
    assert found, text
    return found[1]


def test_email_me_a_link_signs_in_once(
    people: Personas, clock: FakeWallClock, smtp: SmtpSink
) -> None:
    people.owner.email = "olivia@example.org"
    people.owner.save()
    response = Client().post("/signin/email/", {"email": "Olivia@Example.org"})
    assert response.status_code == 200
    assert not smtp.messages  # the worker sends it, not the page
    assert run_enqueued(LINKS) == [True]
    [message] = smtp.to("olivia@example.org")
    assert message["From"] == "clinic@example.org"
    path = link_in(text_part(message))
    assert path in html_part(message)
    browser = Client()
    assert browser.get(path).status_code == 200  # a button, the link not used up
    assert browser.post(path).status_code == 302
    assert browser.get("/privacy/").status_code == 200  # signed in
    assert Client().post(path).status_code == 400  # once


def _anonymous(response: object) -> str:
    text = response.content.decode()  # type: ignore[attr-defined]
    for address in ("olivia@example.org", "nobody@example.org"):
        text = text.replace(address, "X")
    return re.sub(r'value="[^"]+"', "", text)  # the CSRF token differs


def test_the_answer_is_the_same_whether_or_not_the_address_has_an_account(
    people: Personas, clock: FakeWallClock, smtp: SmtpSink
) -> None:
    people.owner.email = "olivia@example.org"
    people.owner.save()
    known = Client().post("/signin/email/", {"email": "olivia@example.org"})
    unknown = Client().post("/signin/email/", {"email": "nobody@example.org"})
    assert known.status_code == unknown.status_code == 200
    assert _anonymous(known) == _anonymous(unknown)
    assert not smtp.messages  # the page did the same work for both: it enqueued the address
    assert run_enqueued(LINKS) == [True, False]
    assert len(smtp.messages) == 1  # nobody@ got nothing: no account, sign-up is off


def test_links_are_limited_per_address(
    people: Personas, clock: FakeWallClock, smtp: SmtpSink
) -> None:
    people.owner.email = "olivia@example.org"
    people.owner.save()
    codes = [
        Client().post("/signin/email/", {"email": "olivia@example.org"}).status_code
        for _ in range(4)
    ]
    assert codes == [200, 200, 200, 429]
    run_enqueued(LINKS)
    assert len(smtp.messages) == 3


def test_open_sign_up_makes_the_account_once_the_link_is_used(
    people: Personas, clock: FakeWallClock, smtp: SmtpSink, settings: object
) -> None:
    settings.OPEN_SIGNUP = True  # type: ignore[attr-defined]
    Client().post("/signin/email/", {"email": "new@example.org"})
    run_enqueued(LINKS)
    assert not User.objects.filter(email="new@example.org").exists()
    path = link_in(text_part(smtp.to("new@example.org")[0]))
    browser = Client()
    assert browser.post(path).status_code == 302
    assert User.objects.filter(email="new@example.org").count() == 1
    assert Client().post(path).status_code == 400  # the account exists: the link is spent


def test_a_reminder_email_unsubscribes_its_person_only_in_one_click(
    people: Personas, owner_client: Client, clock: FakeWallClock, smtp: SmtpSink
) -> None:
    for user, address in (
        (people.owner, "olivia@example.org"),
        (people.stranger, "sam@example.org"),
    ):
        user.email = address
        user.save()
        choice = settings_of(user.pk)
        choice.by_email = True
        choice.save()
    mine = make(owner_client)
    theirs = make(people.client_for(people.stranger))
    due = Reminder.objects.filter(program=mine, channel="email").order_by("fire_at")[0]
    assert send_batch(due.fire_at) == 2  # one each
    [message] = smtp.to("olivia@example.org")
    assert message["Subject"] == "Time for your acupressure"
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    unsubscribe = re.sub(r"\s+", "", message["List-Unsubscribe"]).strip("<>")
    assert "Upper back routine" in text_part(message) and "Upper back routine" in html_part(message)
    path = unsubscribe.removeprefix("https://acupressure.example.org")
    one_click = Client(enforce_csrf_checks=True).post(path, {"List-Unsubscribe": "One-Click"})
    assert one_click.status_code == 200
    assert settings_of(people.owner.pk).by_email is False
    assert settings_of(people.stranger.pk).by_email is True
    assert not Reminder.objects.filter(program=mine, channel="email", state="pending").exists()
    assert Reminder.objects.filter(program=theirs, channel="email", state="pending").exists()
    assert Client().post("/reminders/unsubscribe/not-a-key/").status_code == 404


def test_without_a_mail_server_nothing_is_sent_and_the_page_says_so(
    people: Personas, clock: FakeWallClock, settings: object
) -> None:
    settings.EMAIL_ENABLED = False  # type: ignore[attr-defined]
    response = Client().post("/signin/email/", {"email": "olivia@example.org"})
    assert response.status_code == 503
    assert b"sends no email" in response.content


def test_an_unsubscribe_also_stops_a_snoozed_email_reminder(
    people: Personas, owner_client: Client, clock: FakeWallClock, smtp: SmtpSink
) -> None:
    people.owner.email = "olivia@example.org"
    people.owner.save()
    choice = settings_of(people.owner.pk)
    choice.by_email = True
    choice.save()
    program = make(owner_client)
    due = Reminder.objects.filter(program=program, channel="email").order_by("fire_at")[0]
    token = action_token(due)
    assert owner_client.post(f"/reminders/{token}/later/").status_code == 200  # snoozed
    path = f"/reminders/unsubscribe/{choice.unsubscribe_key}/"
    assert Client(enforce_csrf_checks=True).post(path).status_code == 200
    due.refresh_from_db()
    assert due.state == "cancelled"
    assert send_batch(due.fire_at + timedelta(hours=1)) == 0
    assert smtp.messages == []


def test_the_sign_in_email_is_in_the_persons_language(
    people: Personas, clock: FakeWallClock, smtp: SmtpSink
) -> None:
    from acupressure.records.language.models import LanguagePreference

    people.owner.email = "olivia@example.org"
    people.owner.save()
    LanguagePreference.objects.create(user=people.owner, language="es")
    Client().post("/signin/email/", {"email": "olivia@example.org"})  # asked in English
    run_enqueued(LINKS)
    [message] = smtp.to("olivia@example.org")
    assert subject_of(message) == "Su enlace para entrar"
    assert "/signin/link/" in text_part(message) and "/signin/link/" in html_part(message)


@pytest.mark.parametrize(
    ("language", "subject", "stop"),
    [
        ("en", "Time for your acupressure", "Stop these emails"),
        ("es", "Es hora de su acupresión", "Dejar de recibir estos correos"),
        ("zh-Hans", "该做穴位按压了", "停止接收这些邮件"),
    ],
)
def test_a_reminder_email_is_in_the_persons_language_with_its_unsubscribe_link(
    people: Personas,
    owner_client: Client,
    clock: FakeWallClock,
    smtp: SmtpSink,
    language: str,
    subject: str,
    stop: str,
) -> None:
    from acupressure.records.language.models import LanguagePreference

    LanguagePreference.objects.create(user=people.owner, language=language)
    people.owner.email = "olivia@example.org"
    people.owner.save()
    choice = settings_of(people.owner.pk)
    choice.by_email = True
    choice.save()
    program = make(owner_client)
    due = Reminder.objects.filter(program=program, channel="email").order_by("fire_at")[0]
    assert send_batch(due.fire_at) == 1
    [message] = smtp.to("olivia@example.org")
    assert subject_of(message) == subject
    link = f"/reminders/unsubscribe/{choice.unsubscribe_key}/"
    text, html = text_part(message), html_part(message)
    assert link in text and link in html and link in message["List-Unsubscribe"]
    assert stop in html


def test_the_weekly_summary_is_sent_once_a_week_to_who_asked(
    people: Personas, owner_client: Client, clock: FakeWallClock, smtp: SmtpSink
) -> None:
    from acupressure.records.models import PracticeSession

    for user, address, wants in (
        (people.owner, "olivia@example.org", True),
        (people.stranger, "sam@example.org", False),
    ):
        user.email = address
        user.save()
        choice = settings_of(user.pk)
        choice.weekly_summary = wants
        choice.save()
    program = make(owner_client)  # 2 weeks, 09:00 UTC daily, from today
    make(owner_client)  # a second running program: still one summary a week
    make(people.client_for(people.stranger))
    summaries = Reminder.objects.filter(kind="summary").order_by("fire_at")
    assert [(r.program_id, r.channel) for r in summaries] == [(program.pk, "email")] * 2
    assert not Reminder.objects.filter(channel="email").exclude(kind="summary").exists()
    first = summaries[0]
    for day, pain in ((0, 6), (1, 4), (2, 4)):
        at = program.created_at + timedelta(days=day)
        PracticeSession.objects.create(
            owner=people.owner,
            created_at=at,
            started_at=at,
            finished_at=at,
            program=program,
            slot_kind="routine",
            seconds_pressed=120,
            pain_before=pain,
        )
    assert send_batch(first.fire_at) == 1
    assert send_batch(first.fire_at + timedelta(minutes=5)) == 0  # once
    [message] = smtp.messages
    assert message["To"] == "olivia@example.org"
    assert subject_of(message) == "Your acupressure week 1"
    text, html = text_part(message), html_part(message)
    per_day = len(program.schedule["times"]) + len(program.schedule.get("extra_times", []))
    for part in (text, html):  # the routine and the short extra sessions, every day
        assert f"Last week you did 3 of {7 * per_day} sessions." in part
        assert "Your pain before sessions last week: 4.7 of 10 on average." in part
        assert f"/reminders/unsubscribe/{settings_of(people.owner.pk).unsubscribe_key}/" in part
    assert message["List-Unsubscribe-Post"] == "List-Unsubscribe=One-Click"
    path = f"/reminders/unsubscribe/{settings_of(people.owner.pk).unsubscribe_key}/"
    assert Client().post(path).status_code == 200
    assert not Reminder.objects.filter(kind="summary", state="pending").exists()


def test_the_summary_moves_to_the_next_program_when_its_program_stops(
    people: Personas, owner_client: Client, clock: FakeWallClock, smtp: SmtpSink
) -> None:
    from acupressure.records.program_store import ProgramStore

    people.owner.email = "olivia@example.org"
    people.owner.save()
    choice = settings_of(people.owner.pk)
    choice.weekly_summary = True
    choice.save()
    first, second = make(owner_client), make(owner_client)

    def pending() -> list[int]:
        rows = Reminder.objects.filter(kind="summary", state="pending")
        return list(rows.values_list("program_id", flat=True))

    assert pending() == [first.pk, first.pk]  # one a week, on the oldest program
    assert ProgramStore(people.owner.pk).stop(first.pk, clock.now, "done")
    assert pending() == [second.pk, second.pk]
