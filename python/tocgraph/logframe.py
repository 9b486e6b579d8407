"""Logframe tables: CSV (through the C++ reader), spreadsheets (openpyxl) and
the layouts other tools use (docs/logframe.md).

    result = tocgraph.read_logframe("logframe.xlsx")      # ImportResult(toc, findings)
    toc.to_logframe("logframe.xlsx")                      # or .csv

Reading recognises:

* the tocgraph layout (docs/logframe.md) and its usual column names, in CSV
  or in any sheet of a workbook;
* the DFID results-framework template (blocks of "Impact Indicator |
  Baseline | Milestone 1 | ... | Target" rows with "Source" rows below);
* the JSON fixture of the aptivate logframe tool (Django models
  logframe.output, .indicator, .subindicator, .milestone, .target).

The last two are turned into the tocgraph layout and read by the same
reader, so the same findings and errors apply. openpyxl is imported only
for spreadsheets: ``pip install 'tocgraph[xlsx]'``.
"""

from __future__ import annotations

import datetime
import html
import io
import math
import os
import re
import zipfile
from collections.abc import Mapping
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _core
from ._errors import Error, FormatError
from ._core.formats import ImportResult, KumuOptions, LogframeReadOptions, LogframeWriteOptions
from ._files import parse_json, read_text, write_bytes, write_text
from ._optional import optional_module
from ._options import documented
from ._registry import core

if TYPE_CHECKING:
    from typing_extensions import Unpack

    from ._keywords import LogframeWriteKeywords
    from ._toc import TheoryOfChange

__all__ = ["read_logframe", "to_logframe"]

PathLike = Union[str, "os.PathLike[str]"]
#: Columns of the tocgraph layout whose cells are numbers in a spreadsheet.
_NUMERIC_HEADERS = ("Baseline", "Target ", "Actual ")
#: A number as the table writer writes one ("3", "0.25", "1.5e-07"). Texts that
#: Python's float() also takes ("nan", "inf", "1_000", other scripts' digits) stay texts.
# The characters XML 1.0 (and so a worksheet) cannot hold: openpyxl's ILLEGAL_CHARACTERS_RE.
_ILLEGAL_IN_WORKSHEETS = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f]")
_WRITTEN_NUMBER = re.compile(r"[+-]?\d+(?:\.\d*)?(?:[eE][+-]?\d+)?", re.ASCII)


def _openpyxl() -> Any:
    return optional_module("openpyxl", "xlsx", "reading and writing spreadsheets")


def _column_letter(column: int) -> str:
    letters = ""
    while column > 0:
        column, rest = divmod(column - 1, 26)
        letters = chr(ord("A") + rest) + letters
    return letters


def _cell_text(value: Any) -> str:
    """A spreadsheet cell as the text the table reader takes."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, datetime.datetime):
        return value.date().isoformat() if value.time() == datetime.time(0) else value.isoformat()
    if isinstance(value, datetime.date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value)


def _read_options(schema: Optional[str], columns: Optional[Mapping[str, str]]) -> LogframeReadOptions:
    """The reader's options; None keeps the C++ default."""
    options = LogframeReadOptions()
    if schema is not None:
        options.schema = schema
    if columns is not None:
        options.columns = dict(columns)
    return options


def _read_rows(
    rows: list[list[str]],
    lines: list[int],
    source: str,
    sheet: Optional[str],
    columns: Optional[Mapping[str, str]],
    schema: Optional[str],
) -> ImportResult:
    """Reads a grid; a FormatError names the sheet and the cell (C5)."""
    try:
        return _core.formats.read_logframe_rows(rows, lines, source, _read_options(schema, columns))
    except FormatError as error:
        if error.line is None or sheet is None:
            raise
        cell = f"{_column_letter(error.column or 1)}{error.line}"
        raise FormatError(
            f"{source}: sheet {sheet!r}, cell {cell}: {error.problem}",
            file=source,
            problem=error.problem,
            line=error.line,
            column=error.column,
        ) from None


# ---- the DFID results-framework template ---------------------------------------

_DFID_INDICATOR = re.compile(r"^\s*(impact|outcome|output)\s+indicator\s*$", re.IGNORECASE)
_DFID_LEVEL = re.compile(r"^\s*(impact|outcome|output)\b", re.IGNORECASE)


