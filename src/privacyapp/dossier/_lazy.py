"""Import a module on first use, so importing the dossier does not import PyCA ``cryptography``.

The browser build has no ``cryptography``; its store uses ``_cryptobackend`` instead, and the
signing modules that need ``cryptography`` are imported by the screens but only *used* where
signing is available. A ``LazyModule`` stands in for a module at module level; the first
attribute read imports the real one (and an ImportError then says what is missing).
"""

from __future__ import annotations

import importlib
from types import ModuleType
from typing import Any

__all__ = ["LazyModule", "importable"]


class LazyModule:
    """A stand-in for ``import name`` that imports on first attribute access."""

    def __init__(self, name: str, attribute: str | None = None) -> None:
        self._name = name
        self._attribute = attribute
        self._target: Any = None

    def _load(self) -> Any:
        if self._target is None:
            module: ModuleType = importlib.import_module(self._name)
            self._target = module if self._attribute is None else getattr(module, self._attribute)
        return self._target

    def __getattr__(self, attribute: str) -> Any:
        return getattr(self._load(), attribute)

    def __repr__(self) -> str:
        target = self._name if self._attribute is None else f"{self._name}.{self._attribute}"
        return f"<lazy {target}>"


def importable(*names: str) -> bool:
    """True when every module in ``names`` can be imported here (without importing it)."""
    import importlib.util

    try:
        return all(importlib.util.find_spec(name) is not None for name in names)
    except (ImportError, ValueError):
        return False
