"""Products on screen: grid cards, the variant picker, and the product sheet that opens over any page."""

from __future__ import annotations

import reflex as rx

from socialshop import routes
from socialshop.components.common import user_avatar
from socialshop.schemas.catalog import ProductCardView, VariantView
from socialshop.schemas.social import PhotoView
from socialshop.states.shopping import ShopperState


def price_line(price: rx.Var, compare_at: rx.Var, size: str = "3") -> rx.Component:
    return rx.hstack(
        rx.text(price, weight="bold", size=size),
        rx.cond(compare_at != "", rx.text(compare_at, size="2", color_scheme="gray", text_decoration="line-through")),
        spacing="2",
        align="baseline",
    )


def product_thumb(url: rx.Var, alt: rx.Var) -> rx.Component:
    return rx.box(
        rx.cond(
            url != "",
            rx.image(src=url, alt=alt, width="100%", height="100%", object_fit="cover", loading="lazy"),
            rx.center(rx.icon("package", size=28, color=rx.color("gray", 8)), width="100%", height="100%"),
        ),
        aspect_ratio="1",
        background=rx.color("gray", 3),
        border_radius="10px",
        overflow="hidden",
    )


def product_card(item: ProductCardView) -> rx.Component:
    return rx.link(
        rx.vstack(
            rx.box(
                product_thumb(item.thumb_url, item.title),
                rx.cond(item.sold_out, rx.badge("Sold out", position="absolute", top="8px", left="8px",
                                               variant="solid", color_scheme="gray", high_contrast=True)),
                position="relative",
                width="100%",
            ),
            rx.text(item.title, size="2", weight="medium", trim="end", max_width="100%", overflow="hidden",
                    white_space="nowrap", text_overflow="ellipsis"),
            rx.text(item.shop_name, size="1", color_scheme="gray"),
            price_line(item.price_text, item.compare_at_text, size="2"),
            spacing="1",
            width="100%",
            align="start",
        ),
        href=routes.PRODUCT_PREFIX + item.slug,
        underline="none",
        color="inherit",
        class_name="product-card",
        min_width="0",
    )


def product_grid(items: rx.Var[list[ProductCardView]]) -> rx.Component:
    return rx.grid(
        rx.foreach(items, product_card),
        columns=rx.breakpoints(initial="2", sm="3", md="4"),
        spacing="4",
        width="100%",
    )


def gallery(photos: rx.Var[list[PhotoView]]) -> rx.Component:
    return rx.cond(
        photos.length() > 0,
        rx.box(
            rx.foreach(photos, lambda p: rx.box(rx.image(src=p.url, width="100%", height="100%", object_fit="cover"),
                                                 aspect_ratio="1")),
            class_name="photo-strip",
            border_radius="12px",
            width="100%",
        ),
        product_thumb("", "No photo yet"),
    )


def variant_option(variant: VariantView) -> rx.Component:
    chosen = ShopperState.sheet_variant_id == variant.id
    return rx.button(
        variant.label,
        rx.cond(variant.sold_out, rx.text(" · sold out", size="1")),
        on_click=ShopperState.pick_variant(variant.id),
        variant=rx.cond(chosen, "solid", "outline"),
        color_scheme=rx.cond(variant.sold_out, "gray", "tomato"),
        size="2",
        aria_pressed=rx.cond(chosen, "true", "false"),
        class_name="variant-option",
        text_decoration=rx.cond(variant.sold_out, "line-through", "none"),
    )


def stock_note() -> rx.Component:
    variant = ShopperState.sheet_variant
    return rx.cond(
        ShopperState.sheet_variant_id != 0,
        rx.text(
            variant.stock_note,
            size="2",
            weight="medium",
            color_scheme=rx.cond(variant.sold_out, "red", rx.cond(variant.stock <= 3, "amber", "green")),
            id="stock-note",
        ),
    )


