"""Building blocks every page uses: avatars, empty states, skeletons, form fields."""

from __future__ import annotations

import reflex as rx

from socialshop import routes, styles
from socialshop.schemas.accounts import PersonCard


def user_avatar(src: rx.Var | str, initials: rx.Var | str, size: str = "3") -> rx.Component:
    return rx.avatar(src=src, fallback=initials, size=size, radius="full", color_scheme=styles.ACCENT)


def person_identity(person: PersonCard, avatar_size: str = "3") -> rx.Component:
    """Avatar, name and @handle."""
    return rx.hstack(
        user_avatar(person.avatar_url, person.initials, size=avatar_size),
        rx.vstack(rx.text(person.display_name, weight="bold", size="2"),
                  rx.text("@", person.username, size="1", color_scheme="gray"), spacing="0", min_width="0"),
        align="center",
    )


def person_row(
    person: PersonCard, padding: str = "0", *, avatar_size: str = "3", action: rx.Component | None = None
) -> rx.Component:
    """A person linking to their profile (people lists, search, suggestions), with an optional
    button at the end of the row (Follow)."""
    link = rx.link(
        rx.box(person_identity(person, avatar_size), padding=padding),
        href=routes.PROFILE_PREFIX + person.username,
        underline="none",
        color="inherit",
        min_width="0",
    )
    if action is None:
        return link
    return rx.hstack(link, rx.spacer(), action, width="100%", align="center")


def empty_state(
    icon: str, title: str, body: str, action: rx.Component | None = None
) -> rx.Component:
    """What a list shows when there is nothing yet: what it is and what to do next."""
    return rx.card(
        rx.vstack(
            rx.center(
                rx.icon(icon, size=28, color=rx.color(styles.ACCENT, 10)),
                width="56px",
                height="56px",
                border_radius="50%",
                background=rx.color(styles.ACCENT, 3),
            ),
            rx.heading(title, size="4", align="center"),
            rx.text(body, color_scheme="gray", align="center", max_width="420px"),
            *([action] if action is not None else []),
            align="center",
            spacing="3",
            padding_y="32px",
        ),
        width="100%",
        variant="surface",
    )


def skeleton_lines(count: int = 3) -> rx.Component:
    return rx.vstack(
        *[rx.skeleton(rx.box(height="16px", width=f"{90 - 15 * i}%"), loading=True) for i in range(count)],
        spacing="2",
        width="100%",
    )


def field_error(message: rx.Var) -> rx.Component:
    return rx.cond(
        message != "",
        rx.text(message, size="1", color_scheme="red", role="alert", class_name="field-error"),
    )


def field_label(text: str, html_for: str) -> rx.Component:
    """A real <label for=...>, so clicking it focuses the input and screen readers name the field."""
    return rx.el.label(rx.text(text, size="2", weight="medium"), html_for=html_for)


def form_field(
    label: str,
    name: str,
    error: rx.Var,
    *,
    type: str = "text",
    placeholder: str = "",
    default_value: rx.Var | str | None = None,
    hint: str = "",
    autocomplete: str = "",
    max_length: int | None = None,
    required: bool = False,
) -> rx.Component:
    """A labelled input with its own error line under it."""
    props = {}
    if default_value is not None:
        props["default_value"] = default_value
    if max_length is not None:
        props["max_length"] = max_length
    if autocomplete:
        props["auto_complete"] = autocomplete
    return rx.vstack(
        field_label(label, name),
        rx.input(
            id=name,
            name=name,
            type=type,
            placeholder=placeholder,
            size="3",
            width="100%",
            required=required,
            color_scheme=rx.cond(error != "", "red", styles.ACCENT),
            aria_invalid=rx.cond(error != "", "true", "false"),
            **props,
        ),
        field_error(error),
        *([rx.text(hint, size="1", color_scheme="gray")] if hint else []),
        spacing="1",
        width="100%",
        align="stretch",
    )


def page_heading(title: str | rx.Var, subtitle: str | rx.Var = "") -> rx.Component:
    return rx.vstack(
        rx.heading(title, size="7", weight="bold"),
        rx.cond(subtitle != "", rx.text(subtitle, color_scheme="gray", size="3")),
        spacing="1",
        width="100%",
    )
