"""/shop: the catalog and seller storefronts (products arrive with the catalog work)."""

import reflex as rx

from socialshop import routes
from socialshop.components.common import empty_state, page_heading
from socialshop.components.layout import page


@page(route=routes.SHOP, title="Shop")
def shop_page() -> rx.Component:
    return rx.vstack(
        page_heading("Shop", "Products from independent sellers, tagged in the posts you love."),
        empty_state("store", "The shelves are being stocked",
                    "No products are listed yet. Follow sellers from the feed to hear when they open."),
        spacing="5",
        width="100%",
    )
