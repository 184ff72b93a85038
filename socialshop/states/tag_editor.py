"""Pinning products on a post's photos: tap a spot, pick a product, save."""

from __future__ import annotations

from dataclasses import dataclass

import reflex as rx
from sqlmodel import Session

from socialshop.schemas.catalog import ProductCardView
from socialshop.schemas.social import PhotoView, PostCard, ProductPin
from socialshop.services import search
from socialshop.services.commerce import tagging
from socialshop.services.errors import DomainError
from socialshop.services.social import posts
from socialshop.states.messages import message_for
from socialshop.states.session import SessionState, in_session

GRID = 5  # the photo is split into GRID x GRID spots to tap


@dataclass
class TagDraft:
    product_slug: str = ""
    title: str = ""
    photo_position: int = 0
    x: int = 500
    y: int = 500
    left: str = "50%"
    top: str = "50%"
    on_sale: bool = True


def _draft(slug: str, title: str, photo_position: int, x: int, y: int, on_sale: bool = True) -> TagDraft:
    return TagDraft(product_slug=slug, title=title, photo_position=photo_position, x=x, y=y,
                    left=f"{x / 10:.1f}%", top=f"{y / 10:.1f}%", on_sale=on_sale)


class TagEditorState(SessionState):
    open: bool = False
    post_id: int = 0
    photos: list[PhotoView] = []
    photo_index: int = 0
    drafts: list[TagDraft] = []
    point_x: int = -1
    point_y: int = -1
    query: str = ""
    results: list[ProductCardView] = []
    error: str = ""
    saving: bool = False

    @rx.event
    async def open_editor(self, post_id: int):
        def work(session: Session) -> tuple[PostCard | None, list[tagging.EditableTag]]:
            actor = self._actor(session)
            card = posts.get_post_card(session=session, viewer=actor, post_id=post_id)
            if card is None or not card.photos:
                return None, []
            return card, tagging.tags_for_editing(session=session, actor=actor, post_id=post_id)

        try:
            card, tags = await in_session(work)
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))
        if card is None:
            return rx.toast.error("Only your own posts with photos can have product tags.")
        self.post_id, self.photos = post_id, card.photos
        self.drafts = [_draft(t.product_slug, t.title, t.photo_position, t.x, t.y, t.on_sale) for t in tags]
        self.photo_index, self.point_x, self.point_y = 0, -1, -1
        self.query, self.results, self.error = "", [], ""
        self.open = True

    @rx.event
    def set_open(self, value: bool):
        self.open = value

    @rx.event
    def choose_photo(self, index: int):
        self.photo_index = index
        self.point_x, self.point_y = -1, -1

    @rx.event
    def place(self, column: int, row: int):
        """A tap on the photo's grid: the spot's centre becomes the pin's point."""
        self.point_x = int((column + 0.5) * 1000 / GRID)
        self.point_y = int((row + 0.5) * 1000 / GRID)
        self.error = ""

    @rx.event
    async def find_products(self, form: dict):
        query = str(form.get("q", ""))[:100]
        self.query = query
        self.results = await in_session(lambda s: search.search_products(session=s, query=query, limit=8)[0])

    @rx.event
    def add_tag(self, slug: str, title: str):
        if self.point_x < 0:
            self.error = "First tap the spot on the photo where the product is."
            return
        on_photo = [d for d in self.drafts if d.photo_position == self.photo_index]
        if len(on_photo) >= tagging.TAGS_PER_PHOTO:
            self.error = f"At most {tagging.TAGS_PER_PHOTO} products per photo."
            return
        self.drafts = [d for d in self.drafts if not (d.photo_position == self.photo_index and d.product_slug == slug)]
        self.drafts.append(_draft(slug, title, self.photo_index, self.point_x, self.point_y))
        self.point_x, self.point_y, self.error = -1, -1, ""

    @rx.event
    def remove_tag(self, index: int):
        self.drafts = [d for i, d in enumerate(self.drafts) if i != index]

    @rx.event
    async def save(self):
        post_id = self.post_id
        inputs = [tagging.TagInput(d.product_slug, d.photo_position, d.x, d.y) for d in self.drafts]
        self.saving = True
        yield
        try:
            await in_session(lambda s: tagging.set_post_tags(session=s, actor=self._actor(s), post_id=post_id, tags=inputs))
        except DomainError as exc:
            self.error = message_for(exc.code)
            self.saving = False
            return
        self.saving = False
        self.open = False
        await self._show_new_pins(post_id)
        yield rx.toast.success("Product tags saved.")

    async def _show_new_pins(self, post_id: int) -> None:
        """Put the new pins on the card wherever this tab shows it, without a reload."""
        from socialshop.states.feed import FeedState, SavedState, TagState
        from socialshop.states.post_detail import PostState

        def work(session: Session) -> list[ProductPin]:
            probe = PostCard(id=post_id)
            tagging.attach_pins(session, [probe])
            return probe.pins

        pins = await in_session(work)
        for state_class in (FeedState, PostState, TagState, SavedState):
            state = await self.get_state(state_class)
            state._replace(post_id, pins=pins)
