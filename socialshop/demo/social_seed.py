"""The demo world's social layer: three weeks of posts with photos, follows, likes, comments,
saves and quote reposts, and notifications for the last few days. Same seed, same world.

Rows are written directly rather than through the services, so that they can carry past
timestamps and so that seeding stays fast. What the services would keep consistent is kept
here too: posts get ids in publication order (the feeds page by id), every counter on a post
is counted from the rows written for it, tags and mentions come from `text.extract_*`, and
notifications follow `notifications.notify` (never to yourself; a reply notifies the post's
author and the parent comment's author).
"""

from __future__ import annotations

import functools
import os
import random
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image
from sqlmodel import Session

from socialshop.demo import captions, scenes
from socialshop.demo.captions import PostKind
from socialshop.demo.personas import PERSONAS
from socialshop.models.accounts import Role, User
from socialshop.models.social import (
    Comment,
    Follow,
    Notification,
    NotificationKind,
    Post,
    PostLike,
    PostMention,
    PostPhoto,
    PostSave,
    PostTag,
)
from socialshop.services import media
from socialshop.services.social.text import extract_mentions, extract_tags

HISTORY = timedelta(days=21)
NOTIFIED_WINDOW = timedelta(days=4)  # older activity happened before anyone had notifications on
READ_BEFORE = timedelta(hours=20)  # notifications older than this have been read
SPOTLIGHT = "mara"  # the first persona on the login page wakes up to fresh activity on a new post
QUOTE_REPOSTS = 4
PHOTO_COUNTS = (1,) * 16 + (2,) * 3 + (3,)  # mostly one photo, sometimes two or three

_USERNAMES = tuple(p.username for p in PERSONAS)
_SELLERS = tuple(p.username for p in PERSONAS if p.is_seller)
_STAFF = tuple(p.username for p in PERSONAS if p.role != Role.MEMBER)
_SHOPPERS = tuple(name for name in _USERNAMES if name not in _SELLERS + _STAFF)
# Which shops each shopper cares about, most to least.
_FAVOURITE_SHOPS = {
    "mara": ("nordic_knits", "clay_and_co", "glow_botanics", "sunpeak_outdoor"),
    "theo": ("sunpeak_outdoor", "nordic_knits", "glow_botanics", "clay_and_co"),
    "priya": ("clay_and_co", "glow_botanics", "nordic_knits", "sunpeak_outdoor"),
    "jonas": ("clay_and_co", "sunpeak_outdoor", "nordic_knits", "glow_botanics"),
    "lucia": ("glow_botanics", "nordic_knits", "clay_and_co", "sunpeak_outdoor"),
    "sam": ("clay_and_co", "nordic_knits", "glow_botanics", "sunpeak_outdoor"),
}
# People post in the day and evening, rarely at night (hours in UTC; the personas are European).
_HOUR_WEIGHTS = (1, 1, 1, 1, 1, 2, 3, 5, 6, 6, 5, 5, 6, 5, 5, 5, 6, 7, 8, 8, 7, 6, 4, 2)


@dataclass
class _Post:
    author: str
    kind: PostKind
    created_at: datetime
    body: str = ""
    slots: dict[str, str] = field(default_factory=dict)
    photos: list[tuple[scenes.Motif, int]] = field(default_factory=list)  # what each shows, its art seed
    quality: float = 0.5  # how much people engage with it
    quote_of: _Post | None = None
    spotlight: bool = False
    row: Post | None = None


@dataclass
class _Comment:
    post: _Post
    author: str
    body: str
    created_at: datetime
    parent: _Comment | None = None
    row: Comment | None = None


@dataclass
class _Activity:
    likes: list[tuple[str, _Post, datetime]] = field(default_factory=list)
    saves: list[tuple[str, _Post, datetime]] = field(default_factory=list)
    comments: list[_Comment] = field(default_factory=list)
    shares: list[tuple[str, str, _Post, datetime]] = field(default_factory=list)  # actor, recipient


