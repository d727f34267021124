"""Demo shops: a seeded world of demand effects, censored by the shops' own baking and ordering."""

from forecasting.demo.generate import ensure_demo_shop, simulate, write_demo_shop

__all__ = ["ensure_demo_shop", "simulate", "write_demo_shop"]
