"""Reflex configuration: everything comes from socialshop.settings; no secrets here."""

import os

import reflex as rx
from reflex_base.plugins.sitemap import SitemapPlugin

from socialshop.settings import get_settings

settings = get_settings()
# Reflex serves /_upload from REFLEX_UPLOADED_FILES_DIR; the app stores into settings.uploads_dir.
# Point both at one folder even when `reflex run` is started by hand, without socialshop.sh.
os.environ.setdefault("REFLEX_UPLOADED_FILES_DIR", str(settings.uploads_dir))

config = rx.Config(
    app_name="socialshop",
    db_url=settings.database_url,
    async_db_url=settings.async_database_url,
    telemetry_enabled=False,
    show_built_with_reflex=False,
    cors_allowed_origins=[settings.public_url],
    plugins=[
        rx.plugins.RadixThemesPlugin(
            theme=rx.theme(accent_color="tomato", gray_color="sand", radius="large")
        )
    ],
    disable_plugins=[SitemapPlugin],
)
