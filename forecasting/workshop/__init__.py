"""Workshop mode (issue 17): a past period of a shop as a scenario that owners play, scored
against Bestellkompass's suggestions and "same as last week". No Qt; files hold JSON and CSV only.
"""
