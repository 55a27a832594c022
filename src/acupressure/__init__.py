"""Acupressure: a sourced point atlas, safe routines and guided sessions for back pain."""

from __future__ import annotations


def __getattr__(name: str) -> str:
    # __version__ is read from the installed metadata only when asked (importlib.metadata is
    # slow to import, and the command line starts faster without it).
    if name != "__version__":
        raise AttributeError(f"module 'acupressure' has no attribute {name!r}")
    from importlib.metadata import PackageNotFoundError, version

    try:
        return version("acupressure")
    except PackageNotFoundError:  # running from a source tree that is not installed
        return "0.0.0"
