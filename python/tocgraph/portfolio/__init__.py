"""Many theories of change analysed together, in this process, in a local
process pool or on a Dask cluster (docs/portfolio.md).

    from tocgraph.portfolio import Portfolio

    p = Portfolio(["registry/**/*.xml", "tocs/*.json"])       # globs, directories, URLs, bytes
    p.lint()                                  # one row per finding per theory of change
    p.progress(as_of="2024-12-31")            # one row per indicator per theory of change
    p.rollup(as_of="2024-12-31")              # one row per result per theory of change
    p.indicators()                            # every baseline, target and actual
    p.filter(country="KH", text="trafficking").rollup(as_of="2024-12-31")
    p.failures                                # the files (or activities) that could not be read

    Portfolio(paths, workers=4)               # a local process pool
    Portfolio(paths, engine="dask")           # the current distributed.Client, else a LocalCluster
    Portfolio(paths, client="tcp://10.0.0.5:8786")
    p.lint(lazy=True).to_parquet("lint/")     # a Dask DataFrame, larger than memory

Every result is a pandas DataFrame whose rows start with who the theory of
change is (file, offset, identifier, programme, publisher, countries), in the
order of the sources, whatever the engine. An IATI file gives one theory of
change per activity; files larger than ``block_size`` are read in byte ranges
by several workers. A file or activity that cannot be read becomes a row of
``failures`` (file, partition, error, message); the others are still read.
"""

from __future__ import annotations

import datetime
import os
import sys
import weakref
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Callable, NamedTuple, Optional, Union

import tocgraph

from . import _engines
from ._engines import ProgressBar
from ._operations import (
    Filter,
    Indicators,
    Lint,
    Map,
    Operation,
    Progress,
    Rollup,
    SdgCoverage,
    Task,
    Tocs,
    _pandas,
    failures_frame,
    frame,
)
from ._sources import FORMATS, Source, expand, parse_size, plan

if TYPE_CHECKING:
    import pandas

__all__ = ["FORMATS", "Portfolio", "PortfolioSdgCoverage"]

ENGINES = ("local", "dask")


class PortfolioSdgCoverage(NamedTuple):
    """What ``Portfolio.sdg_coverage`` returns, as DataFrames.

    ``rows``: one per outcome, SDG target (or goal, or indicator) and
    reference, the theory of change first; ``by_target``: every target of the
    framework with the number of theories of change and outcomes serving it;
    ``unserved``: the targets nobody serves; ``unknown``: references to codes
    the framework lacks.
    """

    rows: Any
    by_target: Any
    unserved: Any
    unknown: Any


class _Engine:
    """The engine a portfolio and its filtered views share, and the Dask client it may own."""

    def __init__(self, engine: str, workers: Optional[int], client: Any) -> None:
        self.engine = engine
        self.workers = workers
        self.client_arg = client
        self.client: Any = None
        self.pool: Optional[_engines.LocalPool] = None
        self._finalizer: Optional[weakref.finalize[Any, Any]] = None
        self._pool_finalizer: Optional[weakref.finalize[Any, Any]] = None

    def dask_client(self) -> Any:
        if self.client is None:
            client, owned = _engines.dask_client(self.client_arg, self.workers)
            self.client = client
            if owned:
                self._finalizer = weakref.finalize(self, _close_client, client)
        return self.client

    def local_pool(self) -> _engines.LocalPool:
        if self.pool is None:
            assert self.workers is not None
            self.pool = _engines.LocalPool(self.workers)
            self._pool_finalizer = weakref.finalize(self, self.pool.close)
        return self.pool

    def close(self) -> None:
        for finalizer in (self._finalizer, self._pool_finalizer):
            if finalizer is not None:
                finalizer()
        self.client = self.pool = None
        self._finalizer = self._pool_finalizer = None


def _close_client(client: Any) -> None:
    cluster = getattr(client, "cluster", None)
    client.close()
    if cluster is not None:
        cluster.close()


def _sources(sources: Union[Source, Iterable[Source]]) -> list[Source]:
    if isinstance(sources, (str, os.PathLike, bytes)):
        return [sources]
    if isinstance(sources, tuple) and len(sources) == 2 and isinstance(sources[1], bytes):
        return [(str(sources[0]), sources[1])]  # one (name, bytes) pair
    return list(sources)


def _date(as_of: Any) -> Any:
    # None means today: fixed here, so that every worker uses the same day.
    return datetime.date.today() if as_of is None else as_of


