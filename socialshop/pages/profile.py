"""/u/{username} (a person's profile) and /settings/profile (edit your own)."""

from __future__ import annotations

import reflex as rx

from socialshop import routes, styles
from socialshop.components.common import (
    empty_state,
    field_error,
    field_label,
    form_field,
    person_row,
    skeleton_lines,
    user_avatar,
)
from socialshop.components.layout import page
from socialshop.schemas.social import GridTile
from socialshop.services import accounts
from socialshop.services.media import MAX_UPLOAD_BYTES
from socialshop.states.profile import AVATAR_UPLOAD_ID, PeopleListState, ProfileEditState, ProfileState


def role_badges() -> rx.Component:
    profile = ProfileState.profile
    return rx.hstack(
        rx.cond(profile.is_seller, rx.badge(rx.icon("store", size=12), "Seller", color_scheme="amber")),
        rx.cond(profile.role == "moderator", rx.badge(rx.icon("shield", size=12), "Moderator", color_scheme="green")),
        rx.cond(profile.role == "admin", rx.badge(rx.icon("shield-check", size=12), "Admin", color_scheme="violet")),
        spacing="2",
    )


def profile_header() -> rx.Component:
    profile = ProfileState.profile
    return rx.card(
        rx.flex(
            user_avatar(profile.avatar_url, profile.initials, size="8"),
            rx.vstack(
                rx.hstack(
                    rx.heading(profile.display_name, size="7", id="profile-name"),
                    role_badges(),
                    align="center",
                    wrap="wrap",
                    spacing="3",
                ),
                rx.text("@", profile.username, color_scheme="gray", size="3"),
                rx.cond(profile.bio != "", rx.text(profile.bio, size="3", white_space="pre-wrap", id="profile-bio")),
                rx.cond(
                    profile.link != "",
                    rx.link(
                        rx.hstack(rx.icon("link", size=14), rx.text(profile.link), spacing="1", align="center"),
                        href=profile.link,
                        is_external=True,
                        rel="noopener noreferrer nofollow ugc",
                        size="2",
                    ),
                ),
                rx.text(profile.joined, size="1", color_scheme="gray"),
                counts(),
                rx.cond(
                    ProfileState.is_own_profile,
                    rx.hstack(
                        rx.link(rx.button(rx.icon("pencil", size=14), "Edit profile", variant="soft"),
                                href=routes.PROFILE_EDIT),
                        rx.link(rx.button(rx.icon("bookmark", size=14), "Saved", variant="soft",
                                          color_scheme="gray"), href=routes.SAVED),
                        spacing="2",
                    ),
                    relation_buttons(),
                ),
                spacing="2",
                align="start",
            ),
            direction=rx.breakpoints(initial="column", sm="row"),
            spacing="5",
            align=rx.breakpoints(initial="center", sm="start"),
        ),
        size="3",
        width="100%",
    )


def count_link(value: rx.Var, label: str, href: rx.Var | str) -> rx.Component:
    return rx.link(
        rx.hstack(rx.text(value, weight="bold", size="2"), rx.text(label, size="2", color_scheme="gray"),
                  spacing="1"),
        href=href,
        underline="hover",
        color=rx.color("gray", 12),
    )


def counts() -> rx.Component:
    social = ProfileState.social
    base = routes.PROFILE_PREFIX + ProfileState.profile.username
    return rx.hstack(
        rx.hstack(rx.text(social.post_count, weight="bold", size="2"),
                  rx.text("posts", size="2", color_scheme="gray"), spacing="1"),
        count_link(social.follower_count, "followers", base + "/followers"),
        count_link(social.following_count, "following", base + "/following"),
        spacing="4",
        wrap="wrap",
        id="profile-counts",
    )