def sheet_body() -> rx.Component:
    product = ShopperState.sheet
    return rx.flex(
        rx.box(gallery(product.photos), width=rx.breakpoints(initial="100%", sm="45%"), flex_shrink="0"),
        rx.vstack(
            rx.link(
                rx.hstack(user_avatar(product.shop_logo_url, product.shop_initials, size="1"),
                          rx.text(product.shop_name, size="2"), align="center", spacing="2"),
                href=routes.STOREFRONT_PREFIX + product.shop_handle,
                underline="none",
                color="inherit",
            ),
            rx.dialog.title(product.title, size="5", margin="0"),
            rx.hstack(
                rx.cond(ShopperState.sheet_variant_id != 0,
                        rx.text(ShopperState.sheet_variant.price_text, weight="bold", size="5"),
                        rx.text(product.price_text, weight="bold", size="5")),
                rx.cond(product.compare_at_text != "",
                        rx.text(product.compare_at_text, color_scheme="gray", text_decoration="line-through")),
                align="baseline",
                spacing="2",
            ),
            rx.cond(product.rating_text != "", rx.text(product.rating_text, size="2", color_scheme="gray"),
                    rx.text("No reviews yet", size="1", color_scheme="gray")),
            rx.cond(product.social_proof != "",
                    rx.badge(rx.icon("users", size=12), product.social_proof, variant="soft", color_scheme="violet")),
            rx.text("Choose an option", size="2", weight="medium"),
            rx.flex(rx.foreach(product.variants, variant_option), wrap="wrap", spacing="2"),
            stock_note(),
            rx.hstack(
                rx.icon_button(rx.icon("minus", size=14), variant="soft", on_click=ShopperState.change_quantity(-1),
                               aria_label="Fewer"),
                rx.text(ShopperState.sheet_quantity, weight="bold", min_width="24px", align="center",
                        id="sheet-quantity"),
                rx.icon_button(rx.icon("plus", size=14), variant="soft", on_click=ShopperState.change_quantity(1),
                               aria_label="More"),
                align="center",
            ),
            rx.cond(ShopperState.sheet_error != "",
                    rx.text(ShopperState.sheet_error, color_scheme="red", size="2", role="alert", id="sheet-error")),
            rx.hstack(
                rx.button(rx.icon("shopping-bag", size=16), "Add to cart", size="3", flex="1",
                          on_click=ShopperState.add_to_cart, id="add-to-cart",
                          disabled=ShopperState.sheet_variant.sold_out),
                rx.button("Buy now", size="3", variant="soft", flex="1", on_click=ShopperState.buy_now,
                          disabled=ShopperState.sheet_variant.sold_out),
                rx.icon_button(rx.icon("heart", size=16, fill=rx.cond(product.wishlisted, "currentColor", "none")),
                               size="3", variant="soft", color_scheme="red",
                               aria_label=rx.cond(product.wishlisted, "Remove from wishlist", "Save to wishlist"),
                               on_click=ShopperState.toggle_sheet_wishlist, id="sheet-wishlist"),
                width="100%",
            ),
            rx.cond(
                product.sold_out & (product.similar.length() > 0),
                rx.vstack(
                    rx.text("Sold out. Similar products:", size="2", weight="medium"),
                    rx.grid(rx.foreach(product.similar, product_card), columns="2", spacing="3", width="100%"),
                    width="100%",
                ),
            ),
            rx.text(product.description, size="2", color_scheme="gray", white_space="pre-wrap"),
            rx.link("See full product page", href=routes.PRODUCT_PREFIX + product.slug, size="2"),
            spacing="3",
            align="start",
            width="100%",
            min_width="0",
        ),
        direction=rx.breakpoints(initial="column", sm="row"),
        spacing="5",
        width="100%",
    )


def product_sheet() -> rx.Component:
    """Opens over the page: the URL and scroll position stay where they were."""
    return rx.dialog.root(
        rx.dialog.content(
            rx.cond(
                ShopperState.sheet_loading,
                rx.center(rx.spinner(size="3"), padding="48px", width="100%"),
                sheet_body(),
            ),
            rx.dialog.close(
                rx.icon_button(rx.icon("x", size=16), variant="ghost", color_scheme="gray", position="absolute",
                               top="12px", right="12px", aria_label="Close")
            ),
            max_width="860px",
            width="96vw",
            id="product-sheet",
        ),
        open=ShopperState.sheet_open,
        on_open_change=ShopperState.set_sheet_open,
    )
