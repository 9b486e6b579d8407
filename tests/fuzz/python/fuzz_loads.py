"""Atheris harness: tocgraph.loads on bytes and on str.

The str form is the input decoded with surrogateescape, so invalid UTF-8
becomes lone surrogates: a str Python allows and the reader must refuse
with a FormatError.
"""

import sys

import _common
from _common import expect_typed_errors, tocgraph


def test_one_input(data: bytes) -> None:
    expect_typed_errors("loads_bytes", data, lambda: tocgraph.loads(data))
    text = data.decode("utf-8", errors="surrogateescape")
    expect_typed_errors("loads_str", data, lambda: tocgraph.loads(text))


if __name__ == "__main__":
    _common.main(test_one_input)
