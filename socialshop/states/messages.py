"""What each domain error code says to a person. The only place such wording lives."""

from __future__ import annotations

from enum import StrEnum

from socialshop.services import accounts
from socialshop.services.accounts import AccountsErrorCode as A
from socialshop.services.catalog import products as catalog_products
from socialshop.services.catalog import shops
from socialshop.services.catalog.errors import CatalogErrorCode as C
from socialshop.services.commerce import cart, tagging
from socialshop.services.errors import CommonErrorCode
from socialshop.services.media import MAX_UPLOAD_BYTES
from socialshop.services.media import MediaErrorCode as M
from socialshop.services.social import interactions, moderation, posts
from socialshop.services.social.errors import SocialErrorCode as S

MESSAGES: dict[StrEnum, str] = {
    CommonErrorCode.OUT_OF_RANGE: "That doesn't look right. Reload the page and try again.",
    A.USERNAME_REQUIRED: "Pick a username.",
    A.USERNAME_LENGTH: (
        f"Usernames are {accounts.USERNAME_MIN} to {accounts.USERNAME_MAX} characters long."
    ),
    A.USERNAME_CHARACTERS: "Use only lowercase letters, numbers and underscores.",
    A.USERNAME_RESERVED: "That username is reserved. Try another.",
    A.USERNAME_TAKEN: "That username is taken. Try another.",
    A.EMAIL_REQUIRED: "Enter your email address.",
    A.EMAIL_INVALID: "That doesn't look like an email address.",
    A.EMAIL_TAKEN: "An account with that email already exists. Log in instead?",
    A.DISPLAY_NAME_REQUIRED: "Tell people what to call you.",
    A.DISPLAY_NAME_TOO_LONG: f"Keep your name under {accounts.DISPLAY_NAME_MAX + 1} characters.",
    A.PASSWORD_TOO_SHORT: f"Use at least {accounts.PASSWORD_MIN} characters.",
    A.PASSWORD_TOO_LONG: f"Use at most {accounts.PASSWORD_MAX} characters.",
    A.PASSWORD_TOO_COMMON: "That password is too easy to guess. Try a longer phrase.",
    A.PASSWORD_CONTAINS_USERNAME: "Your password shouldn't contain your username.",
    A.BIO_TOO_LONG: f"Keep your bio under {accounts.BIO_MAX + 1} characters.",
    A.LINK_INVALID: "Links must be web addresses starting with http:// or https://.",
    A.LINK_TOO_LONG: f"Links can be at most {accounts.LINK_MAX} characters.",
    A.IDENTIFIER_REQUIRED: "Enter your username or email.",
    A.PASSWORD_REQUIRED: "Enter your password.",
    A.INVALID_CREDENTIALS: "Wrong username, email or password.",
    A.RATE_LIMITED: "Too many tries. Wait a minute and try again.",
    A.LOGIN_LINK_INVALID: "That login link has expired. Please log in again.",
    A.DEMO_LOGIN_DISABLED: "Demo personas are switched off on this server.",
    A.NOT_SIGNED_IN: "Log in first.",
    A.NOT_ALLOWED: "You can't change that.",
    A.NOT_FOUND: "We couldn't find that.",
    M.EMPTY: "That file is empty.",
    M.TOO_LARGE: f"Images can be at most {MAX_UPLOAD_BYTES // (1024 * 1024)} MB.",
    M.WRONG_TYPE: "Use a JPEG, PNG or WebP image.",
    M.UNREADABLE: "That image is damaged or incomplete. Try another file.",
    M.TOO_MANY_PIXELS: "That image is too large to process. Try a smaller one.",
    S.NOT_SIGNED_IN: "Log in to do that.",
    S.POST_NOT_FOUND: "That post is no longer available.",
    S.COMMENT_NOT_FOUND: "That comment is no longer available.",
    S.USER_NOT_FOUND: "We couldn't find that person.",
    S.NOT_YOUR_POST: "Only the author can change this post.",
    S.NOT_YOUR_COMMENT: "You can only remove your own comments, or comments on your posts.",
    S.POST_EMPTY: "Write something or add a photo first.",
    S.POST_TOO_LONG: f"Posts can be at most {posts.BODY_MAX:,} characters.",
    S.TOO_MANY_PHOTOS: f"A post can have at most {posts.PHOTOS_MAX} photos.",
    S.COMMENT_EMPTY: "Write a comment first.",
    S.COMMENT_TOO_LONG: f"Comments can be at most {interactions.COMMENT_MAX:,} characters.",
    S.REPLY_TO_REPLY: "Reply to the comment itself: replies go one level deep.",
    S.CANNOT_FOLLOW_SELF: "You can't follow yourself.",
    S.CANNOT_BLOCK_SELF: "You can't block or mute yourself.",
    S.BLOCKED: "You can't interact with this account.",
    S.SHARE_NOT_FOLLOWING: "You can send posts only to people you follow.",
    S.REPORT_REASON: "Pick a reason for the report.",
    S.REPORT_TOO_LONG: f"Keep the details under {moderation.DETAILS_MAX + 1} characters.",
    S.RATE_LIMITED: "You're going a bit fast. Wait a minute and try again.",
    S.BAD_CURSOR: "That page of the feed expired. Refresh to start again.",
    C.NOT_SIGNED_IN: "Log in to do that.",
    C.ALREADY_HAS_SHOP: "You already have a shop.",
    C.NO_SHOP: "Open a shop first.",
    C.SHOP_NOT_FOUND: "We couldn't find that shop.",
    C.HANDLE_INVALID: "Use 3 to 30 lowercase letters, numbers or underscores.",
    C.HANDLE_TAKEN: "That shop handle is taken. Try another.",
    C.SHOP_NAME_REQUIRED: "Give your shop a name.",
    C.SHOP_NAME_TOO_LONG: f"Keep the name under {shops.NAME_MAX + 1} characters.",
    C.SHOP_DESCRIPTION_TOO_LONG: f"Keep the description under {shops.DESCRIPTION_MAX + 1} characters.",
    C.PRODUCT_NOT_FOUND: "That product isn't available.",
    C.NOT_YOUR_PRODUCT: "Only the shop's owner can change this product.",
    C.TITLE_REQUIRED: "Give the product a title.",
    C.TITLE_TOO_LONG: f"Keep the title under {catalog_products.TITLE_MAX + 1} characters.",
    C.DESCRIPTION_TOO_LONG: f"Keep the description under {catalog_products.DESCRIPTION_MAX + 1:,} characters.",
    C.PRICE_INVALID: "Enter a price like 24.90 or 24,90 (no negative amounts, no more decimals than the currency has).",
    C.PRICE_TOO_HIGH: "That price is higher than we allow.",
    C.COMPARE_AT_INVALID: "The compare-at price must be a valid amount above the price.",
    C.CURRENCY_INVALID: "Choose a supported currency.",
    C.CATEGORY_INVALID: "Choose a category.",
    C.STATUS_INVALID: "Choose draft, active or archived.",
    C.STOCK_INVALID: "Stock must be a whole number, 0 or more.",
    C.SKU_REQUIRED: "Every variant needs a SKU.",
    C.SKU_TAKEN: "That SKU is already used in your shop.",
    C.VARIANT_REQUIRED: "Add at least one variant.",
    C.VARIANT_NOT_FOUND: "That option is no longer available.",
    C.TOO_MANY_VARIANTS: f"A product can have at most {catalog_products.VARIANTS_MAX} variants.",
    C.TOO_MANY_PHOTOS: f"A product can have at most {catalog_products.PHOTOS_MAX} photos.",
    C.TAG_LIMIT: f"At most {tagging.TAGS_PER_PHOTO} products per photo.",
    C.TAG_POINT_INVALID: "Tap a point on the photo.",
    C.TAG_PHOTO_INVALID: "Choose one of the post's photos.",
    C.TAG_PRODUCT_NOT_ACTIVE: "Only products on sale can be tagged.",
    C.NOT_YOUR_POST: "Only the post's author can tag products on it.",
    C.POST_NOT_FOUND: "That post is no longer available.",
    C.QUANTITY_INVALID: f"Choose a quantity from 1 to {cart.MAX_QUANTITY}.",
    C.OUT_OF_STOCK: "Sold out. Check back soon, or look at similar products.",
    C.NOT_ENOUGH_STOCK: "Not that many left in stock.",
    C.PRODUCT_UNAVAILABLE: "This product isn't for sale any more.",
    C.CART_LINE_NOT_FOUND: "That item is no longer in your cart.",
}

FALLBACK = "Something went wrong. Please try again."


def message_for(code: StrEnum) -> str:
    return MESSAGES.get(code, FALLBACK)


def field_messages(errors: dict[str, StrEnum]) -> dict[str, str]:
    return {field: message_for(code) for field, code in errors.items()}
