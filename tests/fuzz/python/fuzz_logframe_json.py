"""Atheris harness: tocgraph.read_logframe on an aptivate fixture (.json)."""

import os
import tempfile

import _common
from _common import expect_typed_errors, tocgraph

PATH = os.path.join(tempfile.mkdtemp(prefix="tocgraph-fuzz-"), "logframe.json")


def test_one_input(data: bytes) -> None:
    with open(PATH, "wb") as f:
        f.write(data)
    expect_typed_errors("read_logframe_json", data, lambda: tocgraph.read_logframe(PATH))


if __name__ == "__main__":
    _common.main(test_one_input)
