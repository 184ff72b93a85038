"""The demo world's catalog: a shop for each seller persona, about sixty products with variants
and photos, product tags on a share of the photo posts, wishlists, and a cart for the spotlight
persona. Same seed, same world.

Rows are written directly (like the social layer) so that they can carry past timestamps and
deterministic slugs and file names. What the services would keep consistent is kept here too:
every product has at least one variant, `products.refresh_rollups` sets its min price and total
stock, a post is only tagged by its author and only with active products.
"""

from __future__ import annotations

import functools
import math
import os
import random
import zlib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

from PIL import Image
from sqlmodel import Session, select

from socialshop.demo import scenes
from socialshop.demo.social_seed import _FAVOURITE_SHOPS, _SHOPPERS, SPOTLIGHT
from socialshop.models.accounts import User
from socialshop.models.catalog import Product, ProductPhoto, ProductStatus, ProductVariant, Shop, WishlistItem
from socialshop.models.commerce import CartItem, PostProductTag
from socialshop.models.social import Post, PostPhoto
from socialshop.services import media
from socialshop.services.catalog import products as catalog

TAGGED_SHARE = 0.4  # of the posts with photos
PHOTO_SIDE = 800  # product shots are shown smaller than post photos: drawn smaller, seeded faster
PER_SHOP = 15  # products per shop at scale 1.0

SIZES = ("S", "M", "L", "XL")


@dataclass(frozen=True)
class _Spec:
    title: str
    category: str
    tags: str
    price: int  # EUR cents
    description: str
    photos: tuple[tuple[str, str, str], ...]  # (scene, subject, colour) for each photo
    match: tuple[str, ...]  # words in a post photo's alt text that show this product
    sizes: tuple[str, ...] = ("",)
    colours: tuple[str, ...] = ("",)
    compare_at: int | None = None
    draft: bool = False
    sold_out: bool = False
    upcharge: dict[str, int] = field(default_factory=dict)  # size -> price override (cents)


@dataclass(frozen=True)
class _ShopSpec:
    owner: str
    handle: str
    name: str
    description: str
    sku_prefix: str
    products: tuple[_Spec, ...]


def _knit(title, price, item, colours, description, *, tags="knitwear wool", **extra) -> _Spec:
    """A garment on a peg: one photo per colour; with two colours, two size groups in each."""
    photos = tuple(("sweater", item, c) for c in colours[:2])
    sizes = SIZES if len(colours) == 1 else ("S/M", "L/XL")
    return _Spec(title, "apparel", tags, price, description, photos, (f"knit {item}",),
                 sizes=sizes, colours=tuple(c.title() for c in colours[:2]), **extra)


