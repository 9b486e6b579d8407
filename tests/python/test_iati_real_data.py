"""Every IATI file in the shared real-data folder is read, and what is read is
counted against an independent count of the XML elements (ElementTree,
matching elements by local name whatever the namespace)."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from typing import NamedTuple

import pytest

import tocgraph

from conftest import ROOT

SHARED = ROOT.parent / "shared" / "data"
FOLDERS = ("iati-publishers", "iati-standard-examples")


def files() -> list[Path]:
    return sorted(p for folder in FOLDERS if (SHARED / folder).exists() for p in (SHARED / folder).rglob("*.xml"))


class Counts(NamedTuple):
    activities: int
    results: int
    indicators: int
    periods: int
    targets: int
    actuals: int


def local(element: ET.Element) -> str:
    return element.tag.rsplit("}", 1)[-1]


def children(element: ET.Element, name: str) -> list[ET.Element]:
    return [c for c in element if local(c) == name]


def counted_in_xml(path: Path) -> Counts:
    activities = [e for e in ET.parse(path).getroot().iter() if local(e) == "iati-activity"]
    results = [r for a in activities for r in children(a, "result")]
    indicators = [i for r in results for i in children(r, "indicator")]
    periods = [p for i in indicators for p in children(i, "period")]
    return Counts(
        activities=len(activities),
        results=len(results),
        indicators=len(indicators),
        periods=len(periods),
        targets=sum(len(children(p, "target")) for p in periods),
        actuals=sum(len(children(p, "actual")) for p in periods),
    )


def counted_in_tocs(tocs: list[tocgraph.TheoryOfChange]) -> Counts:
    indicators = [i for t in tocs for i in t.indicators()]
    return Counts(
        activities=len(tocs),
        results=sum(len(t) - len(t.nodes(level="activity")) for t in tocs),
        indicators=len(indicators),
        periods=sum(len((i.attributes or {}).get("iati", {}).get("periods", [])) for i in indicators),
        targets=sum(len(i.targets) for i in indicators),
        actuals=sum(len(i.actuals) for i in indicators),
    )


pytestmark = pytest.mark.skipif(not files(), reason=f"the shared real-data folder {SHARED} is absent")


@pytest.mark.parametrize("path", files(), ids=lambda p: str(p.relative_to(SHARED)))
def test_every_element_is_read(path: Path) -> None:
    tocs, _ = tocgraph.read_iati(path)
    assert counted_in_tocs(tocs) == counted_in_xml(path)


@pytest.mark.parametrize("path", files(), ids=lambda p: str(p.relative_to(SHARED)))
def test_write_read_keeps_every_value(path: Path) -> None:
    tocs, _ = tocgraph.read_iati(path)
    back, _ = tocgraph.read_iati_string(tocgraph.iati.to_iati(tocs))
    assert counted_in_tocs(back) == counted_in_tocs(tocs)
    for before, after in zip(tocs, back):
        assert [(i.id, i.baselines, i.targets, i.actuals) for i in after.indicators()] == [
            (i.id, i.baselines, i.targets, i.actuals) for i in before.indicators()
        ]
