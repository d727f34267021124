"""Demand forecasts: global LightGBM, ETS, an additive model, their blend and the naive baselines
(one class each, listed in members.py), calibrated quantiles, backtests.

The public entry points are `forecaster.forecast` (a SALES frame and a FeatureTable in, quantiles and
additive explanations out), `shop_forecast.forecast_shop` (the same for a shop file) and
`backtest.run_backtest` (a strict rolling-origin backtest returning one long predictions table).
"""
