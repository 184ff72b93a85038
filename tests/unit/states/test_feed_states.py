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


async def test_a_tag_page_has_more_until_its_last_page_and_tells_the_browser(engine: Engine) -> None:
    with Session(engine) as db:
        author = make_user(db, "lucia")
        for n in range(12):
            make_post(db, author, f"Look {n} #linen")
        db.commit()
    state = state_at(TagState, routes.tag_url("linen"))
    await run_event(state.load_tag())
    assert (len(state.cards), state.has_more) == (10, True)
    state._clean()  # what the browser has been sent so far

    await run_event(state.load_more())

    assert (len(state.cards), state.has_more) == (12, False)
    # has_more is derived from the cursor: the browser must still hear that it changed.
    delta = state.parent_state.get_delta()
    sent = {name.removesuffix("_rx_state_"): value for name, value in delta[state.get_full_name()].items()}
    assert sent["has_more"] is False