def seed_social(
    *, session: Session, users: Iterable[User], uploads_dir: Path, seed: int, now: datetime, scale: float = 1.0
) -> None:
    """Seed the social layer for the personas in `users`. `scale` shrinks the amount of history
    (1.0 is about 200 posts); tests use less."""
    rng = random.Random(f"social:{seed}")
    people = {user.username: user for user in users}
    follows = _plan_follows(rng, people, now)
    posts = _plan_posts(rng, now, scale)
    posts += _plan_quotes(rng, posts, now, scale)
    posts.sort(key=lambda post: post.created_at)
    following = {(a, b) for a, b, _ in follows}
    activity = _plan_activity(rng, posts, following, now, scale)
    photos = _write_photos(posts, uploads_dir)

    session.add_all(
        Follow(follower_id=people[a].id, followee_id=people[b].id, created_at=at) for a, b, at in follows
    )
    _insert_posts(session, posts, photos, activity, people)
    _insert_activity(session, activity, people)
    _insert_notifications(session, rng, posts, follows, activity, people, now)
    session.flush()


# --- who follows whom ------------------------------------------------------------------------------


def _plan_follows(rng: random.Random, people: dict[str, User], now: datetime) -> list[tuple[str, str, datetime]]:
    edges: list[tuple[str, str]] = []
    for shopper in _SHOPPERS:
        shops = _FAVOURITE_SHOPS[shopper]
        edges += [(shopper, shop) for shop in shops[: 3 + (rng.random() < 0.5)]]
        others = [name for name in _SHOPPERS if name != shopper]
        edges += [(shopper, friend) for friend in rng.sample(others, rng.randint(3, 5))]
        edges += [(shopper, staff) for staff in _STAFF if rng.random() < 0.35]
    for seller in _SELLERS:
        fans = [a for a, b in edges if b == seller]
        edges += [(seller, fan) for fan in rng.sample(fans, min(len(fans), rng.randint(2, 4)))]
        if rng.random() < 0.6:
            edges.append((seller, rng.choice([s for s in _SELLERS if s != seller])))
        if rng.random() < 0.4:
            edges.append((seller, "alex_admin"))
    for staff in _STAFF:
        others = [name for name in _USERNAMES if name not in (staff, *_STAFF)]
        edges += [(staff, name) for name in rng.sample(others, rng.randint(3, 5))]
    edges.append(("rosa_mod", "alex_admin"))
    edges = list(dict.fromkeys(edges))  # drop repeats, keep the order (and so the seed) stable
    follows = []
    for follower, followee in edges:
        joined = max(people[follower].created_at, people[followee].created_at)
        if joined.tzinfo is None:
            joined = joined.replace(tzinfo=now.tzinfo)
        span = max(timedelta(days=1), now - NOTIFIED_WINDOW - joined)
        follows.append((follower, followee, joined + span * rng.uniform(0.05, 0.98)))
    # A few new followers this week, so "started following you" shows up in Activity.
    fresh = [i for i, (_, b, _) in enumerate(follows) if b == SPOTLIGHT][:1]
    fresh += rng.sample(range(len(follows)), 2)
    for i in fresh:
        follower, followee, _ = follows[i]
        follows[i] = (follower, followee, now - timedelta(hours=rng.uniform(1, 80)))
    return follows


# --- posts -----------------------------------------------------------------------------------------


def _post_time(rng: random.Random, now: datetime) -> datetime:
    day = now - timedelta(days=rng.uniform(0, HISTORY.days))
    hour = rng.choices(range(24), weights=_HOUR_WEIGHTS)[0]
    at = day.replace(hour=hour, minute=rng.randrange(60), second=rng.randrange(60), microsecond=0)
    if at > now - timedelta(minutes=20):  # later today has not happened yet: the day before, then
        at -= timedelta(days=1)
    return max(at, now - HISTORY + timedelta(minutes=rng.uniform(10, 600)))


