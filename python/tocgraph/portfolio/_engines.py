"""Where a portfolio's partitions run: in this process, in a local process
pool, or on Dask. Every engine returns the partitions' results in partition
order, so the same portfolio gives the same frames on each."""

from __future__ import annotations

import importlib
import multiprocessing
import os
import pickle
import shutil
import sys
import tempfile
import uuid
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool
from typing import TYPE_CHECKING, Any, Callable, Optional

from ._operations import Task, failures_frame
from ._sources import Failure, Partition

if TYPE_CHECKING:
    import pandas

Result = tuple["pandas.DataFrame", "pandas.DataFrame"]

#: How many times a partition may be running when a pool worker dies before it
#: is reported as failed (its files get a "WorkerDied" row).
POOL_ATTEMPTS = 3


class ProgressBar:
    """Bytes of input done: tqdm when it is installed, else one line on stderr."""

    def __init__(self, total: int, enabled: bool, description: str = "tocgraph portfolio") -> None:
        self._bar: Any = None
        self._done = 0
        self._total = total
        self._enabled = enabled
        self._description = description
        if not enabled:
            return
        try:
            tqdm = importlib.import_module("tqdm.auto").tqdm
        except ImportError:
            self._show()
            return
        self._bar = tqdm(total=total, unit="B", unit_scale=True, desc=description, file=sys.stderr)

    def _show(self) -> None:
        share = self._done / self._total if self._total else 1.0
        filled = int(share * 30)
        sys.stderr.write(f"\r{self._description} [{'#' * filled}{'.' * (30 - filled)}] {share:4.0%}")
        sys.stderr.flush()

    def update(self, n: int) -> None:
        if not self._enabled:
            return
        self._done += n
        if self._bar is not None:
            self._bar.update(n)
        else:
            self._show()

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()
        elif self._enabled:
            sys.stderr.write("\n")


def _failed_partition(task: Task, partition: Partition, error: str, message: str) -> Result:
    """What a partition that could not run gives: a failure row per file."""
    rows = [Failure(p.name, partition.index, error, f"{p.name}: {message}") for p in partition.pieces]
    return task.operation.frame([]), failures_frame(rows)


# ---- in this process ---------------------------------------------------------------------


def run_local(partitions: list[Partition], task: Task, bar: ProgressBar) -> list[Result]:
    results = []
    for partition in partitions:
        results.append(task.run(partition))
        bar.update(partition.nbytes)
    return results


# ---- a local process pool ------------------------------------------------------------------


def dumps(value: Any) -> bytes:
    """Pickles a task; functions pickle by value through cloudpickle (which comes
    with Dask) when plain pickle cannot (lambdas, functions of __main__ or a notebook)."""
    try:
        return pickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
    except (pickle.PicklingError, AttributeError, TypeError) as error:
        try:
            cloudpickle = importlib.import_module("cloudpickle")
        except ImportError:
            raise TypeError(
                f"cannot send this work to other processes ({error}); use a function defined at the top "
                "level of a module, or install cloudpickle (pip install 'tocgraph[dask]')"
            ) from None
        pickled: bytes = cloudpickle.dumps(value, protocol=pickle.HIGHEST_PROTOCOL)
        return pickled


# ---- in a pool's worker process
_TASK: tuple[bytes, Optional[Task]] = (b"", None)  # the last task received, and its pickle
_RUNNING = ""  # a folder where each worker marks the partition it is running


def _pool_init(running: str) -> None:
    global _RUNNING
    _RUNNING = running


def _pool_run(payload: bytes, partition: Partition) -> Result:
    global _TASK
    if _TASK[0] != payload:
        _TASK = (payload, pickle.loads(payload))
    task = _TASK[1]
    assert task is not None
    mark = os.path.join(_RUNNING, f"{os.getpid()}-{partition.index}")
    open(mark, "w").close()
    try:
        return task.run(partition)
    finally:  # not reached when the process dies: the mark tells what it was running
        os.remove(mark)


def _ping() -> int:
    return os.getpid()


