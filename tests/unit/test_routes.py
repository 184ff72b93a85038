"""Routes: URL builders, and the one check that keeps redirects on this site."""

from __future__ import annotations

import pytest

from socialshop import routes


@pytest.mark.parametrize(
    "candidate",
    [
        None,
        "",
        "//evil.example",
        "//evil.example/u/mara",
        "http://evil.example",
        "https://evil.example/login",
        "javascript:alert(1)",
        "evil.example",
        "u/mara",
        "/\\evil.example",
        "\\\\evil.example",
        "/u/mara\\..\\..",
        "/api/auth/clear",
        "/api/auth/finish?nonce=abc",
        "/api/health",
        "/\t/evil.example",
        "/u/mara\r\nSet-Cookie: x=1",
    ],
)
def test_safe_next_path_sends_anything_off_site_or_odd_home(candidate: str | None) -> None:
    assert routes.safe_next_path(candidate) == "/"


@pytest.mark.parametrize(
    "candidate", ["/", "/u/mara", "/search?q=mug", "/settings/profile#avatar", "/apiary"]
)
def test_safe_next_path_keeps_paths_on_this_site(candidate: str) -> None:
    assert routes.safe_next_path(candidate) == candidate


def test_safe_next_path_cuts_very_long_paths() -> None:
    assert routes.safe_next_path("/" + "a" * 500) == "/" + "a" * 299


def test_login_url_carries_where_to_go_next_encoded() -> None:
    assert routes.login_url() == "/login"
    assert routes.login_url("/settings/profile?tab=1") == "/login?next=%2Fsettings%2Fprofile%3Ftab%3D1"


def test_auth_finish_url_encodes_the_nonce() -> None:
    assert routes.auth_finish_url("a+b/c=") == "/api/auth/finish?nonce=a%2Bb%2Fc%3D"


def test_profile_and_search_urls_are_encoded() -> None:
    assert routes.profile_url("mara") == "/u/mara"
    assert routes.profile_url("a b") == "/u/a%20b"
    assert routes.search_url("") == "/search"
    assert routes.search_url("mug & bowl") == "/search?q=mug+%26+bowl"


def test_upload_url_is_empty_without_a_file() -> None:
    assert routes.upload_url(None) == ""
    assert routes.upload_url("") == ""
    assert routes.upload_url("avatars/abc.webp") == "/_upload/avatars/abc.webp"


@pytest.mark.parametrize(
    ("segment", "expected"),
    [("42", 42), ("0", 0), ("", 0), ("abc", 0), ("²", 0), ("٤٢", 0), ("-3", 0), ("4 2", 0), ("9" * 19, 0),
     ("9" * 18, 10**18 - 1)],
)
def test_an_id_in_an_address_is_plain_ascii_digits_within_64_bits(segment: str, expected: int) -> None:
    assert routes.id_in_path(segment) == expected
