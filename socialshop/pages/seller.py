"""/my-shop (open a shop, list products) and the product editor."""

from __future__ import annotations

import reflex as rx

from socialshop import routes
from socialshop.components.common import (
    empty_state,
    field_error,
    field_label,
    form_field,
    page_heading,
    user_avatar,
)
from socialshop.components.layout import page
from socialshop.components.product import product_thumb
from socialshop.schemas.catalog import SellerProductRow
from socialshop.services import money
from socialshop.states.catalog import CATEGORY_OPTIONS
from socialshop.states.seller import (
    PRODUCT_PHOTOS_UPLOAD_ID,
    SHOP_LOGO_UPLOAD_ID,
    MyShopState,
    ProductEditorState,
    VariantRow,
)

STATUS_OPTIONS = [("draft", "Draft (hidden)"), ("active", "Active (on sale)"), ("archived", "Archived")]


def open_shop_form() -> rx.Component:
    errors = MyShopState.field_errors
    return rx.card(
        rx.form(
            rx.vstack(
                rx.heading("Open your shop", size="5"),
                rx.text("Anyone can sell on socialshop. Your shop gets a storefront, and you can tag your "
                        "products in posts.", color_scheme="gray", size="2"),
                form_field("Shop name", "name", errors.get("name", ""), placeholder="Clay & Co."),
                form_field("Handle", "handle", errors.get("handle", ""), placeholder="clay_and_co",
                           hint="Your storefront address: /shop/your_handle"),
                rx.vstack(field_label("About the shop", "description"),
                          rx.text_area(id="description", name="description", width="100%", rows="3"),
                          field_error(errors.get("description", "")), width="100%", spacing="1"),
                rx.button("Open shop", type="submit", size="3"),
                spacing="4", width="100%",
            ),
            on_submit=MyShopState.open_shop, reset_on_submit=False, no_validate=True,
        ),
        size="3", width="100%", max_width="560px",
    )


def seller_row(row: SellerProductRow) -> rx.Component:
    return rx.link(
        rx.hstack(
            rx.box(product_thumb(row.thumb_url, row.title), width="48px", flex_shrink="0"),
            rx.vstack(rx.text(row.title, weight="medium", size="2"),
                      rx.text(row.variant_count, " variants · ", row.total_stock, " in stock", size="1",
                              color_scheme="gray"), spacing="0"),
            rx.spacer(),
            rx.badge(row.status, color_scheme=rx.match(row.status, ("active", "green"), ("draft", "gray"), "amber")),
            rx.text(row.price_text, weight="bold", size="2"),
            align="center", width="100%", padding="8px",
        ),
        href=routes.EDIT_PRODUCT_PREFIX + row.slug,
        underline="none", color="inherit", width="100%", class_name="seller-product",
    )


@page(route=routes.MY_SHOP, title="My shop", on_load=MyShopState.load_my_shop)
def my_shop_page() -> rx.Component:
    return rx.cond(
        MyShopState.loading,
        rx.center(rx.spinner(size="3"), padding="48px", width="100%"),
        rx.cond(
            MyShopState.has_shop,
            rx.vstack(
                rx.hstack(
                    rx.hstack(
                        user_avatar(MyShopState.shop.logo_url, MyShopState.shop.initials, size="5"),
                        page_heading(MyShopState.shop.name, "Manage your products"),
                        align="center",
                    ),
                    rx.hstack(
                        rx.upload.root(
                            rx.button(rx.icon("image-up", size=14), "Change logo", variant="soft", type="button"),
                            id=SHOP_LOGO_UPLOAD_ID,
                            accept={"image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"], "image/webp": [".webp"]},
                            max_files=1,
                            on_drop=MyShopState.upload_logo(rx.upload_files(upload_id=SHOP_LOGO_UPLOAD_ID)),
                        ),
                        rx.link(rx.button("View storefront", variant="soft"),
                                href=routes.STOREFRONT_PREFIX + MyShopState.shop.handle),
                        rx.link(rx.button(rx.icon("plus", size=14), "New product"), href=routes.NEW_PRODUCT),
                    ),
                    justify="between", width="100%", wrap="wrap", align="start",
                ),
                rx.cond(
                    MyShopState.rows.length() > 0,
                    rx.card(rx.vstack(rx.foreach(MyShopState.rows, seller_row), spacing="1", width="100%"),
                            width="100%"),
                    empty_state("package-plus", "No products yet", "Add your first product: photos, price and variants.",
                                rx.link(rx.button("New product"), href=routes.NEW_PRODUCT)),
                ),
                spacing="5", width="100%", max_width="860px", margin_x="auto",
            ),
            rx.center(open_shop_form(), width="100%"),
        ),
    )


