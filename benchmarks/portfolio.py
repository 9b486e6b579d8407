"""tocgraph.portfolio against the plain single-process loop, and on a Dask LocalCluster.

Two portfolios are written to a temporary folder at run time:

- COUNT small theories of change (tocgraph JSON, about 20 nodes with
  indicators each; ``tocgraph.synthetic``), 1000 files per folder;
- the real multi-publisher IATI extract of ../shared/data (59 activities,
  1.3 MB) replicated into one file of IATI_MB megabytes, each copy of an
  activity with its own identifier.

Timed, each the best of REPEAT runs, in wall-clock seconds and CPU seconds
(of this process; of the Dask workers for the cluster runs, which says more
than wall time on a machine shared with other work):

- loop: what a user writes without the portfolio to get the table
  ``Portfolio.lint()`` gives (``tocgraph.load`` and ``toc.lint()`` per file,
  or ``tocgraph.iter_iati`` and ``lint()`` per activity, rows into one
  DataFrame); the portfolio's findings are checked to be the same;
- portfolio in this process (``Portfolio(...).lint()``);
- a local process pool of 2 (``workers=2``);
- a ``distributed.LocalCluster`` of 1 and of 2 worker processes, one thread
  each: throughput per worker against the loop, and the speed-up from 1 to 2.

The IATI file is read on the clusters with each worker limited to
WORKER_MEMORY (``lazy=True``: the findings are written to Parquet by the
workers, never gathered here), sampling the workers' resident memory; its
peak, and how many workers were restarted, are printed. So are the pickled
sizes (bytes per node) of both kinds of theory of change.

    python benchmarks/portfolio.py [--count 200000] [--iati-mb 1000] [--repeat 1]
        [--worker-memory 1GB] [--skip-synthetic] [--skip-iati] [--keep DIR]
"""

from __future__ import annotations

import argparse
import json
import os
import pickle
import re
import shutil
import tempfile
import threading
import time
from pathlib import Path
from typing import Any, Callable

import pandas as pd

import tocgraph
from tocgraph.portfolio import Portfolio

ROOT = Path(__file__).resolve().parents[1]
EXTRACT = (ROOT.parent / "shared" / "data" / "iati-publishers" / "ocha-dportal-multi-publisher-extract"
           / "dportal_results_sample.xml")
DISTINCT = 200  # distinct synthetic theories of change, written again and again


def best(repeat: int, run: Callable[[], Any]) -> tuple[float, float, Any]:
    """(wall seconds, CPU seconds of this process, result) of the fastest run."""
    times, result = [], None
    for _ in range(repeat):
        start, cpu = time.perf_counter(), time.process_time()
        result = run()
        times.append((time.perf_counter() - start, time.process_time() - cpu))
    wall, cpu = min(times)
    return wall, cpu, result


def _cpu() -> float:
    import psutil

    t = psutil.Process().cpu_times()
    return float(t.user + t.system)


# ---- the portfolios ------------------------------------------------------------------------


def write_synthetic(folder: Path, count: int) -> list[str]:
    texts = [tocgraph.synthetic(20, seed=s).dumps(indent=-1) for s in range(DISTINCT)]
    paths = []
    for n in range(count):
        sub = folder / f"{n // 1000:04d}"
        if n % 1000 == 0:
            sub.mkdir(parents=True, exist_ok=True)
        path = sub / f"toc-{n:06d}.json"
        path.write_text(texts[n % DISTINCT], encoding="utf-8")
        paths.append(str(path))
    return paths


def write_iati(path: Path, megabytes: int) -> int:
    """The extract's activities again and again up to the size; returns the activity count."""
    text = EXTRACT.read_text(encoding="utf-8")
    first = text.index("<iati-activity ")
    last = text.rindex("</iati-activities>")
    head, body = text[:first], text[first:last]
    identifier = re.compile(r"<iati-identifier>([^<]*)</iati-identifier>")
    per_copy = body.count("<iati-activity ")
    copies = 0
    with open(path, "w", encoding="utf-8") as f:
        f.write(head)
        while f.tell() < megabytes * 1_000_000:
            f.write(identifier.sub(lambda m, c=copies: f"<iati-identifier>{m.group(1)}-copy{c}</iati-identifier>",
                                   body))
            copies += 1
        f.write("</iati-activities>\n")
    return copies * per_copy


# ---- what is timed -------------------------------------------------------------------------


#: The columns of Portfolio.lint(): who the theory of change is, then the finding.
COLUMNS = ["file", "offset", "identifier", "programme", "publisher", "countries",
           "code", "name", "severity", "message", "hint", "ids"]


def findings(who: tuple[Any, ...], toc: tocgraph.TheoryOfChange) -> list[tuple[Any, ...]]:
    return [who + (f.code, f.name, f.severity, f.message, f.hint, json.dumps(list(f.ids), ensure_ascii=False))
            for f in toc.lint()]


