"""The fast CSRF tokens of cached forms are Django's tokens: same alphabet, same masking."""

from __future__ import annotations

from collections import Counter

from django.http import HttpRequest
from django.middleware.csrf import (
    CSRF_ALLOWED_CHARS,
    CSRF_SECRET_LENGTH,
    CSRF_TOKEN_LENGTH,
    _unmask_cipher_token,
)

from acupressure.web.csrftoken import get_token, mask, random_chars


def test_random_chars_use_every_allowed_character_and_nothing_else() -> None:
    drawn = "".join(random_chars(CSRF_SECRET_LENGTH) for _ in range(10_000))
    counts = Counter(drawn)
    assert set(counts) == set(CSRF_ALLOWED_CHARS)
    # 320,000 draws: about 5,161 per character (standard deviation 72). A plain byte % 62
    # would give 8 of them 6,250 and the rest 5,000; the rejection keeps them even.
    assert min(counts.values()) > 4700 and max(counts.values()) < 5650
    assert len({random_chars(CSRF_SECRET_LENGTH) for _ in range(1000)}) == 1000


def test_a_masked_token_unmasks_to_its_secret_with_djangos_own_code() -> None:
    secret = random_chars(CSRF_SECRET_LENGTH)
    tokens = {mask(secret) for _ in range(100)}
    assert len(tokens) == 100
    for token in tokens:
        assert len(token) == CSRF_TOKEN_LENGTH and set(token) <= set(CSRF_ALLOWED_CHARS)
        assert _unmask_cipher_token(token) == secret


def test_get_token_keeps_a_visitors_secret_and_makes_one_for_a_new_visitor() -> None:
    known = HttpRequest()
    known.META["CSRF_COOKIE"] = secret = random_chars(CSRF_SECRET_LENGTH)
    assert _unmask_cipher_token(get_token(known)) == secret
    assert known.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
    new = HttpRequest()
    token = get_token(new)
    assert _unmask_cipher_token(token) == new.META["CSRF_COOKIE"]
    assert len(new.META["CSRF_COOKIE"]) == CSRF_SECRET_LENGTH
    assert new.META["CSRF_COOKIE_NEEDS_UPDATE"] is True
