"""`python -m socialshop.demo.prepare`: migrate the database, drop dead sessions and login nonces,
then seed the demo world if it is empty."""

from __future__ import annotations

import argparse

from socialshop.db import session_scope
from socialshop.db_migrations import upgrade_to_head
from socialshop.demo.seed import DEFAULT_SEED, is_seeded, seed_demo_world
from socialshop.services import accounts
from socialshop.settings import get_settings


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seed", type=int, default=DEFAULT_SEED)
    parser.add_argument("--no-demo", action="store_true", help="migrate only")
    args = parser.parse_args()
    settings = get_settings()
    upgrade_to_head(settings.database_url)
    with session_scope() as session:
        # Housekeeping on every start: used or expired login nonces and dead sessions go.
        accounts.purge_expired(session=session)
    if args.no_demo or not settings.demo_mode:
        # No demo world where demo mode is off (production by default): its personas' password
        # is published, and their accounts would be a way in.
        return
    with session_scope() as session:
        if is_seeded(session=session):
            return
        print("Seeding the demo world…", flush=True)
        seed_demo_world(session=session, uploads_dir=settings.uploads_dir, seed=args.seed)


if __name__ == "__main__":
    main()
