"""Likes, saves, comments and replies, and sending a post to someone you follow."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from sqlalchemy import func
from sqlalchemy.orm.attributes import set_committed_value
from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.social import Comment, Notification, NotificationKind, Post, PostLike, PostSave
from socialshop.services.rate_limits import RateLimiter
from socialshop.services.social import feeds, graph, interactions, posts
from socialshop.services.social.errors import SocialErrorCode as S
from tests.factories import make_moderator, make_post, make_user
from tests.unit.services.social.refusals import refused


def notes(session: Session, recipient: User, kind: NotificationKind | None = None) -> list[Notification]:
    stmt = select(Notification).where(Notification.recipient_id == recipient.id)
    if kind is not None:
        stmt = stmt.where(Notification.kind == kind.value)
    return list(session.exec(stmt.order_by(Notification.id)).all())


def rows(session: Session, model: type) -> int:
    return session.exec(select(func.count()).select_from(model)).one()


@pytest.fixture
def post(session: Session, mara: User) -> Post:
    return make_post(session, mara, "Mara's new jacket")


# --- likes ------------------------------------------------------------------------------------


def test_liking_twice_is_one_like_with_one_notification(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    assert interactions.like(session=session, actor=olek, post_id=post.id) == 1
    assert interactions.like(session=session, actor=olek, post_id=post.id) == 1

    assert rows(session, PostLike) == 1
    [note] = notes(session, mara, NotificationKind.LIKE)
    assert (note.actor_id, note.post_id) == (olek.id, post.id)
    assert posts.get_post_card(session=session, viewer=olek, post_id=post.id).liked is True


def test_likes_from_different_people_add_up(session: Session, olek: User, post: Post) -> None:
    interactions.like(session=session, actor=olek, post_id=post.id)

    assert interactions.like(session=session, actor=make_user(session, "pia"), post_id=post.id) == 2


def test_unliking_twice_is_fine_and_the_count_stays_at_zero(session: Session, olek: User, post: Post) -> None:
    interactions.like(session=session, actor=olek, post_id=post.id)

    assert interactions.unlike(session=session, actor=olek, post_id=post.id) == 0
    assert interactions.unlike(session=session, actor=olek, post_id=post.id) == 0
    assert rows(session, PostLike) == 0
    assert posts.get_post_card(session=session, viewer=olek, post_id=post.id).liked is False


def test_unliking_a_post_you_never_liked_leaves_others_likes(
    session: Session, olek: User, post: Post
) -> None:
    interactions.like(session=session, actor=olek, post_id=post.id)

    assert interactions.unlike(session=session, actor=make_user(session, "pia"), post_id=post.id) == 1


def test_like_count_never_goes_negative(session: Session, olek: User, post: Post) -> None:
    interactions.like(session=session, actor=olek, post_id=post.id)
    post.like_count = 0  # a counter that drifted from the rows
    session.add(post)
    session.flush()

    assert interactions.unlike(session=session, actor=olek, post_id=post.id) == 0


def test_liking_your_own_post_counts_but_does_not_notify_you(
    session: Session, mara: User, post: Post
) -> None:
    assert interactions.like(session=session, actor=mara, post_id=post.id) == 1

    assert notes(session, mara) == []


def test_liking_or_unliking_a_missing_post_is_not_found(session: Session, olek: User) -> None:
    with refused(S.POST_NOT_FOUND):
        interactions.like(session=session, actor=olek, post_id=404)
    with refused(S.POST_NOT_FOUND):
        interactions.unlike(session=session, actor=olek, post_id=404)


def test_signed_out_visitor_cannot_like_save_or_comment(session: Session, post: Post) -> None:
    with refused(S.NOT_SIGNED_IN):
        interactions.like(session=session, actor=None, post_id=post.id)
    with refused(S.NOT_SIGNED_IN):
        interactions.save(session=session, actor=None, post_id=post.id)
    with refused(S.NOT_SIGNED_IN):
        interactions.add_comment(session=session, actor=None, post_id=post.id, body="hi")


# --- saves ------------------------------------------------------------------------------------


def test_saving_twice_keeps_one_bookmark(session: Session, olek: User, post: Post) -> None:
    interactions.save(session=session, actor=olek, post_id=post.id)
    interactions.save(session=session, actor=olek, post_id=post.id)

    session.refresh(post)
    assert post.save_count == 1
    assert rows(session, PostSave) == 1
    assert [c.id for c in feeds.saved_feed(session=session, viewer=olek).cards] == [post.id]
    assert posts.get_post_card(session=session, viewer=olek, post_id=post.id).saved is True


def test_unsaving_twice_is_fine_and_the_count_never_goes_negative(
    session: Session, olek: User, post: Post
) -> None:
    interactions.save(session=session, actor=olek, post_id=post.id)
    post.save_count = 0  # drifted
    session.add(post)
    session.flush()

    interactions.unsave(session=session, actor=olek, post_id=post.id)
    interactions.unsave(session=session, actor=olek, post_id=post.id)

    session.refresh(post)
    assert post.save_count == 0
    assert feeds.saved_feed(session=session, viewer=olek).cards == []


def test_saving_does_not_notify_the_author(session: Session, olek: User, mara: User, post: Post) -> None:
    interactions.save(session=session, actor=olek, post_id=post.id)

    assert notes(session, mara) == []


# --- comments ---------------------------------------------------------------------------------


def test_comment_counts_and_notifies_the_post_author(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    comment = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="  Love it  ")

    session.refresh(post)
    assert comment.body == "Love it"
    assert post.comment_count == 1
    [note] = notes(session, mara, NotificationKind.COMMENT)
    assert (note.actor_id, note.comment_id) == (olek.id, comment.id)


def test_every_comment_notifies(session: Session, olek: User, mara: User, post: Post) -> None:
    interactions.add_comment(session=session, actor=olek, post_id=post.id, body="one")
    interactions.add_comment(session=session, actor=olek, post_id=post.id, body="two")

    assert len(notes(session, mara, NotificationKind.COMMENT)) == 2


@pytest.mark.parametrize(
    ("body", "code"), [("", S.COMMENT_EMPTY), (" \n\x00 ", S.COMMENT_EMPTY), ("x" * 1001, S.COMMENT_TOO_LONG)]
)
def test_empty_or_too_long_comment_is_refused(
    session: Session, olek: User, post: Post, body: str, code: S
) -> None:
    with refused(code):
        interactions.add_comment(session=session, actor=olek, post_id=post.id, body=body)
    assert rows(session, Comment) == 0


def test_comment_of_1000_characters_is_accepted(session: Session, olek: User, post: Post) -> None:
    assert (
        len(interactions.add_comment(session=session, actor=olek, post_id=post.id, body="x" * 1000).body)
        == 1000
    )


def test_reply_notifies_the_comment_author_and_the_post_author(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    pia = make_user(session, "pia")
    parent = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="where from?")

    reply = interactions.add_comment(
        session=session, actor=pia, post_id=post.id, body="a market", parent_id=parent.id
    )

    assert [n.comment_id for n in notes(session, olek, NotificationKind.REPLY)] == [reply.id]
    assert [n.comment_id for n in notes(session, mara, NotificationKind.COMMENT)] == [parent.id, reply.id]


def test_post_author_replying_to_a_comment_notifies_only_the_commenter(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    parent = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="price?")

    interactions.add_comment(session=session, actor=mara, post_id=post.id, body="40", parent_id=parent.id)

    assert [n.kind for n in notes(session, olek)] == [NotificationKind.REPLY]
    assert [n.actor_id for n in notes(session, mara)] == [olek.id]  # only olek's comment; no self-notes


def test_reply_to_the_post_authors_own_comment_notifies_them_once(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    parent = interactions.add_comment(session=session, actor=mara, post_id=post.id, body="details below")

    interactions.add_comment(session=session, actor=olek, post_id=post.id, body="thanks", parent_id=parent.id)

    assert [n.kind for n in notes(session, mara)] == [NotificationKind.COMMENT]


def test_reply_to_a_reply_is_refused(session: Session, olek: User, mara: User, post: Post) -> None:
    parent = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="a")
    reply = interactions.add_comment(
        session=session, actor=mara, post_id=post.id, body="b", parent_id=parent.id
    )

    with refused(S.REPLY_TO_REPLY):
        interactions.add_comment(session=session, actor=olek, post_id=post.id, body="c", parent_id=reply.id)


def test_no_reply_under_the_comment_of_someone_blocked_either_way(
    session: Session, olek: User, mara: User, pia: User, post: Post
) -> None:
    # pia blocked olek; both still see mara's post, each without the other's comments.
    graph.block(session=session, actor=pia, username="olek")
    by_pia = interactions.add_comment(session=session, actor=pia, post_id=post.id, body="Lovely")
    by_olek = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="Where from?")

    with refused(S.BLOCKED):
        interactions.add_comment(session=session, actor=olek, post_id=post.id, body="hi", parent_id=by_pia.id)
    with refused(S.BLOCKED):
        interactions.add_comment(session=session, actor=pia, post_id=post.id, body="hi", parent_id=by_olek.id)
    assert interactions.add_comment(
        session=session, actor=mara, post_id=post.id, body="Thanks", parent_id=by_pia.id
    ).parent_id == by_pia.id


def test_reply_to_a_comment_on_another_post_is_not_found(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    elsewhere = interactions.add_comment(
        session=session, actor=olek, post_id=make_post(session, mara, "other").id, body="hi"
    )

    with refused(S.COMMENT_NOT_FOUND):
        interactions.add_comment(
            session=session, actor=olek, post_id=post.id, body="x", parent_id=elsewhere.id
        )


def test_comments_are_listed_oldest_first_with_replies_under_their_comment(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    first = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="first")
    second = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="second")
    reply = interactions.add_comment(
        session=session, actor=mara, post_id=post.id, body="re", parent_id=first.id
    )

    listed = interactions.comments_for(session=session, viewer=mara, post_id=post.id)

    assert [(c.id, c.is_reply, c.is_own) for c in listed] == [
        (first.id, False, False),
        (reply.id, True, True),
        (second.id, False, False),
    ]


def test_comment_author_may_delete_their_comment(session: Session, olek: User, post: Post) -> None:
    comment = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="oops")

    interactions.delete_comment(session=session, actor=olek, comment_id=comment.id)

    session.refresh(post)
    assert session.get(Comment, comment.id) is None
    assert post.comment_count == 0


def test_post_author_may_delete_any_comment_on_their_post(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    comment = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="spam")

    interactions.delete_comment(session=session, actor=mara, comment_id=comment.id)

    assert session.get(Comment, comment.id) is None


@pytest.mark.parametrize("make_other", [make_user, make_moderator], ids=["stranger", "moderator"])
def test_nobody_else_may_delete_a_comment(
    session: Session, olek: User, post: Post, make_other: Callable[..., User]
) -> None:
    comment = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="mine")
    other = make_other(session, "someone_else")

    with refused(S.NOT_YOUR_COMMENT):
        interactions.delete_comment(session=session, actor=other, comment_id=comment.id)
    assert session.get(Comment, comment.id) is not None


def test_deleting_a_comment_removes_its_replies_from_the_count(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    parent = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="a")
    interactions.add_comment(session=session, actor=mara, post_id=post.id, body="b", parent_id=parent.id)
    interactions.add_comment(session=session, actor=mara, post_id=post.id, body="c", parent_id=parent.id)
    kept = interactions.add_comment(session=session, actor=mara, post_id=post.id, body="d")

    interactions.delete_comment(session=session, actor=olek, comment_id=parent.id)
    session.expire_all()

    assert session.get(Post, post.id).comment_count == 1
    assert [c.id for c in interactions.comments_for(session=session, viewer=None, post_id=post.id)] == [
        kept.id
    ]


def test_deleting_a_comment_counts_from_the_stored_count_not_a_stale_copy(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    interactions.add_comment(session=session, actor=mara, post_id=post.id, body="first")
    comment = interactions.add_comment(session=session, actor=olek, post_id=post.id, body="second")
    # This request read the post before the comments were counted (another request added them).
    set_committed_value(session.get(Post, post.id), "comment_count", 0)

    interactions.delete_comment(session=session, actor=olek, comment_id=comment.id)
    session.expire_all()

    assert session.get(Post, post.id).comment_count == 1


def test_deleting_a_missing_comment_is_not_found(session: Session, olek: User) -> None:
    with refused(S.COMMENT_NOT_FOUND):
        interactions.delete_comment(session=session, actor=olek, comment_id=404)


def test_comment_rate_limit_refuses_the_31st_comment_in_a_minute(
    session: Session, olek: User, post: Post, limiter: RateLimiter
) -> None:
    for n in range(30):
        interactions.add_comment(session=session, actor=olek, post_id=post.id, body=f"c{n}", limiter=limiter)

    with refused(S.RATE_LIMITED):
        interactions.add_comment(session=session, actor=olek, post_id=post.id, body="more", limiter=limiter)


# --- blocked and muted people -----------------------------------------------------------------


INTERACTIONS: dict[str, Callable[[Session, User, int], object]] = {
    "like": lambda s, actor, post_id: interactions.like(session=s, actor=actor, post_id=post_id),
    "save": lambda s, actor, post_id: interactions.save(session=s, actor=actor, post_id=post_id),
    "comment": lambda s, actor, post_id: interactions.add_comment(
        session=s, actor=actor, post_id=post_id, body="hi"
    ),
}


@pytest.mark.parametrize("interact", INTERACTIONS.values(), ids=INTERACTIONS.keys())
def test_blocked_person_cannot_interact_with_the_blockers_posts(
    session: Session, olek: User, mara: User, post: Post, interact: Callable[[Session, User, int], object]
) -> None:
    graph.block(session=session, actor=mara, username="olek")

    with refused(S.BLOCKED):
        interact(session, olek, post.id)
    session.refresh(post)
    assert (post.like_count, post.save_count, post.comment_count) == (0, 0, 0)
    assert notes(session, mara) == []


@pytest.mark.parametrize("interact", INTERACTIONS.values(), ids=INTERACTIONS.keys())
def test_blocker_cannot_interact_with_the_blocked_persons_posts_either(
    session: Session, olek: User, mara: User, interact: Callable[[Session, User, int], object]
) -> None:
    olek_post = make_post(session, olek, "olek's")
    graph.block(session=session, actor=mara, username="olek")

    with refused(S.BLOCKED):
        interact(session, mara, olek_post.id)


def test_blocked_persons_comments_are_hidden_from_the_blocker(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    interactions.add_comment(session=session, actor=olek, post_id=post.id, body="before the block")
    graph.block(session=session, actor=mara, username="olek")

    assert interactions.comments_for(session=session, viewer=mara, post_id=post.id) == []
    assert len(interactions.comments_for(session=session, viewer=None, post_id=post.id)) == 1


@pytest.mark.parametrize("interact", INTERACTIONS.values(), ids=INTERACTIONS.keys())
def test_muted_person_can_still_interact(
    session: Session, olek: User, mara: User, post: Post, interact: Callable[[Session, User, int], object]
) -> None:
    graph.mute(session=session, actor=mara, username="olek")

    interact(session, olek, post.id)
    interact(session, mara, make_post(session, olek, "olek's").id)


# --- sharing ----------------------------------------------------------------------------------


def test_share_with_someone_you_follow_arrives_as_a_share_notification(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    pia = make_user(session, "pia")
    graph.follow(session=session, actor=olek, username="pia")

    interactions.share_with(session=session, actor=olek, post_id=post.id, username="Pia")

    [note] = notes(session, pia, NotificationKind.SHARE)
    assert (note.actor_id, note.post_id) == (olek.id, post.id)
    assert notes(session, mara) == []


def test_share_with_someone_you_do_not_follow_is_refused(session: Session, olek: User, post: Post) -> None:
    pia = make_user(session, "pia")
    graph.follow(session=session, actor=pia, username="olek")  # they follow you; you don't follow them

    with refused(S.SHARE_NOT_FOLLOWING):
        interactions.share_with(session=session, actor=olek, post_id=post.id, username="pia")
    assert notes(session, pia, NotificationKind.SHARE) == []


def test_share_with_an_unknown_person_is_not_found(session: Session, olek: User, post: Post) -> None:
    with refused(S.USER_NOT_FOUND):
        interactions.share_with(session=session, actor=olek, post_id=post.id, username="ghost_user")


def test_cannot_share_a_post_with_someone_its_author_blocked(
    session: Session, olek: User, mara: User, post: Post
) -> None:
    pia = make_user(session, "pia")
    graph.follow(session=session, actor=olek, username="pia")
    graph.block(session=session, actor=mara, username="pia")

    with refused(S.BLOCKED):
        interactions.share_with(session=session, actor=olek, post_id=post.id, username="pia")
    assert notes(session, pia, NotificationKind.SHARE) == []