def relation_buttons() -> rx.Component:
    social = ProfileState.social
    return rx.hstack(
        rx.cond(
            social.viewer_blocked,
            rx.button("Unblock", color_scheme="red", variant="soft", on_click=ProfileState.unblock),
            rx.cond(
                social.viewer_follows,
                rx.button(rx.icon("check", size=14), "Following", variant="soft", on_click=ProfileState.unfollow,
                          id="follow-button"),
                rx.button(rx.icon("user-plus", size=14), rx.cond(social.follows_viewer, "Follow back", "Follow"),
                          on_click=ProfileState.follow, id="follow-button"),
            ),
        ),
        rx.cond(
            ProfileState.signed_in,
            rx.menu.root(
                rx.menu.trigger(rx.icon_button(rx.icon("ellipsis", size=16), variant="soft", color_scheme="gray",
                                               aria_label="More about this person")),
                rx.menu.content(
                    rx.cond(social.viewer_muted,
                            rx.menu.item("Unmute", on_click=ProfileState.unmute),
                            rx.menu.item("Mute", on_click=ProfileState.mute)),
                    rx.cond(~social.viewer_blocked,
                            rx.menu.item("Block", color="red", on_click=ProfileState.block)),
                ),
            ),
        ),
        spacing="2",
    )


def grid_tile(tile: GridTile) -> rx.Component:
    return rx.link(
        rx.box(
            rx.cond(
                tile.thumb_url != "",
                rx.image(src=tile.thumb_url, width="100%", height="100%", object_fit="cover", loading="lazy",
                         alt=tile.excerpt),
                rx.center(rx.text(tile.excerpt, size="2", align="center", trim="both"), padding="12px",
                          width="100%", height="100%", background=rx.color("accent", 3)),
            ),
            rx.cond(tile.photo_count > 1,
                    rx.icon("images", size=16, color="white", position="absolute", top="8px", right="8px")),
            rx.hstack(
                rx.icon("heart", size=14), rx.text(tile.like_count, size="1"),
                rx.icon("message-circle", size=14), rx.text(tile.comment_count, size="1"),
                position="absolute", bottom="6px", left="8px", color="white", spacing="1", align="center",
                text_shadow="0 1px 2px rgba(0,0,0,0.6)",
            ),
            position="relative",
            aspect_ratio="1",
            overflow="hidden",
            border_radius="8px",
        ),
        href=routes.POST_PREFIX + tile.post_id.to_string(),
        class_name="grid-tile",
    )


def posts_grid() -> rx.Component:
    return rx.cond(
        ProfileState.tiles.length() > 0,
        rx.vstack(
            rx.grid(rx.foreach(ProfileState.tiles, grid_tile), columns="3", spacing="2", width="100%"),
            rx.cond(ProfileState.has_more,
                    rx.button("Load more", variant="soft", width="100%", on_click=ProfileState.load_more_tiles,
                              loading=ProfileState.loading_more, custom_attrs={"data-autoload": "true"})),
            width="100%",
            spacing="3",
        ),
        rx.cond(
            ProfileState.social.viewer_blocked,
            empty_state("ban", "You blocked this account", "Unblock to see their posts again."),
            empty_state("image", "No posts yet",
                        rx.cond(ProfileState.is_own_profile,
                                "Share your first find from the feed.",
                                "When they post, it will show up here.")),
        ),
    )


def profile_skeleton() -> rx.Component:
    return rx.card(
        rx.hstack(
            rx.skeleton(rx.box(width="96px", height="96px", border_radius="50%"), loading=True),
            skeleton_lines(3),
            width="100%",
            spacing="5",
        ),
        size="3",
        width="100%",
    )


@page(route=routes.PROFILE, title="Profile", on_load=ProfileState.load_profile)
def profile_page() -> rx.Component:
    return rx.vstack(
        rx.cond(
            ProfileState.loading,
            profile_skeleton(),
            rx.cond(
                ProfileState.found,
                rx.vstack(
                    profile_header(),
                    posts_grid(),
                    spacing="5",
                    width="100%",
                ),
                empty_state(
                    "user-x",
                    "No one here by that name",
                    "The account may have been renamed. Try searching for the person instead.",
                    rx.link(rx.button("Search people"), href=routes.SEARCH),
                ),
            ),
        ),
        spacing="5",
        width="100%",
        max_width=styles.PROFILE_MAX_WIDTH,
        margin_x="auto",
    )


