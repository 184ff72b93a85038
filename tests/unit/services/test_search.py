"""Search: ranking, prefixes, typos, facets and sorts for products; posts, tags; and the FTS index
following every write (the triggers)."""

from __future__ import annotations

import pytest
from sqlalchemy import text
from sqlmodel import Session

from socialshop.models.accounts import User
from socialshop.models.catalog import Product
from socialshop.services import search
from socialshop.services.catalog.products import save_product
from socialshop.services.catalog.shops import update_shop
from socialshop.services.search import ProductFilters
from socialshop.services.social import graph
from tests.factories import (
    make_post,
    make_product,
    make_shop,
    make_user,
    product_input,
    variant_input,
    variants_of,
)
from tests.unit.services.catalog.database import engine, schema_template  # noqa: F401  (faster engine)


@pytest.fixture
def mara(session: Session) -> User:
    user = make_user(session, "mara")
    make_shop(session, user, "mara_studio", name="Mara Studio")
    return user


@pytest.fixture
def olek(session: Session) -> User:
    user = make_user(session, "olek")
    make_shop(session, user, "olek_goods", name="Olek Goods")
    return user


def found(session: Session, query: str, **filters) -> list[str]:
    products, _corrected = search.search_products(
        session=session, query=query, filters=ProductFilters(**filters)
    )
    return [card.title for card in products]


def indexed_titles(session: Session, query: str) -> list[str]:
    """What the FTS index itself matches (before any status filter)."""
    session.flush()
    rows = session.exec(
        text("SELECT title FROM search_product WHERE search_product MATCH :q ORDER BY rowid"),
        params={"q": search.fts_query(search.words_of(query))},
    ).all()
    return [r[0] for r in rows]


# --- ranking and matching -----------------------------------------------------------------------


def test_a_title_match_ranks_above_a_description_only_match(session: Session, mara: User) -> None:
    make_product(session, mara, "Cotton throw", description="Soft, and pairs well with a wool coat in winter")
    make_product(session, mara, "Wool scarf", description="Warm")

    assert found(session, "wool") == ["Wool scarf", "Cotton throw"]


def test_tags_and_the_shop_name_are_searched_too(session: Session, mara: User, olek: User) -> None:
    make_product(session, mara, "Bowl", tags="stoneware handmade")
    make_product(session, olek, "Jar")

    assert found(session, "handmade") == ["Bowl"]
    assert found(session, "olek goods") == ["Jar"]
    assert found(session, "mara_studio") == ["Bowl"]


def test_a_word_matches_as_a_prefix(session: Session, mara: User) -> None:
    make_product(session, mara, "Merino sweater")
    make_product(session, mara, "Sweat band")
    make_product(session, mara, "Wet suit")

    assert sorted(found(session, "sweat")) == ["Merino sweater", "Sweat band"]


def test_a_misspelt_word_is_corrected_to_the_closest_indexed_word(session: Session, mara: User) -> None:
    make_product(session, mara, "Merino sweater")
    make_product(session, mara, "Linen shirt")

    products, corrected = search.search_products(session=session, query="swetaer")

    assert ([p.title for p in products], corrected) == (["Merino sweater"], "sweater")


def test_no_correction_when_nothing_is_close(session: Session, mara: User) -> None:
    make_product(session, mara, "Merino sweater")

    assert search.search_products(session=session, query="xylophone") == ([], "")


def test_an_exact_match_is_not_corrected(session: Session, mara: User) -> None:
    make_product(session, mara, "Merino sweater")

    assert search.search_products(session=session, query="merino")[1] == ""


def test_every_word_must_match(session: Session, mara: User) -> None:
    make_product(session, mara, "Blue mug")
    make_product(session, mara, "Blue scarf")
    make_product(session, mara, "Red mug", description="Not the blue one")

    assert sorted(found(session, "blue mug")) == ["Blue mug", "Red mug"]
    assert found(session, "mug scarf") == []


def test_accents_and_case_do_not_matter(session: Session, mara: User) -> None:
    make_product(session, mara, "Crème Brûlée dish")

    assert found(session, "CREME brulee") == ["Crème Brûlée dish"]


@pytest.mark.parametrize(
    ("query", "titles"),
    [
        ('"mug', ["Mug"]),
        ("mug*", ["Mug"]),
        ("-mug", ["Mug"]),
        ("🙂 mug", ["Mug"]),
        ("mug OR bowl", []),
        ("NEAR(mug)", []),
        ("title:mug", []),
    ],
)
def test_search_syntax_in_the_query_is_treated_as_plain_words(
    session: Session, mara: User, query: str, titles: list[str]
) -> None:
    make_product(session, mara, "Mug")
    make_product(session, mara, "Bowl")

    assert found(session, query) == titles


