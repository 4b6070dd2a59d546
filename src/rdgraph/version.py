"""rdgraph's version (one place; the package root, the cache keys and the exports read it from here)."""

__version__ = "0.1.0"
