"""Benchmarks of tocgraph's analyses against networkx, against tocgraph's own
C++ API, and of the memory a large theory of change takes.

    python benchmarks/run.py                        # 1,000 / 100,000 / 1,000,000 nodes
    python benchmarks/run.py --sizes 1000,20000     # smaller sets
    python benchmarks/run.py --cpp build/bench/benchmarks/tocgraph_bench_analyses

Three tables per size, all on tocgraph.synthetic(size, seed=SEED):

1. tocgraph (through its Python API) against networkx on the same graph, for
   the queries networkx answers too: ancestors, descendants, topological
   sort, dominators, sampled betweenness, and counting activity-to-goal paths
   (for networkx, the dynamic programme over nx.topological_sort written in
   Python, as a user would). The results are checked to agree. Printed:
   seconds (best of the repeats; CPU time of the process unless --clock wall,
   so that other load on a shared machine does not distort them) and
   networkx / tocgraph.
2. The Python API against the C++ API for the same calls
   (benchmarks/analyses.cpp, built here with CMake unless --cpp names it):
   what the Python layer adds. Printed: python / C++.
3. Memory of the bare graph (no titles, no indicators): the growth of the
   peak resident set (ru_maxrss) of a fresh child process while it builds
   the graph, over the peak after `import tocgraph`, divided by
   nodes + links. The C++ program measures the same in C++.

Needs networkx (pip install networkx); runs for minutes at 1,000,000 nodes,
mostly in networkx.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
GOAL, ACTIVITY = "goal0", "act0"
VIRTUAL_ROOT = ("virtual root",)


# CPU time of this process by default: on a shared machine other load
# inflates wall-clock times, not CPU times (the work is single-threaded).
from timing import best_of, table, use_clock




def seconds(s: float) -> str:
    return f"{s:.4f}" if s < 10 else f"{s:.1f}"


def timing_table(
    title: str,
    header: list[str],
    keys: tuple[str, str, str],
    timings: list[tuple[str, float, float]],
    ratio: Callable[[float, float], float],
    digits: int,
) -> list[dict[str, Any]]:
    """Prints (name, first seconds, second seconds) rows with ``ratio`` of each
    pair last, and returns the rows as records under ``keys``."""
    table(title, header, [[name, seconds(a), seconds(b), f"{ratio(a, b):.{digits}f}x"] for name, a, b in timings])
    return [dict(zip(keys, timing)) for timing in timings]


# ---- networkx equivalents ----------------------------------------------------------------


def nx_count_activity_paths(nx: Any, graph: Any, activities: list[str], target: str) -> int:
    count = dict.fromkeys(graph, 0)
    for a in activities:
        count[a] = 1
    for node in nx.topological_sort(graph):
        c = count[node]
        if c:
            for successor in graph.successors(node):
                count[successor] += c
    return count[target]


def nx_critical_nodes(nx: Any, rooted: Any, target: str) -> list[str]:
    idom = nx.immediate_dominators(rooted, VIRTUAL_ROOT)
    chain = []
    node = idom.get(target, VIRTUAL_ROOT)
    while node != VIRTUAL_ROOT:
        chain.append(node)
        node = idom[node]
    return chain


def compare_with_networkx(toc: Any, size: int, args: argparse.Namespace) -> list[dict[str, Any]]:
    import networkx as nx

    start = time.perf_counter()
    ids = [n.id for n in toc]
    graph = nx.DiGraph()
    graph.add_nodes_from(ids)
    graph.add_edges_from((link.source, link.target) for link in toc.links())
    activities = toc.levels()["activity"]
    rooted = graph.copy()  # for dominators: a virtual root over the activities (set up untimed)
    rooted.add_edges_from((VIRTUAL_ROOT, a) for a in activities)
    print(f"  networkx graph built in {time.perf_counter() - start:.1f} s (not timed below)")

    nx_repeat = args.nx_repeat if args.nx_repeat else (args.repeat if size <= 100_000 else 1)
    k = min(args.samples, size)
    queries: list[tuple[str, Callable[[], Any], Callable[[], Any], Callable[[Any, Any], bool]]] = [
        (
            "ancestors (contributors of the goal)",
            lambda: toc.contributors(GOAL),
            lambda: nx.ancestors(graph, GOAL),
            lambda a, b: set(a) == b,
        ),
        (
            "descendants (effects of an activity)",
            lambda: toc.effects(ACTIVITY),
            lambda: nx.descendants(graph, ACTIVITY),
            lambda a, b: set(a) == b,
        ),
        (
            "topological sort",
            lambda: toc.topological_order(),
            lambda: list(nx.topological_sort(graph)),
            lambda a, b: len(a) == len(b) == size,
        ),
        (
            "dominators (critical nodes of the goal)",
            lambda: toc.critical_nodes(GOAL),
            lambda: nx_critical_nodes(nx, rooted, GOAL),
            lambda a, b: a == b,
        ),
        (
            f"betweenness, {k} sampled sources",
            lambda: toc.centrality(samples=k, seed=1),
            lambda: nx.betweenness_centrality(graph, k=k, seed=1),
            lambda a, b: set(a) == set(b),  # different samples: only the keys agree
        ),
        (
            "count activity->goal paths",
            lambda: toc.count_activity_paths(GOAL),
            lambda: nx_count_activity_paths(nx, graph, activities, GOAL),
            lambda a, b: a == b,
        ),
    ]
    timings = []
    for name, ours, theirs, agree in queries:
        t_ours, r_ours = best_of(args.repeat, ours)
        t_nx, r_nx = best_of(nx_repeat, theirs)
        if not agree(r_ours, r_nx):
            raise SystemExit(f"tocgraph and networkx disagree on {name}")
        timings.append((name, t_ours, t_nx))
    return timing_table(
        f"tocgraph vs networkx (best of {args.repeat} / {nx_repeat})",
        ["query", "tocgraph s", "networkx s", "networkx/tocgraph"],
        ("query", "tocgraph", "networkx"),
        timings,
        lambda ours, nx: nx / ours,
        digits=1,
    )


# ---- Python vs C++ ---------------------------------------------------------------------------


def python_calls(toc: Any, samples: int) -> dict[str, Callable[[], Any]]:
    """The calls benchmarks/analyses.cpp makes, through the Python API."""
    return {
        "lint": lambda: toc.lint(),
        "contributors": lambda: toc.contributors(GOAL),
        "effects": lambda: toc.effects(ACTIVITY),
        "count_activity_paths": lambda: toc.count_activity_paths(GOAL),
        "critical_nodes": lambda: toc.critical_nodes(GOAL),
        "what_if_removed": lambda: toc.what_if_removed(["act0", "act1", "out0"]),
        "coverage": lambda: toc.coverage(),
        "topological_order": lambda: toc.topological_order(),
        "pathways_of": lambda: toc.pathways_of(ACTIVITY),
        "centrality": lambda: toc.centrality(samples=samples, seed=1),
    }


def find_or_build_cpp(args: argparse.Namespace) -> Path | None:
    if args.cpp:
        return Path(args.cpp)
    build = Path(args.build_dir)
    program = build / "benchmarks" / "tocgraph_bench_analyses"
    if not shutil.which("cmake"):
        print("cmake not found: the Python/C++ comparison is skipped (or pass --cpp)")
        return None
    print(f"building the C++ benchmark in {build} ...", flush=True)
    configure = [
        "cmake", "-S", str(ROOT), "-B", str(build), "-DCMAKE_BUILD_TYPE=Release",
        "-DTOCGRAPH_BUILD_BENCHMARKS=ON", "-DTOCGRAPH_BUILD_TESTS=OFF", "-DTOCGRAPH_BUILD_CLI=OFF",
        "-DTOCGRAPH_INSTALL=OFF",
    ]
    for command in (configure, ["cmake", "--build", str(build), "--target", "tocgraph_bench_analyses", "-j2"]):
        done = subprocess.run(command, capture_output=True, text=True, check=False)
        if done.returncode != 0:
            print(done.stdout[-3000:], done.stderr[-3000:])
            print("the C++ benchmark did not build: the Python/C++ comparison is skipped")
            return None
    return program


def compare_with_cpp(
    toc: Any, size: int, args: argparse.Namespace, program: Path
) -> tuple[list[dict[str, Any]], dict[str, Any] | None]:
    done = subprocess.run(
        [str(program), str(size), str(args.seed), str(args.repeat), str(args.samples), args.clock],
        capture_output=True, text=True, check=True,
    )
    cpp: dict[str, float] = {}
    memory = None
    for line in done.stdout.splitlines():
        record = json.loads(line)
        if "analysis" in record:
            cpp[record["analysis"]] = record["seconds"]
        elif record.get("memory") == "bare_graph":
            memory = record
    timings = [(name, best_of(args.repeat, call)[0], cpp[name])
               for name, call in python_calls(toc, min(args.samples, size)).items()]
    results = timing_table(
        f"Python API vs C++ (best of {args.repeat}; target python/C++ <= 1.3x)",
        ["analysis", "python s", "C++ s", "python/C++"],
        ("analysis", "python", "cpp"),
        timings,
        lambda py, cpp: py / cpp if cpp > 0 else float("inf"),
        digits=2,
    )
    return results, memory


# ---- memory ---------------------------------------------------------------------------------

# The peak from VmHWM where Linux has it: ru_maxrss survives fork and exec,
# so this child of a big benchmark process would start at its parent's peak.
MEMORY_CHILD = """
import json, resource, sys
import tocgraph

