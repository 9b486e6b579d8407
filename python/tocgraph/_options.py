"""Keyword arguments -> the compiled option structs, which hold every option and its default.

The C++ option structs (SvgOptions, RollupOptions, ReportOptions, LintOptions...)
are bound with their C++ defaults, and their constructors take their fields as
keywords. A function of the package takes ``**options`` and hands them to
:func:`split`, which gives each struct its own keywords; :func:`documented`
shows those keywords, with their defaults and docs, in the function's
signature and docstring, so ``help()`` and a notebook's completion see them.
"""

from __future__ import annotations

import inspect
from collections.abc import Callable, Mapping
from typing import Any, Optional

__all__ = ["documented", "split"]

def split(owner: str, options: Mapping[str, object], *classes: type[Any]) -> list[Any]:
    """One instance of each class, built from the keywords that are its fields.

    A keyword no class has raises TypeError naming ``owner`` and the accepted keywords.
    """
    names = [set(cls._fields) for cls in classes]
    known = set().union(*names)
    for key in options:
        if key not in known:
            raise TypeError(
                f"{owner}() got an unexpected keyword argument {key!r}; its options are "
                + ", ".join(sorted(known))
            )
    return [cls(**{k: v for k, v in options.items() if k in fields}) for cls, fields in zip(classes, names)]


def documented(
    function: Callable[..., Any],
    *classes: type[Any],
    skip: tuple[str, ...] = (),
    shown: Optional[Mapping[str, object]] = None,
) -> None:
    """Spells out ``function``'s ``**options`` in its signature and docstring: the fields
    of ``classes`` (but those in ``skip``) with their C++ defaults and docs; ``shown``
    gives the default of an option the function decides itself (None: "from the others")."""
    signature = inspect.signature(function)
    own = [p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
    seen = {p.name for p in own} | set(skip)
    added: list[inspect.Parameter] = []
    lines: list[str] = []
    for cls in classes:
        defaults = cls()
        for name in cls._fields:
            if name in seen:
                continue
            seen.add(name)
            default = (shown or {}).get(name, getattr(defaults, name))
            added.append(inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=default))
            lines.append(f"    {name}={default!r}: {getattr(cls, name).__doc__}")
    function.__signature__ = signature.replace(parameters=own + added)  # type: ignore[attr-defined]
    # cleandoc first: the appended lines start at the margin, so the docstring's
    # own indentation would no longer be common to every line and would show.
    own_doc = inspect.cleandoc(function.__doc__ or "")
    function.__doc__ = own_doc + "\n\nOptions (defaults of the C++ library):\n" + "\n".join(lines) + "\n"
