"""The demo catalog: four shops with products, variants and photos, tags on posts, the same for the same seed."""

from __future__ import annotations

import math
import random
from collections.abc import Iterator
from pathlib import Path

import pytest
from sqlmodel import Session, select

from socialshop.db import make_engine
from socialshop.demo import catalog_seed
from socialshop.models.accounts import User
from socialshop.models.catalog import Product, ProductPhoto, ProductStatus, ProductVariant, Shop, WishlistItem
from socialshop.models.commerce import CartItem, PostProductTag
from socialshop.models.social import Post
from socialshop.services.catalog import products
from tests.unit.demo.test_social_seed import seed_world

SMALL = 0.2  # five products a shop and about 40 posts: quick, and still every kind of row


@pytest.fixture(scope="module")
def world(tmp_path_factory: pytest.TempPathFactory) -> Path:
    directory = tmp_path_factory.mktemp("catalog-world")
    seed_world(directory, scale=SMALL)
    return directory


@pytest.fixture
def session(world: Path) -> Iterator[Session]:
    engine = make_engine(f"sqlite:///{world / 'demo.db'}")
    with Session(engine) as session:
        yield session
    engine.dispose()


def test_the_full_catalog_has_about_sixty_products_in_four_shops() -> None:
    planned = catalog_seed.planned_products(1.0)
    assert 55 <= len(planned) <= 65
    assert {shop.owner for shop, _ in planned} == {"nordic_knits", "clay_and_co", "sunpeak_outdoor", "glow_botanics"}
    specs = [spec for _, spec in planned]
    assert len({products.slugify(s.title) for s in specs}) == len(specs)
    assert all(s.category in products.CATEGORIES and s.photos and 1 <= len(s.photos) <= 2 for s in specs)
    assert all(s.compare_at is None or s.compare_at > s.price for s in specs)
    assert 1 <= sum(s.draft for s in specs) <= 5
    assert 1 <= sum(s.sold_out for s in specs) <= 4
    assert sum(s.compare_at is not None for s in specs) >= 5


def test_one_shop_per_seller(session: Session) -> None:
    shops = session.exec(select(Shop)).all()
    owners = {session.get(User, s.owner_id).username for s in shops}
    assert owners == {"nordic_knits", "clay_and_co", "sunpeak_outdoor", "glow_botanics"}
    assert all(session.get(User, s.owner_id).is_seller for s in shops)


def test_every_product_has_variants_photos_and_consistent_rollups(session: Session, world: Path) -> None:
    rows = session.exec(select(Product)).all()
    assert len(rows) == len(catalog_seed.planned_products(SMALL))
    for product in rows:
        variants = session.exec(select(ProductVariant).where(ProductVariant.product_id == product.id)).all()
        assert 1 <= len(variants) <= 4
        assert product.total_stock == sum(v.stock for v in variants)
        assert product.min_price_minor == min(products.variant_price(product, v) for v in variants)
        photos = session.exec(select(ProductPhoto).where(ProductPhoto.product_id == product.id)).all()
        assert 1 <= len(photos) <= 2
        for photo in photos:
            assert (world / "uploads" / photo.file).is_file()
            assert (world / "uploads" / photo.thumb_file).is_file()
    stocks = [v.stock for v in session.exec(select(ProductVariant)).all()]
    assert any(1 <= s <= 3 for s in stocks) and any(s == 0 for s in stocks) and max(stocks) > 10


def test_about_forty_percent_of_photo_posts_are_tagged_with_active_products(session: Session) -> None:
    photo_posts = session.exec(select(Post).where(Post.photo_count > 0)).all()
    tags = session.exec(select(PostProductTag)).all()
    tagged = {t.post_id for t in tags}
    assert 0.3 <= len(tagged) / len(photo_posts) <= 0.45
    sellers = {s.owner_id: s.id for s in session.exec(select(Shop)).all()}
    for tag in tags:
        product = session.get(Product, tag.product_id)
        post = session.get(Post, tag.post_id)
        assert product.status == ProductStatus.ACTIVE.value
        assert tag.tagged_by_id == post.author_id
        assert 0 <= tag.x <= 1000 and 0 <= tag.y <= 1000 and tag.photo_position < post.photo_count
        if post.author_id in sellers:
            assert product.shop_id == sellers[post.author_id]  # sellers tag their own products
    assert any(t.tagged_by_id not in sellers for t in tags)  # creators tag other shops' products


def test_hotspots_on_one_photo_do_not_sit_on_top_of_each_other(session: Session) -> None:
    pins: dict[tuple[int, int], list[tuple[int, int]]] = {}
    for tag in session.exec(select(PostProductTag)).all():
        pins.setdefault((tag.post_id, tag.photo_position), []).append((tag.x, tag.y))
    assert any(len(points) > 1 for points in pins.values())  # the check below has something to check
    for points in pins.values():
        for index, point in enumerate(points):
            assert all(math.dist(point, other) >= catalog_seed.PIN_SPACING for other in points[:index])


def test_a_crowded_region_still_gives_a_free_spot() -> None:
    rng = random.Random(7)
    taken = [(500, 500), (420, 430), (580, 560)]  # the middle of the default region is full
    for _ in range(200):
        point = catalog_seed._point(rng, "a photo of nothing in particular", taken)
        assert all(math.dist(point, other) >= catalog_seed.PIN_SPACING for other in taken)


def test_wishlists_and_a_cart_for_mara(session: Session) -> None:
    wished = session.exec(select(WishlistItem)).all()
    per_product: dict[int, int] = {}
    for item in wished:
        per_product[item.product_id] = per_product.get(item.product_id, 0) + 1
    assert max(per_product.values()) >= 2
    mara = session.exec(select(User).where(User.username == "mara")).one()
    lines = session.exec(select(CartItem).where(CartItem.user_id == mara.id)).all()
    assert len(lines) == 2
    for line in lines:
        variant = session.get(ProductVariant, line.variant_id)
        assert variant.stock >= line.quantity
        assert line.seen_unit_price_minor == products.variant_price(session.get(Product, variant.product_id), variant)


def _catalog(url: str) -> list:
    engine = make_engine(url)
    try:
        with Session(engine) as session:
            return [
                [(p.slug, p.price_minor, p.total_stock, p.status) for p in session.exec(select(Product).order_by(Product.id))],
                [(v.sku, v.stock) for v in session.exec(select(ProductVariant).order_by(ProductVariant.id))],
                [ph.file for ph in session.exec(select(ProductPhoto).order_by(ProductPhoto.id))],
                [(t.post_id, t.product_id, t.x, t.y, t.tagged_by_id)
                 for t in session.exec(select(PostProductTag).order_by(PostProductTag.id))],
                sorted((w.user_id, w.product_id) for w in session.exec(select(WishlistItem))),
            ]
    finally:
        engine.dispose()


def test_same_seed_gives_the_same_catalog(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    first = _catalog(seed_world(tmp_path / "a", scale=0.1))
    assert first == _catalog(seed_world(tmp_path / "b", scale=0.1))
    assert first[0] and first[3]
