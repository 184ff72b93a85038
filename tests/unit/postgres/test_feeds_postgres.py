"""Every feed and card behaviour of tests/unit/services/social/ (test_feeds, test_cards), on PostgreSQL.

The feeds are hand-written SQL with a few spellings per database (`services/dialects.py`), so those
suites run on both: same people, same posts, same expectations.
"""

from __future__ import annotations

import pytest
from sqlmodel import Session

from tests.unit.services.social.conftest import kai, mara, olek, pia  # noqa: F401  (fixtures)
from tests.unit.services.social.test_cards import *  # noqa: F403  (the tests themselves)
from tests.unit.services.social.test_feeds import *  # noqa: F403


@pytest.fixture
def session(pg_session: Session) -> Session:
    return pg_session
from tests.unit.services.social.test_ranking import (  # noqa: F401, E402
    test_the_sql_rendering_follows_every_constant,
    test_the_sql_rendering_scores_like_the_python_formula,
)
