"""What the benchmark scripts share: the clock, best-of timing and plain-text tables."""

from __future__ import annotations

import gc
import sys
import time
from collections.abc import Callable
from typing import Any

#: The clock best_of reads: the process's CPU time unless a script chooses the wall clock.
clock: Callable[[], float] = time.process_time


def use_clock(name: str) -> None:
    """"cpu" (the process's CPU time) or "wall" (time.perf_counter)."""
    global clock
    clock = time.process_time if name == "cpu" else time.perf_counter


def best_of(repeat: int, run: Callable[[], Any]) -> tuple[float, Any]:
    """Best seconds of `repeat` runs by `clock`, and the last result.

    As timeit does, the garbage collector is paused while a run is timed, so
    that one library's garbage is not collected in another's time."""
    best, result = float("inf"), None
    gc.collect()
    gc.disable()
    try:
        for _ in range(repeat):
            start = clock()
            result = run()
            best = min(best, clock() - start)
    finally:
        gc.enable()
    return best, result


def table(title: str, header: list[str], rows: list[list[str]]) -> None:
    """Prints a titled table: the first column left-aligned, the others right-aligned."""
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    print(f"\n{title}")
    for r in [header, ["-" * w for w in widths], *rows]:
        print("  " + "  ".join(c.ljust(w) if i == 0 else c.rjust(w) for i, (c, w) in enumerate(zip(r, widths))))
    sys.stdout.flush()
