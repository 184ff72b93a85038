"""Feed pages driven through their states: what the address names is what is shown."""

from __future__ import annotations

from sqlalchemy.engine import Engine
from sqlmodel import Session

from socialshop import routes
from socialshop.states.feed import TagState
from tests.factories import make_post, make_user, run_event, state_at


async def test_a_tag_page_reads_a_percent_encoded_tag_from_its_address(engine: Engine) -> None:
    with Session(engine) as db:
        author = make_user(db, "lucia")
        make_post(db, author, "Summer evenings #Été #café")
        db.commit()
    url = routes.tag_url("été")
    assert url == "/tag/%C3%A9t%C3%A9"  # what the link in the post sends the browser to
    state = state_at(TagState, url)

    await run_event(state.load_tag())

    assert state.tag == "été" and state.post_count == 1
    assert [card.body for card in state.cards] == ["Summer evenings #Été #café"]
