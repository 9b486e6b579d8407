"""Shared fixtures of the Python tests: paths to the data shared with the C++
tests, and a small theory of change that uses every kind of element."""

from __future__ import annotations

import datetime
import os
import threading
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any, Optional, TypeVar, Union

import pytest
from hypothesis import settings

import tocgraph

# tests/run-all.sh selects "ci": the same examples on every run, so a failure
# is reproducible and never depends on luck; the printed blob replays it.
# Locally the default profile draws new examples each run.
settings.register_profile("ci", derandomize=True, print_blob=True)
settings.load_profile(os.environ.get("TOCGRAPH_HYPOTHESIS_PROFILE", "default"))

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "tests" / "data"
VALID = DATA / "valid"
MALFORMED = DATA / "malformed"
EXAMPLE = ROOT / "examples" / "asean-act" / "toc.json"
SCHEMA = ROOT / "schema" / "tocgraph.schema.json"


def valid_files() -> list[Path]:
    """The valid sample files, tests/data/valid/*.json, in name order."""
    return sorted(VALID.glob("*.json"))


T = TypeVar("T")


def in_threads(work: Callable[[], T], threads: int = 4) -> list[T]:
    """What ``work`` returns when ``threads`` threads call it at the same time."""
    results: list[T] = []
    lock = threading.Lock()

    def call() -> None:
        value = work()
        with lock:
            results.append(value)

    started = [threading.Thread(target=call) for _ in range(threads)]
    for t in started:
        t.start()
    for t in started:
        t.join()
    return results


NodeSpec = Union[tuple[str, str], tuple[str, str, str]]
"""A node of toc_of's list: (id, level) or (id, level, title)."""


def toc_of(
    nodes: Iterable[NodeSpec],
    links: Iterable[tuple[str, str]] = (),
    schema: Union[str, tocgraph.LevelSchema, None] = None,
) -> tocgraph.TheoryOfChange:
    """A theory of change with these nodes, (id, level) or (id, level, title),
    and links (source, target), added in this order; the default schema
    unless ``schema`` is given. Extras (actors, tags, a link's strength...) go
    on afterwards through the model's own add_ and update_ methods. The
    Python twin of toc_of in tests/cpp/model_fixtures.hpp."""
    toc = tocgraph.TheoryOfChange() if schema is None else tocgraph.TheoryOfChange(schema)
    for node_id, level, *title in nodes:
        if title:
            toc.add_node(id=node_id, level=level, title=title[0])
        else:
            toc.add_node(id=node_id, level=level)
    for source, target in links:
        toc.add_link(source=source, target=target)
    return toc


def cyclic_toc() -> tocgraph.TheoryOfChange:
    """A goal above two outcomes that contribute to each other: a cycle."""
    return toc_of(
        [
            ("goal", "goal", "Goal"),
            ("o1", "immediate_outcome", "One"),
            ("o2", "immediate_outcome", "Two"),
        ],
        [("o1", "goal"), ("o1", "o2"), ("o2", "o1")],
    )


def year_value(year: int, value: Optional[float] = None, **fields: Any) -> tocgraph.PeriodValue:
    """A value for the calendar year ``year``; ``fields`` are the PeriodValue's others (dimensions...)."""
    return tocgraph.PeriodValue(period=tocgraph.Period(f"{year}-01-01", f"{year}-12-31"), value=value, **fields)


def make_toc() -> tocgraph.TheoryOfChange:
    """A small ToC with every kind of element and most optional fields set."""
    toc = tocgraph.TheoryOfChange(
        metadata=tocgraph.Metadata(
            title="ASEAN-ACT (test)",
            funder="DFAT",
            period=tocgraph.Period("2019-08-01", "2028-06-30"),
            version="2.1",
            date=datetime.date(2020, 3, 2),
            sources=[tocgraph.Source(id="seed", title="Presentation", url="https://example.org")],
            consultations=[
                tocgraph.Consultation(
                    id="somtc",
                    title="Work plan consultation",
                    date="2020-02-03",
                    venue="Jakarta",
                    objectives=["Validate the ToC"],
                    phases=[tocgraph.ConsultationPhase(id="workshop", title="Workshop")],
                    events=[tocgraph.ConsultationEvent(date="2020-01-15", title="Survey")],
                    sources=["seed"],
                )
            ],
            attributes={"programme_code": "ACT-01"},
        )
    )
    toc.add_actor(id="asean_sec", name="ASEAN Secretariat", type="regional_body")
    toc.add_actor(id="kh", name="Cambodia", type="member_state")
    toc.add_assumption(
        id="as1", statement="Member states stay engaged", likelihood=0.8, risk="medium"
    )
    toc.add_node(id="goal", level="goal", title="Effective justice systems")
    toc.add_node(id="p1", level="pathway", title="Regional capacity", logic="any")
    toc.add_node(
        id="oc1",
        level="immediate_outcome",
        title="Effective planning",
        tags=["victim_rights"],
        actors=["asean_sec"],
    )
    toc.add_node(
        id="a1",
        level="activity",
        title="Regional workshop",
        start="2020-06-01",
        end=datetime.date(2020, 12, 31),
        status="ongoing",
        budget=tocgraph.Budget(120000, "AUD"),
        actors=["asean_sec", "kh"],
        attributes={"cost_centre": 7, "notes": ["a", {"b": None}]},
    )
    toc.add_link(source="p1", target="goal")
    toc.add_link(source="oc1", target="p1", strength=0.7, assumptions=["as1"])
    toc.add_link(
        source="a1",
        target="oc1",
        rationale="Workshops build planning skills",
        evidence=tocgraph.Evidence(strength="moderate", references=["Evaluation 2019"]),
    )
    toc.add_indicator(
        id="i1",
        node="oc1",
        title="Plans adopted",
        unit="plans",
        measure="unit",
        accumulation="cumulative",
        baselines=[tocgraph.Baseline(date="2019-12-31", value=0)],
        targets=[year_value(2020, 3, dimensions={"country": "KH"})],
        actuals=[year_value(2020, 2)],
        frequency="annual",
    )
    toc.add_indicator(id="i2", node="a1", title="Participants", measure="percentage")
    toc.add_feedback(
        id="f1",
        consultation="somtc",
        phase="workshop",
        author="kh",
        subject="a1->oc1",
        kind="challenge",
        text="Too ambitious",
        date="2020-02-03",
    )
    return toc


@pytest.fixture
def toc() -> tocgraph.TheoryOfChange:
    """A fresh copy of make_toc() for each test."""
    return make_toc()
