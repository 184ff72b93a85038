"""One post at /post/{id}: the card, its comments and replies."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from socialshop import routes
from socialshop.models.accounts import User
from socialshop.schemas.social import CommentView, FeedPage
from socialshop.services.errors import DomainError
from socialshop.services.rate_limits import default_limiter
from socialshop.services.social import interactions, posts
from socialshop.states.messages import message_for
from socialshop.states.posts import PostListMixin
from socialshop.states.session import SessionState, in_session


class PostState(PostListMixin, SessionState):
    post_id: int = 0
    found: bool = True
    comments: list[CommentView] = []
    reply_to_id: int = 0
    reply_to_name: str = ""
    comment_error: str = ""
    sending: bool = False
    comment_form_key: int = 0

    def _fetch(self, session: Session, viewer: User | None, cursor: str | None) -> FeedPage:
        card = posts.get_post_card(session=session, viewer=viewer, post_id=self.post_id)
        return FeedPage(cards=[card] if card else [])

    def _post_id_in_url(self) -> int:
        return routes.id_in_path(self._path_segment(1))

    async def _reload_comments(self) -> None:
        post_id = self.post_id
        self.comments = await in_session(
            lambda s: interactions.comments_for(session=s, viewer=self._actor(s), post_id=post_id)
        )

    @rx.event
    async def load_post(self):
        await self.load_viewer()
        self.post_id = self._post_id_in_url()
        self.reply_to_id, self.reply_to_name, self.comment_error = 0, "", ""
        await self._load_first_page()
        self.found = bool(self.cards)
        if self.found:
            await self._reload_comments()
        else:
            self.comments = []

    @rx.event
    def reply_to(self, comment_id: int, display_name: str):
        self.reply_to_id = comment_id
        self.reply_to_name = display_name
        return rx.set_focus("comment-body")

    @rx.event
    def cancel_reply(self):
        self.reply_to_id, self.reply_to_name = 0, ""

    @rx.event
    async def add_comment(self, form: dict):
        if not self.signed_in:
            yield self._login_first()
            return
        body = str(form.get("body", ""))[:5000]
        post_id, parent_id = self.post_id, self.reply_to_id or None
        self.comment_error = ""
        self.sending = True
        yield
        try:
            await in_session(
                lambda s: interactions.add_comment(
                    session=s, actor=self._actor(s), post_id=post_id, body=body,
                    parent_id=parent_id, limiter=default_limiter(),
                )
            )
        except DomainError as exc:
            self.comment_error = message_for(exc.code)
        else:
            self.reply_to_id, self.reply_to_name = 0, ""
            self.comment_form_key += 1  # a fresh, empty form
            await self._reload_comments()
            await self._refresh_comment_count()
        finally:
            self.sending = False

    @rx.event
    async def delete_comment(self, comment_id: int):
        try:
            await in_session(
                lambda s: interactions.delete_comment(session=s, actor=self._actor(s), comment_id=comment_id)
            )
        except DomainError as exc:
            yield rx.toast.error(message_for(exc.code))
            return
        await self._reload_comments()
        await self._refresh_comment_count()
        yield rx.toast.success("Comment removed.")

    async def _refresh_comment_count(self) -> None:
        """The stored count (everyone's comments), not what this viewer's list shows without the
        people they mute or block."""
        post_id = self.post_id
        card = await in_session(lambda s: posts.get_post_card(session=s, viewer=self._actor(s), post_id=post_id))
        if card is not None and self.cards:
            self._replace(post_id, comment_count=card.comment_count)

    def _after_delete(self) -> list:
        self.found = False
        return [rx.redirect("/")]
