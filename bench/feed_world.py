"""A synthetic social world in SQLite for the feed benchmark: users, a power-law follow graph, posts.

The schema comes from the app's own models (`SQLModel.metadata.create_all` on `make_engine`), so
every table and index is exactly the app's; the rows are written with the plain sqlite3 module
(executemany, one transaction, no journal) because the ORM would take an hour for 1M posts.
Built files are cached with a JSON sidecar that records how they were made.
"""

from __future__ import annotations

import itertools
import json
import math
import random
import sqlite3
import time
from collections.abc import Iterator
from dataclasses import asdict, dataclass
from datetime import UTC, datetime
from pathlib import Path

from sqlmodel import SQLModel

import socialshop.models  # noqa: F401  (registers every table on SQLModel.metadata)
from socialshop.db import make_engine

# Bump when the generator changes, so cached files built by an older one are rebuilt.
WORLD_VERSION = 2  # 2: built with the app's ix_user_block_blocked index
DAY = 86400.0
HISTORY_DAYS = 60
RECENTLY_SEEN_DAYS = 3
POSTS_PER_CHUNK = 20_000
# A cached file whose clock is older than this gets its timestamps shifted to now, because
# For You only looks at the last 30 days and ages every post by the time since the build
# (a few hours change the scores, not the work; shifting 1M posts takes about 20 s).
MAX_CLOCK_DRIFT_SECONDS = 86400

TAGS = [
    "ootd", "vintage", "handmade", "sneakers", "skincare", "homedecor", "plants", "coffee", "thrift",
    "streetwear", "ceramics", "jewelry", "knitting", "denim", "minimal", "bookstagram", "travel", "linen",
    "leather", "upcycled", "summer", "winter", "sale", "newin", "giveaway", "unboxing", "review", "diy",
    "watches", "bags", "lamps", "rugs", "tea", "bakery", "vinyl", "cameras", "bikes", "running", "yoga",
    "gardening", "candles", "soap", "prints", "posters", "stickers", "tshirts", "hats", "scarves", "socks",
]
TAGS += [f"{a}{b}" for a in ("local", "small", "eco", "slow", "daily") for b in TAGS[:60]]
WORDS = [
    "just", "dropped", "new", "restock", "the", "a", "this", "weekend", "finally", "loving", "how",
    "these", "turned", "out", "back", "in", "stock", "small", "batch", "made", "by", "hand", "limited",
    "run", "shop", "link", "in", "bio", "what", "do", "you", "think", "which", "one", "should", "I",
    "keep", "photo", "of", "my", "favourite", "piece", "so", "far", "only", "three", "left", "grab",
    "yours", "before", "they", "go", "thanks", "for", "all", "the", "love", "on", "the", "last", "post",
    "we", "ship", "tomorrow", "soft", "colours", "for", "spring", "mood", "today", "packing", "orders",
    "all", "day",
]
FIRST_NAMES = [
    "Ada", "Ben", "Chloe", "Dan", "Eva", "Finn", "Gia", "Hugo", "Ines", "Jon", "Kai", "Lena", "Milo",
    "Nora", "Omar", "Pia", "Quinn", "Rosa", "Sam", "Tara", "Uma", "Vik", "Wes", "Yara", "Zoe",
]
LAST_NAMES = [
    "Abbott", "Berg", "Costa", "Diaz", "Eriksen", "Fox", "Gallo", "Haas", "Ito", "Jansen", "Kowal",
    "Lind", "Moreau", "Novak", "Okafor", "Petit", "Reyes", "Sato", "Toth", "Vidal", "Weber", "Young",
]


@dataclass(frozen=True)
class WorldShape:
    """What a built file holds; the cache sidecar records it so a changed shape forces a rebuild."""

    posts: int
    users: int = 10_000
    seed: int = 20240601
    version: int = WORLD_VERSION


@dataclass
class BuiltWorld:
    path: Path
    shape: WorldShape
    clock: float  # epoch seconds the newest post was published before ("now" when built or shifted)
    build_seconds: float
    counts: dict[str, int]

    @property
    def url(self) -> str:
        return f"sqlite:///{self.path}"


def sqlite_timestamp(epoch: float) -> str:
    """The text SQLAlchemy's SQLite DateTime stores (naive UTC, always with microseconds).

    Formatted by hand with a per-day cache: datetime.strftime costs 3 µs, and a build formats millions.
    """
    micros = round(epoch * 1_000_000)
    seconds, micro = divmod(micros, 1_000_000)
    day, second_of_day = divmod(seconds, 86400)
    date = _DATES.get(day)
    if date is None:
        date = _DATES[day] = f"{datetime.fromtimestamp(day * 86400, UTC):%Y-%m-%d}"
    hour, rest = divmod(second_of_day, 3600)
    minute, second = divmod(rest, 60)
    return f"{date} {hour:02d}:{minute:02d}:{second:02d}.{micro:06d}"


