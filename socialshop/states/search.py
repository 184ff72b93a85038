"""The search page: people for now; products, posts and tags join as those domains land."""

from __future__ import annotations

import reflex as rx

from socialshop import routes
from socialshop.schemas.accounts import PersonCard
from socialshop.services import accounts
from socialshop.states.session import SessionState, in_session


class SearchState(SessionState):
    query: str = ""
    people: list[PersonCard] = []
    searching: bool = False

    @rx.event
    async def load_results(self):
        await self.load_viewer()
        self.query = self.router.url.query_parameters.get("q", "")[:100]
        self.searching = True
        yield
        query = self.query
        self.people = await in_session(lambda s: accounts.search_people(session=s, query=query))
        self.searching = False

    @rx.event
    def submit(self, form: dict):
        query = str(form.get("q", "")).strip()[:100]
        return rx.redirect(routes.search_url(query))
