"""The social feed in a real browser: post, like, comment, follow, tags, live badges, blocking."""

from __future__ import annotations

import io
import re
from urllib.parse import quote

from PIL import Image
from playwright.sync_api import Page, expect

from tests.e2e.people import continue_as, sign_up, unique_username


def photo_bytes(color: str) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", (400, 300), color).save(buffer, format="JPEG")
    return buffer.getvalue()


def publish(page: Page, text: str, photos: list[tuple[str, bytes]] | None = None) -> None:
    page.goto("/")
    page.locator("#open-composer").click()
    page.get_by_label("Post text").fill(text)
    if photos:
        page.locator("#compose_photos input[type=file]").set_input_files(
            files=[{"name": name, "mimeType": "image/jpeg", "buffer": data} for name, data in photos]
        )
        expect(page.get_by_text(photos[0][0])).to_be_visible()
    page.locator("#publish-post").click()
    expect(page.get_by_text("Posted.")).to_be_visible()


def card_with(page: Page, text: str):
    return page.locator(".post-card").filter(has_text=text).first


def test_post_with_a_photo_shows_in_my_feed_and_on_my_profile(page: Page) -> None:
    username = unique_username("poster")
    sign_up(page, username, "Pia Poster")
    caption = f"First light at the lake #{username}"
    publish(page, caption, [("lake.jpg", photo_bytes("#3e63dd"))])
    card = card_with(page, "First light at the lake")
    expect(card).to_be_visible()
    image = card.locator("img[src*='/_upload/posts/']").first
    expect(image).to_be_visible()
    assert page.evaluate("(img) => img.naturalWidth", image.element_handle()) > 0
    page.goto(f"/u/{username}")
    expect(page.locator(".grid-tile")).to_have_count(1)
    expect(page.locator("#profile-counts")).to_contain_text("1posts")


def test_a_bad_photo_is_left_out_but_the_post_is_kept(page: Page) -> None:
    continue_as(page, "Jonas Weber")
    page.locator("#open-composer").click()
    page.get_by_label("Post text").fill("Cast iron, day 200 #castiron")
    page.locator("#compose_photos input[type=file]").set_input_files(
        files=[
            {"name": "pan.jpg", "mimeType": "image/jpeg", "buffer": photo_bytes("#ad7f58")},
            {"name": "notes.png", "mimeType": "image/png", "buffer": b"this is not an image"},
        ]
    )
    page.locator("#publish-post").click()
    expect(page.get_by_text("notes.png: Use a JPEG, PNG or WebP image.")).to_be_visible()
    page.keyboard.press("Escape")
    card = card_with(page, "Cast iron, day 200")
    expect(card.locator("img[src*='/_upload/posts/']")).to_have_count(1)


def test_like_comment_and_reply(new_context) -> None:
    author = new_context().new_page()
    author_name = unique_username("author")
    sign_up(author, author_name, "Ari Author")
    publish(author, "Which mug should I keep? #ceramics")
    author.goto("/")
    post_link = card_with(author, "Which mug should I keep?").get_by_role("link", name=re.compile(r"^(now|\d+m)$"))
    post_url = post_link.get_attribute("href")

    fan = new_context().new_page()
    continue_as(fan, "Priya Raman")
    fan.goto(post_url)
    like = fan.locator(".post-card .like-button")
    expect(like).to_have_attribute("aria-pressed", "false")
    like.click()
    expect(like).to_have_attribute("aria-pressed", "true")
    expect(like).to_contain_text("1")
    fan.reload()
    expect(fan.locator(".post-card .like-button")).to_contain_text("1")
    expect(fan.locator(".post-card .like-button")).to_have_attribute("aria-pressed", "true")

    fan.get_by_role("textbox", name="Comment").fill("The blue one, obviously")
    fan.get_by_role("button", name="Send", exact=True).click()
    expect(fan.locator(".comment").filter(has_text="The blue one, obviously")).to_be_visible()

    author.goto(post_url)
    author.get_by_role("button", name="Reply to Priya Raman").click()
    expect(author.get_by_text("Replying to")).to_be_visible()
    author.get_by_role("textbox", name="Comment").fill("Blue it is!")
    author.get_by_role("button", name="Send", exact=True).click()
    reply = author.locator(".comment").filter(has_text="Blue it is!")
    expect(reply).to_be_visible()
    expect(reply.get_by_role("button", name=re.compile("Reply to"))).to_have_count(0)
    expect(author.locator(".post-card .comment-button")).to_contain_text("2")


