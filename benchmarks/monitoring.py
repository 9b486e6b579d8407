"""tocgraph's progress roll-up against doing the same with pandas and networkx.

On tocgraph.synthetic(nodes) (cumulative indicators with a dated baseline,
yearly targets and actuals), progress as of a date is computed and rolled up
through the graph by the mean of each node's indicators and contributors:

- tocgraph: ``tocgraph.monitoring.rollup(toc, as_of)``;
- pandas + networkx, as a user would write it: the indicator values in a long
  DataFrame (``toc.to_pandas().values``), the latest actual and the final and
  current targets per indicator by groupby, achievement and the linear
  expectation as column arithmetic, then a pass over ``nx.topological_sort``
  of ``toc.to_networkx()`` averaging each node's inputs.

The two are checked to agree on every node before they are timed (the
synthetic indicators have a single baseline and no dimensions, which the
pandas version handles; it does not handle the rest of docs/monitoring.md).
Seconds (best of the repeats) and the ratio are printed; nothing is asserted.

    python benchmarks/monitoring.py [--nodes 20000,100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import datetime
import math
import time
from typing import Any, Callable

import tocgraph
from tocgraph import monitoring

AS_OF = datetime.date(2023, 12, 31)


def best(fn: Callable[[], Any], repeat: int) -> tuple[float, Any]:
    times, result = [], None
    for _ in range(repeat):
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return min(times), result


def with_pandas(toc: tocgraph.TheoryOfChange) -> dict[str, float | None]:
    import networkx as nx
    import pandas as pd

    values = toc.to_pandas().values
    as_of = pd.Timestamp(AS_OF)
    baselines = values[values["kind"] == "baseline"].set_index("indicator")
    base = baselines["value"]
    base_date = pd.to_datetime(baselines["date"])
    targets = values[values["kind"] == "target"].sort_values("end")
    final = targets.groupby("indicator").last()
    actuals = values[(values["kind"] == "actual") & (values["end"] <= as_of)].sort_values("end")
    latest = actuals.groupby("indicator").last()
    # The latest period end on or before as_of, and the trajectory there (linear
    # between the baseline and each yearly target).
    due = values[(values["kind"] != "baseline") & (values["end"] <= as_of)].groupby("indicator")["end"].max()
    frame = pd.DataFrame({"b": base, "b_date": base_date, "t": final["value"], "a": latest["value"], "at": due})
    prior = targets[targets["end"] <= as_of].groupby("indicator")["value"].last()
    frame["trajectory"] = prior.reindex(frame.index)
    first_due = frame["trajectory"].isna() & frame["at"].notna()
    if first_due.any():  # before the first target: linear from the baseline
        first = targets.groupby("indicator").first()
        span = (first["end"] - frame["b_date"]).dt.days
        elapsed = (frame["at"] - frame["b_date"]).dt.days
        frame.loc[first_due, "trajectory"] = frame["b"] + (first["value"] - frame["b"]) * elapsed / span
    frame["achievement"] = (frame["a"] - frame["b"]) / (frame["t"] - frame["b"])
    frame["expected"] = (frame["trajectory"] - frame["b"]) / (frame["t"] - frame["b"])
    indicators = toc.to_pandas().indicators.set_index("id")["node"]
    frame["node"] = indicators.reindex(frame.index)
    by_node: dict[str, list[float]] = {}
    for node, achievement in zip(frame["node"], frame["achievement"]):
        if not math.isnan(achievement):
            by_node.setdefault(node, []).append(achievement)

    graph = toc.to_networkx()
    figure: dict[str, float | None] = {}
    for node in nx.topological_sort(graph):
        inputs = list(by_node.get(node, []))
        inputs += [figure[u] for u in graph.predecessors(node) if figure[u] is not None]  # type: ignore[misc]
        figure[node] = sum(inputs) / len(inputs) if inputs else None
    return figure


def with_tocgraph(toc: tocgraph.TheoryOfChange) -> dict[str, float | None]:
    return {n.node: n.achievement for n in monitoring.rollup(toc, AS_OF).nodes}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--nodes", default="20000,100000")
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    print(f"{'nodes':>8} {'indicators':>10} {'tocgraph s':>11} {'pandas+nx s':>12} {'ratio':>7}")
    for nodes in (int(n) for n in args.nodes.split(",")):
        toc = tocgraph.synthetic(nodes)
        ours = with_tocgraph(toc)
        theirs = with_pandas(toc)
        for node, value in ours.items():
            other = theirs[node]
            assert (value is None) == (other is None), node
            assert value is None or other is None or math.isclose(value, other, rel_tol=1e-9, abs_tol=1e-12), node
        t_ours, _ = best(lambda: with_tocgraph(toc), args.repeat)
        t_theirs, _ = best(lambda: with_pandas(toc), args.repeat)
        print(f"{nodes:>8} {len(toc.indicators()):>10} {t_ours:>11.3f} {t_theirs:>12.3f} {t_theirs / t_ours:>6.1f}x")


if __name__ == "__main__":
    main()
