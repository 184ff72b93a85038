"""/search?q=... : one search page for everything; people today."""

from __future__ import annotations

import reflex as rx

from socialshop import routes, styles
from socialshop.components.common import empty_state, page_heading, user_avatar
from socialshop.components.layout import page
from socialshop.schemas.accounts import PersonCard
from socialshop.states.search import SearchState


def person_row(person: PersonCard) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(
                user_avatar(person.avatar_url, person.initials, size="4"),
                rx.vstack(
                    rx.text(person.display_name, weight="bold"),
                    rx.text("@", person.username, size="2", color_scheme="gray"),
                    rx.text(person.bio, size="2", trim="end", max_width="100%", overflow="hidden",
                            white_space="nowrap", text_overflow="ellipsis"),
                    spacing="0",
                    min_width="0",
                ),
                spacing="3",
                align="center",
            ),
            width="100%",
        ),
        href=routes.PROFILE_PREFIX + person.username,
        underline="none",
        color="inherit",
        width="100%",
    )


@page(route=routes.SEARCH, title="Search", on_load=SearchState.load_results)
def search_page() -> rx.Component:
    return rx.vstack(
        page_heading("Search"),
        rx.form(
            rx.hstack(
                rx.input(name="q", default_value=SearchState.query, placeholder="Search people…",
                         size="3", width="100%", key=SearchState.query, aria_label="Search query"),
                rx.button("Search", type="submit", size="3"),
                width="100%",
            ),
            on_submit=SearchState.submit,
            reset_on_submit=False,
            width="100%",
        ),
        rx.cond(
            SearchState.searching,
            rx.center(rx.spinner(size="3"), padding="24px", width="100%"),
            rx.cond(
                SearchState.query == "",
                empty_state("search", "Find people to follow",
                            "Type a name or @username. Products, posts and tags join the results soon."),
                rx.cond(
                    SearchState.people.length() > 0,
                    rx.vstack(
                        rx.text("People", weight="bold", size="2", color_scheme="gray"),
                        rx.foreach(SearchState.people, person_row),
                        spacing="2",
                        width="100%",
                    ),
                    empty_state("search-x", "No matches",
                                "Check the spelling, or try part of a name."),
                ),
            ),
        ),
        spacing="4",
        width="100%",
        max_width=styles.NARROW_MAX_WIDTH,
        margin_x="auto",
    )
