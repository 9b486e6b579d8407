"""Atheris harness: tocgraph.read_logframe on workbooks (.xlsx).

Half the inputs are taken as the file's bytes (what a damaged download
gives); the other half describe a grid of cells (text from a logframe's
vocabulary, numbers, dates, booleans, empty cells) that openpyxl writes as a
real workbook, so the reader's table logic is reached too.
"""

import datetime
import io
import os
import tempfile

import atheris
import openpyxl

import _common
from _common import expect_typed_errors, tocgraph

PATH = os.path.join(tempfile.mkdtemp(prefix="tocgraph-fuzz-"), "logframe.xlsx")
WORDS = [
    "Level", "ID", "Contributes to", "Statement", "Indicator ID", "Indicator", "Unit", "Dimensions",
    "Baseline", "Baseline date", "Target 2021", "Actual 2021", "Target 2021-01-01/2021-06-30",
    "Means of verification", "Assumptions", "Goal", "Purpose", "Output", "Activity", "Outcome",
    "Impact", "Indicators", "Milestone 1", "Target (date)", "Verification", "Risks", "g1", "p1", "o1",
    "a1", "i1", "country=KH", "50%", "n/a", "", " ", "=1+1", "#REF!",
]


def cell(fdp: atheris.FuzzedDataProvider):
    kind = fdp.ConsumeIntInRange(0, 7)
    if kind == 0:
        return None
    if kind == 1:
        return fdp.ConsumeInt(8)
    if kind == 2:
        return fdp.ConsumeRegularFloat()
    if kind == 3:
        return fdp.ConsumeBool()
    if kind == 4:
        return datetime.datetime(1900, 1, 1) + datetime.timedelta(days=fdp.ConsumeIntInRange(0, 80000))
    if kind == 5:
        # openpyxl refuses control characters in cells; keep printable text
        return "".join(c for c in fdp.ConsumeUnicodeNoSurrogates(12) if c.isprintable())
    return WORDS[fdp.ConsumeIntInRange(0, len(WORDS) - 1)]


def workbook_bytes(fdp: atheris.FuzzedDataProvider) -> bytes:
    book = openpyxl.Workbook()
    for s in range(fdp.ConsumeIntInRange(1, 2)):
        sheet = book.active if s == 0 else book.create_sheet(f"Sheet{s + 1}")
        width = fdp.ConsumeIntInRange(1, 10)
        for _ in range(fdp.ConsumeIntInRange(0, 8)):
            sheet.append([cell(fdp) for _ in range(width)])
        if fdp.ConsumeBool() and sheet.max_row > 1:
            sheet.merge_cells(start_row=1, start_column=1, end_row=2, end_column=1)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def test_one_input(data: bytes) -> None:
    if data[:1] == b"\x00":
        content = data[1:]
    else:
        content = workbook_bytes(atheris.FuzzedDataProvider(data))
    with open(PATH, "wb") as f:
        f.write(content)
    expect_typed_errors("read_logframe_xlsx", content, lambda: tocgraph.read_logframe(PATH))


if __name__ == "__main__":
    _common.main(test_one_input)