def loop_json(paths: list[str]) -> pd.DataFrame:
    """The table Portfolio.lint() gives, as a user would make it in one loop."""
    rows = []
    for path in paths:
        toc = tocgraph.load(path)
        metadata = toc.metadata
        countries = " ".join((metadata.attributes or {}).get("countries", []))
        rows.extend(findings((path, 0, "", metadata.title, metadata.funder, countries), toc))
    return pd.DataFrame(rows, columns=COLUMNS)


def loop_iati(path: str) -> pd.DataFrame:
    """The same from tocgraph.iter_iati (which has no byte offsets nor countries: 0 and "")."""
    rows = []
    for activity in tocgraph.iter_iati(path):
        metadata = activity.toc.metadata
        org = metadata.attributes["iati"].get("reporting-org", {})
        who = (path, 0, activity.identifier, metadata.title, org.get("attributes", {}).get("ref", ""), "")
        rows.extend(findings(who, activity.toc))
    return pd.DataFrame(rows, columns=COLUMNS)


def same_findings(a: pd.DataFrame, b: pd.DataFrame) -> None:
    assert len(a) == len(b), (len(a), len(b))
    for column in ("identifier", "code", "message", "ids"):
        assert a[column].astype(object).tolist() == b[column].astype(object).tolist(), column


def _warm_up() -> None:
    """What a worker imports for its first partition, done before the clock starts."""
    from tocgraph.portfolio import _operations

    _operations.Lint().frame([])


def on_cluster(workers: int, run: Callable[[Any], Any], memory: Any = "auto") -> tuple[Any, dict[str, Any]]:
    import distributed

    with distributed.LocalCluster(n_workers=workers, threads_per_worker=1, processes=True,
                                  memory_limit=memory, dashboard_address=":0") as cluster, \
            distributed.Client(cluster) as client:
        client.wait_for_workers(workers)
        client.run(_warm_up)
        started = set(client.scheduler_info()["workers"])
        worker_cpu = sum(client.run(_cpu).values())
        peak = {"rss": 0}
        stop = threading.Event()

        def sample() -> None:
            while not stop.is_set():
                try:
                    for rss in client.run(lambda: __import__("psutil").Process().memory_info().rss).values():
                        peak["rss"] = max(peak["rss"], rss)
                except Exception:
                    pass
                stop.wait(0.5)

        sampler = threading.Thread(target=sample, daemon=True)
        sampler.start()
        try:
            result = run(client)
        finally:
            stop.set()
            sampler.join()
        restarted = len(set(client.scheduler_info()["workers"]) - started)
        worker_cpu = sum(client.run(_cpu).values()) - worker_cpu
    return result, {"peak_rss": peak["rss"], "restarted": restarted, "worker_cpu": worker_cpu}


def row(table: list[list[str]], what: str, seconds: float, cpu: float | None, items: int, unit: str,
        base: tuple[float, float] | None = None, note: str = "") -> None:
    """One line: wall time, CPU time (of the process, or of the Dask workers),
    throughput, and both against the loop's."""
    table.append([
        what, f"{seconds:.1f}", "" if cpu is None else f"{cpu:.1f}", f"{items / seconds:,.0f} {unit}/s",
        f"{seconds / base[0]:.2f}" if base else "", f"{cpu / base[1]:.2f}" if base and cpu is not None else "",
        note,
    ])


def print_table(title: str, table: list[list[str]]) -> None:
    header = ["run", "wall s", "CPU s", "throughput", "wall / loop", "CPU / loop", "note"]
    widths = [max(len(r[i]) for r in table + [header]) for i in range(len(header))]
    print(f"\n{title}")
    for r in [header, ["-" * w for w in widths]] + table:
        print("  ".join(c.ljust(w) for c, w in zip(r, widths)).rstrip())


