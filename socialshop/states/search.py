"""The search page: products (with facets), posts, people and tags, behind one search service."""

from __future__ import annotations

from urllib.parse import urlencode

import reflex as rx

from socialshop import routes
from socialshop.schemas.accounts import PersonCard
from socialshop.schemas.catalog import ProductCardView
from socialshop.schemas.social import PostCard
from socialshop.services import search
from socialshop.services.catalog.products import CATEGORIES
from socialshop.states.session import SessionState, in_session


class SearchState(SessionState):
    query: str = ""
    corrected: str = ""
    category: str = ""
    min_price: str = ""
    max_price: str = ""
    in_stock: bool = False
    sort: str = "relevance"
    products: list[ProductCardView] = []
    posts: list[PostCard] = []
    people: list[PersonCard] = []
    tags: list[str] = []
    searching: bool = False

    @rx.event
    async def load_results(self):
        await self.load_viewer()
        params = self.router.url.query_parameters
        self.query = params.get("q", "")[:100]
        self.category = params.get("category", "") if params.get("category", "") in CATEGORIES else ""
        self.min_price, self.max_price = params.get("min", "")[:12], params.get("max", "")[:12]
        self.in_stock = params.get("in_stock", "") == "1"
        self.sort = params.get("sort", "relevance") if params.get("sort") in search.SORTS else "relevance"
        self.searching = True
        yield
        filters = search.ProductFilters(
            category=self.category,
            min_price_minor=search.parse_price_filter(self.min_price),
            max_price_minor=search.parse_price_filter(self.max_price),
            in_stock=self.in_stock,
            sort=self.sort,
        )
        query = self.query
        if not query and not self.category:
            self.products, self.posts, self.people, self.tags, self.corrected = [], [], [], [], ""
        else:
            results = await in_session(
                lambda s: search.search_all(session=s, viewer=self._actor(s), query=query, filters=filters)
            )
            self.products, self.posts, self.people = results.products, results.posts, results.people
            self.tags, self.corrected = results.tags, results.corrected
        self.searching = False

    @rx.event
    def submit(self, form: dict):
        query = str(form.get("q", "")).strip()[:100]
        return rx.redirect(routes.search_url(query))

    @rx.event
    def apply_filters(self, form: dict):
        params = {"q": self.query}
        for key in ("category", "min", "max", "sort"):
            value = str(form.get(key, "")).strip()[:20]
            if value and value != "any":
                params[key] = value
        if form.get("in_stock"):
            params["in_stock"] = "1"
        return rx.redirect(f"{routes.SEARCH}?{urlencode(params)}")
