"""Route constants and URL builders: the one place that knows how URLs look."""

from __future__ import annotations

from urllib.parse import quote, unquote, urlencode

HOME = "/"
LOGIN = "/login"
SIGNUP = "/signup"
PROFILE = "/u/[username]"
PROFILE_EDIT = "/settings/profile"
SEARCH = "/search"
SHOP = "/shop"
COMMUNITY = "/community"
CART = "/cart"
NOTIFICATIONS = "/notifications"
POST_PREFIX = "/post/"
POST = "/post/[post_id]"
PROFILE_PREFIX = "/u/"
TAG_PREFIX = "/tag/"
TAG = "/tag/[tag]"
SAVED = "/saved"
CHECKOUT = "/checkout"
WISHLIST = "/wishlist"
MY_SHOP = "/my-shop"
NEW_PRODUCT = "/my-shop/products/new"
EDIT_PRODUCT = "/my-shop/products/[slug]"
EDIT_PRODUCT_PREFIX = "/my-shop/products/"
STOREFRONT = "/shop/[handle]"
STOREFRONT_PREFIX = "/shop/"
PRODUCT = "/p/[slug]"
PRODUCT_PREFIX = "/p/"
FOLLOWERS = "/u/[username]/followers"
FOLLOWING = "/u/[username]/following"

API_HEALTH = "/api/health"
API_AUTH_FINISH = "/api/auth/finish"
API_AUTH_CLEAR = "/api/auth/clear"

UPLOAD_PREFIX = "/_upload"


def profile_url(username: str) -> str:
    return f"/u/{quote(username)}"


def product_url(slug: str) -> str:
    return f"{PRODUCT_PREFIX}{quote(slug)}"


def storefront_url(handle: str) -> str:
    return f"{STOREFRONT_PREFIX}{quote(handle)}"


def post_url(post_id: int) -> str:
    return f"{POST_PREFIX}{post_id}"


def id_in_path(segment: str) -> int:
    """A database id written in an address (/post/42), or 0 when it is not one: "²" and "٤٢" are
    digits to Python but not ids, and an id past 64 bits would only make the database raise."""
    if segment.isascii() and segment.isdigit() and len(segment) <= 18:
        return int(segment)
    return 0


def tag_url(tag: str) -> str:
    return f"/tag/{quote(tag)}"


def search_url(query: str) -> str:
    return f"{SEARCH}?{urlencode({'q': query})}" if query else SEARCH


def login_url(next_path: str | None = None) -> str:
    return f"{LOGIN}?{urlencode({'next': next_path})}" if next_path else LOGIN


def auth_finish_url(nonce: str) -> str:
    return f"{API_AUTH_FINISH}?{urlencode({'nonce': nonce})}"


def upload_url(filename: str | None) -> str:
    """Public URL of a file in the uploads folder; empty when there is none."""
    return f"{UPLOAD_PREFIX}/{filename}" if filename else ""


def safe_next_path(candidate: str | None) -> str:
    """Only same-site absolute paths may be redirect targets (no open redirects)."""
    if not candidate:
        return HOME
    decoded = unquote(candidate)
    for form in (candidate, decoded):
        if not form.startswith("/") or form.startswith("//"):
            return HOME
        if "\\" in form or any(ord(ch) < 32 for ch in form):
            return HOME
        if form.startswith("/api/") or form == "/api":
            return HOME
    return candidate[:300]