def test_an_empty_query_browses_everything_active_newest_first(session: Session, mara: User) -> None:
    make_product(session, mara, "Bowl")
    make_product(session, mara, "Cup")

    assert found(session, "  ") == ["Cup", "Bowl"]
    assert found(session, "!!!") == ["Cup", "Bowl"]


@pytest.mark.parametrize("status", ["draft", "archived"])
def test_drafts_and_archived_products_never_appear(session: Session, mara: User, status: str) -> None:
    make_product(session, mara, "Secret sweater", status=status)
    make_product(session, mara, "Public sweater")

    assert found(session, "sweater") == ["Public sweater"]
    assert found(session, "secret") == []
    assert found(session, "") == ["Public sweater"]


def test_a_draft_is_never_revealed_by_a_spelling_correction(session: Session, mara: User) -> None:
    make_product(session, mara, "Secret collab hoodie", status="draft")
    make_product(session, mara, "Plain hoodie")

    assert search.search_products(session=session, query="collob") == ([], "")
    assert found(session, "collab") == []


# --- facets and sorts ------------------------------------------------------------------------


@pytest.fixture
def shelf(session: Session, mara: User) -> None:
    """Four mugs and a scarf, made oldest to newest."""
    make_product(session, mara, "Cheap mug", price="8.00", category="kitchen")
    make_product(session, mara, "Fancy mug", price="30.00", category="ceramics")
    make_product(
        session,
        mara,
        "Sold out mug",
        price="12.00",
        category="kitchen",
        variants=[variant_input("SO", stock=0)],
    )
    make_product(
        session,
        mara,
        "Mid mug",
        price="20.00",
        category="kitchen",
        variants=[variant_input("MID-A", price="15.00"), variant_input("MID-B")],
    )
    make_product(session, mara, "Wool scarf", price="25.00", category="apparel")


def test_category_facet(session: Session, shelf: None) -> None:
    assert found(session, "mug", category="kitchen", sort="newest") == [
        "Mid mug",
        "Sold out mug",
        "Cheap mug",
    ]
    assert found(session, "", category="apparel") == ["Wool scarf"]


def test_price_range_facet_is_inclusive_and_uses_the_cheapest_variant(session: Session, shelf: None) -> None:
    assert found(session, "mug", min_price_minor=1200, max_price_minor=1500, sort="price_asc") == [
        "Sold out mug",
        "Mid mug",
    ]
    assert found(session, "", min_price_minor=2500, sort="price_asc") == ["Wool scarf", "Fancy mug"]
    assert found(session, "", max_price_minor=800) == ["Cheap mug"]


def test_in_stock_facet(session: Session, shelf: None) -> None:
    assert "Sold out mug" not in found(session, "mug", in_stock=True)
    assert len(found(session, "mug", in_stock=True)) == 3


def test_sorts_newest_and_by_price(session: Session, shelf: None) -> None:
    assert found(session, "mug", sort="newest") == ["Mid mug", "Sold out mug", "Fancy mug", "Cheap mug"]
    assert found(session, "mug", sort="price_asc") == ["Cheap mug", "Sold out mug", "Mid mug", "Fancy mug"]
    assert found(session, "mug", sort="price_desc") == ["Fancy mug", "Mid mug", "Sold out mug", "Cheap mug"]
    assert found(session, "", sort="price_desc")[0] == "Fancy mug"


def test_prices_are_compared_only_within_one_currency(session: Session, shelf: None, olek: User) -> None:
    # 10,000 won is about 6.50 euros; 2,500 yen about 15 euros: no raw minor-unit comparisons.
    make_product(session, olek, "Blue mug", price="10000", currency="KRW")
    make_product(session, olek, "Tea mug", price="2500", currency="JPY")

    assert found(session, "mug", min_price_minor=2500, sort="price_asc") == ["Fancy mug"]
    assert found(session, "mug", max_price_minor=1000, currency="JPY") == []
    assert found(session, "mug", max_price_minor=3000, currency="JPY") == ["Tea mug"]
    assert found(session, "", max_price_minor=3000, currency="JPY") == ["Tea mug"]  # browsing, no words
    assert found(session, "", min_price_minor=2600, sort="price_asc") == ["Fancy mug"]
    # Each currency sorted on its own, currencies by code (EUR, JPY, KRW).
    assert found(session, "mug", sort="price_asc") == [
        "Cheap mug", "Sold out mug", "Mid mug", "Fancy mug", "Tea mug", "Blue mug",
    ]
    assert found(session, "mug", sort="price_desc")[:2] == ["Fancy mug", "Mid mug"]


def test_price_filter_text_is_parsed_in_the_currency(session: Session) -> None:
    assert search.parse_price_filter(" ") is None
    assert search.parse_price_filter("12.5") == 1250
    assert search.parse_price_filter("1200", "JPY") == 1200
    assert search.parse_price_filter("cheap") is None


# --- the index follows every write (triggers) ---------------------------------------------------