def _context() -> Any:
    """forkserver where there is one: no fork of a process that may hold
    threads (a Dask client, a notebook kernel), and cheaper than spawn. Its
    server imports tocgraph and pandas once, so that each worker it forks, at
    the start and after a worker died, begins with them."""
    if "forkserver" not in multiprocessing.get_all_start_methods():
        return multiprocessing.get_context("spawn")
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["__main__", __name__, "pandas"])  # "__main__" is the default
    return context


class LocalPool:
    """A process pool kept between operations (its processes have imported
    tocgraph and pandas once), started again when a worker dies."""

    def __init__(self, workers: int) -> None:
        self.workers = workers
        self._pool: Optional[ProcessPoolExecutor] = None
        self.running = tempfile.mkdtemp(prefix="tocgraph-pool-")

    def get(self) -> ProcessPoolExecutor:
        if self._pool is None:
            pool = ProcessPoolExecutor(max_workers=self.workers, mp_context=_context(),
                                       initializer=_pool_init, initargs=(self.running,))
            try:
                pool.submit(_ping).result()
            except BrokenProcessPool:  # an error of the setup, not of a file
                pool.shutdown()
                raise RuntimeError(
                    "the worker processes could not start (see the errors above); a script that uses "
                    "workers= must start its work under `if __name__ == '__main__':`, since each worker "
                    "imports the main module"
                ) from None
            self._pool = pool
        return self._pool

    def discard(self) -> list[int]:
        """Drops a broken pool; returns the partitions its workers were running."""
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        running = []
        for mark in os.listdir(self.running):
            running.append(int(mark.rsplit("-", 1)[1]))
            os.remove(os.path.join(self.running, mark))
        return sorted(set(running))

    def close(self) -> None:
        if self._pool is not None:
            self._pool.shutdown(wait=True, cancel_futures=True)
            self._pool = None
        shutil.rmtree(self.running, ignore_errors=True)


def run_pool(partitions: list[Partition], task: Task, pool: LocalPool, bar: ProgressBar) -> list[Result]:
    """Runs the partitions in the pool's processes.

    When a worker dies the pool breaks: it is started again, the partitions
    that were running then (the one that killed it, and those of the other
    workers, which the pool stopped) are run again one at a time, and the
    rest as before. A partition whose worker dies POOL_ATTEMPTS times while
    it runs alone is reported as failed, with a "WorkerDied" row per file.
    """
    payload = dumps(task)
    results: dict[int, Result] = {}
    pending = {p.index: p for p in partitions}
    suspects: list[int] = []
    deaths: dict[int, int] = {}

    def finish(i: int, result: Result) -> None:
        results[i] = result
        bar.update(pending.pop(i).nbytes)

    while pending:
        executor = pool.get()
        broken = False
        while suspects and not broken:  # alone, so that a death is that partition's doing
            i = suspects.pop(0)
            try:
                finish(i, executor.submit(_pool_run, payload, pending[i]).result())
            except BrokenProcessPool:
                broken = True
                deaths[i] = deaths.get(i, 0) + 1
                if deaths[i] >= POOL_ATTEMPTS:
                    finish(i, _failed_partition(
                        task, pending[i], "WorkerDied",
                        f"the worker process died each of the {deaths[i]} times it read this partition"))
            except Exception as error:  # e.g. a result that cannot be sent back
                finish(i, _failed_partition(task, pending[i], type(error).__name__, str(error)))
        if not broken:
            broken = _run_round(executor, payload, pending, task, finish)
        if broken:  # what was still running when a worker died runs again, one at a time
            suspects = sorted(set(suspects) | {i for i in pool.discard() if i in pending})
    return [results[p.index] for p in partitions]


