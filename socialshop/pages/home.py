"""/ : the feed for members, a welcome for guests."""

from __future__ import annotations

import reflex as rx

from socialshop import routes, styles
from socialshop.components.common import empty_state
from socialshop.components.layout import page
from socialshop.states.session import SessionState


def welcome_hero() -> rx.Component:
    return rx.box(
        rx.vstack(
            rx.badge("Social commerce, in one place", variant="soft", size="2"),
            rx.heading(
                "Shop what the people you follow love.",
                size=rx.breakpoints(initial="8", md="9"),
                weight="bold",
                letter_spacing="-0.03em",
                max_width="720px",
            ),
            rx.text(
                "Follow creators and friends, tap a product in their photos, read honest reviews, "
                "ask the community, and check out without leaving the feed.",
                size="4",
                color_scheme="gray",
                max_width="620px",
            ),
            rx.hstack(
                rx.link(rx.button("Create your account", size="4"), href=routes.SIGNUP),
                rx.link(rx.button("Log in or try a persona", size="4", variant="soft"), href=routes.LOGIN),
                spacing="3",
                wrap="wrap",
            ),
            spacing="5",
            padding_y=["32px", "48px", "72px"],
            padding_x=["8px", "16px", "32px"],
        ),
        background=styles.HERO_BACKGROUND,
        border_radius="24px",
        width="100%",
    )


def feature(icon: str, title: str, body: str) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.icon(icon, size=22, color=rx.color(styles.ACCENT, 10)),
            rx.heading(title, size="3"),
            rx.text(body, size="2", color_scheme="gray"),
            spacing="2",
        ),
        size="2",
    )


def guest_home() -> rx.Component:
    return rx.vstack(
        welcome_hero(),
        rx.grid(
            feature("images", "Shoppable posts", "Tap a tagged product in a photo and buy it right there."),
            feature("star", "Reviews you can trust", "Verified-purchase reviews, ratings and community Q&A."),
            feature("messages-square", "A real community", "Forums to ask for advice before you buy."),
            columns=rx.breakpoints(initial="1", sm="3"),
            spacing="4",
            width="100%",
        ),
        spacing="6",
        width="100%",
    )


def member_home() -> rx.Component:
    return rx.vstack(
        rx.heading("Hi, ", SessionState.viewer.display_name, size="6", id="feed-greeting"),
        empty_state(
            "sparkles",
            "Your feed is warming up",
            "Posts from people you follow will appear here. Meanwhile, complete your profile "
            "so people know who you are.",
            rx.link(rx.button("Complete your profile"), href=routes.PROFILE_EDIT),
        ),
        spacing="4",
        width="100%",
        max_width=styles.NARROW_MAX_WIDTH,
        margin_x="auto",
    )


@page(route=routes.HOME, title="")
def home_page() -> rx.Component:
    return rx.cond(
        SessionState.viewer_loaded,
        rx.cond(SessionState.signed_in, member_home(), guest_home()),
        rx.center(rx.spinner(size="3"), padding_y="80px", width="100%"),
    )
