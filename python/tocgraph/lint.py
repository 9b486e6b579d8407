"""The logic linter: checks a theory of change against a catalogue of rules
with stable codes and severities.

    findings = toc.lint(ignore=["TOC2"], min_severity="warning")
    for f in findings:
        print(f.code, f.severity, f.message)
    findings.to_pandas()          # one row per finding
    tocgraph.rules().to_pandas()  # the catalogue

Rules are named by code (``"TOC201"``), by code prefix (``"TOC2"``: every
measurement rule) or by name (``"result-without-indicator"``). docs/rules.md
documents every rule. The options are LintOptions' (include/tocgraph/lint/linter.hpp).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from . import _core
from ._core.lint import Finding, LintOptions, RuleInfo
from ._optional import pandas_module
from ._options import documented
from ._registry import core, present

if TYPE_CHECKING:
    import pandas
    from typing_extensions import Unpack

    from ._keywords import LintKeywords
    from ._toc import TheoryOfChange

__all__ = ["Finding", "Findings", "LintOptions", "RuleInfo", "Rules", "lint", "rules"]


class Findings(list[Finding]):
    """The findings of one lint run: a list of Finding, in rule-group and node order."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per finding: code, name, severity, message, hint and ids (a list)."""
        pd = pandas_module("Findings.to_pandas()")
        columns = ("code", "name", "severity", "message", "hint")
        frame: pandas.DataFrame = pd.DataFrame({c: [getattr(f, c) for f in self] for c in columns})
        frame["ids"] = [list(f.ids) for f in self]
        return frame


class Rules(list[RuleInfo]):
    """The rule catalogue: a list of RuleInfo, in code order."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per rule, indexed by code: name, severity, category, summary and hint."""
        pd = pandas_module("Rules.to_pandas()")
        columns = ("name", "severity", "category", "summary", "hint")
        index = pd.Index([r.code for r in self], name="code")
        frame: pandas.DataFrame = pd.DataFrame({c: [getattr(r, c) for r in self] for c in columns}, index=index)
        return frame


def rules() -> Rules:
    """The linter's rule catalogue."""
    return Rules(_core.lint.rule_catalogue())


def lint(toc: TheoryOfChange, **options: Unpack[LintKeywords]) -> Findings:
    """Checks the logic and the measurement plan of a theory of change; returns the findings.

    ``select`` / ``ignore`` name rules by code ("TOC201"), code prefix
    ("TOC2") or name; ``severity`` re-grades rules (``{"TOC103": "error"}``);
    ``min_severity`` drops lesser findings. ``.to_pandas()`` gives a
    DataFrame; ``tocgraph.rules()`` lists the rules. Raises ValueError
    (ModelError) naming an unknown rule or severity.
    """
    return Findings(_core.lint.lint(core(toc), LintOptions(**options)))


documented(lint, LintOptions)


present(globals())
