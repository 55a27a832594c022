"""The authorization table: every personal URL and API endpoint x every kind of person.

Each row names a route (as in the URLconf), a request, and the status each persona gets;
PUBLIC lists the routes that hold nothing personal, with the reason. A branch that adds a URL
adds a row here (or a PUBLIC line): tests/web/test_authorization.py fails for a route with
neither. The owner's data carries SECRET; it must show up exactly for the personas in
``shows`` and never in any other answer.

The personas (tests/web/personas.py builds them): ``owner`` (olivia), ``linked`` (her
consented practitioner, who prescribed for her and whom she shares notes with), ``second``
(another consented practitioner of hers, with a prescription of their own, no notes),
``pending`` (a practitioner whose invitation code olivia entered, not answered yet; the same
practitioner holds a code a superuser entered, and a client account they made, unused),
``former`` (consented once; their practitioner profile is deleted), ``superuser`` (staff,
entered the pending practitioner's code), ``unlinked`` (a practitioner with a client of
their own), ``stranger`` and ``signed_out``.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any

from tests.web.personas import intake_form

PERSONAS = (
    "signed_out", "stranger", "owner", "linked", "unlinked",
    "pending", "second", "former", "superuser",
)  # fmt: skip
SECRET = "olivia-private-marker-4711"
LINKS = ("{link}", "{pending_link}", "{super_link}", "{made_link}")  # client records in paths


@dataclass(frozen=True)
class Row:
    route: str  # the URLconf route, as `test_every_route_has_an_entry` lists them
    method: str
    path: str  # {pk}: the owner's session, {owner}: the owner's user id, LINKS: see personas
    expect: tuple[int, ...]  # in the order of PERSONAS
    body: dict[str, Any] = field(default_factory=dict)
    json_body: bool = False
    shows: frozenset[str] = frozenset()  # who sees the owner's marker in the answer


def statuses(
    signed_out: int,
    stranger: int,
    owner: int,
    linked: int,
    unlinked: int,
    *,
    pending: int | None = None,
    second: int | None = None,
    former: int | None = None,
    superuser: int | None = None,
) -> tuple[int, ...]:
    """The status of each persona; the four newer ones answer as the stranger unless given."""
    others = (pending, second, former, superuser)
    return (
        signed_out, stranger, owner, linked, unlinked,
        *(stranger if o is None else o for o in others),
    )  # fmt: skip


def form_path(path: str) -> str:
    """The path with any client record written as ``{link}`` (one form, many records)."""
    for name in LINKS:
        path = path.replace(name, "{link}")
    return path


OWN = frozenset({"owner"})
OWN_AND_LINKED = frozenset({"owner", "linked"})
FINISH = {"pain_after": 2, "completed_steps": 1, "note": "ok"}
CHECKIN = {"area": "neck", "pain": 3}
PRACTITIONER = statuses(302, 404, 404, 200, 404)  # the owner's practitioner only
OWNER = statuses(302, 404, 200, 404, 404)  # the owner only
API_OWNER = statuses(401, 404, 200, 404, 404)
PRESCRIPTION = {
    "items": [{"code": "KI27", "hold_seconds": 120, "repetitions": 3, "pressure": "firm"}]
}
PRACTITIONERS = {"pending": 200, "second": 200}  # /clients/ pages: any practitioner's own
PASSWORD = {"new_password1": "a-long-new-pass-4711", "new_password2": "a-long-new-pass-4711"}
RX_FORM = {"point": "KI27", "hold-KI27": "120", "reps-KI27": "3", "pressure-KI27": "firm"}
RX_FORM |= {"where-KI27": "home", "weeks": "2", "at": "08:00", "tz": "UTC"}
SCREENING_FORM = intake_form(area="neck")

NOBODY = statuses(302, 404, 404, 404, 404)  # a pending practitioner included
PENDING_ONLY = statuses(302, 404, 404, 404, 404, pending=200)
API_NOBODY = statuses(401, 404, 404, 404, 404)
# {pending_link}: olivia entered the pending practitioner's code, no answer yet;
# {super_link}: the superuser did; {made_link}: an account the practitioner made, unused
PENDING_ROWS = [
    Row("clients/<int:pk>/", "GET", "/clients/{pending_link}/", PENDING_ONLY),  # the label
    Row("clients/<int:pk>/", "GET", "/clients/{super_link}/", PENDING_ONLY),
    Row(
        "clients/<int:pk>/invite/",
        "POST",
        "/clients/{pending_link}/invite/",
        statuses(302, 404, 404, 404, 404, pending=403),
    ),
    Row(
        "clients/<int:pk>/invite/",
        "POST",
        "/clients/{super_link}/invite/",
        statuses(302, 404, 404, 404, 404, pending=403),
    ),
    Row(  # the new link is shown on the invite page, after a redirect (reload: no new link)
        "clients/<int:pk>/invite/",
        "POST",
        "/clients/{made_link}/invite/",
        statuses(302, 404, 404, 404, 404, pending=302),
    ),
    Row(  # olivia's own account: no invitation by email either (403 to her practitioner)
        "clients/<int:pk>/invite/email/",
        "POST",
        "/clients/{link}/invite/email/",
        statuses(302, 404, 404, 403, 404),
        {"email": "olivia@example.org"},
    ),
    Row("clients/<int:pk>/screening/", "GET", "/clients/{pending_link}/screening/", NOBODY),
    Row(
        "clients/<int:pk>/screening/",
        "POST",
        "/clients/{pending_link}/screening/",
        NOBODY,
        SCREENING_FORM,
    ),
    Row("clients/<int:pk>/screening/", "GET", "/clients/{made_link}/screening/", PENDING_ONLY),
    Row("clients/<int:pk>/prescribe/", "GET", "/clients/{pending_link}/prescribe/", NOBODY),
    Row(
        "clients/<int:pk>/prescribe/",
        "POST",
        "/clients/{pending_link}/prescribe/",
        NOBODY,
        RX_FORM,
    ),
    Row("clients/<int:pk>/routine.pdf", "POST", "/clients/{pending_link}/routine.pdf", NOBODY),
    Row(
        "clients/<int:pk>/routine.pdf",
        "POST",
        "/clients/{made_link}/routine.pdf",
        PENDING_ONLY,
    ),
    Row("clients/<int:pk>/fhir.json", "GET", "/clients/{pending_link}/fhir.json", NOBODY),
    Row("api/clients/<pk>/fhir", "GET", "/api/clients/{pending_link}/fhir", API_NOBODY),
    Row(
        "api/clients/<pk>/prescription",
        "POST",
        "/api/clients/{pending_link}/prescription",
        API_NOBODY,
        PRESCRIPTION,
        json_body=True,
    ),
]

MATRIX = [
    Row("diary/", "GET", "/diary/", statuses(302, 200, 200, 200, 200), shows=OWN),
    Row(
        "diary/",
        "GET",
        "/diary/?client={owner}",
        statuses(302, 404, 200, 200, 404, second=200),
        shows=OWN_AND_LINKED,
    ),
    Row(
        "diary/export.csv", "GET", "/diary/export.csv", statuses(302, 200, 200, 200, 200), shows=OWN
    ),
    Row(
        "diary/export.csv",
        "GET",
        "/diary/export.csv?client={owner}",
        statuses(302, 404, 200, 200, 404, second=200),
        shows=OWN_AND_LINKED,
    ),
    Row("diary/checkin/", "POST", "/diary/checkin/", statuses(302, 302, 302, 302, 302), CHECKIN),
    Row("diary/checkin/", "GET", "/diary/checkin/", statuses(302, 405, 405, 405, 405)),
    Row(
        "session/start/",
        "POST",
        "/session/start/",
        statuses(302, 302, 302, 302, 302),
        {"intake": json.dumps({"areas": ["neck"], "helper": True, "red_flags": []})},
    ),
    Row("session/<int:pk>/", "GET", "/session/{pk}/", statuses(302, 404, 200, 404, 404)),
    Row(
        "session/<int:pk>/timeline.json",
        "GET",
        "/session/{pk}/timeline.json",
        statuses(302, 404, 200, 404, 404),
    ),
    Row(
        "session/<int:pk>/pain/",
        "POST",
        "/session/{pk}/pain/",
        statuses(302, 404, 200, 404, 404),
        {"pain": 5},
    ),
    Row(
        "session/<int:pk>/progress/",
        "POST",
        "/session/{pk}/progress/",
        statuses(302, 404, 200, 404, 404),
        {"completed_steps": 1, "ended": "on"},
    ),
    Row(
        "session/<int:pk>/finish/",
        "POST",
        "/session/{pk}/finish/",
        statuses(302, 404, 302, 404, 404),
        FINISH,
    ),
    Row("privacy/", "GET", "/privacy/", statuses(302, 200, 200, 200, 200)),
    Row(
        "privacy/export.json",
        "GET",
        "/privacy/export.json",
        statuses(302, 200, 200, 200, 200),
        shows=OWN,
    ),
    Row("privacy/delete/", "GET", "/privacy/delete/", statuses(302, 200, 200, 200, 200)),
    Row(
        "privacy/delete/", "POST", "/privacy/delete/", statuses(302, 400, 400, 400, 400)
    ),  # unconfirmed
    Row("signout/", "POST", "/signout/", statuses(302, 302, 302, 302, 302)),
    Row(
        "api/diary/sessions",
        "GET",
        "/api/diary/sessions",
        statuses(401, 200, 200, 200, 200),
        shows=OWN,
    ),
    Row(
        "api/diary/checkins",
        "GET",
        "/api/diary/checkins",
        statuses(401, 200, 200, 200, 200),
        shows=OWN,
    ),
    Row(
        "api/diary/checkins",
        "POST",
        "/api/diary/checkins",
        statuses(401, 201, 201, 201, 201),
        CHECKIN,
        json_body=True,
    ),
    # programs ({program}: the owner's, with SECRET as an activity named in the baseline check)
    Row(
        "program/new/",
        "POST",
        "/program/new/",
        statuses(302, 302, 302, 302, 302),
        {"intake": json.dumps({"areas": ["neck"], "red_flags": []}), "tz": "UTC"},
    ),
    Row("program/<int:pk>/", "GET", "/program/{program}/", statuses(302, 404, 200, 404, 404)),
    Row(
        "program/<int:pk>/check/",
        "GET",
        "/program/{program}/check/?week=1",
        statuses(302, 404, 200, 404, 404),
        shows=OWN,
    ),
    Row(
        "program/<int:pk>/check/",
        "POST",
        "/program/{program}/check/?week=1",
        statuses(302, 404, 302, 404, 404),
        {"q-pain-week-pain": 4, "q-change-rating": 1},
    ),
    Row(
        "program/<int:pk>/start/",
        "POST",
        "/program/{program}/start/",
        statuses(302, 404, 302, 404, 404),
    ),
    Row(
        "program/<int:pk>/rescreen/",
        "GET",
        "/program/{program}/rescreen/",
        statuses(302, 404, 200, 404, 404),
    ),
    Row(
        "program/<int:pk>/calendar/",
        "POST",
        "/program/{program}/calendar/",
        statuses(302, 404, 302, 404, 404),
        {"action": "renew"},
    ),
    Row(
        "program/<int:pk>/program.ics",
        "GET",
        "/program/{program}/program.ics",
        statuses(302, 404, 200, 404, 404),
    ),
    Row(
        "program/<int:pk>/routine.pdf",
        "GET",
        "/program/{program}/routine.pdf",
        statuses(302, 404, 200, 404, 404),
    ),
    Row("program/<int:pk>/stop/", "GET", "/program/{program}/stop/", OWNER),
    Row(
        "program/<int:pk>/resume/",
        "POST",
        "/program/{program}/resume/",
        statuses(302, 404, 302, 404, 404),
    ),
    Row(
        "program/<int:pk>/stop/",
        "POST",
        "/program/{program}/stop/",
        statuses(302, 404, 302, 404, 404),
    ),
    Row(
        "diary/progress.pdf",
        "GET",
        "/diary/progress.pdf",
        statuses(302, 404, 200, 404, 404),  # the others have no program of their own
    ),
    Row(
        "diary/progress.pdf",
        "GET",
        "/diary/progress.pdf?client={owner}",
        statuses(302, 404, 200, 200, 404, second=200),
    ),
    # practitioners ("linked" is the owner's consented practitioner, "unlinked" one with a
    # client of their own); {link}: the owner's client record, {rx}: the prescribed program
    Row("clients/", "GET", "/clients/", statuses(302, 404, 404, 200, 200, **PRACTITIONERS)),
    Row("clients/new/", "GET", "/clients/new/", statuses(302, 404, 404, 200, 200, **PRACTITIONERS)),
    Row(  # a new client: an account made for them, its first sign-in link
        "clients/new/",
        "POST",
        "/clients/new/",
        statuses(302, 404, 404, 302, 302, pending=302, second=302),  # then to its invite page
        {"label": "A new client"},
    ),
    Row(
        "clients/export.csv",
        "GET",
        "/clients/export.csv",
        statuses(302, 404, 404, 200, 200, **PRACTITIONERS),
    ),
    Row(
        "clients/<int:pk>/",
        "GET",
        "/clients/{link}/",
        statuses(302, 404, 404, 200, 404),
        shows=frozenset({"linked"}),  # the client shares notes with this practitioner
    ),
    # olivia's account is her own, not one the practitioner made: no sign-in link for it
    Row(
        "clients/<int:pk>/invite/",
        "POST",
        "/clients/{link}/invite/",
        statuses(302, 404, 404, 403, 404),
    ),
    Row(
        "clients/<int:pk>/invite/",
        "GET",
        "/clients/{link}/invite/",
        statuses(302, 404, 404, 403, 404),
    ),
    Row("clients/<int:pk>/screening/", "GET", "/clients/{link}/screening/", PRACTITIONER),
    Row(
        "clients/<int:pk>/screening/",
        "POST",
        "/clients/{link}/screening/",
        statuses(302, 404, 404, 302, 404),
        SCREENING_FORM,
    ),
    Row("clients/<int:pk>/prescribe/", "GET", "/clients/{link}/prescribe/", PRACTITIONER),
    Row(
        "clients/<int:pk>/prescribe/",
        "POST",
        "/clients/{link}/prescribe/",
        statuses(302, 404, 404, 302, 404),
        RX_FORM,
    ),
    Row("clients/<int:pk>/routine.pdf", "POST", "/clients/{link}/routine.pdf", PRACTITIONER),
    Row(
        "clients/<int:pk>/fhir.json",
        "GET",
        "/clients/{link}/fhir.json",
        PRACTITIONER,
        shows=frozenset({"linked"}),  # the weekly checks (an activity's name) are in it
    ),
    Row(
        "api/clients/<pk>/fhir",
        "GET",
        "/api/clients/{link}/fhir",
        statuses(401, 404, 404, 200, 404),
        shows=frozenset({"linked"}),  # the weekly checks (an activity's name) are in it
    ),
    Row(
        "api/clients/<pk>/prescription",
        "POST",
        "/api/clients/{link}/prescription",
        statuses(401, 404, 404, 201, 404),
        PRESCRIPTION,
        json_body=True,
    ),
    Row("consent/", "GET", "/consent/", statuses(302, 200, 200, 200, 200)),
    Row(
        "consent/",
        "POST",
        "/consent/",
        statuses(302, 404, 302, 404, 404),
        {"link": "{pending_link}", "answer": "yes"},
    ),
    Row("consent/code/", "POST", "/consent/code/", statuses(302, 400, 400, 400, 400)),
    Row(
        "consent/<int:pk>/screening/",
        "GET",
        "/consent/{link}/screening/",
        statuses(302, 404, 200, 404, 404),
    ),
    Row(
        "privacy/fhir.json",
        "GET",
        "/privacy/fhir.json",
        statuses(302, 200, 200, 200, 200),
        shows=OWN,
    ),
    Row(
        "privacy/practitioners/<int:pk>/end/",
        "POST",
        "/privacy/practitioners/{link}/end/",
        statuses(302, 404, 302, 404, 404),
    ),
    Row(
        "program/<int:pk>/prescription/<int:number>/",
        "GET",
        "/program/{rx}/prescription/1/",
        statuses(302, 404, 200, 404, 404),
    ),
    Row("account/password/", "GET", "/account/password/", statuses(302, 200, 200, 200, 200)),
    Row(  # setting a first password, yes; changing one without the current password, no
        "account/password/",
        "POST",
        "/account/password/",
        statuses(302, 302, 302, 302, 302, superuser=400),
        PASSWORD,
    ),
    # the calendar feed: a secret address, so anyone holding it gets the times (and only them)
    Row(
        "calendar/<str:token>.ics",
        "GET",
        "/calendar/{token}.ics",
        statuses(200, 200, 200, 200, 200),
    ),
    Row(
        "calendar/<str:token>.ics",
        "GET",
        "/calendar/not-the-secret.ics",
        statuses(404, 404, 404, 404, 404),
    ),
    Row("api/programs", "GET", "/api/programs", statuses(401, 200, 200, 200, 200)),
    Row(
        "api/programs/<pk>/today",
        "GET",
        "/api/programs/{program}/today",
        statuses(401, 404, 200, 404, 404),
    ),
    Row(
        "api/programs/<pk>/summary",
        "GET",
        "/api/programs/{program}/summary",
        statuses(401, 404, 200, 404, 404),
    ),
    Row(
        "reminders/push/subscribe/",
        "POST",
        "/reminders/push/subscribe/",
        statuses(302, 400, 400, 400, 400),  # each person's own devices only: no id to give
        body={"endpoint": "https://fcm.googleapis.com/x"},
        json_body=True,
    ),
    Row("reminders/choices/", "POST", "/reminders/choices/", statuses(302, 302, 302, 302, 302)),
    Row(
        "reminders/devices/<int:pk>/remove/",
        "POST",
        "/reminders/devices/{pk}/remove/",
        statuses(302, 404, 404, 404, 404),  # the session's pk is no device of anyone's
    ),
    Row("admin/", "GET", "/admin/", statuses(302, 302, 302, 302, 302, superuser=200)),
    Row(
        "admin/",
        "GET",
        "/admin/web/checkin/",
        statuses(302, 302, 302, 302, 302, superuser=200),  # staff only
    ),
    *PENDING_ROWS,
]

# Routes that hold nothing personal, and why.
PUBLIC = {
    "": "home: the body map, or today's sessions of the signed-in person's own program",
    "about/": "what acupressure can and cannot do",
    "points/": "the atlas",
    "points/<str:code>/": "one point of the atlas",
    "points/<str:code>/chart.svg": "one point's chart, drawn from the atlas",
    "plan/": "the plan form; its answers go back only to whoever posted them",
    "signin/": "the sign-in form",
    "signin/link/<str:token>/": "the one-time link (tested in test_signin.py)",
    "manifest.webmanifest": "the web app manifest",
    "sw.js": "the service worker",
    "offline/": "the offline page",
    "camera/": "photo analysis; the photo is never stored",
    "camera/live/": "live camera page; video stays in the browser",
    "api/": "the API's root",
    "api/points": "the atlas",
    "api/points/<code>": "one point",
    "api/plan": "a routine for the posted answers; nothing stored",
    "api/openapi.json": "the API schema",
    "api/locate/landmarks": "points for posted landmarks; nothing stored",
    "language/": "the language switcher: sets a cookie, and the choice of whoever is signed in",
    "reminders/push/key/": "the server's public VAPID key (signed-in people only; not personal)",
    "signin/email/": "email me a link: the same answer for every address (test_reminders_email)",
    "signin/email/new/<str:token>/": "open sign-up's emailed link (test_reminders_email.py)",
    "reminders/unsubscribe/<str:key>/": "one-click unsubscribe by a secret key, without signing "
    "in; only that person's emails (test_reminders_email.py)",
    "reminders/<str:token>/start/": "a notification's Start: a signed reminder id, its owner "
    "only (test_reminders_push.py: 404 to a stranger)",
    "reminders/<str:token>/later/": "a notification's Later: owner only (test_reminders_push.py)",
    "reminders/<str:token>/skip/": "a notification's Skip today: owner only "
    "(test_reminders_push.py)",
}