def _dfid_to_table(grid: list[list[str]]) -> Optional[tuple[list[list[str]], list[int]]]:
    """The DFID block layout as a tocgraph table, or None if the grid is not one.

    Each block: a header row "[LEVEL or label] | X Indicator | Baseline |
    Milestone 1 | ... | Target"; the row below holds the result statement (in
    the first column, under a level header), the indicator and its values;
    a "Source" row and the source text follow. A block whose first column
    header is another label (PRIMARY THEME, OUTCOME WEIGHTING (%)) adds an
    indicator to the result above; that label's value becomes a column of
    its own, which the reader reports as not recognised.
    """
    blocks = []
    for r, row in enumerate(grid):
        for c, text in enumerate(row):
            if _DFID_INDICATOR.match(text) and c + 1 < len(row) and row[c + 1].strip().lower().startswith("baseline"):
                blocks.append((r, c))
                break
    if not blocks:
        return None
    value_headers: list[str] = []
    for r, c in blocks:
        for text in grid[r][c + 1 :]:
            if text.strip() and text.strip() not in value_headers:
                value_headers.append(text.strip())
    label_headers: list[str] = []
    for r, c in blocks:
        label = grid[r][0].strip() if c > 0 else ""
        if label and not _DFID_LEVEL.match(label) and label not in label_headers:
            label_headers.append(label)
        if label and _DFID_LEVEL.match(label) and not re.fullmatch(r"(?i)\s*(impact|outcome|output)( \d+)?\s*", label):
            if label not in label_headers:  # "OUTCOME WEIGHTING (%)"
                label_headers.append(label)
    header = ["Level", "Statement", "Indicator", *value_headers, "Means of verification", *label_headers]
    table, lines = [header], [blocks[0][0] + 1]

    def cell(r: int, c: int) -> str:
        return grid[r][c].strip() if r < len(grid) and c < len(grid[r]) else ""

    level = ""
    for r, c in blocks:
        first = cell(r, 0) if c > 0 else ""
        is_level = bool(first) and bool(re.fullmatch(r"(?i)\s*(impact|outcome|output)( \d+)?\s*", first))
        if is_level:
            level = first
        word = _DFID_INDICATOR.match(grid[r][c])
        level = level or (word.group(1) if word else "")
        row = [""] * len(header)
        if is_level:
            row[0] = level
            row[1] = cell(r + 1, 0)
        elif first:
            row[header.index(first)] = cell(r + 1, 0)
        row[2] = cell(r + 1, c)
        for k, text in enumerate(grid[r][c + 1 :]):
            if text.strip():
                row[header.index(text.strip())] = cell(r + 1, c + 1 + k)
        # The "Source" label sits in the row below the values; the text under it.
        for k in range(1, 4):
            if cell(r + k, c + 1).lower() == "source":
                row[header.index("Means of verification")] = cell(r + k + 1, c + 1)
                break
        if is_level and not row[1] and not row[2]:
            row[0] = ""  # an empty block of the template: nothing to read
        if any(row):
            table.append(row)
            lines.append(r + 2)
    return table, lines


# ---- the aptivate logframe fixture (Django JSON) ------------------------------------


class _Text(HTMLParser):
    """Visible text of an HTML fragment, one line per paragraph or break."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag: str, attrs: Any) -> None:
        if tag in ("br", "p", "div", "li"):
            self.parts.append("\n")

    def handle_endtag(self, tag: str) -> None:
        if tag in ("p", "div", "li"):
            self.parts.append("\n")

    def handle_data(self, data: str) -> None:
        self.parts.append(data)


def _html_text(fragment: str) -> str:
    """The visible text of ``fragment``; ValueError when Python's HTML parser cannot read it."""
    parser = _Text()
    try:
        parser.feed(fragment)
        parser.close()
    except AssertionError as error:  # html.parser reports a malformed <![ ... section this way
        raise ValueError(str(error)) from None
    text = html.unescape("".join(parser.parts)).replace("\xa0", " ")
    lines = [re.sub(r"[ \t]+", " ", line).strip() for line in text.splitlines()]
    return "\n".join(line for line in lines if line)


def _slug(name: str) -> str:
    return re.sub(r"[^a-z0-9.]+", "-", name.strip().lower()).strip("-")


