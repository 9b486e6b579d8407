"""tocgraph's graph core against the graph libraries a user would pick instead.

    python benchmarks/graph.py                          # 100,000 and 1,000,000 nodes
    python benchmarks/graph.py --sizes 20000 --quick    # a quick look

Everything runs in one process on the same input, tocgraph.synthetic(size):
networkx, igraph and rustworkx each get their own graph built from the same
links (not timed), and every answer is checked equal to tocgraph's before it
is timed. igraph and rustworkx return vertex numbers; they are timed turning
them into id strings, as tocgraph returns ids.

Tables, per size:
1. Queries at every level: contributors (ancestors) and effects (descendants)
   of sampled nodes of each level; the mean seconds per call and the ratio
   peer / tocgraph (> 1: tocgraph is faster).
2. Whole-graph analyses: topological order, dominators of the goal (critical
   nodes, with a virtual root over the activities), activity-to-goal path
   counts (for the peers, the dynamic programme over their own topological
   order, as a user would write it), contributors of every node of a level
   in one batch call, and the linter.
3. Files: tocgraph.load and toc.save in MB/s, against json.load + building a
   networkx DiGraph, orjson.loads and orjson.dumps on the same file.
4. Memory: bytes per node+link of the bare graph (no titles, no
   indicators), the peak resident growth of a fresh process while it builds
   it, for tocgraph and the peers; and the peak of a fresh process that loads
   the full file.
5. diff with rename detection and a three-way merge of versions with 10% of
   the nodes renamed, retitled or removed.

Times are CPU seconds of this process (best of --repeat) unless --clock wall.
Needs: pip install networkx igraph rustworkx orjson.
"""

from __future__ import annotations

import argparse
import gc
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from timing import best_of, table, use_clock

VIRTUAL_ROOT = "__virtual_root__"
LEVELS = ["goal", "pathway", "end_of_program_outcome", "intermediate_outcome", "immediate_outcome", "output",
          "activity"]


def per_call(repeat: int, calls: Sequence[Callable[[], Any]]) -> float:
    """Best over `repeat` rounds of the mean seconds per call, all calls once a round."""
    best = float("inf")
    for _ in range(repeat):
        start = time.perf_counter()
        for call in calls:
            call()
        best = min(best, (time.perf_counter() - start) / len(calls))
    return best


def fmt(seconds: float) -> str:
    if seconds < 1e-3:
        return f"{seconds * 1e6:.1f} us"
    if seconds < 1:
        return f"{seconds * 1e3:.1f} ms"
    return f"{seconds:.2f} s"


def ratio(peer: float | None, ours: float) -> str:
    return "-" if peer is None else f"{peer / ours:.2f}"


# ---- the peers' graphs ------------------------------------------------------------------------


