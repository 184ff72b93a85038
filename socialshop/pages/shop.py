"""/shop (the catalog), /shop/{handle} (a storefront), /p/{slug} (a product), /wishlist."""

from __future__ import annotations

import reflex as rx

from socialshop import routes, styles
from socialshop.components.common import empty_state, page_heading, user_avatar
from socialshop.components.layout import page
from socialshop.components.post_card import post_tile
from socialshop.components.product import gallery, price_line, product_card, product_grid
from socialshop.schemas.catalog import ShopView, VariantView
from socialshop.states.catalog import CATEGORY_OPTIONS, CatalogState, ProductPageState, StorefrontState
from socialshop.states.shopping import ShopperState


def category_chips() -> rx.Component:
    def chip(value: str, label: str) -> rx.Component:
        return rx.button(label, size="1", radius="full",
                         variant=rx.cond(CatalogState.category == value, "solid", "soft"),
                         on_click=CatalogState.choose_category(value))

    return rx.flex(chip("", "All"), *[chip(o["value"], o["label"]) for o in CATEGORY_OPTIONS],
                   wrap="wrap", spacing="2")


def shop_chip(shop: ShopView) -> rx.Component:
    return rx.link(
        rx.card(
            rx.hstack(user_avatar(shop.logo_url, shop.initials, size="3"),
                      rx.vstack(rx.text(shop.name, weight="bold", size="2"),
                                rx.text(shop.product_count, " products", size="1", color_scheme="gray"),
                                spacing="0"),
                      align="center"),
        ),
        href=routes.STOREFRONT_PREFIX + shop.handle,
        underline="none",
        color="inherit",
    )



def post_tiles_section(heading: str, posts: rx.Var) -> rx.Component:
    """A heading and a grid of post thumbnails, shown only when there are posts."""
    return rx.cond(
        posts.length() > 0,
        rx.vstack(
            rx.heading(heading, size="5"),
            rx.grid(rx.foreach(posts, post_tile), columns=rx.breakpoints(initial="3", md="6"), spacing="2",
                    width="100%"),
            width="100%", spacing="3",
        ),
    )

@page(route=routes.SHOP, title="Shop", on_load=CatalogState.load_catalog)
def shop_page() -> rx.Component:
    return rx.vstack(
        rx.hstack(
            page_heading("Shop", "Products from independent sellers, tagged in the posts you love."),
            rx.link(rx.button(rx.icon("store", size=14), rx.cond(CatalogState.has_shop, "My shop", "Open a shop"),
                              variant="soft"), href=routes.MY_SHOP),
            justify="between", align="start", width="100%", wrap="wrap",
        ),
        rx.cond(CatalogState.shop_list.length() > 0,
                rx.flex(rx.foreach(CatalogState.shop_list, shop_chip), spacing="3", wrap="wrap")),
        category_chips(),
        rx.cond(
            CatalogState.loading,
            rx.center(rx.spinner(size="3"), padding="32px", width="100%"),
            rx.cond(
                CatalogState.items.length() > 0,
                product_grid(CatalogState.items),
                empty_state("store", "Nothing here yet",
                            "No products in this category yet. Try another, or open your own shop."),
            ),
        ),
        spacing="5",
        width="100%",
    )


@page(route=routes.STOREFRONT, title="Storefront", on_load=StorefrontState.load_storefront)
def storefront_page() -> rx.Component:
    shop = StorefrontState.shop
    return rx.cond(
        StorefrontState.loading,
        rx.center(rx.spinner(size="3"), padding="48px", width="100%"),
        rx.cond(
            StorefrontState.found,
            rx.vstack(
                rx.card(
                    rx.flex(
                        user_avatar(shop.logo_url, shop.initials, size="7"),
                        rx.vstack(
                            rx.heading(shop.name, size="7", id="shop-name"),
                            rx.text("@", shop.handle, " · by ",
                                    rx.link("@" + shop.owner_username, href=routes.PROFILE_PREFIX + shop.owner_username),
                                    size="2", color_scheme="gray"),
                            rx.text(shop.description, size="3"),
                            rx.text(shop.product_count, " products · ", shop.follower_count, " followers",
                                    size="2", color_scheme="gray"),
                            rx.cond(
                                shop.is_own,
                                rx.link(rx.button("Manage shop", variant="soft"), href=routes.MY_SHOP),
                                rx.cond(shop.viewer_follows,
                                        rx.button("Following shop", variant="soft", on_click=StorefrontState.unfollow_shop),
                                        rx.button("Follow shop", on_click=StorefrontState.follow_shop)),
                            ),
                            spacing="2", align="start",
                        ),
                        direction=rx.breakpoints(initial="column", sm="row"), spacing="5",
                    ),
                    size="3", width="100%",
                ),
                rx.heading("Products", size="5"),
                rx.cond(StorefrontState.items.length() > 0, product_grid(StorefrontState.items),
                        empty_state("package", "No products on sale yet", "Check back soon.")),
                post_tiles_section("From the shop's feed", StorefrontState.posts),
                spacing="5", width="100%",
            ),
            empty_state("store", "No shop by that name", "It may have closed. Browse the shop instead.",
                        rx.link(rx.button("Browse the shop"), href=routes.SHOP)),
        ),
    )


