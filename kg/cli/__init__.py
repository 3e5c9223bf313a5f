"""The ``kg`` command line: one module per command (or small group of commands).

Each module exposes ``commands: list[click.Command]``; :mod:`kg.cli.app` holds the group
and finds them at start-up. A command parses its options, calls one function of the
package and prints; the work itself lives below (pipeline, stores, views). Modules here
are imported at every start of ``kg``: import heavy libraries inside the functions.
Nothing imports this package but the console script.
"""
from kg.cli.app import main

__all__ = ["main"]