def variant_input(row: VariantRow, name: str, value, placeholder: str, width: str, label: str) -> rx.Component:
    key = name + "__" + row.key
    return rx.vstack(
        rx.input(name=key, default_value=value, placeholder=placeholder, size="2", width=width,
                 aria_label=label, color_scheme=rx.cond(ProductEditorState.field_errors.contains(key), "red", "tomato")),
        field_error(ProductEditorState.field_errors.get(key, "")),
        spacing="1",
    )


def variant_row(row: VariantRow) -> rx.Component:
    return rx.flex(
        variant_input(row, "sku", row.sku, "SKU", "110px", "Variant SKU"),
        variant_input(row, "size", row.size, "Size", "90px", "Variant size"),
        variant_input(row, "colour", row.colour, "Colour", "110px", "Variant colour"),
        variant_input(row, "price", row.price_text, "Price (optional)", "120px", "Variant price"),
        variant_input(row, "stock", row.stock.to_string(), "Stock", "80px", "Variant stock"),
        rx.icon_button(rx.icon("trash-2", size=14), variant="ghost", color_scheme="gray", type="button",
                       on_click=ProductEditorState.remove_variant_row(row.key), aria_label="Remove variant"),
        key=row.key, wrap="wrap", spacing="2", align="start", class_name="variant-row",
    )


def photos_panel() -> rx.Component:
    return rx.vstack(
        rx.text("Photos", size="2", weight="medium"),
        rx.cond(
            ProductEditorState.is_new,
            rx.text("Save the product first, then add photos.", size="2", color_scheme="gray"),
            rx.vstack(
                rx.flex(
                    rx.foreach(
                        ProductEditorState.form.photos,
                        lambda p, i: rx.box(
                            rx.image(src=p.thumb_url, width="80px", height="80px", object_fit="cover",
                                     border_radius="8px"),
                            rx.icon_button(rx.icon("x", size=12), size="1", radius="full", position="absolute",
                                           top="-6px", right="-6px", on_click=ProductEditorState.remove_photo(i),
                                           aria_label="Remove photo", type="button"),
                            position="relative",
                        ),
                    ),
                    wrap="wrap", spacing="3",
                ),
                rx.upload.root(
                    rx.button(rx.icon("image-plus", size=14), "Add photos", variant="soft", type="button"),
                    id=PRODUCT_PHOTOS_UPLOAD_ID,
                    accept={"image/jpeg": [".jpg", ".jpeg"], "image/png": [".png"], "image/webp": [".webp"]},
                    multiple=True, max_files=8,
                    on_drop=ProductEditorState.upload_photos(rx.upload_files(upload_id=PRODUCT_PHOTOS_UPLOAD_ID)),
                ),
                rx.cond(ProductEditorState.uploading, rx.hstack(rx.spinner(size="1"), rx.text("Uploading…", size="1"))),
                spacing="2",
            ),
        ),
        spacing="2", width="100%",
    )


def select_field(label: str, name: str, options: list[tuple[str, str]], value) -> rx.Component:
    return rx.vstack(
        field_label(label, name),
        rx.el.select(
            *[rx.el.option(text, value=key) for key, text in options],
            id=name, name=name, default_value=value,
            style={"padding": "6px 8px", "border_radius": "6px", "border": f"1px solid {rx.color('gray', 7)}",
                   "background": rx.color("gray", 1), "color": rx.color("gray", 12), "width": "100%"},
        ),
        field_error(ProductEditorState.field_errors.get(name, "")),
        spacing="1", width="100%",
    )