def _plan_posts(rng: random.Random, now: datetime, scale: float) -> list[_Post]:
    posts: list[_Post] = []
    drafting = _Drafting()
    for persona in PERSONAS:
        kinds = [name for name, count in captions.SCHEDULE[persona.username] for _ in range(count)]
        rng.shuffle(kinds)
        mine = []
        for name in kinds[: max(1, round(len(kinds) * scale))]:
            post = _Post(author=persona.username, kind=captions.KINDS[name], created_at=_post_time(rng, now))
            _compose(rng, post, drafting)
            mine.append(post)
        if persona.username == SPOTLIGHT:
            newest = next((p for p in mine if p.photos), mine[0])
            newest.created_at = now - timedelta(hours=rng.uniform(2, 5))
            newest.spotlight = True
            newest.quality = max(newest.quality, 0.8)
        posts += mine
    return posts


@dataclass
class _Drafting:
    """What the posts written so far have used up."""

    captions: set[str] = field(default_factory=set)
    decks: dict[str, list[str]] = field(default_factory=dict)  # caption templates not dealt yet, per kind
    photos_taken: Counter[tuple[str, tuple[str, ...]]] = field(default_factory=Counter)

    def take_photo(self, scene: str, subjects: tuple[str, ...]) -> tuple[scenes.Motif, int]:
        """The next picture of the photo library for a scene (showing one of `subjects`). The
        library does not depend on the world's seed, so differently seeded worlds share most of
        their photos (and a process that seeds both draws those once)."""
        subjects = subjects or scenes.SCENES[scene].subjects
        index = self.photos_taken[scene, subjects]
        self.photos_taken[scene, subjects] += 1
        pick = random.Random(f"{scene}|{'/'.join(subjects)}|{index}")
        return scenes.choose_motif(scene, pick, subject=pick.choice(subjects)), pick.getrandbits(32)


def _compose(rng: random.Random, post: _Post, drafting: _Drafting) -> None:
    """Choose the post's photos, then write its caption from them."""
    kind = post.kind
    motif = None
    if kind.scene is not None:
        motif, art_seed = drafting.take_photo(kind.scene, kind.subjects)
        # More photos of the same thing: other compositions of the same motif.
        post.photos = [(motif, art_seed + extra) for extra in range(rng.choice(PHOTO_COUNTS))]
    friends = [name for name in _SHOPPERS if name != post.author]
    post.slots = {
        "subject": motif.subject if motif else "",
        "color": motif.color if motif else "",
        "shop": "@" + (kind.shop or rng.choice(_SELLERS)),
        "friend": "@" + rng.choice(friends),
        "km": str(rng.randint(8, 34)),
        "elev": str(rng.randrange(400, 2000, 50)),
        "n": str(rng.randint(3, 12)),
        "place": rng.choice(captions.PLACES),
        "month": rng.choice(captions.MONTHS),
    }
    # Templates are dealt like cards (each once before any repeats) and a caption is never written
    # twice: the same words twice would give the game away.
    deck = drafting.decks.setdefault(kind.name, [])
    text = ""
    for _ in range(2 * len(kind.captions)):
        if not deck:
            deck += rng.sample(kind.captions, len(kind.captions))
        text = deck.pop().format(**post.slots)
        text = text[0].upper() + text[1:]
        if text not in drafting.captions:
            break
    drafting.captions.add(text)
    tags = [t for t in rng.sample(kind.tags, min(len(kind.tags), rng.choice((1, 2, 2, 3)))) if f"#{t}" not in text]
    post.body = (text + ("\n\n" if rng.random() < 0.3 else " ") + " ".join(f"#{t}" for t in tags)).strip()
    # Most posts do fine, a few take off: quality is skewed low, and photos help.
    post.quality = min(1.0, rng.betavariate(1.6, 2.2) + (0.15 if post.photos else 0.0))


