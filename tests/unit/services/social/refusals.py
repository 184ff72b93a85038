"""Expect a use-case to refuse: `with refused(S.NOT_YOUR_POST): edit_post(...)`."""

from __future__ import annotations

from collections.abc import Iterator
from contextlib import contextmanager
from enum import StrEnum

import pytest

from socialshop.services.errors import DomainError


@contextmanager
def refused(code: StrEnum) -> Iterator[None]:
    with pytest.raises(DomainError) as refusal:
        yield
    assert refusal.value.code == code
