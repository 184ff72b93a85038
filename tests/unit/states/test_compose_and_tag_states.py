"""Writing a post and pinning products on it, driven through the composer's and tag editor's states."""

from __future__ import annotations

import io
from collections.abc import Iterator
from pathlib import Path

import pytest
import reflex as rx
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from socialshop import routes
from socialshop.models.accounts import User
from socialshop.models.commerce import PostProductTag
from socialshop.models.social import Post
from socialshop.services.commerce import tagging
from socialshop.states.compose import ComposeState
from socialshop.states.feed import FeedState
from socialshop.states.tag_editor import TagEditorState
from tests.factories import (
    described,
    make_post,
    make_product,
    make_session_token,
    make_user,
    png_bytes,
    run_event,
    state_at,
)


@pytest.fixture
def db(engine: Engine) -> Iterator[Session]:
    with Session(engine, expire_on_commit=False) as session:
        yield session


@pytest.fixture
def ines(db: Session) -> User:
    user = make_user(db, "ines", display_name="Ines Ortiz")
    db.commit()
    return user


@pytest.fixture
def ines_token(db: Session, ines: User) -> str:
    token = make_session_token(db, ines)
    db.commit()
    return token


@pytest.fixture
def mug(db: Session) -> str:
    """An active product of someone else's shop (creators may tag any active product)."""
    seller = make_user(db, "pat")
    product = make_product(db, seller, "Speckled Mug", price="28.00")
    db.commit()
    return product.slug


def upload(data: bytes, filename: str) -> rx.UploadFile:
    return rx.UploadFile(file=io.BytesIO(data), path=Path(filename), size=len(data))


def composer(token: str | None, url: str = routes.HOME) -> ComposeState:
    state = state_at(ComposeState, url, token=token)
    state.open = True
    return state


def newest_post(db: Session) -> Post:
    db.expire_all()
    return db.exec(select(Post).order_by(Post.id.desc())).first()


# --- the composer ----------------------------------------------------------------------------------


async def test_publishing_puts_the_new_post_on_top_of_the_feed_and_closes_the_composer(
    db: Session, ines_token: str
) -> None:
    state = composer(ines_token)

    events = await run_event(state.publish([upload(png_bytes(), "kiln.png")], "Fresh out of the kiln #ceramics"))

    post = newest_post(db)
    assert post.body == "Fresh out of the kiln #ceramics" and post.photo_count == 1
    feed = await state.get_state(FeedState)
    assert feed.cards[0].id == post.id and feed.cards[0].is_own
    assert state.open is False and state.publishing is False and state.error == ""
    assert "toast.success Posted." in described(*events)
    assert not any(word.startswith("open_editor") for word in described(*events))


async def test_ticking_tag_products_opens_the_tag_editor_on_the_new_post(
    db: Session, ines_token: str, mug: str
) -> None:
    state = composer(ines_token)
    state.set_tag_after(True)

    events = await run_event(state.publish([upload(png_bytes(), "kiln.png")], "Fresh out of the kiln"))

    post = newest_post(db)
    assert f"open_editor {{'post_id': {post.id}}}" in described(*events)
    # What that event then does, run here by hand as the browser would send it.
    editor = await state.get_state(TagEditorState)
    await run_event(editor.open_editor(post.id))
    assert editor.open is True and editor.post_id == post.id
    assert len(editor.photos) == 1 and editor.drafts == []


async def test_ticking_tag_products_on_a_text_only_post_just_posts(db: Session, ines_token: str) -> None:
    state = composer(ines_token)
    state.set_tag_after(True)

    events = await run_event(state.publish([], "Words only"))

    assert newest_post(db).body == "Words only"
    assert not any(word.startswith("open_editor") for word in described(*events))


async def test_too_many_photos_are_refused_before_anything_is_written(db: Session, ines_token: str) -> None:
    state = composer(ines_token)

    await run_event(state.publish([upload(png_bytes(), f"p{i}.png") for i in range(7)], "Seven"))

    assert "6 photos" in state.error
    assert newest_post(db) is None and state.open is True


