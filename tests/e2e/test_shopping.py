"""Shoppable posts in a real browser: a seller lists a product, tags it, a shopper buys from the feed."""

from __future__ import annotations

import io
import re

from PIL import Image
from playwright.sync_api import Page, expect

from tests.e2e.people import continue_as, sign_up, unique_username


def jpeg(color: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (500, 500), color).save(buffer, format="JPEG")
    return buffer.getvalue()


def open_shop(page: Page, handle: str, name: str) -> None:
    page.goto("/my-shop")
    page.get_by_label("Shop name").fill(name)
    page.get_by_label("Handle").fill(handle)
    page.get_by_role("button", name="Open shop").click()
    expect(page.get_by_text("Your shop is open.")).to_be_visible()


def create_product(page: Page, title: str, description: str, variants: list[tuple[str, str, int]]) -> str:
    page.goto("/my-shop/products/new")
    page.get_by_label("Title").fill(title)
    page.get_by_label("Description").fill(description)
    page.locator("#category").select_option("ceramics")
    page.locator("#status").select_option("active")
    page.get_by_label("Price", exact=True).fill("28.00")
    for index, (sku, size, stock) in enumerate(variants):
        if index > 0:
            page.locator("#add-variant").click()
        page.get_by_label("Variant SKU").nth(index).fill(sku)
        page.get_by_label("Variant size").nth(index).fill(size)
        page.get_by_label("Variant stock").nth(index).fill(str(stock))
    page.locator("#save-product").click()
    expect(page).to_have_url(re.compile(r"/my-shop/products/(?!new/?$)[a-z0-9-]+/?$"))
    expect(page.get_by_role("heading", name="Edit product")).to_be_visible()
    slug = page.url.rstrip("/").rsplit("/", 1)[1]
    page.locator("#product_photos input[type=file]").set_input_files(
        files=[{"name": "product.jpg", "mimeType": "image/jpeg", "buffer": jpeg("#ad7f58")}]
    )
    expect(page.get_by_text("Photos added.")).to_be_visible()
    return slug


