"""What a portfolio computes for each theory of change, and the filters that
choose them. A Task (filters + one operation) runs over one partition in a
worker and returns two pandas DataFrames: the rows and the failures.

Every operation has fixed columns and dtypes, so each partition's frame has
the same shape (which is what a Dask DataFrame needs) whatever it holds;
cells that hold lists or mappings (lint ids, dimensions, locations) are JSON
text, so CSV and Parquet hold them alike.
"""

from __future__ import annotations

import json
import json.encoder
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, Callable, Optional, Union

import tocgraph

from ._sources import Entry, Failure, Identity, Partition, given, read_piece

if TYPE_CHECKING:
    import pandas

Columns = tuple[tuple[str, str], ...]

#: The columns every result row starts with (``tocs()`` also has the sectors).
IDENTITY: Columns = (
    ("file", "string"),
    ("offset", "int64"),
    ("identifier", "string"),
    ("programme", "string"),
    ("publisher", "string"),
    ("countries", "string"),
)
FAILURE_COLUMNS: Columns = (("file", "string"), ("partition", "int64"), ("error", "string"), ("message", "string"))


def _pandas() -> Any:
    try:
        import pandas
    except ImportError:
        raise ImportError("tocgraph.portfolio needs pandas 2 or later: pip install 'tocgraph[pandas]'") from None
    if int(pandas.__version__.split(".")[0]) < 2:  # dates of any year need datetime64[s]
        raise ImportError(f"tocgraph.portfolio needs pandas 2 or later, not {pandas.__version__}: "
                          "pip install -U 'tocgraph[pandas]'")
    return pandas


def frame(columns: Columns, rows: list[Any]) -> pandas.DataFrame:
    """A DataFrame with exactly these columns and dtypes, from tuples in column order."""
    pd = _pandas()
    import numpy

    names = [name for name, _ in columns]
    df: pandas.DataFrame = (pd.DataFrame.from_records(rows, columns=names) if rows
                            else pd.DataFrame({n: [] for n in names}))
    df = df.astype({name: dtype for name, dtype in columns if not dtype.startswith("datetime64")})
    for name, dtype in columns:
        if dtype.startswith("datetime64"):  # from date objects, which numpy reads for years 1 to 9999
            df[name] = pd.Series(numpy.array(df[name].tolist(), dtype=dtype), index=df.index)
    return df


def failures_frame(failures: Iterable[Failure]) -> pandas.DataFrame:
    return frame(FAILURE_COLUMNS, [tuple(f) for f in failures])


_STRING = json.encoder.encode_basestring  # a str as JSON, without escaping non-ASCII


def _json(value: Union[Mapping[str, str], Iterable[str]]) -> str:
    """A list of str, or a mapping of str to str (keys sorted), as JSON text.
    (json.dumps does the same several times slower; these cells are many.)"""
    if isinstance(value, Mapping):
        return "{" + ", ".join(f"{_STRING(k)}: {_STRING(value[k])}" for k in sorted(value)) + "}"
    return "[" + ", ".join(map(_STRING, value)) + "]"


def _levels(toc: tocgraph.TheoryOfChange) -> dict[str, str]:
    return {node: level for level, nodes in toc.levels().items() for node in nodes}


# ---- operations ------------------------------------------------------------------------

#: The columns of progress and indicators rows that say which indicator it is.
_INDICATOR: Columns = (
        ("node", "string"),
        ("level", "string"),
        ("indicator", "string"),
        ("title", "string"),
        ("unit", "string"),
        ("measure", "string"),
        ("ascending", "bool"),
)


class Operation:
    """One row kind: ``rows(toc)`` gives tuples in the order of ``columns``."""

    columns: Columns = ()
    identity: Columns = IDENTITY

    def check(self) -> None:
        """Raises for bad arguments before any work is sent out (run on an empty ToC)."""
        list(self.rows(tocgraph.TheoryOfChange()))

    def rows(self, toc: tocgraph.TheoryOfChange) -> Iterable[tuple[Any, ...]]:
        raise NotImplementedError

    def prefix(self, identity: Identity) -> tuple[Any, ...]:
        return tuple(identity[: len(self.identity)])

    def frame(self, rows: list[Any]) -> pandas.DataFrame:
        return frame(self.identity + self.columns, rows)

    def meta(self) -> Optional[pandas.DataFrame]:
        """The empty frame of this operation's rows (None when only the rows tell)."""
        return self.frame([])


