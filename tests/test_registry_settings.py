from __future__ import annotations

from pathlib import Path

import pytest

from dyadwatch.cli.options import args_to_settings
from dyadwatch.registry import Registry, RegistryError, registry
from dyadwatch.settings import load_settings


def test_builtin_stages_are_registered() -> None:
    names = registry.names("dyadwatch.")
    for stage in ("clean", "actors", "events", "claims", "time"):
        assert f"dyadwatch.{stage}.v1" in names
    assert "dyadwatch.nlp.spacy.v1" in names


def test_unknown_name_lists_known_ones() -> None:
    with pytest.raises(RegistryError, match="known:"):
        registry.get("dyadwatch.nope.v1")


def test_names_must_be_versioned() -> None:
    with pytest.raises(ValueError):
        Registry().register("unversioned")


def test_user_file_overrides_defaults_and_cli_overrides_file(tmp_path: Path) -> None:
    cfg = tmp_path / "my.cfg"
    cfg.write_text("[nlp]\nmodel = my_model\nbatch_size = 7\n[sources]\nmax_bytes = 10\n")
    s = load_settings(cfg)
    assert (s.model, s.batch_size, s.max_bytes) == ("my_model", 7, 10)
    assert s.use_blis is False  # untouched default
    s2 = args_to_settings(str(cfg), model="other", published=None)
    assert s2.model == "other" and s2.batch_size == 7


def test_missing_settings_file_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError, match="settings file"):
        load_settings(tmp_path / "absent.cfg")
