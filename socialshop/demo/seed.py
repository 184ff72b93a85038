"""Seed the demo world into an empty database. Same seed, same world."""

from __future__ import annotations

import io
import random
from datetime import timedelta
from pathlib import Path

from sqlmodel import Session, select

from socialshop.demo import art
from socialshop.demo.catalog_seed import seed_catalog
from socialshop.demo.personas import DEMO_PASSWORD, PERSONAS
from socialshop.demo.social_seed import seed_social
from socialshop.models.accounts import User, utcnow
from socialshop.services import accounts, media

DEFAULT_SEED = 20261123


def _store_demo_avatar(username: str, initials: str, palette: tuple[str, str], uploads_dir: Path) -> str:
    buffer = io.BytesIO()
    art.avatar(initials, palette).save(buffer, format="PNG")
    encoded = media.render_variant(media.decode_image(buffer.getvalue()), media.AVATAR)
    relative = f"avatars/demo-{username}.webp"
    target = uploads_dir / relative
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_bytes(encoded)
    return relative


def seed_personas(*, session: Session, uploads_dir: Path, seed: int = DEFAULT_SEED) -> list[User]:
    rng = random.Random(seed)
    password_hash = accounts.password_hasher.hash(DEMO_PASSWORD)  # one hash: same password for all
    now = utcnow()
    users = []
    for persona in PERSONAS:
        user = User(
            username=persona.username,
            email=f"{persona.username}@demo.socialshop.example",
            display_name=persona.display_name,
            password_hash=password_hash,
            bio=persona.bio,
            link=persona.link,
            role=persona.role.value,
            is_seller=persona.is_seller,
            is_demo=True,
            created_at=now - timedelta(days=rng.randint(40, 400), minutes=rng.randint(0, 1440)),
            avatar_file=_store_demo_avatar(
                persona.username, accounts.initials_of(persona.display_name), persona.palette, uploads_dir
            ),
        )
        session.add(user)
        users.append(user)
    session.flush()
    return users


def is_seeded(*, session: Session) -> bool:
    return session.exec(select(User.id).limit(1)).first() is not None


def seed_demo_world(*, session: Session, uploads_dir: Path, seed: int = DEFAULT_SEED, scale: float = 1.0) -> None:
    """The personas, three weeks of their social life, then the shops and what is tagged, saved and
    in carts. `scale` shrinks the history and the catalog (tests)."""
    users = seed_personas(session=session, uploads_dir=uploads_dir, seed=seed)
    now = utcnow()
    seed_social(session=session, users=users, uploads_dir=uploads_dir, seed=seed, now=now, scale=scale)
    seed_catalog(session=session, users=users, uploads_dir=uploads_dir, seed=seed, now=now, scale=scale)
