"""The command line of tocgraph.portfolio, also run by ``tocgraph portfolio``:

    tocgraph portfolio lint|progress|indicators GLOB... [--as-of DATE]
        [--workers N | --scheduler ADDRESS] [-o OUT.parquet|OUT.csv]
        [--failures OUT] [--progress]

Exit status: 0 success, 1 when a file could not be read (the table holds the
others) or the output cannot be written, 2 usage error.
"""

from __future__ import annotations

import argparse
import datetime
import importlib
import io
import os
import sys
from typing import Any, Optional, Sequence

from .._errors import Error
from .._files import write_bytes, write_text
from . import Portfolio

OPERATIONS = ("lint", "progress", "indicators")
_PROG = "tocgraph portfolio"


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog=_PROG,
        description="Lint, progress or indicators of many theories of change (tocgraph JSON, IATI XML, "
        "logframes), in this process, a local process pool or on a Dask cluster (docs/portfolio.md).",
    )
    parser.add_argument("operation", choices=OPERATIONS, help="the table to make")
    parser.add_argument("globs", nargs="+", metavar="GLOB", help="files, directories, globs or fsspec URLs")
    parser.add_argument("--as-of", metavar="DATE", help="progress as of this date (YYYY-MM-DD)")
    engine = parser.add_mutually_exclusive_group()
    engine.add_argument("-j", "--workers", type=int, metavar="N", help="read and analyse in N local processes")
    engine.add_argument("--scheduler", metavar="ADDRESS", help="run on the Dask cluster at ADDRESS")
    parser.add_argument("-o", "--output", metavar="OUT", help="the table: .csv or .parquet (default: CSV on stdout)")
    parser.add_argument("--failures", metavar="OUT", help="also write the failures table (.csv or .parquet)")
    parser.add_argument("--progress", action="store_true", help="show a progress bar on standard error")
    return parser


def _kind(path: str, parser: argparse.ArgumentParser, option: str) -> str:
    lower = path.lower()
    if lower.endswith(".csv"):
        return "csv"
    if lower.endswith((".parquet", ".pq")):
        return "parquet"
    parser.error(f"option {option}: {path}: expected a .csv or .parquet file")
    raise AssertionError  # parser.error exits


def _write(table: Any, path: Optional[str], kind: str) -> None:
    if path is None:
        try:
            table.to_csv(sys.stdout, index=False)
            sys.stdout.flush()
        except BrokenPipeError:  # e.g. piped into head: the reader has what it wanted
            os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return
    if kind == "parquet":
        try:
            importlib.import_module("pyarrow")
        except ImportError:
            raise OSError("writing Parquet needs pyarrow: pip install pyarrow") from None
    # Through the package's one atomic writer, so a failed or killed run leaves no half table.
    if kind == "parquet":
        buffer = io.BytesIO()
        table.to_parquet(buffer, index=False)
        write_bytes(path, buffer.getvalue())
    else:
        write_text(path, table.to_csv(index=False))


def main(argv: Optional[Sequence[str]] = None) -> int:
    parser = _parser()
    args = parser.parse_args(argv)
    if args.operation == "progress" and not args.as_of:
        parser.error("progress needs --as-of DATE")
    if args.operation != "progress" and args.as_of:
        parser.error(f"--as-of applies to progress, not {args.operation}")
    as_of = None
    if args.as_of:
        try:
            as_of = datetime.date.fromisoformat(args.as_of)
        except ValueError:
            parser.error(f'option --as-of: invalid date "{args.as_of}"; expected YYYY-MM-DD')
    if args.workers is not None and args.workers < 1:
        parser.error("option --workers: expected a positive number")
    out_kind = _kind(args.output, parser, "-o") if args.output else "csv"
    failures_kind = _kind(args.failures, parser, "--failures") if args.failures else "csv"

    try:
        engine: dict[str, Any] = {"client": args.scheduler} if args.scheduler else {"workers": args.workers}
        with Portfolio(args.globs, progress_bar=args.progress, **engine) as portfolio:
            if args.operation == "lint":
                table = portfolio.lint()
            elif args.operation == "progress":
                table = portfolio.progress(as_of)
            else:
                table = portfolio.indicators()
            failures = portfolio.failures
    except ImportError as error:  # pandas, or Dask for --scheduler
        print(f"{_PROG}: error: {error}", file=sys.stderr)
        return 1
    except OSError as error:  # e.g. a scheduler that cannot be reached
        print(f"{_PROG}: error: {error}", file=sys.stderr)
        return 1

    for row in failures.itertuples(index=False):
        print(f"{row.message} ({row.error})", file=sys.stderr)
    status = 1 if len(failures) else 0
    for table_, path, kind in ((table, args.output, out_kind), (failures, args.failures, failures_kind)):
        if table_ is failures and path is None:
            continue
        try:
            _write(table_, path, kind)
        except Error as error:  # the writer names the file: cannot save "PATH": REASON
            print(f"{_PROG}: error: {error}", file=sys.stderr)
            return 1
        except (OSError, ValueError, ImportError) as error:
            print(f"{_PROG}: error: {path}: {error}", file=sys.stderr)
            return 1
    files = len(portfolio)
    failed = failures["file"].nunique()
    summary = f"{len(table)} rows from {files} file{'s' if files != 1 else ''}"
    if failed:
        summary += f"; {failed} file{'s' if failed != 1 else ''} could not be read in full"
    print(f"{args.output or '<stdout>'}: {summary}", file=sys.stderr)
    return status
