"""Writing files and telling a file's format from its name."""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import TypeVar, Union

from . import _core

__all__ = ["format_from_suffix", "write_bytes", "write_text"]

PathLike = Union[str, "os.PathLike[str]"]
S = TypeVar("S", bound=str)


def write_bytes(path: PathLike, data: bytes) -> None:
    """Writes a file through a temporary file beside ``path`` and a rename.

    A failure leaves an existing file as it was and raises tocgraph.Error
    naming the file (the C++ library's atomic writer does the work).
    """
    _core.io.write_atomically(os.fspath(path), data)


def write_text(path: PathLike, text: str) -> None:
    """Writes UTF-8 text atomically (see write_bytes)."""
    write_bytes(path, text.encode("utf-8"))


def format_from_suffix(path: PathLike, suffixes: Mapping[str, S], what: str) -> S:
    """The format a file name's suffix (any case) asks for; ValueError naming the file otherwise."""
    suffix = os.path.splitext(os.fspath(path))[1].lower()
    if suffix in suffixes:
        return suffixes[suffix]
    names = list(suffixes)
    listed = ", ".join(names[:-1]) + " or " + names[-1]
    raise ValueError(
        f"cannot tell the {what} format of {os.fspath(path)!r}: use a {listed} file name, or give format="
    )
