"""Posts: who may change them, what a post may hold, photo uploads and their files, tags and
mentions, reposts and the posting rate limit."""

from __future__ import annotations

import re
from collections.abc import Callable
from pathlib import Path

import pytest
from PIL import Image
from sqlalchemy import func
from sqlalchemy.engine import Engine
from sqlmodel import Session, select

from socialshop import db
from socialshop.models.accounts import User
from socialshop.models.social import (
    Notification,
    NotificationKind,
    Post,
    PostMention,
    PostPhoto,
    PostTag,
)
from socialshop.services.media import MediaErrorCode as M
from socialshop.services.rate_limits import RateLimiter
from socialshop.services.social import graph, posts
from socialshop.services.social.errors import SocialErrorCode as S
from tests.factories import (
    image_bytes,
    make_admin,
    make_moderator,
    make_post,
    make_user,
    photo_upload,
    png_bytes,
    png_claiming_size,
)
from tests.unit.services.social.refusals import refused

GENERATED_NAME = re.compile(r"posts/(thumbs/)?[0-9a-f]{32}\.webp")
XSS_FILENAME = "<script>alert(1)</script>.png"


def stored_files(uploads_dir: Path) -> list[Path]:
    return sorted(p for p in uploads_dir.rglob("*") if p.is_file()) if uploads_dir.exists() else []


def count(session: Session, model: type) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


def notifications_of(session: Session, user: User, kind: NotificationKind) -> list[Notification]:
    return list(
        session.exec(
            select(Notification).where(Notification.recipient_id == user.id, Notification.kind == kind.value)
        ).all()
    )