def test_follow_someone_and_see_their_post_in_following(new_context) -> None:
    creator = new_context().new_page()
    creator_name = unique_username("creator")
    sign_up(creator, creator_name, "Cleo Creator")
    publish(creator, "Sunday flat-lay #ootd")

    follower = new_context().new_page()
    follower_name = unique_username("follower")
    sign_up(follower, follower_name, "Finn Follower")
    follower.goto("/")
    expect(follower.get_by_text("Follow a few people to fill your feed")).to_be_visible()
    follower.goto(f"/u/{creator_name}")
    follower.locator("#follow-button").click()
    expect(follower.locator("#follow-button")).to_have_text("Following")
    expect(follower.locator("#profile-counts")).to_contain_text("1followers")
    follower.goto("/")
    expect(card_with(follower, "Sunday flat-lay")).to_be_visible()


def test_hashtag_links_open_the_tag_page(page: Page) -> None:
    tag = "été" + unique_username("tag").replace("_", "")  # not ASCII: the address is percent-encoded
    continue_as(page, "Lucía Ortega")
    publish(page, f"Three-step routine #{tag} #skincare")
    card_with(page, "Three-step routine").get_by_role("link", name=f"#{tag}").click()
    expect(page).to_have_url(re.compile(rf"/tag/{re.escape(quote(tag))}/?$"))
    expect(page.get_by_role("heading", name=f"#{tag}")).to_be_visible()
    expect(page.get_by_text("1 post", exact=True)).to_be_visible()
    expect(card_with(page, "Three-step routine")).to_be_visible()


def test_a_second_person_sees_the_notification_badge_change_live(new_context) -> None:
    owner = new_context().new_page()
    owner_name = unique_username("owner")
    sign_up(owner, owner_name, "Olga Owner")
    publish(owner, "Live badge test post")
    owner.goto("/")
    badge = owner.get_by_label("Notifications").locator("[aria-label=Notifications]")
    expect(owner.locator("a[aria-label=Notifications] .rt-Badge")).to_have_count(0)

    fan = new_context().new_page()
    continue_as(fan, "Sam Carter")
    fan.goto(f"/u/{owner_name}")
    fan.locator("#follow-button").click()
    expect(fan.locator("#follow-button")).to_have_text("Following")

    # No reload on the owner's page: the badge arrives by itself.
    expect(owner.locator("a[aria-label=Notifications] .rt-Badge")).to_have_text("1", timeout=10_000)
    del badge
    owner.locator("a[aria-label=Notifications]").click()
    expect(owner.locator(".notification").filter(has_text="started following you")).to_be_visible()


def test_a_blocked_persons_posts_disappear(new_context) -> None:
    loud = new_context().new_page()
    loud_name = unique_username("loud")
    sign_up(loud, loud_name, "Lou Loud")
    publish(loud, "Buy my thing!!! #spam")

    me = new_context().new_page()
    sign_up(me, unique_username("quiet"), "Quinn Quiet")
    me.goto(f"/u/{loud_name}")
    me.locator("#follow-button").click()
    expect(me.locator("#follow-button")).to_have_text("Following")
    me.goto("/")
    card = card_with(me, "Buy my thing!!!")
    expect(card).to_be_visible()
    card.locator(".post-menu").click()
    me.get_by_role("menuitem", name=f"Block @{loud_name}").click()
    expect(me.get_by_text(f"Blocked @{loud_name}.")).to_be_visible()
    expect(me.locator(".post-card").filter(has_text="Buy my thing!!!")).to_have_count(0)
    me.reload()
    expect(me.get_by_text("Follow a few people to fill your feed")).to_be_visible()
    me.goto("/tag/spam")
    expect(me.locator(".post-card").filter(has_text="Buy my thing!!!")).to_have_count(0)
