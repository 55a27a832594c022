"""Outside judge: every kind of FHIR bundle we hand out, through Medplum's validator (its own
R4 definitions, not fhir.resources that made them) with 0 errors, and two installations'
bundles imported into one FHIR repository (Medplum's, in Node) stay two Patients."""

from __future__ import annotations

import json
import uuid
from pathlib import Path

import pytest
from tests.doubles import FakeWallClock
from tests.judges.run import node
from tests.web import downloads
from tests.web.practice import Practice, make_practice, signed_in
from tests.web.programs import check, make

from acupressure.records.models import Installation

pytestmark = [pytest.mark.judge, pytest.mark.slow, pytest.mark.django_db(transaction=True)]


def some_data(practice: Practice, clock: FakeWallClock) -> None:
    """Check-ins and a weekly check, so that Observations and QuestionnaireResponses appear."""
    me = signed_in(practice.client)
    for pain in (6, 4):
        assert me.post("/diary/checkin/", {"area": "neck", "pain": pain}).status_code == 302
        clock.advance(days=1)
    check(me, practice.program.pk, 0, 5, None, [6, 4])


def bundles(practice: Practice, folder: Path, tag: str) -> list[str]:
    """Every kind: a pseudonymous prescribed client (page and API) in each language, a named
    client without a program, one's own bundle (prescribed, and self-made), and a stopped
    program's."""
    ana, ben, me = (signed_in(u) for u in (practice.practitioner, practice.other, practice.client))
    link, other = practice.link.pk, practice.other_link.pk
    got = {
        f"client-{lang}": ana.get(f"/clients/{link}/fhir.json", HTTP_ACCEPT_LANGUAGE=lang)
        for lang in ("en", "es", "zh-Hans")
    }
    got["api"] = ana.get(f"/api/clients/{link}/fhir")
    got["named"] = ben.get(f"/clients/{other}/fhir.json")
    got["own"] = me.get("/privacy/fhir.json")
    sam = signed_in(practice.stranger)  # a program of one's own, not prescribed
    make(sam)
    got["own self-made"] = sam.get("/privacy/fhir.json")
    assert me.post(f"/program/{practice.program.pk}/stop/").status_code == 302
    got["stopped"] = ana.get(f"/clients/{link}/fhir.json")
    files = []
    for name, response in got.items():
        assert response.status_code == 200, (name, downloads.body(response)[:300])
        assert response["Content-Type"].startswith("application/fhir+json")
        path = folder / f"{tag}-{name}.json"
        path.write_bytes(downloads.body(response))
        files.append(str(path))
    return files


def test_every_bundle_passes_medplum_and_two_installations_stay_two(
    clock: FakeWallClock, tmp_path: Path
) -> None:
    practice = make_practice()
    some_data(practice, clock)
    ours = bundles(practice, tmp_path, "ours")
    # The same rows under another installation's id: a second clinic whose user numbers,
    # program numbers and times are all the same as ours.
    Installation.objects.update(uid=uuid.uuid4())
    theirs = [str(tmp_path / "theirs-client-en.json")]
    Path(theirs[0]).write_bytes(
        downloads.body(
            signed_in(practice.practitioner).get(f"/clients/{practice.link.pk}/fhir.json")
        )
    )
    # the judge can fail: the same export imported twice is one person, and a Patient with a
    # made-up field and a month 13 is in error (and not imported)
    again = tmp_path / "again.json"
    again.write_bytes(Path(ours[0]).read_bytes())
    data = json.loads(Path(ours[0]).read_bytes())
    data["entry"][0]["resource"].update({"colour": "blue", "birthDate": "1990-13"})
    broken = tmp_path / "broken.json"
    broken.write_text(json.dumps(data))
    verdict = node("fhir_judge.mjs", *ours, *theirs, str(again), str(broken))  # one run
    assert len(verdict["issues"].pop(str(broken))) >= 2
    assert verdict["issues"] == {f: [] for f in [*ours, *theirs, str(again)]}
    # ours: the client (in Ana's exports and in the client's own), Ben's named client and
    # Sam; theirs: their client, who has our client's row numbers but is someone else; again:
    # our client once more, the same Patient
    assert verdict["patients"] == 4
    assert verdict["observations"] > 0
