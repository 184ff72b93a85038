"""Accounts in a real browser: sign up, log in and out, errors next to fields, profile editing."""

from __future__ import annotations

import io
import re

from PIL import Image
from playwright.sync_api import Page, expect

from tests.e2e.people import continue_as, log_in, log_out, sign_up, unique_username


def png_bytes(color: str = "#e54d2e", size: int = 64) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (size, size), color).save(buffer, format="PNG")
    return buffer.getvalue()


def test_new_person_signs_up_and_lands_on_their_profile(page: Page) -> None:
    username = unique_username("newbie")
    sign_up(page, username, "Nova Newbie")
    expect(page.get_by_text(f"@{username}")).to_be_visible()
    expect(page.get_by_role("link", name="Edit profile")).to_be_visible()
    cookie = next(c for c in page.context.cookies() if c["name"] == "ss_session")
    assert cookie["httpOnly"] and cookie["sameSite"] == "Lax"


def test_log_out_then_log_back_in(page: Page) -> None:
    username = unique_username("returning")
    sign_up(page, username, "Rae Turner", password="a much longer secret")
    log_out(page)
    page.goto(f"/u/{username}")
    expect(page.get_by_role("link", name="Edit profile")).to_have_count(0)
    log_in(page, username, "a much longer secret")
    expect(page.locator("#account-menu")).to_have_attribute("aria-label", "Account menu for Rae Turner")


def test_wrong_password_is_refused_with_a_message(page: Page) -> None:
    log_in(page, "mara", "not her password")
    expect(page.get_by_role("alert")).to_contain_text("Wrong username, email or password.")
    expect(page).to_have_url(re.compile(r"/login"))
    # Unknown people get exactly the same answer.
    log_in(page, "nobody_by_this_name", "whatever it is")
    expect(page.get_by_role("alert")).to_contain_text("Wrong username, email or password.")


def test_duplicate_username_and_weak_password_are_explained_next_to_the_fields(page: Page) -> None:
    page.goto("/signup")
    page.get_by_label("Username").fill("Mara")
    page.get_by_label("Display name").fill("Another Mara")
    page.get_by_label("Email").fill("not-an-email")
    page.get_by_label("Password").fill("password")
    page.get_by_role("button", name="Create account").click()
    expect(page.get_by_text("That username is taken. Try another.")).to_be_visible()
    expect(page.get_by_text("That doesn't look like an email address.")).to_be_visible()
    expect(page.get_by_text("That password is too easy to guess.")).to_be_visible()
    # What was typed is still there to fix.
    expect(page.get_by_label("Display name")).to_have_value("Another Mara")


def test_edit_profile_with_an_avatar_upload(page: Page) -> None:
    username = unique_username("artist")
    sign_up(page, username, "Ada Artist")
    page.goto("/settings/profile")
    expect(page.get_by_label("Display name")).to_have_value("Ada Artist")

    page.locator("#avatar_upload input[type=file]").set_input_files(
        files=[{"name": "me.png", "mimeType": "image/png", "buffer": png_bytes()}]
    )
    expect(page.get_by_text("New profile photo saved.")).to_be_visible()
    avatar = page.locator("img[src*='/_upload/avatars/']").first
    expect(avatar).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth", avatar.element_handle()) > 0

    page.get_by_label("Bio").fill("I paint tiny landscapes.")
    page.get_by_label("Link").fill("javascript:alert(1)")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Links must be web addresses")).to_be_visible()
    expect(page.get_by_label("Bio")).to_have_value("I paint tiny landscapes.")

    page.get_by_label("Link").fill("ada.example")
    page.get_by_role("button", name="Save changes").click()
    expect(page.get_by_text("Profile saved.")).to_be_visible()

    page.goto(f"/u/{username}")
    expect(page.locator("#profile-bio")).to_have_text("I paint tiny landscapes.")
    expect(page.get_by_role("link", name="https://ada.example")).to_have_attribute("href", "https://ada.example")
    expect(page.locator("img[src*='/_upload/avatars/']").first).to_be_visible()


def test_a_file_that_is_not_an_image_is_refused(page: Page) -> None:
    continue_as(page, "Sam Carter")
    page.goto("/settings/profile")
    expect(page.get_by_label("Display name")).to_have_value("Sam Carter")
    page.locator("#avatar_upload input[type=file]").set_input_files(
        files=[{"name": "evil<script>.png", "mimeType": "image/png", "buffer": b"<script>alert(1)</script>"}]
    )
    expect(page.get_by_text("Use a JPEG, PNG or WebP image.").first).to_be_visible()


def test_demo_personas_switch_with_one_click(page: Page) -> None:
    continue_as(page, "Theo Okafor")
    log_out(page)
    continue_as(page, "Kenji Mori")
    page.goto("/u/clay_and_co")
    expect(page.get_by_text("Seller")).to_be_visible()
    expect(page.get_by_role("link", name="Edit profile")).to_be_visible()


def test_pages_that_need_an_account_send_guests_to_log_in(page: Page) -> None:
    page.goto("/settings/profile")
    expect(page).to_have_url(re.compile(r"/login\?next=%2Fsettings%2Fprofile"))
    page.get_by_role("button", name="Continue as Priya Raman").click()
    expect(page).to_have_url(re.compile(r"/settings/profile/?$"))
    expect(page.get_by_label("Display name")).to_have_value("Priya Raman")


def test_search_finds_people_by_name(page: Page) -> None:
    page.goto("/")
    page.get_by_role("searchbox", name="Search").fill("ingrid")
    page.get_by_role("searchbox", name="Search").press("Enter")
    expect(page).to_have_url(re.compile(r"/search\?q=ingrid"))
    result = page.get_by_role("link", name=re.compile(r"Ingrid Nordahl\s*@nordic_knits"))
    expect(result).to_be_visible()
    result.click()
    expect(page.locator("#profile-name")).to_have_text("Ingrid Nordahl")


def test_unknown_pages_and_profiles_say_so(page: Page) -> None:
    page.goto("/no/such/page")
    expect(page.get_by_text("This page wandered off")).to_be_visible()
    page.goto("/u/nobody_here_at_all")
    expect(page.get_by_text("No one here by that name")).to_be_visible()


def test_phone_width_has_tab_bar_and_no_sideways_scroll(new_context) -> None:
    page = new_context(viewport={"width": 375, "height": 740}, is_mobile=True, has_touch=True).new_page()
    continue_as(page, "Lucía Ortega")
    expect(page.get_by_role("link", name="Community").last).to_be_visible()
    expect(page.get_by_role("link", name="Me", exact=True)).to_be_visible()
    for path in ("/", "/login", "/u/lucia", "/settings/profile", "/search?q=a"):
        page.goto(path)
        page.wait_for_load_state("networkidle")
        overflow = page.evaluate("document.documentElement.scrollWidth - window.innerWidth")
        assert overflow <= 0, f"{path} scrolls sideways by {overflow}px at 375px"


def test_health_endpoint_reports_the_database(page: Page) -> None:
    response = page.request.get("/api/health")
    assert response.status == 200
    assert response.json()["database"] == "ok"
