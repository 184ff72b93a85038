"""Errors as values: a use-case refuses with a code (an enum per domain) the UI maps to words."""

from __future__ import annotations

from enum import StrEnum


class CommonErrorCode(StrEnum):
    """Refusals that belong to no one domain."""

    # A value the database cannot hold: an id past 64 bits from a hand-made request, say.
    OUT_OF_RANGE = "out_of_range"


class DomainError(Exception):
    """A use-case refused. `code` says why; `field` names the input to blame, if any."""

    def __init__(self, code: StrEnum, field: str | None = None) -> None:
        super().__init__(code.value)
        self.code = code
        self.field = field


class ValidationFailed(DomainError):
    """Several inputs are wrong at once; `errors` maps each field to its code."""

    def __init__(self, errors: dict[str, StrEnum]) -> None:
        field, code = next(iter(errors.items()))
        super().__init__(code, field)
        self.errors = errors


def violates_unique(exc: Exception, table: str, column: str) -> bool:
    """Whether a database unique-constraint error (IntegrityError) is about this column: SQLite names
    `table.column`, PostgreSQL says `Key (column)=(value)`. Matched by shape, since the value itself
    may contain any word."""
    message = str(getattr(exc, "orig", exc))
    return f"{table}.{column}" in message or f"Key ({column})=" in message
