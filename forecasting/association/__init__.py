"""Learning together without sharing sales (issue 18): a shop's contribution (`.bkcontrib`), the
association's prior combined from many (`.bkprior`), and the files both are kept in.

A contribution holds what a shop can share without revealing its sales: a LightGBM model on
scale-free targets (each product's demand over its own usual amount) with a large minimum leaf,
effect sizes per category as ratios, and a manifest in plain words. See docs/privacy.md.
"""
