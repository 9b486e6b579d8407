"""Reading and writing files, and telling a file's format from its name.

The readers here raise only tocgraph.FormatError naming the file, so that the
Python-side readers (aptivate fixtures, SDG files, Kumu bytes) fail the way
the C++ readers do.
"""

from __future__ import annotations

import json
import os
from collections.abc import Mapping
from typing import TypeVar, Union

from . import _core
from ._errors import FormatError

__all__ = ["decode_utf8", "encode_utf8", "format_from_suffix", "parse_json", "read_text", "write_bytes", "write_text"]

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


def decode_utf8(data: bytes, source: str) -> str:
    """``data`` as text (a UTF-8 byte order mark is dropped); FormatError naming the byte otherwise."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as error:
        raise FormatError(f"{source}: not UTF-8 text ({error.reason} at byte {error.start})",
                          file=source, problem=f"not UTF-8 text ({error.reason} at byte {error.start})") from None


def encode_utf8(text: Union[str, bytes], source: str) -> bytes:
    """``text`` as UTF-8 bytes (bytes pass through); FormatError naming a lone surrogate, which UTF-8 cannot hold."""
    if isinstance(text, bytes):
        return text
    if not isinstance(text, str):
        raise TypeError(f"expected str or bytes, got {type(text).__name__}")
    try:
        return text.encode("utf-8")
    except UnicodeEncodeError as error:
        problem = f"text holds a lone surrogate {text[error.start]!r} at character {error.start}, which UTF-8 cannot encode"
        raise FormatError(f"{source}: {problem}", file=source, problem=problem) from None


def read_text(path: PathLike) -> str:
    """The UTF-8 text of a file; FormatError naming the file when it cannot be opened or decoded."""
    source = os.fspath(path)
    try:
        with open(source, "rb") as f:
            data = f.read()
    except OSError as error:
        raise FormatError(f"{source}: cannot open file: {error.strerror}", file=source,
                          problem=f"cannot open file: {error.strerror}") from None
    return decode_utf8(data, source)


def parse_json(text: str, source: str) -> object:
    """JSON text as Python values; FormatError with the line and column, or for nesting too deep to read."""
    try:
        return json.loads(text)
    except json.JSONDecodeError as error:
        raise FormatError(f"{source}:{error.lineno}:{error.colno}: syntax error: {error.msg}", file=source,
                          problem=f"syntax error: {error.msg}", line=error.lineno, column=error.colno) from None
    except RecursionError:
        raise FormatError(f"{source}: arrays or objects nested too deeply", file=source,
                          problem="arrays or objects nested too deeply") from None


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
