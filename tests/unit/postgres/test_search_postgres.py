"""The search service on PostgreSQL (its full-text search), against a real server."""

from __future__ import annotations

from sqlmodel import Session

from socialshop.services import search
from tests.factories import make_product, make_user


def slugs(results) -> list[str]:
    return [card.slug for card in results]


def test_every_word_must_match_as_a_prefix(pg_session: Session) -> None:
    seller = make_user(pg_session, "ingrid")
    make_product(pg_session, seller, "Fisherman sweater", description="Chunky merino wool, hand finished")
    make_product(pg_session, seller, "Merino scarf", description="Soft and warm")
    pg_session.commit()

    products, _ = search.search_products(session=pg_session, query="sweat")
    assert slugs(products) == ["fisherman-sweater"]
    products, _ = search.search_products(session=pg_session, query="merino warm")
    assert slugs(products) == ["merino-scarf"]
    products, _ = search.search_products(session=pg_session, query="merino nothinglikethis")
    assert products == []


def test_a_title_match_ranks_above_a_description_match(pg_session: Session) -> None:
    seller = make_user(pg_session, "kenji")
    make_product(pg_session, seller, "Oak serving board", description="Pairs with our stoneware mug")
    make_product(pg_session, seller, "Stoneware mug", description="Speckled glaze")
    pg_session.commit()

    products, _ = search.search_products(session=pg_session, query="stoneware")
    assert slugs(products) == ["stoneware-mug", "oak-serving-board"]


def test_drafts_never_appear_and_filters_apply(pg_session: Session) -> None:
    seller = make_user(pg_session, "ava")
    make_product(pg_session, seller, "Trail jacket", price="120.00", category="outdoor")
    make_product(pg_session, seller, "Trail socks", price="15.00", category="outdoor")
    make_product(pg_session, seller, "Trail secret", status="draft")
    pg_session.commit()

    products, _ = search.search_products(session=pg_session, query="trail")
    assert sorted(slugs(products)) == ["trail-jacket", "trail-socks"]
    cheap = search.ProductFilters(max_price_minor=5000, sort="price_asc")
    products, _ = search.search_products(session=pg_session, query="trail", filters=cheap)
    assert slugs(products) == ["trail-socks"]