#: Fields of the aptivate models that the conversion reads, by what they must hold.
_APTIVATE_TEXT = ("name", "description", "assumptions", "source")
_APTIVATE_REFERENCES = ("output", "indicator", "sub_indicator", "milestone", "risk_rating")
_APTIVATE_NUMBERS = ("order",)
_APTIVATE_VALUES = ("value", "current_result", "impact_weighting", "budget_planned", "budget_spent")
#: The fields the conversion reads as HTML, by model.
_APTIVATE_HTML = {"logframe.output": ("description", "assumptions"), "logframe.indicator": ("description", "source")}


def _pk_order(pk: Any) -> tuple[int, float, str]:
    """Sorts integer keys, then text keys, then missing (null) ones, so a fixture mixing them still has one order."""
    if isinstance(pk, str):
        return (1, 0, pk)
    if pk is None:
        return (2, 0, "")
    return (0, pk, "")


def _aptivate_objects(fixture: Any, source: str) -> dict[str, dict[Any, dict[str, Any]]]:
    """The fixture's objects by model and primary key, each field checked to hold
    what the conversion reads from it (HTML fields as their visible text);
    FormatError with the JSON pointer otherwise."""

    def refuse(pointer: str, problem: str) -> FormatError:
        return FormatError(f"{source}: {pointer}: {problem}", file=source, pointer=pointer, problem=problem)

    if not isinstance(fixture, list):
        raise FormatError(
            f"{source}: not a logframe fixture: expected a list of Django objects with \"model\"",
            file=source,
            problem="not a logframe fixture",
        )
    by_model: dict[str, dict[Any, dict[str, Any]]] = {}
    for k, item in enumerate(fixture):
        if not isinstance(item, dict) or not isinstance(item.get("model"), str):
            raise refuse(f"/{k}", 'expected a Django object with a text "model"')
        pk = item.get("pk")
        if isinstance(pk, bool) or not isinstance(pk, (int, str, type(None))):
            raise refuse(f"/{k}/pk", f"expected a number or a text, not {type(pk).__name__}")
        fields = item.get("fields", {})
        if not isinstance(fields, dict):
            raise refuse(f"/{k}/fields", f"expected an object, not {type(fields).__name__}")
        checked = dict(fields)
        for key, value in fields.items():
            pointer = f"/{k}/fields/{key}"
            if value is None:
                continue
            if key in _APTIVATE_TEXT:
                if isinstance(value, (dict, list)):
                    raise refuse(pointer, f"expected a text, not {type(value).__name__}")
                checked[key] = _cell_text(value)
                if key in _APTIVATE_HTML.get(item["model"], ()):
                    try:
                        checked[key] = _html_text(checked[key])
                    except ValueError as error:
                        raise refuse(pointer, f"not readable as HTML: {error}") from None
            elif key in _APTIVATE_REFERENCES and (isinstance(value, bool) or not isinstance(value, (int, str))):
                raise refuse(pointer, f"expected a primary key (a number or a text), not {type(value).__name__}")
            elif key in _APTIVATE_NUMBERS and (isinstance(value, bool) or not isinstance(value, (int, float))):
                raise refuse(pointer, f"expected a number, not {type(value).__name__}")
            elif key in _APTIVATE_VALUES and isinstance(value, (dict, list)):
                raise refuse(pointer, f"expected a number or a text, not {type(value).__name__}")
        by_model.setdefault(item["model"], {})[pk] = checked
    return by_model


