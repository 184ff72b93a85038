"""Who follows, blocks and mutes whom, and what a profile shows about it."""

from __future__ import annotations

from sqlmodel import Session, select

from socialshop.models.accounts import User
from socialshop.models.social import Block, Mute, Notification, NotificationKind
from socialshop.services.social import blocks, graph
from socialshop.services.social.errors import SocialErrorCode as S
from tests.factories import make_post, make_user
from tests.unit.services.social.refusals import refused


def follow_notes(session: Session, recipient: User) -> list[Notification]:
    return list(
        session.exec(
            select(Notification).where(
                Notification.recipient_id == recipient.id, Notification.kind == NotificationKind.FOLLOW.value
            )
        ).all()
    )


# --- following --------------------------------------------------------------------------------


def test_following_twice_is_one_follow_and_one_notification(session: Session, mara: User, olek: User) -> None:
    graph.follow(session=session, actor=mara, username="olek")
    graph.follow(session=session, actor=mara, username="Olek")

    assert graph.follows(session, mara.id, olek.id)
    assert not graph.follows(session, olek.id, mara.id)
    assert [n.actor_id for n in follow_notes(session, olek)] == [mara.id]
    assert graph.followee_ids(session, mara.id) == [olek.id]


def test_cannot_follow_yourself(session: Session, mara: User) -> None:
    with refused(S.CANNOT_FOLLOW_SELF):
        graph.follow(session=session, actor=mara, username="mara")


def test_following_an_unknown_person_is_not_found(session: Session, mara: User) -> None:
    with refused(S.USER_NOT_FOUND):
        graph.follow(session=session, actor=mara, username="ghost_user")


def test_signed_out_visitor_cannot_follow_block_or_mute(session: Session, olek: User) -> None:
    for action in (graph.follow, graph.block, graph.mute):
        with refused(S.NOT_SIGNED_IN):
            action(session=session, actor=None, username="olek")


def test_unfollow_ends_the_follow_and_twice_is_fine(session: Session, mara: User, olek: User) -> None:
    graph.follow(session=session, actor=mara, username="olek")

    graph.unfollow(session=session, actor=mara, username="olek")
    graph.unfollow(session=session, actor=mara, username="olek")

    assert not graph.follows(session, mara.id, olek.id)


def test_followers_and_following_lists(session: Session, mara: User, olek: User) -> None:
    pia = make_user(session, "pia")
    graph.follow(session=session, actor=mara, username="olek")
    graph.follow(session=session, actor=pia, username="olek")
    graph.follow(session=session, actor=olek, username="pia")

    assert [p.username for p in graph.followers(session=session, viewer=None, username="olek")] == ["mara", "pia"]
    assert [p.username for p in graph.following(session=session, viewer=mara, username="olek")] == ["pia"]
    assert graph.following(session=session, viewer=None, username="mara")[0].username == "olek"


def test_follower_lists_leave_out_people_blocked_either_way(session: Session, mara: User, olek: User) -> None:
    pia, kai, zoe = (make_user(session, name) for name in ("pia", "kai", "zoe"))
    for fan in (mara, pia, kai):
        graph.follow(session=session, actor=fan, username="olek")
    graph.block(session=session, actor=pia, username="zoe")  # zoe is blocked by pia
    graph.block(session=session, actor=zoe, username="kai")  # zoe blocked kai

    def fans_for(viewer: User | None) -> list[str]:
        return [p.username for p in graph.followers(session=session, viewer=viewer, username="olek")]

    assert fans_for(zoe) == ["mara"]
    assert fans_for(mara) == fans_for(None) == ["kai", "mara", "pia"]
    # Nor any list of someone blocked either way.
    graph.block(session=session, actor=olek, username="mara")
    assert fans_for(mara) == []
    assert graph.following(session=session, viewer=mara, username="olek") == []


def test_profile_counts_and_relation_to_the_viewer(session: Session, mara: User, olek: User) -> None:
    graph.follow(session=session, actor=mara, username="olek")
    graph.follow(session=session, actor=olek, username="mara")
    graph.mute(session=session, actor=mara, username="olek")
    make_post(session, olek, "one")
    make_post(session, olek, "two")

    profile = graph.social_profile(session=session, viewer=mara, username="olek")

    assert (profile.post_count, profile.follower_count, profile.following_count) == (2, 1, 1)
    assert (profile.viewer_follows, profile.follows_viewer, profile.viewer_muted, profile.viewer_blocked) == (
        True,
        True,
        True,
        False,
    )


def test_own_profile_and_signed_out_profile_show_no_relation(
    session: Session, mara: User, olek: User
) -> None:
    graph.follow(session=session, actor=mara, username="olek")

    for viewer in (olek, None):
        profile = graph.social_profile(session=session, viewer=viewer, username="olek")
        assert profile.follower_count == 1
        assert not (
            profile.viewer_follows or profile.follows_viewer or profile.viewer_blocked or profile.viewer_muted
        )