class Portfolio:
    """A set of theories of change read from many files, analysed in partitions.

    Args:
        sources: paths, globs (``**`` for any depth), directories (their .json,
            .xml, .csv, .xlsx and .xlsm files), fsspec URLs (``s3://bucket/*.xml``;
            needs fsspec and the filesystem's package), bytes, or
            ``(name, bytes)`` pairs. Each file is read once, in the order given;
            the files of a glob or directory in name order.
        format: "json" (tocgraph JSON), "iati" (IATI activity XML, one theory
            of change per activity) or "logframe" (CSV, XLSX); by default from
            each file's extension (.json, .xml, .csv/.xlsx/.xlsm).
        engine: "local" (default: this process, or ``workers`` processes) or
            "dask".
        workers: local processes (``engine="local"``; 1 or None: this
            process), or the workers of the LocalCluster started when
            ``engine="dask"`` finds no client (default: one per core).
        client: a ``distributed.Client``, or a scheduler address such as
            "tcp://10.0.0.5:8786" (implies ``engine="dask"``).
        block_size: IATI files larger than this are read in byte ranges of
            this size, one partition each; other files are grouped into
            partitions of at most this many bytes (an int, or "32MB").
        partition_files: at most this many files per partition (default:
            enough for about 64 partitions, at most 1000 files each).
        language: the language of IATI narratives (see tocgraph.read_iati).
        storage_options: passed to fsspec for URLs.
        progress_bar: show the bytes read so far on standard error (tqdm when
            it is installed).
    """

    def __init__(
        self,
        sources: Union[Source, Iterable[Source]],
        *,
        format: Optional[str] = None,
        engine: Optional[str] = None,
        workers: Optional[int] = None,
        client: Any = None,
        block_size: Union[int, str] = "32MB",
        partition_files: Optional[int] = None,
        language: Optional[str] = None,
        storage_options: Optional[dict[str, Any]] = None,
        progress_bar: bool = False,
    ) -> None:
        if format is not None and format not in FORMATS:
            raise ValueError(f"unknown format {format!r}; expected one of {', '.join(FORMATS)}")
        if engine is None:
            engine = "dask" if client is not None else "local"
        if engine not in ENGINES:
            raise ValueError(f"unknown engine {engine!r}; expected 'local' or 'dask'")
        if client is not None and engine != "dask":
            raise ValueError("client= runs on Dask: leave engine unset or pass engine='dask'")
        if workers is not None and (isinstance(workers, bool) or not isinstance(workers, int) or workers < 1):
            raise ValueError(f"workers must be a positive int, got {workers!r}")
        if partition_files is not None and partition_files < 1:
            raise ValueError(f"partition_files must be at least 1, got {partition_files!r}")
        self._storage_options = dict(storage_options or {})
        self._language = language
        self._progress_bar = bool(progress_bar)
        self._block_size = parse_size(block_size)
        pieces, self._plan_failures = expand(_sources(sources), format=format,
                                             storage_options=self._storage_options)
        self._partitions = plan(pieces, block_size=self._block_size, partition_files=partition_files)
        self._files = list(dict.fromkeys(p.name for p in pieces))
        self._filters: tuple[Filter, ...] = ()
        self._engine = _Engine(engine, workers, client)
        #: The files or activities the last operation could not read: file,
        #: partition (-1: before reading, e.g. no file matched), error, message.
        #: A pandas DataFrame, or a Dask DataFrame after a ``lazy=True`` operation.
        self.failures: Any = failures_frame(self._plan_failures)

    # ---- what it holds -------------------------------------------------------------------

    @property
    def files(self) -> list[str]:
        """The files (paths, URLs or names) in reading order."""
        return list(self._files)

    @property
    def npartitions(self) -> int:
        return len(self._partitions)

    @property
    def engine(self) -> str:
        return self._engine.engine

    def plan(self) -> pandas.DataFrame:
        """The partitions: one row per piece (a file, or a byte range of one)."""
        rows = [(part.index, piece.name, piece.format, piece.start, piece.start + piece.nbytes, piece.nbytes)
                for part in self._partitions for piece in part.pieces]
        return frame((("partition", "int64"), ("file", "string"), ("format", "string"), ("start", "int64"),
                      ("end", "int64"), ("bytes", "int64")), rows)

    def __len__(self) -> int:
        """The number of files."""
        return len(self._files)

    def __repr__(self) -> str:
        size = sum(p.nbytes for p in self._partitions)
        filtered = f", {len(self._filters)} filter(s)" if self._filters else ""
        return (f"<Portfolio: {len(self._files)} files, {size / 1e6:.1f} MB in {len(self._partitions)} "
                f"partitions, engine {self.engine}{filtered}>")

    # ---- choosing --------------------------------------------------------------------------

    def filter(
        self,
        *,
        publisher: Any = None,
        country: Any = None,
        sector: Any = None,
        identifier: Any = None,
        file: Any = None,
        text: Optional[str] = None,
        where: Optional[Callable[[tocgraph.TheoryOfChange], bool]] = None,
        **metadata: Any,
    ) -> Portfolio:
        """The theories of change that match every condition given (a new
        Portfolio on the same files and engine; filters run in the workers).

        Each condition is a str (equal), a collection of str (any of them), a
        compiled regular expression (searched) or a function of the text.

        Args:
            publisher: the IATI reporting-org ref, else the funder.
            country: a recipient country code (ISO 3166-1 alpha-2 in IATI);
                any of the theory of change's countries may match.
            sector: a DAC sector code; "151" also matches its 5-digit codes.
            identifier: the IATI identifier.
            file: the file it was read from.
            text: appears (case-insensitively) in the title or description of
                the programme, of a node, or in an indicator's title.
            where: a function of the TheoryOfChange returning True to keep it.
            **metadata: metadata fields (title, funder, version, description)
                or top-level keys of ``metadata.attributes``.
        """
        identity = {k: v for k, v in (("publisher", publisher), ("country", country), ("sector", sector),
                                      ("identifier", identifier), ("file", file)) if v is not None}
        if text is not None and not isinstance(text, str):
            raise TypeError(f"text must be a str, got {type(text).__name__}")
        if where is not None and not callable(where):
            raise TypeError(f"where must be a function, got {type(where).__name__}")
        view = object.__new__(Portfolio)
        view.__dict__.update(self.__dict__)
        view._filters = self._filters + (Filter(identity, dict(metadata), text, where),)
        view.failures = failures_frame(self._plan_failures)
        return view

    # ---- operations ----------------------------------------------------------------------------

    def tocs(self, *, lazy: bool = False) -> Any:
        """One row per theory of change: who it is (with its DAC ``sectors``),
        funder, level schema, counts of nodes, links and indicators, period."""
        return self._run(Tocs(), lazy)

    def lint(
        self,
        *,
        select: Any = None,
        ignore: Any = None,
        severity: Optional[dict[str, str]] = None,
        min_severity: Optional[str] = None,
        lazy: bool = False,
    ) -> Any:
        """The linter's findings (tocgraph.lint), one row per finding: code,
        name, severity, message, hint, ids (a JSON list)."""
        return self._run(Lint(select, ignore, severity, min_severity), lazy)

    def progress(
        self,
        as_of: Any = None,
        *,
        at_risk_below: Optional[float] = None,
        off_track_below: Optional[float] = None,
        lazy: bool = False,
    ) -> Any:
        """Where each indicator stands as of a date (today by default), one row
        per indicator: the result it measures and its level, baseline, target,
        actual, achievement, expected progress and status
        (tocgraph.monitoring.progress; tolerances left unset take its defaults)."""
        return self._run(Progress(_date(as_of), at_risk_below, off_track_below), lazy)

    def rollup(
        self,
        as_of: Any = None,
        *,
        method: str = "mean",
        at_risk_below: Optional[float] = None,
        off_track_below: Optional[float] = None,
        lazy: bool = False,
    ) -> Any:
        """Progress rolled up through each theory of change
        (tocgraph.monitoring.rollup), one row per result (activities left out):
        level, achievement, expected, status, and the inputs behind it
        (tolerances left unset take tocgraph.monitoring's defaults)."""
        return self._run(Rollup(_date(as_of), at_risk_below, off_track_below, method=method), lazy)

    def indicators(self, *, lazy: bool = False) -> Any:
        """Every baseline, target and actual of every indicator, one row each:
        ``kind`` ("baseline", "target", "actual"), period ``start``/``end``
        (targets and actuals) or ``date``/``year`` (baselines), value,
        value_text, dimensions and locations (JSON), comment."""
        return self._run(Indicators(), lazy)

    def map(self, fn: Callable[[tocgraph.TheoryOfChange], Any], *, meta: Any = None, lazy: bool = False) -> Any:
        """A function of each TheoryOfChange, one row per result after the
        identity columns: None gives no row, a dict one row (its keys are the
        columns), a list of dicts or a DataFrame several rows, any other value
        a row with the column ``value``.

        ``fn`` runs in the workers: with ``workers`` or Dask it must pickle (a
        lambda or a notebook function needs cloudpickle, which Dask brings).
        ``meta``: with ``lazy=True``, the empty DataFrame of the result (with
        the identity columns); without it Dask computes one partition to find it.
        """
        return self._run(Map(fn, meta), lazy)

    def sdg_coverage(self, framework: Any, *, roles: Iterable[str] = ("outcome", "goal")) -> PortfolioSdgCoverage:
        """Which SDG targets the outcomes serve (tocgraph.sdg.portfolio_coverage
        over the whole portfolio); theories of change are counted by file and
        position, so two activities with one identifier in two files count twice."""
        pd = _pandas()
        rows = self._run(SdgCoverage(framework, tuple(roles)), False)
        known = rows[rows["resolved"]].drop(columns="resolved").reset_index(drop=True)
        unknown = rows[~rows["resolved"]][["file", "offset", "identifier", "programme", "publisher", "countries",
                                           "node", "source", "reference"]].reset_index(drop=True)
        targeted = known[known["target"] != ""]
        tocs = targeted.groupby("target")[["file", "offset"]].apply(lambda g: len(g.drop_duplicates()))
        outcomes = targeted.groupby("target")[["file", "offset", "node"]].apply(lambda g: len(g.drop_duplicates()))
        catalogue = tocgraph.sdg.portfolio_coverage([], framework, as_dataframe=False).by_target
        by_target = pd.DataFrame(
            [(t.goal, t.target, t.title, int(tocs.get(t.target, 0)), int(outcomes.get(t.target, 0)))
             for t in catalogue],
            columns=["goal", "target", "title", "tocs", "outcomes"],
        )
        unserved = by_target[by_target["tocs"] == 0].reset_index(drop=True)
        return PortfolioSdgCoverage(known, by_target, unserved, unknown)

    # ---- running ------------------------------------------------------------------------------

    def _run(self, operation: Operation, lazy: bool) -> Any:
        operation.check()
        task = Task(operation, self._filters, self._language, self._storage_options)
        if lazy:
            if self.engine == "dask":
                self._engine.dask_client()  # a client of its own becomes Dask's default
            rows, failures = _engines.lazy_frames(self._partitions, task, operation.meta())
            if self._plan_failures:
                dask, dd = _engines._dask(), _engines._dask("dask.dataframe")
                with dask.config.set({"dataframe.convert-string": False}):
                    failures = dd.concat([dd.from_pandas(failures_frame(self._plan_failures), npartitions=1),
                                          failures])
            self.failures = failures
            return rows
        bar = ProgressBar(sum(p.nbytes for p in self._partitions), self._progress_bar)
        try:
            if self.engine == "dask":
                client = self._engine.dask_client()
                if self._progress_bar and getattr(client, "dashboard_link", None):
                    print(f"Dask dashboard: {client.dashboard_link}", file=sys.stderr)
                results = _engines.run_dask(client, self._partitions, task, bar)
            elif self._engine.workers and self._engine.workers > 1 and len(self._partitions) > 1:
                results = _engines.run_pool(self._partitions, task, self._engine.local_pool(), bar)
            else:
                results = _engines.run_local(self._partitions, task, bar)
        finally:
            bar.close()
        self.failures = _concat([failures_frame([]), failures_frame(self._plan_failures)] + [r[1] for r in results])
        return _concat([operation.frame([])] + [r[0] for r in results])

    # ---- the Dask client it may own ---------------------------------------------------------

    @property
    def client(self) -> Any:
        """The distributed.Client this portfolio runs on (engine "dask"), started if need be."""
        if self.engine != "dask":
            raise ValueError("this portfolio runs without Dask (engine='local')")
        return self._engine.dask_client()

    def close(self) -> None:
        """Stops the process pool, and the client and LocalCluster, this portfolio started, if any."""
        self._engine.close()

    def __enter__(self) -> Portfolio:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()


def _concat(frames: list[Any]) -> Any:
    """Frames one after the other; the first (empty) one fixes the columns when all are empty."""
    pd = _pandas()
    full = [f for f in frames[1:] if len(f)]
    if not full:
        return frames[0]
    if len(full) == 1:
        return full[0].reset_index(drop=True)
    return pd.concat(full, ignore_index=True)

