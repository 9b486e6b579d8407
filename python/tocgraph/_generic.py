"""What the pandas and networkx conversions share.

Both are driven by the JSON form of each element (what ``TheoryOfChange.to_dict``
gives), so every field the model has, now or later, is carried without a
change here. Building back goes through ``from_dict``, so the file format's
reader checks everything, and its JSON pointers are turned into places the
user knows (a frame's row and column, a graph's node and attribute).
"""

from __future__ import annotations

import datetime
import math
from collections.abc import Callable
from typing import TYPE_CHECKING, Any

from . import _core
from ._errors import FormatError

if TYPE_CHECKING:
    from ._toc import TheoryOfChange

__all__ = ["build", "plain", "split_pointer"]


# The file format's nesting limit (include/tocgraph/detail/json/limits.hpp).
_MAX_DEPTH = 256


def plain(value: Any, depth: int = 0) -> Any:
    """A cell or attribute value as a JSON value (None for a missing one).

    numpy scalars and arrays, pandas timestamps and dates become what the
    file format holds; NaN, NaT and pandas.NA mean "absent". Containers
    nested deeper than the file format allows are passed on as they are, so
    the reader refuses them with a FormatError naming where.
    """
    if depth > _MAX_DEPTH:
        return value
    if value is None:
        return None
    if isinstance(value, float) and math.isnan(value):
        return None
    if type(value).__name__ in ("NaTType", "NAType"):
        return None
    if isinstance(value, datetime.datetime):  # pandas.Timestamp is one
        if value.time() != datetime.time(0):
            return value.isoformat()
        return value.date().isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if hasattr(value, "tolist") and not isinstance(value, (str, bytes)):  # numpy arrays and scalars
        return plain(value.tolist(), depth)
    if isinstance(value, dict):
        return {str(k): plain(v, depth + 1) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [plain(v, depth + 1) for v in value]
    return value


def split_pointer(pointer: str) -> list[str]:
    """The reference tokens of an RFC 6901 JSON pointer."""
    if not pointer:
        return []
    return [t.replace("~1", "/").replace("~0", "~") for t in pointer.split("/")[1:]]


def build(document: dict[str, Any], source: str, locate: Callable[[list[str]], str]) -> TheoryOfChange:
    """A TheoryOfChange from a document; FormatError names the place ``locate`` gives."""
    try:
        return _core.io.from_json(document, source)
    except FormatError as error:
        where = locate(split_pointer(error.pointer))
        raise FormatError(
            f"{source}: {where}: {error.problem}",
            file=source,
            pointer=error.pointer,
            problem=error.problem,
        ) from None
