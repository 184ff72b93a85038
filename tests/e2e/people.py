"""What a person does again and again in the browser: sign up, log in, log out."""

from __future__ import annotations

import itertools
import os
import re

from playwright.sync_api import Page, expect

_counter = itertools.count(1)


def unique_username(prefix: str = "user") -> str:
    return f"{prefix}_{os.getpid() % 10000}_{next(_counter)}"


def sign_up(page: Page, username: str, display_name: str, password: str = "correct horse battery") -> None:
    page.goto("/signup")
    page.get_by_label("Username").fill(username)
    page.get_by_label("Display name").fill(display_name)
    page.get_by_label("Email").fill(f"{username}@example.com")
    page.get_by_label("Password").fill(password)
    page.get_by_role("button", name="Create account").click()
    expect(page).to_have_url(re.compile(rf"/u/{username}/?$"))
    expect(page.locator("#profile-name")).to_have_text(display_name)


def log_in(page: Page, identifier: str, password: str) -> None:
    page.goto("/login")
    page.get_by_label("Username or email").fill(identifier)
    page.get_by_label("Password").fill(password)
    page.locator("form").get_by_role("button", name="Log in", exact=True).click()


def continue_as(page: Page, display_name: str) -> None:
    page.goto("/login")
    page.get_by_role("button", name=f"Continue as {display_name}").click()
    expect(page.locator("#account-menu")).to_have_attribute("aria-label", f"Account menu for {display_name}")


def log_out(page: Page) -> None:
    """Log out and wait until the browser has landed on the home page.

    The navbar shows "Log in" as soon as the state changes, before the form POST that drops the
    cookie has navigated; a test that moved on at that point would have its next `goto` aborted.
    """
    page.locator("#account-menu").click()
    with page.expect_response(lambda response: response.url.endswith("/api/auth/clear")) as cleared:
        page.get_by_role("menuitem", name="Log out").click()
    assert cleared.value.status == 303
    page.wait_for_url(re.compile(r"^https?://[^/]+/?$"))
    page.wait_for_load_state("load")
    expect(page.get_by_role("link", name="Log in").first).to_be_visible()
