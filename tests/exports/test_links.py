"""Where printed links and QR codes point: the configured public address, else this
computer's (with a warning, in the terminal and on the page, that a phone cannot open it)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from acupressure.cli import app
from acupressure.exports.links import ENV, PublicUrlError, only_here, public_url

runner = CliRunner()
NECK = ["handout", "--area", "neck", "--no-red-flags", "--not-pregnant"]


def links_in(path: Path) -> list[str]:
    import pikepdf

    with pikepdf.open(path) as pdf:
        return [
            str(annot["/A"]["/URI"])
            for page in pdf.pages
            for annot in page.get("/Annots", [])
            if annot.get("/Subtype") == "/Link"
        ]


def text_of(path: Path) -> str:
    import subprocess

    return subprocess.run(
        ["pdftotext", str(path), "-"], check=True, capture_output=True, text=True
    ).stdout


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", None),
        ("https://acupressure.clinic.example/", "https://acupressure.clinic.example"),
        ("http://192.168.1.20:8000", "http://192.168.1.20:8000"),
        ("https://clinic.example/acupressure/", "https://clinic.example/acupressure"),
    ],
)
def test_the_public_address_is_read_from_the_environment(value: str, expected: str | None) -> None:
    assert public_url({ENV: value}) == expected


@pytest.mark.parametrize("value", ["clinic.example", "ftp://clinic.example", "https://", "x?y=1"])
def test_a_public_address_that_is_not_a_web_address_is_refused(value: str) -> None:
    with pytest.raises(PublicUrlError, match=ENV):
        public_url({ENV: value})


@pytest.mark.parametrize(
    ("url", "here"),
    [
        ("http://127.0.0.1:8000/", True),
        ("http://127.1.2.3/", True),
        ("http://localhost:8123/x", True),
        ("http://[::1]:8000/", True),
        ("http://0.0.0.0:8000/", True),
        ("http://192.168.1.20:8000/", False),
        ("https://acupressure.clinic.example/", False),
        ("http://testserver/program/1/", False),
    ],
)
def test_a_loopback_address_works_only_on_this_computer(url: str, here: bool) -> None:
    assert only_here(url) is here


def test_cli_handout_without_a_public_address_warns_in_the_terminal_and_on_paper(
    tmp_path: Path,
) -> None:
    out = tmp_path / "r.pdf"
    made = runner.invoke(app, [*NECK, "-o", str(out)], env={ENV: ""})
    assert made.exit_code == 0, made.output
    assert "works only on this computer" in made.stderr and ENV in made.stderr
    assert links_in(out) == ["http://127.0.0.1:8000/"]
    assert "a phone cannot open" in " ".join(text_of(out).split())


def test_cli_handout_links_to_the_public_address(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    made = runner.invoke(
        app, [*NECK, "-o", str(out)], env={ENV: "https://acupressure.clinic.example"}
    )
    assert made.exit_code == 0, made.output
    assert "works only on this computer" not in made.stderr
    assert links_in(out) == ["https://acupressure.clinic.example/"]
    assert "a phone cannot open" not in " ".join(text_of(out).split())
    given = runner.invoke(app, [*NECK, "-o", str(out), "--link", "http://10.0.0.5:8123/s"])
    assert given.exit_code == 0 and links_in(out) == ["http://10.0.0.5:8123/s"]


def test_cli_refuses_a_bad_public_address_or_link(tmp_path: Path) -> None:
    out = tmp_path / "r.pdf"
    bad_env = runner.invoke(app, [*NECK, "-o", str(out)], env={ENV: "clinic.example"})
    assert bad_env.exit_code == 2 and ENV in bad_env.stderr and not out.exists()
    bad_link = runner.invoke(app, [*NECK, "-o", str(out), "--link", "ftp://x"])
    assert bad_link.exit_code == 2 and "--link must start with" in bad_link.stderr
