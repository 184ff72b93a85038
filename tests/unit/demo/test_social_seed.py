"""The demo world's social layer: lively, consistent with its own rows, and the same for the same seed."""

from __future__ import annotations

import random
from collections import Counter
from collections.abc import Iterator
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest
from PIL import Image, ImageStat
from sqlalchemy import func
from sqlmodel import Session, SQLModel, select

from socialshop.db import make_engine
from socialshop.demo import scenes, seed, social_seed
from socialshop.demo.personas import PERSONAS
from socialshop.models.accounts import User
from socialshop.models.social import (
    Comment,
    Follow,
    Notification,
    Post,
    PostLike,
    PostMention,
    PostPhoto,
    PostSave,
    PostTag,
)
from socialshop.services import media
from socialshop.services.social import feeds, notifications
from socialshop.services.social.text import extract_mentions, extract_tags

NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)
SMALL = 0.1  # about 20 posts: enough to compare two worlds quickly


def seed_world(directory: Path, *, seed_value: int = seed.DEFAULT_SEED, scale: float = SMALL) -> str:
    """Seed a fresh database in `directory` (flat avatars, a fixed clock); returns its URL."""
    url = f"sqlite:///{directory / 'demo.db'}"
    engine = make_engine(url)
    SQLModel.metadata.create_all(engine)
    try:
        with pytest.MonkeyPatch.context() as patch, Session(engine) as session:
            patch.setattr(seed, "utcnow", lambda: NOW)
            patch.setattr(seed.art, "avatar", lambda _initials, palette: Image.new("RGB", (32, 32), palette[0]))
            seed.seed_demo_world(session=session, uploads_dir=directory / "uploads", seed=seed_value, scale=scale)
            session.commit()
    finally:
        engine.dispose()
    return url


