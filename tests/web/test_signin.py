"""The one-time sign-in link and the password sign-in."""

from __future__ import annotations

from django.contrib.auth.models import User
from django.test import Client
from tests.doubles import FakeWallClock
from tests.web.personas import Personas

from acupressure.web.signin import issue_token, local_user


def test_local_user_is_created_once_without_a_password(db: None) -> None:
    first = local_user("ana")
    assert local_user("ana").pk == first.pk
    assert not first.has_usable_password()


def test_link_signs_in_once(client: Client, db: None, clock: FakeWallClock) -> None:
    token = issue_token(local_user("ana"))
    response = client.get(f"/signin/link/{token}/")
    assert response.status_code == 302
    assert client.get("/diary/").status_code == 200
    again = Client().get(f"/signin/link/{token}/")
    assert again.status_code == 400 and b"cannot be used" in again.content


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
