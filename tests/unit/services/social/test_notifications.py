"""Notifications: who is told what, repeats folded within a day, unread counts, and which open
browser tabs belong to whom."""

from __future__ import annotations

from datetime import timedelta

from sqlmodel import Session, select

from socialshop import routes
from socialshop.models.accounts import User, utcnow
from socialshop.models.social import LiveClient, Notification, NotificationKind
from socialshop.services.social import graph, interactions, notifications, posts
from tests.factories import make_post, make_user

K = NotificationKind


def kinds_for(session: Session, recipient: User) -> list[str]:
    return list(
        session.exec(
            select(Notification.kind)
            .where(Notification.recipient_id == recipient.id)
            .order_by(Notification.id)
        ).all()
    )


def age_all_notifications(session: Session, by: timedelta) -> None:
    for note in session.exec(select(Notification)).all():
        note.created_at -= by
        session.add(note)
    session.flush()


# --- who is told ------------------------------------------------------------------------------


def test_nobody_is_notified_about_their_own_actions(session: Session, mara: User) -> None:
    for kind in K:
        assert (
            notifications.notify(session=session, recipient_id=mara.id, actor_id=mara.id, kind=kind) is None
        )

    assert kinds_for(session, mara) == []


def test_no_notification_from_someone_the_recipient_blocked(session: Session, mara: User, olek: User) -> None:
    graph.block(session=session, actor=mara, username="olek")

    for kind in K:
        assert (
            notifications.notify(session=session, recipient_id=mara.id, actor_id=olek.id, kind=kind) is None
        )

    assert kinds_for(session, mara) == []


def test_the_blocker_does_not_notify_the_person_they_blocked_either(
    session: Session, mara: User, olek: User
) -> None:
    """A block hides each from the other: a reply or mention from mara would point olek at a post
    he can no longer open."""
    graph.block(session=session, actor=mara, username="olek")

    for kind in K:
        assert notifications.notify(session=session, recipient_id=olek.id, actor_id=mara.id, kind=kind) is None
    assert kinds_for(session, olek) == []


def test_a_block_hides_earlier_notifications_from_that_person_and_unblocking_brings_them_back(
    session: Session, mara: User, olek: User, kai: User
) -> None:
    post = make_post(session, mara, "New glaze")
    interactions.like(session=session, actor=olek, post_id=post.id)
    interactions.add_comment(session=session, actor=olek, post_id=post.id, body="Lovely")
    interactions.like(session=session, actor=kai, post_id=post.id)

    graph.block(session=session, actor=mara, username="olek")
    assert [(n.actor.username, n.kind) for n in notifications.recent(session=session, user=mara)] == [
        ("kai", K.LIKE.value)
    ]
    assert notifications.unread_count(session=session, user_id=mara.id) == 1
    notifications.mark_all_read(session=session, user=mara)  # marks what she sees: kai's like

    graph.unblock(session=session, actor=mara, username="olek")
    assert len(notifications.recent(session=session, user=mara)) == 3
    assert notifications.unread_count(session=session, user_id=mara.id) == 2  # olek's, never seen


def test_being_blocked_hides_the_blockers_earlier_notifications_too(
    session: Session, mara: User, olek: User
) -> None:
    post = make_post(session, olek, "My stall this weekend")
    interactions.like(session=session, actor=mara, post_id=post.id)

    graph.block(session=session, actor=mara, username="olek")

    assert notifications.recent(session=session, user=olek) == []
    assert notifications.unread_count(session=session, user_id=olek.id) == 0


def test_like_unlike_like_within_a_day_notifies_once(session: Session, mara: User, olek: User) -> None:
    post = make_post(session, mara)

    for _ in range(3):
        interactions.like(session=session, actor=olek, post_id=post.id)
        interactions.unlike(session=session, actor=olek, post_id=post.id)

    assert kinds_for(session, mara) == [K.LIKE]


