"""Proposed changes to the feed services, applied by monkeypatching so the benchmark can measure them
before anyone edits socialshop/ (`python -m bench.feed --try hidden-one-query,...`).

Each candidate is a copy of the service function with one change, named after that change. Once a
change is applied in socialshop/, its candidate here is obsolete and should be deleted.
"""

from __future__ import annotations

from collections.abc import Callable

# name -> (module, attribute, replacement)
# None now: the last ones (one statement for hidden authors, one for likes and saves) were applied
# and then superseded by the one-statement feeds in socialshop/services/social/feeds.py.
CANDIDATES: dict[str, tuple[object, str, Callable]] = {}


class Patch:
    """Some candidates, switched on and off around a call (the benchmark alternates the two)."""

    def __init__(self, names: list[str]) -> None:
        unknown = [name for name in names if name not in CANDIDATES]
        if unknown:
            raise SystemExit(f"unknown candidate {', '.join(unknown)}; known: {', '.join(CANDIDATES)}")
        self.names = names
        self._swaps = [
            (module, attribute, getattr(module, attribute), replacement)
            for module, attribute, replacement in (CANDIDATES[name] for name in names)
        ]

    @classmethod
    def named(cls, spec: str) -> Patch:
        """From a comma-separated list; 'all' means every candidate."""
        names = [name.strip() for name in spec.split(",") if name.strip()]
        return cls(list(CANDIDATES) if names == ["all"] else names)

    def on(self) -> None:
        for module, attribute, _, replacement in self._swaps:
            setattr(module, attribute, replacement)

    def off(self) -> None:
        for module, attribute, original, _ in self._swaps:
            setattr(module, attribute, original)
