"""A small program using the public API, checked by `mypy --strict` in
test_typing.py (it is not a test module itself)."""

from __future__ import annotations

import datetime
from pathlib import Path

import tocgraph
from tocgraph import Budget, Indicator, Link, Node, Period, PeriodValue, TheoryOfChange


def build() -> TheoryOfChange:
    toc = TheoryOfChange(schema="theory_of_change")
    toc.add_node(id="g", level="goal", title="Goal")
    toc.add_node(Node(id="a", level="activity", start="2020-01-01"), budget=Budget(10.0, "AUD"))
    toc.add_link(source="a", target="g", strength=0.8)
    toc.add_indicator(
        Indicator(
            id="i",
            node="g",
            measure="percentage",
            targets=[PeriodValue(period=Period("2020-01-01", datetime.date(2020, 12, 31)), value=1.0)],
        )
    )
    toc.update_node("g", title="Better goal", logic="any")
    toc.update_link("a", "g", strength=None)
    return toc


def summarise(toc: TheoryOfChange) -> list[str]:
    lines: list[str] = [repr(toc), toc.schema.name, str(len(toc))]
    for node in toc:
        start: datetime.date | None = node.start
        lines.append(f"{node.id} {node.level} {node.logic} {start}")
    for level in toc.schema.levels:
        lines.extend(n.title for n in toc.nodes(level=level.id))
    links: list[Link] = toc.links()
    lines.extend(f"{l.source}->{l.target}" for l in links)
    for ind in toc.indicators(node="g"):
        lines.extend(str(t.value) for t in ind.targets)
    node = toc["a"]
    node.tags = [*node.tags, "gender"]
    node.attributes = {"cost_centre": 7}
    toc.update_node(node)
    meta = toc.metadata
    meta.title = "Programme"
    toc.metadata = meta
    return lines


def round_trip(toc: TheoryOfChange, path: Path) -> bool:
    toc.save(path)
    again = tocgraph.load(path)
    text: str = toc.dumps(indent=-1)
    try:
        tocgraph.loads("{}", source="x.json")
    except tocgraph.FormatError as error:
        line: int | None = error.line
        print(error.file, error.pointer, error.problem, line)
    return again == tocgraph.loads(text) and again == tocgraph.from_dict(toc.to_dict())


if __name__ == "__main__":
    print(summarise(build()))