def test_like_a_day_later_notifies_again(session: Session, mara: User, olek: User) -> None:
    post = make_post(session, mara)
    interactions.like(session=session, actor=olek, post_id=post.id)
    interactions.unlike(session=session, actor=olek, post_id=post.id)
    age_all_notifications(session, by=timedelta(hours=24, minutes=1))

    interactions.like(session=session, actor=olek, post_id=post.id)

    assert kinds_for(session, mara) == [K.LIKE, K.LIKE]


def test_likes_of_two_different_posts_are_two_notifications(session: Session, mara: User, olek: User) -> None:
    for body in ("one", "two"):
        interactions.like(session=session, actor=olek, post_id=make_post(session, mara, body).id)

    assert kinds_for(session, mara) == [K.LIKE, K.LIKE]


def test_sharing_one_post_again_and_again_tells_the_recipient_once_a_day(
    session: Session, mara: User, olek: User
) -> None:
    kai = make_user(session, "kai_author")
    post = make_post(session, kai, "A find")
    graph.follow(session=session, actor=olek, username="mara")
    for _ in range(5):
        interactions.share_with(session=session, actor=olek, post_id=post.id, username="mara")
    other = make_post(session, kai, "Another find")
    interactions.share_with(session=session, actor=olek, post_id=other.id, username="mara")

    assert kinds_for(session, mara) == [K.FOLLOW.value, K.SHARE.value, K.SHARE.value]


def test_a_mention_is_sent_once_per_post_however_often_it_is_edited_back_in(
    session: Session, mara: User, olek: User
) -> None:
    post = make_post(session, olek, "Thanks @mara")
    for body in ("Thanks", "Thanks @mara!", "Thanks all", "Thanks @mara and all"):
        posts.edit_post(session=session, actor=olek, post_id=post.id, body=body)
    make_post(session, olek, "Also @mara")

    assert kinds_for(session, mara) == [K.MENTION.value, K.MENTION.value]


def test_follow_unfollow_follow_within_a_day_notifies_once(session: Session, mara: User, olek: User) -> None:
    for _ in range(3):
        graph.follow(session=session, actor=olek, username="mara")
        graph.unfollow(session=session, actor=olek, username="mara")

    assert kinds_for(session, mara) == [K.FOLLOW]


def test_follow_a_day_later_notifies_again(session: Session, mara: User, olek: User) -> None:
    graph.follow(session=session, actor=olek, username="mara")
    graph.unfollow(session=session, actor=olek, username="mara")
    age_all_notifications(session, by=timedelta(days=2))

    graph.follow(session=session, actor=olek, username="mara")

    assert kinds_for(session, mara) == [K.FOLLOW, K.FOLLOW]


def test_notified_people_are_collected_for_live_badges(session: Session, mara: User, olek: User) -> None:
    pia = make_user(session, "pia")
    post = make_post(session, mara, "hi @pia")
    interactions.like(session=session, actor=olek, post_id=post.id)

    assert session.info[notifications.NOTIFIED_USERS_KEY] == {mara.id, pia.id}


# --- reading them -----------------------------------------------------------------------------


def test_unread_count_and_mark_all_read_touch_only_the_reader(
    session: Session, mara: User, olek: User
) -> None:
    post = make_post(session, mara, "shoes")
    interactions.like(session=session, actor=olek, post_id=post.id)
    interactions.add_comment(session=session, actor=olek, post_id=post.id, body="nice")
    graph.follow(session=session, actor=mara, username="olek")

    assert notifications.unread_count(session=session, user_id=mara.id) == 2
    assert notifications.unread_count(session=session, user_id=olek.id) == 1

    notifications.mark_all_read(session=session, user=mara)

    assert notifications.unread_count(session=session, user_id=mara.id) == 0
    assert notifications.unread_count(session=session, user_id=olek.id) == 1
    assert [n.unread for n in notifications.recent(session=session, user=mara)] == [False, False]


