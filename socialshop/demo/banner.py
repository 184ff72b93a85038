"""What `./socialshop.sh run` prints before the server starts: where, who to try, payment mode."""

from __future__ import annotations

import argparse

from socialshop.demo.personas import DEMO_PASSWORD, PERSONAS
from socialshop.settings import get_settings


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--port", default="3000")
    port = parser.parse_args().port
    settings = get_settings()
    payments = (
        "Stripe (STRIPE_SECRET_KEY is set)"
        if settings.payments_mode == "stripe"
        else "demo: nothing is charged (set STRIPE_SECRET_KEY for Stripe)"
    )
    lines = [
        "",
        f"  socialshop is starting on http://localhost:{port}  (first start builds the frontend: ~1 min)",
        f"  Database: {settings.database_url}",
        f"  Payments: {payments}",
        "",
    ]
    if settings.demo_mode:
        lines.append("  Personas to try (one click on the login page, or password " + repr(DEMO_PASSWORD) + "):")
        for persona in PERSONAS:
            kind = "seller" if persona.is_seller else persona.role.value if persona.role != "member" else "shopper"
            lines.append(f"    @{persona.username:<16} {persona.display_name:<16} {kind}")
    else:
        lines.append("  Demo mode is off: no demo world, no personas (SOCIALSHOP_DEMO_MODE=1 turns it on).")
    lines += ["", "  Ctrl+C stops everything.", ""]
    print("\n".join(lines), flush=True)


if __name__ == "__main__":
    main()
