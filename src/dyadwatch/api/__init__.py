"""REST API and dashboard (FastAPI + Jinja2): `dyadwatch serve`."""

from .app import ApiConfig, create_app

__all__ = ["ApiConfig", "create_app"]