def test_the_index_follows_a_product_edit(session: Session, mara: User) -> None:
    product = make_product(session, mara, "Linen shirt", variants=["LIN"])

    data = product_input(
        "Hemp shirt",
        tags="summer",
        variants=[variant_input("LIN", variant_id=_only_variant_id(session, product))],
    )
    save_product(session=session, actor=mara, data=data, slug=product.slug)

    assert indexed_titles(session, "linen") == []
    assert indexed_titles(session, "hemp") == ["Hemp shirt"]
    assert found(session, "summer") == ["Hemp shirt"]


def test_the_index_forgets_a_deleted_product(session: Session, mara: User) -> None:
    product = make_product(session, mara, "Linen shirt")
    make_product(session, mara, "Linen towel")

    session.delete(session.get(Product, product.id))
    session.flush()

    assert indexed_titles(session, "linen") == ["Linen towel"]


def test_the_index_follows_post_edits_and_deletes(session: Session, mara: User) -> None:
    post = make_post(session, mara, "Glazing day at the studio")
    other = make_post(session, mara, "Glazing again")

    post.body = "Firing day at the studio"
    session.add(post)
    session.flush()
    assert [c.id for c in search.search_posts(session=session, viewer=None, query="glazing")] == [other.id]
    assert [c.id for c in search.search_posts(session=session, viewer=None, query="firing")] == [post.id]

    session.delete(other)
    session.flush()
    assert search.search_posts(session=session, viewer=None, query="glazing") == []


def test_renaming_a_shop_reindexes_its_products(session: Session, mara: User) -> None:
    make_product(session, mara, "Bowl")

    update_shop(session=session, actor=mara, name="Kiln House", description="")
    session.flush()

    assert found(session, "kiln") == ["Bowl"]


def _only_variant_id(session: Session, product: Product) -> int:
    [variant] = variants_of(session, product)
    return variant.id


# --- posts, tags, everything at once --------------------------------------------------------------


def test_post_search_hides_authors_the_viewer_blocked_or_who_blocked_them(session: Session) -> None:
    pia, kai, ana = make_user(session, "pia"), make_user(session, "kai"), make_user(session, "ana")
    mine = make_post(session, pia, "linen haul")
    blocked = make_post(session, kai, "linen shirt")
    blocker = make_post(session, ana, "linen dress")
    graph.block(session=session, actor=pia, username="kai")
    graph.block(session=session, actor=ana, username="pia")

    assert [c.id for c in search.search_posts(session=session, viewer=pia, query="linen")] == [mine.id]
    assert sorted(c.id for c in search.search_posts(session=session, viewer=None, query="linen")) == sorted(
        [mine.id, blocked.id, blocker.id]
    )


def test_post_search_still_finds_muted_peoples_posts(session: Session) -> None:
    """Mute hides from feeds only: searching for something still finds it."""
    pia, kai = make_user(session, "pia"), make_user(session, "kai")
    muted = make_post(session, kai, "linen shirt")
    graph.mute(session=session, actor=pia, username="kai")

    assert [c.id for c in search.search_posts(session=session, viewer=pia, query="linen")] == [muted.id]


def test_post_search_needs_every_word(session: Session) -> None:
    pia = make_user(session, "pia")
    both = make_post(session, pia, "blue linen shirt")
    make_post(session, pia, "blue sky")

    assert [c.id for c in search.search_posts(session=session, viewer=None, query="linen blue")] == [both.id]
    assert search.search_posts(session=session, viewer=None, query="   ") == []


def test_tag_search_completes_a_prefix_most_used_first(session: Session) -> None:
    pia = make_user(session, "pia")
    for body in ("#linenlove", "#linen #lamp", "#linen", "#linen #linenlove #lamp", "#lino"):
        make_post(session, pia, body)

    assert search.search_tags(session=session, query="lin") == ["linen", "linenlove", "lino"]
    assert search.search_tags(session=session, query="#LA") == ["lamp"]
    assert search.search_tags(session=session, query="zz") == []


def test_an_underscore_in_a_tag_search_is_a_letter_not_a_wildcard(session: Session) -> None:
    pia = make_user(session, "pia")
    make_post(session, pia, "#no_waste #noxwaste")

    assert search.search_tags(session=session, query="no_") == ["no_waste"]


def test_search_all_corrects_the_query_for_posts_too(session: Session, mara: User) -> None:
    make_product(session, mara, "Merino sweater")
    post = make_post(session, mara, "My new sweater")

    results = search.search_all(session=session, viewer=None, query="  swetaer ")

    assert (results.query, results.corrected) == ("swetaer", "sweater")
    assert [p.title for p in results.products] == ["Merino sweater"]
    assert [c.id for c in results.posts] == [post.id]


def test_search_all_finds_people(session: Session, mara: User) -> None:
    results = search.search_all(session=session, viewer=None, query="mara")

    assert [p.username for p in results.people] == ["mara"]
