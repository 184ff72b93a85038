"""GET /api/health: is the database (and Redis, when configured) answering?"""

from __future__ import annotations

from sqlalchemy import text
from starlette.requests import Request
from starlette.responses import JSONResponse
from starlette.routing import Route

from socialshop import routes
from socialshop.db import get_engine
from socialshop.settings import get_settings


def _database_status() -> str:
    try:
        with get_engine().connect() as connection:
            connection.execute(text("SELECT 1"))
        return "ok"
    except Exception as exc:  # health reports failures instead of raising them
        return f"error: {type(exc).__name__}"


def _redis_status(redis_url: str | None) -> str:
    if not redis_url:
        return "not configured"
    try:
        import redis

        client = redis.Redis.from_url(redis_url, socket_connect_timeout=2, socket_timeout=2)
        client.ping()
        return "ok"
    except Exception as exc:
        return f"error: {type(exc).__name__}"


def health(_request: Request) -> JSONResponse:
    settings = get_settings()
    database = _database_status()
    redis_status = _redis_status(settings.redis_url)
    healthy = database == "ok" and redis_status in ("ok", "not configured")
    return JSONResponse(
        {
            "status": "ok" if healthy else "degraded",
            "database": database,
            "redis": redis_status,
            "payments": settings.payments_mode,
        },
        status_code=200 if healthy else 503,
    )


health_routes = [Route(routes.API_HEALTH, health, methods=["GET"])]