class Peers:
    """networkx, igraph and rustworkx graphs of the same links, and id <-> number maps."""

    def __init__(self, toc: Any) -> None:
        import igraph
        import networkx as nx
        import rustworkx as rx

        self.nx, self.igraph, self.rx = nx, igraph, rx
        self.ids = [n.id for n in toc]
        self.number = {node_id: i for i, node_id in enumerate(self.ids)}
        edges = [(self.number[link.source], self.number[link.target]) for link in toc.links()]
        self.activities = toc.levels()["activity"]
        self.nxg = nx.DiGraph()
        self.nxg.add_nodes_from(self.ids)
        self.nxg.add_edges_from((self.ids[s], self.ids[t]) for s, t in edges)
        self.ig = igraph.Graph(n=len(self.ids), edges=edges, directed=True)
        self.rxg = rx.PyDiGraph()
        self.rxg.add_nodes_from(self.ids)
        self.rxg.add_edges_from_no_data(edges)
        # For dominators: a virtual root over the activities (set up untimed).
        root = len(self.ids)
        rooted_edges = edges + [(root, self.number[a]) for a in self.activities]
        self.nx_rooted = self.nxg.copy()
        self.nx_rooted.add_edges_from((VIRTUAL_ROOT, a) for a in self.activities)
        self.ig_rooted = igraph.Graph(n=root + 1, edges=rooted_edges, directed=True)
        self.rx_rooted = rx.PyDiGraph()
        self.rx_rooted.add_nodes_from([*self.ids, VIRTUAL_ROOT])
        self.rx_rooted.add_edges_from_no_data(rooted_edges)

    def names(self, numbers: Any) -> list[str]:
        ids = self.ids
        return [ids[i] for i in numbers]

    # contributors / effects, as id strings
    def nx_contributors(self, node: str) -> Any:
        return self.nx.ancestors(self.nxg, node)

    def nx_effects(self, node: str) -> Any:
        return self.nx.descendants(self.nxg, node)

    def ig_contributors(self, node: str) -> list[str]:
        v = self.number[node]
        return [self.ids[i] for i in self.ig.subcomponent(v, mode="in") if i != v]

    def ig_effects(self, node: str) -> list[str]:
        v = self.number[node]
        return [self.ids[i] for i in self.ig.subcomponent(v, mode="out") if i != v]

    def rx_contributors(self, node: str) -> list[str]:
        return self.names(self.rx.ancestors(self.rxg, self.number[node]))

    def rx_effects(self, node: str) -> list[str]:
        return self.names(self.rx.descendants(self.rxg, self.number[node]))

    # whole graph
    def nx_topological(self) -> list[str]:
        return list(self.nx.topological_sort(self.nxg))

    def ig_topological(self) -> list[str]:
        return self.names(self.ig.topological_sorting())

    def rx_topological(self) -> list[str]:
        return self.names(self.rx.topological_sort(self.rxg))

    def nx_dominators(self, target: str) -> list[str]:
        idom = self.nx.immediate_dominators(self.nx_rooted, VIRTUAL_ROOT)
        chain, node = [], idom.get(target, VIRTUAL_ROOT)
        while node != VIRTUAL_ROOT:
            chain.append(node)
            node = idom[node]
        return chain

    def ig_dominators(self, target: str) -> list[str]:
        root = len(self.ids)
        idom = self.ig_rooted.dominator(root, mode="out")
        chain, v = [], idom[self.number[target]]
        while v != root and v >= 0:
            chain.append(self.ids[v])
            v = idom[v]
        return chain

    def rx_dominators(self, target: str) -> list[str]:
        root = len(self.ids)
        idom = self.rx.immediate_dominators(self.rx_rooted, root)
        chain, v = [], idom.get(self.number[target], root)
        while v != root:
            chain.append(self.ids[v])
            v = idom[v]
        return chain

    def nx_count_paths(self, target: str) -> int:
        count = dict.fromkeys(self.nxg, 0)
        for a in self.activities:
            count[a] = 1
        for node in self.nx.topological_sort(self.nxg):
            c = count[node]
            if c:
                for successor in self.nxg.successors(node):
                    count[successor] += c
        return count[target]

    def _count_paths(self, order: Sequence[int], successors: Callable[[int], Sequence[int]], target: str) -> int:
        count = [0] * len(self.ids)
        for a in self.activities:
            count[self.number[a]] = 1
        for v in order:
            c = count[v]
            if c:
                for w in successors(v):
                    count[w] += c
        return count[self.number[target]]

    def ig_count_paths(self, target: str) -> int:
        adjacency = self.ig.get_adjlist(mode="out")
        return self._count_paths(self.ig.topological_sorting(), adjacency.__getitem__, target)

    def rx_count_paths(self, target: str) -> int:
        return self._count_paths(self.rx.topological_sort(self.rxg), self.rxg.successor_indices, target)


# ---- 1. queries at every level ----------------------------------------------------------------


def queries_by_level(toc: Any, peers: Peers, args: argparse.Namespace) -> list[dict[str, Any]]:
    rng = random.Random(args.seed)
    levels = toc.levels()
    rows, results = [], []
    for level in LEVELS:
        nodes = levels.get(level, [])
        if not nodes:
            continue
        sample = rng.sample(nodes, min(args.samples, len(nodes)))
        for query, ours, nx_f, ig_f, rx_f in (
            ("contributors", toc.contributors, peers.nx_contributors, peers.ig_contributors, peers.rx_contributors),
            ("effects", toc.effects, peers.nx_effects, peers.ig_effects, peers.rx_effects),
        ):
            reached = 0
            for node in sample:  # answers first
                answer = set(ours(node))
                reached += len(answer)
                for name, peer in (("networkx", nx_f), ("igraph", ig_f), ("rustworkx", rx_f)):
                    if set(peer(node)) != answer:
                        raise SystemExit(f"{name} and tocgraph disagree on {query} of {node}")
            mean_reached = reached / len(sample)
            if mean_reached == 0:
                continue  # nothing above the goal, nothing below an activity
            repeat = args.repeat if mean_reached < 100_000 else 1
            timed = {
                "tocgraph": per_call(repeat, [lambda n=n: ours(n) for n in sample]),
                "networkx": per_call(repeat, [lambda n=n: nx_f(n) for n in sample]),
                "igraph": per_call(repeat, [lambda n=n: ig_f(n) for n in sample]),
                "rustworkx": per_call(repeat, [lambda n=n: rx_f(n) for n in sample]),
            }
            t = timed["tocgraph"]
            fastest_peer = min(timed["igraph"], timed["rustworkx"])
            rows.append([f"{query} of {level} (~{mean_reached:,.0f} reached)", fmt(t), fmt(timed["networkx"]),
                         fmt(timed["igraph"]), fmt(timed["rustworkx"]), ratio(timed["networkx"], t),
                         ratio(fastest_peer, t), f"{(t * 1e6 - 2) / max(mean_reached, 1):.3f}"])
            results.append({"query": query, "level": level, "reached": mean_reached, **timed})
    table(f"Queries per call, {args.samples} sampled nodes per level (ratios: peer / tocgraph, > 1 is faster)",
          ["query", "tocgraph", "networkx", "igraph", "rustworkx", "vs nx", "vs best of ig/rx", "us/node over 2us"],
          rows)
    return results


