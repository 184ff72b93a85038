"""/cart: what you are about to buy."""

import reflex as rx

from socialshop import routes
from socialshop.components.common import empty_state, page_heading
from socialshop.components.layout import page


@page(route=routes.CART, title="Cart")
def cart_page() -> rx.Component:
    return rx.vstack(
        page_heading("Your cart"),
        empty_state("shopping-cart", "Your cart is empty",
                    "Tap \"Shop now\" on a post or browse the shop to add something.",
                    rx.link(rx.button("Browse the shop"), href=routes.SHOP)),
        spacing="5",
        width="100%",
    )