def _aptivate_to_table(fixture: Any, source: str) -> tuple[list[list[str]], list[int]]:
    """The aptivate logframe fixture as a tocgraph table (one row per sub-indicator)."""
    by_model = _aptivate_objects(fixture, source)
    outputs = by_model.get("logframe.output", {})
    if not outputs:
        raise FormatError(f"{source}: no logframe.output objects", file=source, problem="no logframe.output objects")
    milestones = sorted(by_model.get("logframe.milestone", {}).items(), key=lambda kv: _pk_order(kv[0]))
    risk = {pk: f.get("name") or "" for pk, f in by_model.get("logframe.riskrating", {}).items()}
    header = [
        "Level", "ID", "Statement", "Indicator ID", "Indicator", "Dimensions",
        *[(m.get("name") or f"Milestone {pk}") for pk, m in milestones],
        "Means of verification", "Assumptions", "Risk rating", "Impact weighting (%)",
        "Budget planned", "Budget spent", "Current result",
    ]
    column = {name: k for k, name in enumerate(header)}
    targets: dict[tuple[Any, Any], Any] = {}
    for f in by_model.get("logframe.target", {}).values():
        targets[(f.get("sub_indicator"), f.get("milestone"))] = f.get("value")
    indicators = by_model.get("logframe.indicator", {})
    subindicators = by_model.get("logframe.subindicator", {})
    table, lines = [header], [1]
    for pk, output in sorted(outputs.items(), key=lambda kv: (kv[1].get("order") or 0, _pk_order(kv[0]))):
        first = [""] * len(header)
        first[column["Level"]] = "output"
        first[column["ID"]] = _slug(output.get("name") or f"output {pk}")
        first[column["Statement"]] = output.get("description") or output.get("name") or ""
        first[column["Assumptions"]] = output.get("assumptions") or ""
        first[column["Risk rating"]] = risk.get(output.get("risk_rating"), "")
        for name, key in (("Impact weighting (%)", "impact_weighting"), ("Budget planned", "budget_planned"), ("Budget spent", "budget_spent")):
            if output.get(key) is not None:
                first[column[name]] = _cell_text(output[key])
        rows = []
        for ipk, indicator in sorted(indicators.items(), key=lambda kv: _pk_order(kv[0])):
            if indicator.get("output") != pk:
                continue
            subs = sorted(((spk, s) for spk, s in subindicators.items() if s.get("indicator") == ipk), key=lambda kv: _pk_order(kv[0]))
            for k, (spk, sub) in enumerate(subs or [(None, {})]):
                row = [""] * len(header)
                row[column["Level"]] = "output"
                row[column["ID"]] = first[column["ID"]]
                row[column["Indicator ID"]] = _slug(indicator.get("name") or f"indicator {ipk}")
                if k == 0:
                    row[column["Indicator"]] = indicator.get("description") or indicator.get("name") or ""
                    row[column["Means of verification"]] = indicator.get("source") or ""
                name = (sub.get("name") or "").strip()
                if name and name.lower() != "total":
                    row[column["Dimensions"]] = "subindicator=" + name.replace(";", ",").replace("=", "-")
                for mpk, m in milestones:
                    value = targets.get((spk, mpk))
                    if value is not None:
                        row[column[(m.get("name") or f"Milestone {mpk}")]] = _cell_text(value)
                if sub.get("current_result") is not None:
                    row[column["Current result"]] = _cell_text(sub["current_result"])
                rows.append(row)
        if rows:
            for k, text in enumerate(first):
                if text and not rows[0][k]:
                    rows[0][k] = text
        else:
            rows = [first]
        for row in rows:
            table.append(row)
            lines.append(len(table))
    return table, lines


# ---- reading and writing -------------------------------------------------------------


def _refuse_document_types(source: str) -> None:
    """Refuses a workbook whose XML declares a document type: an Office file never
    needs one, and its entities could expand without bound or read other files."""
    try:
        with zipfile.ZipFile(source) as archive:
            for member in archive.infolist():
                if not member.filename.lower().endswith((".xml", ".rels", ".vml")):
                    continue
                with archive.open(member) as f:
                    tail = b""
                    while chunk := f.read(1 << 20):
                        if b"<!DOCTYPE" in (tail + chunk).upper():
                            raise FormatError(f"{source}: {member.filename}: a DOCTYPE is not allowed in a workbook",
                                              file=source, problem="a DOCTYPE is not allowed in a workbook")
                        tail = chunk[-16:]
    except FormatError:
        raise
    except FileNotFoundError as error:
        raise FormatError(f"{source}: cannot open file: {error.strerror}", file=source, problem="cannot open file") from None
    except Exception as error:  # not a zip archive, a damaged member, an unreadable file
        raise FormatError(f"{source}: not a readable workbook: {error}", file=source, problem=str(error)) from None


