"""The JSON Schema (schema/tocgraph.schema.json) accepts the shared fixtures,
the ASEAN-ACT example and every file this package writes."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import jsonschema
import pytest

import tocgraph

from conftest import EXAMPLE, SCHEMA, make_toc, valid_files


@pytest.fixture(scope="module")
def validator() -> Any:
    schema = json.loads(SCHEMA.read_text(encoding="utf-8"))
    cls = jsonschema.validators.validator_for(schema)
    cls.check_schema(schema)
    return cls(schema, format_checker=cls.FORMAT_CHECKER)


def check(validator: Any, path: Path) -> None:
    document = json.loads(path.read_text(encoding="utf-8"))
    errors = sorted(validator.iter_errors(document), key=lambda e: list(e.absolute_path))
    assert [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in errors] == []


@pytest.mark.skipif(not valid_files(), reason="tests/data/valid/*.json not written yet")
@pytest.mark.parametrize("path", valid_files(), ids=lambda p: p.name)
def test_valid_fixtures(validator: Any, path: Path, tmp_path: Path) -> None:
    check(validator, path)
    saved = tmp_path / path.name
    tocgraph.load(path).save(saved)
    check(validator, saved)


@pytest.mark.skipif(not EXAMPLE.exists(), reason="examples/asean-act/toc.json not written yet")
def test_asean_act_example(validator: Any, tmp_path: Path) -> None:
    check(validator, EXAMPLE)
    saved = tmp_path / "toc.json"
    tocgraph.load(EXAMPLE).save(saved)
    check(validator, saved)


def test_files_written_by_save(validator: Any, tmp_path: Path) -> None:
    toc = make_toc()
    toc.update_node("oc1", attributes={"any": ["json", {"value": 1}]})
    path = tmp_path / "built.json"
    toc.save(path)
    check(validator, path)

    custom = tocgraph.TheoryOfChange(
        schema=tocgraph.LevelSchema("two", [tocgraph.Level("top", role="goal"),
                                            tocgraph.Level("bottom", role="activity")])
    )
    custom.add_node(id="t", level="top")
    custom.add_node(id="b", level="bottom", status="planned")
    custom.add_link(source="b", target="t", strength=1)
    path = tmp_path / "custom.json"
    custom.save(path)
    check(validator, path)

    empty = tmp_path / "empty.json"
    tocgraph.TheoryOfChange(schema="usaid_results_framework").save(empty)
    check(validator, empty)


def test_schema_rejects_what_the_reader_rejects(validator: Any) -> None:
    document = make_toc().to_dict()
    document["nodes"][0]["titel"] = "typo"
    assert not validator.is_valid(document)