def snapshot(url: str) -> dict[str, list]:
    """What two worlds must agree on: posts (with times and photos), follows, likes, comments."""
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            names = {u.id: u.username for u in session.exec(select(User)).all()}
            posts = session.exec(select(Post).order_by(Post.id)).all()
            return {
                "posts": [(p.id, names[p.author_id], p.body, p.created_at, p.photo_count, p.quote_of_id) for p in posts],
                "photos": [(p.file, p.alt) for p in session.exec(select(PostPhoto).order_by(PostPhoto.id)).all()],
                "follows": sorted((names[f.follower_id], names[f.followee_id]) for f in session.exec(select(Follow)).all()),
                "likes": sorted((names[x.user_id], x.post_id) for x in session.exec(select(PostLike)).all()),
                "comments": [(c.post_id, names[c.author_id], c.body) for c in session.exec(select(Comment).order_by(Comment.id)).all()],
            }
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One demo world at full size, shared by the read-only checks below."""
    directory = tmp_path_factory.mktemp("social-world")
    seed_world(directory, scale=1.0)
    return directory


@pytest.fixture
def db(world: Path) -> Iterator[Session]:
    engine = make_engine(f"sqlite:///{world / 'demo.db'}")
    with Session(engine) as session:
        yield session
        session.rollback()
    engine.dispose()


def user(session: Session, username: str) -> User:
    return session.exec(select(User).where(User.username == username)).one()


def count(session: Session, model: type, *where) -> int:
    return session.exec(select(func.count()).select_from(model).where(*where)).one()


# --- the same seed, the same world -----------------------------------------------------------------


def test_same_seed_gives_the_same_posts_photos_follows_likes_and_comments(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()

    first = snapshot(seed_world(tmp_path / "a"))
    monkeypatch.setattr(social_seed, "_rendered", social_seed._rendered.__wrapped__)  # draw them all again
    second = snapshot(seed_world(tmp_path / "b"))

    assert first == second
    assert len(first["posts"]) >= 15
    files = sorted(p.relative_to(tmp_path / "a") for p in (tmp_path / "a" / "uploads" / "posts").rglob("*.webp"))
    assert files == sorted(p.relative_to(tmp_path / "b") for p in (tmp_path / "b" / "uploads" / "posts").rglob("*.webp"))
    for name in files:
        relative = name.relative_to("uploads")
        assert (tmp_path / "a" / "uploads" / relative).read_bytes() == (tmp_path / "b" / "uploads" / relative).read_bytes()


def test_another_seed_gives_another_world(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()

    default = snapshot(seed_world(tmp_path / "a", scale=0.05))
    other = snapshot(seed_world(tmp_path / "b", seed_value=1, scale=0.05))

    assert [p[2] for p in default["posts"]] != [p[2] for p in other["posts"]]
    assert default["follows"] != other["follows"]


def test_a_scene_paints_the_same_pixels_for_the_same_seed_and_is_not_a_flat_box() -> None:
    for name in scenes.SCENES:
        motif = scenes.choose_motif(name, random.Random(3))
        first, alt = scenes.paint(motif, 42, size=270)
        second, _ = scenes.paint(motif, 42, size=270)

        assert first.tobytes() == second.tobytes(), name
        assert alt
        spread = ImageStat.Stat(first).stddev
        assert max(spread) > 20, f"{name} looks flat"
        assert len(first.resize((27, 27)).getcolors(729)) > 40, f"{name} has too few colours"


# --- the full world --------------------------------------------------------------------------------


def test_about_two_hundred_posts_over_the_past_three_weeks(db: Session) -> None:
    posts = db.exec(select(Post)).all()

    assert 180 <= len(posts) <= 220
    assert all(NOW - timedelta(days=21, hours=1) <= p.created_at < NOW for p in posts)
    newest = max(p.created_at for p in posts)
    assert NOW - newest < timedelta(hours=12)  # the feed looks alive
    days = {p.created_at.date() for p in posts}
    assert len(days) >= 18


def test_post_ids_follow_publication_order(db: Session) -> None:
    by_id = db.exec(select(Post.created_at).order_by(Post.id)).all()

    assert by_id == sorted(by_id)


def test_every_persona_posts_and_staff_post_rarely(db: Session) -> None:
    per_author = Counter(
        db.exec(select(User.username).join(Post, Post.author_id == User.id)).all()
    )

    assert set(per_author) == {p.username for p in PERSONAS}
    for staff in ("rosa_mod", "alex_admin"):
        assert per_author[staff] <= 6
    for seller in ("nordic_knits", "clay_and_co", "sunpeak_outdoor", "glow_botanics"):
        assert per_author[seller] >= 15


def test_post_counters_match_the_rows(db: Session) -> None:
    for post in db.exec(select(Post)).all():
        assert post.like_count == count(db, PostLike, PostLike.post_id == post.id), post.id
        assert post.comment_count == count(db, Comment, Comment.post_id == post.id), post.id
        assert post.save_count == count(db, PostSave, PostSave.post_id == post.id), post.id
        assert post.repost_count == count(db, Post, Post.quote_of_id == post.id), post.id
        assert post.photo_count == count(db, PostPhoto, PostPhoto.post_id == post.id), post.id


def test_tags_and_mentions_are_exactly_those_in_the_text(db: Session) -> None:
    usernames = {u.id: u.username for u in db.exec(select(User)).all()}
    for post in db.exec(select(Post)).all():
        tags = db.exec(select(PostTag.tag).where(PostTag.post_id == post.id)).all()
        mentioned = db.exec(select(PostMention.user_id).where(PostMention.post_id == post.id)).all()

        assert sorted(tags) == sorted(extract_tags(post.body)), post.body
        assert sorted(usernames[i] for i in mentioned) == sorted(extract_mentions(post.body)), post.body


def test_posts_carry_hashtags_from_a_shared_set_and_mention_other_personas(db: Session) -> None:
    posts = db.exec(select(Post)).all()
    tag_use = Counter(db.exec(select(PostTag.tag)).all())

    assert all("#" in p.body for p in posts)
    for tag in ("cozy", "knitwear", "ceramics", "trailrunning", "skincare", "homedecor", "ootd", "slowfashion",
                "giftideas", "plantparent"):
        assert tag_use[tag] >= 3, tag
    assert sum(1 for n in tag_use.values() if n >= 3) >= 0.7 * len(tag_use)  # tags recur
    mentions = db.exec(select(PostMention, Post).join(Post, Post.id == PostMention.post_id)).all()
    assert len(mentions) >= 10
    assert all(mention.user_id != post.author_id for mention, post in mentions)
    assert len({p.body for p in posts}) == len(posts)  # nobody posts the same thing twice


def test_about_sixty_percent_of_posts_have_one_to_three_photos(db: Session) -> None:
    counts = db.exec(select(Post.photo_count)).all()
    with_photos = [n for n in counts if n]

    assert 0.5 <= len(with_photos) / len(counts) <= 0.7
    assert set(with_photos) <= {1, 2, 3}
    assert {2, 3} <= set(with_photos)


def test_photos_are_stored_as_decodable_webp_with_thumbnails_and_alt_text(world: Path, db: Session) -> None:
    photos = db.exec(select(PostPhoto).order_by(PostPhoto.id)).all()

    assert photos
    for photo in photos:
        assert photo.file.startswith("posts/demo-") and photo.thumb_file.startswith("posts/thumbs/demo-")
        assert photo.alt
        for name, side in ((photo.file, 1080), (photo.thumb_file, media.THUMBNAIL.max_side)):
            data = (world / "uploads" / name).read_bytes()
            image = media.decode_image(data)  # the same check every upload passes
            assert (image.format, image.size) == ("WEBP", (side, side)), name
    sample = media.decode_image((world / "uploads" / photos[0].file).read_bytes())
    assert max(ImageStat.Stat(sample).stddev) > 20  # a picture, not a grey box


def test_every_persona_follows_someone_and_shoppers_follow_three_or_four_shops(db: Session) -> None:
    names = {u.id: u for u in db.exec(select(User)).all()}
    following: dict[str, set[str]] = {}
    for follow in db.exec(select(Follow)).all():
        following.setdefault(names[follow.follower_id].username, set()).add(names[follow.followee_id].username)

    assert set(following) == {p.username for p in PERSONAS}
    shops = {p.username for p in PERSONAS if p.is_seller}
    for persona in PERSONAS:
        assert persona.username not in following[persona.username]
        if persona.role == "member" and not persona.is_seller:
            assert 3 <= len(following[persona.username] & shops) <= 4, persona.username
            assert len(following[persona.username] - shops) >= 3, persona.username
        if persona.is_seller:
            assert following[persona.username] - shops, persona.username


def test_likes_comments_and_saves_happen_after_the_post_and_before_now(db: Session) -> None:
    created = dict(db.exec(select(Post.id, Post.created_at)).all())
    for model in (PostLike, PostSave, Comment):
        for row in db.exec(select(model)).all():
            assert created[row.post_id] < row.created_at < NOW, model.__name__

    assert count(db, PostLike) > 2 * count(db, Post)
    assert 10 <= count(db, PostSave) <= 80


def test_a_few_posts_are_liked_by_most_people_and_a_typical_post_by_a_few(db: Session) -> None:
    likes = sorted(db.exec(select(Post.like_count)).all())

    assert likes[-1] >= 8
    assert 1 <= likes[len(likes) // 2] <= likes[-1] / 2


def test_comments_have_one_level_of_replies_from_later_on(db: Session) -> None:
    comments = {c.id: c for c in db.exec(select(Comment)).all()}
    replies = [c for c in comments.values() if c.parent_id is not None]

    assert len(comments) >= 100
    assert len(replies) >= 10
    for reply in replies:
        parent = comments[reply.parent_id]
        assert parent.parent_id is None
        assert parent.post_id == reply.post_id
        assert parent.created_at < reply.created_at


def test_three_to_five_quote_reposts_of_earlier_posts(db: Session) -> None:
    quotes = db.exec(select(Post).where(Post.quote_of_id.is_not(None))).all()

    assert 3 <= len(quotes) <= 5
    for quote in quotes:
        original = db.get(Post, quote.quote_of_id)
        assert original.created_at < quote.created_at
        assert original.author_id != quote.author_id


def test_notifications_cover_the_last_few_days_and_mara_has_unread_ones(db: Session) -> None:
    notes = db.exec(select(Notification)).all()
    mara = user(db, "mara")

    assert notes
    assert all(n.recipient_id != n.actor_id for n in notes)
    assert all(NOW - social_seed.NOTIFIED_WINDOW <= n.created_at < NOW for n in notes)
    assert all(n.read_at is not None for n in notes if n.created_at < NOW - social_seed.READ_BEFORE)
    assert len(notes) < count(db, PostLike) + count(db, Comment)  # not everything, ever, is notified
    assert notifications.unread_count(session=db, user_id=mara.id) > 0
    assert {n.kind for n in notes} >= {"like", "comment", "follow"}
    activity = notifications.recent(session=db, user=mara)
    assert activity and activity[0].unread  # the newest is what the badge is about


def test_the_feeds_read_the_seeded_world(db: Session) -> None:
    mara = user(db, "mara")

    following = feeds.following_feed(session=db, viewer=mara)
    for_you = feeds.for_you_feed(session=db, viewer=mara)
    tagged = feeds.tag_feed(session=db, viewer=None, tag="ceramics")

    assert len(following.cards) == feeds.PAGE_SIZE and following.next_cursor
    assert len(for_you.cards) == feeds.PAGE_SIZE
    assert tagged.cards
    assert any(card.photos for card in for_you.cards)