@dataclass
class Tocs(Operation):
    """One row per theory of change: who it is and its size."""

    identity: Columns = IDENTITY + (("sectors", "string"),)
    columns: Columns = (
        ("funder", "string"),
        ("schema", "string"),
        ("nodes", "int64"),
        ("links", "int64"),
        ("indicators", "int64"),
        ("start", "datetime64[s]"),
        ("end", "datetime64[s]"),
    )

    def check(self) -> None:
        pass

    def rows(self, toc: tocgraph.TheoryOfChange) -> Iterable[tuple[Any, ...]]:
        metadata = toc.metadata
        period = metadata.period
        yield (
            metadata.funder,
            toc.schema.name,
            len(toc),
            len(toc.links()),
            len(toc.indicators()),
            period.start if period else None,
            period.end if period else None,
        )


@dataclass
class Lint(Operation):
    select: Any = None
    ignore: Any = None
    severity: Optional[Mapping[str, str]] = None
    min_severity: Optional[str] = None
    columns: Columns = (
        ("code", "string"),
        ("name", "string"),
        ("severity", "string"),
        ("message", "string"),
        ("hint", "string"),
        ("ids", "string"),
    )

    def rows(self, toc: tocgraph.TheoryOfChange) -> Iterable[tuple[Any, ...]]:
        findings = toc.lint(**given(select=self.select, ignore=self.ignore, severity=self.severity,
                                    min_severity=self.min_severity))
        for f in findings:
            yield (f.code, f.name, f.severity, f.message, f.hint, _json(f.ids))


@dataclass
class _Monitoring(Operation):
    """The date and tolerances that tocgraph.monitoring judges progress by."""

    as_of: Any = None
    at_risk_below: Optional[float] = None
    off_track_below: Optional[float] = None

    def tolerances(self) -> dict[str, Any]:
        """The tolerances that were given (the others take monitoring's defaults)."""
        return given(at_risk_below=self.at_risk_below, off_track_below=self.off_track_below)


@dataclass
class Progress(_Monitoring):
    columns: Columns = _INDICATOR + (
        ("baseline", "float64"),
        ("baseline_date", "datetime64[s]"),
        ("target", "float64"),
        ("target_date", "datetime64[s]"),
        ("actual", "float64"),
        ("actual_date", "datetime64[s]"),
        ("evaluated_at", "datetime64[s]"),
        ("expected_value", "float64"),
        ("achievement", "float64"),
        ("expected", "float64"),
        ("status", "string"),
        ("comment", "string"),
        ("notes", "string"),
    )

    def rows(self, toc: tocgraph.TheoryOfChange) -> Iterable[tuple[Any, ...]]:
        table = tocgraph.monitoring.progress(toc, self.as_of, **self.tolerances())
        levels = _levels(toc) if len(table) else {}
        for p in table:
            yield (p.node, levels.get(p.node, ""), p.indicator, p.title, p.unit, p.measure, p.ascending,
                   p.baseline, p.baseline_date, p.target, p.target_date, p.actual, p.actual_date,
                   p.evaluated_at, p.expected_value, p.achievement, p.expected, p.status, p.comment,
                   "; ".join(p.notes))


@dataclass
class Rollup(_Monitoring):
    method: str = "mean"
    columns: Columns = (
        ("node", "string"),
        ("level", "string"),
        ("title", "string"),
        ("achievement", "float64"),
        ("expected", "float64"),
        ("status", "string"),
        ("method", "string"),
        ("scored_inputs", "int64"),
        ("inputs", "int64"),
        ("decisive", "string"),
    )

    def rows(self, toc: tocgraph.TheoryOfChange) -> Iterable[tuple[Any, ...]]:
        result = tocgraph.monitoring.rollup(toc, self.as_of, **given(method=self.method), **self.tolerances())
        roles = {level.id: level.role for level in toc.schema.levels}
        for n in result.nodes:
            if roles.get(n.level) == "activity":  # interventions, not results
                continue
            yield (n.node, n.level, n.title, n.achievement, n.expected, n.status, n.method,
                   n.scored_inputs, len(n.inputs), n.decisive or None)


