"""/community: forums for advice before buying (threads arrive with the community work)."""

import reflex as rx

from socialshop import routes
from socialshop.components.common import empty_state, page_heading
from socialshop.components.layout import page


@page(route=routes.COMMUNITY, title="Community")
def community_page() -> rx.Component:
    return rx.vstack(
        page_heading("Community", "Ask for advice, compare notes, share what worked."),
        empty_state("messages-square", "No discussions yet",
                    "Forums open soon. Until then, say hello on your profile."),
        spacing="5",
        width="100%",
    )