def _plan_quotes(rng: random.Random, posts: list[_Post], now: datetime, scale: float) -> list[_Post]:
    """A few quote reposts: shoppers vouching for a shop's post, shops thanking a shopper."""
    candidates = sorted(
        (p for p in posts if p.photos and not p.spotlight and p.created_at < now - timedelta(days=2)),
        key=lambda p: (-p.quality, p.created_at),
    )[:24]
    shopper_lines = rng.sample(captions.QUOTES_BY_SHOPPERS, len(captions.QUOTES_BY_SHOPPERS))
    seller_lines = rng.sample(captions.QUOTES_BY_SELLERS, len(captions.QUOTES_BY_SELLERS))
    quotes: list[_Post] = []
    wanted = max(1, round(QUOTE_REPOSTS * scale))
    for target in rng.sample(candidates, len(candidates)):
        if len(quotes) == wanted:
            break
        if target.author in _SELLERS and shopper_lines:
            author = rng.choice([s for s in _SHOPPERS if target.author in _FAVOURITE_SHOPS[s][:3]])
            line = shopper_lines.pop()
        elif target.kind.shop and target.author in _SHOPPERS and seller_lines:
            author = target.kind.shop  # the shop whose piece is in the photo
            line = seller_lines.pop()
        else:
            continue
        at = min(target.created_at + timedelta(hours=rng.uniform(2, 40)), now - timedelta(hours=1))
        body = line if "#" in line else f"{line} #{rng.choice(target.kind.tags)}"
        quotes.append(_Post(author=author, kind=captions.QUOTE, created_at=at, body=body, quote_of=target,
                            quality=rng.uniform(0.4, 0.9)))
    return quotes


# --- engagement ------------------------------------------------------------------------------------


def _after(rng: random.Random, start: datetime, now: datetime, mean_hours: float, *, soon: bool = False) -> datetime | None:
    """When a reaction to something at `start` happened, or None if it has not happened yet."""
    if soon:  # spread over the time since, so it has all happened already
        return start + (now - start) * rng.uniform(0.05, 0.95)
    at = start + timedelta(hours=rng.expovariate(1 / mean_hours))
    return at if at < now - timedelta(minutes=1) else None


def _plan_activity(
    rng: random.Random, posts: list[_Post], following: set[tuple[str, str]], now: datetime, scale: float
) -> _Activity:
    activity = _Activity()
    for post in posts:
        author = post.author
        others = [name for name in _USERNAMES if name != author]
        for name in others:
            chance = 0.04 + 0.6 * post.quality**2
            if (name, author) in following:
                chance *= 1.8
            if name in _SELLERS:
                chance *= 0.55
            elif name in _STAFF:
                chance *= 0.35
            if post.spotlight:
                chance = 0.85 if (name, author) in following else 0.3
            if rng.random() < min(chance, 0.92) and (at := _after(rng, post.created_at, now, 5, soon=post.spotlight)):
                activity.likes.append((name, post, at))
        if post.photos and post.quality > 0.55:
            for name in _SHOPPERS:
                if name != author and rng.random() < 0.08 and (at := _after(rng, post.created_at, now, 10)):
                    activity.saves.append((name, post, at))
        if post.spotlight or rng.random() < 0.12 + 0.5 * post.quality:
            _plan_comments(rng, post, others, following, now, activity)
    for _ in range(max(1, round(2 * scale))):  # someone sends a friend a post they'll like
        recent = [p for p in posts if p.photos and p.created_at > now - NOTIFIED_WINDOW and p.author in _SELLERS]
        if not recent:
            break
        post = rng.choice(recent)
        pairs = sorted((a, b) for a, b in following if b in _SHOPPERS and a in _SHOPPERS and post.author not in (a, b))
        if pairs and (at := _after(rng, post.created_at, now, 6)):
            actor, recipient = rng.choice(pairs)
            activity.shares.append((actor, recipient, post, at))
    return activity


