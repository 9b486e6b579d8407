"""Atheris harness: tocgraph.loads_kumu on bytes."""

import _common
from _common import expect_typed_errors, tocgraph


def test_one_input(data: bytes) -> None:
    expect_typed_errors("loads_kumu", data, lambda: tocgraph.loads_kumu(data))


if __name__ == "__main__":
    _common.main(test_one_input)
