"""The post page driven through PostState: comments and the count on the card."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from socialshop import routes
from socialshop.services.social import graph, interactions
from socialshop.states.post_detail import PostState
from tests.factories import described, make_post, make_session_token, make_user, run_event, state_at


async def test_the_comment_count_is_everyones_even_when_the_list_hides_muted_people(engine: Engine) -> None:
    with Session(engine, expire_on_commit=False) as db:
        mara, olek, pia = make_user(db, "mara"), make_user(db, "olek"), make_user(db, "pia")
        post = make_post(db, mara, "New glaze")
        interactions.add_comment(session=db, actor=olek, post_id=post.id, body="Lovely")
        graph.mute(session=db, actor=pia, username="olek")
        token = make_session_token(db, pia)
        db.commit()
    state = state_at(PostState, routes.post_url(post.id), token=token)
    await run_event(state.load_post())
    assert (len(state.comments), state.cards[0].comment_count) == (0, 1)  # olek's is hidden from pia

    await run_event(state.add_comment({"body": "Where can I buy it?"}))
    assert (len(state.comments), state.cards[0].comment_count) == (1, 2)

    events = await run_event(state.delete_comment(state.comments[0].id))
    assert "toast.success Comment removed." in described(*events)
    assert (len(state.comments), state.cards[0].comment_count) == (0, 1)


async def test_an_address_that_is_not_a_post_id_says_not_found(engine: Engine) -> None:
    state = state_at(PostState, "/post/²")

    await run_event(state.load_post())

    assert state.found is False and state.cards == []
