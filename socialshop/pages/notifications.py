"""/notifications: likes, comments, replies, follows, mentions and shares."""

import reflex as rx

from socialshop import styles
from socialshop.components.common import empty_state, page_heading, user_avatar
from socialshop.components.layout import page
from socialshop.schemas.social import NotificationView
from socialshop.states.notifications import NotificationsState

KIND_ICONS = {
    "like": ("heart", "red"),
    "comment": ("message-circle", "blue"),
    "reply": ("reply", "blue"),
    "follow": ("user-plus", "green"),
    "mention": ("at-sign", "violet"),
    "share": ("send", "amber"),
    "repost": ("repeat-2", "teal"),
}


def kind_icon(kind: rx.Var) -> rx.Component:
    return rx.match(
        kind,
        *[(name, rx.icon(icon, size=14, color=rx.color(color, 10))) for name, (icon, color) in KIND_ICONS.items()],
        rx.icon("bell", size=14),
    )


def notification_row(item: NotificationView) -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.box(
                user_avatar(item.actor.avatar_url, item.actor.initials, size="3"),
                rx.center(kind_icon(item.kind), position="absolute", bottom="-4px", right="-4px",
                          width="22px", height="22px", border_radius="50%", background=rx.color("gray", 1),
                          border=f"1px solid {rx.color('gray', 5)}"),
                position="relative",
            ),
            rx.vstack(
                rx.text(rx.text.strong(item.actor.display_name), " ", item.text, size="2"),
                rx.cond(item.excerpt != "", rx.text(item.excerpt, size="1", color_scheme="gray", trim="end")),
                spacing="0",
                flex="1",
                min_width="0",
            ),
            rx.text(item.age, size="1", color_scheme="gray"),
            rx.cond(item.unread, rx.box(width="8px", height="8px", border_radius="50%",
                                        background=rx.color(styles.ACCENT, 9), aria_label="unread")),
            align="center",
            spacing="3",
            width="100%",
            padding="12px",
            border_radius="12px",
            background=rx.cond(item.unread, rx.color(styles.ACCENT, 2), "transparent"),
        ),
        href=item.href,
        underline="none",
        color="inherit",
        width="100%",
        class_name="notification",
    )


@page(route="/notifications", title="Activity", on_load=NotificationsState.load_notifications)
def notifications_page() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            page_heading("Activity"),
            rx.button("Mark all as read", variant="soft", on_click=NotificationsState.mark_all_read,
                      disabled=NotificationsState.unread_count == 0),
            justify="between",
            align="center",
            width="100%",
        ),
        rx.cond(
            NotificationsState.loading,
            rx.center(rx.spinner(size="3"), padding="32px", width="100%"),
            rx.cond(
                NotificationsState.items.length() > 0,
                rx.card(rx.vstack(rx.foreach(NotificationsState.items, notification_row), spacing="1",
                                  width="100%"), width="100%"),
                empty_state("bell", "You're all caught up",
                            "When people like, comment on, share or mention your posts, you'll see it here."),
            ),
        ),
        spacing="5",
        width="100%",
        max_width=styles.NARROW_MAX_WIDTH,
        margin_x="auto",
    )