@dataclass
class Indicators(Operation):
    columns: Columns = _INDICATOR + (
        ("kind", "string"),
        ("start", "datetime64[s]"),
        ("end", "datetime64[s]"),
        ("date", "datetime64[s]"),
        ("year", "Int64"),
        ("value", "float64"),
        ("value_text", "string"),
        ("numerator", "float64"),
        ("denominator", "float64"),
        ("dimensions", "string"),
        ("locations", "string"),
        ("comment", "string"),
    )

    def rows(self, toc: tocgraph.TheoryOfChange) -> Iterable[tuple[Any, ...]]:
        indicators = toc.indicators()
        levels = _levels(toc) if indicators else {}
        for i in indicators:
            head = (i.node, levels.get(i.node, ""), i.id, i.title, i.unit, i.measure, i.ascending)
            for b in i.baselines:
                yield head + ("baseline", None, None, b.date, b.year, b.value, b.value_text, None, None,
                              _json(b.dimensions), _json(b.locations), b.comment)
            for kind, values in (("target", i.targets), ("actual", i.actuals)):
                for v in values:
                    yield head + (kind, v.period.start, v.period.end, None, None, v.value, v.value_text,
                                  v.numerator, v.denominator, _json(v.dimensions), _json(v.locations), v.comment)


@dataclass
class SdgCoverage(Operation):
    """One row per outcome and SDG reference (``resolved`` False for a code the
    framework lacks), as tocgraph.sdg.portfolio_coverage gives them."""

    framework: Any = None
    roles: tuple[str, ...] = ("outcome", "goal")
    columns: Columns = (
        ("node", "string"),
        ("node_title", "string"),
        ("level", "string"),
        ("goal", "string"),
        ("target", "string"),
        ("indicator", "string"),
        ("target_title", "string"),
        ("via", "string"),
        ("source", "string"),
        ("reference", "string"),
        ("resolved", "bool"),
    )

    def rows(self, toc: tocgraph.TheoryOfChange) -> Iterable[tuple[Any, ...]]:
        coverage = tocgraph.sdg.portfolio_coverage([toc], self.framework, roles=self.roles, as_dataframe=False)
        for r in coverage.rows:
            yield (r.node, r.node_title, r.level, r.goal, r.target, r.indicator, r.target_title, r.via,
                   r.source, r.reference, True)
        levels = _levels(toc) if coverage.unknown else {}
        for u in coverage.unknown:
            node = toc.node(u.node)
            yield (u.node, node.title, levels.get(u.node, ""), "", "", "", "", "", u.source, u.reference, False)


@dataclass
class Map(Operation):
    """A user function: None gives no row; a mapping one row with its keys as
    columns; a list of mappings (or a DataFrame) several rows; anything else a
    row with the column ``value``."""

    fn: Optional[Callable[[tocgraph.TheoryOfChange], Any]] = None
    columns_meta: Any = None  #: the rows' empty frame, when the caller gives it

    def meta(self) -> Optional[pandas.DataFrame]:
        meta: Optional[pandas.DataFrame] = self.columns_meta
        return meta

    def check(self) -> None:
        if not callable(self.fn):
            raise TypeError(f"map() takes a function, got {type(self.fn).__name__}")

    def rows(self, toc: tocgraph.TheoryOfChange) -> Iterable[Any]:
        assert self.fn is not None
        result = self.fn(toc)
        if result is None:
            return []
        if isinstance(result, Mapping):
            return [dict(result)]
        if hasattr(result, "to_dict") and hasattr(result, "columns"):  # a DataFrame
            return list(result.to_dict("records"))
        if isinstance(result, (list, tuple)) and all(isinstance(r, Mapping) for r in result):
            return [dict(r) for r in result]
        return [{"value": result}]

    def prefix(self, identity: Identity) -> Any:
        return dict(zip((name for name, _ in self.identity), identity))

    def frame(self, rows: list[Any]) -> pandas.DataFrame:
        pd = _pandas()
        names = [name for name, _ in self.identity]
        if not rows:
            return frame(self.identity, [])
        df: pandas.DataFrame = pd.DataFrame.from_records(rows)
        return df[names + [c for c in df.columns if c not in names]].astype(dict(self.identity))


# ---- filters -------------------------------------------------------------------------------


