"""Catalog benchmark: product search and the product sheet's data at 100k products.

    .venv/bin/python -m bench.catalog                      # 100k products, 300 runs each
    .venv/bin/python -m bench.catalog --products 20000 --runs 100

Prints p50/p95 (ms) of the service calls next to the floor: the same full-text SQL run straight
through sqlite3. Targets (issue 4): search p95 <= 50 ms and sheet data p95 <= 10 ms at 100k.
The database is cached in /tmp/socialshop-bench (--rebuild to make it again).
"""

from __future__ import annotations

import argparse
import contextlib
import random
import sqlite3
import statistics
import time
from pathlib import Path

from sqlmodel import Session, SQLModel

import socialshop.models  # noqa: F401  (registers every table)
from socialshop.db import make_engine
from socialshop.models.search import install_search_index
from socialshop.services import search
from socialshop.services.catalog import products
from socialshop.services.errors import DomainError

ADJECTIVES = ["speckled", "chunky", "merino", "linen", "waxed", "ribbed", "glazed", "recycled", "organic",
              "vintage", "hand-thrown", "alpine", "botanical", "matte", "cosy", "trail", "lightweight", "oversized"]
NOUNS = ["sweater", "mug", "vase", "bowl", "jacket", "backpack", "serum", "cleanser", "scarf", "beanie",
         "planter", "candle", "throw", "tote", "boots", "bottle", "tent", "lamp", "cardigan", "balm"]
CATEGORIES = list(products.CATEGORIES)
WORDS = ["wool", "stoneware", "cotton", "hemp", "oak", "ceramic", "waterproof", "gift", "winter", "summer",
         "handmade", "nordic", "minimal", "rustic", "soft", "warm", "travel", "daily", "studio", "garden"]
# A real catalog's vocabulary is large: brand names, materials, places. Made-up but pronounceable.
_SYLLABLES = ["ka", "lo", "mi", "ren", "tos", "va", "ber", "nu", "qui", "sel", "dor", "fa", "gen", "hal", "jo",
              "lun", "mar", "pe", "ris", "tu"]
LEXICON = sorted({"".join(random.Random(i).choices(_SYLLABLES, k=3)) for i in range(6000)})


def build(path: Path, count: int, rng: random.Random) -> None:
    path.unlink(missing_ok=True)
    engine = make_engine(f"sqlite:///{path}")
    SQLModel.metadata.create_all(engine)
    engine.dispose()
    db = sqlite3.connect(path)
    db.execute("PRAGMA journal_mode=OFF")
    db.execute("PRAGMA synchronous=OFF")
    now = "2026-11-01 00:00:00.000000"
    db.executemany(
        "INSERT INTO user_account (id, username, email, display_name, password_hash, bio, link, role, is_seller,"
        " is_demo, created_at) VALUES (?, ?, ?, ?, 'x', '', '', 'member', 1, 0, ?)",
        [(i, f"seller{i}", f"s{i}@x.io", f"Seller {i}", now) for i in range(1, 201)],
    )
    db.executemany(
        "INSERT INTO shop (id, owner_id, handle, name, description, created_at) VALUES (?, ?, ?, ?, '', ?)",
        [(i, i, f"shop{i}", f"{rng.choice(WORDS).title()} {rng.choice(NOUNS).title()} Co {i}", now) for i in range(1, 201)],
    )
    product_rows, variant_rows, photo_rows = [], [], []
    variant_id = 0
    for pid in range(1, count + 1):
        title = f"{rng.choice(LEXICON).title()} {rng.choice(ADJECTIVES)} {rng.choice(NOUNS)}"
        description = " ".join(rng.choice(LEXICON if rng.random() < 0.7 else WORDS + ADJECTIVES)
                               for _ in range(rng.randint(12, 40)))
        price = rng.randint(500, 30000)
        stock_total = 0
        shop = rng.randint(1, 200)
        for v in range(rng.randint(1, 3)):
            variant_id += 1
            stock = rng.choice([0, 1, 2, 5, 10, 20, 50])
            stock_total += stock
            variant_rows.append((variant_id, pid, shop, f"SKU-{pid}-{v}", rng.choice(["S", "M", "L"]), "", None, stock, v))
        status = "active" if rng.random() < 0.92 else rng.choice(["draft", "archived"])
        product_rows.append((pid, shop, f"p-{pid}", title, description, rng.choice(CATEGORIES),
                             " ".join(rng.sample(WORDS, 3)), "EUR", price, None, status, price, stock_total, now, now))
        photo_rows.append((pid, pid, 0, f"products/{pid}.webp", f"products/thumbs/{pid}.webp"))
    db.executemany(
        "INSERT INTO product (id, shop_id, slug, title, description, category, tags, currency, price_minor,"
        " compare_at_minor, status, min_price_minor, total_stock, created_at, updated_at)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)", product_rows)
    db.executemany(
        "INSERT INTO product_variant (id, product_id, shop_id, sku, size, colour, price_override_minor, stock, position)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", variant_rows)
    db.executemany(
        "INSERT INTO product_photo (id, product_id, position, file, thumb_file) VALUES (?, ?, ?, ?, ?)", photo_rows)
    db.commit()
    db.close()
    engine = make_engine(f"sqlite:///{path}")
    with engine.begin() as connection:
        install_search_index(connection)  # fills the index from the rows, then keeps it by triggers
    engine.dispose()


