"""Atheris harness: tocgraph.from_dict on any JSON object.

The input is parsed with Python's json module (which also gives NaN,
Infinity and integers beyond 64 bits); inputs that are not a JSON object
are skipped, as from_dict takes a mapping.
"""

import json

import _common
from _common import expect_typed_errors, tocgraph


def test_one_input(data: bytes) -> None:
    try:
        document = json.loads(data)
    except (ValueError, RecursionError):
        return
    if isinstance(document, dict):
        expect_typed_errors("from_dict", data, lambda: tocgraph.from_dict(document))


if __name__ == "__main__":
    _common.main(test_one_input)
