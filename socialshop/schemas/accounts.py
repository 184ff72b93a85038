"""Public shapes of accounts: never a password hash, an email or a token."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass
class Viewer:
    """The signed-in user as the shell shows them."""

    username: str = ""
    display_name: str = ""
    avatar_url: str = ""
    initials: str = ""
    role: str = "member"
    is_seller: bool = False


@dataclass
class Profile:
    username: str = ""
    display_name: str = ""
    bio: str = ""
    link: str = ""
    avatar_url: str = ""
    initials: str = ""
    joined: str = ""
    role: str = "member"
    is_seller: bool = False


@dataclass
class ProfileForm:
    """What the edit-profile form starts from."""

    display_name: str = ""
    bio: str = ""
    link: str = ""
    avatar_url: str = ""
    initials: str = ""


@dataclass
class PersonCard:
    username: str = ""
    display_name: str = ""
    avatar_url: str = ""
    initials: str = ""
    bio: str = ""


@dataclass
class DemoPersona:
    username: str = ""
    display_name: str = ""
    avatar_url: str = ""
    initials: str = ""
    tagline: str = ""
