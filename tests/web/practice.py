"""Helpers for the practitioner tests: a practice with a consenting, prescribed client."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from django.contrib.auth.models import User
from django.test import Client

from acupressure.records.models import PracticeSession, PractitionerLink, ProgramRecord
from acupressure.records.practice import (
    add_client,
    add_practitioner,
    answer,
    redeem_code,
    withdraw,
)
from acupressure.safety import Intake

PREGNANT = Intake(areas=["neck", "shoulders"], pregnant=True, trimester=2, red_flags=[])
EXCLUDED_IN_PREGNANCY = {"LI4", "BL60", "GB21", "CV6"}


def item(code: str, hold: int, reps: int, pressure: str = "gentle", **extra: str) -> dict[str, Any]:
    return {"code": code, "hold_seconds": hold, "repetitions": reps, "pressure": pressure, **extra}


def form_for(items: list[dict[str, Any]], **extra: str) -> dict[str, Any]:
    """The prescribing form's fields for these points."""
    data: dict[str, Any] = {"point": [i["code"] for i in items], "weeks": "2", "at": ["08:00"]}
    data["tz"] = "UTC"
    for i in items:
        code = i["code"]
        data[f"hold-{code}"] = str(i["hold_seconds"])
        data[f"reps-{code}"] = str(i["repetitions"])
        data[f"pressure-{code}"] = i["pressure"]
        data[f"note-{code}"] = i.get("note", "")
        data[f"where-{code}"] = i.get("where", "home")
    data.update(extra)
    return data


def record_screening(link: PractitionerLink, intake: Intake) -> None:
    link.intake = json.loads(intake.model_dump_json())
    link.save(update_fields=["intake"])


def signed_in(user: User) -> Client:
    client = Client()
    client.force_login(user)
    return client


@dataclass
class Practice:
    practitioner: User
    other: User  # a practitioner with a client of their own
    former: User  # a practitioner whose client withdrew consent
    client: User
    stranger: User
    link: PractitionerLink
    other_link: PractitionerLink
    former_link: PractitionerLink
    program: ProgramRecord

    def as_(self, who: str) -> Client:
        if who == "anonymous":
            return Client()
        return signed_in(getattr(self, who))


def make_practice() -> Practice:
    """Practitioner Ana with client "P-17" (pregnant, consented, prescribed KI27 and TE3)."""
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    ben = add_practitioner("ben@example.org", "Ben Okafor")
    cara = add_practitioner("cara@example.org", "Cara Lind")
    link = add_client(ana, "P-17", named=False, year_of_birth=1990)
    answer(link, yes=True, share_notes=False)
    record_screening(link, PREGNANT)
    link.screening_by_client = True  # and asked the client too: /consent/ID/screening/ is open
    link.save()
    other_link = add_client(ben, "Someone else", named=True, year_of_birth=None)
    answer(other_link, yes=True, share_notes=True)
    former_link = add_client(cara, "Old client", named=False, year_of_birth=None)
    former_link.client = link.client
    former_link.save()
    answer(former_link, yes=True, share_notes=False)
    withdraw(link.client_id, former_link.pk)
    response = signed_in(ana).post(
        f"/clients/{link.pk}/prescribe/",
        form_for([item("KI27", 120, 3, note="Before bed too"), item("TE3", 4, 1)]),
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    stranger = User.objects.create_user("sam")
    return Practice(
        ana, ben, cara, link.client, stranger, link, other_link, former_link,
        ProgramRecord.objects.get(owner=link.client),
    )  # fmt: skip


def make_practice_with_every_persona() -> Practice:
    """:func:`make_practice` with a pending practitioner of P-17 (``pending``: asked, not yet
    answered) and a superuser (``superuser``), for the attack tests."""
    made = make_practice()
    pen = add_practitioner("pen@example.org", "Dr Pen")
    assert redeem_code(made.client, str(add_client(pen, "asked", False, None).invite_code))
    made.pending = pen  # type: ignore[attr-defined]
    made.superuser = User.objects.create_superuser("root", "root@example.org", None)  # type: ignore[attr-defined]
    return made


def practise(browser: object, program: int, before: int, after: int, note: str = "") -> None:
    started = browser.post(f"/program/{program}/start/")  # type: ignore[attr-defined]
    assert started.status_code == 302, started.content
    session = PracticeSession.objects.latest("id")
    assert browser.post(f"/session/{session.pk}/pain/", {"pain": before}).status_code == 200  # type: ignore[attr-defined]
    done = browser.post(  # type: ignore[attr-defined]
        f"/session/{session.pk}/finish/",
        {
            "pain_after": after,
            "completed_steps": session.total_steps,
            "pressed_seconds": 100,
            "note": note,
        },
    )
    assert done.status_code in (200, 302), done.content


def use_link(client: Client, path: str) -> Any:
    """Open a one-time sign-in link as a person would: GET it, and if the page asks to
    confirm (a form posting back), press the button. Works whether GET or POST signs in."""
    response = client.get(path)
    if response.status_code == 200 and b'method="post"' in response.content:
        response = client.post(path)
    return response


def open_link(page: Any, url: str) -> None:
    """The same in a browser."""
    page.goto(url)
    if "/signin/link/" in page.url:
        button = page.locator("main form[method=post] button[type=submit]")
        if button.count():
            button.first.click()
            page.wait_for_load_state()


# The practitioner and program forms, each field fed hostile shapes (test_practice_fuzz.py);
# test_forms_fuzz.py checks that every form of the authorization table is here or there.
HOSTILE_TEXT = ["[" * 50_000, "9" * 5000, "\x00", "x" * 100_000, "-1", "1e999"]
PROGRAM_FIELDS = ["weeks", "per_day", "at", "tz", "intake"]
HOSTILE_FORMS: dict[str, tuple[str, list[str]]] = {  # path: (who posts, fields)
    "/clients/new/": ("practitioner", ["label", "year", "named"]),
    "/clients/{link}/invite/": ("practitioner", []),
    "/clients/{link}/invite/email/": ("practitioner", ["email"]),
    "/clients/{link}/screening/": (
        "practitioner",
        ["area", "trimester", "condition", "flag-fever"],
    ),
    "/clients/{link}/prescribe/": (
        "practitioner",
        [
            "point",
            "hold-KI27",
            "reps-KI27",
            "pressure-KI27",
            "note-KI27",
            "where-KI27",
            "weeks",
            "at",
            "tz",
        ],
    ),
    "/clients/{link}/routine.pdf": ("practitioner", ["paper"]),
    "/consent/": ("client", ["link", "answer", "share_notes"]),
    "/account/password/": ("client", ["old_password", "new_password1", "new_password2"]),
    "/consent/code/": ("client", ["code"]),
    "/privacy/practitioners/{link}/end/": ("client", []),
    "/program/new/": ("client", PROGRAM_FIELDS),
    "/program/{program}/start/": ("client", ["kind"]),
    "/program/{program}/stop/": ("client", []),
    "/program/{program}/calendar/": ("client", ["action"]),
}
