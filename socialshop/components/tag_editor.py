"""The dialog where a post's author pins products on its photos."""

from __future__ import annotations

import reflex as rx

from socialshop.components.product import product_thumb
from socialshop.schemas.catalog import ProductCardView
from socialshop.states.tag_editor import GRID, TagDraft, TagEditorState


def tap_grid() -> rx.Component:
    """GRID x GRID invisible buttons over the photo: tap where the product is."""
    return rx.grid(
        *[
            rx.box(
                on_click=TagEditorState.place(column, row),
                cursor="crosshair",
                aria_label=f"Spot {row * GRID + column + 1}",
                role="button",
                class_name="tag-spot",
                _hover={"background": "rgba(255,255,255,0.18)"},
            )
            for row in range(GRID)
            for column in range(GRID)
        ],
        columns=str(GRID),
        position="absolute",
        inset="0",
    )


def draft_pin(draft: TagDraft) -> rx.Component:
    return rx.cond(
        draft.photo_position == TagEditorState.photo_index,
        rx.box(rx.icon("shopping-bag", size=12, color="white"), position="absolute", left=draft.left, top=draft.top,
               transform="translate(-50%, -50%)", background="black", border_radius="50%", padding="6px",
               pointer_events="none"),
    )


def photo_canvas() -> rx.Component:
    current = TagEditorState.photos[TagEditorState.photo_index]
    return rx.box(
        rx.image(src=current.url, width="100%", height="100%", object_fit="cover"),
        rx.foreach(TagEditorState.drafts, draft_pin),
        rx.cond(
            TagEditorState.point_x >= 0,
            rx.box(position="absolute", left=(TagEditorState.point_x / 10).to_string() + "%",
                   top=(TagEditorState.point_y / 10).to_string() + "%", width="22px", height="22px",
                   border="3px solid white", border_radius="50%", transform="translate(-50%, -50%)",
                   box_shadow="0 0 0 2px black", pointer_events="none"),
        ),
        tap_grid(),
        position="relative",
        aspect_ratio="1",
        width="100%",
        border_radius="10px",
        overflow="hidden",
    )


def result_row(item: ProductCardView) -> rx.Component:
    return rx.hstack(
        rx.box(product_thumb(item.thumb_url, item.title), width="40px"),
        rx.vstack(rx.text(item.title, size="2", weight="medium"),
                  rx.text(item.shop_name, " · ", item.price_text, size="1", color_scheme="gray"), spacing="0"),
        rx.spacer(),
        rx.button("Tag", size="1", on_click=TagEditorState.add_tag(item.slug, item.title),
                  aria_label="Tag " + item.title),
        width="100%",
        align="center",
    )


def tag_editor_dialog() -> rx.Component:
    return rx.dialog.root(
        rx.dialog.content(
            rx.dialog.title("Tag products"),
            rx.dialog.description("Tap the spot where a product is, then pick it. Up to 5 per photo.",
                                  size="2", color_scheme="gray"),
            rx.cond(
                TagEditorState.photos.length() > 0,
                rx.flex(
                    rx.vstack(
                        photo_canvas(),
                        rx.hstack(
                            rx.foreach(
                                TagEditorState.photos,
                                lambda p, i: rx.box(
                                    rx.image(src=p.thumb_url, width="44px", height="44px", object_fit="cover"),
                                    on_click=TagEditorState.choose_photo(i),
                                    border=rx.cond(TagEditorState.photo_index == i, "2px solid var(--accent-9)",
                                                   "2px solid transparent"),
                                    border_radius="6px", overflow="hidden", cursor="pointer",
                                ),
                            ),
                            spacing="2",
                        ),
                        width=rx.breakpoints(initial="100%", sm="50%"),
                    ),
                    rx.vstack(
                        rx.form(
                            rx.hstack(rx.input(name="q", placeholder="Find a product…", width="100%",
                                               aria_label="Find a product"),
                                      rx.button("Search", type="submit")),
                            on_submit=TagEditorState.find_products,
                            reset_on_submit=False,
                            width="100%",
                        ),
                        rx.vstack(rx.foreach(TagEditorState.results, result_row), width="100%", spacing="2"),
                        rx.separator(size="4"),
                        rx.text("Tagged", size="2", weight="bold"),
                        rx.cond(TagEditorState.drafts.length() == 0,
                                rx.text("Nothing tagged yet.", size="2", color_scheme="gray")),
                        rx.foreach(
                            TagEditorState.drafts,
                            lambda d, i: rx.hstack(
                                rx.text(d.title, size="2"), rx.text("photo ", d.photo_position + 1, size="1",
                                                                    color_scheme="gray"),
                                rx.cond(~d.on_sale, rx.badge("not on sale: hidden", color_scheme="amber",
                                                             variant="soft", size="1")),
                                rx.spacer(),
                                rx.icon_button(rx.icon("x", size=12), size="1", variant="ghost",
                                               on_click=TagEditorState.remove_tag(i), aria_label="Remove tag"),
                                width="100%", align="center", class_name="tagged-product",
                            ),
                        ),
                        rx.cond(TagEditorState.error != "",
                                rx.text(TagEditorState.error, color_scheme="red", size="2", role="alert")),
                        width="100%",
                        spacing="3",
                    ),
                    direction=rx.breakpoints(initial="column", sm="row"),
                    spacing="4",
                    width="100%",
                ),
            ),
            rx.hstack(
                rx.dialog.close(rx.button("Cancel", variant="soft", color_scheme="gray")),
                rx.button("Save tags", on_click=TagEditorState.save, loading=TagEditorState.saving, id="save-tags"),
                justify="end",
                width="100%",
                margin_top="16px",
            ),
            max_width="880px",
            width="96vw",
        ),
        open=TagEditorState.open,
        on_open_change=TagEditorState.set_open,
    )
