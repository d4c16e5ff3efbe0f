"""dyadwatch: news in, coded, attributed and dated dyadic events out."""

__version__ = "0.1.0"
