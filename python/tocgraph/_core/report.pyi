# tocgraph._core.report (register_report.cpp): progress reports and their options.

from typing_extensions import Unpack

from .._keywords import ReportKeywords
from .._types import DateLike, ReportFormatName
from .model import TheoryOfChange, _Options

class ReportOptions(_Options):
    def __init__(self, *, as_of: DateLike = ..., **options: Unpack[ReportKeywords]) -> None: ...

def report(toc: TheoryOfChange, format: ReportFormatName, options: ReportOptions) -> str: ...
