# tocgraph._core.lint (register_lint.cpp): the linter's options, findings and rules.

from typing import Final

from typing_extensions import Unpack

from .._keywords import LintKeywords
from .._types import RuleCategoryName, SeverityName
from .model import TheoryOfChange, _Options, _Value

class Finding(_Value):
    code: Final[str]
    severity: Final[SeverityName]
    message: Final[str]
    ids: Final[list[str]]
    hint: Final[str]
    @property
    def name(self) -> str: ...

class RuleInfo(_Value):
    code: Final[str]
    name: Final[str]
    severity: Final[SeverityName]
    category: Final[RuleCategoryName]
    summary: Final[str]
    hint: Final[str]

class LintOptions(_Options):
    def __init__(self, **options: Unpack[LintKeywords]) -> None: ...

def lint(toc: TheoryOfChange, options: LintOptions) -> list[Finding]: ...
def rule_catalogue() -> list[RuleInfo]: ...
