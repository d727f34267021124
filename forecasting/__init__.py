"""Demand forecasts, the shop file, imports, order policy and explanations (never imports Qt)."""