SHOPS: tuple[_ShopSpec, ...] = (
    _ShopSpec(
        "nordic_knits", "nordic_knits", "Nordic Knits",
        "Hand-finished knitwear from Bergen, in wool from Norwegian sheep. Small runs, made to last decades.",
        "NK",
        (
            _knit("Fjord Star Sweater", 14900, "sweater", ("oat", "cream"),
                  "Our bestseller: a crew-neck in soft lambswool with a Nordic star band across the yoke. "
                  "Relaxed fit; most people take their usual size.", tags="knitwear wool nordic sweater",
                  compare_at=17900),
            _knit("Bergen Cable Cardigan", 16900, "cardigan", ("rust", "mustard"),
                  "A deep-V cardigan with cable panels and horn buttons. Warm enough to replace a jacket "
                  "on autumn days.", tags="knitwear wool cardigan cable"),
            _knit("Lofoten Turtleneck", 13900, "turtleneck", ("charcoal", "forest green"),
                  "A fine-gauge merino turtleneck that sits flat under a coat. Machine washable on wool cycle.",
                  tags="knitwear merino turtleneck"),
            _knit("Harbour Stripe Sweater", 12900, "sweater", ("dusty blue",),
                  "Breton stripes, knitted in a lofty blend of wool and alpaca. Slightly cropped.",
                  tags="knitwear stripes sweater", upcharge={"XL": 13900}),
            _knit("Tindra Cropped Cardigan", 11900, "cardigan", ("burgundy", "cream"),
                  "A boxy, cropped cardigan in a chunky rib. Pairs with high-waisted everything.",
                  tags="knitwear cardigan chunky", compare_at=14900),
            _knit("Sami Roll-Neck", 15900, "turtleneck", ("oat",),
                  "A generous roll-neck with a ribbed hem, knitted slowly on vintage machines in Bergen.",
                  tags="knitwear wool rollneck", sold_out=True),
            _knit("Everyday Merino Crew", 9900, "sweater", ("charcoal", "forest green"),
                  "The sweater you reach for every morning: extra-fine merino, no itch, no fuss.",
                  tags="knitwear merino basics"),
            _Spec("Wool Rib Beanie", "accessories", "knitwear beanie hat wool", 3900,
                  "A double-layer rib beanie. One size, folds up or slouches down.",
                  (("studio", "knit", "cream"),), ("knit beanie",), colours=("Oat", "Rust", "Charcoal")),
            _Spec("Fisherman Scarf", "accessories", "knitwear scarf wool", 5900,
                  "A long fisherman-rib scarf, 190 cm of lofty wool. Wraps twice.",
                  (("studio", "knit", "sky"),), ("knit beanie", "knit throw"), colours=("Oat", "Dusty Blue")),
            _Spec("Cabin Knit Throw", "home", "knitwear throw blanket home", 18900,
                  "A heavy cable-knit throw, 130 x 170 cm. Made for sofas, reading and long winters.",
                  (("studio", "knit", "sand"), ("room", "living room", "oat")), ("knit throw",),
                  colours=("Oat", "Forest Green"), compare_at=21900),
            _Spec("Ragg Wool Socks (2-pack)", "accessories", "knitwear socks wool", 2900,
                  "Thick ragg-wool socks for boots and cabin floors. Reinforced heel and toe.",
                  (("studio", "knit", "sage"),), ("knit beanie",), sizes=("36-39", "40-43", "44-47")),
            _knit("Snow Star Children's Sweater", 7900, "sweater", ("cream",),
                  "The Fjord Star pattern in a small size, knitted in superwash wool for easy care.",
                  tags="knitwear kids sweater"),
            _Spec("Knitted Mittens", "accessories", "knitwear mittens wool", 4500,
                  "Star-pattern mittens, lined with brushed wool. One size fits most hands.",
                  (("studio", "knit", "blush"),), ("knit beanie",), colours=("Red", "Grey")),
            _knit("Alpaca Blend Cardigan", 17900, "cardigan", ("oat",),
                  "A long, featherlight cardigan in alpaca and wool. Our spring collection preview.",
                  tags="knitwear alpaca cardigan", draft=True),
            _knit("Mountain Hut Sweater", 15500, "sweater", ("mustard", "rust"),
                  "A heavy crew with a diamond band, knitted tight to keep out wind on the fjord.",
                  tags="knitwear wool sweater outdoors"),
        ),
    ),
    _ShopSpec(
        "clay_and_co", "clay_and_co", "Clay & Co",
        "Stoneware thrown and glazed by hand in small batches. Food-safe, dishwasher-friendly, a little imperfect.",
        "CC",
        (
            _Spec("Speckled Morning Mug", "kitchen", "ceramics mug stoneware coffee", 3200,
                  "A 350 ml mug with a comfortable handle and a speckled white glaze over toasted clay.",
                  (("ceramic", "mug", "speckled white"), ("studio", "mug", "cream")), ("stoneware mug", "a stoneware mug"),
                  colours=("Speckled White", "Celadon", "Tenmoku")),
            _Spec("Celadon Tea Cup", "kitchen", "ceramics tea cup", 2400,
                  "A handle-less cup for tea or espresso, glazed in a soft jade celadon.",
                  (("ceramic", "mug", "celadon"),), ("stoneware mug",), colours=("Celadon", "Ash")),
            _Spec("Ocean Bud Vase", "ceramics", "ceramics vase stoneware", 4800,
                  "A small bud vase in a deep ocean blue that pools to near-black at the rim.",
                  (("ceramic", "vase", "ocean blue"),), ("stoneware vase",)),
            _Spec("Tall Tenmoku Vase", "ceramics", "ceramics vase tenmoku", 8900,
                  "A tall vase in iron-rich tenmoku, glossy and warm. 28 cm; holds dried stems beautifully.",
                  (("ceramic", "vase", "tenmoku"),), ("stoneware vase",), compare_at=10500),
            _Spec("Blush Ripple Vase", "ceramics", "ceramics vase blush", 6400,
                  "Thrown with ripples you can feel, glazed in a pale blush.",
                  (("ceramic", "vase", "blush"),), ("stoneware vase",)),
            _Spec("Everyday Cereal Bowl", "kitchen", "ceramics bowl stoneware", 2800,
                  "The bowl for porridge, ramen and everything between. 16 cm, stacks neatly.",
                  (("ceramic", "bowl", "sage"),), ("stoneware bowl",), colours=("Sage", "Speckled White", "Ash")),
            _Spec("Large Serving Bowl", "kitchen", "ceramics bowl serving", 7400,
                  "A wide serving bowl for salads and shared dinners. 30 cm across.",
                  (("ceramic", "bowl", "celadon"),), ("stoneware bowl", "cast iron skillet")),
            _Spec("Nesting Bowl Set", "kitchen", "ceramics bowl set", 9800,
                  "Three bowls that nest: 12, 16 and 20 cm, in three complementary glazes.",
                  (("ceramic", "bowl", "ash"),), ("stoneware bowl",), compare_at=11900, sold_out=True),
            _Spec("Stoneware Planter", "plants", "ceramics planter plants", 4200,
                  "A planter with a drainage hole and matching saucer, glazed inside and out.",
                  (("ceramic", "planter", "sage"), ("plant", "pothos", "sage")), ("pot by a sunny window",),
                  sizes=("12 cm", "16 cm", "20 cm"), upcharge={"16 cm": 5200, "20 cm": 6800}),
            _Spec("Terracotta Planter", "plants", "planter terracotta plants", 2600,
                  "Unglazed terracotta that breathes: the happiest home for succulents and snake plants.",
                  (("plant", "snake plant", "terracotta"),), ("pot by a sunny window",), sizes=("14 cm", "18 cm")),
            _Spec("Ash Glaze Dinner Plate", "kitchen", "ceramics plate dinner", 3400,
                  "A 27 cm dinner plate with a satin ash glaze and a raw clay rim.",
                  (("ceramic", "bowl", "ash"),), ("cast iron skillet",), colours=("Ash", "Speckled White")),
            _Spec("Pour-Over Coffee Dripper", "kitchen", "ceramics coffee pourover", 3900,
                  "A ceramic dripper that holds heat for an even brew. Fits standard #2 filters.",
                  (("ceramic", "mug", "tenmoku"),), ("stoneware mug", "a latte")),
            _Spec("Sage Jug", "ceramics", "ceramics jug", 5600,
                  "A 1 litre jug for water, milk or a fistful of tulips.",
                  (("ceramic", "vase", "sage"),), ("stoneware vase",)),
            _Spec("Mug & Saucer Gift Set", "kitchen", "ceramics gift mug", 5400,
                  "Two Morning Mugs in a gift box, ready to give.",
                  (("studio", "gift", "terracotta"),), ("stoneware mug", "wrapped gift"), compare_at=6400),
            _Spec("Wood-Fired Moon Jar", "ceramics", "ceramics vase woodfired", 24000,
                  "A one-off moon jar from our spring wood firing. Ash flashing makes every one unique.",
                  (("ceramic", "vase", "ash"),), ("stoneware vase",), draft=True),
        ),
    ),
    _ShopSpec(
        "sunpeak_outdoor", "sunpeak_outdoor", "Sunpeak Outdoor",
        "Trail running and hiking gear we test on real mountains before it goes in the shop.",
        "SP",
        (
            _Spec("Ridge Running Cap", "outdoor", "running cap trail", 2900,
                  "A featherweight five-panel cap with a sweat-wicking band. Packs into a pocket.",
                  (("studio", "cap", "sky"), ("mountains", "sunset run", "golden hour")), ("running cap", "trail runner"),
                  colours=("Rust", "Navy", "Sage")),
            _Spec("Soft Flask 500 ml", "outdoor", "running hydration flask", 2400,
                  "A collapsible soft flask that fits every vest pocket and doesn't slosh.",
                  (("studio", "bottle", "sky"),), ("water bottle", "trail runner")),
            _Spec("Insulated Trail Bottle 750 ml", "outdoor", "bottle insulated hiking", 3900,
                  "Double-walled steel: cold for 24 hours, hot for 12. Loop lid clips to a pack.",
                  (("studio", "bottle", "sage"),), ("water bottle",), colours=("Sage", "Sand", "Charcoal"),
                  compare_at=4500),
            _Spec("Filter Bottle", "outdoor", "bottle filter hiking", 4900,
                  "Drink from any stream: a hollow-fibre filter good for 1,500 litres.",
                  (("studio", "bottle", "cream"),), ("water bottle",)),
            _Spec("Summit GPS Watch", "outdoor", "gps watch running", 34900,
                  "Multi-band GPS, maps and 40 hours of battery in trail mode. Tested on 100 km weekends.",
                  (("studio", "watch", "lilac"), ("mountains", "sunset run", "blue hour")), ("a watch", "trail runner"),
                  colours=("Black", "Slate"), compare_at=39900),
            _Spec("Altimeter Watch", "outdoor", "watch altimeter hiking", 18900,
                  "Barometric altimeter, compass and storm alarm, no charging for a year.",
                  (("studio", "watch", "sand"),), ("a watch",)),
            _Spec("Polarised Trail Sunglasses", "outdoor", "sunglasses running polarised", 8900,
                  "Wraparound polarised lenses that don't bounce or fog on a climb.",
                  (("studio", "sunglasses", "sky"),), ("sunglasses", "trail runner"), colours=("Black", "Tortoise")),
            _Spec("Glacier Sunglasses", "outdoor", "sunglasses mountain glacier", 11900,
                  "Category 4 lenses with side shields for snow and high altitude.",
                  (("studio", "sunglasses", "cream"),), ("sunglasses",)),
            _Spec("Energy Gels (12-pack)", "outdoor", "nutrition gels running", 2800,
                  "Twelve gels in three flavours, 25 g carbs each. Easy on the stomach.",
                  (("studio", "gels", "sand"),), ("energy gels",), colours=("Mixed", "Citrus", "Berry")),
            _Spec("Electrolyte Chews", "outdoor", "nutrition electrolytes", 1400,
                  "Salty-sweet chews for long, hot days. Ten chews per pack.",
                  (("studio", "gels", "blush"),), ("energy gels",)),
            _Spec("Merino Trail Beanie", "outdoor", "beanie merino running", 3400,
                  "A thin merino beanie for early starts. Fits under a hood.",
                  (("studio", "knit", "lilac"),), ("knit beanie",), colours=("Charcoal", "Forest Green")),
            _Spec("Trail Starter Kit", "outdoor", "running kit bundle gift", 9900,
                  "Our favourite cap, a soft flask, gels and a route notebook: everything for your first trail race.",
                  (("flatlay", "trail kit", "linen"),), ("flat-lay of", "trail runner"), compare_at=11600),
            _Spec("Headlamp 400", "outdoor", "headlamp night running", 5900,
                  "400 lumens, red mode and a bounce-free strap for winter mornings.",
                  (("studio", "watch", "sky"),), ("trail runner",)),
            _Spec("Technical Running Tee", "apparel", "running tee apparel", 3900,
                  "A recycled, quick-drying tee that doesn't smell after day two.",
                  (("mountains", "sunset run", "pink dusk"),), ("trail runner",), sizes=SIZES,
                  colours=("Ember",)),
            _Spec("Trail Gaiters", "outdoor", "gaiters running", 3200,
                  "Low gaiters that keep grit out of your shoes. Coming in spring.",
                  (("studio", "cap", "sand"),), ("trail runner",), draft=True),
        ),
    ),
    _ShopSpec(
        "glow_botanics", "glow_botanics", "Glow Botanics",
        "Plant-based skincare mixed in small batches. Short ingredient lists, nothing you need to google.",
        "GB",
        (
            _Spec("Rosehip Face Oil", "beauty", "skincare faceoil rosehip", 3400,
                  "Cold-pressed rosehip and sea buckthorn for tired, dry skin. Three drops at night.",
                  (("shelf", "face oil", "amber"),), ("face oil",), sizes=("15 ml", "30 ml"), upcharge={"30 ml": 5400}),
            _Spec("Vitamin C Brightening Serum", "beauty", "skincare serum vitaminc", 3900,
                  "A stable vitamin C serum for dull mornings, with ferulic acid and aloe.",
                  (("shelf", "serum", "amber"),), ("serum",), compare_at=4600),
            _Spec("Hyaluronic Hydra Serum", "beauty", "skincare serum hydration", 2900,
                  "Three weights of hyaluronic acid: plump, bouncy, never sticky.",
                  (("shelf", "serum", "frosted"),), ("serum",)),
            _Spec("Gentle Oat Cleanser", "beauty", "skincare cleanser oat", 2200,
                  "A low-foam gel cleanser with colloidal oat. Safe for sensitive skin and eyes.",
                  (("shelf", "cleanser", "frosted"),), ("cleanser",), sizes=("150 ml", "300 ml"),
                  upcharge={"300 ml": 3600}),
            _Spec("Green Tea Cleansing Balm", "beauty", "skincare cleanser balm", 2600,
                  "Melts off sunscreen and makeup, rinses clean. Smells of green tea.",
                  (("shelf", "cleanser", "sage green"),), ("cleanser",)),
            _Spec("Barrier Night Cream", "beauty", "skincare moisturiser night", 3600,
                  "Ceramides and squalane for skin that wakes up calm.",
                  (("shelf", "night cream", "black"),), ("night cream",)),
            _Spec("Daily Mineral Sunscreen SPF 50", "beauty", "skincare spf sunscreen", 2400,
                  "A zinc sunscreen with no white cast. Wear it every day, even in Bergen.",
                  (("shelf", "sunscreen", "frosted"),), ("sunscreen",)),
            _Spec("Rose Water Toner", "beauty", "skincare toner rose", 1900,
                  "Steam-distilled rose water with a touch of glycerin. Mist or swipe.",
                  (("shelf", "toner", "rose"),), ("toner",), compare_at=2400),
            _Spec("Tinted Lip Balm", "beauty", "lips balm tinted", 1400,
                  "Shea and castor oil with a sheer tint.",
                  (("studio", "lipstick", "blush"),), ("a lipstick",), colours=("Rose", "Berry", "Nude")),
            _Spec("Solid Perfume: Fig & Cedar", "beauty", "perfume solid fig", 3200,
                  "A solid perfume in a refillable tin: fig leaf, cedar and a little vanilla.",
                  (("studio", "perfume", "sand"),), ("perfume bottle",)),
            _Spec("Soy Candle: Eucalyptus", "home", "candle eucalyptus home", 2800,
                  "A 40-hour soy candle that smells like a spa on a cold day.",
                  (("studio", "candle", "sage"),), ("a candle",)),
            _Spec("Three-Step Routine Set", "beauty", "skincare set gift routine", 7900,
                  "Cleanser, serum and night cream in travel sizes: the whole routine in one box.",
                  (("studio", "gift", "blush"), ("shelf", "serum", "rose")), ("wrapped gift", "serum", "night cream"),
                  compare_at=9400),
            _Spec("Calming Serum", "beauty", "skincare serum calming", 3200,
                  "Centella and niacinamide for red, reactive skin.",
                  (("shelf", "serum", "sage green"),), ("serum",)),
            _Spec("Overnight Lip Mask", "beauty", "lips mask", 1800,
                  "A thick balm for overnight repair.",
                  (("studio", "lipstick", "lilac"),), ("a lipstick",)),
            _Spec("Bakuchiol Night Oil", "beauty", "skincare faceoil retinol-alternative", 4200,
                  "A gentle retinol alternative in a light oil. Launching next month.",
                  (("shelf", "face oil", "black"),), ("face oil",), draft=True),
        ),
    ),
)

