"""What an operation changed, so the window refreshes only that and the command line can say it."""

from __future__ import annotations

import dataclasses


@dataclasses.dataclass(frozen=True)
class Changes:
    """decisions: products whose order decision changed; data: sales, calendar, products or
    settings changed (the forecast is stale, it trains again); stock: stock counts or order settings
    (service levels, prices, packs, delivery days) changed (the suggestions are stale, the
    forecast is not); settings: the shop's own facts
    (name, language, opening days) changed."""

    decisions: frozenset[str] = frozenset()
    data: bool = False
    stock: bool = False
    settings: bool = False

    def __or__(self, other: Changes) -> Changes:
        return Changes(self.decisions | other.decisions, self.data or other.data,
                       self.stock or other.stock, self.settings or other.settings)

    @property
    def any(self) -> bool:
        """Whether anything changed at all."""
        return bool(self.decisions) or self.data or self.stock or self.settings


NOTHING = Changes()
