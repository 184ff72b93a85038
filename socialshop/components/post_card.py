"""A post in a feed: author, text, photos, a quoted post, and what you can do with it.

Every function takes the page's state class (a PostListMixin state), so the same card works in
the feed, on tag pages, in saved posts and on the post page.
"""

from __future__ import annotations

import reflex as rx

from socialshop import routes
from socialshop.components.common import empty_state, person_identity, user_avatar
from socialshop.components.rich_text import rich_text
from socialshop.schemas.accounts import PersonCard
from socialshop.schemas.social import PhotoView, PostCard, ProductPin, QuotedPost
from socialshop.states.compose import ComposeState
from socialshop.states.posts import REPORT_REASONS
from socialshop.states.shopping import ShopperState
from socialshop.states.tag_editor import TagEditorState


def _profile_href(username: rx.Var) -> rx.Var:
    return routes.PROFILE_PREFIX + username


def author_line(card: PostCard) -> rx.Component:
    return rx.hstack(
        rx.link(user_avatar(card.author.avatar_url, card.author.initials, size="3"),
                href=_profile_href(card.author.username), aria_label=card.author.display_name),
        rx.vstack(
            rx.link(card.author.display_name, href=_profile_href(card.author.username),
                    weight="bold", size="2", color=rx.color("gray", 12), underline="hover"),
            rx.hstack(
                rx.text("@", card.author.username, size="1", color_scheme="gray"),
                rx.text("·", size="1", color_scheme="gray"),
                rx.link(card.age, href=routes.POST_PREFIX + card.id.to_string(), size="1", color_scheme="gray",
                        title=card.created_iso, underline="hover"),
                rx.cond(card.edited, rx.text("· edited", size="1", color_scheme="gray")),
                spacing="1",
                align="center",
            ),
            spacing="0",
            min_width="0",
        ),
        spacing="2",
        align="center",
        min_width="0",
    )


def menu_item(icon: str, label: str, on_click, color: str | None = None) -> rx.Component:
    props = {"color": color} if color else {}
    return rx.menu.item(rx.hstack(rx.icon(icon, size=14), rx.text(label), align="center"), on_click=on_click, **props)


def card_menu(card: PostCard, state) -> rx.Component:
    return rx.menu.root(
        rx.menu.trigger(
            rx.icon_button(rx.icon("ellipsis", size=18), variant="ghost", color_scheme="gray",
                           aria_label="More actions", class_name="post-menu")
        ),
        rx.menu.content(
            menu_item("link", "Copy link", state.copy_link(card.id)),
            menu_item("send", "Send to someone", state.open_share(card.id)),
            menu_item("repeat-2", "Repost with comment", ComposeState.open_quote(card.id)),
            rx.cond(
                card.is_own,
                rx.fragment(
                    rx.menu.separator(),
                    menu_item("pencil", "Edit post", state.open_edit(card.id)),
                    rx.cond(card.photos.length() > 0,
                            menu_item("tag", "Tag products", TagEditorState.open_editor(card.id))),
                    menu_item("trash-2", "Delete post", state.delete_post(card.id), color="red"),
                ),
                rx.fragment(
                    rx.menu.separator(),
                    menu_item("flag", "Report post", state.open_report(card.id)),
                    menu_item("volume-x", "Mute @" + card.author.username, state.mute_author(card.author.username)),
                    menu_item("ban", "Block @" + card.author.username, state.block_author(card.author.username),
                              color="red"),
                ),
            ),
            align="end",
        ),
    )


def hotspot(pin: ProductPin, post_id: rx.Var) -> rx.Component:
    return rx.tooltip(
        rx.button(
            rx.icon("shopping-bag", size=14),
            on_click=ShopperState.open_sheet(pin.product_slug, post_id),
            position="absolute",
            left=pin.left,
            top=pin.top,
            transform="translate(-50%, -50%)",
            radius="full",
            size="1",
            variant="solid",
            high_contrast=True,
            box_shadow="0 0 0 4px rgba(255,255,255,0.55)",
            aria_label="Shop " + pin.title,
            class_name="hotspot",
            padding="0",
            width="30px",
            height="30px",
        ),
        content=pin.title + " · " + pin.price_text,
    )


