"""Display names for ISO3 country codes (pycountry, with short common forms)."""

from __future__ import annotations

from functools import lru_cache

_SHORT = {
    "USA": "United States",
    "GBR": "United Kingdom",
    "RUS": "Russia",
    "IRN": "Iran",
    "KOR": "South Korea",
    "PRK": "North Korea",
    "SYR": "Syria",
    "VEN": "Venezuela",
    "BOL": "Bolivia",
    "TZA": "Tanzania",
    "MDA": "Moldova",
    "TWN": "Taiwan",
    "VNM": "Vietnam",
    "LAO": "Laos",
    "COD": "DR Congo",
    "PSE": "Palestine",
    "XKX": "Kosovo",
    "TUR": "Turkey",
    "CZE": "Czechia",
}


@lru_cache(maxsize=512)
def country_name(iso3: str) -> str:
    if iso3 in _SHORT:
        return _SHORT[iso3]
    try:
        import pycountry

        c = pycountry.countries.get(alpha_3=iso3)
    except (ImportError, LookupError, KeyError):
        c = None
    if c is None:
        return iso3
    return str(getattr(c, "common_name", None) or c.name)
