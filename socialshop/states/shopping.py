"""Shopping from anywhere: the product sheet over the feed, the cart, the wishlist, and the
funnel events recorded along the way (in the background, so they never slow a page)."""

from __future__ import annotations

import asyncio
import secrets

import reflex as rx
from sqlmodel import Session

from socialshop import routes
from socialshop.models.commerce import CommerceEventKind
from socialshop.schemas.catalog import ProductCardView, ProductDetail, VariantView
from socialshop.services import accounts
from socialshop.services.catalog import products, wishlist
from socialshop.services.commerce import cart, events, social_proof
from socialshop.services.commerce.cart import CartLine
from socialshop.services.errors import DomainError
from socialshop.states.messages import message_for
from socialshop.states.session import SessionState, in_session, log

_pending: set[asyncio.Task] = set()


def record_later(token: str | None, visitor: str, batch: list[events.EventInput]) -> None:
    """Write funnel events after the response has gone out; a failure only costs the events."""
    if not batch:
        return

    def work(session: Session) -> None:
        user = accounts.user_for_token(session=session, token=token)
        events.record(session=session, user_id=user.id if user else None, visitor=visitor, events=batch)

    async def write() -> None:
        try:
            await in_session(work)
        except Exception:
            log.exception("could not record commerce events")

    task = asyncio.create_task(write())
    _pending.add(task)
    task.add_done_callback(_pending.discard)


