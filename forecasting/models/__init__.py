"""Demand forecasts: global LightGBM, ETS and seasonal naive, calibrated quantiles, backtests.

The public entry points are `forecaster.forecast` (a SALES frame and a FeatureTable in, quantiles and
additive explanations out), `shop_forecast.forecast_shop` (the same for a shop file) and
`backtest.run_backtest` (a strict rolling-origin backtest returning one long predictions table).
"""