async def test_a_rejected_photo_keeps_the_post_and_the_composer_open_with_the_reason(
    db: Session, ines_token: str
) -> None:
    state = composer(ines_token)
    state.set_tag_after(True)

    events = await run_event(
        state.publish([upload(png_bytes(), "good.png"), upload(b"<script>", "evil.png")], "Two photos")
    )

    post = newest_post(db)
    assert post.body == "Two photos" and post.photo_count == 1
    assert state.open is True and len(state.photo_errors) == 1 and state.photo_errors[0].startswith("evil.png: ")
    words = described(*events)
    assert "toast.warning Posted, but some photos were left out." in words
    # The reasons stay in view: no tag editor on top of them.
    assert not any(word.startswith("open_editor") for word in words)


async def test_a_guest_cannot_publish(db: Session, ines: User) -> None:
    state = composer(None)

    await run_event(state.publish([], "Hello"))

    assert state.error and newest_post(db) is None


# --- the tag editor --------------------------------------------------------------------------------


async def test_the_editor_shows_the_pins_a_post_already_has(
    db: Session, ines: User, ines_token: str, mug: str, uploads_dir: Path
) -> None:
    post = make_post(db, ines, "Kiln day", photos=[png_bytes(), png_bytes()], uploads_dir=uploads_dir)
    tagging.set_post_tags(session=db, actor=ines, post_id=post.id, tags=[tagging.TagInput(mug, 1, 300, 700)])
    db.commit()
    editor = state_at(TagEditorState, routes.HOME, token=ines_token)

    await run_event(editor.open_editor(post.id))

    assert editor.open is True and len(editor.photos) == 2
    assert [(d.title, d.photo_position, d.x, d.y, d.left, d.top) for d in editor.drafts] == [
        ("Speckled Mug", 1, 300, 700, "30.0%", "70.0%")
    ]


async def test_placing_picking_and_saving_pins_a_product(
    db: Session, ines: User, ines_token: str, mug: str, uploads_dir: Path
) -> None:
    post = make_post(db, ines, "Kiln day", photos=[png_bytes()], uploads_dir=uploads_dir)
    db.commit()
    editor = state_at(TagEditorState, routes.HOME, token=ines_token)
    await run_event(editor.open_editor(post.id))

    editor.add_tag(mug, "Speckled Mug")
    assert editor.error == "First tap the spot on the photo where the product is." and editor.drafts == []
    editor.place(2, 2)  # the middle spot of the 5 x 5 grid
    editor.add_tag(mug, "Speckled Mug")
    events = await run_event(editor.save())

    assert "toast.success Product tags saved." in described(*events)
    assert editor.open is False
    db.expire_all()
    tags = db.exec(select(PostProductTag).where(PostProductTag.post_id == post.id)).all()
    assert [(t.photo_position, t.x, t.y, t.tagged_by_id) for t in tags] == [(0, 500, 500, ines.id)]


async def test_someone_elses_post_cannot_be_opened_in_the_editor(
    db: Session, ines_token: str, uploads_dir: Path
) -> None:
    other = make_user(db, "olek")
    post = make_post(db, other, "Not yours", photos=[png_bytes()], uploads_dir=uploads_dir)
    db.commit()
    editor = state_at(TagEditorState, routes.HOME, token=ines_token)

    events = await run_event(editor.open_editor(post.id))

    assert described(*events) == ["toast.error Only the post's author can tag products on it."]
    assert editor.open is False and editor.drafts == []


async def test_quoting_a_post_publishes_a_repost_and_a_fresh_composer_quotes_nothing(
    db: Session, ines: User, ines_token: str
) -> None:
    original = make_post(db, make_user(db, "olek"), "Worth a look")
    db.commit()
    state = composer(ines_token)
    await state.load_viewer()  # as every page does on load

    await run_event(state.open_quote(original.id))
    assert state.quoting is True and state.quote.id == original.id
    await run_event(state.publish([], "So true"))
    assert newest_post(db).quote_of_id == original.id

    state.open_composer()
    assert state.quoting is False
    await run_event(state.publish([], "Just words"))
    assert newest_post(db).quote_of_id is None
