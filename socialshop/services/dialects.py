"""The few SQL spellings that differ between SQLite (the default) and PostgreSQL.

Hot read paths (the feeds) are hand-written SQL, because building ORM statements and objects costs
several times what the database itself spends on a page. They are written once, in the SQL both
databases share, and take the handful of spellings that differ from here.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlmodel import Session


@dataclass(frozen=True)
class SqlDialect:
    name: str
    greatest: str  # two-argument maximum (SQLite's max() is NULL if either is: use on NOT NULL values)
    power: str
    json_array: str  # builds one JSON array from its arguments
    json_array_agg: str  # aggregates JSON values into one array
    real_cast: str  # a literal turned into a double, so arithmetic is floating point on both

    def real(self, value: float) -> str:
        """A float literal that both databases compute in double precision (PostgreSQL would use numeric)."""
        return self.real_cast.format(repr(float(value)))

    def json_rows(self, *columns: str) -> str:
        """An aggregate: one JSON array holding `[columns...]` for each row of the group.

        With no rows, SQLite gives '[]' and PostgreSQL NULL: readers treat both as empty."""
        return f"{self.json_array_agg}({self.json_array}({', '.join(columns)}))"

    def hours_between(self, later: str, earlier: str) -> str:
        if self.name == "sqlite":
            return f"((julianday({later}) - julianday({earlier})) * 24.0)"
        return f"(EXTRACT(EPOCH FROM ({later} - {earlier}))::float8 / 3600.0)"


SQLITE = SqlDialect(
    name="sqlite", greatest="max", power="pow", json_array="json_array", json_array_agg="json_group_array",
    real_cast="{}",
)
POSTGRESQL = SqlDialect(
    name="postgresql", greatest="greatest", power="power", json_array="json_build_array",
    json_array_agg="json_agg", real_cast="{}::float8",
)


_BY_NAME = {SQLITE.name: SQLITE, POSTGRESQL.name: POSTGRESQL}


def dialect_of(session: Session) -> SqlDialect:
    name = session.get_bind().dialect.name
    try:
        return _BY_NAME[name]
    except KeyError:
        raise NotImplementedError(f"socialshop runs on SQLite or PostgreSQL, not {name}") from None
