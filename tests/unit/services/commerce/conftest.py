"""The people of the commerce tests: mara and olek sell, pia shops and posts, kai is a stranger."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from socialshop.models.accounts import User
from tests.factories import make_user
from tests.unit.services.catalog.database import engine, schema_template  # noqa: F401  (faster engine)
from tests.unit.services.catalog.sellers import mara, olek  # noqa: F401  (fixtures)


@pytest.fixture
def pia(session: Session) -> User:
    """A shopper and creator without a shop."""
    return make_user(session, "pia")


@pytest.fixture
def kai(session: Session) -> User:
    return make_user(session, "kai")