class ShopperState(SessionState):
    """The sheet, the cart and the wishlist share this state: the shopper's basket of actions."""

    sheet_open: bool = False
    sheet_loading: bool = False
    sheet: ProductDetail = ProductDetail()
    sheet_variant_id: int = 0
    sheet_quantity: int = 1
    sheet_error: str = ""
    _sheet_post_id: int | None = None
    _sheet_product_id: int = 0

    cart_lines: list[CartLine] = []
    cart_totals: list[str] = []
    cart_has_problems: bool = False
    cart_loading: bool = True

    wishlist_items: list[ProductCardView] = []

    async def _refresh_cart_count(self) -> None:
        self.cart_count = await in_session(lambda s: cart.item_count(session=s, owner=self._cart_owner(s)))

    # --- the product sheet -----------------------------------------------------------------

    @rx.event
    async def open_sheet(self, slug: str, post_id: int = 0):
        self.sheet_open, self.sheet_loading, self.sheet_error = True, True, ""
        self.sheet_variant_id, self.sheet_quantity = 0, 1
        yield

        def work(session: Session) -> ProductDetail:
            viewer = self._actor(session)
            detail = products.product_detail(session=session, viewer=viewer, slug=slug)
            detail.social_proof = social_proof.social_proof_text(session, viewer, detail.id)
            return detail

        try:
            self.sheet = await in_session(work)
        except DomainError as exc:
            self.sheet_open = False
            yield rx.toast.error(message_for(exc.code))
            return
        finally:
            self.sheet_loading = False
        self._sheet_post_id = post_id or None
        self._sheet_product_id = self.sheet.id
        in_stock = [v for v in self.sheet.variants if not v.sold_out]
        if len(self.sheet.variants) == 1 and in_stock:
            self.sheet_variant_id = in_stock[0].id
        record_later(self._session_token(), self._visitor(), [
            events.EventInput(kind=CommerceEventKind.SHEET_OPEN, product_id=self.sheet.id, post_id=self._sheet_post_id)
        ])

    @rx.event
    def close_sheet(self):
        self.sheet_open = False

    @rx.event
    def set_sheet_open(self, value: bool):
        self.sheet_open = value

    @rx.event
    def pick_variant(self, variant_id: int):
        variant = next((v for v in self.sheet.variants if v.id == variant_id), None)
        if variant is None:
            return
        self.sheet_variant_id = variant_id
        self.sheet_quantity = 1
        self.sheet_error = "" if not variant.sold_out else "This option is sold out."
        record_later(self._session_token(), self._visitor(), [
            events.EventInput(kind=CommerceEventKind.VARIANT_PICK, product_id=self._sheet_product_id,
                              post_id=self._sheet_post_id, variant_id=variant_id)
        ])

    @rx.event
    def change_quantity(self, delta: int):
        self.sheet_quantity = max(1, min(cart.MAX_QUANTITY, self.sheet_quantity + delta))

    @rx.var
    def sheet_variant(self) -> VariantView:
        return next((v for v in self.sheet.variants if v.id == self.sheet_variant_id), VariantView())

    async def _add_selected(self) -> bool:
        if not self.sheet_variant_id:
            self.sheet_error = "Choose an option first."
            return False
        if not self.signed_in and not cart.is_guest_key(self.guest_key):
            self.guest_key = secrets.token_urlsafe(24)
        variant_id, quantity, post_id = self.sheet_variant_id, self.sheet_quantity, self._sheet_post_id
        try:
            await in_session(
                lambda s: cart.add_item(
                    session=s, owner=self._cart_owner(s), variant_id=variant_id, quantity=quantity, from_post_id=post_id
                )
            )
        except DomainError as exc:
            self.sheet_error = message_for(exc.code)
            return False
        self.sheet_error = ""
        await self._refresh_cart_count()
        record_later(self._session_token(), self._visitor(), [
            events.EventInput(kind=CommerceEventKind.ADD_TO_CART, product_id=self._sheet_product_id,
                              post_id=post_id, variant_id=variant_id)
        ])
        return True

    @rx.event
    async def add_to_cart(self):
        if await self._add_selected():
            yield rx.toast.success("Added to your cart.", description=self.sheet.title)

    @rx.event
    async def buy_now(self):
        if await self._add_selected():
            self.sheet_open = False
            yield rx.redirect(routes.CHECKOUT)

    @rx.event
    async def toggle_sheet_wishlist(self):
        if not self.signed_in:
            yield rx.redirect(routes.login_url(self.router.url.path))
            return
        slug, saving = self.sheet.slug, not self.sheet.wishlisted
        action = wishlist.add if saving else wishlist.remove
        try:
            await in_session(lambda s: action(session=s, actor=self._actor(s), slug=slug))
        except DomainError as exc:
            yield rx.toast.error(message_for(exc.code))
            return
        self.sheet.wishlisted = saving
        yield rx.toast.success("Saved to your wishlist." if saving else "Removed from your wishlist.")

    # --- the cart page ----------------------------------------------------------------------

    async def _reload_cart(self) -> None:
        view = await in_session(lambda s: cart.view(session=s, owner=self._cart_owner(s)))
        self.cart_lines, self.cart_totals, self.cart_has_problems = view.lines, view.totals, view.has_problems
        self.cart_count = view.count
        self.cart_loading = False

    @rx.event
    async def load_cart(self):
        self.cart_loading = True
        await self.load_viewer()
        await self._reload_cart()

    @rx.event
    async def set_line_quantity(self, line_id: int, quantity: int):
        try:
            await in_session(
                lambda s: cart.set_quantity(session=s, owner=self._cart_owner(s), line_id=line_id, quantity=quantity)
            )
        except DomainError as exc:
            yield rx.toast.error(message_for(exc.code))
        await self._reload_cart()

    @rx.event
    async def remove_line(self, line_id: int):
        try:
            await in_session(lambda s: cart.remove_item(session=s, owner=self._cart_owner(s), line_id=line_id))
        except DomainError as exc:
            yield rx.toast.error(message_for(exc.code))
        await self._reload_cart()

    @rx.event
    async def accept_new_prices(self):
        await in_session(lambda s: cart.acknowledge_prices(session=s, owner=self._cart_owner(s)))
        await self._reload_cart()

    # --- the wishlist page ------------------------------------------------------------------

    @rx.event
    async def load_wishlist(self):
        await self.load_viewer()
        if not self.signed_in:
            return self._login_redirect()
        self.wishlist_items = await in_session(lambda s: wishlist.items(session=s, actor=self._actor(s)))

    @rx.event
    async def remove_from_wishlist(self, slug: str):
        try:
            await in_session(lambda s: wishlist.remove(session=s, actor=self._actor(s), slug=slug))
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))
        self.wishlist_items = [item for item in self.wishlist_items if item.slug != slug]
