"""/post/{id} (one post with its comments), /tag/{tag} and /saved."""

from __future__ import annotations

import reflex as rx

from socialshop import routes, styles
from socialshop.components.common import empty_state, page_heading, user_avatar
from socialshop.components.layout import page
from socialshop.components.post_card import post_list
from socialshop.components.rich_text import rich_text
from socialshop.schemas.social import CommentView
from socialshop.services.social.interactions import COMMENT_MAX
from socialshop.states.feed import SavedState, TagState
from socialshop.states.post_detail import PostState


def comment_row(comment: CommentView) -> rx.Component:
    return rx.hstack(
        rx.link(user_avatar(comment.author.avatar_url, comment.author.initials, size="2"),
                href=routes.PROFILE_PREFIX + comment.author.username),
        rx.vstack(
            rx.hstack(
                rx.link(comment.author.display_name, href=routes.PROFILE_PREFIX + comment.author.username, weight="bold",
                        size="2", color=rx.color("gray", 12), underline="hover"),
                rx.text(comment.age, size="1", color_scheme="gray"),
                spacing="2",
                align="center",
            ),
            rich_text(comment.segments, size="2"),
            rx.hstack(
                rx.cond(
                    ~comment.is_reply,
                    rx.button("Reply", size="1", variant="ghost",
                              on_click=PostState.reply_to(comment.id, comment.author.display_name),
                              aria_label="Reply to " + comment.author.display_name),
                ),
                rx.cond(
                    comment.is_own | (PostState.cards.length() > 0) & PostState.cards[0].is_own,
                    rx.button("Delete", size="1", variant="ghost", color_scheme="red",
                              on_click=PostState.delete_comment(comment.id)),
                ),
                spacing="3",
            ),
            spacing="1",
            flex="1",
            min_width="0",
        ),
        padding_left=rx.cond(comment.is_reply, "44px", "0"),
        width="100%",
        align="start",
        class_name="comment",
    )


def comment_form() -> rx.Component:
    return rx.form(
        rx.vstack(
            rx.cond(
                PostState.reply_to_id != 0,
                rx.hstack(
                    rx.text("Replying to ", rx.text.strong(PostState.reply_to_name), size="2", color_scheme="gray"),
                    rx.button("Cancel", size="1", variant="ghost", type="button", on_click=PostState.cancel_reply),
                    align="center",
                ),
            ),
            rx.hstack(
                rx.input(id="comment-body", name="body", placeholder="Add a comment…", width="100%", size="3",
                         max_length=COMMENT_MAX, aria_label="Comment"),
                rx.button("Send", type="submit", size="3", loading=PostState.sending),
                width="100%",
            ),
            rx.cond(PostState.comment_error != "",
                    rx.text(PostState.comment_error, size="1", color_scheme="red", role="alert")),
            spacing="2",
            width="100%",
        ),
        on_submit=PostState.add_comment,
        reset_on_submit=False,
        key=PostState.comment_form_key,
        width="100%",
    )


@page(route=routes.POST, title="Post", on_load=PostState.load_post)
def post_page() -> rx.Component:
    return rx.vstack(
        post_list(
            PostState,
            empty_state("image-off", "This post is gone",
                        "It may have been deleted by its author.",
                        rx.link(rx.button("Back to the feed"), href=routes.HOME)),
        ),
        rx.cond(
            PostState.found & ~PostState.loading,
            rx.card(
                rx.vstack(
                    rx.heading("Comments", size="4"),
                    rx.cond(
                        PostState.comments.length() > 0,
                        rx.vstack(rx.foreach(PostState.comments, comment_row), spacing="4", width="100%"),
                        rx.text("No comments yet. Start the conversation.", size="2", color_scheme="gray"),
                    ),
                    rx.separator(size="4"),
                    rx.cond(
                        PostState.signed_in,
                        comment_form(),
                        rx.link(rx.button("Log in to comment", variant="soft"),
                                href=routes.login_url(routes.POST_PREFIX) + PostState.post_id.to_string()),
                    ),
                    spacing="4",
                    width="100%",
                ),
                width="100%",
                size="3",
            ),
        ),
        spacing="4",
        width="100%",
        max_width=styles.NARROW_MAX_WIDTH,
        margin_x="auto",
    )


@page(route=routes.TAG, title="Tag", on_load=TagState.load_tag)
def tag_page() -> rx.Component:
    return rx.vstack(
        page_heading("#" + TagState.tag, TagState.post_count.to_string() + rx.cond(TagState.post_count == 1, " post", " posts")),
        post_list(TagState, empty_state("hash", "No posts with this tag yet",
                                        "Use it in a post and you'll be the first.")),
        spacing="4",
        width="100%",
        max_width=styles.NARROW_MAX_WIDTH,
        margin_x="auto",
    )


@page(route=routes.SAVED, title="Saved", on_load=SavedState.load_saved)
def saved_page() -> rx.Component:
    return rx.vstack(
        page_heading("Saved posts", "Only you can see what you save."),
        post_list(SavedState, empty_state("bookmark", "Nothing saved yet",
                                          "Tap the bookmark on any post to keep it here.")),
        spacing="4",
        width="100%",
        max_width=styles.NARROW_MAX_WIDTH,
        margin_x="auto",
    )