def pickled(tocs: list[tocgraph.TheoryOfChange]) -> str:
    nodes = sum(len(t) for t in tocs)
    start = time.perf_counter()
    blobs = [pickle.dumps(t) for t in tocs]
    dump = time.perf_counter() - start
    start = time.perf_counter()
    for b in blobs:
        pickle.loads(b)
    load = time.perf_counter() - start
    size = sum(len(b) for b in blobs)
    return (f"{size / nodes:,.0f} bytes/node, pickle {dump / nodes * 1e6:.1f} µs/node, "
            f"unpickle {load / nodes * 1e6:.1f} µs/node ({len(tocs)} ToCs, {nodes} nodes)")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--count", type=int, default=200_000, help="synthetic theories of change")
    parser.add_argument("--iati-mb", type=int, default=1000, help="size of the replicated IATI file")
    parser.add_argument("--worker-memory", default="1GB", help="memory limit of each worker for the IATI run")
    parser.add_argument("--block-size", default="32MB", help="IATI byte range per partition")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--skip-synthetic", action="store_true")
    parser.add_argument("--skip-iati", action="store_true")
    parser.add_argument("--keep", type=Path,
                        help="write the portfolios here and keep them (default: a temporary folder)")
    args = parser.parse_args()

    folder = args.keep or Path(tempfile.mkdtemp(prefix="tocgraph-portfolio-bench-"))
    folder.mkdir(parents=True, exist_ok=True)
    print(f"tocgraph {tocgraph.__version__}, {os.cpu_count()} CPUs, load average "
          f"{' '.join(f'{x:.1f}' for x in os.getloadavg())}; data in {folder}")
    try:
        if not args.skip_synthetic:
            synthetic(folder / "synthetic", args.count, args.repeat)
        if not args.skip_iati:
            if not EXTRACT.exists():
                print(f"\nIATI: skipped, {EXTRACT} is absent")
            else:
                iati(folder / "iati.xml", args)
    finally:
        if args.keep is None:
            shutil.rmtree(folder, ignore_errors=True)


def synthetic(folder: Path, count: int, repeat: int) -> None:
    start = time.perf_counter()
    paths = write_synthetic(folder, count)
    size = sum(os.path.getsize(p) for p in paths[:DISTINCT]) / DISTINCT
    print(f"\nSynthetic: {count:,} files of about {size / 1000:.1f} kB written in {time.perf_counter() - start:.0f} s")
    print("  pickled:", pickled([tocgraph.load(p) for p in paths[:DISTINCT]]))
    glob = str(folder / "*" / "*.json")
    table: list[list[str]] = []
    wall, cpu, plain = best(repeat, lambda: loop_json(paths))
    base = (wall, cpu)
    row(table, "loop: load + lint per file", wall, cpu, count, "ToCs")
    wall, cpu, local = best(repeat, lambda: Portfolio(glob).lint())
    same_findings(local, plain)
    row(table, "portfolio, this process", wall, cpu, count, "ToCs", base)
    with Portfolio(glob, workers=2) as p:
        p.tocs()  # start the pool's processes
        wall, _, _ = best(repeat, p.lint)
    row(table, "portfolio, process pool of 2", wall, None, count, "ToCs", base)
    walls = {}
    for workers in (1, 2):
        (wall, _, result), stats = on_cluster(
            workers, lambda client: best(repeat, lambda: Portfolio(glob, client=client).lint()))
        same_findings(result, plain)
        walls[workers] = wall
        note = "CPU: of the workers" if workers == 1 else f"speed-up 1 -> 2 workers: {walls[1] / wall:.2f}x"
        row(table, f"portfolio, LocalCluster of {workers}", wall, stats["worker_cpu"] / repeat, count, "ToCs",
            base, note)
    print_table(f"lint of {count:,} small theories of change ({len(plain):,} findings)", table)


def iati(path: Path, args: argparse.Namespace) -> None:
    start = time.perf_counter()
    activities = write_iati(path, args.iati_mb)
    megabytes = path.stat().st_size / 1e6
    print(f"\nIATI: {megabytes:,.0f} MB, {activities:,} activities written in {time.perf_counter() - start:.0f} s")
    print("  pickled:", pickled(tocgraph.read_iati(EXTRACT).tocs))
    table: list[list[str]] = []
    wall, cpu, plain = best(args.repeat, lambda: loop_iati(str(path)))
    base = (wall, cpu)
    row(table, "loop: iter_iati + lint per activity", wall, cpu, int(megabytes), "MB")
    out = path.parent / "lint.parquet"

    def lazy_lint(client: Any) -> int:
        p = Portfolio(path, client=client, block_size=args.block_size)
        p.lint(lazy=True).to_parquet(out, write_index=False)
        return len(pd.read_parquet(out, columns=["code"]))

    walls = {}
    for workers in (1, 2):
        (wall, _, count), stats = on_cluster(
            workers, lambda client: best(args.repeat, lambda: lazy_lint(client)), memory=args.worker_memory)
        assert count == len(plain), (count, len(plain))
        walls[workers] = wall
        note = (f"limit {args.worker_memory} per worker: peak RSS {stats['peak_rss'] / 1e6:,.0f} MB, "
                f"{stats['restarted']} restarted")
        if workers == 2:
            note += f"; speed-up 1 -> 2: {walls[1] / wall:.2f}x"
        row(table, f"portfolio lazy -> Parquet, LocalCluster of {workers}", wall, stats["worker_cpu"] / args.repeat,
            int(megabytes), "MB", base, note)
    print_table(f"lint of {megabytes:,.0f} MB of IATI XML in {args.block_size} ranges ({len(plain):,} findings)",
                table)


if __name__ == "__main__":
    main()
