"""Atheris harness: tocgraph.sdg.load_framework on .yml, .xml and .json files.

The first byte picks the kind of file; the rest is its content.
"""

import os
import tempfile

import _common
from _common import expect_typed_errors, tocgraph

FOLDER = tempfile.mkdtemp(prefix="tocgraph-fuzz-")
KINDS = [".yml", ".xml", ".json"]


def test_one_input(data: bytes) -> None:
    if not data:
        return
    path = os.path.join(FOLDER, "framework" + KINDS[data[0] % len(KINDS)])
    with open(path, "wb") as f:
        f.write(data[1:])
    expect_typed_errors("sdg_load_framework", data, lambda: tocgraph.sdg.load_framework(path))


if __name__ == "__main__":
    _common.main(test_one_input)
