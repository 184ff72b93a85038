"""/login and /signup."""

from __future__ import annotations

import reflex as rx

from socialshop import routes, styles
from socialshop.components.common import field_error, form_field, user_avatar
from socialshop.components.layout import page
from socialshop.schemas.accounts import DemoPersona
from socialshop.states.auth import AuthState


def form_card(title: str, subtitle: str, *children: rx.Component) -> rx.Component:
    return rx.center(
        rx.card(
            rx.vstack(
                rx.heading(title, size="7"),
                rx.text(subtitle, color_scheme="gray"),
                *children,
                spacing="4",
                width="100%",
            ),
            size="4",
            width="100%",
            max_width=styles.FORM_MAX_WIDTH,
        ),
        width="100%",
        padding_y=["8px", "24px"],
    )


def form_alert() -> rx.Component:
    return rx.cond(
        AuthState.form_error != "",
        rx.callout(AuthState.form_error, icon="triangle-alert", color_scheme="red", role="alert", width="100%"),
    )


def persona_button(persona: DemoPersona) -> rx.Component:
    return rx.button(
        user_avatar(persona.avatar_url, persona.initials, size="1"),
        rx.vstack(
            rx.text(persona.display_name, size="2", weight="medium"),
            rx.text(persona.tagline, size="1", color_scheme="gray"),
            spacing="0",
            align="start",
        ),
        on_click=AuthState.continue_as(persona.username),
        variant="surface",
        color_scheme="gray",
        size="3",
        justify="start",
        width="100%",
        height="auto",
        padding_y="8px",
        aria_label="Continue as " + persona.display_name,
    )


def demo_personas() -> rx.Component:
    return rx.cond(
        AuthState.demo_mode & (AuthState.personas.length() > 0),
        rx.vstack(
            rx.hstack(
                rx.separator(size="4"),
                rx.text("or try a demo persona", size="1", color_scheme="gray", white_space="nowrap"),
                rx.separator(size="4"),
                align="center",
                width="100%",
            ),
            rx.grid(
                rx.foreach(AuthState.personas, persona_button),
                columns=rx.breakpoints(initial="1", sm="2"),
                spacing="2",
                width="100%",
            ),
            spacing="3",
            width="100%",
            id="demo-personas",
        ),
    )


@page(route=routes.LOGIN, title="Log in", on_load=AuthState.load_login)
def login_page() -> rx.Component:
    return form_card(
        "Welcome back",
        "Log in to see what your friends are buying.",
        form_alert(),
        rx.form(
            rx.vstack(
                form_field(
                    "Username or email",
                    "identifier",
                    AuthState.field_errors.get("identifier", ""),
                    autocomplete="username",
                    placeholder="mara or mara@example.com",
                ),
                form_field(
                    "Password",
                    "password",
                    AuthState.field_errors.get("password", ""),
                    type="password",
                    autocomplete="current-password",
                ),
                rx.el.label(
                    rx.hstack(
                        rx.checkbox(name="remember", id="remember"),
                        rx.text("Remember me for 30 days", size="2"),
                        align="center",
                    ),
                ),
                rx.button(
                    "Log in",
                    type="submit",
                    size="3",
                    width="100%",
                    loading=AuthState.submitting,
                ),
                spacing="4",
                width="100%",
            ),
            on_submit=AuthState.log_in,
            reset_on_submit=False,
            no_validate=True,
            width="100%",
        ),
        rx.text(
            "New here? ",
            rx.link("Create an account", href=routes.SIGNUP),
            size="2",
            align="center",
            width="100%",
        ),
        demo_personas(),
    )


@page(route=routes.SIGNUP, title="Sign up", on_load=AuthState.load_signup)
def signup_page() -> rx.Component:
    errors = AuthState.field_errors
    return form_card(
        "Join socialshop",
        "Share what you love, and shop what your friends love.",
        form_alert(),
        rx.form(
            rx.vstack(
                form_field("Username", "username", errors.get("username", ""),
                           placeholder="mara_makes", autocomplete="username",
                           hint="3–30 characters: letters, numbers, underscores.", max_length=30),
                form_field("Display name", "display_name", errors.get("display_name", ""),
                           placeholder="Mara Lind", autocomplete="name", max_length=50),
                form_field("Email", "email", errors.get("email", ""), type="email",
                           placeholder="you@example.com", autocomplete="email"),
                form_field("Password", "password", errors.get("password", ""), type="password",
                           autocomplete="new-password", hint="At least 8 characters."),
                rx.button("Create account", type="submit", size="3", width="100%",
                          loading=AuthState.submitting),
                field_error(errors.get("form", "")),
                spacing="4",
                width="100%",
            ),
            on_submit=AuthState.sign_up,
            reset_on_submit=False,
            no_validate=True,
            width="100%",
        ),
        rx.text(
            "Already have an account? ",
            rx.link("Log in", href=routes.LOGIN),
            size="2",
            align="center",
            width="100%",
        ),
    )
