"""Browsing the catalog: /shop (everything), /shop/{handle} (a storefront), /p/{slug} (a product)."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from socialshop.models.commerce import CommerceEventKind
from socialshop.schemas.catalog import ProductCardView, ProductDetail, ShopView
from socialshop.schemas.social import PostCard
from socialshop.services.catalog import products, shops
from socialshop.services.commerce import events, social_proof, tagging
from socialshop.services.errors import DomainError
from socialshop.services.social import feeds
from socialshop.services.social.cards import cards_for_ids
from socialshop.states.messages import message_for
from socialshop.states.session import SessionState, in_session
from socialshop.states.shopping import record_later

CATEGORY_OPTIONS = [{"value": key, "label": label} for key, label in products.CATEGORIES.items()]



class CatalogState(SessionState):
    category: str = ""
    items: list[ProductCardView] = []
    shop_list: list[ShopView] = []
    loading: bool = True
    has_shop: bool = False

    @rx.event
    async def load_catalog(self):
        self.loading = True
        await self.load_viewer()
        self.category = self.router.url.query_parameters.get("category", "")
        category = self.category if self.category in products.CATEGORIES else None

        def work(session: Session):
            return (
                products.latest_products(session=session, category=category),
                shops.all_shops(session=session),
                shops.shop_of(session, self._actor(session)) is not None,
            )

        self.items, self.shop_list, self.has_shop = await in_session(work)
        self.loading = False

    @rx.event
    def choose_category(self, category: str):
        return rx.redirect(f"/shop?category={category}" if category else "/shop")


class StorefrontState(SessionState):
    shop: ShopView = ShopView()
    items: list[ProductCardView] = []
    posts: list[PostCard] = []
    found: bool = True
    loading: bool = True

    @rx.event
    async def load_storefront(self):
        self.loading = True
        await self.load_viewer()
        handle = self._path_segment(1)

        def work(session: Session):
            viewer = self._actor(session)
            view = shops.shop_view(session=session, viewer=viewer, handle=handle)
            shop = shops.get_shop(session, handle)
            page = feeds.profile_feed(session=session, viewer=viewer, username=view.owner_username, limit=6)
            tagging.attach_pins(session, page.cards)
            return view, products.shop_products(session=session, shop=shop), page.cards

        try:
            self.shop, self.items, self.posts = await in_session(work)
            self.found = True
        except DomainError:
            self.found = False
        self.loading = False

    async def _follow(self, follow: bool):
        if not self.signed_in:
            return self._login_redirect()
        handle = self.shop.handle
        action = shops.follow_shop if follow else shops.unfollow_shop

        def work(session: Session) -> ShopView:
            viewer = self._actor(session)
            action(session=session, actor=viewer, handle=handle)
            return shops.shop_view(session=session, viewer=viewer, handle=handle)

        try:
            self.shop = await in_session(work)
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))

    @rx.event
    async def follow_shop(self):
        return await self._follow(True)

    @rx.event
    async def unfollow_shop(self):
        return await self._follow(False)


class ProductPageState(SessionState):
    product: ProductDetail = ProductDetail()
    featured_in: list[PostCard] = []
    found: bool = True
    loading: bool = True

    @rx.event
    async def load_product(self):
        self.loading = True
        await self.load_viewer()
        slug = self._path_segment(1)

        def work(session: Session):
            viewer = self._actor(session)
            detail = products.product_detail(session=session, viewer=viewer, slug=slug)
            detail.social_proof = social_proof.social_proof_text(session, viewer, detail.id)
            post_ids = tagging.posts_featuring(session, detail.id)
            cards = cards_for_ids(session, post_ids, viewer.id if viewer else None)
            return detail, cards

        try:
            self.product, self.featured_in = await in_session(work)
            self.found = True
        except DomainError:
            self.found = False
            self.loading = False
            return
        self.loading = False
        record_later(self._session_token(), self._visitor(), [
            events.EventInput(kind=CommerceEventKind.PRODUCT_VIEW, product_id=self.product.id)
        ])
