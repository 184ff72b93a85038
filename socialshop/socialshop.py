"""The app: registers pages and HTTP endpoints; nothing else."""

import reflex as rx

from socialshop import (
    models,  # noqa: F401  (tables must be imported for migrations)
    pages,  # noqa: F401  (registers every @page)
)
from socialshop.api import build_api
from socialshop.components.layout import PAGES

app = rx.App(
    api_transformer=build_api(),
    stylesheets=["/styles.css"],
    head_components=[
        rx.el.link(rel="icon", href="/favicon.svg", type="image/svg+xml"),
        rx.el.script(src="/autoload.js", defer=True),
        rx.el.script(src="/navigation.js", defer=True),
    ],
)

for spec in PAGES:
    app.add_page(spec.component, route=spec.route, title=spec.title, on_load=spec.on_load)
