"""The one-time sign-in link and the password sign-in."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import User
from django.test import Client
from tests.doubles import FakeWallClock
from tests.web.personas import Personas

from acupressure.records.signin import issue_token, local_user


def test_local_user_is_created_once_without_a_password(db: None) -> None:
    first = local_user("ana")
    assert local_user("ana").pk == first.pk
    assert not first.has_usable_password()


def test_link_signs_in_once(client: Client, db: None, clock: FakeWallClock) -> None:
    token = issue_token(local_user("ana"))
    response = client.post(f"/signin/link/{token}/")
    assert response.status_code == 302
    assert client.get("/diary/").status_code == 200
    again = Client().post(f"/signin/link/{token}/")
    assert again.status_code == 400 and b"cannot be used" in again.content
    assert Client().get(f"/signin/link/{token}/").status_code == 400


def test_opening_the_link_shows_a_button_and_does_not_use_it_up(
    db: None, clock: FakeWallClock
) -> None:
    token = issue_token(local_user("ana"))
    previewer = Client()
    for _ in range(3):  # a chat app or mail scanner fetching the address
        page = previewer.get(f"/signin/link/{token}/")
        assert page.status_code == 200 and b'method="post"' in page.content
        assert b"ana" in page.content and page["Cache-Control"] == "no-store, private"
    assert previewer.get("/diary/").status_code == 302  # a GET signs nobody in
    person = Client(enforce_csrf_checks=True)
    page = person.get(f"/signin/link/{token}/")
    csrf = person.cookies["csrftoken"].value
    assert person.post(f"/signin/link/{token}/").status_code == 403  # the form needs its token
    signed = person.post(f"/signin/link/{token}/", {"csrfmiddlewaretoken": csrf})
    assert signed.status_code == 302 and person.get("/diary/").status_code == 200


def test_a_new_link_retires_the_older_ones(db: None, clock: FakeWallClock) -> None:
    user = local_user("ana")
    old = issue_token(user)
    new = issue_token(user)  # what the next `acupressure serve` prints
    assert Client().post(f"/signin/link/{old}/").status_code == 400
    assert Client().post(f"/signin/link/{new}/").status_code == 302


def test_forged_link_is_refused(client: Client, db: None) -> None:
    response = client.get("/signin/link/eyJuIjoieCJ9:1abc:forged/")
    assert response.status_code == 400
    assert client.get("/diary/").status_code == 302


def test_password_sign_in_uses_argon2(client: Client, db: None) -> None:
    user = User.objects.create_user("lee", password="a long pass phrase 42")
    assert user.password.startswith("argon2$argon2id$")
    bad = client.post("/signin/", {"username": "lee", "password": "wrong"})
    assert bad.status_code == 400
    good = client.post(
        "/signin/", {"username": "lee", "password": "a long pass phrase 42", "next": "/diary/"}
    )
    assert good["Location"] == "/diary/"


def test_sign_in_never_redirects_off_site(client: Client, db: None) -> None:
    User.objects.create_user("lee", password="a long pass phrase 42")
    response = client.post(
        "/signin/",
        {"username": "lee", "password": "a long pass phrase 42", "next": "https://evil.example/"},
    )
    assert response["Location"] == "/"


def test_sign_out_needs_post(owner_client: Client, people: Personas) -> None:
    assert owner_client.get("/signout/").status_code == 405
    assert owner_client.post("/signout/").status_code == 302
    assert owner_client.get("/diary/").status_code == 302


def test_session_cookie_is_httponly_samesite_and_secure_over_https(db: None) -> None:
    User.objects.create_user("lee", password="a long pass phrase 42")
    client = Client()
    response = client.post(
        "/signin/", {"username": "lee", "password": "a long pass phrase 42"}, secure=True
    )
    cookie = response.cookies["sessionid"]
    assert cookie["httponly"] and cookie["samesite"] == "Lax" and cookie["secure"]
    plain = Client().post("/signin/", {"username": "lee", "password": "a long pass phrase 42"})
    assert not plain.cookies["sessionid"]["secure"]


def test_password_guessing_is_locked_out_per_account_and_per_client(
    db: None, settings: Any
) -> None:
    settings.AXES_FAILURE_LIMIT = 3
    User.objects.create_user("lee", password="a long pass phrase 42")
    right = {"username": "lee", "password": "a long pass phrase 42"}
    statuses = [  # one wrong guess from each of three clients; the third locks the account
        Client(REMOTE_ADDR=ip).post("/signin/", {**right, "password": "x"}).status_code
        for ip in ("10.0.0.1", "10.0.0.2", "10.0.0.3")
    ]
    assert statuses == [400, 400, 429]
    # the account is locked, from anywhere, even with the right password
    locked = Client(REMOTE_ADDR="10.0.0.9").post("/signin/", right)
    assert locked.status_code == 429 and b"Too many sign-in attempts" in locked.content
    admin = Client(REMOTE_ADDR="10.0.0.9").post("/admin/login/", right)
    assert admin.status_code == 429
    # one client guessing many accounts is locked out too, and another client is not
    guesser = Client(REMOTE_ADDR="10.0.0.66")
    statuses = [
        guesser.post("/signin/", {"username": f"u{n}", "password": "x"}).status_code
        for n in range(3)
    ]
    assert statuses == [400, 400, 429]
    User.objects.create_user("kim", password="another long phrase 7")
    assert (
        guesser.post(
            "/signin/", {"username": "kim", "password": "another long phrase 7"}
        ).status_code
        == 429
    )
    fine = Client(REMOTE_ADDR="10.0.0.77").post(
        "/signin/", {"username": "kim", "password": "another long phrase 7"}
    )
    assert fine.status_code == 302


def test_password_hashing_is_bounded_and_busy_is_a_503(db: None, settings: Any) -> None:
    from acupressure.records import hashers

    User.objects.create_user("lee", password="a long pass phrase 42")
    slots = hashers._semaphore()
    taken = 0
    while slots.acquire(blocking=False):  # every slot busy hashing someone else's guess
        taken += 1
    assert taken == settings.PASSWORD_HASHES_AT_ONCE
    try:
        hashers.WAIT_SECONDS, saved = 0.05, hashers.WAIT_SECONDS
        response = Client().post("/signin/", {"username": "lee", "password": "x"})
    finally:
        hashers.WAIT_SECONDS = saved
        for _ in range(taken):
            slots.release()
    assert response.status_code == 503 and response["Retry-After"] == "5"
    assert Client().post("/signin/", {"username": "lee", "password": "x"}).status_code == 400
