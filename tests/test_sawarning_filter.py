"""A warning from SQLAlchemy fails the test that caused it, in every process that runs tests (tests/conftest.py)."""

from __future__ import annotations

import warnings

import pytest


def test_a_sqlalchemy_warning_is_an_error() -> None:
    from sqlalchemy.exc import SAWarning

    with pytest.raises(SAWarning):
        warnings.warn("a relationship overlaps another", SAWarning, stacklevel=1)
