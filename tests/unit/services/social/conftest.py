"""The people of the social tests: mara posts, olek reacts, pia is a third party, kai a stranger."""

from __future__ import annotations

import pytest
from sqlmodel import Session

from socialshop.models.accounts import User
from tests.factories import make_user


@pytest.fixture
def mara(session: Session) -> User:
    return make_user(session, "mara")


@pytest.fixture
def olek(session: Session) -> User:
    return make_user(session, "olek")


@pytest.fixture
def pia(session: Session) -> User:
    return make_user(session, "pia")


@pytest.fixture
def kai(session: Session) -> User:
    """Someone nobody follows."""
    return make_user(session, "kai")