def _matcher(value: Any, *, prefix: bool = False) -> Callable[[str], bool]:
    """A test of one text against a filter value: a str (equal, or a prefix
    when ``prefix``), a compiled regex (searched), a function, or a collection of str."""
    if isinstance(value, re.Pattern):
        return lambda text: value.search(text) is not None
    if callable(value):
        return lambda text: bool(value(text))
    if isinstance(value, str):
        return (lambda text: text.startswith(value)) if prefix else (lambda text: text == value)
    choices = tuple(str(v) for v in value)
    if prefix:
        return lambda text: text.startswith(choices)
    chosen = frozenset(choices)
    return lambda text: text in chosen


#: Filter keywords on the identity columns; several codes in one cell match if any does.
_IDENTITY_FILTERS = {
    "file": ("file", False, False),
    "identifier": ("identifier", False, False),
    "programme": ("programme", False, False),
    "publisher": ("publisher", False, False),
    "country": ("countries", True, False),
    "sector": ("sectors", True, True),
}
_METADATA_FIELDS = ("title", "description", "funder", "version")


@dataclass
class Filter:
    """Keeps the theories of change that match every given condition."""

    identity: dict[str, Any] = field(default_factory=dict)
    metadata: dict[str, Any] = field(default_factory=dict)
    text: Optional[str] = None
    where: Optional[Callable[[tocgraph.TheoryOfChange], bool]] = None

    def __post_init__(self) -> None:
        self._tests = [(_IDENTITY_FILTERS[k], _matcher(v, prefix=_IDENTITY_FILTERS[k][2]))
                       for k, v in self.identity.items()]
        self._metadata = [(k, _matcher(v)) for k, v in self.metadata.items()]
        self._text = self.text.casefold() if self.text is not None else None

    def __getstate__(self) -> dict[str, Any]:
        return {k: getattr(self, k) for k in ("identity", "metadata", "text", "where")}

    def __setstate__(self, state: dict[str, Any]) -> None:
        self.__dict__.update(state)
        self.__post_init__()

    def keep(self, entry: Entry) -> bool:
        identity = entry.identity._asdict()
        for (column, many, _), test in self._tests:
            cell = identity[column]
            if not (any(test(code) for code in cell.split()) if many else test(cell)):
                return False
        if self._metadata:
            metadata = entry.toc.metadata
            attributes = metadata.attributes or {}
            for key, test in self._metadata:
                value = getattr(metadata, key) if key in _METADATA_FIELDS else attributes.get(key)
                if value is None or not test(value if isinstance(value, str) else str(value)):
                    return False
        if self._text is not None and not self._mentions(entry.toc, self._text):
            return False
        return self.where is None or bool(self.where(entry.toc))

    @staticmethod
    def _mentions(toc: tocgraph.TheoryOfChange, text: str) -> bool:
        metadata = toc.metadata
        if text in metadata.title.casefold() or text in metadata.description.casefold():
            return True
        if any(text in n.title.casefold() or text in n.description.casefold() for n in toc):
            return True
        return any(text in i.title.casefold() for i in toc.indicators())


# ---- the task a worker runs -----------------------------------------------------------------


@dataclass
class Task:
    operation: Operation
    filters: tuple[Filter, ...] = ()
    language: Optional[str] = None
    storage_options: dict[str, Any] = field(default_factory=dict)

    def run(self, partition: Partition) -> tuple[pandas.DataFrame, pandas.DataFrame]:
        """The rows and failures of one partition; never raises for bad input."""
        rows: list[Any] = []
        failures: list[Failure] = []

        def fail(file: str, error: str, message: str) -> None:
            failures.append(Failure(file, partition.index, error, message))

        op = self.operation
        for piece in partition.pieces:
            try:
                for entry in read_piece(piece, storage_options=self.storage_options, language=self.language,
                                        fail=fail):
                    try:
                        if all(f.keep(entry) for f in self.filters):
                            head = op.prefix(entry.identity)
                            if isinstance(head, dict):
                                rows.extend({**head, **r} for r in op.rows(entry.toc))
                            else:
                                rows.extend(head + r for r in op.rows(entry.toc))
                    except Exception as error:  # one theory of change: the others go on
                        who = entry.identity.identifier or entry.identity.programme or entry.identity.file
                        where = f" (activity at byte {entry.identity.offset})" if entry.identity.offset else ""
                        fail(piece.name, type(error).__name__, f"{piece.name}{where}: {who}: {error}")
            except Exception as error:  # the file, or what is left of it
                message = str(error)
                if piece.name not in message:
                    message = f"{piece.name}: {message}"
                fail(piece.name, type(error).__name__, message)
        return op.frame(rows), failures_frame(failures)