def photo(view: PhotoView, index: rx.Var, card: PostCard) -> rx.Component:
    return rx.box(
        rx.image(src=view.url, alt=view.alt, width="100%", height="100%", object_fit="cover",
                 loading="lazy", decoding="async"),
        rx.foreach(card.pins, lambda pin: rx.cond(pin.photo_position == index, hotspot(pin, card.id))),
        aspect_ratio="1",
        background=rx.color("gray", 3),
        position="relative",
    )


def shop_row(card: PostCard) -> rx.Component:
    """Under a shoppable post: the tagged products, each opening the sheet, and Shop now."""
    return rx.cond(
        card.pins.length() > 0,
        rx.hstack(
            rx.icon("shopping-bag", size=16, color=rx.color("accent", 10)),
            rx.hstack(
                rx.foreach(
                    card.pins,
                    lambda pin: rx.button(
                        rx.cond(pin.thumb_url != "", rx.image(src=pin.thumb_url, width="22px", height="22px",
                                                              border_radius="4px", object_fit="cover")),
                        rx.text(pin.title, size="1", max_width="140px", overflow="hidden", white_space="nowrap",
                                text_overflow="ellipsis"),
                        rx.text(pin.price_text, size="1", weight="bold"),
                        variant="soft", color_scheme="gray", size="1",
                        on_click=ShopperState.open_sheet(pin.product_slug, card.id),
                    ),
                ),
                overflow_x="auto",
                flex="1",
                spacing="2",
            ),
            rx.button("Shop now", size="1", on_click=ShopperState.open_sheet(card.pins[0].product_slug, card.id),
                      class_name="shop-now"),
            width="100%",
            align="center",
        ),
    )


def photo_strip(card: PostCard) -> rx.Component:
    return rx.cond(
        card.photos.length() > 0,
        rx.box(
            rx.box(rx.foreach(card.photos, lambda view, index: photo(view, index, card)), class_name="photo-strip",
                   border_radius="12px"),
            rx.cond(
                card.photos.length() > 1,
                rx.badge(rx.icon("images", size=12), card.photos.length(), position="absolute",
                         top="10px", right="10px", variant="solid", color_scheme="gray", high_contrast=True),
            ),
            position="relative",
            width="100%",
        ),
    )


def quote_summary(quote: QuotedPost) -> list[rx.Component]:
    """Who wrote the quoted post, when, and its text: in a card and in the composer."""
    return [
        rx.hstack(
            user_avatar(quote.author.avatar_url, quote.author.initials, size="1"),
            rx.text(quote.author.display_name, weight="bold", size="2"),
            rx.text("· ", quote.age, size="1", color_scheme="gray"),
            align="center",
            spacing="2",
        ),
        rich_text(quote.segments, size="2", color=rx.color("gray", 11)),
    ]


def quoted_post(card: PostCard) -> rx.Component:
    quote = card.quote
    return rx.cond(
        card.has_quote,
        rx.link(
            rx.card(
                rx.hstack(
                    rx.vstack(
                        *quote_summary(quote),
                        spacing="1",
                        flex="1",
                        min_width="0",
                    ),
                    rx.cond(quote.thumb_url != "",
                            rx.image(src=quote.thumb_url, width="64px", height="64px", object_fit="cover",
                                     border_radius="8px")),
                    spacing="3",
                    width="100%",
                ),
                variant="surface",
                width="100%",
            ),
            href=routes.POST_PREFIX + quote.id.to_string(),
            underline="none",
            color="inherit",
            width="100%",
        ),
    )


def action(icon: str, label: str, count: rx.Var | None, on_click=None, href: rx.Var | None = None,
           active: rx.Var | bool = False, active_color: str = "red", test_id: str = "") -> rx.Component:
    content = rx.hstack(
        rx.icon(icon, size=18, fill=rx.cond(active, "currentColor", "none")),
        *([rx.text(count, size="2")] if count is not None else []),
        spacing="1",
        align="center",
    )
    props = {
        "variant": "ghost",
        "color_scheme": rx.cond(active, active_color, "gray"),
        "aria_label": label,
        "aria_pressed": rx.cond(active, "true", "false"),
        "class_name": test_id,
        "size": "2",
    }
    if href is not None:
        return rx.link(rx.button(content, **props), href=href)
    return rx.button(content, on_click=on_click, **props)