_DATES: dict[int, str] = {}


def ensure_world(folder: Path, shape: WorldShape, *, rebuild: bool = False, log=print) -> BuiltWorld:
    """The cached database for `shape`, built if missing, stale in shape, or asked to be rebuilt."""
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"feed-{shape.posts}-posts.db"
    sidecar = path.with_suffix(".json")
    if not rebuild and path.exists() and sidecar.exists():
        meta = json.loads(sidecar.read_text())
        if meta.get("shape") == asdict(shape):
            world = BuiltWorld(path, shape, meta["clock"], meta["build_seconds"], meta["counts"])
            drift = time.time() - world.clock
            if drift > MAX_CLOCK_DRIFT_SECONDS:
                started = time.perf_counter()
                _shift_clock(path, int(drift))
                world.clock += int(drift)
                _write_sidecar(sidecar, world)
                log(f"  shifted timestamps of {path.name} by {drift / 3600:.1f} h in {time.perf_counter() - started:.1f} s")
            return world
    for stale in (path, sidecar, Path(f"{path}-wal"), Path(f"{path}-shm")):
        stale.unlink(missing_ok=True)
    log(f"  building {path} ({shape.posts:,} posts, {shape.users:,} users) ...")
    started = time.perf_counter()
    scratch = path.with_suffix(".building")
    scratch.unlink(missing_ok=True)
    clock = time.time()
    counts = _build(scratch, shape, clock)
    scratch.rename(path)
    world = BuiltWorld(path, shape, clock, round(time.perf_counter() - started, 1), counts)
    _write_sidecar(sidecar, world)
    log(f"  built in {world.build_seconds:.1f} s, {path.stat().st_size / 1e6:,.0f} MB: "
        + ", ".join(f"{table} {n:,}" for table, n in counts.items()))
    return world


def _write_sidecar(sidecar: Path, world: BuiltWorld) -> None:
    meta = {"shape": asdict(world.shape), "clock": world.clock, "build_seconds": world.build_seconds,
            "counts": world.counts}
    sidecar.write_text(json.dumps(meta, indent=2))


def _shift_clock(path: Path, seconds: int) -> None:
    """Move the timestamps the feeds read forward, keeping the text format (and so the order) intact."""
    shifted = f"strftime('%Y-%m-%d %H:%M:%S', substr({{0}}, 1, 19), '+{seconds} seconds') || substr({{0}}, 20)"
    db = sqlite3.connect(path)
    try:
        db.execute("PRAGMA synchronous=OFF")
        with db:
            db.execute(f"UPDATE post SET created_at = {shifted.format('created_at')}, "
                       f"edited_at = CASE WHEN edited_at IS NULL THEN NULL ELSE {shifted.format('edited_at')} END")
            db.execute(f"UPDATE post_view SET seen_at = {shifted.format('seen_at')}")
        db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    finally:
        db.close()


def _build(path: Path, shape: WorldShape, clock: float) -> dict[str, int]:
    engine = make_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(engine)
    engine.dispose()

    db = sqlite3.connect(path, isolation_level=None)
    try:
        for pragma in ("journal_mode=OFF", "synchronous=OFF", "locking_mode=EXCLUSIVE",
                       "temp_store=MEMORY", "cache_size=-1000000", "foreign_keys=OFF"):
            db.execute(f"PRAGMA {pragma}")
        # Secondary indexes are dropped and re-created from their own CREATE statements after the
        # load: the same indexes, built by one sort instead of millions of random inserts.
        indexes = db.execute("SELECT name, sql FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL").fetchall()
        db.execute("BEGIN")
        for name, _ in indexes:
            db.execute(f'DROP INDEX "{name}"')
        _fill(db, shape, clock)
        for _, sql in indexes:
            db.execute(sql)
        db.execute("COMMIT")
        counts = {
            table: db.execute(f"SELECT count(*) FROM {table}").fetchone()[0]
            for table in ("user_account", "follow", "post", "post_photo", "post_tag", "post_like",
                          "post_save", "post_view", "user_block", "user_mute")
        }
        db.execute("PRAGMA locking_mode=NORMAL")
        db.execute("PRAGMA journal_mode=WAL")  # what the app's engine would switch it to anyway
    finally:
        db.close()
    return counts


