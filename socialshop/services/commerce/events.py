"""The funnel's raw material: tag impressions, sheet opens, variant picks, adds to cart."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import insert
from sqlmodel import Session

from socialshop.models.accounts import utcnow
from socialshop.models.commerce import CommerceEvent, CommerceEventKind


@dataclass(frozen=True)
class EventInput:
    kind: CommerceEventKind
    product_id: int
    post_id: int | None = None
    variant_id: int | None = None


def record(*, session: Session, user_id: int | None, visitor: str, events: list[EventInput]) -> int:
    """Insert a batch of events with one statement; returns how many."""
    if not events:
        return 0
    now = utcnow()
    session.exec(
        insert(CommerceEvent),
        params=[
            {
                "user_id": user_id, "visitor": visitor[:64], "post_id": e.post_id, "product_id": e.product_id,
                "variant_id": e.variant_id, "kind": e.kind.value, "created_at": now,
            }
            for e in events
        ],
    )
    return len(events)