def action_bar(card: PostCard, state) -> rx.Component:
    return rx.hstack(
        action("heart", "Like", card.like_count, state.toggle_like(card.id), active=card.liked,
               test_id="like-button"),
        action("message-circle", "Comments", card.comment_count, href=routes.POST_PREFIX + card.id.to_string(),
               test_id="comment-button"),
        action("repeat-2", "Repost with comment", card.repost_count, ComposeState.open_quote(card.id),
               test_id="repost-button"),
        action("send", "Send to someone", None, state.open_share(card.id), test_id="share-button"),
        rx.spacer(),
        action("bookmark", "Save", None, state.toggle_save(card.id), active=card.saved, active_color="amber",
               test_id="save-button"),
        spacing="4",
        align="center",
        width="100%",
    )


def post_card(card: PostCard, state) -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                author_line(card),
                rx.spacer(),
                rx.cond(card.pins.length() > 0,
                        rx.tooltip(rx.icon("shopping-bag", size=18, color=rx.color("accent", 10),
                                           aria_label="Shoppable post"), content="Shoppable post")),
                card_menu(card, state),
                width="100%",
                align="center",
            ),
            rx.cond(card.body != "", rich_text(card.segments)),
            photo_strip(card),
            shop_row(card),
            quoted_post(card),
            action_bar(card, state),
            spacing="3",
            width="100%",
        ),
        width="100%",
        size="2",
        class_name="post-card",
        custom_attrs={"data-post-id": card.id},
    )


def card_skeleton() -> rx.Component:
    return rx.card(
        rx.vstack(
            rx.hstack(
                rx.skeleton(rx.box(width="40px", height="40px", border_radius="50%"), loading=True),
                rx.vstack(rx.skeleton(rx.box(width="140px", height="12px"), loading=True),
                          rx.skeleton(rx.box(width="90px", height="10px"), loading=True), spacing="2"),
                align="center",
            ),
            rx.skeleton(rx.box(width="100%", height="14px"), loading=True),
            rx.skeleton(rx.box(width="100%", aspect_ratio="1.4", border_radius="12px"), loading=True),
            spacing="3",
            width="100%",
        ),
        width="100%",
    )


def post_list(state, empty: rx.Component) -> rx.Component:
    """Cards with a loading look, an empty look, an error look and infinite scroll."""
    return rx.vstack(
        rx.cond(
            state.loading,
            rx.vstack(card_skeleton(), card_skeleton(), spacing="4", width="100%"),
            rx.cond(
                state.load_error != "",
                rx.callout(state.load_error, icon="triangle-alert", color_scheme="red", width="100%"),
                rx.cond(
                    state.cards.length() > 0,
                    rx.vstack(
                        rx.foreach(state.cards, lambda card: post_card(card, state)),
                        rx.cond(
                            state.has_more,
                            rx.button(
                                "Load more",
                                on_click=state.load_more,
                                loading=state.loading_more,
                                variant="soft",
                                width="100%",
                                custom_attrs={"data-autoload": "true"},
                                id="load-more",
                            ),
                            rx.text("You're all caught up.", size="2", color_scheme="gray", align="center",
                                    width="100%", padding_y="12px"),
                        ),
                        spacing="4",
                        width="100%",
                    ),
                    empty,
                ),
            ),
        ),
        post_dialogs(state),
        width="100%",
        spacing="4",
    )


# --- dialogs, one set per page ------------------------------------------------------------------