def peak_kib():
    try:
        with open("/proc/self/status") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1])
    except OSError:
        pass
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss

base = peak_kib()
toc = tocgraph.synthetic(int(sys.argv[1]), seed=int(sys.argv[2]), indicators=False, titles=False)
peak = peak_kib()
print(json.dumps({"nodes": len(toc), "links": len(toc.links()), "peak_rss_growth_kib": peak - base}))
"""


def measure_memory(size: int, seed: int) -> dict[str, Any]:
    done = subprocess.run(
        [sys.executable, "-c", MEMORY_CHILD, str(size), str(seed)], capture_output=True, text=True, check=True
    )
    record: dict[str, Any] = json.loads(done.stdout)
    items = record["nodes"] + record["links"]
    record["bytes_per_item"] = record["peak_rss_growth_kib"] * 1024 / items
    return record


# ---- main -----------------------------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="1000,100000,1000000", help="comma-separated node counts")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--repeat", type=int, default=3, help="runs per tocgraph timing (the best counts)")
    parser.add_argument("--nx-repeat", type=int, default=0,
                        help="runs per networkx timing (default: --repeat up to 100,000 nodes, then 1)")
    parser.add_argument("--samples", type=int, default=10, help="sampled sources for betweenness")
    parser.add_argument("--cpp", help="the tocgraph_bench_analyses program (built with CMake if not given)")
    parser.add_argument("--build-dir", default=str(ROOT / "build" / "bench"), help="where to build it")
    parser.add_argument("--no-networkx", action="store_true", help="skip the networkx comparison")
    parser.add_argument("--no-cpp", action="store_true", help="skip the C++ comparison")
    parser.add_argument("--clock", choices=["cpu", "wall"], default="cpu",
                        help="time by the process's CPU time (default) or the wall clock")
    parser.add_argument("--json", help="also write every figure to this JSON file")
    args = parser.parse_args()
    use_clock(args.clock)
    sizes = [int(s.replace("_", "")) for s in args.sizes.split(",") if s]

    import tocgraph

    program = None if args.no_cpp else find_or_build_cpp(args)
    print(f"tocgraph {tocgraph.__version__}, Python {sys.version.split()[0]}, {os.cpu_count()} cores, "
          f"{args.clock} time, load average {os.getloadavg()[0]:.1f}")
    report: list[dict[str, Any]] = []
    memory_rows = []
    for size in sizes:
        start = time.perf_counter()
        toc = tocgraph.synthetic(size, seed=args.seed)
        built = time.perf_counter() - start
        links = len(toc.links())
        print(f"\n== {size:,} nodes, {links:,} links, {len(toc.indicators()):,} indicators "
              f"(tocgraph.synthetic seed {args.seed}: {built:.1f} s)")
        entry: dict[str, Any] = {"nodes": size, "links": links}
        if not args.no_networkx:
            entry["networkx"] = compare_with_networkx(toc, size, args)
        cpp_memory = None
        if program is not None:
            entry["cpp"], cpp_memory = compare_with_cpp(toc, size, args, program)
        del toc
        memory = measure_memory(size, args.seed)
        entry["memory"] = {"python": memory, "cpp": cpp_memory}
        memory_rows.append([
            f"{size:,}", f"{memory['nodes'] + memory['links']:,}",
            f"{memory['peak_rss_growth_kib'] / 1024:.1f}", f"{memory['bytes_per_item']:.0f}",
            f"{cpp_memory['bytes_per_item']:.0f}" if cpp_memory else "-",
        ])
        report.append(entry)
    table(
        "Memory of the bare graph (peak RSS growth while building it; goal <= 300 B per node+link)",
        ["nodes", "nodes+links", "MiB", "B/item (Python)", "B/item (C++)"],
        memory_rows,
    )
    if args.json:  # atomically: a temporary file beside the target, then a rename
        target = Path(args.json)
        temporary = target.with_name(f".{target.name}.{os.getpid()}.tmp")
        temporary.write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        os.replace(temporary, target)


if __name__ == "__main__":
    main()
