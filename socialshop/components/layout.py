"""The shell (navbar, phone tab bar, footer) and the one decorator that registers a page in it."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

import reflex as rx

from socialshop import routes, styles
from socialshop.components.common import user_avatar
from socialshop.components.compose import compose_dialog
from socialshop.components.product import product_sheet
from socialshop.components.tag_editor import tag_editor_dialog
from socialshop.states.compose import ComposeState
from socialshop.states.search import SearchState
from socialshop.states.session import SessionState
from socialshop.states.shopping import ShopperState


@dataclass(frozen=True)
class PageSpec:
    route: str
    title: str
    component: Callable[[], rx.Component]
    on_load: Any


PAGES: list[PageSpec] = []


def page(route: str, title: str, on_load: Any = None) -> Callable:
    """Register a page: wraps it in the shell; every page loads the viewer unless its loader does."""

    def decorator(render: Callable[[], rx.Component]) -> Callable[[], rx.Component]:
        def wrapped() -> rx.Component:
            return shell(render())

        wrapped.__name__ = render.__name__
        PAGES.append(
            PageSpec(
                route=route,
                title=f"{title} · socialshop" if title else "socialshop",
                component=wrapped,
                # Overlays (the product sheet, the composer) never follow you to another page.
                on_load=[
                    ShopperState.close_sheet,
                    ComposeState.close_composer,
                    on_load if on_load is not None else SessionState.load_viewer,
                ],
            )
        )
        return wrapped

    return decorator


def logo() -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.center(
                rx.icon("shopping-bag", size=18, color="white"),
                width="32px",
                height="32px",
                border_radius="10px",
                background=styles.LOGO_GRADIENT,
            ),
            rx.text("socialshop", weight="bold", size="5", letter_spacing="-0.02em"),
            align="center",
            spacing="2",
        ),
        href=routes.HOME,
        underline="none",
        color=rx.color("gray", 12),
        aria_label="socialshop home",
    )


def search_box() -> rx.Component:
    return rx.form(
        rx.input(
            rx.input.slot(rx.icon("search", size=16)),
            name="q",
            placeholder="Search socialshop…",
            type="search",
            size="2",
            radius="full",
            width="100%",
            aria_label="Search",
        ),
        on_submit=SearchState.submit,
        width="100%",
        reset_on_submit=False,
    )


def counter_badge(count: rx.Var, label: str) -> rx.Component:
    return rx.cond(
        count > 0,
        rx.badge(
            count,
            variant="solid",
            radius="full",
            size="1",
            position="absolute",
            top="-6px",
            right="-8px",
            aria_label=label,
        ),
    )


def icon_link(icon: str, href: str, label: str, count: rx.Var | None = None) -> rx.Component:
    return rx.link(
        rx.box(
            rx.icon(icon, size=22),
            *([counter_badge(count, label)] if count is not None else []),
            position="relative",
            display="flex",
        ),
        href=href,
        color=rx.color("gray", 12),
        aria_label=label,
        title=label,
        padding="6px",
    )


def nav_link(text: str, href: str, icon: str) -> rx.Component:
    return rx.link(
        rx.hstack(rx.icon(icon, size=16), rx.text(text, size="2", weight="medium"), spacing="1", align="center"),
        href=href,
        color=rx.color("gray", 11),
        underline="none",
        _hover={"color": rx.color(styles.ACCENT, 11)},
    )


def theme_toggle_item() -> rx.Component:
    return rx.menu.item(
        rx.hstack(rx.color_mode_cond(rx.icon("moon", size=14), rx.icon("sun", size=14)),
                  rx.color_mode_cond("Dark mode", "Light mode")),
        on_click=rx.toggle_color_mode,
    )


def profile_menu() -> rx.Component:
    viewer = SessionState.viewer
    return rx.menu.root(
        rx.menu.trigger(
            rx.button(
                user_avatar(viewer.avatar_url, viewer.initials, size="2"),
                variant="ghost",
                radius="full",
                padding="0",
                aria_label="Account menu for " + viewer.display_name,
                id="account-menu",
            )
        ),
        rx.menu.content(
            rx.menu.item(
                rx.vstack(
                    rx.text(viewer.display_name, weight="bold", size="2"),
                    rx.text("@", viewer.username, size="1", color_scheme="gray"),
                    spacing="0",
                ),
                on_click=rx.redirect(routes.PROFILE_PREFIX + viewer.username),
            ),
            rx.menu.separator(),
            rx.menu.item(rx.hstack(rx.icon("user", size=14), rx.text("My profile")),
                         on_click=rx.redirect(routes.PROFILE_PREFIX + viewer.username)),
            rx.menu.item(rx.hstack(rx.icon("settings", size=14), rx.text("Edit profile")),
                         on_click=rx.redirect(routes.PROFILE_EDIT)),
            rx.menu.item(rx.hstack(rx.icon("bookmark", size=14), rx.text("Saved posts")),
                         on_click=rx.redirect(routes.SAVED)),
            rx.menu.item(rx.hstack(rx.icon("heart", size=14), rx.text("Wishlist")),
                         on_click=rx.redirect(routes.WISHLIST)),
            rx.menu.item(rx.hstack(rx.icon("store", size=14), rx.text("My shop")),
                         on_click=rx.redirect(routes.MY_SHOP)),
            theme_toggle_item(),
            rx.menu.separator(),
            rx.menu.item(rx.hstack(rx.icon("log-out", size=14), rx.text("Log out")),
                         on_click=SessionState.log_out, color="red"),
            align="end",
        ),
    )


def guest_actions() -> rx.Component:
    return rx.hstack(
        rx.link(rx.button("Log in", variant="soft", size="2"), href=routes.LOGIN),
        rx.tablet_and_desktop(rx.link(rx.button("Sign up", size="2"), href=routes.SIGNUP)),
        spacing="2",
    )


def navbar() -> rx.Component:
    return rx.box(
        rx.hstack(
            logo(),
            rx.box(rx.tablet_and_desktop(search_box(), width="100%"), flex="1", max_width="400px", padding_x="8px"),
            rx.spacer(),
            rx.desktop_only(
                rx.hstack(
                    nav_link("Feed", routes.HOME, "house"),
                    nav_link("Shop", routes.SHOP, "store"),
                    nav_link("Community", routes.COMMUNITY, "messages-square"),
                    spacing="5",
                    align="center",
                ),
            ),
            rx.mobile_only(icon_link("search", routes.SEARCH, "Search")),
            icon_link("shopping-cart", routes.CART, "Cart", SessionState.cart_count),
            rx.cond(
                SessionState.signed_in,
                rx.hstack(
                    rx.icon_button(rx.icon("square-plus", size=20), variant="ghost", color_scheme="gray",
                                   on_click=ComposeState.open_composer, aria_label="New post", id="new-post"),
                    rx.tablet_and_desktop(
                        icon_link("bell", routes.NOTIFICATIONS, "Notifications", SessionState.unread_count)
                    ),
                    profile_menu(),
                    spacing="3",
                    align="center",
                ),
                guest_actions(),
            ),
            align="center",
            spacing="4",
            height=styles.NAVBAR_HEIGHT,
            max_width=styles.CONTENT_MAX_WIDTH,
            margin_x="auto",
            padding_x=styles.PAGE_PADDING_X,
        ),
        position="sticky",
        top="0",
        z_index="20",
        border_bottom=f"1px solid {rx.color('gray', 4)}",
        width="100%",
        **styles.NAV_BLUR,
    )


def tab(icon: str, label: str, href: str | rx.Var, count: rx.Var | None = None) -> rx.Component:
    glyph = rx.box(
        rx.icon(icon, size=20),
        *([counter_badge(count, f"{label}: unread")] if count is not None else []),
        position="relative",
        display="flex",
    )
    return rx.link(
        rx.vstack(glyph, rx.text(label, size="1"), spacing="0", align="center"),
        href=href,
        color=rx.color("gray", 11),
        underline="none",
        flex="1",
        aria_label=label,
    )


def bottom_tabs() -> rx.Component:
    """Phone navigation: the desktop links move to a thumb-reachable bar."""
    return rx.mobile_and_tablet(
        rx.box(
            rx.hstack(
                tab("house", "Feed", routes.HOME),
                tab("store", "Shop", routes.SHOP),
                tab("messages-square", "Community", routes.COMMUNITY),
                tab("bell", "Activity", routes.NOTIFICATIONS, SessionState.unread_count),
                rx.cond(
                    SessionState.signed_in,
                    tab("circle-user", "Me", routes.PROFILE_PREFIX + SessionState.viewer.username),
                    tab("log-in", "Log in", routes.LOGIN),
                ),
                width="100%",
                justify="between",
                align="center",
                height=styles.BOTTOM_NAV_HEIGHT,
                padding_x="8px",
            ),
            position="fixed",
            bottom="0",
            left="0",
            right="0",
            z_index="20",
            border_top=f"1px solid {rx.color('gray', 4)}",
            **styles.NAV_BLUR,
        ),
    )


def footer() -> rx.Component:
    return rx.box(
        rx.hstack(
            rx.text("© socialshop — a social-commerce prototype", size="1", color_scheme="gray"),
            rx.spacer(),
            rx.color_mode.button(size="1", variant="ghost", aria_label="Toggle dark mode"),
            rx.cond(
                SessionState.demo_mode,
                rx.badge("Demo mode: nothing is charged", color_scheme="amber", variant="soft"),
            ),
            max_width=styles.CONTENT_MAX_WIDTH,
            margin_x="auto",
            padding_x=styles.PAGE_PADDING_X,
            padding_y="20px",
            align="center",
            wrap="wrap",
            spacing="2",
        ),
        border_top=f"1px solid {rx.color('gray', 4)}",
        margin_bottom=["60px", "60px", "60px", "0"],
    )


def shell(content: rx.Component) -> rx.Component:
    return rx.box(
        navbar(),
        rx.box(
            content,
            max_width=styles.CONTENT_MAX_WIDTH,
            margin_x="auto",
            padding_x=styles.PAGE_PADDING_X,
            padding_y=styles.PAGE_PADDING_Y,
            min_height="calc(100vh - 140px)",
            width="100%",
        ),
        footer(),
        bottom_tabs(),
        rx.cond(SessionState.signed_in, rx.fragment(compose_dialog(), tag_editor_dialog())),
        product_sheet(),
        background=rx.color("gray", 1),
        min_height="100vh",
    )
