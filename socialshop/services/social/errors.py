"""Why a social use-case refused."""

from enum import StrEnum


class SocialErrorCode(StrEnum):
    NOT_SIGNED_IN = "social_not_signed_in"
    POST_NOT_FOUND = "post_not_found"
    COMMENT_NOT_FOUND = "comment_not_found"
    USER_NOT_FOUND = "social_user_not_found"
    NOT_YOUR_POST = "not_your_post"
    NOT_YOUR_COMMENT = "not_your_comment"
    POST_EMPTY = "post_empty"
    POST_TOO_LONG = "post_too_long"
    TOO_MANY_PHOTOS = "too_many_photos"
    COMMENT_EMPTY = "comment_empty"
    COMMENT_TOO_LONG = "comment_too_long"
    REPLY_TO_REPLY = "reply_to_reply"
    CANNOT_FOLLOW_SELF = "cannot_follow_self"
    CANNOT_BLOCK_SELF = "cannot_block_self"
    BLOCKED = "blocked"
    SHARE_NOT_FOLLOWING = "share_not_following"
    REPORT_REASON = "report_reason"
    REPORT_TOO_LONG = "report_too_long"
    RATE_LIMITED = "social_rate_limited"
    BAD_CURSOR = "bad_cursor"