def avatar_uploader() -> rx.Component:
    form = ProfileEditState.form
    return rx.hstack(
        user_avatar(form.avatar_url, form.initials, size="7"),
        rx.vstack(
            rx.upload.root(
                rx.button(rx.icon("image-up", size=16), "Choose a photo", variant="soft", type="button"),
                id=AVATAR_UPLOAD_ID,
                accept={"image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"], "image/webp": [".webp"]},
                max_files=1,
                multiple=False,
                on_drop=ProfileEditState.upload_avatar(rx.upload_files(upload_id=AVATAR_UPLOAD_ID)),
                no_drag=False,
            ),
            rx.cond(ProfileEditState.uploading, rx.hstack(rx.spinner(size="1"), rx.text("Uploading…", size="1"))),
            field_error(ProfileEditState.avatar_error),
            rx.text(
                f"JPEG, PNG or WebP, up to {MAX_UPLOAD_BYTES // (1024 * 1024)} MB. We remove location data.",
                size="1",
                color_scheme="gray",
            ),
            spacing="2",
            align="start",
        ),
        spacing="4",
        align="center",
    )


@page(route=routes.PROFILE_EDIT, title="Edit profile", on_load=ProfileEditState.load_form)
def profile_edit_page() -> rx.Component:
    form = ProfileEditState.form
    errors = ProfileEditState.field_errors
    return rx.center(
        rx.card(
            rx.vstack(
                rx.heading("Edit profile", size="6"),
                avatar_uploader(),
                rx.separator(size="4"),
                rx.form(
                    rx.vstack(
                        form_field("Display name", "display_name", errors.get("display_name", ""),
                                   default_value=form.display_name, max_length=accounts.DISPLAY_NAME_MAX + 20),
                        rx.vstack(
                            field_label("Bio", "bio"),
                            rx.text_area(id="bio", name="bio", default_value=form.bio, rows="4",
                                         placeholder="What do you love, make or sell?", width="100%"),
                            field_error(errors.get("bio", "")),
                            rx.text(f"Up to {accounts.BIO_MAX} characters.", size="1", color_scheme="gray"),
                            spacing="1",
                            width="100%",
                        ),
                        form_field("Link", "link", errors.get("link", ""), default_value=form.link,
                                   placeholder="https://your-site.example"),
                        rx.hstack(
                            rx.link(rx.button("View profile", variant="soft", color_scheme="gray", type="button"),
                                    href=routes.PROFILE_PREFIX + ProfileEditState.viewer.username),
                            rx.button("Save changes", type="submit", loading=ProfileEditState.saving),
                            justify="end",
                            width="100%",
                            spacing="3",
                        ),
                        spacing="4",
                        width="100%",
                    ),
                    on_submit=ProfileEditState.save,
                    reset_on_submit=False,
                    no_validate=True,
                    width="100%",
                    # Re-mount when the saved values arrive so default values show them.
                    key=form.display_name + form.link,
                ),
                spacing="5",
                width="100%",
            ),
            size="4",
            width="100%",
            max_width="560px",
        ),
        width="100%",
    )


def people_page() -> rx.Component:
    return rx.vstack(
        rx.link(rx.hstack(rx.icon("arrow-left", size=16), rx.text(PeopleListState.owner.display_name), align="center"),
                href=routes.PROFILE_PREFIX + PeopleListState.owner.username, underline="none"),
        rx.heading(PeopleListState.heading, size="6"),
        rx.cond(
            PeopleListState.loading,
            rx.spinner(size="3"),
            rx.cond(
                PeopleListState.people.length() > 0,
                rx.card(rx.vstack(rx.foreach(PeopleListState.people, lambda p: person_row(p, padding="8px")), spacing="1"), width="100%"),
                empty_state("users", "No one here yet", "Follows will show up here."),
            ),
        ),
        spacing="4",
        width="100%",
        max_width=styles.NARROW_MAX_WIDTH,
        margin_x="auto",
    )


@page(route=routes.FOLLOWERS, title="Followers", on_load=PeopleListState.load_people)
def followers_page() -> rx.Component:
    return people_page()


@page(route=routes.FOLLOWING, title="Following", on_load=PeopleListState.load_people)
def following_page() -> rx.Component:
    return people_page()
