"""Expect a form to be refused field by field: `with invalid(price=C.PRICE_INVALID): save(...)`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

import pytest

from socialshop.services.errors import ValidationFailed
from tests.unit.services.social.refusals import refused

__all__ = ["invalid", "refused"]


@contextmanager
def invalid(**expected: StrEnum) -> Iterator[None]:
    """Field names with dots (variants.0.sku) are passed as double underscores (variants__0__sku)."""
    with pytest.raises(ValidationFailed) as failure:
        yield
    errors = failure.value.errors
    for name, code in expected.items():
        field = name.replace("__", ".")
        assert errors.get(field) == code, errors
