"""A small registry of swappable stage implementations with versioned names.

Stages register factories under names such as ``"dyadwatch.clean.text.v1"``;
settings pick one by name, so users can plug their own in (spacy-llm style)::

    @registry.register("mylab.events.v1")
    def make_coder(settings): ...
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

F = TypeVar("F", bound=Callable[..., Any])


class RegistryError(KeyError):
    pass


class Registry:
    def __init__(self) -> None:
        self._items: dict[str, Callable[..., Any]] = {}

    def register(self, name: str) -> Callable[[F], F]:
        if not name.rsplit(".", 1)[-1].startswith("v"):
            raise ValueError(f"registry names end in a version, e.g. '{name}.v1'")

        def deco(fn: F) -> F:
            self._items[name] = fn
            return fn

        return deco

    def get(self, name: str) -> Callable[..., Any]:
        _load_builtins()
        try:
            return self._items[name]
        except KeyError:
            known = ", ".join(sorted(self._items)) or "none"
            raise RegistryError(f"no implementation named {name!r}; known: {known}") from None

    def names(self, prefix: str = "") -> list[str]:
        _load_builtins()
        return sorted(n for n in self._items if n.startswith(prefix))


registry = Registry()

_BUILTIN_MODULES = (
    "dyadwatch.clean",
    "dyadwatch.nlp",
    "dyadwatch.actors",
    "dyadwatch.events",
    "dyadwatch.claims",
    "dyadwatch.time",
)
_loaded = False


def _load_builtins() -> None:
    global _loaded
    if _loaded:
        return
    _loaded = True
    import importlib

    for mod in _BUILTIN_MODULES:
        importlib.import_module(mod)
