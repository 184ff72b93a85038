"""Writing a post (text and up to six photos), or quoting one: the compose dialog."""

from __future__ import annotations

import reflex as rx
from sqlmodel import Session

from socialshop import routes
from socialshop.schemas.social import PostCard, QuotedPost
from socialshop.services.errors import DomainError
from socialshop.services.media import MAX_UPLOAD_BYTES
from socialshop.services.rate_limits import default_limiter
from socialshop.services.social import posts
from socialshop.settings import get_settings
from socialshop.states.feed import FeedState
from socialshop.states.messages import message_for
from socialshop.states.session import SessionState, in_session
from socialshop.states.tag_editor import TagEditorState

COMPOSE_UPLOAD_ID = "compose_photos"
COMPOSE_TEXT_ID = "compose-text"


class ComposeState(SessionState):
    open: bool = False
    publishing: bool = False
    error: str = ""
    photo_errors: list[str] = []
    quote: QuotedPost = QuotedPost()  # the post being quoted; id 0 when writing a new post
    form_key: int = 0
    # "Tag products on these photos next": publishing then opens the tag editor on the new post.
    tag_after: bool = False

    @rx.var
    def quoting(self) -> bool:
        return self.quote.id > 0

    @rx.event
    def open_composer(self):
        if not self.signed_in:
            return rx.redirect(routes.login_url(self.router.url.path))
        self.quote = QuotedPost()
        self.error, self.photo_errors = "", []
        self.open = True

    @rx.event
    async def open_quote(self, post_id: int):
        if not self.signed_in:
            return rx.redirect(routes.login_url(self.router.url.path))
        card = await in_session(lambda s: posts.get_post_card(session=s, viewer=self._actor(s), post_id=post_id))
        if card is None:
            return rx.toast.error(message_for(posts.S.POST_NOT_FOUND))
        self.quote = QuotedPost(
            id=card.id,
            author=card.author,
            segments=card.segments[:40],
            thumb_url=card.photos[0].thumb_url if card.photos else "",
            age=card.age,
        )
        self.error, self.photo_errors = "", []
        self.open = True

    @rx.event
    def close_composer(self):
        self.open = False

    @rx.event
    def set_open(self, value: bool):
        self.open = value

    @rx.event
    def set_tag_after(self, value: bool):
        self.tag_after = bool(value)

    @rx.event
    async def publish(self, files: list[rx.UploadFile], text: str = ""):
        self.error, self.photo_errors = "", []
        if len(files) > posts.PHOTOS_MAX:
            self.error = message_for(posts.S.TOO_MANY_PHOTOS)
            return
        self.publishing = True
        yield
        uploads = []
        for upload in files:
            data = await upload.read(MAX_UPLOAD_BYTES + 1)
            uploads.append(posts.PhotoUpload(filename=upload.filename or "photo", data=data))
        body = str(text)[: posts.BODY_MAX + 500]
        quote_of_id = self.quote.id or None
        uploads_dir = get_settings().uploads_dir

        def work(session: Session) -> tuple[PostCard | None, list[posts.RejectedPhoto]]:
            actor = self._actor(session)
            result = posts.create_post(
                session=session, actor=actor, body=body, photos=uploads, quote_of_id=quote_of_id,
                uploads_dir=uploads_dir, limiter=default_limiter(),
            )
            session.flush()
            card = posts.get_post_card(session=session, viewer=actor, post_id=result.post.id)
            return card, result.rejected

        try:
            card, rejected = await in_session(work)
        except DomainError as exc:
            self.error = message_for(exc.code)
            return
        finally:
            self.publishing = False
        self.photo_errors = [f"{r.filename}: {message_for(r.code)}" for r in rejected]
        self.form_key += 1
        yield rx.clear_selected_files(COMPOSE_UPLOAD_ID)
        if card is None:
            return
        if not self.photo_errors:
            self.open = False
        feed = await self.get_state(FeedState)
        feed._add_new_card(card)
        if self.photo_errors:
            yield rx.toast.warning("Posted, but some photos were left out.")
        else:
            yield rx.toast.success("Posted.")
        if self.router.url.path not in ("/", ""):
            yield rx.redirect(routes.post_url(card.id))
        if self.tag_after and card.photos and not self.photo_errors:
            # Straight on to pinning products, the way shoppable posts are made elsewhere.
            yield TagEditorState.open_editor(card.id)
