"""The optional dependencies (pandas, networkx, matplotlib, openpyxl), imported
only when a feature that needs one is used."""

from __future__ import annotations

import importlib
from typing import Any

__all__ = ["optional_module", "pandas_module"]


def optional_module(name: str, extra: str, what: str) -> Any:
    """The module ``name``; ImportError saying which extra installs it when it is missing."""
    try:
        return importlib.import_module(name)
    except ImportError:
        package = name.split(".")[0]
        raise ImportError(f"{what} needs {package}, an optional dependency: pip install 'tocgraph[{extra}]'") from None


def pandas_module(what: str) -> Any:
    """pandas, for ``what`` (a method that gives a DataFrame)."""
    return optional_module("pandas", "pandas", what)
