"""The 404 page."""

import reflex as rx

from socialshop import routes
from socialshop.components.common import empty_state
from socialshop.components.layout import page


@page(route="404", title="Page not found")
def not_found_page() -> rx.Component:
    return rx.center(
        rx.box(
            empty_state("map-pin-off", "This page wandered off",
                        "The link may be old or mistyped. Head back to the feed.",
                        rx.link(rx.button("Go to the feed"), href=routes.HOME)),
            max_width="520px",
            width="100%",
        ),
        padding_y="48px",
        width="100%",
    )
