"""Social proof counts only the people the viewer follows."""

from __future__ import annotations

from sqlmodel import Session

from socialshop.models.accounts import User
from socialshop.services.catalog import wishlist
from socialshop.services.commerce.social_proof import followed_savers, social_proof_text
from socialshop.services.social import graph
from tests.factories import make_product, make_user


def test_only_savers_the_viewer_follows_count(session: Session, mara: User, pia: User, kai: User) -> None:
    bowl = make_product(session, mara, "Bowl")
    cup = make_product(session, mara, "Cup")
    friends = [make_user(session, name) for name in ("ana", "ben", "cleo")]
    for friend in friends:
        graph.follow(session=session, actor=pia, username=friend.username)
    for saver in (*friends[:2], kai, pia):  # kai is not followed; pia's own save is not proof
        wishlist.add(session=session, actor=saver, slug=bowl.slug)
    wishlist.add(session=session, actor=friends[2], slug=cup.slug)
    graph.follow(session=session, actor=kai, username="pia")  # following pia does not make kai count for her

    assert followed_savers(session, pia, bowl.id) == 2
    assert social_proof_text(session, pia, bowl.id) == "2 people you follow saved this"
    assert social_proof_text(session, pia, cup.id) == "1 person you follow saved this"
    assert social_proof_text(session, kai, cup.id) == ""


def test_a_signed_out_visitor_sees_no_social_proof(session: Session, mara: User, pia: User) -> None:
    bowl = make_product(session, mara, "Bowl")
    wishlist.add(session=session, actor=pia, slug=bowl.slug)

    assert followed_savers(session, None, bowl.id) == 0
    assert social_proof_text(session, None, bowl.id) == ""
