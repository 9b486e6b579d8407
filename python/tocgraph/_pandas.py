"""TheoryOfChange <-> pandas DataFrames (``toc.to_pandas()``, ``tocgraph.from_pandas``).

One frame per kind of element, one row per element, one column per member of
the element's JSON form (docs/format.md): lists and objects (tags, actors,
attributes, evidence, budget...) stay Python lists and dicts in their cells,
dates stay "YYYY-MM-DD" strings. Indicator values get a frame of their own,
``values``, one row per baseline, target or actual:

    kind        "baseline", "target" or "actual"
    indicator   the indicator's id
    node        the id of the node it measures (ignored when building back)
    start, end  the period (pandas timestamps); empty for baselines
    date        the baseline's date (a timestamp); empty for targets and actuals
    year        the baseline's year (nullable integers, pandas' "Int64")
    value, numerator, denominator
    dimension.NAME   one column per disaggregation dimension ("dimension.country"),
                     empty where a value has no such dimension
    ...         every other member (comment, locations...) under its own name

Rows keep the order of the lists they come from, and building back keeps the
order of the rows. Empty cells (None, NaN, NaT, pandas.NA) mean "absent"; in
an integer column (``year``) a whole float such as 2019.0 is that integer,
since a pandas column with empty cells holds its numbers as floats.
pandas is imported only when a frame is asked for.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Any, Optional

from ._errors import FormatError
from ._generic import build, plain
from ._optional import pandas_module

if TYPE_CHECKING:
    import pandas

    from ._toc import TheoryOfChange

__all__ = ["Frames", "from_pandas", "to_pandas"]

#: The element kinds with a frame of their own, in file order.
KINDS = ("nodes", "links", "indicators", "assumptions", "actors", "feedback")
#: The lists of an indicator that become rows of the values frame.
VALUE_LISTS = (("baseline", "baselines"), ("target", "targets"), ("actual", "actuals"))
VALUE_LIST_OF_KIND = dict(VALUE_LISTS)
DIMENSION_PREFIX = "dimension."
#: Columns that the file format holds as integers, by frame.
INTEGER_COLUMNS = {"values": ("year",)}


def _pandas() -> Any:
    return pandas_module("tocgraph's pandas conversion")


@dataclass
class Frames:
    """A theory of change as DataFrames (``toc.to_pandas()``).

    ``schema`` and ``metadata`` are the document's members of those names
    (None when absent); everything else is a frame.
    """

    nodes: pandas.DataFrame
    links: pandas.DataFrame
    indicators: pandas.DataFrame
    values: pandas.DataFrame
    assumptions: pandas.DataFrame
    actors: pandas.DataFrame
    feedback: pandas.DataFrame
    schema: Any = None
    metadata: Optional[dict[str, Any]] = None

    def frames(self) -> dict[str, pandas.DataFrame]:
        """The frames by name."""
        return {
            "nodes": self.nodes,
            "links": self.links,
            "indicators": self.indicators,
            "values": self.values,
            "assumptions": self.assumptions,
            "actors": self.actors,
            "feedback": self.feedback,
        }


def _frame(pd: Any, rows: list[dict[str, Any]], first: list[str]) -> Any:
    """A frame with the `first` columns always present, then the others in first-seen order."""
    columns = list(first)
    for row in rows:
        for key in row:
            if key not in columns:
                columns.append(key)
    return pd.DataFrame.from_records(rows, columns=columns) if rows else pd.DataFrame(columns=columns)


def to_pandas(toc: TheoryOfChange) -> Frames:
    """The frames of a theory of change (see the module documentation)."""
    pd = _pandas()
    doc = toc.to_dict()
    firsts = {
        "nodes": ["id", "level", "title"],
        "links": ["source", "target"],
        "indicators": ["id", "node", "title"],
        "assumptions": ["id", "statement"],
        "actors": ["id", "name", "type"],
        "feedback": ["id", "subject", "kind", "text"],
    }
    frames: dict[str, Any] = {}
    for kind in KINDS:
        items = doc.get(kind, [])
        if kind == "indicators":
            items = [{k: v for k, v in i.items() if k not in VALUE_LIST_OF_KIND.values()} for i in items]
        frames[kind] = _frame(pd, items, firsts[kind])

    rows: list[dict[str, Any]] = []
    dimension_columns: list[str] = []
    for indicator in doc.get("indicators", []):
        for kind, member in VALUE_LISTS:
            for item in indicator.get(member, []):
                row: dict[str, Any] = {
                    "kind": kind,
                    "indicator": indicator["id"],
                    "node": indicator["node"],
                    "start": None,
                    "end": None,
                    "date": None,
                }
                for key, value in item.items():
                    if key == "period":
                        row["start"], row["end"] = value["start"], value["end"]
                    elif key == "dimensions":
                        for name, text in value.items():
                            column = DIMENSION_PREFIX + name
                            row[column] = text
                            if column not in dimension_columns:
                                dimension_columns.append(column)
                    else:
                        row[key] = value
                rows.append(row)
    first = ["kind", "indicator", "node", "start", "end", "date", "value", "numerator", "denominator"]
    values = _frame(pd, rows, first)
    # Dimensions after the numbers, then the rest (comment, ...).
    rest = [c for c in values.columns if c not in first and c not in dimension_columns]
    values = values[first + dimension_columns + rest]
    for column in ("start", "end", "date"):
        values[column] = pd.to_datetime(values[column])
    for column in ("value", "numerator", "denominator"):
        values[column] = pd.to_numeric(values[column])
    if "year" in values.columns:
        values["year"] = values["year"].astype("Int64")
    return Frames(values=values, schema=doc.get("schema"), metadata=doc.get("metadata"), **frames)


def _records(frame: Any, name: str) -> list[dict[str, Any]]:
    """The rows of a frame as dicts of JSON values, leaving out empty cells."""
    if frame is None:
        return []
    if not hasattr(frame, "to_dict") or not hasattr(frame, "columns"):
        raise TypeError(f"{name} must be a pandas DataFrame, got {type(frame).__name__}")
    integers = INTEGER_COLUMNS.get(name, ())
    out = []
    for record in frame.to_dict("records"):
        row = {}
        for key, value in record.items():
            if not isinstance(key, str):
                raise TypeError(f"{name} frame: column names must be str, got {key!r}")
            cleaned = plain(value)
            if key in integers and isinstance(cleaned, float) and cleaned.is_integer():
                cleaned = int(cleaned)  # 2019.0 from a column with empty cells; 2019.5 stays wrong
            if cleaned is not None:
                row[key] = cleaned
        out.append(row)
    return out


def from_pandas(
    *,
    nodes: Any = None,
    links: Any = None,
    indicators: Any = None,
    values: Any = None,
    assumptions: Any = None,
    actors: Any = None,
    feedback: Any = None,
    schema: Any = None,
    metadata: Optional[dict[str, Any]] = None,
) -> TheoryOfChange:
    """A theory of change from frames laid out as ``to_pandas`` gives them.

    Any frame may be left out. Empty cells (None, NaN, NaT, pandas.NA) mean
    "absent". Raises FormatError naming the frame, the row (position and
    index label) and the column of a bad cell, e.g.
    ``<pandas>: nodes frame, row 3 (index 3), column 'level': unknown level "x"...``.
    """
    given = {
        "nodes": nodes,
        "links": links,
        "indicators": indicators,
        "values": values,
        "assumptions": assumptions,
        "actors": actors,
        "feedback": feedback,
    }
    records = {name: _records(frame, name) for name, frame in given.items()}
    labels: dict[str, list[Any]] = {
        name: (list(frame.index) if frame is not None else []) for name, frame in given.items()
    }

    document: dict[str, Any] = {"format": "tocgraph", "version": 1}
    if schema is not None:
        document["schema"] = plain(schema)
    if metadata is not None:
        document["metadata"] = plain(metadata)
    for kind in KINDS:
        if kind != "indicators" and records[kind]:
            document[kind] = records[kind]

    # Indicators, with the values frame's rows put back in their lists.
    indicator_rows = records["indicators"]
    position: dict[str, int] = {}
    for i, row in enumerate(indicator_rows):
        ident = row.get("id")
        if isinstance(ident, str):
            position.setdefault(ident, i)  # a repeated id is the reader's to report
    # (indicator row, list, item) -> the values frame row the item came from
    value_rows: dict[tuple[int, str, int], int] = {}
    for r, row in enumerate(records["values"]):
        item, member, ident = _value_item(row, r, labels["values"], position)
        owner = indicator_rows[position[ident]]
        if member in owner and (position[ident], member, 0) not in value_rows:
            problem = f"indicator {ident!r} also has {member} in the indicators frame: give them in one place"
            raise _cell_error("values", r, labels["values"], "indicator", problem)
        values_list = owner.setdefault(member, [])
        value_rows[(position[ident], member, len(values_list))] = r
        values_list.append(item)
    if indicator_rows:
        document["indicators"] = indicator_rows

    def locate(tokens: list[str]) -> str:
        if len(tokens) >= 2 and tokens[0] in given and tokens[1].isdigit():
            name, index = tokens[0], int(tokens[1])
            if name == "indicators" and len(tokens) >= 4 and tokens[3].isdigit():
                r = value_rows.get((index, tokens[2], int(tokens[3])))
                if r is not None:
                    return _place("values", r, labels["values"], _value_column(tokens[4:]))
            return _place(name, index, labels[name], tokens[2] if len(tokens) > 2 else None)
        return "/".join(tokens) or "document"

    return build(document, "<pandas>", locate)


def _value_item(
    row: dict[str, Any], r: int, labels: list[Any], position: dict[str, int]
) -> tuple[dict[str, Any], str, str]:
    """A row of the values frame as (baseline or period value, its list, its indicator's id)."""
    kind = row.get("kind")
    member = VALUE_LIST_OF_KIND.get(kind) if isinstance(kind, str) else None
    if not isinstance(kind, str) or member is None:
        problem = f'expected "baseline", "target" or "actual", got {kind!r}'
        raise _cell_error("values", r, labels, "kind", problem)
    ident = row.get("indicator")
    if not isinstance(ident, str) or ident not in position:
        raise _cell_error("values", r, labels, "indicator", f"unknown indicator {ident!r}")
    a_kind = ("an " if kind == "actual" else "a ") + kind
    item: dict[str, Any] = {}
    dimensions: dict[str, Any] = {}
    for key, value in row.items():
        if key in ("kind", "indicator", "node"):
            continue
        if not isinstance(key, str):
            raise _cell_error("values", r, labels, repr(key), "column names must be texts")
        if key == "period":
            problem = "the values frame gives a period as two columns, start and end"
            raise _cell_error("values", r, labels, key, problem)
        if key.startswith(DIMENSION_PREFIX):
            dimensions[key[len(DIMENSION_PREFIX) :]] = value
        elif key in ("start", "end"):
            if member == "baselines":
                problem = "a baseline has a date, not a period: leave start and end empty"
                raise _cell_error("values", r, labels, key, problem)
            item.setdefault("period", {})[key] = value
        elif key == "date" and member != "baselines":
            problem = f"{a_kind} has a period (start and end), not a date: leave date empty"
            raise _cell_error("values", r, labels, key, problem)
        else:
            item[key] = value
    if member != "baselines":
        for key in ("start", "end"):
            if key not in item.get("period", {}):
                raise _cell_error("values", r, labels, key, f"{a_kind} needs a period: give its start and end")
    if dimensions:
        item["dimensions"] = dimensions
    return item, member, ident


def _value_column(tokens: list[str]) -> Optional[str]:
    """The values frame's column of a member of a baseline or period value."""
    if not tokens:
        return None
    if tokens[0] == "period":
        return tokens[1] if len(tokens) > 1 else None
    if tokens[0] == "dimensions":
        return DIMENSION_PREFIX + tokens[1] if len(tokens) > 1 else None
    return tokens[0]


def _place(frame: str, row: int, labels: list[Any], column: Optional[str]) -> str:
    label = labels[row] if row < len(labels) else row
    where = f"{frame} frame, row {row} (index {label!r})"
    return where + (f", column {column!r}" if column else "")


def _cell_error(frame: str, row: int, labels: list[Any], column: str, problem: str) -> Exception:
    where = _place(frame, row, labels, column)
    return FormatError(f"<pandas>: {where}: {problem}", file="<pandas>", problem=problem)
