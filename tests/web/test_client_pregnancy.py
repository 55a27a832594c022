"""The practitioner's client page says the client is pregnant, and the trimester, once the
client has consented: it decided which points could be prescribed."""

from __future__ import annotations

import pytest
from tests.doubles import FakeWallClock
from tests.web.practice import PREGNANT, record_screening, signed_in

from acupressure.records.practice import add_client, add_practitioner, answer
from acupressure.safety import Intake

pytestmark = pytest.mark.django_db(transaction=True)


def page_of(intake: Intake | None, consented: bool = True) -> str:
    ana = add_practitioner("ana@example.org", "Dr Ana Silva")
    link = add_client(ana, "P-20", named=False, year_of_birth=None)
    if consented:
        answer(link, yes=True, share_notes=False)
    if intake is not None:
        record_screening(link, intake)
    return " ".join(signed_in(ana).get(f"/clients/{link.pk}/").content.decode().split())


def test_pregnant_with_the_trimester(clock: FakeWallClock) -> None:
    page = page_of(PREGNANT)
    assert "Pregnant: trimester 2." in page
    assert "Points never used in pregnancy are left out of the prescription." in page


def test_might_be_pregnant_and_trimester_unknown(clock: FakeWallClock) -> None:
    maybe = Intake(areas=["neck"], maybe_pregnant=True, red_flags=[])
    assert "Might be pregnant or trying to conceive (treated as pregnant)." in page_of(maybe)
    unknown = Intake(areas=["neck"], pregnant=True, red_flags=[])
    assert "Pregnant: trimester not known." in page_of(unknown)


def test_not_pregnant_or_not_consented_says_nothing(clock: FakeWallClock) -> None:
    assert "regnant" not in page_of(Intake(areas=["neck"], red_flags=[]))
    assert "regnant" not in page_of(PREGNANT, consented=False)
