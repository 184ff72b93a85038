"""Take screenshots of the main pages into docs/screenshots/ (used by the README).

Run with the app's virtualenv:  .venv/bin/python scripts/screenshots.py
It starts its own production server on a free port with a throwaway demo database.
"""

from __future__ import annotations

import io
import sys
import tempfile
from pathlib import Path

from PIL import Image
from playwright.sync_api import Page, sync_playwright

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from tests.e2e.conftest import CHROMIUM_ARGS, chromium_path  # noqa: E402
from tests.e2e.server import start_server  # noqa: E402

OUT = ROOT / "docs" / "screenshots"
DESKTOP = {"width": 1280, "height": 820}
PHONE = {"width": 375, "height": 760}


def shoot(page: Page, path: str, name: str, *, full_page: bool = False) -> None:
    page.goto(path)
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(600)
    page.screenshot(path=str(OUT / f"{name}.png"), full_page=full_page)
    print(f"docs/screenshots/{name}.png")


def continue_as(page: Page, display_name: str) -> None:
    page.goto("/login")
    page.get_by_role("button", name=f"Continue as {display_name}").click()
    page.locator(f"#account-menu[aria-label='Account menu for {display_name}']").wait_for()


def compose_and_tag(page: Page) -> None:
    """A seller's new post with a photo, "Tag products next" ticked, then the tag editor it opens."""
    buffer = io.BytesIO()
    Image.new("RGB", (800, 800), "#c9a27e").save(buffer, format="JPEG")
    page.goto("/")
    page.locator("#open-composer").click()
    page.get_by_label("Post text").fill("New colourway, just in #knits")
    page.locator("#compose_photos input[type=file]").set_input_files(
        files=[{"name": "colourway.jpg", "mimeType": "image/jpeg", "buffer": buffer.getvalue()}]
    )
    page.get_by_role("checkbox", name="Tag products on these photos next").click()
    page.wait_for_timeout(400)
    page.screenshot(path=str(OUT / "compose.png"))
    print("docs/screenshots/compose.png")
    page.locator("#publish-post").click()
    editor = page.get_by_role("dialog", name="Tag products")
    editor.get_by_role("button", name="Spot 13").click()
    editor.get_by_label("Find a product").fill("sweater")
    editor.get_by_role("button", name="Search", exact=True).click()
    editor.locator("button[aria-label^='Tag ']").first.click()
    page.wait_for_timeout(600)
    page.screenshot(path=str(OUT / "tag-editor.png"))
    print("docs/screenshots/tag-editor.png")


def main() -> None:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as data_dir:
        server = start_server(Path(data_dir))
        try:
            with sync_playwright() as playwright:
                browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
                guest = browser.new_context(base_url=server.base_url, viewport=DESKTOP).new_page()
                shoot(guest, "/", "home-guest")
                shoot(guest, "/login", "login", full_page=True)
                shoot(guest, "/signup", "signup")
                member = browser.new_context(base_url=server.base_url, viewport=DESKTOP).new_page()
                continue_as(member, "Mara Lind")
                shoot(member, "/", "feed")
                shoot(member, "/u/mara", "profile")
                member.goto("/")
                member.locator(".hotspot").first.click()
                member.locator("#product-sheet").wait_for()
                member.wait_for_timeout(1200)
                member.screenshot(path=str(OUT / "product-sheet.png"))
                print("docs/screenshots/product-sheet.png")
                shoot(member, "/shop", "shop")  # viewport only: photos below it load lazily
                shoot(member, "/shop/nordic_knits", "storefront")
                shoot(member, "/cart", "cart")
                shoot(member, "/notifications", "activity")
                shoot(member, "/search?q=sweater", "search-products")
                seller = browser.new_context(base_url=server.base_url, viewport=DESKTOP).new_page()
                continue_as(seller, "Ingrid Nordahl")
                shoot(seller, "/my-shop", "my-shop")
                compose_and_tag(seller)
                shoot(member, "/settings/profile", "profile-edit")
                shoot(member, "/search?q=a", "search", full_page=True)
                dark = browser.new_context(
                    base_url=server.base_url, viewport=DESKTOP, color_scheme="dark"
                ).new_page()
                continue_as(dark, "Kenji Mori")
                shoot(dark, "/u/clay_and_co", "profile-dark")
                phone = browser.new_context(
                    base_url=server.base_url, viewport=PHONE, is_mobile=True, has_touch=True
                ).new_page()
                shoot(phone, "/", "phone-home-guest")
                continue_as(phone, "Theo Okafor")
                shoot(phone, "/", "phone-feed")
                shoot(phone, "/u/theo", "phone-profile")
                browser.close()
        finally:
            server.stop()


if __name__ == "__main__":
    main()
