"""State tests see the app's whole state tree, as the running app does.

Reflex builds a tab's tree from the state classes defined when it is made; a handler that reaches
another page's state (`get_state(PostState)`) finds it only if its module was imported first.
"""

from __future__ import annotations

import importlib
import pkgutil

import socialshop.states

for module in pkgutil.iter_modules(socialshop.states.__path__):
    importlib.import_module(f"socialshop.states.{module.name}")