def _plan_comments(
    rng: random.Random, post: _Post, others: list[str], following: set[tuple[str, str]], now: datetime,
    activity: _Activity,
) -> None:
    count = 1 + (rng.random() < 0.45) + (rng.random() < 0.2)
    if post.spotlight:
        count = max(count, 2)
    # Followers comment first; staff rarely.
    ranked = sorted(others, key=lambda name: rng.random() - 0.5 * ((name, post.author) in following)
                    + 0.4 * (name in _STAFF))
    texts = rng.sample(post.kind.comments, min(count, len(post.kind.comments)))
    for name, text in zip(ranked, texts, strict=False):
        at = _after(rng, post.created_at, now, 8, soon=post.spotlight)
        if at is None:
            continue
        comment = _Comment(post, name, text.format(**post.slots), at)
        activity.comments.append(comment)
        if rng.random() < (0.7 if post.author in _SELLERS else 0.45):
            reply_at = _after(rng, at, now, 3)
            if reply_at is not None:
                reply = rng.choice(post.kind.replies).format(**post.slots)
                activity.comments.append(_Comment(post, post.author, reply, reply_at, parent=comment))
        elif rng.random() < 0.15:
            third = rng.choice([n for n in others if n != name])
            reply_at = _after(rng, at, now, 4)
            if reply_at is not None:
                activity.comments.append(
                    _Comment(post, third, rng.choice(captions.REPLIES_BY_OTHERS), reply_at, parent=comment)
                )


# --- photos ----------------------------------------------------------------------------------------


