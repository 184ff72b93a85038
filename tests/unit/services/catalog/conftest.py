"""The people of the catalog tests: mara and olek run shops, pia is a member without one."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from socialshop.models.accounts import User
from tests.factories import make_user
from tests.unit.services.catalog.database import engine, schema_template  # noqa: F401  (faster engine)
from tests.unit.services.catalog.sellers import mara, olek  # noqa: F401  (fixtures)


@pytest.fixture
def pia(session: Session) -> User:
    """A member who never opened a shop."""
    return make_user(session, "pia")
