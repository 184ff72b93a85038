"""/notifications: likes, comments, follows and mentions (activity arrives with the feed work)."""

import reflex as rx

from socialshop import routes
from socialshop.components.common import empty_state, page_heading
from socialshop.components.layout import page
from socialshop.states.session import SessionState


@page(route=routes.NOTIFICATIONS, title="Activity", on_load=SessionState.require_login)
def notifications_page() -> rx.Component:
    return rx.vstack(
        page_heading("Activity"),
        empty_state("bell", "You're all caught up",
                    "When people like, comment on or share your posts, you'll see it here."),
        spacing="5",
        width="100%",
    )