def _run_round(executor: ProcessPoolExecutor, payload: bytes, pending: dict[int, Partition], task: Task,
               finish: Callable[[int, Result], None]) -> bool:
    """Every pending partition, in parallel; False when all are done, True if the pool broke."""
    futures = {executor.submit(_pool_run, payload, p): i for i, p in pending.items()}
    broken = False
    for future in as_completed(futures):
        error = future.exception()
        if isinstance(error, BrokenProcessPool):
            broken = True
            break
        i = futures[future]
        if error is not None:  # e.g. a result that cannot be sent back
            finish(i, _failed_partition(task, pending[i], type(error).__name__, str(error)))
        else:
            finish(i, future.result())
    for future, i in futures.items():  # those that finished before the pool broke
        if i in pending and future.done() and not future.cancelled() and future.exception() is None:
            finish(i, future.result())
    return broken


def default_workers() -> int:
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)


# ---- Dask ------------------------------------------------------------------------------------


def _dask(module: str = "dask") -> Any:
    """A module of Dask (untyped here: Dask is optional)."""
    try:
        importlib.import_module("distributed")
        return importlib.import_module(module)
    except ImportError:
        raise ImportError("engine='dask' needs Dask: pip install 'tocgraph[dask]'") from None


def dask_client(client: Any, workers: Optional[int]) -> tuple[Any, bool]:
    """The client to run on and whether this portfolio owns it: ``client`` (a
    distributed.Client, or a scheduler address), else the current client, else
    a new LocalCluster of ``workers`` one-thread processes."""
    distributed = _dask("distributed")
    if isinstance(client, str):
        return distributed.Client(client), True
    if client is not None:
        return client, False
    try:
        return distributed.default_client(), False
    except ValueError:
        cluster = distributed.LocalCluster(n_workers=workers or default_workers(), threads_per_worker=1,
                                           processes=True)
        return distributed.Client(cluster), True


def _run_partition(task: Task, partition: Partition) -> Result:
    return task.run(partition)


def delayed_partitions(partitions: list[Partition], task: Task) -> list[Any]:
    """One dask.delayed per partition; the task is one node of the graph that
    they all depend on, so it is sent once and recomputed if a worker holding it dies."""
    dask = _dask()
    token = uuid.uuid4().hex
    shared = dask.delayed(task, name=f"tocgraph-task-{token}", traverse=False)
    run = dask.delayed(_run_partition, pure=True, traverse=False)
    return [run(shared, p, dask_key_name=f"tocgraph-partition-{token}-{p.index}") for p in partitions]


def run_dask(client: Any, partitions: list[Partition], task: Task, bar: ProgressBar) -> list[Result]:
    distributed = _dask("distributed")
    futures = client.compute(delayed_partitions(partitions, task))
    position = {f.key: n for n, f in enumerate(futures)}
    results: list[Optional[Result]] = [None] * len(partitions)
    for future in distributed.as_completed(futures):
        n = position[future.key]
        if future.status == "finished":
            results[n] = future.result()
        else:  # the task could not run (e.g. KilledWorker: its worker died again and again)
            error = future.exception() if future.status == "error" else None
            results[n] = _failed_partition(task, partitions[n], type(error).__name__ if error else "Cancelled",
                                           str(error) if error else "the task was cancelled")
        bar.update(partitions[n].nbytes)
        future.release()
    return [r for r in results if r is not None]


def lazy_frames(partitions: list[Partition], task: Task, meta: Any = None) -> tuple[Any, Any]:
    """Dask DataFrames of the rows and of the failures, computed from the same
    tasks. ``meta``: the rows' empty frame (None: the operation's; Dask
    computes the first partition to learn it when the operation has none)."""
    dask = _dask()
    dd = _dask("dask.dataframe")

    if meta is None:
        meta = task.operation.meta()
    failures_meta = failures_frame([])
    # The frames as the workers make them: no conversion of text columns to
    # pyarrow strings, so that compute() gives what the eager call gives.
    with dask.config.set({"dataframe.convert-string": False}):
        if not partitions:
            empty = meta if meta is not None else task.operation.frame([])
            return dd.from_pandas(empty, npartitions=1), dd.from_pandas(failures_meta, npartitions=1)
        parts = delayed_partitions(partitions, task)
        rows = dd.from_delayed([p[0] for p in parts], meta=meta, verify_meta=False)
        failures = dd.from_delayed([p[1] for p in parts], meta=failures_meta, verify_meta=False)
    return rows, failures
