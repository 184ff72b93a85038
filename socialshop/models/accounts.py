"""Account tables: users, login sessions and the one-time nonces that start them."""

from __future__ import annotations

from datetime import UTC, datetime
from enum import StrEnum

from sqlmodel import Field, SQLModel


def utcnow() -> datetime:
    """Aware UTC now: every timestamp in the database is UTC."""
    return datetime.now(UTC)


class Role(StrEnum):
    MEMBER = "member"
    MODERATOR = "moderator"
    ADMIN = "admin"


class User(SQLModel, table=True):
    __tablename__ = "user_account"

    id: int | None = Field(default=None, primary_key=True)
    username: str = Field(max_length=30, unique=True, index=True)
    email: str = Field(max_length=254, unique=True, index=True)
    display_name: str = Field(max_length=50)
    password_hash: str = Field(max_length=255)
    bio: str = Field(default="", max_length=300)
    link: str = Field(default="", max_length=200)
    avatar_file: str | None = Field(default=None, max_length=100)
    role: str = Field(default=Role.MEMBER.value, max_length=20)
    is_seller: bool = Field(default=False)
    is_demo: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow)


class AuthSession(SQLModel, table=True):
    """A signed-in browser. Only the SHA-256 of the cookie token is stored."""

    __tablename__ = "auth_session"

    id: int | None = Field(default=None, primary_key=True)
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    token_hash: str = Field(max_length=64, unique=True, index=True)
    remember: bool = Field(default=False)
    created_at: datetime = Field(default_factory=utcnow)
    last_seen_at: datetime = Field(default_factory=utcnow)
    expires_at: datetime
    revoked_at: datetime | None = Field(default=None)
    user_agent: str = Field(default="", max_length=300)
    ip: str = Field(default="", max_length=64)


class LoginNonce(SQLModel, table=True):
    """A short-lived, single-use ticket that turns a checked password into a cookie."""

    __tablename__ = "login_nonce"

    id: int | None = Field(default=None, primary_key=True)
    nonce_hash: str = Field(max_length=64, unique=True, index=True)
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    remember: bool = Field(default=False)
    next_path: str = Field(default="/", max_length=300)
    expires_at: datetime
    used_at: datetime | None = Field(default=None)
