"""One search for everything: products (with facets), posts, people and tags.

SQLite: FTS5 with bm25 ranking and prefix matching; a word with no match is replaced by the
closest word in the index (typo tolerance). PostgreSQL: its own full-text search, computed on
the fly (add a GIN index on the same expressions when the catalog grows).
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass, field

from sqlalchemy import func, literal_column, text
from sqlmodel import Session, col, select

from socialshop.models.accounts import User
from socialshop.models.catalog import Product, ProductStatus
from socialshop.models.social import Post, PostTag
from socialshop.schemas.accounts import PersonCard
from socialshop.schemas.catalog import ProductCardView
from socialshop.schemas.social import PostCard
from socialshop.services import accounts, money
from socialshop.services.catalog.products import product_cards
from socialshop.services.dialects import SQLITE, dialect_of
from socialshop.services.social.blocks import blocked_either_way_ids
from socialshop.services.social.cards import cards_for_ids

SORTS = ("relevance", "newest", "price_asc", "price_desc")
_WORD_RE = re.compile(r"\w+", re.UNICODE)
PRODUCT_WEIGHTS = "10.0, 4.0, 3.0, 1.0"  # bm25 column weights: title, tags, shop, description


@dataclass(frozen=True)
class ProductFilters:
    """Facets of a product search. Prices are compared only within one currency: a price bound
    keeps to products priced in `currency` (the one it was typed in), and the price sorts order
    each currency's products on their own (currencies by code), never 1,000 yen above 40 euros."""

    category: str = ""
    min_price_minor: int | None = None
    max_price_minor: int | None = None
    currency: str = "EUR"
    in_stock: bool = False
    sort: str = "relevance"

    @property
    def has_price_bound(self) -> bool:
        return self.min_price_minor is not None or self.max_price_minor is not None


@dataclass
class SearchResults:
    query: str = ""
    corrected: str = ""
    products: list[ProductCardView] = field(default_factory=list)
    posts: list[PostCard] = field(default_factory=list)
    people: list[PersonCard] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)


def words_of(query: str) -> list[str]:
    return [w.lower() for w in _WORD_RE.findall(query)][:8]


def fts_query(words: list[str]) -> str:
    """Every word must match, as a prefix: `"blue"* AND "mug"*` (quotes keep operators out)."""
    return " AND ".join(f'"{w}"*' for w in words)


def _closest_word(session: Session, word: str) -> str | None:
    """The indexed word nearest to a misspelt one (same first letter, similar spelling)."""
    if len(word) < 3:
        return None
    rows = session.exec(
        text("SELECT term FROM search_product_vocab WHERE term >= :lo AND term < :hi LIMIT 5000"),
        params={"lo": word[0], "hi": chr(ord(word[0]) + 1)},
    ).all()
    matches = difflib.get_close_matches(word, [r[0] for r in rows], n=1, cutoff=0.72)
    return matches[0] if matches else None


def _filter_sql(filters: ProductFilters) -> tuple[str, dict]:
    clauses, params = ["product.status = :active"], {"active": ProductStatus.ACTIVE.value}
    if filters.category:
        clauses.append("product.category = :category")
        params["category"] = filters.category
    if filters.has_price_bound:
        clauses.append("product.currency = :currency")
        params["currency"] = filters.currency
    if filters.min_price_minor is not None:
        clauses.append("product.min_price_minor >= :min_price")
        params["min_price"] = filters.min_price_minor
    if filters.max_price_minor is not None:
        clauses.append("product.min_price_minor <= :max_price")
        params["max_price"] = filters.max_price_minor
    if filters.in_stock:
        clauses.append("product.total_stock > 0")
    return " AND ".join(clauses), params


_ORDER_SQL = {
    "relevance": f"bm25(search_product, {PRODUCT_WEIGHTS})",
    "newest": "product.id DESC",
    "price_asc": "product.currency, product.min_price_minor, product.id DESC",
    "price_desc": "product.currency, product.min_price_minor DESC, product.id DESC",
}


def _product_ids_sqlite(
    session: Session, words: list[str], limit: int, filters: ProductFilters = ProductFilters()
) -> list[int]:
    """One query: match, filter and order inside SQLite, and fetch only the page."""
    # Active products only: a draft's words must neither block nor suggest a spelling correction.
    where, params = _filter_sql(filters)
    rows = session.exec(
        text(
            f"SELECT search_product.rowid FROM search_product JOIN product ON product.id = search_product.rowid "
            f"WHERE search_product MATCH :q AND {where} "
            f"ORDER BY {_ORDER_SQL.get(filters.sort, _ORDER_SQL['relevance'])} LIMIT :limit"
        ),
        params={**params, "q": fts_query(words), "limit": limit},
    ).all()
    return [r[0] for r in rows]


def _product_document():
    """The weighted document PostgreSQL ranks: title (A) above tags (B) above description (D)."""
    def part(column, weight: str):
        # An untyped literal, so PostgreSQL reads it as its "char" weight (a bound VARCHAR is refused).
        return func.setweight(func.to_tsvector("simple", func.coalesce(column, "")), literal_column(f"'{weight}'"))

    return part(Product.title, "A").op("||")(part(Product.tags, "B")).op("||")(part(Product.description, "D"))