def test_recent_lists_newest_first_with_words_links_and_excerpts(
    session: Session, mara: User, olek: User
) -> None:
    post = make_post(session, mara, "x" * 100)
    interactions.like(session=session, actor=olek, post_id=post.id)
    graph.follow(session=session, actor=olek, username="mara")

    follow, like = notifications.recent(session=session, user=mara)

    assert (follow.kind, follow.text, follow.href, follow.excerpt) == (
        "follow",
        "started following you",
        routes.profile_url("olek"),
        "",
    )
    assert (like.kind, like.text, like.href) == ("like", "liked your post", routes.post_url(post.id))
    assert like.excerpt == "x" * 80 + "…"
    assert like.actor.username == "olek"
    assert like.unread and follow.unread


def test_recent_respects_the_limit(session: Session, mara: User) -> None:
    for name in ("olek", "pia", "kai"):
        graph.follow(session=session, actor=make_user(session, name), username="mara")

    assert [n.actor.username for n in notifications.recent(session=session, user=mara, limit=2)] == [
        "kai",
        "pia",
    ]


# --- open browser tabs ------------------------------------------------------------------------


def test_registered_tabs_are_listed_per_person(session: Session, mara: User, olek: User) -> None:
    notifications.register_live_client(session=session, user_id=mara.id, client_token="tab-1")
    notifications.register_live_client(session=session, user_id=mara.id, client_token="tab-2")
    notifications.register_live_client(session=session, user_id=olek.id, client_token="tab-3")
    session.flush()

    clients = notifications.live_clients(session=session, user_ids=[mara.id, olek.id])

    assert {user_id: sorted(tokens) for user_id, tokens in clients.items()} == {
        mara.id: ["tab-1", "tab-2"],
        olek.id: ["tab-3"],
    }
    assert notifications.live_clients(session=session, user_ids=[]) == {}


def test_a_tab_that_signs_in_as_someone_else_moves_to_them(session: Session, mara: User, olek: User) -> None:
    notifications.register_live_client(session=session, user_id=mara.id, client_token="tab-1")
    session.flush()

    notifications.register_live_client(session=session, user_id=olek.id, client_token="tab-1")
    session.flush()

    assert notifications.live_clients(session=session, user_ids=[mara.id, olek.id]) == {olek.id: ["tab-1"]}


def test_forgotten_tab_is_no_longer_listed_and_forgetting_twice_is_fine(session: Session, mara: User) -> None:
    notifications.register_live_client(session=session, user_id=mara.id, client_token="tab-1")
    session.flush()

    notifications.forget_live_client(session=session, client_token="tab-1")
    notifications.forget_live_client(session=session, client_token="tab-1")
    session.flush()

    assert notifications.live_clients(session=session, user_ids=[mara.id]) == {}


def test_stale_tab_is_left_out_until_it_registers_again(session: Session, mara: User) -> None:
    session.add(LiveClient(client_token="old-tab", user_id=mara.id, seen_at=utcnow() - timedelta(days=2)))
    session.flush()
    assert notifications.live_clients(session=session, user_ids=[mara.id]) == {}
    assert notifications.live_clients(session=session, user_ids=[mara.id], max_age=timedelta(days=3)) == {
        mara.id: ["old-tab"]
    }

    notifications.register_live_client(session=session, user_id=mara.id, client_token="old-tab")
    session.flush()

    assert notifications.live_clients(session=session, user_ids=[mara.id]) == {mara.id: ["old-tab"]}


def test_a_new_visit_clears_that_persons_tabs_not_seen_for_a_day(session: Session, mara: User, olek: User) -> None:
    two_days_ago = utcnow() - timedelta(days=2)
    session.add(LiveClient(client_token="crashed-tab", user_id=mara.id, seen_at=two_days_ago))
    session.add(LiveClient(client_token="recent-tab", user_id=mara.id, seen_at=utcnow() - timedelta(hours=2)))
    session.add(LiveClient(client_token="oleks-old-tab", user_id=olek.id, seen_at=two_days_ago))
    session.flush()

    notifications.register_live_client(session=session, user_id=mara.id, client_token="new-tab")
    session.flush()

    assert session.get(LiveClient, "crashed-tab") is None
    assert {row.client_token for row in session.exec(select(LiveClient))} == {"recent-tab", "new-tab", "oleks-old-tab"}
