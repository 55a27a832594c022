"""Whitenoise's list of static files, made once per run of the tests.

Django's test ``Client`` loads the middleware again for every new client, and whitenoise then
lists, stats and prepares the headers of every static file (half of the 14 ms a load took
here; 1,631 loads in the quick run). The files do not change while the tests run, so the
list is made once for each set of the settings that shape it and copied into each new
middleware: the same entries, served by the same real whitenoise.
"""

from __future__ import annotations

from typing import Any

from django.conf import settings
from whitenoise.middleware import WhiteNoiseMiddleware

_list_files = WhiteNoiseMiddleware.add_files_from_finders
_made: dict[str, dict[str, Any]] = {}


def _shape() -> str:
    """Every setting that changes what whitenoise lists or the headers it prepares."""
    names = ["STATIC_URL", "STATICFILES_DIRS", "STATICFILES_FINDERS", "INSTALLED_APPS", "DEBUG"]
    names += sorted(name for name in dir(settings) if name.startswith("WHITENOISE_"))
    return repr([(name, getattr(settings, name, None)) for name in names])


def _list_files_once(self: WhiteNoiseMiddleware) -> None:
    shape = _shape()
    if shape not in _made:
        kept, self.files = self.files, {}
        _list_files(self)
        _made[shape], self.files = self.files, kept
    self.files.update(_made[shape])


def list_static_files_once() -> None:
    WhiteNoiseMiddleware.add_files_from_finders = _list_files_once  # type: ignore[method-assign]
