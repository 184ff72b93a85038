"""GET /api/health: a load balancer's view of whether the app can serve."""

from __future__ import annotations

from pathlib import Path

from sqlalchemy.engine import Engine
from starlette.testclient import TestClient

from socialshop.api import build_api


def test_health_says_ok_when_the_database_answers(engine: Engine) -> None:
    response = TestClient(build_api()).get("/api/health")

    assert response.status_code == 200
    assert response.headers["content-type"] == "application/json"
    assert response.json() == {
        "status": "ok",
        "database": "ok",
        "redis": "not configured",
        "payments": "demo",
    }


def test_health_answers_503_when_the_database_is_unreachable(tmp_path: Path, configure) -> None:
    configure(SOCIALSHOP_DATABASE_URL=f"sqlite:///{tmp_path / 'no' / 'such' / 'folder' / 'x.db'}")

    response = TestClient(build_api()).get("/api/health")

    assert response.status_code == 503
    body = response.json()
    assert body["status"] == "degraded"
    assert body["database"] == "error: OperationalError"


def test_health_never_leaks_the_database_url_or_error_details(configure) -> None:
    configure(SOCIALSHOP_DATABASE_URL="postgresql://admin:hunter2@127.0.0.1:1/shop")

    response = TestClient(build_api()).get("/api/health")

    assert response.status_code == 503
    assert "hunter2" not in response.text
    assert "127.0.0.1" not in response.text


def test_health_is_degraded_when_redis_is_configured_but_down(engine: Engine, configure) -> None:
    configure(REFLEX_REDIS_URL="redis://127.0.0.1:1/0")

    response = TestClient(build_api()).get("/api/health")

    assert response.status_code == 503
    assert response.json()["database"] == "ok"
    assert response.json()["redis"].startswith("error: ")


def test_health_reports_stripe_payments_when_a_key_is_set(engine: Engine, configure) -> None:
    configure(STRIPE_SECRET_KEY="sk_test_123")

    response = TestClient(build_api()).get("/api/health")

    assert response.json()["payments"] == "stripe"
    assert "sk_test_123" not in response.text