def _fill(db: sqlite3.Connection, shape: WorldShape, clock: float) -> None:
    rng = random.Random(shape.seed)
    n_users = shape.users
    start = clock - HISTORY_DAYS * DAY

    db.executemany(
        "INSERT INTO user_account (id, username, email, display_name, password_hash, bio, link, avatar_file,"
        " role, is_seller, is_demo, created_at) VALUES (?, ?, ?, ?, ?, ?, '', ?, 'member', ?, 0, ?)",
        (
            (uid, f"user{uid:05d}", f"user{uid:05d}@bench.example",
             f"{rng.choice(FIRST_NAMES)} {rng.choice(LAST_NAMES)}", "$argon2id$bench",
             "Small shop, big heart." if rng.random() < 0.5 else "",
             f"avatars/{uid}.webp" if rng.random() < 0.7 else None, int(rng.random() < 0.1),
             sqlite_timestamp(start - rng.uniform(1, 700) * DAY))
            for uid in range(1, n_users + 1)
        ),
    )

    follows, followers = _follow_graph(rng, n_users)
    hidden_pairs = _blocks_and_mutes(db, rng, n_users)
    follow_stamps = [sqlite_timestamp(start - rng.uniform(0, 300) * DAY) for _ in range(1000)]
    follows = [pair for pair in follows if pair not in hidden_pairs and pair[::-1] not in hidden_pairs]
    db.executemany(
        "INSERT INTO follow (follower_id, followee_id, created_at) VALUES (?, ?, ?)",
        ((a, b, rng.choice(follow_stamps)) for a, b in follows),
    )

    times = _publication_times(rng, shape.posts, start, clock - 60)
    _posts(db, rng, shape, times, followers)
    _views(db, rng, n_users, times, clock)


def _follow_graph(rng: random.Random, n_users: int) -> tuple[list[tuple[int, int]], list[int]]:
    """Most people follow 20-200 others; 45% of those picks go by a Zipf popularity (so a few
    accounts are followed by half the network), the rest are friends picked at random."""
    popularity = list(range(1, n_users + 1))
    rng.shuffle(popularity)
    cum_weights = list(itertools.accumulate(1.0 / (rank + 4) for rank in range(n_users)))
    followers = [0] * (n_users + 1)
    pairs: list[tuple[int, int]] = []
    for follower in range(1, n_users + 1):
        roll = rng.random()
        if roll < 0.10:
            wanted = rng.randint(0, 19)
        elif roll < 0.95:
            wanted = int(math.exp(rng.uniform(math.log(20), math.log(200))))
        else:
            wanted = int(math.exp(rng.uniform(math.log(200), math.log(1000))))
        chosen: set[int] = set()
        while len(chosen) < wanted:
            missing = wanted - len(chosen)
            popular = sum(rng.random() < 0.45 for _ in range(missing))
            picks = [popularity[i] for i in rng.choices(range(n_users), cum_weights=cum_weights, k=popular)]
            picks += [rng.randint(1, n_users) for _ in range(missing - popular)]
            chosen.update(p for p in picks if p != follower)
        for followee in sorted(chosen):
            pairs.append((follower, followee))
            followers[followee] += 1
    return pairs, followers


def _blocks_and_mutes(db: sqlite3.Connection, rng: random.Random, n_users: int) -> set[tuple[int, int]]:
    """A few people block or mute someone, so some viewers' feeds carry a NOT IN filter."""
    blocks: set[tuple[int, int]] = set()
    mutes: set[tuple[int, int]] = set()
    for user in range(1, n_users + 1):
        if rng.random() < 0.03:
            blocks.update((user, rng.randint(1, n_users)) for _ in range(rng.randint(1, 3)))
        if rng.random() < 0.06:
            mutes.update((user, rng.randint(1, n_users)) for _ in range(rng.randint(1, 4)))
    blocks = {(a, b) for a, b in blocks if a != b}
    mutes = {(a, b) for a, b in mutes if a != b}
    stamp = sqlite_timestamp(time.time() - 90 * DAY)
    db.executemany("INSERT INTO user_block (blocker_id, blocked_id, created_at) VALUES (?, ?, ?)",
                   ((a, b, stamp) for a, b in sorted(blocks)))
    db.executemany("INSERT INTO user_mute (muter_id, muted_id, created_at) VALUES (?, ?, ?)",
                   ((a, b, stamp) for a, b in sorted(mutes)))
    return blocks


def _publication_times(rng: random.Random, n_posts: int, start: float, end: float) -> list[float]:
    """A Poisson process squeezed into [start, end]: increasing, so post ids follow publication order."""
    gaps = [rng.expovariate(1.0) for _ in range(n_posts)]
    scale = (end - start) / sum(gaps)
    return list(itertools.accumulate((gap * scale for gap in gaps), initial=start))[1:]


