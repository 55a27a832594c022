"""`acupressure practitioner add`: a practitioner account and its one-time sign-in link."""

from __future__ import annotations

from typing import Annotated

import typer

from acupressure.cli.common import fail, print_json
from acupressure.cli.links import printed_base
from acupressure.i18n import gettext as _

practitioner_app = typer.Typer(
    help="Practitioner accounts (they prescribe routines and follow their clients).",
    no_args_is_help=True,
    rich_markup_mode=None,
    add_completion=False,
    pretty_exceptions_enable=False,
)


@practitioner_app.callback()
def _practitioners() -> None:
    """Practitioner accounts (they prescribe routines and follow their clients)."""


@practitioner_app.command("add")
def add(
    email: Annotated[str, typer.Argument(help="The practitioner's email; it is their username.")],
    name: Annotated[str, typer.Option("--name", help="The name clients see, e.g. 'Dr Ana Silva'.")],
    base_url: Annotated[
        str | None,
        typer.Option(
            "--base-url",
            help="Where the web app is served, for the link; default: ACUPRESSURE_PUBLIC_URL, "
            "else http://127.0.0.1:8000 (this computer only).",
        ),
    ] = None,
    as_json: Annotated[bool, typer.Option("--json", help="Print JSON instead of text.")] = False,
) -> None:
    """Make (or rename) a practitioner account and print a one-time sign-in link.

    The link works once, within 12 hours; signed in, the practitioner can set a password at
    /account/password/. Running it again for the same email renames the account and prints
    a new link (the admin's "Make a one-time sign-in link" does the same). An existing
    account that is not a practitioner's and has been used, or an administrator's, is
    refused: the link would sign in as that person."""
    base = printed_base(base_url, "--base-url").rstrip("/")
    from acupressure.records.store import setup_records

    setup_records()
    from acupressure.records.access import operator_may_link
    from acupressure.records.practice import add_practitioner
    from acupressure.records.signin import issue_token

    if not operator_may_link(email):
        fail(
            _(
                "{email} is an account already in use (or an administrator's): no sign-in link "
                "is made for it here; its owner signs in as usual"
            ).format(email=email.strip().lower())
        )
    try:
        user = add_practitioner(email, name)
    except ValueError as exc:
        fail(str(exc))
    link = f"{base}/signin/link/{issue_token(user)}/"
    if as_json:
        print_json({"email": user.get_username(), "name": name.strip(), "signin_link": link})
    else:
        typer.echo(
            _("Practitioner {name} <{email}>").format(name=name.strip(), email=user.get_username())
        )
        typer.echo(_("One-time sign-in link (12 hours): {link}").format(link=link))