def report_dialog(state) -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Report this post"),
            rx.dialog.description("Tell the moderators what is wrong. The author isn't told who reported it.",
                                  size="2", color_scheme="gray"),
            rx.form(
                rx.vstack(
                    rx.radio_group.root(
                        rx.vstack(
                            *[
                                rx.el.label(
                                    rx.hstack(rx.radio_group.item(value=reason["value"]),
                                              rx.text(reason["label"], size="2"), align="center"),
                                )
                                for reason in REPORT_REASONS
                            ],
                            spacing="2",
                        ),
                        name="reason",
                        default_value="spam",
                    ),
                    rx.text_area(name="details", placeholder="Anything else we should know? (optional)",
                                 width="100%", max_length=500),
                    rx.hstack(
                        rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                        rx.button("Send report", type="submit", color_scheme="red"),
                        justify="end",
                        width="100%",
                    ),
                    spacing="3",
                    margin_top="12px",
                ),
                on_submit=state.submit_report,
                reset_on_submit=True,
            ),
            max_width="440px",
        ),
        open=state.report_open,
        on_open_change=lambda _open: state.close_report(),
    )


def share_person(person: PersonCard, state) -> rx.Component:
    return rx.hstack(
        person_identity(person, avatar_size="2"),
        rx.spacer(),
        rx.button("Send", size="1", on_click=state.share_to(person.username),
                  aria_label="Send to " + person.display_name),
        width="100%",
        align="center",
    )


def share_dialog(state) -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Send to someone you follow"),
            rx.cond(
                state.share_people.length() > 0,
                rx.scroll_area(
                    rx.vstack(rx.foreach(state.share_people, lambda p: share_person(p, state)),
                              spacing="3", width="100%", padding_right="8px"),
                    max_height="320px",
                    type="auto",
                ),
                rx.text("Follow people to send them posts.", color_scheme="gray", size="2"),
            ),
            rx.hstack(
                rx.button(rx.icon("link", size=14), "Copy link", variant="soft",
                          on_click=state.copy_link(state.share_post_id)),
                rx.dialog.close(rx.button("Close", variant="soft", color_scheme="gray")),
                justify="between",
                width="100%",
                margin_top="16px",
            ),
            max_width="420px",
        ),
        open=state.share_open,
        on_open_change=lambda _open: state.close_share(),
    )


def edit_dialog(state) -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Edit post"),
            rx.form(
                rx.vstack(
                    rx.text_area(name="body", default_value=state.edit_text, rows="6", width="100%",
                                 key=state.edit_post_id, aria_label="Post text"),
                    rx.cond(state.edit_error != "", rx.text(state.edit_error, color_scheme="red", size="2")),
                    rx.hstack(
                        rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray", type="button")),
                        rx.button("Save", type="submit"),
                        justify="end",
                        width="100%",
                    ),
                    spacing="3",
                ),
                on_submit=state.save_edit,
                reset_on_submit=False,
            ),
            max_width="560px",
        ),
        open=state.edit_open,
        on_open_change=lambda _open: state.close_edit(),
    )


def post_dialogs(state) -> rx.Component:
    return rx.fragment(report_dialog(state), share_dialog(state), edit_dialog(state))


def no_posts(title: str, body: str, action: rx.Component | None = None) -> rx.Component:
    return empty_state("image", title, body, action)



def post_tile(card: PostCard) -> rx.Component:
    """A post as a small square linking to it (storefronts, "posts featuring this")."""
    return rx.link(
        rx.box(
            rx.cond(
                card.photos.length() > 0,
                rx.image(src=card.photos[0].thumb_url, width="100%", height="100%", object_fit="cover",
                         loading="lazy", alt=card.body),
                rx.center(rx.text(card.body, size="2", trim="both"), padding="12px", width="100%", height="100%",
                          background=rx.color("accent", 3)),
            ),
            rx.hstack(user_avatar(card.author.avatar_url, card.author.initials, size="1"),
                      rx.text("@", card.author.username, size="1", color="white",
                              text_shadow="0 1px 2px rgba(0,0,0,0.7)"),
                      position="absolute", bottom="6px", left="6px", align="center", spacing="1"),
            position="relative", aspect_ratio="1", overflow="hidden", border_radius="10px",
        ),
        href=routes.POST_PREFIX + card.id.to_string(),
        class_name="post-tile",
    )
