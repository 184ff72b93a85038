"""One module per page or route group; importing this registers every page."""

from socialshop.pages import (  # noqa: F401  (imported for their @page registrations)
    accounts,
    cart,
    community,
    home,
    not_found,
    notifications,
    posts,
    profile,
    search,
    seller,
    shop,
)
