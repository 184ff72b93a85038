"""Accounts: sign up, log in through a one-time nonce, cookie sessions, profiles, roles."""

from __future__ import annotations

import hashlib
import re
import secrets
from dataclasses import dataclass
from datetime import timedelta
from enum import StrEnum
from pathlib import Path

from argon2 import PasswordHasher
from argon2.exceptions import InvalidHashError, VerificationError
from sqlalchemy import func, or_, update
from sqlalchemy.exc import IntegrityError
from sqlmodel import Session, select

from socialshop import routes
from socialshop.models.accounts import AuthSession, LoginNonce, Role, User, utcnow
from socialshop.schemas.accounts import DemoPersona, PersonCard, Profile, ProfileForm, Viewer
from socialshop.services import media, stored_files
from socialshop.services.errors import DomainError, ValidationFailed, violates_unique
from socialshop.services.rate_limits import (
    LOGIN_PER_ACCOUNT,
    LOGIN_PER_IP,
    RateLimiter,
    signup_checks_per_ip,
    signup_per_ip,
)

USERNAME_MIN, USERNAME_MAX = 3, 30
DISPLAY_NAME_MAX = 50
EMAIL_MAX = 254
PASSWORD_MIN, PASSWORD_MAX = 8, 128
BIO_MAX = 300
LINK_MAX = 200

SESSION_COOKIE = "ss_session"
SESSION_TTL = timedelta(days=1)
REMEMBER_TTL = timedelta(days=30)
NONCE_TTL = timedelta(seconds=60)
LAST_SEEN_EVERY = timedelta(minutes=5)

_USERNAME_RE = re.compile(r"^[a-z0-9_]+$")
_EMAIL_RE = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s]+$")
_RESERVED_USERNAMES = frozenset(
    {"admin", "api", "root", "support", "socialshop", "login", "signup", "settings", "shop", "me"}
)
_COMMON_PASSWORDS = frozenset(
    {
        "password", "password1", "password123", "12345678", "123456789", "1234567890",
        "qwertyuiop", "qwerty123", "iloveyou", "11111111", "00000000", "abcdefgh",
        "letmein1", "welcome1", "sunshine", "football", "baseball", "princess",
        "passw0rd", "abc12345", "trustno1", "superman", "starwars", "socialshop",
    }
)

# argon2id with the library's defaults; tests swap in a cheaper one.
password_hasher = PasswordHasher()
_DUMMY_HASH = password_hasher.hash("not-a-real-password")


class AccountsErrorCode(StrEnum):
    USERNAME_REQUIRED = "username_required"
    USERNAME_LENGTH = "username_length"
    USERNAME_CHARACTERS = "username_characters"
    USERNAME_RESERVED = "username_reserved"
    USERNAME_TAKEN = "username_taken"
    EMAIL_REQUIRED = "email_required"
    EMAIL_INVALID = "email_invalid"
    EMAIL_TAKEN = "email_taken"
    DISPLAY_NAME_REQUIRED = "display_name_required"
    DISPLAY_NAME_TOO_LONG = "display_name_too_long"
    PASSWORD_TOO_SHORT = "password_too_short"
    PASSWORD_TOO_LONG = "password_too_long"
    PASSWORD_TOO_COMMON = "password_too_common"
    PASSWORD_CONTAINS_USERNAME = "password_contains_username"
    BIO_TOO_LONG = "bio_too_long"
    LINK_INVALID = "link_invalid"
    LINK_TOO_LONG = "link_too_long"
    IDENTIFIER_REQUIRED = "identifier_required"
    PASSWORD_REQUIRED = "password_required"
    INVALID_CREDENTIALS = "invalid_credentials"
    RATE_LIMITED = "rate_limited"
    LOGIN_LINK_INVALID = "login_link_invalid"
    DEMO_LOGIN_DISABLED = "demo_login_disabled"
    NOT_SIGNED_IN = "not_signed_in"
    NOT_ALLOWED = "not_allowed"
    NOT_FOUND = "not_found"


E = AccountsErrorCode


