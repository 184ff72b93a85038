"""Browser tests: the real production build, driven in headless Chromium as a person would."""

from __future__ import annotations

import os
import re
import shutil
from collections.abc import Iterator

import pytest
from playwright.sync_api import Browser, BrowserContext, Page, Playwright, expect, sync_playwright

from tests.e2e.server import RunningServer, start_server

CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
# Two shared cores: give assertions room when the machine is busy (they pass as soon as they can).
expect.set_options(timeout=12_000)

# Anything the server logs that means a handler blew up.
SERVER_ERROR = re.compile(r"Traceback \(most recent call last\)|\bERROR\b|Exception in ")


def chromium_path() -> str:
    for candidate in (os.environ.get("SOCIALSHOP_CHROMIUM"), "/usr/bin/chromium", "/usr/bin/chromium-browser"):
        if candidate and os.path.exists(candidate):
            return candidate
    found = shutil.which("chromium") or shutil.which("chromium-browser")
    if not found:
        pytest.fail("Chromium is not installed: run ./socialshop.sh test, which installs it.")
    return found


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[RunningServer]:
    running = start_server(tmp_path_factory.mktemp("e2e-data"))
    yield running
    running.stop()


@pytest.fixture(scope="session")
def playwright() -> Iterator[Playwright]:
    with sync_playwright() as instance:
        yield instance


@pytest.fixture(scope="session")
def browser(playwright: Playwright) -> Iterator[Browser]:
    browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS, headless=True)
    yield browser
    browser.close()


@pytest.fixture
def new_context(browser: Browser, server: RunningServer) -> Iterator:
    contexts: list[BrowserContext] = []

    def make(**options) -> BrowserContext:
        options.setdefault("viewport", {"width": 1280, "height": 860})
        context = browser.new_context(base_url=server.base_url, **options)
        context.set_default_timeout(15_000)
        contexts.append(context)
        return context

    yield make
    for context in contexts:
        context.close()


@pytest.fixture
def page(new_context) -> Page:
    return new_context().new_page()


@pytest.fixture(autouse=True)
def no_server_errors(request: pytest.FixtureRequest) -> Iterator[None]:
    """A server-side exception logged while a browser test runs fails that test."""
    if "server" not in request.fixturenames:
        yield
        return
    running: RunningServer = request.getfixturevalue("server")
    start = len(running.log_text())
    yield
    new_output = running.log_text()[start:]
    match = SERVER_ERROR.search(new_output)
    if match:
        excerpt = new_output[max(0, match.start() - 500) : match.start() + 3000]
        pytest.fail(f"the server logged an error during this test:\n{excerpt}")
