"""Every page's component tree builds, so a render mistake (a foreach callback with the wrong
parameters, a Var used as a bool) fails here in seconds, not when the browser tests compile the app."""

from __future__ import annotations

import pytest
import reflex as rx

import socialshop.socialshop  # noqa: F401  (registers every page)
from socialshop.components.layout import PAGES


@pytest.mark.parametrize("spec", PAGES, ids=[spec.route for spec in PAGES])
def test_the_page_renders(spec) -> None:
    component = spec.component()

    assert isinstance(component, rx.Component)
    assert component.render()  # the tree the compiler turns into JavaScript