@page(route=routes.NEW_PRODUCT, title="New product", on_load=ProductEditorState.load_editor)
def new_product_page() -> rx.Component:
    return product_editor()


@page(route=routes.EDIT_PRODUCT, title="Edit product", on_load=ProductEditorState.load_editor)
def edit_product_page() -> rx.Component:
    return product_editor()


def product_editor() -> rx.Component:
    form = ProductEditorState.form
    errors = ProductEditorState.field_errors
    return rx.cond(
        ProductEditorState.loading,
        rx.center(rx.spinner(size="3"), padding="48px", width="100%"),
        rx.vstack(
            rx.link(rx.hstack(rx.icon("arrow-left", size=14), rx.text("My shop"), align="center"),
                    href=routes.MY_SHOP, underline="none"),
            rx.heading(rx.cond(ProductEditorState.is_new, "New product", "Edit product"), size="6"),
            rx.cond(ProductEditorState.form_error != "",
                    rx.callout(ProductEditorState.form_error, icon="triangle-alert", color_scheme="red", width="100%")),
            rx.card(photos_panel(), width="100%"),
            rx.form(
                rx.vstack(
                    form_field("Title", "title", errors.get("title", ""), default_value=form.title,
                               placeholder="Fisherman sweater"),
                    rx.vstack(field_label("Description", "description"),
                              rx.text_area(id="description", name="description", default_value=form.description,
                                           rows="5", width="100%"),
                              field_error(errors.get("description", "")), spacing="1", width="100%"),
                    rx.grid(
                        select_field("Category", "category", [(o["value"], o["label"]) for o in CATEGORY_OPTIONS],
                                     form.category),
                        select_field("Currency", "currency", [(c, c) for c in money.SUPPORTED_CURRENCIES], form.currency),
                        select_field("Status", "status", STATUS_OPTIONS, form.status),
                        columns=rx.breakpoints(initial="1", sm="3"), spacing="3", width="100%",
                    ),
                    rx.grid(
                        form_field("Price", "price", errors.get("price", ""), default_value=form.price_text,
                                   placeholder="49.00"),
                        form_field("Compare-at price (optional)", "compare_at", errors.get("compare_at", ""),
                                   default_value=form.compare_at_text, placeholder="59.00"),
                        columns=rx.breakpoints(initial="1", sm="2"), spacing="3", width="100%",
                    ),
                    form_field("Tags", "tags", errors.get("tags", ""), default_value=form.tags,
                               placeholder="knitwear wool gift", hint="Words that help people find it."),
                    rx.vstack(
                        rx.text("Variants", size="2", weight="medium"),
                        rx.text("Each option has its own SKU and stock; leave the price empty to use the product's.",
                                size="1", color_scheme="gray"),
                        field_error(errors.get("variants", "")),
                        rx.foreach(ProductEditorState.variant_rows, variant_row),
                        rx.button(rx.icon("plus", size=14), "Add variant", variant="soft", type="button", size="1",
                                  on_click=ProductEditorState.add_variant_row, id="add-variant"),
                        spacing="2", width="100%",
                    ),
                    rx.hstack(
                        rx.cond(~ProductEditorState.is_new,
                                rx.link(rx.button("View product page", variant="soft", type="button"),
                                        href=routes.PRODUCT_PREFIX + ProductEditorState.slug)),
                        rx.button("Save product", type="submit", size="3", loading=ProductEditorState.saving,
                                  id="save-product"),
                        justify="end", width="100%",
                    ),
                    spacing="4", width="100%",
                ),
                on_submit=ProductEditorState.save, reset_on_submit=False, no_validate=True,
                key=ProductEditorState.form_key.to_string(), width="100%",
            ),
            spacing="4", width="100%", max_width="860px", margin_x="auto",
        ),
    )