def percentile(samples: list[float], p: float) -> float:
    ordered = sorted(samples)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def timed(fn, runs: int) -> list[float]:
    out = []
    for i in range(runs):
        start = time.perf_counter()
        fn(i)
        out.append((time.perf_counter() - start) * 1000)
    return out


def report(name: str, service: list[float], floor: list[float] | None, target: float) -> None:
    p50, p95 = statistics.median(service), percentile(service, 95)
    line = f"{name:<28} p50 {p50:7.2f} ms  p95 {p95:7.2f} ms"
    if floor:
        f50, f95 = statistics.median(floor), percentile(floor, 95)
        line += f"   floor p50 {f50:6.2f}  p95 {f95:6.2f}   ratio p95 {p95 / max(f95, 1e-6):4.1f}x"
    line += f"   target p95 <= {target:g} ms: {'met' if p95 <= target else 'NOT met'}"
    print(line, flush=True)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--products", type=int, default=100_000)
    parser.add_argument("--runs", type=int, default=300)
    parser.add_argument("--dir", type=Path, default=Path("/tmp/socialshop-bench"))
    parser.add_argument("--rebuild", action="store_true")
    args = parser.parse_args()
    args.dir.mkdir(parents=True, exist_ok=True)
    path = args.dir / f"catalog-{args.products}.db"
    rng = random.Random(7)
    if args.rebuild or not path.exists():
        started = time.perf_counter()
        build(path, args.products, rng)
        print(f"built {args.products:,} products in {time.perf_counter() - started:.1f} s", flush=True)
    engine = make_engine(f"sqlite:///{path}")
    raw = sqlite3.connect(path)
    # A brand-like word and a product noun; then short prefixes, as typed into the navbar box.
    queries = [f"{rng.choice(LEXICON)} {rng.choice(NOUNS)}" for _ in range(args.runs)]
    queries += [rng.choice(LEXICON)[:4] for _ in range(args.runs)]
    slugs = [f"p-{rng.randint(1, args.products)}" for _ in range(args.runs)]
    print(f"\n{args.products:,} products, {args.runs} runs each\n")
    def floor_query(query: str) -> None:
        """The service's own statements, straight through sqlite3: match+rank, then the page's rows."""
        ids = [r[0] for r in raw.execute(
            "SELECT search_product.rowid FROM search_product JOIN product ON product.id = search_product.rowid "
            f"WHERE search_product MATCH ? AND product.status = 'active' "
            f"ORDER BY bm25(search_product, {search.PRODUCT_WEIGHTS}) LIMIT 48",
            (search.fts_query(search.words_of(query)),),
        ).fetchall()]
        if ids:
            marks = ",".join("?" * len(ids))
            raw.execute(f"SELECT * FROM product WHERE id IN ({marks})", ids).fetchall()
            raw.execute(f"SELECT * FROM product_photo WHERE product_id IN ({marks})", ids).fetchall()
            raw.execute(f"SELECT * FROM shop WHERE id IN (SELECT shop_id FROM product WHERE id IN ({marks}))",
                        ids).fetchall()

    with Session(engine) as session:
        for q in queries[:20]:
            search.search_products(session=session, query=q)  # warm caches

        def service_search(i: int) -> None:
            search.search_products(session=session, query=queries[i])

        def floor_search(i: int) -> None:
            floor_query(queries[i])

        report("search (two words)", timed(service_search, args.runs), timed(floor_search, args.runs), 50)

        def service_prefix(i: int) -> None:
            search.search_products(session=session, query=queries[args.runs + i])

        def floor_prefix(i: int) -> None:
            floor_query(queries[args.runs + i])

        report("search (prefix, one word)", timed(service_prefix, args.runs), timed(floor_prefix, args.runs), 50)

        def service_sheet(i: int) -> None:
            with contextlib.suppress(DomainError):  # a draft or archived product: refused, as in the app
                products.product_detail(session=session, viewer=None, slug=slugs[i])

        def floor_sheet(i: int) -> None:
            row = raw.execute("SELECT id, shop_id, category FROM product WHERE slug = ?", (slugs[i],)).fetchone()
            raw.execute("SELECT * FROM shop WHERE id = ?", (row[1],)).fetchall()
            raw.execute("SELECT * FROM product_variant WHERE product_id = ? ORDER BY position", (row[0],)).fetchall()
            raw.execute("SELECT * FROM product_photo WHERE product_id = ? ORDER BY position", (row[0],)).fetchall()
            raw.execute(
                "SELECT * FROM product WHERE category = ? AND id != ? AND status = 'active' AND total_stock > 0"
                " ORDER BY id DESC LIMIT 4", (row[2], row[0])).fetchall()

        report("product sheet data", timed(service_sheet, args.runs), timed(floor_sheet, args.runs), 10)
    engine.dispose()


if __name__ == "__main__":
    main()
