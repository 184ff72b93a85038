"""The compose dialog (text, up to six photos, or a quoted post) and the buttons that open it."""

from __future__ import annotations

import reflex as rx

from socialshop.components.common import user_avatar
from socialshop.components.post_card import quote_summary
from socialshop.services.media import MAX_UPLOAD_BYTES
from socialshop.services.social.posts import BODY_MAX, PHOTOS_MAX
from socialshop.states.compose import COMPOSE_TEXT_ID, COMPOSE_UPLOAD_ID, ComposeState
from socialshop.states.session import SessionState

ACCEPT = {"image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"], "image/webp": [".webp"]}


def selected_photos() -> rx.Component:
    files = rx.selected_files(COMPOSE_UPLOAD_ID)
    return rx.cond(
        files.length() > 0,
        rx.hstack(
            rx.foreach(files, lambda name: rx.badge(rx.icon("image", size=12), name, variant="soft",
                                                    max_width="180px", overflow="hidden")),
            wrap="wrap",
            spacing="2",
        ),
    )


def quote_preview() -> rx.Component:
    quote = ComposeState.quote
    return rx.cond(
        ComposeState.quoting,
        rx.card(
            *quote_summary(quote),
            variant="surface",
            width="100%",
        ),
    )


def compose_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title(rx.cond(ComposeState.quoting, "Repost with a comment", "New post")),
            rx.vstack(
                rx.hstack(
                    user_avatar(SessionState.viewer.avatar_url, SessionState.viewer.initials, size="3"),
                    rx.text_area(
                        id=COMPOSE_TEXT_ID,
                        placeholder="Share a find, a fit, a room, a review… use #tags and @mentions",
                        default_value="",
                        key=ComposeState.form_key,
                        rows="5",
                        width="100%",
                        max_length=BODY_MAX,
                        aria_label="Post text",
                    ),
                    width="100%",
                    align="start",
                ),
                quote_preview(),
                rx.upload.root(
                    rx.hstack(
                        rx.icon("image-plus", size=18),
                        rx.text(f"Add up to {PHOTOS_MAX} photos (JPEG, PNG, WebP; "
                                f"{MAX_UPLOAD_BYTES // (1024 * 1024)} MB each)", size="2"),
                        align="center",
                        spacing="2",
                        color=rx.color("gray", 11),
                    ),
                    id=COMPOSE_UPLOAD_ID,
                    accept=ACCEPT,
                    max_files=PHOTOS_MAX,
                    multiple=True,
                    border=f"1px dashed {rx.color('gray', 7)}",
                    border_radius="10px",
                    padding="12px",
                    width="100%",
                    cursor="pointer",
                    key=ComposeState.form_key,
                ),
                selected_photos(),
                rx.cond(
                    rx.selected_files(COMPOSE_UPLOAD_ID).length() > 0,
                    rx.checkbox(
                        "Tag products on these photos next",
                        id="tag-after",
                        checked=ComposeState.tag_after,
                        on_change=ComposeState.set_tag_after,
                        size="2",
                    ),
                ),
                rx.cond(ComposeState.error != "",
                        rx.callout(ComposeState.error, icon="triangle-alert", color_scheme="red", width="100%",
                                   role="alert")),
                rx.cond(
                    ComposeState.photo_errors.length() > 0,
                    rx.callout(
                        rx.vstack(rx.foreach(ComposeState.photo_errors, lambda e: rx.text(e, size="2")), spacing="1"),
                        icon="image-off",
                        color_scheme="amber",
                        width="100%",
                        role="alert",
                    ),
                ),
                rx.hstack(
                    rx.text(f"Up to {BODY_MAX:,} characters", size="1", color_scheme="gray"),
                    rx.spacer(),
                    rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                    rx.button(
                        "Post",
                        id="publish-post",
                        loading=ComposeState.publishing,
                        # The text travels with the upload, read from the textarea at click time.
                        on_click=ComposeState.publish(
                            rx.upload_files(upload_id=COMPOSE_UPLOAD_ID),
                            rx.Var(f"(document.getElementById('{COMPOSE_TEXT_ID}')?.value ?? '')").to(str),
                        ),
                    ),
                    width="100%",
                    align="center",
                ),
                spacing="3",
                width="100%",
            ),
            max_width="600px",
        ),
        open=ComposeState.open,
        on_open_change=ComposeState.set_open,
    )


def compose_prompt() -> rx.Component:
    """The 'What's new?' box at the top of the feed."""
    return rx.card(
        rx.hstack(
            user_avatar(SessionState.viewer.avatar_url, SessionState.viewer.initials, size="3"),
            rx.button(
                "Share a find, a fit, a room…",
                variant="soft",
                color_scheme="gray",
                flex="1",
                justify="start",
                on_click=ComposeState.open_composer,
                id="open-composer",
            ),
            rx.icon_button(rx.icon("image-plus", size=18), on_click=ComposeState.open_composer,
                           aria_label="New post with photos"),
            width="100%",
            align="center",
        ),
        width="100%",
    )
