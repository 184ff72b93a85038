"""The demo world: the same seed always gives the same people, with photos and roles."""

from __future__ import annotations

from collections.abc import Iterator
from datetime import UTC, datetime
from pathlib import Path

import pytest
from PIL import Image
from sqlmodel import Session, SQLModel, select

from socialshop.db import make_engine
from socialshop.demo import seed
from socialshop.demo.personas import DEMO_PASSWORD, PERSONAS
from socialshop.models.accounts import Role, User
from socialshop.services import accounts
from socialshop.services.rate_limits import RateLimiter

FIXED_NOW = datetime(2026, 11, 23, 12, 0, tzinfo=UTC)


@pytest.fixture(autouse=True)
def fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(seed, "utcnow", lambda: FIXED_NOW)


@pytest.fixture
def plain_avatars(monkeypatch: pytest.MonkeyPatch) -> None:
    """Flat-colour avatars instead of drawn ones, for checks that are about people, not art."""
    monkeypatch.setattr(seed.art, "avatar", lambda _initials, palette: Image.new("RGB", (32, 32), palette[0]))


def seeded_world(directory: Path, seed_value: int = seed.DEFAULT_SEED) -> str:
    """Seed a fresh database and uploads folder in `directory`; returns the database URL."""
    url = f"sqlite:///{directory / 'demo.db'}"
    engine = make_engine(url)
    SQLModel.metadata.create_all(engine)
    try:
        with Session(engine) as session:
            # A tenth of the social world: these checks are about personas, not posts.
            seed.seed_demo_world(session=session, uploads_dir=directory / "uploads", seed=seed_value, scale=0.1)
            session.commit()
    finally:
        engine.dispose()
    return url


def residents(directory: Path, seed_value: int = seed.DEFAULT_SEED) -> list[tuple]:
    engine = make_engine(seeded_world(directory, seed_value))
    try:
        with Session(engine) as session:
            users = session.exec(select(User).order_by(User.id)).all()
            return [(u.username, u.role, u.is_seller, u.is_demo, u.created_at, u.avatar_file) for u in users]
    finally:
        engine.dispose()


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One real demo world, drawn avatars and all, shared by the read-only checks below."""
    directory = tmp_path_factory.mktemp("demo-world")
    seeded_world(directory)
    return directory


@pytest.fixture
def world_session(world: Path) -> Iterator[Session]:
    engine = make_engine(f"sqlite:///{world / 'demo.db'}")
    with Session(engine) as session:
        yield session
        session.rollback()
    engine.dispose()


@pytest.mark.usefixtures("plain_avatars")
def test_same_seed_gives_the_same_world(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()

    first, second = residents(tmp_path / "a"), residents(tmp_path / "b")

    assert first == second
    assert [row[0] for row in first] == [p.username for p in PERSONAS]


@pytest.mark.usefixtures("plain_avatars")
def test_different_seed_changes_join_dates_but_not_the_people(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()

    default, other = residents(tmp_path / "a"), residents(tmp_path / "b", seed_value=1)

    assert [row[:4] for row in default] == [row[:4] for row in other]
    assert [row[4] for row in default] != [row[4] for row in other]


def test_demo_world_has_twelve_personas_four_sellers_a_moderator_and_an_admin(world_session: Session) -> None:
    users = world_session.exec(select(User)).all()

    assert len(users) == 12
    assert all(u.is_demo for u in users)
    assert sum(u.is_seller for u in users) == 4
    assert [u.username for u in users if u.role == Role.MODERATOR] == ["rosa_mod"]
    assert [u.username for u in users if u.role == Role.ADMIN] == ["alex_admin"]
    assert len({u.email for u in users}) == 12


def test_every_persona_gets_a_square_webp_avatar_on_disk(world: Path, world_session: Session) -> None:
    for user in world_session.exec(select(User)).all():
        assert user.avatar_file == f"avatars/demo-{user.username}.webp"
        with Image.open(world / "uploads" / user.avatar_file) as avatar:
            assert (avatar.format, avatar.size) == ("WEBP", (320, 320))


def test_personas_can_log_in_with_the_demo_password(world_session: Session) -> None:
    user = accounts.authenticate(
        session=world_session,
        identifier="mara",
        password=DEMO_PASSWORD,
        ip="192.0.2.1",
        limiter=RateLimiter(),
    )

    assert user.username == "mara"


def test_persona_usernames_and_links_pass_the_same_checks_as_sign_up() -> None:
    for persona in PERSONAS:
        assert accounts.username_problem(persona.username) is None, persona.username
        assert accounts.display_name_problem(persona.display_name) is None, persona.username
        assert accounts.link_problem(persona.link) is None, persona.username
        assert len(persona.bio) <= accounts.BIO_MAX


@pytest.mark.usefixtures("plain_avatars")
def test_is_seeded_tells_an_empty_database_from_a_seeded_one(session: Session, uploads_dir: Path) -> None:
    assert seed.is_seeded(session=session) is False

    seed.seed_demo_world(session=session, uploads_dir=uploads_dir)

    assert seed.is_seeded(session=session) is True
