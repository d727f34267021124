"""What tomorrow will be like for a German shop: holidays, school holidays, paydays, weather, events.

Entry point: `calendars.features.build_features(state, start, end, events=, weather=, options=)`,
which returns the daily FeatureTable; column names, groups and rules are in docs/calendars.md.
Qt-free, offline, and never imports `forecasting` or `app`.
"""