def truncated_jpeg() -> bytes:
    whole = image_bytes("JPEG", size=(32, 32))
    return whole[: len(whole) // 2]


def oversized_upload() -> bytes:
    """Just over 8 MB: refused on its size, so its content never matters."""
    return b"\x89PNG\r\n\x1a\n" + b"\0" * (8 * 1024 * 1024)


# --- who may change a post ---------------------------------------------------------------------


def test_author_edits_own_post_and_it_is_marked_edited(session: Session, mara: User) -> None:
    post = make_post(session, mara, "first draft")

    edited = posts.edit_post(session=session, actor=mara, post_id=post.id, body="  final words  ")

    assert edited.body == "final words"
    assert edited.edited_at is not None
    assert posts.get_post_card(session=session, viewer=mara, post_id=post.id).edited is True


def test_cannot_edit_another_persons_post(session: Session, mara: User, olek: User) -> None:
    post = make_post(session, mara, "mine")

    with refused(S.NOT_YOUR_POST):
        posts.edit_post(session=session, actor=olek, post_id=post.id, body="hijacked")
    session.refresh(post)
    assert post.body == "mine"
    assert post.edited_at is None


def test_cannot_delete_another_persons_post(
    session: Session, mara: User, olek: User, uploads_dir: Path
) -> None:
    post = make_post(session, mara)

    with refused(S.NOT_YOUR_POST):
        posts.delete_post(session=session, actor=olek, post_id=post.id, uploads_dir=uploads_dir)
    assert session.get(Post, post.id) is not None


@pytest.mark.parametrize("make_staff", [make_moderator, make_admin], ids=["moderator", "admin"])
def test_moderator_or_admin_may_delete_anyones_post(
    session: Session, mara: User, uploads_dir: Path, make_staff: Callable[[Session], User]
) -> None:
    post = make_post(session, mara)

    posts.delete_post(session=session, actor=make_staff(session), post_id=post.id, uploads_dir=uploads_dir)

    assert session.get(Post, post.id) is None


@pytest.mark.parametrize("make_staff", [make_moderator, make_admin], ids=["moderator", "admin"])
def test_moderator_or_admin_may_not_edit_someone_elses_post(
    session: Session, mara: User, make_staff: Callable[[Session], User]
) -> None:
    post = make_post(session, mara)

    with refused(S.NOT_YOUR_POST):
        posts.edit_post(session=session, actor=make_staff(session), post_id=post.id, body="x")


def test_signed_out_visitor_cannot_post_edit_or_delete(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    post = make_post(session, mara)

    with refused(S.NOT_SIGNED_IN):
        posts.create_post(session=session, actor=None, body="hi", uploads_dir=uploads_dir)
    with refused(S.NOT_SIGNED_IN):
        posts.edit_post(session=session, actor=None, post_id=post.id, body="x")
    with refused(S.NOT_SIGNED_IN):
        posts.delete_post(session=session, actor=None, post_id=post.id, uploads_dir=uploads_dir)


def test_editing_or_deleting_a_missing_post_is_not_found(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    with refused(S.POST_NOT_FOUND):
        posts.edit_post(session=session, actor=mara, post_id=999, body="x")
    with refused(S.POST_NOT_FOUND):
        posts.delete_post(session=session, actor=mara, post_id=999, uploads_dir=uploads_dir)


# --- what a post may hold ---------------------------------------------------------------------


def test_body_of_2000_characters_is_accepted_and_2001_refused(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    kept = posts.create_post(session=session, actor=mara, body="x" * 2000, uploads_dir=uploads_dir).post
    assert len(kept.body) == 2000

    with refused(S.POST_TOO_LONG):
        posts.create_post(session=session, actor=mara, body="x" * 2001, uploads_dir=uploads_dir)
    assert count(session, Post) == 1


def test_editing_to_more_than_2000_characters_is_refused(session: Session, mara: User) -> None:
    post = make_post(session, mara, "short")

    with refused(S.POST_TOO_LONG):
        posts.edit_post(session=session, actor=mara, post_id=post.id, body="y" * 2001)


@pytest.mark.parametrize("body", ["", "   \n  ", "\x00\x07\x1b"], ids=["empty", "blank", "control-chars"])
def test_post_with_no_text_and_no_photos_is_refused(
    session: Session, mara: User, uploads_dir: Path, body: str
) -> None:
    with refused(S.POST_EMPTY):
        posts.create_post(session=session, actor=mara, body=body, uploads_dir=uploads_dir)
    assert count(session, Post) == 0


def test_control_characters_are_stripped_from_the_body(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    post = posts.create_post(session=session, actor=mara, body="a\x00b\nc\x1b", uploads_dir=uploads_dir).post

    assert post.body == "ab\nc"


def test_text_only_post_cannot_be_edited_to_empty(session: Session, mara: User) -> None:
    post = make_post(session, mara, "words")

    with refused(S.POST_EMPTY):
        posts.edit_post(session=session, actor=mara, post_id=post.id, body="  ")


def test_photo_post_can_be_edited_to_have_no_text(session: Session, mara: User, uploads_dir: Path) -> None:
    post = make_post(session, mara, "caption", photos=[png_bytes()], uploads_dir=uploads_dir)

    assert posts.edit_post(session=session, actor=mara, post_id=post.id, body="").body == ""


def test_six_photos_are_accepted(session: Session, mara: User, uploads_dir: Path) -> None:
    result = posts.create_post(
        session=session,
        actor=mara,
        body="",
        photos=[photo_upload(f"{i}.png") for i in range(6)],
        uploads_dir=uploads_dir,
    )

    assert result.post.photo_count == 6
    assert [p.position for p in session.exec(select(PostPhoto).order_by(PostPhoto.position)).all()] == list(
        range(6)
    )


def test_more_than_six_photos_are_refused_and_nothing_is_written(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    seven = [photo_upload(f"{i}.png") for i in range(7)]

    with refused(S.TOO_MANY_PHOTOS):
        posts.create_post(session=session, actor=mara, body="haul", photos=seven, uploads_dir=uploads_dir)
    assert count(session, Post) == 0
    assert stored_files(uploads_dir) == []


# --- photo uploads ----------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("filename", "data", "code"),
    [
        ("huge.png", oversized_upload(), M.TOO_LARGE),
        ("notes.gif", image_bytes("GIF", size=(4, 4), mode="P", color=1), M.WRONG_TYPE),
        (
            "drawing.png",
            b"<svg xmlns='http://www.w3.org/2000/svg'><script>alert(1)</script></svg>",
            M.WRONG_TYPE,
        ),
        ("cut.jpg", truncated_jpeg(), M.UNREADABLE),
        ("bomb.png", png_claiming_size(10_000, 10_000), M.TOO_MANY_PIXELS),
        ("empty.png", b"", M.EMPTY),
    ],
    ids=["over-8MB", "gif", "svg", "truncated", "decompression-bomb", "empty"],
)
def test_bad_photo_is_left_out_and_reported_by_filename_while_the_post_is_kept(
    session: Session, mara: User, uploads_dir: Path, filename: str, data: bytes, code: M
) -> None:
    result = posts.create_post(
        session=session,
        actor=mara,
        body="look at this",
        photos=[photo_upload("good.png"), photo_upload(filename, data)],
        uploads_dir=uploads_dir,
    )

    assert [(r.filename, r.code) for r in result.rejected] == [(filename, code)]
    assert result.post.body == "look at this"
    assert result.post.photo_count == 1
    assert count(session, PostPhoto) == 1
    assert len(stored_files(uploads_dir)) == 2  # the good photo and its thumbnail


def test_photo_named_like_a_script_is_stored_under_a_generated_name(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    result = posts.create_post(
        session=session, actor=mara, body="", photos=[photo_upload(XSS_FILENAME)], uploads_dir=uploads_dir
    )

    photo = session.exec(select(PostPhoto).where(PostPhoto.post_id == result.post.id)).one()
    assert GENERATED_NAME.fullmatch(photo.file)
    assert GENERATED_NAME.fullmatch(photo.thumb_file)
    files = stored_files(uploads_dir)
    assert [f.relative_to(uploads_dir).as_posix() for f in files] == sorted([photo.file, photo.thumb_file])
    assert all("script" not in f.name for f in files)
    with Image.open(files[0]) as stored:
        assert stored.format == "WEBP"


def test_rejected_photo_with_a_script_filename_is_reported_as_given(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    """The name is only data for the UI (which renders text, never markup); nothing is stored under it."""
    result = posts.create_post(
        session=session,
        actor=mara,
        body="caption",
        photos=[photo_upload(XSS_FILENAME, b"not an image")],
        uploads_dir=uploads_dir,
    )

    assert [(r.filename, r.code) for r in result.rejected] == [(XSS_FILENAME, M.WRONG_TYPE)]
    assert stored_files(uploads_dir) == []


def test_post_with_only_bad_photos_and_no_text_is_refused_and_writes_nothing(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    bad = [photo_upload("cut.jpg", truncated_jpeg()), photo_upload(XSS_FILENAME, b"<b>hi</b>")]

    with refused(S.POST_EMPTY):
        posts.create_post(session=session, actor=mara, body="  ", photos=bad, uploads_dir=uploads_dir)
    assert count(session, Post) == 0
    assert count(session, PostPhoto) == 0
    assert stored_files(uploads_dir) == []


def test_card_lists_photos_in_upload_order(session: Session, mara: User, uploads_dir: Path) -> None:
    post = make_post(
        session,
        mara,
        "",
        photos=[png_bytes(color=(255, 0, 0)), png_bytes(color=(0, 0, 255))],
        uploads_dir=uploads_dir,
    )
    files = [p.file for p in session.exec(select(PostPhoto).order_by(PostPhoto.position)).all()]

    card = posts.get_post_card(session=session, viewer=None, post_id=post.id)

    assert len(card.photos) == 2
    assert all(photo.url.endswith(name) for photo, name in zip(card.photos, files, strict=True))


# --- photo files follow the transaction --------------------------------------------------------


def publish_committed(engine: Engine, uploads_dir: Path, photos: int = 1) -> tuple[int, list[Path]]:
    with db.session_scope(engine) as s:
        author = make_user(s, "mara")
        post = make_post(s, author, "", photos=[png_bytes()] * photos, uploads_dir=uploads_dir)
    return post.id, stored_files(uploads_dir)


def test_deleting_a_post_removes_its_photo_files_after_commit(engine: Engine, uploads_dir: Path) -> None:
    post_id, files = publish_committed(engine, uploads_dir, photos=2)
    assert len(files) == 4

    with db.session_scope(engine) as s:
        author = s.exec(select(User)).one()
        posts.delete_post(session=s, actor=author, post_id=post_id, uploads_dir=uploads_dir)
        assert all(f.exists() for f in files), "files went before the delete was committed"

    assert stored_files(uploads_dir) == []


def test_rolled_back_delete_keeps_the_photo_files(engine: Engine, uploads_dir: Path) -> None:
    post_id, files = publish_committed(engine, uploads_dir)

    with pytest.raises(RuntimeError), db.session_scope(engine) as s:
        posts.delete_post(
            session=s, actor=s.exec(select(User)).one(), post_id=post_id, uploads_dir=uploads_dir
        )
        raise RuntimeError("something later in the unit of work failed")

    assert stored_files(uploads_dir) == files
    with Session(engine) as s:
        assert s.get(Post, post_id) is not None


def test_failed_transaction_after_create_post_removes_the_written_files(
    engine: Engine, uploads_dir: Path
) -> None:
    with pytest.raises(RuntimeError), db.session_scope(engine) as s:
        author = make_user(s, "mara")
        make_post(s, author, "haul", photos=[png_bytes(), png_bytes()], uploads_dir=uploads_dir)
        assert len(stored_files(uploads_dir)) == 4
        raise RuntimeError("something later in the unit of work failed")

    assert stored_files(uploads_dir) == []
    with Session(engine) as s:
        assert count(s, Post) == 0


def test_photos_of_a_committed_post_survive_a_later_rollback_in_the_same_session(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    make_post(session, mara, "", photos=[png_bytes()], uploads_dir=uploads_dir)
    session.commit()
    files = stored_files(uploads_dir)

    make_user(session, "olek")
    session.rollback()

    assert stored_files(uploads_dir) == files


def test_savepoint_rolled_back_after_create_post_keeps_the_new_posts_photos(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    post = make_post(session, mara, "", photos=[png_bytes()], uploads_dir=uploads_dir)
    files = stored_files(uploads_dir)

    session.begin_nested().rollback()  # e.g. a like that lost an insert race
    session.commit()

    assert stored_files(uploads_dir) == files
    assert session.get(Post, post.id) is not None


def test_create_post_inside_a_savepoint_that_rolls_back_removes_its_files(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    savepoint = session.begin_nested()
    make_post(session, mara, "", photos=[png_bytes()], uploads_dir=uploads_dir)
    savepoint.rollback()

    assert stored_files(uploads_dir) == []


def test_savepoint_committed_after_delete_post_does_not_remove_files_before_the_delete_commits(
    engine: Engine, uploads_dir: Path
) -> None:
    post_id, files = publish_committed(engine, uploads_dir)

    with pytest.raises(RuntimeError), db.session_scope(engine) as s:
        posts.delete_post(
            session=s, actor=s.exec(select(User)).one(), post_id=post_id, uploads_dir=uploads_dir
        )
        with s.begin_nested():  # e.g. a like in the same unit of work
            pass
        raise RuntimeError("the delete is rolled back")

    assert stored_files(uploads_dir) == files


# --- hashtags and mentions --------------------------------------------------------------------


def test_hashtags_and_mentions_are_indexed_case_insensitively_and_once(
    session: Session, mara: User, olek: User
) -> None:
    post = make_post(session, mara, "New #Sneakers drop! #sneakers #SNEAKERS #Drop2025 for @Olek and @olek")

    tags = session.exec(select(PostTag.tag).where(PostTag.post_id == post.id)).all()
    assert sorted(tags) == ["drop2025", "sneakers"]
    mentioned = session.exec(select(PostMention.user_id).where(PostMention.post_id == post.id)).all()
    assert mentioned == [olek.id]
    assert len(notifications_of(session, olek, NotificationKind.MENTION)) == 1


def test_mentioning_an_unknown_username_notifies_nobody(session: Session, mara: User) -> None:
    post = make_post(session, mara, "hello @nobody_here")

    assert session.exec(select(PostMention).where(PostMention.post_id == post.id)).all() == []
    assert count(session, Notification) == 0


def test_mentioning_yourself_does_not_notify_you(session: Session, mara: User) -> None:
    make_post(session, mara, "note to self @mara")

    assert count(session, Notification) == 0


def test_editing_a_post_to_add_a_mention_notifies_only_the_new_person(
    session: Session, mara: User, olek: User
) -> None:
    pia = make_user(session, "pia")
    post = make_post(session, mara, "thanks @olek")

    posts.edit_post(session=session, actor=mara, post_id=post.id, body="thanks @olek and @pia")

    assert len(notifications_of(session, olek, NotificationKind.MENTION)) == 1
    assert len(notifications_of(session, pia, NotificationKind.MENTION)) == 1
    mentioned = session.exec(select(PostMention.user_id).where(PostMention.post_id == post.id)).all()
    assert sorted(mentioned) == sorted([olek.id, pia.id])


def test_editing_a_post_rewrites_its_hashtags_and_mentions(session: Session, mara: User, olek: User) -> None:
    post = make_post(session, mara, "#old with @olek")

    posts.edit_post(session=session, actor=mara, post_id=post.id, body="#new alone")

    assert session.exec(select(PostTag.tag).where(PostTag.post_id == post.id)).all() == ["new"]
    assert session.exec(select(PostMention).where(PostMention.post_id == post.id)).all() == []


def test_mentioning_someone_who_blocked_you_does_not_notify_them(
    session: Session, mara: User, olek: User
) -> None:
    graph.block(session=session, actor=olek, username="mara")

    make_post(session, mara, "hey @olek")

    assert notifications_of(session, olek, NotificationKind.MENTION) == []


# --- reposts ----------------------------------------------------------------------------------


def test_repost_increments_repost_count_and_notifies_the_original_author(
    session: Session, mara: User, olek: User, uploads_dir: Path
) -> None:
    original = make_post(session, mara, "original")

    quote = posts.create_post(
        session=session, actor=olek, body="so good", quote_of_id=original.id, uploads_dir=uploads_dir
    ).post

    session.refresh(original)
    assert original.repost_count == 1
    [note] = notifications_of(session, mara, NotificationKind.REPOST)
    assert (note.actor_id, note.post_id) == (olek.id, quote.id)
    card = posts.get_post_card(session=session, viewer=olek, post_id=quote.id)
    assert card.has_quote and card.quote.id == original.id
    assert card.quote.author.username == "mara"


def test_repost_without_text_is_allowed(session: Session, mara: User, olek: User, uploads_dir: Path) -> None:
    original = make_post(session, mara)

    quote = posts.create_post(
        session=session, actor=olek, body="", quote_of_id=original.id, uploads_dir=uploads_dir
    )

    assert quote.post.quote_of_id == original.id


def test_reposting_your_own_post_counts_but_does_not_notify_you(
    session: Session, mara: User, uploads_dir: Path
) -> None:
    original = make_post(session, mara)

    posts.create_post(
        session=session, actor=mara, body="again", quote_of_id=original.id, uploads_dir=uploads_dir
    )

    session.refresh(original)
    assert original.repost_count == 1
    assert count(session, Notification) == 0


def test_deleting_a_quoting_post_decrements_the_repost_count(
    session: Session, mara: User, olek: User, uploads_dir: Path
) -> None:
    original = make_post(session, mara)
    quote = make_post(session, olek, "quoting", quote_of_id=original.id)
    make_post(session, make_user(session, "pia"), "me too", quote_of_id=original.id)

    posts.delete_post(session=session, actor=olek, post_id=quote.id, uploads_dir=uploads_dir)

    session.refresh(original)
    assert original.repost_count == 1


def test_repost_count_never_goes_below_zero(
    session: Session, mara: User, olek: User, uploads_dir: Path
) -> None:
    original = make_post(session, mara)
    quote = make_post(session, olek, "quoting", quote_of_id=original.id)
    original.repost_count = 0  # a counter that drifted
    session.add(original)
    session.flush()

    posts.delete_post(session=session, actor=olek, post_id=quote.id, uploads_dir=uploads_dir)

    session.refresh(original)
    assert original.repost_count == 0


def test_quoting_a_missing_post_is_not_found(session: Session, mara: User, uploads_dir: Path) -> None:
    with refused(S.POST_NOT_FOUND):
        posts.create_post(session=session, actor=mara, body="x", quote_of_id=404, uploads_dir=uploads_dir)


def test_cannot_repost_someone_who_blocked_you(
    session: Session, mara: User, olek: User, uploads_dir: Path
) -> None:
    original = make_post(session, mara)
    graph.block(session=session, actor=mara, username="olek")

    with refused(S.BLOCKED):
        posts.create_post(
            session=session, actor=olek, body="x", quote_of_id=original.id, uploads_dir=uploads_dir
        )
    session.refresh(original)
    assert original.repost_count == 0


def test_quote_of_a_deleted_post_is_no_longer_shown(
    session: Session, mara: User, olek: User, uploads_dir: Path
) -> None:
    original = make_post(session, mara)
    quote = make_post(session, olek, "quoting", quote_of_id=original.id)

    posts.delete_post(session=session, actor=mara, post_id=original.id, uploads_dir=uploads_dir)
    session.expire_all()

    card = posts.get_post_card(session=session, viewer=olek, post_id=quote.id)
    assert card is not None
    assert card.has_quote is False


# --- rate limit -------------------------------------------------------------------------------


def test_eleventh_post_within_a_minute_is_rate_limited(
    session: Session, mara: User, olek: User, uploads_dir: Path, limiter: RateLimiter
) -> None:
    def publish(author: User, n: int) -> Post:
        return posts.create_post(
            session=session, actor=author, body=f"post {n}", uploads_dir=uploads_dir, limiter=limiter
        ).post

    for n in range(10):
        publish(mara, n)

    with refused(S.RATE_LIMITED):
        publish(mara, 10)
    assert count(session, Post) == 10
    assert publish(olek, 0).author_id == olek.id  # the limit is per person


def test_refused_empty_post_does_not_use_up_the_rate_limit(
    session: Session, mara: User, uploads_dir: Path, limiter: RateLimiter
) -> None:
    for _ in range(10):
        with refused(S.POST_EMPTY):
            posts.create_post(session=session, actor=mara, body="", uploads_dir=uploads_dir, limiter=limiter)

    post = posts.create_post(
        session=session, actor=mara, body="finally", uploads_dir=uploads_dir, limiter=limiter
    )

    assert post.post.id is not None


# --- reading one post -------------------------------------------------------------------------


def test_post_card_is_hidden_between_people_who_blocked_each_other(
    session: Session, mara: User, olek: User
) -> None:
    post = make_post(session, mara)
    graph.block(session=session, actor=mara, username="olek")

    assert posts.get_post_card(session=session, viewer=olek, post_id=post.id) is None
    assert posts.get_post_card(session=session, viewer=None, post_id=post.id) is not None


def test_deleted_post_has_no_card(session: Session, mara: User, uploads_dir: Path) -> None:
    post = make_post(session, mara)
    posts.delete_post(session=session, actor=mara, post_id=post.id, uploads_dir=uploads_dir)

    assert posts.get_post_card(session=session, viewer=mara, post_id=post.id) is None


def test_card_says_whether_the_viewer_owns_the_post(session: Session, mara: User, olek: User) -> None:
    post = make_post(session, mara)

    assert posts.get_post_card(session=session, viewer=mara, post_id=post.id).is_own is True
    assert posts.get_post_card(session=session, viewer=olek, post_id=post.id).is_own is False


def test_muted_persons_post_still_opens_from_its_link(session: Session, mara: User, olek: User) -> None:
    """Mute hides from feeds only; their mention of you still notifies you, and its link must work."""
    graph.mute(session=session, actor=mara, username="olek")
    post = make_post(session, olek, "hey @mara")

    assert [n.post_id for n in notifications_of(session, mara, NotificationKind.MENTION)] == [post.id]
    assert posts.get_post_card(session=session, viewer=mara, post_id=post.id) is not None
