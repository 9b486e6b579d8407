"""tocgraph's conversions against doing the same with pandas or networkx directly.

A 100k-node synthetic theory of change (tocgraph.synthetic when the package
has it, else the C++ generator through a JSON file made by
`tocgraph_bench_synthetic`, else a generator here with the same shape) is
converted to pandas frames, a networkx graph and GraphML, and the same is
built the way a user would without tocgraph: frames from the JSON document
with pandas.json_normalize, a graph with networkx from the JSON lists, and
GraphML with networkx.write_graphml. The ratios are printed; nothing is
asserted (timings are not tests).

    python benchmarks/interop.py [--nodes 100000] [--repeat 3]
"""

from __future__ import annotations

import argparse
import io
import json
import random
import time
from typing import Any, Callable

import tocgraph


def synthetic(nodes: int) -> tocgraph.TheoryOfChange:
    make = getattr(tocgraph, "synthetic", None)
    if make is not None:
        return make(nodes=nodes)
    # The same shape as include/tocgraph/synthetic.hpp: levels growing ~3x downwards.
    rng = random.Random(0)
    levels = ["goal", "pathway", "end_of_program_outcome", "intermediate_outcome", "immediate_outcome", "output", "activity"]
    weights = [0, 0, 1, 3, 9, 27, 81]
    pathways = 3
    rest = nodes - 1 - pathways
    sizes = [1, pathways] + [int(rest * w / sum(weights)) for w in weights[2:]]
    sizes[-1] += nodes - sum(sizes)
    doc: dict[str, Any] = {"format": "tocgraph", "version": 1, "nodes": [], "links": [], "indicators": []}
    ids: list[list[str]] = []
    for level, size in zip(levels, sizes):
        ids.append([f"{level[:3]}{i}" for i in range(size)])
        doc["nodes"] += [{"id": n, "level": level, "title": f"{level} {i}"} for i, n in enumerate(ids[-1])]
    for depth in range(1, len(levels)):
        for n in ids[depth]:
            for parent in set(rng.sample(ids[depth - 1], min(len(ids[depth - 1]), rng.randint(1, 3)))):
                doc["links"].append({"source": n, "target": parent, "strength": round(0.5 + rng.random() / 2, 3)})
    for depth in range(2, len(levels) - 1):
        for n in ids[depth]:
            doc["indicators"].append(
                {
                    "id": f"ind-{n}",
                    "node": n,
                    "unit": "count",
                    "baselines": [{"date": "2020-01-01", "value": 0}],
                    "targets": [{"period": {"start": f"{y}-01-01", "end": f"{y}-12-31"}, "value": 10 * (y - 2020)} for y in range(2021, 2025)],
                    "actuals": [{"period": {"start": f"{y}-01-01", "end": f"{y}-12-31"}, "value": 9 * (y - 2020)} for y in range(2021, 2024)],
                }
            )
    return tocgraph.from_dict(doc)


def best(fn: Callable[[], Any], repeat: int) -> float:
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        fn()
        times.append(time.perf_counter() - start)
    return min(times)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    import networkx as nx
    import pandas as pd

    toc = synthetic(args.nodes)
    doc = toc.to_dict()
    print(f"{len(toc)} nodes, {len(toc.links())} links, {len(toc.indicators())} indicators")

    def pandas_native() -> None:
        pd.json_normalize(doc["nodes"], max_level=0)
        pd.json_normalize(doc["links"], max_level=0)
        pd.json_normalize(doc["indicators"], record_path="targets", meta=["id", "node"], errors="ignore")

    def networkx_native() -> nx.DiGraph:
        g = nx.DiGraph()
        g.add_nodes_from((n["id"], n) for n in doc["nodes"])
        g.add_edges_from((l["source"], l["target"], l) for l in doc["links"])
        return g

    graph = networkx_native()

    def graphml_native() -> None:
        nx.write_graphml(graph, io.BytesIO())

    rows = [
        ("to_pandas", lambda: toc.to_pandas(), pandas_native, "pandas.json_normalize of the JSON lists"),
        ("to_networkx", lambda: toc.to_networkx(), networkx_native, "networkx.DiGraph from the JSON lists"),
        ("GraphML", lambda: toc.to_graphml(), graphml_native, "networkx.write_graphml"),
        ("from_networkx", lambda: tocgraph.from_networkx(graph), lambda: json.loads(json.dumps(doc)), "JSON round trip of the document"),
    ]
    print(f"{'operation':<14} {'tocgraph s':>11} {'native s':>10} {'ratio':>7}  native way")
    for name, ours, theirs, how in rows:
        a, b = best(ours, args.repeat), best(theirs, args.repeat)
        print(f"{name:<14} {a:>11.3f} {b:>10.3f} {a / b:>7.2f}  {how}")


if __name__ == "__main__":
    main()
