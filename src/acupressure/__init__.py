"""Acupressure: a sourced point atlas, safe routines and guided sessions for back pain."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("acupressure")
except PackageNotFoundError:  # running from a source tree that is not installed
    __version__ = "0.0.0"
