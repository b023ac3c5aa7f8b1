"""Fraud scoring for card payments: features from recent history, a logistic model, two paths.

Modules, from the bottom up:

- ``events``: the ``Payment`` record and its validation.
- ``windows``: sliding time windows (count, sum, distinct values).
- ``state``: what the features remember, per card and per merchant.
- ``features``: the feature vector of a payment, from the state.
- ``model``: the logistic model and its allow / review / block decision.
- ``offline``: the backtest: a day's payments scored in time order.
- ``online``: the streaming scorer the payments API calls, one payment at a time.
- ``monitor``: the population stability index, to compare two runs.
- ``simulate``: a synthetic day of payments, with a card-testing attack in it.
- ``cli``: ``python -m features backtest|replay|drift``.
"""
