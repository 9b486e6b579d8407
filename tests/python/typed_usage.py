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


def analyse(toc: TheoryOfChange) -> list[str]:
    """The analyses, the linter and the synthetic generator, with their result types."""
    out: list[str] = []
    above: list[str] = toc.contributors("g", level="activity") + toc.effects("a")
    order: list[str] = toc.topological_order()
    by_level: dict[str, list[str]] = toc.levels()
    routes: list[list[str]] = toc.paths("a", "g", limit=10)
    count: int = toc.count_paths("a", "g") + toc.count_activity_paths("g")
    critical: list[str] = toc.critical_nodes("g")
    links: list[tuple[str, str]] = toc.critical_links("g")
    impact: tocgraph.RemovalImpact = toc.what_if_removed(["a"])
    share: float = impact.share_of_paths_lost
    lost: int = impact.paths_lost
    coverage: tocgraph.Coverage = toc.coverage()
    row: tocgraph.LevelCoverage = coverage["goal"]
    served: list[str] = toc.pathways_of("a")
    scores: tocgraph.Centrality = toc.centrality(samples=5, seed=1, normalized=False)
    top: float = max(scores.values(), default=0.0)
    findings: tocgraph.Findings = toc.lint(
        select=["TOC1", "result-without-indicator"], ignore="TOC111",
        severity={"TOC103": "error"}, min_severity="warning",
    )
    for finding in findings:
        ids: list[str] = finding.ids
        out.append(f"{finding.code} {finding.severity} {finding.message} {ids}")
    rules: list[tocgraph.RuleInfo] = tocgraph.rules()
    out.extend(f"{r.code} {r.category}" for r in rules)
    big: TheoryOfChange = tocgraph.synthetic(1000, seed=2, pathways=4, cross_links=0.2, titles=False)
    part: TheoryOfChange = big.subgraph("pw0")
    try:
        part.topological_order()
    except tocgraph.CycleError as error:
        cycle: list[str] = error.cycle
        out.append(" -> ".join(cycle))
    out.extend(str(x) for x in (above, order, by_level, routes, count, critical, links))
    out.extend(str(x) for x in (share, lost, row.with_indicators, served, top))
    frame = findings.to_pandas()
    series = scores.to_pandas()
    out.append(f"{len(frame)} {len(series)} {len(coverage.to_pandas())} {len(tocgraph.rules().to_pandas())}")
    return out


def draw(toc: TheoryOfChange, folder: Path) -> list[str]:
    svg: str = toc.to_svg(as_of=datetime.date(2022, 12, 31), method="weakest", show_ids=True, max_lines=3)
    coloured: str = toc.to_svg(color="status", statuses={"g": "on_track", "a": "no_data"}, legend=False)
    dot: str = toc.to_dot(color="level", title="", level_labels=False)
    mermaid: str = toc.to_mermaid(as_of="2022-12-31", level_subgraphs=True)
    written: str = toc.render(folder / "toc.gv", format="dot", show_ids=True)
    report: str = toc.report(folder / "report.md", as_of="2022-12-31", format="markdown", at_risk_below=0.8)
    return [svg, coloured, dot, mermaid, written, report, toc._repr_svg_()]


def monitor(toc: TheoryOfChange) -> list[str]:
    """Monitoring results as objects, and nested values that write back."""
    table: tocgraph.ProgressTable = tocgraph.monitoring.progress(toc, "2022-12-31", at_risk_below=0.8)
    rollup: tocgraph.Rollup = tocgraph.monitoring.rollup(toc, datetime.date(2022, 12, 31), method="weighted")
    goal: tocgraph.NodeProgress = rollup.node("g")
    frame = toc.rollup(as_of="2022-12-31", method="weakest")
    ind = toc.indicator("i")
    ind.targets[0].value = 2.0
    ind.targets[0].dimensions["country"] = "KH"
    toc.update_indicator(ind)
    toc.metadata.title = "Programme"
    diff: tocgraph.Diff = tocgraph.diff(toc, toc, detect_renames=False)
    merged: tocgraph.MergeResult = tocgraph.merge(toc, toc, toc, lint=False)
    return [repr(table), str(goal.achievement), str(len(frame)), str(bool(diff)), str(merged.clean)]


if __name__ == "__main__":
    print(summarise(build()))
