"""The home feed (Following / For You), tag pages and saved posts."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from socialshop.models.accounts import User
from socialshop.schemas.accounts import PersonCard
from socialshop.schemas.social import FeedPage, PostCard
from socialshop.services.errors import DomainError
from socialshop.services.social import feeds, graph
from socialshop.services.social.text import normalize_tag
from socialshop.states.messages import message_for
from socialshop.states.posts import PostListMixin
from socialshop.states.session import SessionState, in_session

FOLLOWING = "following"
FOR_YOU = "for_you"


class FeedState(PostListMixin, SessionState):
    tab: str = FOLLOWING
    suggestions: list[PersonCard] = []

    def _fetch(self, session: Session, viewer: User | None, cursor: str | None) -> FeedPage:
        if viewer is None or self.tab == FOR_YOU:
            return feeds.for_you_feed(session=session, viewer=viewer, cursor=cursor)
        return feeds.following_feed(session=session, viewer=viewer, cursor=cursor)

    def _after_fetch(self, session: Session, viewer: User | None, page: FeedPage) -> None:
        if viewer is not None and page.cards:
            feeds.record_views(session=session, viewer_id=viewer.id, post_ids=[c.id for c in page.cards])

    @rx.event
    async def load_feed(self):
        await self.load_viewer()
        if not self.signed_in:
            self.tab = FOR_YOU
        await self._load_first_page()
        await self._load_suggestions()

    async def _load_suggestions(self) -> None:
        self.suggestions = await in_session(
            lambda s: graph.suggested_people(session=s, viewer=self._actor(s), limit=5)
        )

    @rx.event
    async def switch_tab(self, tab: str):
        if tab not in (FOLLOWING, FOR_YOU) or tab == self.tab:
            return
        self.tab = tab
        self.cards = []
        yield
        await self._load_first_page()

    @rx.event
    async def follow_suggestion(self, username: str):
        try:
            await in_session(lambda s: graph.follow(session=s, actor=self._actor(s), username=username))
        except DomainError as exc:
            yield rx.toast.error(message_for(exc.code))
            return
        self.suggestions = [p for p in self.suggestions if p.username != username]
        yield rx.toast.success(f"Following @{username}.")
        if self.tab == FOLLOWING:
            await self._load_first_page()

    def _add_new_card(self, card: PostCard) -> None:
        self.cards = [card, *[c for c in self.cards if c.id != card.id]]


class TagState(PostListMixin, SessionState):
    tag: str = ""
    post_count: int = 0

    def _fetch(self, session: Session, viewer: User | None, cursor: str | None) -> FeedPage:
        return feeds.tag_feed(session=session, viewer=viewer, tag=self.tag, cursor=cursor)

    @rx.event
    async def load_tag(self):
        await self.load_viewer()
        self.tag = normalize_tag(self._path_segment(1))
        tag = self.tag
        self.post_count = await in_session(lambda s: feeds.tag_post_count(session=s, tag=tag))
        await self._load_first_page()


class SavedState(PostListMixin, SessionState):
    def _fetch(self, session: Session, viewer: User | None, cursor: str | None) -> FeedPage:
        if viewer is None:
            return FeedPage()
        return feeds.saved_feed(session=session, viewer=viewer, cursor=cursor)

    @rx.event
    async def load_saved(self):
        await self.load_viewer()
        if not self.signed_in:
            return self._login_first()
        await self._load_first_page()