def read_logframe(
    path: PathLike,
    sheet: Optional[str] = None,
    columns: Optional[Mapping[str, str]] = None,
    *,
    schema: Optional[str] = None,
) -> ImportResult:
    """Reads a logframe table from a CSV file, a workbook or an aptivate fixture.

    ``sheet`` names the worksheet (default: the first one that holds a
    logframe). ``columns`` maps header texts to what they hold ("level",
    "statement", "indicator", "target:2021", "ignore"... see docs/logframe.md).
    ``schema`` names a built-in level schema (default: the first that fits the
    level names). Raises FormatError naming the file, the line (or sheet and
    cell) and the column; returns the theory of change and the findings.
    """
    source = os.fspath(path)
    lower = source.lower()
    if lower.endswith(".json"):
        fixture = parse_json(read_text(source), source)
        table, lines = _aptivate_to_table(fixture, source)
        return _read_rows(table, lines, source, None, columns, schema)
    if not lower.endswith((".xlsx", ".xlsm")):
        return _core.formats.read_file_as(source, "logframe-csv", KumuOptions(), _read_options(schema, columns))

    openpyxl = _openpyxl()
    _refuse_document_types(source)
    try:
        workbook = openpyxl.load_workbook(source, read_only=True, data_only=True)
    except FileNotFoundError as error:
        raise FormatError(f"{source}: cannot open file: {error.strerror}", file=source, problem="cannot open file") from None
    except Exception as error:  # openpyxl raises several kinds for a file that is not a workbook
        raise FormatError(f"{source}: not a readable workbook: {error}", file=source, problem=str(error)) from None
    try:
        if sheet is not None and sheet not in workbook.sheetnames:
            raise FormatError(
                f"{source}: no sheet {sheet!r}; the workbook has " + ", ".join(repr(s) for s in workbook.sheetnames),
                file=source,
                problem=f"no sheet {sheet!r}",
            )
        names = [sheet] if sheet is not None else list(workbook.sheetnames)
        if not names:  # a workbook.xml listing no sheets is readable but empty
            raise FormatError(f"{source}: the workbook has no sheets", file=source, problem="no sheets")
        first_error: Optional[FormatError] = None
        for name in names:
            try:  # read-only workbooks parse each sheet's XML only now
                grid = [[_cell_text(v) for v in row] for row in workbook[name].iter_rows(values_only=True)]
            except Exception as error:
                raise FormatError(f"{source}: sheet {name!r} is not readable: {error}", file=source,
                                  problem=f"sheet {name!r} is not readable: {error}") from None
            dfid = _dfid_to_table(grid)
            if dfid is not None:
                return _read_rows(dfid[0], dfid[1], source, name, columns, schema)
            try:
                return _read_rows(grid, list(range(1, len(grid) + 1)), source, name, columns, schema)
            except FormatError as error:
                if sheet is not None or "no header row" not in error.problem:
                    raise
                first_error = first_error or error
        assert first_error is not None  # names is not empty, so every sheet failed with an error kept here
        raise first_error
    finally:
        workbook.close()


def to_logframe(
    toc: TheoryOfChange, path: PathLike, *, sheet: str = "Logframe", **options: Unpack[LogframeWriteKeywords]
) -> None:
    """Writes the logframe table (docs/logframe.md) to a .csv file or an .xlsx workbook.

    The file is replaced atomically. In a workbook, numbers in the value
    columns are written as numbers, on the worksheet ``sheet``.
    """
    target = os.fspath(path)
    if not target.lower().endswith((".xlsx", ".xlsm")):
        write_text(target, _core.formats.to_logframe_csv(core(toc), LogframeWriteOptions(**options)))
        return
    openpyxl = _openpyxl()
    rows: list[list[str]] = _core.formats.logframe_rows(core(toc))
    workbook = openpyxl.Workbook()
    worksheet = workbook.active
    worksheet.title = sheet
    header = rows[0]
    numeric = [any(h == p or h.startswith(p) for p in _NUMERIC_HEADERS) for h in header]
    for r, row in enumerate(rows):
        values: list[Any] = []
        for k, text in enumerate(row):
            if bad := _ILLEGAL_IN_WORKSHEETS.search(text):
                raise Error(f"cannot write {target}: row {r + 1}, column {header[k]!r} holds the control character "
                            f"U+{ord(bad.group()):04X}, which a worksheet cannot hold (a .csv file can)")
            value: Any = text if text != "" else None
            if r > 0 and numeric[k] and _WRITTEN_NUMBER.fullmatch(text):
                number = float(text)
                if math.isfinite(number):
                    value = int(text) if text.lstrip("+-").isdigit() else number
            values.append(value)
        worksheet.append(values)
        for cell in worksheet[worksheet.max_row]:
            if cell.data_type == "f":  # text starting with "=" is text here, never a formula
                cell.data_type = "s"
    for cell in worksheet[1]:
        cell.font = openpyxl.styles.Font(bold=True)
    buffer = io.BytesIO()
    workbook.save(buffer)
    write_bytes(target, buffer.getvalue())


documented(to_logframe, LogframeWriteOptions)