# ---- 2. whole-graph analyses --------------------------------------------------------------------


def whole_graph(toc: Any, peers: Peers, args: argparse.Namespace, size: int) -> list[dict[str, Any]]:
    goal = toc.levels()["goal"][0]
    peer_repeat = args.repeat if size <= 100_000 else 1
    analyses: list[tuple[str, Callable[[], Any], dict[str, Callable[[], Any]], Callable[[Any, Any], bool]]] = [
        ("topological order", toc.topological_order,
         {"networkx": peers.nx_topological, "igraph": peers.ig_topological, "rustworkx": peers.rx_topological},
         lambda a, b: len(a) == len(b) == size),
        ("dominators of the goal", lambda: toc.critical_nodes(goal),
         {"networkx": lambda: peers.nx_dominators(goal), "igraph": lambda: peers.ig_dominators(goal),
          "rustworkx": lambda: peers.rx_dominators(goal)},
         lambda a, b: a == b),
        ("count paths, activities -> goal", lambda: toc.count_activity_paths(goal),
         {"networkx": lambda: peers.nx_count_paths(goal), "igraph": lambda: peers.ig_count_paths(goal),
          "rustworkx": lambda: peers.rx_count_paths(goal)},
         lambda a, b: a == b),
    ]
    outputs = toc.levels()["output"]
    analysis = sys.modules["tocgraph"].analysis
    if hasattr(analysis, "contributors_of"):
        analyses.append((
            f"contributors of all {len(outputs):,} outputs, one call",
            lambda: analysis.contributors_of(toc, outputs),
            {"networkx": lambda: {o: peers.nx_contributors(o) for o in outputs},
             "igraph": lambda: {o: peers.ig_contributors(o) for o in outputs},
             "rustworkx": lambda: {o: peers.rx_contributors(o) for o in outputs}},
            lambda a, b: all(set(a[o]) == set(b[o]) for o in outputs),
        ))
    rows, results = [], []
    for name, ours, peer_calls, agree in analyses:
        t_ours, r_ours = best_of(args.repeat, ours)
        timed: dict[str, float] = {"tocgraph": t_ours}
        for peer, call in peer_calls.items():
            t_peer, r_peer = best_of(peer_repeat, call)
            if not agree(r_ours, r_peer):
                raise SystemExit(f"{peer} and tocgraph disagree on {name}")
            timed[peer] = t_peer
        best_peer = min(timed["igraph"], timed["rustworkx"])
        rows.append([name, fmt(t_ours), fmt(timed["networkx"]), fmt(timed["igraph"]), fmt(timed["rustworkx"]),
                     ratio(timed["networkx"], t_ours), ratio(best_peer, t_ours)])
        results.append({"analysis": name, **timed})
    t_lint, findings = best_of(args.repeat, toc.lint)
    rows.append([f"lint ({len(findings):,} findings)", fmt(t_lint), "-", "-", "-", "-", "-"])
    results.append({"analysis": "lint", "tocgraph": t_lint})
    table("Whole-graph analyses (ratios: peer / tocgraph)",
          ["analysis", "tocgraph", "networkx", "igraph", "rustworkx", "vs nx", "vs best of ig/rx"], rows)
    return results


# ---- 3. files -----------------------------------------------------------------------------------


