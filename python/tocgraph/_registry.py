"""Where the compiled core meets the public classes.

The package is layered so that no module imports one above it at run time::

    _core  ->  _errors, _types, _keywords  ->  _registry, _options  ->
    feature modules (analysis, lint, monitoring, drawing, ...)  ->  _toc  ->  __init__

The public TheoryOfChange lives at the top, yet the compiled functions of
every layer return theories of change: ``_toc`` registers the class here once,
and the compiled module then wraps each new compiled ToC in it. Feature
modules name TheoryOfChange for type checkers only; they hand the compiled
functions the compiled object through :func:`core`, and give compiled result
classes their pandas and HTML views through :func:`attach`.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import TYPE_CHECKING, Any, Optional, Protocol, TypeVar

from . import _core

if TYPE_CHECKING:
    import pandas
    from typing_extensions import ParamSpec, TypeIs

    from ._toc import TheoryOfChange

    P = ParamSpec("P")

__all__ = ["as_dataframe", "attach", "core", "is_toc", "present", "register_public_class"]

_public: Optional[type[Any]] = None


def register_public_class(cls: type[TheoryOfChange], wrap: Callable[[_core.model.TheoryOfChange], Any]) -> None:
    """Makes compiled functions return their theories of change as ``wrap(core)``, instances of ``cls``."""
    global _public
    _public = cls
    _core.model.set_public_class(wrap)


def is_toc(value: object) -> TypeIs[TheoryOfChange]:
    """True for a tocgraph.TheoryOfChange."""
    return _public is not None and isinstance(value, _public)


def core(toc: TheoryOfChange, name: str = "toc") -> _core.model.TheoryOfChange:
    """The compiled theory of change inside ``toc``; TypeError for anything else."""
    if not is_toc(toc):
        raise TypeError(f"{name} must be a tocgraph.TheoryOfChange, got {type(toc).__name__}")
    return toc._toc


def attach(cls: type[Any], **methods: Callable[..., Any]) -> None:
    """Adds Python methods (pandas and HTML views) to a compiled result class."""
    for name, method in methods.items():
        setattr(cls, name, method)


_compiled: set[type[Any]] = set()


def present(namespace: dict[str, Any]) -> None:
    """Presents the compiled classes a public module exports as its own (help(), reprs, pickles).

    The package itself comes last and wins: ``tocgraph.Node``, ``tocgraph.Rollup``.
    """
    for name in namespace.get("__all__", ()):
        value = namespace.get(name)
        if isinstance(value, type) and (value in _compiled or value.__module__.startswith("tocgraph._core")):
            _compiled.add(value)
            value.__module__ = namespace["__name__"]


class _Framed(Protocol):
    def to_dataframe(self) -> pandas.DataFrame: ...


R = TypeVar("R", bound=_Framed)


def as_dataframe(function: Callable[P, R]) -> Callable[P, pandas.DataFrame]:
    """The same function, returning its result's DataFrame: what a notebook wants from a method."""

    @functools.wraps(function)
    def framed(*args: P.args, **kwargs: P.kwargs) -> pandas.DataFrame:
        return function(*args, **kwargs).to_dataframe()

    framed.__doc__ = (function.__doc__ or "").rstrip() + "\n\nAs a TheoryOfChange method: the result's DataFrame.\n"
    return framed
