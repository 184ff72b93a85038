"""/search?q=...: products (with facets), posts, people and tags."""

from __future__ import annotations

import reflex as rx

from socialshop import routes
from socialshop.components.common import empty_state, page_heading, person_row
from socialshop.components.layout import page
from socialshop.components.post_card import post_tile
from socialshop.components.product import product_grid
from socialshop.states.catalog import CATEGORY_OPTIONS
from socialshop.states.search import SearchState

SORT_OPTIONS = [("relevance", "Relevance"), ("newest", "Newest"), ("price_asc", "Price: low to high"),
                ("price_desc", "Price: high to low")]
SELECT_STYLE = {"padding": "6px 8px", "border_radius": "6px", "border": f"1px solid {rx.color('gray', 7)}",
                "background": rx.color("gray", 1), "color": rx.color("gray", 12)}


def facets() -> rx.Component:
    return rx.form(
        rx.flex(
            rx.el.select(rx.el.option("Any category", value="any"),
                         *[rx.el.option(o["label"], value=o["value"]) for o in CATEGORY_OPTIONS],
                         name="category", default_value=SearchState.category, aria_label="Category", style=SELECT_STYLE),
            rx.input(name="min", placeholder="Min €", default_value=SearchState.min_price, width="100px",
                     aria_label="Minimum price in euros"),
            rx.input(name="max", placeholder="Max €", default_value=SearchState.max_price, width="100px",
                     aria_label="Maximum price in euros"),
            rx.el.label(rx.hstack(rx.checkbox(name="in_stock", default_checked=SearchState.in_stock),
                                  rx.text("In stock", size="2"), align="center")),
            rx.el.select(*[rx.el.option(label, value=value) for value, label in SORT_OPTIONS], name="sort",
                         default_value=SearchState.sort, aria_label="Sort", style=SELECT_STYLE),
            rx.button("Apply", type="submit", variant="soft"),
            wrap="wrap", spacing="3", align="center",
        ),
        on_submit=SearchState.apply_filters,
        reset_on_submit=False,
        key=SearchState.query + SearchState.category + SearchState.sort,
    )


def section(title: str, body: rx.Component) -> rx.Component:
    return rx.vstack(rx.text(title, weight="bold", size="2", color_scheme="gray"), body, spacing="2", width="100%")


@page(route=routes.SEARCH, title="Search", on_load=SearchState.load_results)
def search_page() -> rx.Component:
    return rx.vstack(
        page_heading("Search"),
        rx.form(
            rx.hstack(
                rx.input(name="q", default_value=SearchState.query, placeholder="Products, posts, people, #tags…",
                         size="3", width="100%", key=SearchState.query, aria_label="Search query"),
                rx.button("Search", type="submit", size="3"),
                width="100%",
            ),
            on_submit=SearchState.submit,
            reset_on_submit=False,
            width="100%",
        ),
        rx.cond(SearchState.query != "", facets()),
        rx.cond(SearchState.corrected != "",
                rx.text("Showing results for ", rx.text.strong(SearchState.corrected), size="2", color_scheme="gray")),
        rx.cond(
            SearchState.searching,
            rx.center(rx.spinner(size="3"), padding="24px", width="100%"),
            rx.cond(
                (SearchState.query == "") & (SearchState.category == ""),
                empty_state("search", "Find products, posts and people",
                            "Try a product (sweater), a #tag or a name."),
                rx.cond(
                    (SearchState.products.length() + SearchState.posts.length() + SearchState.people.length()
                     + SearchState.tags.length()) > 0,
                    rx.vstack(
                        rx.cond(SearchState.tags.length() > 0, section("Tags", rx.flex(
                            rx.foreach(SearchState.tags, lambda t: rx.link(rx.badge("#" + t, size="2", variant="soft"),
                                                                          href=routes.TAG_PREFIX + t)),
                            wrap="wrap", spacing="2"))),
                        rx.cond(SearchState.products.length() > 0,
                                section("Products", product_grid(SearchState.products))),
                        # A lambda: foreach counts the callback's parameters, and person_row has optional ones.
                        rx.cond(SearchState.people.length() > 0, section("People", rx.flex(
                            rx.foreach(SearchState.people, lambda person: person_row(person)), wrap="wrap", spacing="5"))),
                        rx.cond(SearchState.posts.length() > 0, section("Posts", rx.grid(
                            rx.foreach(SearchState.posts, post_tile), columns=rx.breakpoints(initial="3", md="5"),
                            spacing="2", width="100%"))),
                        spacing="5", width="100%",
                    ),
                    empty_state("search-x", "No matches", "Check the spelling, try fewer words, or remove filters."),
                ),
            ),
        ),
        spacing="4",
        width="100%",
    )
