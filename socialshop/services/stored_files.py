"""Files stored next to database rows (photos, avatars): the transaction decides when they go.

A new file is removed if its unit of work rolls back; a replaced or deleted file is removed only
once the change is committed. A savepoint ending inside the unit of work decides nothing.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from pathlib import Path

from sqlalchemy import event
from sqlalchemy.orm import SessionTransaction
from sqlmodel import Session

from socialshop.services import media


def when_settled(
    session: Session,
    *,
    committed: Callable[[], None] | None = None,
    rolled_back: Callable[[], None] | None = None,
) -> None:
    """Call `committed` when the unit of work open now commits, or `rolled_back` when the
    transaction open now (or one around it) rolls back; at most once, and never for a later one."""
    current = session.get_nested_transaction() or session.get_transaction()
    settled = False

    def on_rollback(_session: Session, transaction: SessionTransaction) -> None:
        nonlocal settled
        enclosing = current
        while enclosing is not None and enclosing is not transaction:
            enclosing = enclosing.parent
        if not settled and enclosing is not None:
            settled = True
            if rolled_back is not None:
                rolled_back()

    def on_commit(committing: Session) -> None:
        nonlocal settled
        if not settled and not committing.in_nested_transaction():
            settled = True
            if committed is not None:
                committed()

    event.listen(session, "after_soft_rollback", on_rollback)
    event.listen(session, "after_commit", on_commit)


def remove_files(files: Iterable[str | None], uploads_dir: Path) -> None:
    for name in files:
        media.remove_stored(name, uploads_dir=uploads_dir)


def discard_if_rolled_back(session: Session, files: list[str], uploads_dir: Path) -> None:
    """New files: gone again if the rows that point at them are never committed."""
    if files:
        when_settled(session, rolled_back=lambda: remove_files(files, uploads_dir))


def discard_once_committed(session: Session, files: list[str | None], uploads_dir: Path) -> None:
    """Replaced or deleted files: gone only once nothing can point at them any more."""
    if any(files):
        when_settled(session, committed=lambda: remove_files(files, uploads_dir))


def replace_when_settled(session: Session, previous: str | None, stored: str, uploads_dir: Path) -> None:
    """A file swapped for a new one (an avatar, a logo): how the transaction ends decides which goes.
    A commit drops the old one, a rollback the new one, so a failed save loses nothing and leaves
    no orphan behind."""
    when_settled(
        session,
        committed=lambda: remove_files([previous], uploads_dir),
        rolled_back=lambda: remove_files([stored], uploads_dir),
    )
