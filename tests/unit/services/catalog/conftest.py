"""The people of the catalog tests: mara and olek run shops, pia is a member without one."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from socialshop.models.accounts import User
from tests.factories import make_shop, make_user
from tests.unit.services.catalog.database import engine, schema_template  # noqa: F401  (faster engine)


@pytest.fixture
def mara(session: Session) -> User:
    """A seller: her shop is mara_studio."""
    user = make_user(session, "mara")
    make_shop(session, user, "mara_studio", name="Mara Studio")
    return user


@pytest.fixture
def olek(session: Session) -> User:
    """Another seller: olek_goods."""
    user = make_user(session, "olek")
    make_shop(session, user, "olek_goods", name="Olek Goods")
    return user


@pytest.fixture
def pia(session: Session) -> User:
    """A member who never opened a shop."""
    return make_user(session, "pia")
