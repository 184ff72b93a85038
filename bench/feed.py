"""Feed benchmark: p50/p95 of the Following and For You feeds at 10k, 100k and 1M posts, each next
to its "floor" (the very SQL the service issued, replayed straight through sqlite3), and whether
the targets from the product issue are met.

    .venv/bin/python -m bench.feed                          # 10k, 100k and 1M posts
    .venv/bin/python -m bench.feed --sizes 10000,100000 --runs 100 --explain
    .venv/bin/python -m bench.feed --try NAME              # the code as it is vs a proposed change

Databases are built once into --dir (see bench/feed_world.py) and reused; --rebuild forces it.
"""

from __future__ import annotations

import argparse
import gc
import math
import os
import platform
import random
import sqlite3
import sys
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import sqlalchemy
from sqlalchemy import event
from sqlalchemy.engine import Engine
from sqlmodel import Session

from bench.feed_candidates import Patch
from bench.feed_world import BuiltWorld, WorldShape, ensure_world
from socialshop.db import make_engine
from socialshop.models.accounts import User
from socialshop.schemas.social import FeedPage
from socialshop.services.social import feeds

DEFAULT_SIZES = (10_000, 100_000, 1_000_000)
DEFAULT_DIR = Path("/tmp/socialshop-bench")
PAGE_SIZE = 10
WARMUP_VIEWERS = 10
AS_IS, PROPOSED = "as is", "proposed"
# Targets from the product issue.
FIRST_PAGE_P95_MS = 20.0
TARGET_SIZE = 1_000_000
MAX_GROWTH = 2.0
MAX_FLOOR_RATIO = 1.5


@dataclass(frozen=True)
class Scenario:
    name: str
    feed_name: str  # looked up on `feeds` at call time, so a patched version is the one measured
    pages_before: int  # pages followed (untimed) before the timed one
    first_page: bool

    def call(self, session: Session, viewer: User, cursor: str | None) -> FeedPage:
        feed: Callable[..., FeedPage] = getattr(feeds, self.feed_name)
        return feed(session=session, viewer=viewer, cursor=cursor, limit=PAGE_SIZE)


SCENARIOS = (
    Scenario("following p1", "following_feed", 0, True),
    Scenario("following p11", "following_feed", 10, False),
    Scenario("for-you p1", "for_you_feed", 0, True),
    Scenario("for-you p5", "for_you_feed", 4, False),
)

Statement = tuple[str, tuple[Any, ...]]


@dataclass
class Sample:
    viewer_id: int
    service_ms: float
    floor_ms: float
    statements: list[Statement]
    statement_ms: list[float]


@dataclass
class Result:
    posts: int
    scenario: Scenario
    variant: str = AS_IS
    samples: list[Sample] = field(default_factory=list)
    skipped: int = 0  # viewers whose feed ran out before the page to time

    def service(self, q: float) -> float:
        return percentile([s.service_ms for s in self.samples], q)

    def floor(self, q: float) -> float:
        return percentile([s.floor_ms for s in self.samples], q)

    def extra(self, q: float) -> float:
        """Time the service adds to its own SQL (per viewer: service - floor), the part Python costs."""
        return percentile([s.service_ms - s.floor_ms for s in self.samples], q)

    @property
    def ratio(self) -> float:
        return self.service(0.5) / self.floor(0.5)


def percentile(values: list[float], q: float) -> float:
    """Nearest-rank percentile (p95 of 200 runs is the 190th fastest)."""
    if not values:
        return math.nan
    ordered = sorted(values)
    return ordered[max(0, math.ceil(q * len(ordered)) - 1)]


class StatementLog:
    """Records what an engine sends to the driver, with the driver-level parameters, while capturing.

    It listens on its own engine, so the engine being timed carries no listener at all.
    """

    def __init__(self, engine: Engine) -> None:
        self.statements: list[Statement] | None = None
        event.listen(engine, "before_cursor_execute", self._record)

    def _record(self, _conn, _cursor, statement, parameters, _context, _executemany) -> None:
        if self.statements is not None:
            self.statements.append((statement, tuple(parameters or ())))

    @contextmanager
    def capturing(self) -> Iterator[list[Statement]]:
        self.statements = captured = []
        try:
            yield captured
        finally:
            self.statements = None


