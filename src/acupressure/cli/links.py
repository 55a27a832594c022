"""The address a command prints in a link or QR code (``--link``, ``--base-url``)."""

from __future__ import annotations

from acupressure.cli.common import err_console, fail
from acupressure.exports.links import PublicUrlError, base_url, local_link_warning, only_here
from acupressure.i18n import gettext as _


def printed_base(given: str | None, option: str) -> str:
    """The option's address, else ACUPRESSURE_PUBLIC_URL, else this computer's (with a
    warning on stderr when only this computer can open it). Exit 2 for a bad address."""
    if given is not None and not given.startswith(("http://", "https://")):
        fail(
            _("{option} must start with http:// or https://, not {value!r}").format(
                option=option, value=given
            )
        )
    try:
        base = given or base_url()
    except PublicUrlError as exc:
        fail(str(exc))
    if only_here(base):
        err_console.print(local_link_warning(base, option), markup=False, highlight=False)
    return base
