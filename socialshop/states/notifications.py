"""The activity page: recent notifications; opening it marks them read."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from socialshop.schemas.social import NotificationView
from socialshop.services.social import notifications
from socialshop.states.session import SessionState, in_session


class NotificationsState(SessionState):
    items: list[NotificationView] = []
    loading: bool = True

    @rx.event
    async def load_notifications(self):
        self.loading = True
        await self.load_viewer()
        if not self.signed_in:
            return self._login_redirect()

        def work(session: Session) -> list[NotificationView]:
            actor = self._actor(session)
            return notifications.recent(session=session, user=actor) if actor else []

        self.items = await in_session(work)
        self.loading = False

    @rx.event
    async def mark_all_read(self):
        def work(session: Session) -> None:
            actor = self._actor(session)
            if actor is not None:
                notifications.mark_all_read(session=session, user=actor)

        await in_session(work)
        self.items = [
            NotificationView(**{**item.__dict__, "unread": False}) for item in self.items
        ]
        self.unread_count = 0