# Where the product usually sits in a post photo of each scene (thousandths of width, height),
# found from the photo's alt text: (words in the alt text, x range, y range).
_POINTS = (
    ("hanging on a peg", (450, 550), (400, 560)),
    ("glazed stoneware", (400, 560), (700, 820)),
    ("other skincare", (200, 800), (580, 700)),
    ("trail runner", (300, 700), (560, 780)),
    ("by a sunny window", (430, 570), (780, 880)),
    ("living room", (380, 640), (580, 700)),
    ("flat-lay", (150, 850), (150, 850)),
    ("cast iron skillet", (350, 600), (350, 600)),
)


@dataclass
class _Planned:
    spec: _Spec
    shop: _ShopSpec
    row: Product | None = None
    variants: list[ProductVariant] = field(default_factory=list)


def planned_products(scale: float = 1.0) -> list[tuple[_ShopSpec, _Spec]]:
    """Which products a world of this scale has: the first few of each shop when small."""
    count = max(5, min(PER_SHOP, round(PER_SHOP * scale)))
    return [(shop, spec) for shop in SHOPS for spec in shop.products[:count]]


@functools.lru_cache(maxsize=256)
def _rendered(motif: scenes.Motif, art_seed: int) -> tuple[bytes, bytes]:
    """A product shot encoded as an upload would be (full size and thumbnail). Kept in memory so a
    process that seeds more than once (the tests) draws each photo once."""
    image, _alt = scenes.paint(motif, art_seed, size=PHOTO_SIDE)
    side = media.THUMBNAIL.max_side
    small = image.resize((side, side * image.height // image.width), Image.Resampling.BOX)
    return media.render_variant(image, media.PHOTO), media.render_variant(small, media.THUMBNAIL)


def _stock(rng: random.Random, sold_out: bool) -> int:
    if sold_out:
        return 0
    roll = rng.random()
    if roll < 0.07:
        return 0
    if roll < 0.2:
        return rng.randint(1, 3)
    return rng.randint(6, 48)


def seed_catalog(
    *, session: Session, users: list[User], uploads_dir: Path, seed: int, now: datetime, scale: float = 1.0
) -> None:
    """Seed shops, products, tags on posts, wishlists and a cart, after the social layer."""
    rng = random.Random(f"catalog:{seed}")
    people = {user.username: user for user in users}
    planned = _insert_products(session, rng, people, now, scale)
    _write_photos(session, planned, uploads_dir, seed)
    active = [p for p in planned if p.row.status == ProductStatus.ACTIVE.value]
    _tag_posts(session, rng, people, active)
    _add_wishlists(session, rng, people, active, now)
    _fill_cart(session, people, active, now)
    session.flush()


def _insert_products(
    session: Session, rng: random.Random, people: dict[str, User], now: datetime, scale: float
) -> list[_Planned]:
    shops: dict[str, Shop] = {}
    for spec in SHOPS:
        owner = people[spec.owner]
        opened = owner.created_at + timedelta(days=rng.uniform(0.5, 5))
        shops[spec.owner] = Shop(owner_id=owner.id, handle=spec.handle, name=spec.name,
                                 description=spec.description, created_at=opened)
        session.add(shops[spec.owner])
        owner.is_seller = True
        session.add(owner)
    session.flush()
    planned: list[_Planned] = []
    for shop_spec, spec in planned_products(scale):
        shop = shops[shop_spec.owner]
        created = now - timedelta(days=rng.uniform(25, 120), minutes=rng.randrange(1440))
        product = Product(
            shop_id=shop.id, slug=catalog.slugify(spec.title), title=spec.title, description=spec.description,
            category=spec.category, tags=catalog.normalize_tags(spec.tags), currency="EUR",
            price_minor=spec.price, compare_at_minor=spec.compare_at,
            status=(ProductStatus.DRAFT if spec.draft else ProductStatus.ACTIVE).value,
            created_at=created, updated_at=created + timedelta(days=rng.uniform(0, 20)),
        )
        session.add(product)
        planned.append(_Planned(spec, shop_spec, product))
    session.flush()
    for number, item in enumerate(planned, start=1):
        spec = item.spec
        combos = [(size, colour) for colour in spec.colours for size in spec.sizes][:4]
        for position, (size, colour) in enumerate(combos):
            parts = [p.upper().replace(" ", "") for p in (size, colour[:3]) if p]
            variant = ProductVariant(
                product_id=item.row.id, shop_id=item.row.shop_id,
                sku="-".join([f"{item.shop.sku_prefix}{number:03d}", *parts]),
                size=size, colour=colour, price_override_minor=spec.upcharge.get(size),
                stock=_stock(rng, spec.sold_out), position=position,
            )
            item.variants.append(variant)
        if not spec.sold_out and all(v.stock == 0 for v in item.variants):
            item.variants[0].stock = rng.randint(1, 3)  # only the products meant to be sold out are
        session.add_all(item.variants)
    session.flush()
    for item in planned:
        catalog.refresh_rollups(session, item.row)
    session.flush()
    return planned


def _write_photos(session: Session, planned: list[_Planned], uploads_dir: Path, seed: int) -> None:
    """Draw every product shot (in parallel, as the post photos are) under deterministic names."""
    jobs = [(item, index, scenes.Motif(*photo), zlib.crc32(f"{seed}|{item.row.slug}|{index}".encode()))
            for item in planned for index, photo in enumerate(item.spec.photos)]
    workers = max(1, min(4, os.cpu_count() or 1))
    with ThreadPoolExecutor(max_workers=workers) as pool:
        encoded = list(pool.map(lambda job: _rendered(job[2], job[3]), jobs))
    (uploads_dir / "products" / "thumbs").mkdir(parents=True, exist_ok=True)
    for (item, index, _, _), (full, thumb) in zip(jobs, encoded, strict=True):
        name = f"demo-{item.row.slug}-{index + 1}.webp"
        (uploads_dir / "products" / name).write_bytes(full)
        (uploads_dir / "products" / "thumbs" / name).write_bytes(thumb)
        session.add(ProductPhoto(product_id=item.row.id, position=index, file=f"products/{name}",
                                 thumb_file=f"products/thumbs/{name}"))


def _candidates(alt: str, products: list[_Planned], rng: random.Random) -> list[_Planned]:
    """Products this photo plausibly shows, best match first (a named colour counts extra)."""
    alt = alt.lower()
    scored = []
    for item in products:
        hits = sum(word in alt for word in item.spec.match)
        if hits:
            colours = [c.lower() for c in item.spec.colours if c] + [photo[2] for photo in item.spec.photos]
            hits += any(c in alt for c in colours)
            scored.append((-hits, rng.random(), item))
    return [item for _, _, item in sorted(scored, key=lambda t: t[:2])]


PIN_SPACING = 120  # thousandths of the photo: two hotspots closer than this sit on top of each other


def _point(rng: random.Random, alt: str, taken: list[tuple[int, int]] = ()) -> tuple[int, int]:
    """Where on the photo the product is, away from the pins already on it."""
    (x0, x1), (y0, y1) = next(
        ((xs, ys) for words, xs, ys in _POINTS if words in alt), ((350, 650), (350, 650))
    )
    for attempt in range(40):
        if attempt == 20:  # the product's region is crowded: anywhere in the middle of the photo
            (x0, x1), (y0, y1) = (150, 850), (150, 850)
        x, y = rng.randint(x0, x1), rng.randint(y0, y1)
        if all(math.dist((x, y), other) >= PIN_SPACING for other in taken):
            break
    return x, y


def _tag_posts(session: Session, rng: random.Random, people: dict[str, User], active: list[_Planned]) -> None:
    """Tag about 40% of the photo posts: sellers their own products, shoppers anyone's."""
    names = {user.id: name for name, user in people.items()}
    posts = session.exec(select(Post).where(Post.photo_count > 0).order_by(Post.id)).all()
    alts = {photo.post_id: photo.alt for photo in session.exec(
        select(PostPhoto).where(PostPhoto.position == 0).order_by(PostPhoto.post_id)).all()}
    by_seller = {owner: [p for p in active if p.shop.owner == owner] for owner in (s.owner for s in SHOPS)}
    options: dict[str, list[tuple[Post, list[_Planned]]]] = {"seller": [], "shopper": []}
    for post in posts:
        author = names.get(post.author_id, "")
        if author in by_seller:
            found = _candidates(alts.get(post.id, ""), by_seller[author], rng)
            if found:
                options["seller"].append((post, found))
        elif author in _SHOPPERS:
            found = _candidates(alts.get(post.id, ""), active, rng)
            if found:
                options["shopper"].append((post, found))
    wanted = round(TAGGED_SHARE * len(posts))
    from_shoppers = min(len(options["shopper"]), round(wanted * 0.4))
    chosen = rng.sample(options["shopper"], from_shoppers)
    chosen += rng.sample(options["seller"], min(len(options["seller"]), wanted - from_shoppers))
    if len(chosen) < wanted:  # not enough sellers' posts: more shoppers' then
        rest = [o for o in options["shopper"] if o not in chosen]
        chosen += rng.sample(rest, min(len(rest), wanted - len(chosen)))
    for post, found in sorted(chosen, key=lambda o: o[0].id):
        alt = alts.get(post.id, "").lower()
        count = rng.choices((1, 2, 3), weights=(6, 3, 1))[0]
        taken: list[tuple[int, int]] = []
        for item in found[:count]:
            x, y = _point(rng, alt, taken)
            taken.append((x, y))
            session.add(PostProductTag(
                post_id=post.id, photo_position=0, product_id=item.row.id, x=x, y=y,
                tagged_by_id=post.author_id, created_at=post.created_at + timedelta(minutes=rng.uniform(1, 30)),
            ))


def _add_wishlists(
    session: Session, rng: random.Random, people: dict[str, User], active: list[_Planned], now: datetime
) -> None:
    """Shoppers save things from the shops they like; a few favourites are saved by several
    friends, so "N people you follow saved this" has something to say."""
    saved: set[tuple[str, int]] = set()
    popular = rng.sample(active, min(4, len(active)))
    for name in _SHOPPERS:
        liked = [p for p in active if p.shop.owner in _FAVOURITE_SHOPS[name][:2]]
        picks = rng.sample(liked, min(len(liked), rng.randint(2, 4)))
        picks += [p for p in popular if rng.random() < 0.6]
        for item in picks:
            if (name, item.row.id) not in saved:
                saved.add((name, item.row.id))
                session.add(WishlistItem(user_id=people[name].id, product_id=item.row.id,
                                         created_at=now - timedelta(hours=rng.uniform(2, 400))))


def _fill_cart(session: Session, people: dict[str, User], active: list[_Planned], now: datetime) -> None:
    """Two lines in the spotlight persona's cart: a sweater and a mug, as she would have picked."""
    user = people.get(SPOTLIGHT)
    if user is None:
        return
    lines = []
    for owner, quantity in (("nordic_knits", 1), ("clay_and_co", 2)):
        item = next((p for p in active if p.shop.owner == owner and p.row.total_stock >= quantity + 1), None)
        variant = next((v for v in (item.variants if item else []) if v.stock > quantity), None)
        if variant is not None:
            lines.append((item, variant, quantity))
    for hours, (item, variant, quantity) in enumerate(lines, start=3):
        session.add(CartItem(user_id=user.id, variant_id=variant.id, quantity=quantity,
                             seen_unit_price_minor=catalog.variant_price(item.row, variant),
                             seen_currency=item.row.currency, added_at=now - timedelta(hours=hours)))

