# tocgraph._core.probability (register_probability.cpp): probabilistic contribution analysis.

from typing import Any

from typing_extensions import Unpack

from .._keywords import ContributionKeywords, MonteCarloKeywords, ProbabilityKeywords
from .._toc import TheoryOfChange as PublicTheoryOfChange
from .model import TheoryOfChange, _Options
from .monitoring import ProgressOptions

class ProbabilityParameters(_Options):
    def __init__(self, **options: Unpack[ProbabilityKeywords]) -> None: ...

class MonteCarloOptions(_Options):
    def __init__(self, **options: Unpack[MonteCarloKeywords]) -> None: ...

class ContributionOptions(_Options):
    def __init__(self, **options: Unpack[ContributionKeywords]) -> None: ...

_Marginals = tuple[list[str], list[float], list[float], int, float, int, int, list[tuple[str, str, str, float]]]

def defaulted(toc: TheoryOfChange, parameters: ProbabilityParameters) -> list[tuple[str, str, str, float]]: ...
def exact(toc: TheoryOfChange, observed: dict[str, bool], parameters: ProbabilityParameters) -> _Marginals: ...
def monte_carlo(
    toc: TheoryOfChange, observed: dict[str, bool], options: MonteCarloOptions, parameters: ProbabilityParameters
) -> _Marginals: ...
def sensitivity(
    toc: TheoryOfChange, target: str, observed: dict[str, bool], links: bool, parameters: ProbabilityParameters
) -> list[tuple[str, str, float, float, float]]: ...
def contribution(
    toc: TheoryOfChange,
    target: str,
    observed: dict[str, bool],
    options: ContributionOptions,
    parameters: ProbabilityParameters,
) -> dict[str, Any]: ...
def observations_as_of(toc: TheoryOfChange, options: ProgressOptions) -> dict[str, bool]: ...
def links_in_doubt(
    toc: TheoryOfChange, observed: dict[str, bool], parameters: ProbabilityParameters
) -> list[tuple[str, str, float, float]]: ...
def network(
    toc: TheoryOfChange, parameters: ProbabilityParameters
) -> tuple[list[tuple[str, list[str], list[float]]], list[tuple[str, float]]]: ...
def random_model(nodes: int, seed: int, second_target: float, assumption_share: float) -> PublicTheoryOfChange: ...
