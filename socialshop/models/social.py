"""Social tables: posts and their photos, tags and mentions; likes, comments, saves, follows,
blocks, mutes, reports, notifications, and who has seen what (for ranking)."""

from __future__ import annotations

from datetime import datetime
from enum import StrEnum

from sqlalchemy import Index, UniqueConstraint
from sqlmodel import Field, SQLModel

from socialshop.models.accounts import utcnow


class Post(SQLModel, table=True):
    __tablename__ = "post"
    # Feeds page by id (ids are given out in publication order): the primary key serves the
    # global order, (author_id, id) a person's posts and the Following feed.
    __table_args__ = (Index("ix_post_author_id", "author_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    author_id: int = Field(foreign_key="user_account.id", ondelete="CASCADE")
    body: str = Field(default="", max_length=2000)
    quote_of_id: int | None = Field(default=None, foreign_key="post.id", index=True, ondelete="SET NULL")
    created_at: datetime = Field(default_factory=utcnow)
    edited_at: datetime | None = Field(default=None)
    # Denormalised counters: the feed shows them on every card, so they are kept, not counted.
    like_count: int = Field(default=0)
    comment_count: int = Field(default=0)
    repost_count: int = Field(default=0)
    save_count: int = Field(default=0)
    photo_count: int = Field(default=0)


class PostPhoto(SQLModel, table=True):
    __tablename__ = "post_photo"

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(foreign_key="post.id", index=True, ondelete="CASCADE")
    position: int = Field(default=0)
    file: str = Field(max_length=100)
    thumb_file: str = Field(max_length=100)
    alt: str = Field(default="", max_length=300)


class PostTag(SQLModel, table=True):
    """A #hashtag on a post (lowercase, without the #)."""

    __tablename__ = "post_tag"
    __table_args__ = (Index("ix_post_tag_tag_post", "tag", "post_id"),)

    post_id: int = Field(foreign_key="post.id", primary_key=True, ondelete="CASCADE")
    tag: str = Field(max_length=50, primary_key=True)


class PostMention(SQLModel, table=True):
    __tablename__ = "post_mention"

    post_id: int = Field(foreign_key="post.id", primary_key=True, ondelete="CASCADE")
    user_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")


class PostLike(SQLModel, table=True):
    __tablename__ = "post_like"
    __table_args__ = (Index("ix_post_like_post", "post_id"),)

    user_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    post_id: int = Field(foreign_key="post.id", primary_key=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)


class PostSave(SQLModel, table=True):
    """A bookmark."""

    __tablename__ = "post_save"

    user_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    post_id: int = Field(foreign_key="post.id", primary_key=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)


class Comment(SQLModel, table=True):
    """A comment on a post, or a reply to one (one level: replies have no replies)."""

    __tablename__ = "comment"
    __table_args__ = (Index("ix_comment_post", "post_id", "id"),)

    id: int | None = Field(default=None, primary_key=True)
    post_id: int = Field(foreign_key="post.id", ondelete="CASCADE")
    author_id: int = Field(foreign_key="user_account.id", ondelete="CASCADE")
    parent_id: int | None = Field(default=None, foreign_key="comment.id", ondelete="CASCADE")
    body: str = Field(max_length=1000)
    created_at: datetime = Field(default_factory=utcnow)


class Follow(SQLModel, table=True):
    __tablename__ = "follow"
    __table_args__ = (Index("ix_follow_followee", "followee_id", "follower_id"),)

    follower_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    followee_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)


class Block(SQLModel, table=True):
    __tablename__ = "user_block"
    __table_args__ = (Index("ix_user_block_blocked", "blocked_id", "blocker_id"),)

    blocker_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    blocked_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)


class Mute(SQLModel, table=True):
    __tablename__ = "user_mute"

    muter_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    muted_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)


class PostView(SQLModel, table=True):
    """That a viewer has seen a post in a feed (For You ranks seen posts lower)."""

    __tablename__ = "post_view"

    user_id: int = Field(foreign_key="user_account.id", primary_key=True, ondelete="CASCADE")
    post_id: int = Field(foreign_key="post.id", primary_key=True, ondelete="CASCADE")
    seen_at: datetime = Field(default_factory=utcnow)


class ReportStatus(StrEnum):
    OPEN = "open"
    ACTIONED = "actioned"
    DISMISSED = "dismissed"


class Report(SQLModel, table=True):
    """Something reported to the moderators; the community work turns these into a queue."""

    __tablename__ = "moderation_report"
    __table_args__ = (
        UniqueConstraint("reporter_id", "target_type", "target_id", name="uq_report_once"),
        Index("ix_report_status_created", "status", "created_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    reporter_id: int = Field(foreign_key="user_account.id", ondelete="CASCADE")
    target_type: str = Field(max_length=20)  # "post", later "thread", "reply", "review"
    target_id: int
    reason: str = Field(max_length=30)
    details: str = Field(default="", max_length=500)
    status: str = Field(default=ReportStatus.OPEN.value, max_length=20)
    created_at: datetime = Field(default_factory=utcnow)


class NotificationKind(StrEnum):
    LIKE = "like"
    COMMENT = "comment"
    REPLY = "reply"
    FOLLOW = "follow"
    MENTION = "mention"
    SHARE = "share"
    REPOST = "repost"


class Notification(SQLModel, table=True):
    __tablename__ = "notification"
    __table_args__ = (
        Index("ix_notification_recipient", "recipient_id", "id"),
        Index("ix_notification_recipient_unread", "recipient_id", "read_at"),
    )

    id: int | None = Field(default=None, primary_key=True)
    recipient_id: int = Field(foreign_key="user_account.id", ondelete="CASCADE")
    actor_id: int = Field(foreign_key="user_account.id", ondelete="CASCADE")
    kind: str = Field(max_length=20)
    post_id: int | None = Field(default=None, foreign_key="post.id", ondelete="CASCADE")
    comment_id: int | None = Field(default=None, foreign_key="comment.id", ondelete="CASCADE")
    created_at: datetime = Field(default_factory=utcnow)
    read_at: datetime | None = Field(default=None)


class LiveClient(SQLModel, table=True):
    """A browser tab that is open for a user, so a change can be pushed to it from any worker."""

    __tablename__ = "live_client"

    client_token: str = Field(primary_key=True, max_length=100)
    user_id: int = Field(foreign_key="user_account.id", index=True, ondelete="CASCADE")
    seen_at: datetime = Field(default_factory=utcnow)