@dataclass(frozen=True)
class IssuedSession:
    """A fresh cookie token (shown once, stored only as a hash) and where to go next."""

    token: str
    max_age_seconds: int | None
    next_path: str
    user_id: int


# --- pure helpers -------------------------------------------------------------------------


def hash_token(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def initials_of(display_name: str) -> str:
    parts = [p for p in display_name.split() if p]
    return "".join(p[0] for p in parts[:2]).upper() or "?"


def normalize_username(raw: str) -> str:
    return raw.strip().lstrip("@").lower()


def normalize_email(raw: str) -> str:
    return raw.strip().lower()


# Characters that change how the text around them is shown, not what it says: C0 and C1 controls
# (DEL too) and the bidi embeddings, overrides and isolates, which can make "moc.liam" read as
# "mail.com" in a name. Newlines stay; plain right-to-left text needs none of these.
_INVISIBLE = {*range(0x00, 0x20), *range(0x7F, 0xA0), *range(0x202A, 0x202F), *range(0x2066, 0x206A)} - {0x0A}


def clean_text(raw: str) -> str:
    """Drop control and bidi-override characters (but keep newlines) and surrounding space."""
    return "".join(ch for ch in raw if ord(ch) not in _INVISIBLE).strip()


def username_problem(username: str) -> E | None:
    if not username:
        return E.USERNAME_REQUIRED
    if not USERNAME_MIN <= len(username) <= USERNAME_MAX:
        return E.USERNAME_LENGTH
    if not _USERNAME_RE.match(username):
        return E.USERNAME_CHARACTERS
    if username in _RESERVED_USERNAMES:
        return E.USERNAME_RESERVED
    return None


def email_problem(email: str) -> E | None:
    if not email:
        return E.EMAIL_REQUIRED
    if len(email) > EMAIL_MAX or not _EMAIL_RE.match(email):
        return E.EMAIL_INVALID
    return None


def display_name_problem(display_name: str) -> E | None:
    if not display_name:
        return E.DISPLAY_NAME_REQUIRED
    if len(display_name) > DISPLAY_NAME_MAX:
        return E.DISPLAY_NAME_TOO_LONG
    return None


def password_problem(password: str, *, username: str = "") -> E | None:
    if len(password) < PASSWORD_MIN:
        return E.PASSWORD_TOO_SHORT
    if len(password) > PASSWORD_MAX:
        return E.PASSWORD_TOO_LONG
    lowered = password.lower()
    if lowered in _COMMON_PASSWORDS or len(set(lowered)) < 3:
        return E.PASSWORD_TOO_COMMON
    if username and len(username) >= USERNAME_MIN and username in lowered:
        return E.PASSWORD_CONTAINS_USERNAME
    return None


def link_problem(link: str) -> E | None:
    if not link:
        return None
    if len(link) > LINK_MAX:
        return E.LINK_TOO_LONG
    # Only web links: never javascript:, data: or anything a browser would run.
    if not re.match(r"^https?://[^\s/$.?#][^\s]*$", link, flags=re.IGNORECASE):
        return E.LINK_INVALID
    return None


def normalize_link(raw: str) -> str:
    link = raw.strip()
    if link and "://" not in link and not link.lower().startswith(("javascript:", "data:")):
        link = f"https://{link}"
    return link


# --- read models --------------------------------------------------------------------------


def to_viewer(user: User) -> Viewer:
    return Viewer(
        username=user.username,
        display_name=user.display_name,
        avatar_url=routes.upload_url(user.avatar_file),
        initials=initials_of(user.display_name),
        role=user.role,
        is_seller=user.is_seller,
    )


def to_profile(user: User) -> Profile:
    return Profile(
        username=user.username,
        display_name=user.display_name,
        bio=user.bio,
        link=user.link,
        avatar_url=routes.upload_url(user.avatar_file),
        initials=initials_of(user.display_name),
        joined=f"Joined {user.created_at:%B %Y}",
        role=user.role,
        is_seller=user.is_seller,
    )


def to_person_card(user: User) -> PersonCard:
    return PersonCard(
        username=user.username,
        display_name=user.display_name,
        avatar_url=routes.upload_url(user.avatar_file),
        initials=initials_of(user.display_name),
        bio=user.bio,
    )


# --- queries -------------------------------------------------------------------------------


def get_user_by_username(*, session: Session, username: str) -> User | None:
    return session.exec(select(User).where(User.username == normalize_username(username))).first()


def get_profile(*, session: Session, username: str) -> Profile | None:
    user = get_user_by_username(session=session, username=username)
    return to_profile(user) if user else None


def get_profile_form(*, session: Session, actor: User) -> ProfileForm:
    return ProfileForm(
        display_name=actor.display_name,
        bio=actor.bio,
        link=actor.link,
        avatar_url=routes.upload_url(actor.avatar_file),
        initials=initials_of(actor.display_name),
    )


def search_people(*, session: Session, query: str, limit: int = 20) -> list[PersonCard]:
    """People whose username or display name contains the query (case-insensitive)."""
    needle = clean_text(query).lstrip("@").lower()[:50]
    if not needle:
        return []
    escaped = needle.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    pattern = f"%{escaped}%"
    rows = session.exec(
        select(User)
        .where(
            or_(
                User.username.like(pattern, escape="\\"),
                func.lower(User.display_name).like(pattern, escape="\\"),
            )
        )
        .order_by(func.length(User.username), User.username)
        .limit(limit)
    ).all()
    return [to_person_card(u) for u in rows]


def demo_personas(*, session: Session) -> list[DemoPersona]:
    users = session.exec(select(User).where(User.is_demo == True).order_by(User.id)).all()  # noqa: E712
    return [
        DemoPersona(
            username=u.username,
            display_name=u.display_name,
            avatar_url=routes.upload_url(u.avatar_file),
            initials=initials_of(u.display_name),
            tagline=_persona_tagline(u),
        )
        for u in users
    ]


def _persona_tagline(user: User) -> str:
    if user.role == Role.ADMIN:
        return "Admin"
    if user.role == Role.MODERATOR:
        return "Moderator"
    if user.is_seller:
        return "Seller"
    return "Shopper"


# --- sign up --------------------------------------------------------------------------------


def sign_up(
    *,
    session: Session,
    username: str,
    email: str,
    display_name: str,
    password: str,
    ip: str = "",
    limiter: RateLimiter | None = None,
    role: Role = Role.MEMBER,
    is_seller: bool = False,
    is_demo: bool = False,
) -> User:
    """Create an account, or refuse with every field's problem at once; nothing half-written."""
    username = normalize_username(username)
    email = normalize_email(email)
    display_name = clean_text(display_name)
    errors: dict[str, StrEnum] = {}
    if problem := username_problem(username):
        errors["username"] = problem
    if problem := email_problem(email):
        errors["email"] = problem
    if problem := display_name_problem(display_name):
        errors["display_name"] = problem
    if problem := password_problem(password, username=username):
        errors["password"] = problem
    looks_up = "username" not in errors or "email" not in errors
    if looks_up and limiter is not None and ip and not limiter.hit(signup_checks_per_ip(), "signup-check-ip", ip):
        raise DomainError(E.RATE_LIMITED)
    if "username" not in errors and get_user_by_username(session=session, username=username):
        errors["username"] = E.USERNAME_TAKEN
    if "email" not in errors and session.exec(select(User.id).where(User.email == email)).first():
        errors["email"] = E.EMAIL_TAKEN
    if errors:
        raise ValidationFailed(errors)
    if limiter is not None and ip and not limiter.hit(signup_per_ip(), "signup-ip", ip):
        raise DomainError(E.RATE_LIMITED)
    user = User(
        username=username,
        email=email,
        display_name=display_name,
        password_hash=password_hasher.hash(password),
        role=role.value,
        is_seller=is_seller,
        is_demo=is_demo,
    )
    session.add(user)
    try:
        session.flush()
    except IntegrityError as exc:
        # Someone took the name or email between the check above and this insert (two sign-ups
        # racing). The caller's unit of work rolls back; the person is told which field, as above.
        field = "email" if violates_unique(exc, "user_account", "email") else "username"
        raise ValidationFailed({field: E.EMAIL_TAKEN if field == "email" else E.USERNAME_TAKEN}) from exc
    return user


# --- log in ---------------------------------------------------------------------------------


def authenticate(
    *, session: Session, identifier: str, password: str, ip: str, limiter: RateLimiter, demo_mode: bool = True
) -> User:
    """Check a password. Unknown user and wrong password give the same answer and take as long.

    Demo personas have a published password: outside demo mode they cannot sign in at all."""
    identifier = identifier.strip().lower().lstrip("@")
    errors: dict[str, StrEnum] = {}
    if not identifier:
        errors["identifier"] = E.IDENTIFIER_REQUIRED
    if not password:
        errors["password"] = E.PASSWORD_REQUIRED
    if errors:
        raise ValidationFailed(errors)
    column = User.email if "@" in identifier else User.username
    user = session.exec(select(User).where(column == identifier)).first()
    # Tries count per account however it is named (username, @username or email).
    account_key = f"user:{user.id}" if user else f"name:{identifier[:EMAIL_MAX]}"
    account_ok = limiter.hit(LOGIN_PER_ACCOUNT, "login-account", account_key)
    ip_ok = limiter.hit(LOGIN_PER_IP, "login-ip", ip or "unknown")
    if not (account_ok and ip_ok):
        raise DomainError(E.RATE_LIMITED)
    try:
        password_hasher.verify(user.password_hash if user else _DUMMY_HASH, password)
    except (VerificationError, InvalidHashError):
        raise DomainError(E.INVALID_CREDENTIALS) from None
    if user is None or (user.is_demo and not demo_mode):
        raise DomainError(E.INVALID_CREDENTIALS)
    if password_hasher.check_needs_rehash(user.password_hash):
        user.password_hash = password_hasher.hash(password)
        session.add(user)
    return user


def start_login(*, session: Session, user: User, remember: bool, next_path: str | None) -> str:
    """A single-use nonce, valid for a minute, that /api/auth/finish trades for a cookie."""
    nonce = secrets.token_urlsafe(32)
    session.add(
        LoginNonce(
            nonce_hash=hash_token(nonce),
            user_id=user.id,
            remember=remember,
            next_path=routes.safe_next_path(next_path),
            expires_at=utcnow() + NONCE_TTL,
        )
    )
    session.flush()
    return nonce


def start_demo_login(
    *, session: Session, username: str, demo_mode: bool, next_path: str | None
) -> str:
    """One-click "continue as" for seeded personas, only while the app is in demo mode."""
    if not demo_mode:
        raise DomainError(E.DEMO_LOGIN_DISABLED)
    user = get_user_by_username(session=session, username=username)
    if user is None or not user.is_demo:
        raise DomainError(E.NOT_FOUND)
    return start_login(session=session, user=user, remember=False, next_path=next_path)


def finish_login(
    *,
    session: Session,
    nonce: str,
    user_agent: str = "",
    ip: str = "",
    previous_token: str | None = None,
) -> IssuedSession:
    """Trade a nonce for a new session token; the browser's previous session is revoked."""
    now = utcnow()
    # One UPDATE claims the nonce, so two requests racing with the same nonce cannot both win.
    claimed = session.exec(
        update(LoginNonce)
        .where(
            LoginNonce.nonce_hash == hash_token(nonce),
            LoginNonce.used_at.is_(None),
            LoginNonce.expires_at > now,
        )
        .values(used_at=now)
    )
    if claimed.rowcount != 1:
        raise DomainError(E.LOGIN_LINK_INVALID)
    record = session.exec(select(LoginNonce).where(LoginNonce.nonce_hash == hash_token(nonce))).one()
    if previous_token:
        log_out(session=session, token=previous_token)
    token = secrets.token_urlsafe(32)
    ttl = REMEMBER_TTL if record.remember else SESSION_TTL
    session.add(
        AuthSession(
            user_id=record.user_id,
            token_hash=hash_token(token),
            remember=record.remember,
            expires_at=now + ttl,
            user_agent=user_agent[:300],
            ip=ip[:64],
        )
    )
    session.flush()
    return IssuedSession(
        token=token,
        max_age_seconds=int(ttl.total_seconds()) if record.remember else None,
        next_path=record.next_path,
        user_id=record.user_id,
    )


def user_for_token(*, session: Session, token: str | None) -> User | None:
    """The user a cookie token belongs to, if it is live (not expired, not revoked)."""
    if not token:
        return None
    now = utcnow()
    row = session.exec(
        select(AuthSession, User)
        .join(User, User.id == AuthSession.user_id)
        .where(
            AuthSession.token_hash == hash_token(token),
            AuthSession.revoked_at.is_(None),
            AuthSession.expires_at > now,
        )
    ).first()
    if row is None:
        return None
    auth_session, user = row
    if now - auth_session.last_seen_at > LAST_SEEN_EVERY:
        # Not a sliding expiry: the cookie's max-age is set once, at login, and ends it anyway.
        auth_session.last_seen_at = now
        session.add(auth_session)
    return user


def log_out(*, session: Session, token: str | None) -> None:
    if not token:
        return
    session.exec(
        update(AuthSession)
        .where(AuthSession.token_hash == hash_token(token), AuthSession.revoked_at.is_(None))
        .values(revoked_at=utcnow())
    )


def purge_expired(*, session: Session) -> int:
    """Housekeeping: drop used or stale nonces and dead sessions."""
    now = utcnow()
    stale_nonces = session.exec(
        select(LoginNonce).where(or_(LoginNonce.expires_at < now, LoginNonce.used_at.is_not(None)))
    ).all()
    dead_sessions = session.exec(
        select(AuthSession).where(
            or_(AuthSession.expires_at < now, AuthSession.revoked_at.is_not(None))
        )
    ).all()
    for row in [*stale_nonces, *dead_sessions]:
        session.delete(row)
    return len(stale_nonces) + len(dead_sessions)


# --- profiles -------------------------------------------------------------------------------


def may_edit_profile(actor: User, target: User) -> bool:
    """The one rule for who may change a profile: its owner, or an admin."""
    return actor.id == target.id or actor.role == Role.ADMIN


def _editable_target(*, session: Session, actor: User | None, username: str) -> User:
    if actor is None:
        raise DomainError(E.NOT_SIGNED_IN)
    target = get_user_by_username(session=session, username=username)
    if target is None:
        raise DomainError(E.NOT_FOUND)
    if not may_edit_profile(actor, target):
        raise DomainError(E.NOT_ALLOWED)
    return target


def update_profile(
    *,
    session: Session,
    actor: User | None,
    username: str,
    display_name: str,
    bio: str,
    link: str,
) -> User:
    target = _editable_target(session=session, actor=actor, username=username)
    display_name = clean_text(display_name)
    bio = clean_text(bio)
    link = normalize_link(link)
    errors: dict[str, StrEnum] = {}
    if problem := display_name_problem(display_name):
        errors["display_name"] = problem
    if len(bio) > BIO_MAX:
        errors["bio"] = E.BIO_TOO_LONG
    if problem := link_problem(link):
        errors["link"] = problem
    if errors:
        raise ValidationFailed(errors)
    target.display_name = display_name
    target.bio = bio
    target.link = link
    session.add(target)
    session.flush()
    return target


def set_avatar(
    *, session: Session, actor: User | None, username: str, image: bytes, uploads_dir: Path
) -> User:
    """Replace a profile photo; the image is validated and re-encoded before anything changes."""
    target = _editable_target(session=session, actor=actor, username=username)
    stored = media.store_image(image, uploads_dir=uploads_dir, folder="avatars", variant=media.AVATAR)
    stored_files.replace_when_settled(session, target.avatar_file, stored, uploads_dir)
    target.avatar_file = stored
    session.add(target)
    session.flush()
    return target


def set_role(*, session: Session, actor: User | None, username: str, role: Role) -> User:
    """Only admins grant or take away moderator and admin rights."""
    if actor is None:
        raise DomainError(E.NOT_SIGNED_IN)
    if actor.role != Role.ADMIN:
        raise DomainError(E.NOT_ALLOWED)
    target = get_user_by_username(session=session, username=username)
    if target is None:
        raise DomainError(E.NOT_FOUND)
    target.role = role.value
    session.add(target)
    session.flush()
    return target