# --- blocking ---------------------------------------------------------------------------------


def test_block_removes_follows_in_both_directions(session: Session, mara: User, olek: User) -> None:
    graph.follow(session=session, actor=mara, username="olek")
    graph.follow(session=session, actor=olek, username="mara")

    graph.block(session=session, actor=mara, username="olek")

    assert not graph.follows(session, mara.id, olek.id)
    assert not graph.follows(session, olek.id, mara.id)
    assert graph.social_profile(session=session, viewer=mara, username="olek").viewer_blocked is True


def test_blocked_person_cannot_follow_the_blocker(session: Session, mara: User, olek: User) -> None:
    graph.block(session=session, actor=mara, username="olek")

    with refused(S.BLOCKED):
        graph.follow(session=session, actor=olek, username="mara")
    assert not graph.follows(session, olek.id, mara.id)


def test_blocker_cannot_follow_the_person_they_blocked(session: Session, mara: User, olek: User) -> None:
    graph.block(session=session, actor=mara, username="olek")

    with refused(S.BLOCKED):
        graph.follow(session=session, actor=mara, username="olek")


def test_blocking_twice_keeps_one_block_and_unblock_allows_following_again(
    session: Session, mara: User, olek: User
) -> None:
    graph.block(session=session, actor=mara, username="olek")
    graph.block(session=session, actor=mara, username="olek")
    assert len(session.exec(select(Block)).all()) == 1

    graph.unblock(session=session, actor=mara, username="olek")
    graph.follow(session=session, actor=olek, username="mara")

    assert graph.follows(session, olek.id, mara.id)


def test_cannot_block_or_mute_yourself(session: Session, mara: User) -> None:
    with refused(S.CANNOT_BLOCK_SELF):
        graph.block(session=session, actor=mara, username="mara")
    with refused(S.CANNOT_BLOCK_SELF):
        graph.mute(session=session, actor=mara, username="mara")


def test_hidden_authors_are_those_blocked_muted_and_who_blocked_the_viewer(
    session: Session, mara: User, olek: User
) -> None:
    pia, kai, zoe = (make_user(session, name) for name in ("pia", "kai", "zoe"))
    graph.block(session=session, actor=mara, username="olek")
    graph.block(session=session, actor=pia, username="mara")
    graph.mute(session=session, actor=mara, username="kai")

    assert blocks.hidden_author_ids(session, mara.id) == {olek.id, pia.id, kai.id}
    assert blocks.hidden_author_ids(session, zoe.id) == set()
    assert blocks.hidden_author_ids(session, None) == set()
    assert blocks.is_blocked_between(session, olek.id, mara.id) and blocks.is_blocked_between(
        session, mara.id, olek.id
    )
    assert not blocks.is_blocked_between(session, mara.id, kai.id)


# --- muting -----------------------------------------------------------------------------------


def test_mute_keeps_the_follow(session: Session, mara: User, olek: User) -> None:
    graph.follow(session=session, actor=mara, username="olek")

    graph.mute(session=session, actor=mara, username="olek")
    graph.mute(session=session, actor=mara, username="olek")

    assert graph.follows(session, mara.id, olek.id)
    assert len(session.exec(select(Mute)).all()) == 1
    assert not blocks.is_blocked_between(session, mara.id, olek.id)


def test_unmute_ends_the_mute(session: Session, mara: User, olek: User) -> None:
    graph.mute(session=session, actor=mara, username="olek")

    graph.unmute(session=session, actor=mara, username="olek")

    assert blocks.hidden_author_ids(session, mara.id) == set()


# --- suggestions ------------------------------------------------------------------------------


def test_suggested_people_are_the_most_followed_not_yet_followed_and_not_hidden(
    session: Session, mara: User, olek: User
) -> None:
    kai, zoe = (make_user(session, name) for name in ("kai", "zoe"))
    make_user(session, "pia")
    make_user(session, "ida")
    for fan in (olek, kai, zoe):
        graph.follow(session=session, actor=fan, username="pia")
    for fan in (olek, kai):
        graph.follow(session=session, actor=fan, username="ida")
    graph.follow(session=session, actor=mara, username="ida")
    graph.block(session=session, actor=zoe, username="mara")
    graph.mute(session=session, actor=mara, username="kai")

    suggested = [p.username for p in graph.suggested_people(session=session, viewer=mara, limit=5)]

    # Not mara herself, not ida (already followed), not zoe (blocked her), not kai (muted).
    assert suggested == ["pia", "olek"]


def test_signed_out_visitors_get_the_most_followed_people(session: Session, mara: User, olek: User) -> None:
    make_user(session, "pia")
    graph.follow(session=session, actor=mara, username="olek")

    assert [p.username for p in graph.suggested_people(session=session, viewer=None, limit=2)] == [
        "olek",
        "mara",
    ]