def page_variant(variant: VariantView) -> rx.Component:
    return rx.button(
        variant.label, " · ", variant.price_text, " · ", variant.stock_note,
        on_click=[ShopperState.open_sheet(ProductPageState.product.slug, 0), ShopperState.pick_variant(variant.id)],
        variant="outline", color_scheme=rx.cond(variant.sold_out, "gray", "tomato"), size="2",
        text_decoration=rx.cond(variant.sold_out, "line-through", "none"),
    )


@page(route=routes.PRODUCT, title="Product", on_load=ProductPageState.load_product)
def product_page() -> rx.Component:
    product = ProductPageState.product
    return rx.cond(
        ProductPageState.loading,
        rx.center(rx.spinner(size="3"), padding="48px", width="100%"),
        rx.cond(
            ProductPageState.found,
            rx.vstack(
                rx.flex(
                    rx.box(gallery(product.photos), width=rx.breakpoints(initial="100%", md="50%"), flex_shrink="0"),
                    rx.vstack(
                        rx.link(product.shop_name, href=routes.STOREFRONT_PREFIX + product.shop_handle, size="2"),
                        rx.heading(product.title, size="7", id="product-title"),
                        price_line(product.price_text, product.compare_at_text, size="5"),
                        rx.cond(~product.is_active, rx.badge("Draft: only you can see this", color_scheme="amber")),
                        rx.cond(product.social_proof != "",
                                rx.badge(rx.icon("users", size=12), product.social_proof, variant="soft",
                                         color_scheme="violet")),
                        rx.text(product.category, size="1", color_scheme="gray"),
                        rx.text("Options", size="2", weight="medium"),
                        rx.flex(rx.foreach(product.variants, page_variant), wrap="wrap", spacing="2"),
                        rx.button(rx.icon("shopping-bag", size=16), "Choose and add to cart", size="3",
                                  on_click=ShopperState.open_sheet(product.slug, 0), id="open-sheet"),
                        rx.text(product.description, size="3", white_space="pre-wrap"),
                        spacing="3", align="start", width="100%",
                    ),
                    direction=rx.breakpoints(initial="column", md="row"), spacing="6", width="100%",
                ),
                post_tiles_section("Posts featuring this", ProductPageState.featured_in),
                spacing="6", width="100%",
            ),
            empty_state("package-x", "This product isn't available", "It may be sold out for good or unlisted.",
                        rx.link(rx.button("Browse the shop"), href=routes.SHOP)),
        ),
    )


@page(route=routes.WISHLIST, title="Wishlist", on_load=ShopperState.load_wishlist)
def wishlist_page() -> rx.Component:
    return rx.vstack(
        page_heading("Your wishlist", "Products you saved for later."),
        rx.cond(
            ShopperState.wishlist_items.length() > 0,
            rx.grid(
                rx.foreach(
                    ShopperState.wishlist_items,
                    lambda item: rx.vstack(
                        product_card(item),
                        rx.button("Remove", size="1", variant="soft", color_scheme="gray",
                                  on_click=ShopperState.remove_from_wishlist(item.slug),
                                  aria_label="Remove " + item.title + " from wishlist"),
                        width="100%",
                    ),
                ),
                columns=rx.breakpoints(initial="2", sm="3", md="4"), spacing="4", width="100%",
            ),
            empty_state("heart", "Your wishlist is empty", "Tap the heart on any product to save it here.",
                        rx.link(rx.button("Browse the shop"), href=routes.SHOP)),
        ),
        spacing="5", width="100%", max_width=styles.CONTENT_MAX_WIDTH,
    )