class FeedBench:
    """One database: a timed engine, a capturing engine and a raw sqlite3 connection for the floor."""

    def __init__(self, world: BuiltWorld, *, repeat: int = 1, patch: Patch | None = None) -> None:
        self.world = world
        self.repeat = repeat
        self.patch = patch
        _read_through(world.path)
        self.engine = make_engine(world.url)
        self.capture_engine = make_engine(world.url)
        self.log = StatementLog(self.capture_engine)
        self.raw = sqlite3.connect(world.path, check_same_thread=False)

    @property
    def variants(self) -> list[str]:
        return [AS_IS, PROPOSED] if self.patch else [AS_IS]

    def close(self) -> None:
        self.raw.close()
        self.engine.dispose()
        self.capture_engine.dispose()

    @contextmanager
    def variant(self, name: str) -> Iterator[None]:
        if self.patch is None or name == AS_IS:
            yield
            return
        self.patch.on()
        try:
            yield
        finally:
            self.patch.off()

    def cursor_for(self, scenario: Scenario, viewer_id: int) -> tuple[bool, str | None]:
        """Follow the feed (as it is) `pages_before` pages in; False when it ends sooner."""
        cursor = None
        for _ in range(scenario.pages_before):
            with Session(self.engine, expire_on_commit=False) as session:
                cursor = scenario.call(session, session.get(User, viewer_id), cursor).next_cursor
            if not cursor:
                return False, None
        return True, cursor

    def sample(self, scenario: Scenario, viewer_id: int, cursor: str | None) -> Sample:
        """Time the call, then capture its statements and time them raw; the fastest of --repeat tries each.

        One try is not a fair comparison here: the kernel reclaims file pages it has not used lately
        (the 1M-post file is larger than what it keeps cached), so the service, timed first, reads from
        disk what its floor then finds in memory. From the second try on, both run with the viewer's
        pages in memory (and in their own connection's SQLite cache), and noise from other work on the
        machine is filtered out as well."""
        service_ms = math.inf
        for _ in range(self.repeat):
            with Session(self.engine, expire_on_commit=False) as session:
                viewer = session.get(User, viewer_id)
                # Collect now, so the bench's own garbage is not collected inside a timed call.
                gc.collect()
                started = time.perf_counter()
                scenario.call(session, viewer, cursor)
                service_ms = min(service_ms, (time.perf_counter() - started) * 1000)
        # The same call again on the capturing engine gives the statements and their parameters.
        with Session(self.capture_engine, expire_on_commit=False) as session:
            viewer = session.get(User, viewer_id)
            with self.log.capturing() as statements:
                scenario.call(session, viewer, cursor)
        statement_ms = [math.inf] * len(statements)
        for _ in range(self.repeat):
            gc.collect()
            for index, (sql, params) in enumerate(statements):
                started = time.perf_counter()
                self.raw.execute(sql, params).fetchall()
                statement_ms[index] = min(statement_ms[index], (time.perf_counter() - started) * 1000)
        return Sample(viewer_id, service_ms, sum(statement_ms), statements, statement_ms)

    def warm(self, viewers: list[int]) -> None:
        for scenario in SCENARIOS:
            for viewer_id in viewers:
                ok, cursor = self.cursor_for(scenario, viewer_id)
                for name in self.variants if ok else ():
                    with self.variant(name):
                        self.sample(scenario, viewer_id, cursor)

    def measure(self, scenario: Scenario, runs: int, seed: int) -> list[Result]:
        """`runs` viewers; with a patch, each viewer is timed as is and proposed back to back, in a
        random order, so both variants see the same machine (a busy neighbour moves both)."""
        # The same seed gives the same viewers at every size, so sizes are compared like for like.
        viewers = random.Random(f"{seed}:{scenario.name}")
        order = random.Random(f"{seed}:{scenario.name}:order")
        results = {name: Result(self.world.shape.posts, scenario, name) for name in self.variants}
        # Earlier samples are kept for the report; frozen, they cost the collector nothing.
        gc.collect()
        gc.freeze()
        measured = attempts = 0
        while measured < runs and attempts < runs * 5:
            attempts += 1
            viewer_id = viewers.randint(1, self.world.shape.users)
            ok, cursor = self.cursor_for(scenario, viewer_id)
            if not ok:
                for result in results.values():
                    result.skipped += 1
                continue
            for name in order.sample(self.variants, len(self.variants)):
                with self.variant(name):
                    results[name].samples.append(self.sample(scenario, viewer_id, cursor))
            measured += 1
        return list(results.values())


