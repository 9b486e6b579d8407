"""What the Atheris harnesses share (docs/fuzzing.md).

tocgraph.Error and its subclasses are the documented answer to bad input.
Any other exception is a finding: by default it is recorded once per
distinct (type, raising place in tocgraph) under the findings folder, with
the input that caused it, and fuzzing goes on, so that one bounded run lists
every distinct finding. With TOCGRAPH_ATHERIS_STOP=1 the first one is raised,
and Atheris saves the input and stops as it does for a crash.
"""

from __future__ import annotations

import hashlib
import os
import sys
import traceback
from typing import Any, Callable

import atheris

with atheris.instrument_imports():
    import tocgraph

FINDINGS = os.environ.get("TOCGRAPH_ATHERIS_FINDINGS", "atheris-findings")
STOP = os.environ.get("TOCGRAPH_ATHERIS_STOP") == "1"
_seen: set[str] = set()


def _place(error: BaseException) -> str:
    """The innermost frame inside the tocgraph package, else the innermost one."""
    frames = traceback.extract_tb(error.__traceback__)
    inside = [f for f in frames if f"{os.sep}tocgraph{os.sep}" in f.filename]
    f = (inside or frames or [None])[-1]
    if f is None:
        return "?"
    return f"{os.path.basename(f.filename)}:{f.lineno} ({f.name})"


def expect_typed_errors(harness: str, data: bytes, call: Callable[[], Any]) -> None:
    try:
        call()
    except tocgraph.Error:
        pass
    except Exception as error:  # anything else escaping a reader is a finding
        if STOP:
            raise
        signature = f"{type(error).__module__}.{type(error).__qualname__} at {_place(error)}"
        if signature in _seen:
            return
        _seen.add(signature)
        folder = os.path.join(FINDINGS, harness)
        os.makedirs(folder, exist_ok=True)
        name = hashlib.sha1(signature.encode()).hexdigest()[:12]
        with open(os.path.join(folder, name + ".input"), "wb") as f:
            f.write(data)
        with open(os.path.join(folder, name + ".txt"), "w", encoding="utf-8") as f:
            f.write(signature + "\n" + f"{type(error).__name__}: {error}"[:2000] + "\n\n")
            f.write("".join(traceback.format_exception(type(error), error, error.__traceback__)))
        print(f"\n==FINDING== {harness}: {signature}: {str(error)[:200]!r}", file=sys.stderr, flush=True)


def main(test_one_input: Callable[[bytes], None]) -> None:
    atheris.Setup(sys.argv, test_one_input)
    atheris.Fuzz()
