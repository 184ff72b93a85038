"""Reading which column a unique-constraint error is about, on both databases."""

from __future__ import annotations

import pytest

from socialshop.services.errors import violates_unique


class DriverError(Exception):
    """What SQLAlchemy's IntegrityError carries as `.orig`."""


class IntegrityErrorLike(Exception):
    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.orig = DriverError(message)


SQLITE_EMAIL = "UNIQUE constraint failed: user_account.email"
POSTGRES_USERNAME = (
    'duplicate key value violates unique constraint "ix_user_account_username"\n'
    "DETAIL:  Key (username)=(my_email) already exists."  # the value names the other column
)


@pytest.mark.parametrize(
    ("message", "column", "expected"),
    [
        (SQLITE_EMAIL, "email", True),
        (SQLITE_EMAIL, "username", False),
        (POSTGRES_USERNAME, "username", True),
        (POSTGRES_USERNAME, "email", False),
    ],
)
def test_the_column_is_read_from_the_shape_of_the_message_not_any_word_in_it(
    message: str, column: str, expected: bool
) -> None:
    assert violates_unique(IntegrityErrorLike(message), "user_account", column) is expected
