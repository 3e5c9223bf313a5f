"""One module per group of CLI commands; each exposes ``commands: list[click.Command]``.

Modules here are imported at every start of ``kg``: import heavy libraries
(spaCy, pandas, pyvis, ladybug) inside the command functions.
"""