def _read_through(path: Path) -> None:
    """Read the file once so it sits in the OS page cache: a freshly built or long unused file may
    not, and the first viewers would then time the disk instead of the queries."""
    with path.open("rb") as handle:
        while handle.read(1 << 20):
            pass


def explain(raw: sqlite3.Connection, sample: Sample, out) -> None:
    """The sample's statements, slowest first, each with its raw time and EXPLAIN QUERY PLAN."""
    for (sql, params), ms in sorted(zip(sample.statements, sample.statement_ms, strict=True), key=lambda p: -p[1]):
        flat = " ".join(sql.split())
        print(f"      {ms:7.2f} ms  {flat[:300]}{' ...' if len(flat) > 300 else ''}", file=out)
        print(f"                 params {params[:12]}{' ...' if len(params) > 12 else ''}", file=out)
        depth: dict[int, int] = {0: 0}
        for node, parent, _, detail in raw.execute(f"EXPLAIN QUERY PLAN {sql}", params):
            depth[node] = depth.get(parent, 0) + 1
            print(f"               {'  ' * depth[node]}{detail}", file=out)


def print_table(results: list[Result], out) -> None:
    variants = len({r.variant for r in results}) > 1
    head = f"{'variant':<9} " if variants else ""
    print(f"\n{'posts':>10}  {head}{'scenario':<14} {'p50':>7} {'p95':>7} {'floor p50':>10} {'floor p95':>10} "
          f"{'ratio':>6} {'extra p50':>10} {'extra p95':>10} {'runs':>5} {'skipped':>7}", file=out)
    for r in results:
        label = f"{r.variant:<9} " if variants else ""
        print(f"{r.posts:>10,}  {label}{r.scenario.name:<14} {r.service(0.5):7.2f} {r.service(0.95):7.2f} "
              f"{r.floor(0.5):10.2f} {r.floor(0.95):10.2f} {r.ratio:5.1f}x {r.extra(0.5):10.2f} {r.extra(0.95):10.2f} "
              f"{len(r.samples):5} {r.skipped:7}", file=out)
    print("  (ms; ratio = service p50 / floor p50; extra = service - floor per viewer, i.e. what Python adds;\n"
          "   skipped = viewers whose feed ended before that page)", file=out)


def print_targets(results: list[Result], variant: str, out) -> bool:
    results = [r for r in results if r.variant == variant and r.samples]
    by_key = {(r.posts, r.scenario.name): r for r in results}
    sizes = sorted({r.posts for r in results})
    if not sizes:
        return False
    smallest, largest = sizes[0], sizes[-1]
    all_met = True

    def verdict(ok: bool) -> str:
        nonlocal all_met
        all_met &= ok
        return "met" if ok else "MISSED"

    print(f"\ntargets, {variant}", file=out)
    if largest != TARGET_SIZE:
        print(f"  (the p95 target is for {TARGET_SIZE:,} posts; checked at {largest:,})", file=out)
    for scenario in SCENARIOS:
        r = by_key.get((largest, scenario.name))
        if scenario.first_page and r:
            p95 = r.service(0.95)
            print(f"  {scenario.name:<14} p95 {p95:7.2f} ms at {largest:,} posts (<= {FIRST_PAGE_P95_MS:g} ms): "
                  f"{verdict(p95 <= FIRST_PAGE_P95_MS)}", file=out)
    if len(sizes) > 1:
        for scenario in SCENARIOS:
            low, high = by_key.get((smallest, scenario.name)), by_key.get((largest, scenario.name))
            if low and high:
                growth = high.service(0.95) / low.service(0.95)
                print(f"  {scenario.name:<14} p95 growth {low.service(0.95):.2f} -> {high.service(0.95):.2f} ms "
                      f"from {smallest:,} to {largest:,} posts: {growth:.2f}x (<= {MAX_GROWTH:g}x): "
                      f"{verdict(growth <= MAX_GROWTH)}", file=out)
    for r in results:
        print(f"  {r.scenario.name:<14} service/floor {r.ratio:4.1f}x at {r.posts:,} posts (<= {MAX_FLOOR_RATIO:g}x): "
              f"{verdict(r.ratio <= MAX_FLOOR_RATIO)}", file=out)
    print(f"  all targets met: {'yes' if all_met else 'no'}", file=out)
    return all_met