def test_seller_lists_tags_and_a_shopper_buys_from_the_feed(new_context) -> None:
    seller = new_context().new_page()
    seller_name = unique_username("potter")
    sign_up(seller, seller_name, "Pat Potter")
    open_shop(seller, f"{seller_name}_shop"[:30], "Pat's Pottery")
    seller.locator("#shop_logo input[type=file]").set_input_files(
        files=[{"name": "logo.png", "mimeType": "image/png", "buffer": jpeg("#30a46c")}]
    )
    expect(seller.get_by_text("New logo saved.")).to_be_visible()
    expect(seller.locator("img[src*='/_upload/logos/']").first).to_be_visible()
    word = unique_username("glaze").replace("_", "")
    slug = create_product(
        seller, "Speckled Mug", f"Wheel-thrown stoneware with a {word} finish",
        [("MUG-S", "Small", 3), ("MUG-L", "Large", 0)],
    )

    # A post with a photo, then the product pinned on it.
    seller.goto("/")
    seller.locator("#open-composer").click()
    seller.get_by_label("Post text").fill("Fresh out of the kiln #ceramics")
    seller.locator("#compose_photos input[type=file]").set_input_files(
        files=[{"name": "kiln.jpg", "mimeType": "image/jpeg", "buffer": jpeg("#e2a336")}]
    )
    expect(seller.get_by_text("kiln.jpg")).to_be_visible()
    # Ticked in the composer, publishing goes straight on to pinning products.
    seller.get_by_role("checkbox", name="Tag products on these photos next").click()
    seller.locator("#publish-post").click()
    expect(seller.get_by_text("Posted.")).to_be_visible()
    editor = seller.get_by_role("dialog", name="Tag products")
    expect(editor.get_by_text("Nothing tagged yet.")).to_be_visible()
    editor.get_by_role("button", name="Spot 13").click()
    editor.get_by_label("Find a product").fill("speckled")
    editor.get_by_role("button", name="Search", exact=True).click()
    editor.get_by_role("button", name="Tag Speckled Mug").click()
    editor.locator("#save-tags").click()
    expect(seller.get_by_text("Product tags saved.")).to_be_visible()
    # Later, the post's menu reopens the editor with the pin in place.
    card = seller.locator(".post-card").filter(has_text="Fresh out of the kiln").first
    expect(card.locator(".hotspot")).to_have_count(1)
    card.locator(".post-menu").click()
    seller.get_by_role("menuitem", name="Tag products").click()
    expect(editor.locator(".tagged-product")).to_have_text(re.compile(r"Speckled Mug\s*photo 1"))
    editor.get_by_role("button", name="Cancel").click()
    expect(editor).to_be_hidden()

    # A shopper follows the seller and shops the post from the feed.
    shopper = new_context().new_page()
    sign_up(shopper, unique_username("shopper"), "Sam Shopper")
    shopper.goto(f"/u/{seller_name}")
    shopper.locator("#follow-button").click()
    expect(shopper.locator("#follow-button")).to_have_text("Following")
    shopper.goto("/")
    post = shopper.locator(".post-card").filter(has_text="Fresh out of the kiln").first
    hotspot = post.locator(".hotspot").first
    expect(hotspot).to_be_visible()
    url_before = shopper.url
    hotspot.click()
    sheet = shopper.locator("#product-sheet")
    expect(sheet.get_by_role("heading", name="Speckled Mug")).to_be_visible()

    # The sold-out option cannot be added.
    sheet.get_by_role("button", name=re.compile("Large")).click()
    expect(sheet.locator("#stock-note")).to_have_text("Sold out")
    expect(sheet.locator("#add-to-cart")).to_be_disabled()

    sheet.get_by_role("button", name=re.compile("^Small")).click()
    expect(sheet.locator("#stock-note")).to_have_text("Only 3 left")
    sheet.locator("#add-to-cart").click()
    expect(shopper.get_by_text("Added to your cart.")).to_be_visible()
    assert shopper.url == url_before
    expect(shopper.locator("a[aria-label=Cart] .rt-Badge")).to_have_text("1")

    # Wishlist round trip from the sheet.
    sheet.locator("#sheet-wishlist").click()
    expect(shopper.get_by_text("Saved to your wishlist.")).to_be_visible()
    shopper.keyboard.press("Escape")
    shopper.goto("/wishlist")
    expect(shopper.locator(".product-card").filter(has_text="Speckled Mug")).to_be_visible()
    shopper.get_by_role("button", name="Remove Speckled Mug from wishlist").click()
    expect(shopper.get_by_text("Your wishlist is empty")).to_be_visible()

    # The cart holds it, priced by the server.
    shopper.goto("/cart")
    line = shopper.locator(".cart-line").filter(has_text="Speckled Mug")
    expect(line).to_contain_text("Small")
    expect(shopper.locator(".cart-total")).to_have_text("€28.00")

    # Search finds it by a word in its description.
    shopper.goto(f"/search?q={word}")
    expect(shopper.locator(".product-card").filter(has_text="Speckled Mug")).to_be_visible()
    assert slug.startswith("speckled-mug")


def test_a_guest_cart_joins_the_account_at_login(new_context, page: Page) -> None:
    seller = new_context().new_page()
    seller_name = unique_username("weaver")
    sign_up(seller, seller_name, "Wren Weaver")
    open_shop(seller, f"{seller_name}_co"[:30], "Wren Weaves")
    slug = create_product(seller, "Wool Throw", "A warm blanket", [("THROW-1", "One size", 5)])

    page.goto(f"/p/{slug}")
    page.locator("#open-sheet").click()
    sheet = page.locator("#product-sheet")
    expect(sheet.locator("#stock-note")).to_have_text("In stock")
    sheet.locator("#add-to-cart").click()
    expect(page.get_by_text("Added to your cart.")).to_be_visible()
    expect(page.locator("a[aria-label=Cart] .rt-Badge")).to_have_text("1")

    continue_as(page, "Priya Raman")
    page.goto("/cart")
    expect(page.locator(".cart-line").filter(has_text="Wool Throw")).to_be_visible()
