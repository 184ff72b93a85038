"""/cart: what you are about to buy, priced by the server now; /checkout: where payment will go."""

import reflex as rx

from socialshop import routes, styles
from socialshop.components.common import empty_state, page_heading
from socialshop.components.layout import page
from socialshop.components.product import product_thumb
from socialshop.services.commerce.cart import CartLine
from socialshop.states.shopping import ShopperState


def cart_line(line: CartLine) -> rx.Component:
    return rx.hstack(
        rx.link(rx.box(product_thumb(line.thumb_url, line.title), width="72px"),
                href=routes.PRODUCT_PREFIX + line.product_slug, flex_shrink="0"),
        rx.vstack(
            rx.link(line.title, href=routes.PRODUCT_PREFIX + line.product_slug, weight="medium", size="2",
                    color=rx.color("gray", 12)),
            rx.text(line.variant_label, " · ", line.shop_name, size="1", color_scheme="gray"),
            rx.text(line.unit_price_text, size="2"),
            rx.cond(line.problem != "", rx.badge(rx.icon("triangle-alert", size=12), line.problem,
                                                 color_scheme="amber", class_name="cart-problem")),
            rx.hstack(
                rx.icon_button(rx.icon("minus", size=12), size="1", variant="soft", aria_label="Fewer",
                               on_click=ShopperState.set_line_quantity(line.id, line.quantity - 1)),
                rx.text(line.quantity, weight="bold", size="2", class_name="line-quantity"),
                rx.icon_button(rx.icon("plus", size=12), size="1", variant="soft", aria_label="More",
                               on_click=ShopperState.set_line_quantity(line.id, line.quantity + 1),
                               disabled=~line.available | (line.quantity >= line.stock)),
                rx.button("Remove", size="1", variant="ghost", color_scheme="gray",
                          on_click=ShopperState.remove_line(line.id)),
                align="center", spacing="2",
            ),
            spacing="1", flex="1", min_width="0",
        ),
        rx.text(rx.cond(line.available, line.line_total_text, "—"), weight="bold", size="3"),
        width="100%", align="start", spacing="3", class_name="cart-line",
    )


@page(route=routes.CART, title="Cart", on_load=ShopperState.load_cart)
def cart_page() -> rx.Component:
    return rx.vstack(
        page_heading("Your cart"),
        rx.cond(
            ShopperState.cart_loading,
            rx.center(rx.spinner(size="3"), padding="32px", width="100%"),
            rx.cond(
                ShopperState.cart_lines.length() > 0,
                rx.flex(
                    rx.card(rx.vstack(rx.foreach(ShopperState.cart_lines, cart_line), spacing="4", width="100%"),
                            width="100%", flex="1"),
                    rx.card(
                        rx.vstack(
                            rx.text("Total", size="2", color_scheme="gray"),
                            rx.foreach(ShopperState.cart_totals, lambda t: rx.heading(t, size="6", class_name="cart-total")),
                            rx.text("Shipping and taxes are calculated at checkout.", size="1", color_scheme="gray"),
                            rx.cond(
                                ShopperState.cart_has_problems,
                                rx.vstack(
                                    rx.text("Some items changed since you added them.", size="2", color_scheme="amber"),
                                    rx.button("OK, use the new prices", size="1", variant="soft",
                                              on_click=ShopperState.accept_new_prices),
                                ),
                            ),
                            rx.link(rx.button("Checkout", size="3", width="100%"), href=routes.CHECKOUT, width="100%"),
                            spacing="3", width="100%",
                        ),
                        width=rx.breakpoints(initial="100%", md="300px"),
                        flex_shrink="0",
                    ),
                    direction=rx.breakpoints(initial="column", md="row"), spacing="4", width="100%", align="start",
                ),
                empty_state("shopping-cart", "Your cart is empty",
                            "Tap Shop now on a post, or browse the shop to add something.",
                            rx.link(rx.button("Browse the shop"), href=routes.SHOP)),
            ),
        ),
        spacing="5", width="100%", max_width=styles.CONTENT_MAX_WIDTH,
    )


@page(route=routes.CHECKOUT, title="Checkout", on_load=ShopperState.load_cart)
def checkout_page() -> rx.Component:
    return rx.vstack(
        page_heading("Checkout"),
        empty_state("credit-card", "Payments are being built",
                    "Checkout with Stripe (and an honest demo mode that charges nothing) is the next piece of work. "
                    "Your cart is saved: nothing has been charged.",
                    rx.link(rx.button("Back to your cart"), href=routes.CART)),
        spacing="5", width="100%", max_width=styles.NARROW_MAX_WIDTH, margin_x="auto",
    )