def files(toc: Any, args: argparse.Namespace, folder: Path) -> dict[str, Any]:
    import networkx as nx
    import orjson

    import tocgraph

    path = folder / "toc.json"
    t_save, _ = best_of(args.repeat, lambda: toc.save(path))
    size_mb = path.stat().st_size / 1e6
    data = path.read_bytes()

    def json_networkx() -> Any:
        with open(path, encoding="utf-8") as f:
            document = json.load(f)
        graph = nx.DiGraph()
        for node in document["nodes"]:
            graph.add_node(node["id"], **{k: v for k, v in node.items() if k != "id"})
        for link in document["links"]:
            graph.add_edge(link["source"], link["target"], **{k: v for k, v in link.items()
                                                               if k not in ("source", "target")})
        return graph

    timed = {
        "tocgraph.load": best_of(args.repeat, lambda: tocgraph.load(path))[0],
        "json.load + networkx": best_of(args.repeat, json_networkx)[0],
        "orjson.loads": best_of(args.repeat, lambda: orjson.loads(data))[0],
    }
    document = orjson.loads(data)
    timed_save = {
        "toc.save": t_save,
        "orjson.dumps": best_of(args.repeat, lambda: orjson.dumps(document, option=orjson.OPT_INDENT_2))[0],
        "json.dumps": best_of(1, lambda: json.dumps(document, indent=2))[0],
    }
    rows = [[name, f"{size_mb / t:.0f}", f"{t / timed['tocgraph.load']:.2f}"] for name, t in timed.items()]
    rows += [[name, f"{size_mb / t:.0f}", f"{t / timed_save['toc.save']:.2f}"] for name, t in timed_save.items()]
    table(f"Files ({size_mb:.0f} MB; ratio: its time / tocgraph's)", ["", "MB/s", "ratio"], rows)
    return {"megabytes": size_mb, "load": timed, "save": timed_save}


# ---- 4. memory ----------------------------------------------------------------------------------

MEMORY_CHILD = r"""
import json, sys

def peak_kib():
    with open("/proc/self/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    return 0

what, size, seed, path, edges_path = sys.argv[1], int(sys.argv[2]), int(sys.argv[3]), sys.argv[4], sys.argv[5]
import tocgraph
if what in ("networkx", "igraph", "rustworkx"):
    # The peers' input comes from a file, so that no graph of another library
    # has been built and freed in this process before the one measured.
    with open(edges_path) as f:
        data = json.load(f)
    ids, edges = data["ids"], [(s, t) for s, t in data["edges"]]
    del data
    import networkx, igraph, rustworkx
base = peak_kib()
if what == "tocgraph":
    graph = tocgraph.synthetic(size, seed=seed, indicators=False, titles=False)
elif what == "tocgraph.load":
    graph = tocgraph.load(path)
elif what == "networkx":
    graph = networkx.DiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from((ids[s], ids[t]) for s, t in edges)
elif what == "igraph":
    graph = igraph.Graph(n=len(ids), edges=edges, directed=True)
    graph.vs["name"] = ids
else:
    graph = rustworkx.PyDiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from_no_data(edges)
grown = peak_kib() - base  # before counting: toc.links() makes a list of its own
if what.startswith("tocgraph"):
    items = len(graph) + len(graph.links())
elif what == "networkx":
    items = graph.number_of_nodes() + graph.number_of_edges()
elif what == "igraph":
    items = graph.vcount() + graph.ecount()
else:
    items = graph.num_nodes() + graph.num_edges()
print(json.dumps({"items": items, "peak_kib": peak_kib(), "grown_kib": grown}))
"""


def memory(size: int, args: argparse.Namespace, path: Path) -> dict[str, Any]:
    import tocgraph

    bare = tocgraph.synthetic(size, seed=args.seed, indicators=False, titles=False)
    ids = [n.id for n in bare]
    number = {i: k for k, i in enumerate(ids)}
    edges_path = path.with_name("edges.json")
    edges_path.write_text(json.dumps({"ids": ids, "edges": [(number[l.source], number[l.target])
                                                            for l in bare.links()]}), encoding="utf-8")
    del bare, ids, number
    rows, results = [], {}
    for what in ("tocgraph", "networkx", "igraph", "rustworkx", "tocgraph.load"):
        done = subprocess.run([sys.executable, "-c", MEMORY_CHILD, what, str(size), str(args.seed), str(path),
                               str(edges_path)],
                              capture_output=True, text=True, check=True)
        record = json.loads(done.stdout)
        per_item = record["grown_kib"] * 1024 / record["items"]
        results[what] = {**record, "bytes_per_item": per_item}
        label = "tocgraph.load (full file)" if what == "tocgraph.load" else f"{what} (bare graph)"
        rows.append([label, f"{record['items']:,}", f"{per_item:.0f}", f"{record['peak_kib'] / 1024:.0f}"])
    table("Memory in a fresh process (bytes per node+link: peak resident growth / items)",
          ["", "nodes+links", "B/item", "process peak MiB"], rows)
    return results