def _posts(db: sqlite3.Connection, rng: random.Random, shape: WorldShape, times: list[float],
           followers: list[int]) -> None:
    n_users = shape.users
    mean_followers = sum(followers) / n_users
    # Who posts: activity is log-normal, a fifth of people hardly post, popular accounts post more.
    activity = [
        rng.lognormvariate(0, 1.2) * (0.02 if rng.random() < 0.2 else 1.0) * math.sqrt(1 + followers[uid] / mean_followers)
        for uid in range(1, n_users + 1)
    ]
    author_weights = list(itertools.accumulate(activity))
    tag_weights = list(itertools.accumulate(1.0 / (rank + 1) for rank in range(len(TAGS))))
    sentences = [" ".join(rng.choices(WORDS, k=rng.randint(4, 30))).capitalize() for _ in range(5000)]
    clock = times[-1] + 60
    photo_id = 0
    for chunk_start in range(0, len(times), POSTS_PER_CHUNK):
        posts, photos, tags, likes, saves = [], [], [], [], []
        chunk = range(chunk_start, min(chunk_start + POSTS_PER_CHUNK, len(times)))
        authors = rng.choices(range(1, n_users + 1), cum_weights=author_weights, k=len(chunk))
        for index, author in zip(chunk, authors, strict=True):
            post_id = index + 1
            stamp = sqlite_timestamp(times[index])
            age_days = (clock - times[index]) / DAY
            # Engagement grows with the author's audience and the post's age (most of it in the first day).
            expected = (0.2 + 0.025 * followers[author]) * rng.lognormvariate(0, 0.9) * min(1.0, age_days) ** 0.5
            like_count = min(int(expected + rng.random()), n_users // 2)
            save_count = min(int(like_count * 0.08 * rng.lognormvariate(0, 0.7) + rng.random()), n_users // 4)
            post_tags = rng.choices(TAGS, cum_weights=tag_weights, k=rng.randint(1, 3)) if rng.random() < 0.35 else []
            post_tags = list(dict.fromkeys(post_tags))
            body = rng.choice(sentences)
            if post_tags:
                body += " " + " ".join(f"#{tag}" for tag in post_tags)
            n_photos = rng.choices((0, 1, 2, 3, 4), weights=(55, 25, 9, 6, 5))[0]
            quote_of = max(1, post_id - 1 - int(rng.expovariate(1 / 2000))) if post_id > 100 and rng.random() < 0.03 else None
            posts.append((
                post_id, author, body, quote_of, stamp, stamp if rng.random() < 0.02 else None, like_count,
                int(like_count * 0.25 * rng.lognormvariate(0, 0.8) + rng.random()),
                int(like_count * 0.03 * rng.lognormvariate(0, 0.8) + rng.random()), save_count, n_photos,
            ))
            for position in range(n_photos):
                photo_id += 1
                photos.append((photo_id, post_id, position, f"posts/{post_id}-{position}.webp",
                               f"posts/{post_id}-{position}-thumb.webp", ""))
            tags.extend((post_id, tag) for tag in post_tags)
            likes.extend((user, post_id, stamp) for user in rng.sample(range(1, n_users + 1), like_count))
            saves.extend((user, post_id, stamp) for user in rng.sample(range(1, n_users + 1), save_count))
        db.executemany(
            "INSERT INTO post (id, author_id, body, quote_of_id, created_at, edited_at, like_count, comment_count,"
            " repost_count, save_count, photo_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", posts)
        db.executemany("INSERT INTO post_photo (id, post_id, position, file, thumb_file, alt) VALUES (?, ?, ?, ?, ?, ?)", photos)
        db.executemany("INSERT INTO post_tag (post_id, tag) VALUES (?, ?)", tags)
        db.executemany("INSERT INTO post_like (user_id, post_id, created_at) VALUES (?, ?, ?)", likes)
        db.executemany("INSERT INTO post_save (user_id, post_id, created_at) VALUES (?, ?, ?)", saves)


def _views(db: sqlite3.Connection, rng: random.Random, n_users: int, times: list[float], clock: float) -> None:
    """Everyone has scrolled past 50-300 of the last few days' posts (For You ranks those lower)."""
    first_recent = next(i for i, t in enumerate(times) if t > clock - RECENTLY_SEEN_DAYS * DAY)
    recent = range(first_recent, len(times))

    def rows() -> Iterator[tuple[int, int, str]]:
        for user in range(1, n_users + 1):
            for index in sorted(rng.sample(recent, min(rng.randint(50, 300), len(recent) // 2))):
                yield user, index + 1, sqlite_timestamp(min(times[index] + rng.uniform(0, DAY), clock - 1))

    db.executemany("INSERT INTO post_view (user_id, post_id, seen_at) VALUES (?, ?, ?)", rows())
