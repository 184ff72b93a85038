"""HTTP endpoints mounted ahead of Reflex's own (health, auth cookie); they call services."""

from starlette.applications import Starlette

from socialshop.api.auth import auth_routes
from socialshop.api.health import health_routes


def build_api() -> Starlette:
    return Starlette(routes=[*health_routes, *auth_routes])