# ---- 5. versions --------------------------------------------------------------------------------


def versions(size: int, args: argparse.Namespace) -> list[dict[str, Any]]:
    import tocgraph

    base = tocgraph.synthetic(size, seed=args.seed)
    rng = random.Random(args.seed)
    nodes = [n for n in base if n.level not in ("goal", "pathway")]
    changed = rng.sample(nodes, len(nodes) // 10)
    # The diff compares a version with 10% of the nodes renamed; the merge,
    # one with half of those renamed against one with the other half retitled.
    renamed, retitled = changed[: len(changed) // 2], changed[len(changed) // 2:]

    def renaming(toc: Any, nodes: list[Any]) -> Any:
        out = toc.to_dict()
        new_id = {n.id: f"{n.id}-v2" for n in nodes}
        for node in out["nodes"]:
            node["id"] = new_id.get(node["id"], node["id"])
        for link in out.get("links", []):
            link["source"] = new_id.get(link["source"], link["source"])
            link["target"] = new_id.get(link["target"], link["target"])
        for indicator in out.get("indicators", []):
            indicator["node"] = new_id.get(indicator["node"], indicator["node"])
        return tocgraph.from_dict(out)

    all_renamed = renaming(base, changed)
    t_diff, d = best_of(1, lambda: tocgraph.diff(base, all_renamed))
    t_plain, _ = best_of(1, lambda: tocgraph.diff(base, all_renamed, detect_renames=False))
    del all_renamed, d
    ours = renaming(base, renamed)
    theirs = base.copy() if hasattr(base, "copy") else tocgraph.loads(base.dumps())
    for n in retitled:
        theirs.update_node(n.id, title=f"{n.title} (revised)")
    t_merge, m = best_of(1, lambda: tocgraph.merge(base, ours, theirs, lint=False))
    rows = [
        [f"diff, {len(changed):,} renamed (rename detection)", fmt(t_diff)],
        ["diff without rename detection", fmt(t_plain)],
        [f"merge: ours renames {len(renamed):,}, theirs retitles {len(retitled):,}", fmt(t_merge)],
    ]
    table(f"Versions of a {size:,}-node ToC", ["", "seconds"], rows)
    return [{"diff": t_diff, "diff_plain": t_plain, "merge": t_merge, "renamed": len(changed),
             "merge_renamed": len(renamed), "merge_retitled": len(retitled)}]


# ---- main ---------------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="100000,1000000", help="comma-separated node counts")
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--repeat", type=int, default=3, help="runs per timing (the best counts)")
    parser.add_argument("--samples", type=int, default=20, help="sampled nodes per level for the queries")
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu")
    parser.add_argument("--skip", default="", help="comma-separated sections to skip: "
                        "queries,whole,files,memory,versions")
    parser.add_argument("--quick", action="store_true", help="--repeat 1 and fewer samples")
    parser.add_argument("--json", help="also write every figure to this JSON file")
    args = parser.parse_args()
    if args.quick:
        args.repeat, args.samples = 1, 5
    use_clock(args.clock)
    skip = set(filter(None, args.skip.split(",")))

    import igraph
    import networkx
    import rustworkx

    import tocgraph

    print(f"tocgraph {tocgraph.__version__}, networkx {networkx.__version__}, igraph {igraph.__version__}, "
          f"rustworkx {rustworkx.__version__}; Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"{args.clock} time, load average {os.getloadavg()[0]:.1f}")
    report = []
    with tempfile.TemporaryDirectory() as folder:
        for size in [int(s.replace("_", "")) for s in args.sizes.split(",") if s]:
            toc = tocgraph.synthetic(size, seed=args.seed)
            print(f"\n== {size:,} nodes, {len(toc.links()):,} links, {len(toc.indicators()):,} indicators")
            entry: dict[str, Any] = {"nodes": size}
            if not {"queries", "whole"} <= skip:
                peers = Peers(toc)
                if "queries" not in skip:
                    entry["queries"] = queries_by_level(toc, peers, args)
                if "whole" not in skip:
                    entry["whole"] = whole_graph(toc, peers, args, size)
                del peers
                gc.collect()
            path = Path(folder) / "toc.json"
            if "files" not in skip:
                entry["files"] = files(toc, args, Path(folder))
            del toc
            gc.collect()
            if "memory" not in skip:
                if not path.exists():
                    tocgraph.synthetic(size, seed=args.seed).save(path)
                entry["memory"] = memory(size, args, path)
            report.append(entry)
        if "versions" not in skip:
            for size in (10_000, 100_000):
                report.append({"versions": size, "figures": versions(size, args)})
    if args.json:
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