def _product_ids_postgres(session: Session, words: list[str], limit: int) -> list[int]:
    document = _product_document()
    query = func.to_tsquery("simple", " & ".join(f"{w}:*" for w in words))
    rows = session.exec(
        select(Product.id)
        .where(document.op("@@")(query), Product.status == ProductStatus.ACTIVE.value)
        .order_by(func.ts_rank(document, query).desc(), col(Product.id).desc())
        .limit(limit)
    ).all()
    return list(rows)


def search_products(
    *, session: Session, query: str, filters: ProductFilters = ProductFilters(), limit: int = 48
) -> tuple[list[ProductCardView], str]:
    """Active products matching every word (as prefixes), filtered and sorted; plus the corrected
    query when a misspelt word was replaced."""
    words = words_of(query)
    corrected = ""
    if not words:
        return _browse(session, filters, limit), ""
    if dialect_of(session) is SQLITE:
        ids = _product_ids_sqlite(session, words, limit, filters)
        if not ids:
            fixed = [_closest_word(session, w) or w for w in words]
            if fixed != words:
                ids = _product_ids_sqlite(session, fixed, limit, filters)
                corrected = " ".join(fixed) if ids else ""
    else:
        ids = _filtered_ids(session, _product_ids_postgres(session, words, 2000), filters, limit)
    if not ids:
        return [], corrected
    by_id = {p.id: p for p in session.exec(select(Product).where(col(Product.id).in_(ids))).all()}
    return product_cards(session, [by_id[i] for i in ids if i in by_id]), corrected


def _filtered_stmt(filters: ProductFilters):
    stmt = select(Product).where(Product.status == ProductStatus.ACTIVE.value)
    if filters.category:
        stmt = stmt.where(Product.category == filters.category)
    if filters.has_price_bound:
        stmt = stmt.where(Product.currency == filters.currency)
    if filters.min_price_minor is not None:
        stmt = stmt.where(Product.min_price_minor >= filters.min_price_minor)
    if filters.max_price_minor is not None:
        stmt = stmt.where(Product.min_price_minor <= filters.max_price_minor)
    if filters.in_stock:
        stmt = stmt.where(Product.total_stock > 0)
    if filters.sort == "price_asc":
        return stmt.order_by(col(Product.currency), col(Product.min_price_minor), col(Product.id).desc())
    if filters.sort == "price_desc":
        return stmt.order_by(col(Product.currency), col(Product.min_price_minor).desc(), col(Product.id).desc())
    return stmt.order_by(col(Product.id).desc())


def _browse(session: Session, filters: ProductFilters, limit: int) -> list[ProductCardView]:
    """No words: the filtered catalog, newest first (or by price)."""
    return product_cards(session, list(session.exec(_filtered_stmt(filters).limit(limit)).all()))


def _filtered_ids(session: Session, ranked_ids: list[int], filters: ProductFilters, limit: int) -> list[int]:
    if not ranked_ids:
        return []
    rows = session.exec(_filtered_stmt(filters).where(col(Product.id).in_(ranked_ids))).all()
    if filters.sort == "relevance":
        rank = {pid: i for i, pid in enumerate(ranked_ids)}
        rows = sorted(rows, key=lambda p: rank[p.id])
    return [p.id for p in rows[:limit]]


def search_posts(*, session: Session, viewer: User | None, query: str, limit: int = 10) -> list[PostCard]:
    words = words_of(query)
    if not words:
        return []
    if dialect_of(session) is SQLITE:
        ids = [
            r[0]
            for r in session.exec(
                text("SELECT rowid FROM search_post WHERE search_post MATCH :q ORDER BY rank LIMIT :limit"),
                params={"q": fts_query(words), "limit": limit * 3},
            ).all()
        ]
    else:
        ids = list(session.exec(select(Post.id).where(*[Post.body.ilike(f"%{w}%") for w in words]).limit(limit * 3)).all())
    if not ids:
        return []
    # Mute hides from feeds only (as on profiles and post links); blocks hide everywhere.
    hidden = blocked_either_way_ids(session, viewer.id if viewer else None)
    visible = set(session.exec(select(Post.id).where(col(Post.id).in_(ids), col(Post.author_id).not_in(hidden))).all())
    return cards_for_ids(session, [i for i in ids if i in visible][:limit], viewer.id if viewer else None)


def search_tags(*, session: Session, query: str, limit: int = 8) -> list[str]:
    words = words_of(query)
    if not words:
        return []
    prefix = words[0].replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
    rows = session.exec(
        select(PostTag.tag, func.count().label("n"))
        .where(PostTag.tag.like(f"{prefix}%", escape="\\"))
        .group_by(PostTag.tag)
        .order_by(text("n DESC"), PostTag.tag)
        .limit(limit)
    ).all()
    return [r[0] for r in rows]


def search_all(
    *, session: Session, viewer: User | None, query: str, filters: ProductFilters = ProductFilters()
) -> SearchResults:
    query = query.strip()[:100]
    products, corrected = search_products(session=session, query=query, filters=filters)
    return SearchResults(
        query=query,
        corrected=corrected,
        products=products,
        posts=search_posts(session=session, viewer=viewer, query=corrected or query),
        people=accounts.search_people(session=session, query=query, limit=8),
        tags=search_tags(session=session, query=query),
    )


def parse_price_filter(text_value: str, currency: str = "EUR") -> int | None:
    return money.parse_amount(text_value, currency) if text_value.strip() else None

