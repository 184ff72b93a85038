"""/ : the feed (Following and For You) for members, a welcome plus For You for guests."""

from __future__ import annotations

import reflex as rx

from socialshop import routes, styles
from socialshop.components.common import empty_state, person_row
from socialshop.components.compose import compose_prompt
from socialshop.components.layout import page
from socialshop.components.post_card import post_list
from socialshop.schemas.accounts import PersonCard
from socialshop.states.feed import FOLLOWING, FOR_YOU, FeedState
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
            padding_y=["32px", "40px", "56px"],
            padding_x=["8px", "16px", "32px"],
        ),
        background=styles.HERO_BACKGROUND,
        border_radius="24px",
        width="100%",
    )


def suggestion(person: PersonCard) -> rx.Component:
    return person_row(
        person,
        avatar_size="2",
        action=rx.button("Follow", size="1", variant="soft", on_click=FeedState.follow_suggestion(person.username),
                         aria_label="Follow " + person.display_name),
    )


def suggestions_card() -> rx.Component:
    return rx.cond(
        SessionState.signed_in & (FeedState.suggestions.length() > 0),
        rx.card(
            rx.vstack(
                rx.text("People to follow", weight="bold", size="2"),
                rx.foreach(FeedState.suggestions, suggestion),
                spacing="3",
                width="100%",
            ),
            width="100%",
        ),
    )


def feed_tabs() -> rx.Component:
    return rx.tabs.root(
        rx.tabs.list(
            rx.tabs.trigger("Following", value=FOLLOWING),
            rx.tabs.trigger("For You", value=FOR_YOU),
            size="2",
        ),
        value=FeedState.tab,
        on_change=FeedState.switch_tab,
        width="100%",
    )


def feed_empty() -> rx.Component:
    return rx.cond(
        FeedState.tab == FOLLOWING,
        empty_state(
            "users",
            "Follow a few people to fill your feed",
            "Posts from people you follow show up here, newest first. Try For You, or follow "
            "someone from the suggestions.",
            rx.button("See For You", on_click=FeedState.switch_tab(FOR_YOU)),
        ),
        empty_state("sparkles", "Nothing new right now",
                    "Be the first: share a find, an outfit or a room."),
    )


def feed_column() -> rx.Component:
    return rx.vstack(
        rx.cond(SessionState.signed_in, compose_prompt()),
        rx.cond(SessionState.signed_in, feed_tabs(),
                rx.heading("Popular right now", size="5")),
        post_list(FeedState, feed_empty()),
        spacing="4",
        width="100%",
        max_width=styles.NARROW_MAX_WIDTH,
        min_width="0",
    )


@page(route=routes.HOME, title="", on_load=FeedState.load_feed)
def home_page() -> rx.Component:
    return rx.vstack(
        rx.cond(SessionState.viewer_loaded & ~SessionState.signed_in, welcome_hero()),
        rx.hstack(
            feed_column(),
            rx.desktop_only(
                rx.box(suggestions_card(), width="300px", position="sticky", top="84px"),
            ),
            spacing="6",
            align="start",
            justify="center",
            width="100%",
        ),
        spacing="6",
        width="100%",
    )