@functools.lru_cache(maxsize=512)
def _rendered(motif: scenes.Motif, art_seed: int) -> tuple[bytes, bytes, str]:
    """A demo photo encoded as an upload would be (full size and thumbnail), and its alt text.
    Kept in memory: drawing and encoding is most of the seeding time, and a process that seeds
    more than once (the test suite) then draws each photo once."""
    image, alt = scenes.paint(motif, art_seed)
    # The thumbnail starts from a box-filtered copy: as sharp for flat shapes as the upload path's
    # Lanczos pass over the full photo, at a third of the cost.
    side = media.THUMBNAIL.max_side
    small = image.resize((side, side * image.height // image.width), Image.Resampling.BOX)
    return media.render_variant(image, media.PHOTO), media.render_variant(small, media.THUMBNAIL), alt


def _write_photos(posts: list[_Post], uploads_dir: Path) -> dict[int, list[tuple[str, str, str]]]:
    """Draw and store every photo (in parallel: encoding releases the GIL); returns, per post
    number, (file, thumbnail, alt) in order. Names are deterministic: demo-<post>-<photo>.webp."""
    jobs = [(number, index, motif, art_seed)
            for number, post in enumerate(posts, start=1)
            for index, (motif, art_seed) in enumerate(post.photos, start=1)]
    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        encoded = list(pool.map(lambda job: _rendered(job[2], job[3]), jobs))
    (uploads_dir / "posts" / "thumbs").mkdir(parents=True, exist_ok=True)
    stored: dict[int, list[tuple[str, str, str]]] = {}
    for (number, index, _, _), (full, thumb, alt) in zip(jobs, encoded, strict=True):
        name = f"demo-{number}-{index}.webp"
        (uploads_dir / "posts" / name).write_bytes(full)
        (uploads_dir / "posts" / "thumbs" / name).write_bytes(thumb)
        stored.setdefault(number, []).append((f"posts/{name}", f"posts/thumbs/{name}", alt))
    return stored


# --- rows ------------------------------------------------------------------------------------------


def _insert_posts(
    session: Session, posts: list[_Post], photos: dict[int, list[tuple[str, str, str]]], activity: _Activity,
    people: dict[str, User],
) -> None:
    counts: dict[int, dict[str, int]] = {id(p): {"like": 0, "save": 0, "comment": 0, "repost": 0} for p in posts}
    for _, post, _ in activity.likes:
        counts[id(post)]["like"] += 1
    for _, post, _ in activity.saves:
        counts[id(post)]["save"] += 1
    for comment in activity.comments:
        counts[id(comment.post)]["comment"] += 1
    for post in posts:
        if post.quote_of is not None:
            counts[id(post.quote_of)]["repost"] += 1
    for number, post in enumerate(posts, start=1):
        count = counts[id(post)]
        post.row = Post(
            author_id=people[post.author].id, body=post.body, created_at=post.created_at,
            photo_count=len(photos.get(number, [])), like_count=count["like"], comment_count=count["comment"],
            repost_count=count["repost"], save_count=count["save"],
        )
        session.add(post.row)
    session.flush()  # ids are given out in the order the posts were added: publication order
    by_username = {name: user.id for name, user in people.items()}
    for number, post in enumerate(posts, start=1):
        row = post.row
        if post.quote_of is not None:
            row.quote_of_id = post.quote_of.row.id
        for position, (file, thumb, alt) in enumerate(photos.get(number, [])):
            session.add(PostPhoto(post_id=row.id, position=position, file=file, thumb_file=thumb, alt=alt))
        for tag in extract_tags(post.body):
            session.add(PostTag(post_id=row.id, tag=tag))
        for name in extract_mentions(post.body):
            if name in by_username:
                session.add(PostMention(post_id=row.id, user_id=by_username[name]))


def _insert_activity(session: Session, activity: _Activity, people: dict[str, User]) -> None:
    session.add_all(PostLike(user_id=people[name].id, post_id=post.row.id, created_at=at)
                    for name, post, at in activity.likes)
    session.add_all(PostSave(user_id=people[name].id, post_id=post.row.id, created_at=at)
                    for name, post, at in activity.saves)
    for comment in sorted(activity.comments, key=lambda c: c.created_at):
        parent_id = None
        if comment.parent is not None:
            if comment.parent.row.id is None:
                session.flush()
            parent_id = comment.parent.row.id
        comment.row = Comment(post_id=comment.post.row.id, author_id=people[comment.author].id,
                              parent_id=parent_id, body=comment.body, created_at=comment.created_at)
        session.add(comment.row)
    session.flush()


def _insert_notifications(
    session: Session, rng: random.Random, posts: list[_Post], follows: list[tuple[str, str, datetime]],
    activity: _Activity, people: dict[str, User], now: datetime,
) -> None:
    """Notifications for what happened in the last few days; the older ones have been read."""
    since = now - NOTIFIED_WINDOW
    events: list[tuple[datetime, str, str, NotificationKind, Post | None, Comment | None]] = []
    events += [(at, b, a, NotificationKind.FOLLOW, None, None) for a, b, at in follows if at >= since]
    events += [(at, post.author, name, NotificationKind.LIKE, post.row, None)
               for name, post, at in activity.likes if at >= since]
    for comment in activity.comments:
        if comment.created_at < since:
            continue
        events.append((comment.created_at, comment.post.author, comment.author, NotificationKind.COMMENT,
                       comment.post.row, comment.row))
        if comment.parent is not None and comment.parent.author != comment.post.author:
            events.append((comment.created_at, comment.parent.author, comment.author, NotificationKind.REPLY,
                           comment.post.row, comment.row))
    for post in posts:
        if post.created_at < since:
            continue
        events += [(post.created_at, name, post.author, NotificationKind.MENTION, post.row, None)
                   for name in extract_mentions(post.body) if name in people]
        if post.quote_of is not None:
            events.append((post.created_at, post.quote_of.author, post.author, NotificationKind.REPOST, post.row, None))
    events += [(at, recipient, actor, NotificationKind.SHARE, post.row, None)
               for actor, recipient, post, at in activity.shares]
    events.sort(key=lambda e: (e[0], e[1], e[2], e[3].value))
    for at, recipient, actor, kind, post, comment in events:
        if recipient == actor:
            continue
        read_at = None
        if at < now - READ_BEFORE:
            read_at = min(at + timedelta(minutes=rng.uniform(5, 600)), now - timedelta(minutes=1))
        session.add(Notification(
            recipient_id=people[recipient].id, actor_id=people[actor].id, kind=kind.value,
            post_id=post.id if post is not None else None, comment_id=comment.id if comment is not None else None,
            created_at=at, read_at=read_at,
        ))
