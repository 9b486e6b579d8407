"""The logic linter: checks a theory of change against a catalogue of rules
with stable codes and severities.

    findings = toc.lint(ignore=["TOC2"], min_severity="warning")
    for f in findings:
        print(f.code, f.severity, f.message)
    findings.to_pandas()          # one row per finding
    tocgraph.rules().to_pandas()  # the catalogue

Rules are named by code (``"TOC201"``), by code prefix (``"TOC2"``: every
measurement rule) or by name (``"result-without-indicator"``). docs/rules.md
documents every rule.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Optional, Union

from . import _core
from ._types import RuleCategoryName, SeverityName
from .analysis import _import_pandas

if TYPE_CHECKING:
    import pandas

    from ._toc import TheoryOfChange

__all__ = ["Finding", "Findings", "Rule", "Rules", "RuleCategoryName", "SeverityName", "lint", "rules"]

_SEVERITIES = ("info", "warning", "error")


@dataclass(frozen=True)
class Finding:
    """One problem the linter found.

    Attributes:
        code: the stable rule code, e.g. "TOC201".
        name: the rule's kebab-case name, e.g. "result-without-indicator".
        severity: "info", "warning" or "error" (after any override).
        message: what is wrong, naming the ids.
        hint: how to fix it.
        ids: the nodes, links ("a->b"), indicators or assumptions it concerns.
    """

    code: str
    name: str
    severity: SeverityName
    message: str
    hint: str
    ids: tuple[str, ...]

    def __str__(self) -> str:
        """``CODE severity: message``."""
        return f"{self.code} {self.severity}: {self.message}"


@dataclass(frozen=True)
class Rule:
    """One rule of the linter's catalogue.

    Attributes:
        code: the stable rule code, e.g. "TOC201".
        name: a kebab-case name, accepted wherever a code is.
        severity: the default severity.
        category: "structure", "measurement" or "plan".
        summary: what the rule checks.
        hint: how to fix what it finds.
    """

    code: str
    name: str
    severity: SeverityName
    category: RuleCategoryName
    summary: str
    hint: str


class Findings(list[Finding]):
    """The findings of one lint run: a list of Finding, in rule-group and node order."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per finding: code, name, severity, message, hint and ids (a list)."""
        _import_pandas("Findings.to_pandas()")
        import pandas as pd

        return pd.DataFrame(
            {
                "code": [f.code for f in self],
                "name": [f.name for f in self],
                "severity": [f.severity for f in self],
                "message": [f.message for f in self],
                "hint": [f.hint for f in self],
                "ids": [list(f.ids) for f in self],
            }
        )


class Rules(list[Rule]):
    """The rule catalogue: a list of Rule, in code order."""

    def to_pandas(self) -> pandas.DataFrame:
        """One row per rule, indexed by code: name, severity, category, summary and hint."""
        _import_pandas("Rules.to_pandas()")
        import pandas as pd

        return pd.DataFrame(
            {
                "name": [r.name for r in self],
                "severity": [r.severity for r in self],
                "category": [r.category for r in self],
                "summary": [r.summary for r in self],
                "hint": [r.hint for r in self],
            },
            index=pd.Index([r.code for r in self], name="code"),
        )


def rules() -> Rules:
    """The linter's rule catalogue."""
    return Rules(Rule(*row) for row in _core.rule_catalogue())


def _patterns(value: Union[str, Iterable[str], None], what: str) -> list[str]:
    if value is None:
        return []
    patterns = [value] if isinstance(value, str) else list(value)
    for p in patterns:
        if not isinstance(p, str):
            raise TypeError(f"{what} takes rule codes or names (str), got {type(p).__name__}")
    return patterns


def _check_severity(value: object, what: str) -> str:
    if value not in _SEVERITIES:
        raise ValueError(f'{what} must be "info", "warning" or "error", got {value!r}')
    return str(value)


def lint(
    toc: TheoryOfChange,
    *,
    select: Union[str, Iterable[str], None] = None,
    ignore: Union[str, Iterable[str], None] = None,
    severity: Optional[Mapping[str, SeverityName]] = None,
    min_severity: Optional[SeverityName] = None,
) -> Findings:
    """Checks the theory of change and returns what it finds.

    Args:
        select: run only these rules (codes, code prefixes such as "TOC2", or
            names); None runs every rule.
        ignore: skip these rules (same spellings).
        severity: a new severity per rule code or name, e.g.
            ``{"same-level-link": "error"}``.
        min_severity: drop findings below this severity ("info" keeps all).

    Raises ValueError (ModelError) naming an unknown rule or severity.
    """
    overrides = {
        str(rule): _check_severity(level, f"the severity of {rule!r}")
        for rule, level in (severity or {}).items()
    }
    minimum = _check_severity(min_severity or "info", "min_severity")
    rows = _core.lint(toc._toc, _patterns(select, "select"), _patterns(ignore, "ignore"), overrides, minimum)
    return Findings(
        Finding(code, name, level, message, hint, tuple(ids))
        for code, name, level, message, hint, ids in rows
    )
