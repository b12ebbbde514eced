"""newsclean: raw scraped news pages in, clean validated article records out."""

__version__ = "0.1.0"