def parse_args(argv: list[str] | None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(prog="python -m bench.feed", description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default=",".join(map(str, DEFAULT_SIZES)),
                        help="comma-separated post counts (default: %(default)s)")
    parser.add_argument("--runs", type=int, default=200, help="viewers timed per scenario and size")
    parser.add_argument("--seed", type=int, default=1, help="seed for picking viewers")
    parser.add_argument("--repeat", type=int, default=3,
                        help="time each viewer this many times and keep the fastest of the service and of the floor "
                             "(default %(default)s: both then run with the viewer's pages in memory; 1 times the "
                             "first try of each, where whichever runs first pays the disk reads)")
    parser.add_argument("--users", type=int, default=10_000)
    parser.add_argument("--dir", type=Path, default=DEFAULT_DIR, help="where built databases are cached")
    parser.add_argument("--rebuild", action="store_true", help="build the databases again")
    parser.add_argument("--explain", action="store_true",
                        help="print the statements of each scenario's p95 run with EXPLAIN QUERY PLAN")
    parser.add_argument("--scenarios", default="", help="comma-separated scenario names (default: all)")
    parser.add_argument("--try", dest="candidates", default="",
                        help="comma-separated proposed changes from bench/feed_candidates.py, timed against "
                             "the code as it is ('all' for every one)")
    return parser.parse_args(argv)


def main(argv: list[str] | None = None, out=sys.stdout) -> int:
    args = parse_args(argv)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s.strip()]
    wanted = {name.strip() for name in args.scenarios.split(",") if name.strip()}
    scenarios = [s for s in SCENARIOS if not wanted or s.name in wanted]
    patch = Patch.named(args.candidates) if args.candidates.strip() else None
    print(f"feed benchmark: python {platform.python_version()}, sqlite {sqlite3.sqlite_version}, "
          f"sqlalchemy {sqlalchemy.__version__}; {args.users:,} users; {args.runs} viewers per scenario "
          f"(seed {args.seed}, fastest of {args.repeat}); page size {PAGE_SIZE}", file=out)
    if patch:
        print(f"proposed: {', '.join(patch.names)} (timed against the code as it is, viewer by viewer)", file=out)

    results: list[Result] = []
    for posts in sizes:
        world = ensure_world(args.dir, WorldShape(posts=posts, users=args.users), rebuild=args.rebuild,
                             log=lambda line: print(line, file=out))
        bench = FeedBench(world, repeat=args.repeat, patch=patch)
        try:
            bench.warm(random.Random(args.seed - 1).sample(range(1, args.users + 1), WARMUP_VIEWERS))
            for scenario in scenarios:
                started = time.perf_counter()
                measured = bench.measure(scenario, args.runs, args.seed)
                results.extend(measured)
                for result in measured:
                    print(f"  {posts:>9,} posts  {scenario.name:<14} {result.variant:<9} p50 {result.service(0.5):7.2f}  "
                          f"p95 {result.service(0.95):7.2f}  floor p50 {result.floor(0.5):7.2f}  "
                          f"({time.perf_counter() - started:.0f} s, load {os.getloadavg()[0]:.1f} on {os.cpu_count()} cpus)",
                          file=out, flush=True)
                    if args.explain and result.samples:
                        p95 = result.service(0.95)
                        typical = min(result.samples, key=lambda s: abs(s.service_ms - p95))
                        print(f"    p95 run (viewer {typical.viewer_id}, service {typical.service_ms:.2f} ms, "
                              f"floor {typical.floor_ms:.2f} ms):", file=out)
                        explain(bench.raw, typical, out)
        finally:
            bench.close()

    print_table(results, out)
    for variant in dict.fromkeys(r.variant for r in results):
        print_targets(results, variant, out)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
