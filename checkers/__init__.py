"""Checkers for Working Together to Safeguard Children 2015.

Each checker is reachable three ways — the command line (`wt2015`, or `python -m checkers`),
`checkers.api` from Python, and
the browser (the same `checkers.api` under Pyodide) — and all three give the same JSON.
"""

from .registry import CHECKERS, get

__version__ = "1.0.0"
__all__ = ["CHECKERS", "__version__", "get"]
