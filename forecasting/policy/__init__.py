"""From forecast to order: service levels, quantities, practical rounding and the reasons.

Qt-free. `plan.build_order_plan` is the entry point; `explain_text` is the one place that turns
explanation steps into German or English words.
"""
