"""The sellers of the catalog, commerce and search tests: mara runs mara_studio, olek olek_goods.

Import the fixtures into a conftest (or a test module) to use them.
"""

from __future__ import annotations

import pytest
from sqlmodel import Session

from socialshop.models.accounts import User
from tests.factories import make_shop, make_user


@pytest.fixture
def mara(session: Session) -> User:
    """A seller: her shop is mara_studio, prices in euros."""
    user = make_user(session, "mara")
    make_shop(session, user, "mara_studio", name="Mara Studio")
    return user


@pytest.fixture
def olek(session: Session) -> User:
    """Another seller: olek_goods."""
    user = make_user(session, "olek")
    make_shop(session, user, "olek_goods", name="Olek Goods")
    return user
