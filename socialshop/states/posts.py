"""What every list of post cards can do: page, like, save, share, report, edit, delete, mute, block.

`PostListMixin` is mixed into each page's state (feed, tag, saved, one post), which says how to
fetch its pages; the card components take the concrete state class.
"""

from __future__ import annotations

import dataclasses

import reflex as rx
from sqlmodel import Session

from socialshop import routes
from socialshop.models.accounts import User
from socialshop.models.commerce import CommerceEventKind
from socialshop.schemas.accounts import PersonCard
from socialshop.schemas.social import FeedPage, PostCard
from socialshop.services.commerce import events, tagging
from socialshop.services.errors import DomainError
from socialshop.services.social import graph, interactions, moderation, posts
from socialshop.settings import get_settings
from socialshop.states.messages import message_for
from socialshop.states.session import in_session
from socialshop.states.shopping import record_later

REPORT_REASONS = [{"value": key, "label": label} for key, label in moderation.REPORT_REASONS.items()]


class PostListMixin(rx.State, mixin=True):
    cards: list[PostCard] = []
    loading: bool = True
    loading_more: bool = False
    load_error: str = ""
    _cursor: str = ""  # where the next page starts; "" once the list has ended

    report_open: bool = False
    report_post_id: int = 0
    share_open: bool = False
    share_post_id: int = 0
    share_people: list[PersonCard] = []
    edit_open: bool = False
    edit_post_id: int = 0
    edit_text: str = ""
    edit_error: str = ""

    # --- paging ------------------------------------------------------------------------------

    @rx.var
    def has_more(self) -> bool:
        return bool(self._cursor)

    def _fetch(self, session: Session, viewer: User | None, cursor: str | None) -> FeedPage:
        raise NotImplementedError

    def _after_fetch(self, session: Session, viewer: User | None, page: FeedPage) -> None:
        """Hook: record views, for example."""

    def _fetch_page(self, session: Session, cursor: str | None) -> FeedPage:
        """One page with product pins on shoppable posts."""
        viewer = self._actor(session)
        page = self._fetch(session, viewer, cursor)
        tagging.attach_pins(session, page.cards)
        self._after_fetch(session, viewer, page)
        return page

    def _record_impressions(self, page: FeedPage) -> None:
        batch = [
            events.EventInput(kind=CommerceEventKind.TAG_IMPRESSION, product_id=pin_product_id, post_id=card.id)
            for card in page.cards
            for pin_product_id in dict.fromkeys(pin.product_id for pin in card.pins)
        ]
        record_later(self._session_token(), self._visitor(), batch)

    async def _load_first_page(self) -> None:
        self.loading = True
        self.load_error = ""

        try:
            page = await in_session(lambda session: self._fetch_page(session, None))
        except DomainError as exc:
            self.cards, self._cursor = [], ""
            self.load_error = message_for(exc.code)
        else:
            self.cards, self._cursor = page.cards, page.next_cursor
            self._record_impressions(page)
        finally:
            self.loading = False

    @rx.event
    async def load_more(self):
        if not self.has_more or self.loading_more:
            return
        self.loading_more = True
        yield
        cursor = self._cursor
        known = {card.id for card in self.cards}

        try:
            page = await in_session(lambda session: self._fetch_page(session, cursor))
        except DomainError as exc:
            yield rx.toast.error(message_for(exc.code))
        else:
            self._record_impressions(page)
            self.cards = self.cards + [card for card in page.cards if card.id not in known]
            self._cursor = page.next_cursor
        finally:
            self.loading_more = False

    # --- one card ----------------------------------------------------------------------------

    def _position(self, post_id: int) -> int:
        for index, card in enumerate(self.cards):
            if card.id == post_id:
                return index
        return -1

    def _replace(self, post_id: int, **changes) -> PostCard | None:
        index = self._position(post_id)
        if index < 0:
            return None
        before = self.cards[index]
        self.cards[index] = dataclasses.replace(before, **changes)
        return before

    def _login_first(self):
        return rx.redirect(routes.login_url(self.router.url.path))

    @rx.event
    async def toggle_like(self, post_id: int):
        if not self.signed_in:
            yield self._login_first()
            return
        index = self._position(post_id)
        if index < 0:
            return
        card = self.cards[index]
        liking = not card.liked
        # Optimistic: the heart changes now; the server's count replaces ours when it answers.
        self._replace(post_id, liked=liking, like_count=max(0, card.like_count + (1 if liking else -1)))
        yield
        action = interactions.like if liking else interactions.unlike
        try:
            count = await in_session(lambda s: action(session=s, actor=self._actor(s), post_id=post_id))
        except DomainError as exc:
            self._replace(post_id, liked=card.liked, like_count=card.like_count)
            yield rx.toast.error(message_for(exc.code))
        else:
            self._replace(post_id, like_count=count)

    @rx.event
    async def toggle_save(self, post_id: int):
        if not self.signed_in:
            yield self._login_first()
            return
        index = self._position(post_id)
        if index < 0:
            return
        saving = not self.cards[index].saved
        self._replace(post_id, saved=saving)
        yield
        action = interactions.save if saving else interactions.unsave
        try:
            await in_session(lambda s: action(session=s, actor=self._actor(s), post_id=post_id))
        except DomainError as exc:
            self._replace(post_id, saved=not saving)
            yield rx.toast.error(message_for(exc.code))
        else:
            yield rx.toast.success("Saved to your bookmarks." if saving else "Removed from your bookmarks.")

    @rx.event
    async def delete_post(self, post_id: int):
        uploads_dir = get_settings().uploads_dir
        try:
            await in_session(
                lambda s: posts.delete_post(session=s, actor=self._actor(s), post_id=post_id, uploads_dir=uploads_dir)
            )
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))
        self.cards = [card for card in self.cards if card.id != post_id]
        return [rx.toast.success("Post deleted."), *self._after_delete()]

    def _after_delete(self) -> list:
        """Hook: what else happens once a post is gone (the post page leaves, for example)."""
        return []

    @rx.event
    def copy_link(self, post_id: int):
        url = f"{get_settings().public_url}{routes.post_url(post_id)}"
        return [rx.set_clipboard(url), rx.toast.success("Link copied.")]

    # --- hide people ---------------------------------------------------------------------------

    async def _hide_author(self, username: str, action, done: str):
        try:
            await in_session(lambda s: action(session=s, actor=self._actor(s), username=username))
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))
        self.cards = [card for card in self.cards if card.author.username != username]
        return rx.toast.success(done)

    @rx.event
    async def mute_author(self, username: str):
        return await self._hide_author(username, graph.mute, f"Muted @{username}. Their posts won't show in your feeds.")

    @rx.event
    async def block_author(self, username: str):
        return await self._hide_author(username, graph.block, f"Blocked @{username}.")

    # --- report --------------------------------------------------------------------------------

    @rx.event
    def open_report(self, post_id: int):
        if not self.signed_in:
            return self._login_first()
        self.report_post_id = post_id
        self.report_open = True

    @rx.event
    def close_report(self):
        self.report_open = False

    @rx.event
    async def submit_report(self, form: dict):
        reason = str(form.get("reason", ""))
        details = str(form.get("details", ""))[:2000]
        post_id = self.report_post_id
        try:
            await in_session(
                lambda s: moderation.report_post(
                    session=s, actor=self._actor(s), post_id=post_id, reason=reason, details=details
                )
            )
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))
        self.report_open = False
        return rx.toast.success("Thanks. Our moderators will take a look.")

    # --- share with someone ---------------------------------------------------------------------

    @rx.event
    async def open_share(self, post_id: int):
        if not self.signed_in:
            return self._login_first()
        username = self.viewer.username
        self.share_post_id = post_id
        self.share_people = await in_session(
            lambda s: graph.following(session=s, viewer=self._actor(s), username=username)
        )
        self.share_open = True

    @rx.event
    def close_share(self):
        self.share_open = False

    @rx.event
    async def share_to(self, username: str):
        post_id = self.share_post_id
        try:
            await in_session(
                lambda s: interactions.share_with(session=s, actor=self._actor(s), post_id=post_id, username=username)
            )
        except DomainError as exc:
            return rx.toast.error(message_for(exc.code))
        self.share_open = False
        return rx.toast.success(f"Sent to @{username}.")

    # --- edit ----------------------------------------------------------------------------------

    @rx.event
    def open_edit(self, post_id: int):
        index = self._position(post_id)
        if index < 0:
            return
        self.edit_post_id = post_id
        self.edit_text = self.cards[index].body
        self.edit_error = ""
        self.edit_open = True

    @rx.event
    def close_edit(self):
        self.edit_open = False

    @rx.event
    async def save_edit(self, form: dict):
        body = str(form.get("body", ""))[:5000]
        post_id = self.edit_post_id
        self.edit_text = body

        def work(session: Session) -> PostCard | None:
            actor = self._actor(session)
            posts.edit_post(session=session, actor=actor, post_id=post_id, body=body)
            return posts.get_post_card(session=session, viewer=actor, post_id=post_id)

        try:
            card = await in_session(work)
        except DomainError as exc:
            self.edit_error = message_for(exc.code)
            return
        if card is not None:
            index = self._position(post_id)
            if index >= 0:
                self.cards[index] = card
        self.edit_open = False
        return rx.toast.success("Post updated.")

