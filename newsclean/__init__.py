"""newsclean: raw scraped news pages in, clean validated article records out."""

__version__ = "0.1.0"


def __getattr__(name: str) -> object:
    """`newsclean.read_articles` without importing polars for every `import newsclean` (worker processes)."""
    if name == "read_articles":
        from newsclean.reader import read_articles

        return read_articles
    raise AttributeError(f"module 'newsclean' has no attribute {name!r}")


__all__ = ["__version__", "read_articles"]
