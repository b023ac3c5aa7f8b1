"""A merchant's ledger of its card processor's balance export: statements and a fee audit.

Modules, from the bottom up:

- ``money``: amounts as integers in minor units; parsing, formatting, rounding.
- ``records``: reads the processor's balance export (CSV) into ``Entry`` rows.
- ``pricing``: our fee contract with the processor.
- ``journal``: double-entry bookkeeping over the export's entries.
- ``statements``: a month's statement from the journal.
- ``audit``: checks the fee on every charge against the contract.
- ``cli``: ``python -m ledger statement|audit EXPORT``.
"""
