"""The people of the commerce tests: mara and olek sell, pia shops and posts, kai is a stranger."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from socialshop.models.accounts import User
from tests.factories import make_shop, make_user
from tests.unit.services.catalog.database import engine, schema_template  # noqa: F401  (faster engine)


@pytest.fixture
def mara(session: Session) -> User:
    """A seller: mara_studio, prices in euros."""
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
    """A shopper and creator without a shop."""
    return make_user(session, "pia")


@pytest.fixture
def kai(session: Session) -> User:
    return make_user(session, "kai")
