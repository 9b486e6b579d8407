"""Probabilistic contribution analysis: the chance that each result, and the
goal, is achieved given activity status, link strengths and assumption
likelihoods; which activities, assumptions and links matter most; and which
links the evidence puts in doubt. docs/probability.md describes the model.

Each function takes a :class:`~tocgraph.TheoryOfChange` first and runs in
C++ with the GIL released. ``observed`` maps node (or assumption) ids to
``True``/``"achieved"`` or ``False``/``"not_achieved"``. The keyword
``**parameters`` are the model's defaults (:class:`ProbabilityParameters`);
every number the model had to assume is listed by :func:`defaulted` and in
the ``attrs["defaulted"]`` of the frames.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import TYPE_CHECKING, Any, Optional, Union

from . import _core
from ._core.monitoring import ProgressOptions, Tolerances
from ._core.probability import ContributionOptions, MonteCarloOptions, ProbabilityParameters
from ._errors import ImpossibleObservations, InferenceTooLarge, ModelError
from ._optional import optional_module, pandas_module
from ._options import documented
from ._registry import core, present
from .monitoring import _day

if TYPE_CHECKING:
    import pandas
    from typing_extensions import Unpack

    from ._keywords import ProbabilityKeywords, ToleranceKeywords
    from ._types import DateLike
    from ._toc import TheoryOfChange

__all__ = [
    "ContributionOptions",
    "ImpossibleObservations",
    "InferenceTooLarge",
    "MonteCarloOptions",
    "ProbabilityParameters",
    "contribution",
    "defaulted",
    "links_in_doubt",
    "observations",
    "probability",
    "random_model",
    "sensitivity",
    "to_pgmpy",
    "to_pyagrum",
    "tornado_plot",
]

Observed = Optional[Mapping[str, Union[bool, str]]]

_VALUES = {"achieved": True, "not_achieved": False, "holds": True, "fails": False}


def _observed(observed: Observed) -> dict[str, bool]:
    out: dict[str, bool] = {}
    for key, value in (observed or {}).items():
        if isinstance(value, str):
            if value not in _VALUES:
                raise ValueError(f'observation of "{key}" must be "achieved" or "not_achieved", got {value!r}')
            out[key] = _VALUES[value]
        elif isinstance(value, bool):
            out[key] = value
        else:
            raise TypeError(f'observation of "{key}" must be a bool or "achieved"/"not_achieved", got {value!r}')
    return out


def observations(toc: TheoryOfChange, as_of: Optional[DateLike] = None, **options: Unpack[ToleranceKeywords]) -> dict[str, str]:
    """What monitoring says as of a date (today by default), as observations
    for :func:`probability` and the other functions: a node whose own
    indicators have all reached their final target is "achieved", a node
    with an indicator off track is "not_achieved"; the others are left for
    the model to estimate (docs/probability.md). Keyword arguments are the
    tolerances of :func:`tocgraph.monitoring.progress`."""
    settings = ProgressOptions(as_of=_day(as_of), **options)
    seen: dict[str, bool] = _core.probability.observations_as_of(core(toc), settings)
    return {node: "achieved" if achieved else "not_achieved" for node, achieved in seen.items()}


documented(observations, Tolerances)


def defaulted(toc: TheoryOfChange, **parameters: Unpack[ProbabilityKeywords]) -> pandas.DataFrame:
    """The numbers the model took from the parameters rather than from the file:
    a DataFrame with columns kind ("link", "assumption", "node"), id, parameter, value."""
    pd = pandas_module("defaulted()")
    rows = _core.probability.defaulted(core(toc), ProbabilityParameters(**parameters))
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=["kind", "id", "parameter", "value"])
    return frame


def _levels(toc: TheoryOfChange) -> dict[str, str]:
    return {node: level for level, ids in _core.analysis.levels(core(toc)).items() for node in ids}


def probability(
    toc: TheoryOfChange,
    observed: Observed = None,
    *,
    method: str = "exact",
    samples: int = 100_000,
    seed: int = 0,
    threads: int = 0,
    assumptions: bool = False,
    **parameters: Unpack[ProbabilityKeywords],
) -> pandas.DataFrame:
    """P(achieved | observed) of every node: a DataFrame with columns id, level,
    probability, std_error (0 when exact), in node insertion order.

    ``method="exact"`` (junction tree; InferenceTooLarge when the treewidth is
    too high) or ``"monte_carlo"`` (``samples`` forward samples, 64 per word,
    observed activities and assumptions clamped, observed results by
    rejection, ``threads`` threads; the result depends on
    ``seed`` and ``samples`` only). ``assumptions=True`` adds a row per
    assumption (level "assumption", probability that it holds). ``attrs``
    holds evidence_probability (P(observed), or the share of samples kept),
    samples, accepted and defaulted (as :func:`defaulted`).
    """
    pd = pandas_module("probability()")
    options = ProbabilityParameters(**parameters)
    seen = _observed(observed)
    if method == "exact":
        result = _core.probability.exact(core(toc), seen, options)
    elif method in ("monte_carlo", "monte-carlo"):
        mc = MonteCarloOptions(samples=samples, seed=seed, threads=threads)
        result = _core.probability.monte_carlo(core(toc), seen, mc, options)
    else:
        raise ValueError(f'method must be "exact" or "monte_carlo", got {method!r}')
    ids, values, errors, node_count, evidence, drawn, accepted, assumed = result
    rows = len(ids) if assumptions else node_count
    levels = _levels(toc)
    frame: pandas.DataFrame = pd.DataFrame(
        {
            "id": ids[:rows],
            "level": [levels[i] for i in ids[:node_count]] + ["assumption"] * (rows - node_count),
            "probability": values[:rows],
            "std_error": errors[:rows],
        }
    )
    frame.attrs.update(
        evidence_probability=evidence,
        samples=drawn,
        accepted=accepted,
        defaulted=assumed,
        method="exact" if method == "exact" else "monte_carlo",
    )
    return frame


def sensitivity(
    toc: TheoryOfChange,
    target: Optional[str] = None,
    observed: Observed = None,
    *,
    links: bool = True,
    **parameters: Unpack[ProbabilityKeywords],
) -> pandas.DataFrame:
    """Birnbaum importance for ``target`` (default: the goal) of every activity,
    assumption and link: a DataFrame with columns kind, id, probability,
    if_certain, if_fails and swing (if_certain - if_fails), largest swing first.

    Filter ``kind == "assumption"`` for the ranking of assumptions by swing.
    A link's id is "source->target"; ``links=False`` leaves links out (each
    costs two calibrations; activities and assumptions take one in all).
    Exact inference.
    """
    pd = pandas_module("sensitivity()")
    rows = _core.probability.sensitivity(
        core(toc), target or "", _observed(observed), links, ProbabilityParameters(**parameters)
    )
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=["kind", "id", "probability", "if_certain", "if_fails"])
    frame["swing"] = frame["if_certain"] - frame["if_fails"]
    return frame


def contribution(
    toc: TheoryOfChange,
    target: Optional[str] = None,
    observed: Observed = None,
    *,
    exact_limit: int = 12,
    permutations: int = 200,
    seed: int = 0,
    **parameters: Unpack[ProbabilityKeywords],
) -> pandas.DataFrame:
    """Shapley shares of ``target``'s chance (default: the goal): a DataFrame
    with columns kind ("activity" or "pathway"), id, share, std_error.

    The value of a set S of activities is P(target | observed, every other
    activity fails); the activities' shares add up to probability - baseline
    (in ``attrs``, with target, exact and pathway_baseline). Exact with up to
    ``exact_limit`` players, else from ``permutations`` random orders drawn
    with ``seed`` (std_error > 0). Pathways get shares the same way when the
    target is the goal.
    """
    pd = pandas_module("contribution()")
    options = ContributionOptions(exact_limit=exact_limit, permutations=permutations, seed=seed)
    result: dict[str, Any] = _core.probability.contribution(
        core(toc), target or "", _observed(observed), options, ProbabilityParameters(**parameters)
    )
    rows = [("activity", *r) for r in result["activities"]] + [("pathway", *r) for r in result["pathways"]]
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=["kind", "id", "share", "std_error"])
    frame.attrs.update({k: result[k] for k in ("target", "probability", "baseline", "exact", "pathway_baseline")})
    return frame


def links_in_doubt(
    toc: TheoryOfChange, observed: Observed = None, **parameters: Unpack[ProbabilityKeywords]
) -> pandas.DataFrame:
    """P(link works) before and after ``observed`` for every link: a DataFrame
    with columns source, target, prior, posterior and change (posterior - prior),
    the largest fall first. A link works when its mechanism works and its
    assumptions hold."""
    pd = pandas_module("links_in_doubt()")
    rows = _core.probability.links_in_doubt(core(toc), _observed(observed), ProbabilityParameters(**parameters))
    frame: pandas.DataFrame = pd.DataFrame(rows, columns=["source", "target", "prior", "posterior"])
    frame["change"] = frame["posterior"] - frame["prior"]
    return frame


def random_model(nodes: int = 200, *, seed: int = 0, second_target: float = 0.1, assumption_share: float = 0.2) -> TheoryOfChange:
    """A random ToC shaped for probabilistic analysis (tests, benchmarks): one
    target per node and sometimes a second nearby, strengths, nearby shared
    assumptions, mixed logic and activity statuses. Deterministic per seed."""
    toc: TheoryOfChange = _core.probability.random_model(nodes, seed, second_target, assumption_share)
    return toc


# ---- Bayesian networks for other libraries ---------------------------------------------


def _network(toc: TheoryOfChange, parameters: ProbabilityParameters) -> tuple[list[tuple[str, list[str], list[float]]], list[tuple[str, float]]]:
    network: tuple[list[tuple[str, list[str], list[float]]], list[tuple[str, float]]] = _core.probability.network(
        core(toc), parameters
    )
    return network


def to_pyagrum(toc: TheoryOfChange, **parameters: Unpack[ProbabilityKeywords]) -> Any:
    """The model as a ``pyagrum.BayesNet``: a variable per node and assumption
    (0: not achieved / fails, 1: achieved / holds), each node's full table over
    its causes and their links' assumptions."""
    gum = optional_module("pyagrum", "probability", "to_pyagrum()")
    tables, assumptions = _network(toc, ProbabilityParameters(**parameters))
    bn = gum.BayesNet(toc.metadata.title or "theory of change")
    for name, _ in assumptions:
        bn.add(gum.LabelizedVariable(name, name, 2))
    for name, _, _ in tables:
        bn.add(gum.LabelizedVariable(name, name, 2))
    for name, likelihood in assumptions:
        bn.cpt(name).fillWith([1.0 - likelihood, likelihood])
    for name, variables, values in tables:
        parents = [v for v in variables if v != name]
        for parent in parents:
            bn.addArc(parent, name)
        own = variables.index(name)
        cpt = bn.cpt(name)
        for index in range(0, len(values)):
            if index >> own & 1:
                continue
            where = {v: index >> bit & 1 for bit, v in enumerate(variables) if v != name}
            cpt[where] = [values[index], values[index | 1 << own]]
    return bn


def to_pgmpy(toc: TheoryOfChange, **parameters: Unpack[ProbabilityKeywords]) -> Any:
    """The model as a ``pgmpy.models.DiscreteBayesianNetwork`` with a TabularCPD
    per node and assumption (state 0: not achieved / fails, 1: achieved / holds)."""
    models = optional_module("pgmpy.models", "probability", "to_pgmpy()")
    factors = optional_module("pgmpy.factors.discrete", "probability", "to_pgmpy()")
    tables, assumptions = _network(toc, ProbabilityParameters(**parameters))
    edges = [(v, name) for name, variables, _ in tables for v in variables if v != name]
    bn = models.DiscreteBayesianNetwork(edges)
    bn.add_nodes_from([name for name, _ in assumptions] + [name for name, _, _ in tables])
    cpds = [factors.TabularCPD(name, 2, [[1.0 - p], [p]]) for name, p in assumptions]
    for name, variables, values in tables:
        parents = [v for v in variables if v != name]
        bits = {v: bit for bit, v in enumerate(variables)}
        own = 1 << bits[name]
        # pgmpy's columns: the parents' states with the last parent varying fastest.
        columns = []
        for column in range(1 << len(parents)):
            index = 0
            for i, parent in enumerate(parents):
                if column >> (len(parents) - 1 - i) & 1:
                    index |= 1 << bits[parent]
            columns.append(index)
        rows = [[values[i] for i in columns], [values[i | own] for i in columns]]
        cpds.append(factors.TabularCPD(name, 2, rows, evidence=parents or None, evidence_card=[2] * len(parents) or None))
    bn.add_cpds(*cpds)
    return bn


def tornado_plot(
    toc: TheoryOfChange,
    target: Optional[str] = None,
    observed: Observed = None,
    *,
    top: int = 10,
    kinds: tuple[str, ...] = ("assumption", "activity", "link"),
    ax: Any = None,
    **parameters: Unpack[ProbabilityKeywords],
) -> Any:
    """A tornado chart of the ``top`` largest swings for ``target`` (matplotlib):
    one bar per element from P(target | it fails) to P(target | it is certain),
    around the current probability. Returns the Axes."""
    plt = optional_module("matplotlib.pyplot", "plot", "tornado_plot()")
    frame = sensitivity(toc, target, observed, links="link" in kinds, **parameters)
    frame = frame[frame["kind"].isin(kinds)].head(top).iloc[::-1]
    base = probability(toc, observed, **parameters)
    goal = _target(toc, target)
    current = float(base.loc[base["id"] == goal, "probability"].iloc[0])
    if ax is None:
        _, ax = plt.subplots(figsize=(7, 0.4 * len(frame) + 1.2))
    labels = [f"{k}: {i}" for k, i in zip(frame["kind"], frame["id"])]
    ax.barh(labels, frame["if_certain"] - current, left=current, color="#4c9a2a", label="certain")
    ax.barh(labels, frame["if_fails"] - current, left=current, color="#c0392b", label="fails")
    ax.axvline(current, color="black", linewidth=1)
    ax.set_xlabel(f"P({goal} achieved)")
    ax.set_xlim(0, 1)
    ax.legend(loc="lower right")
    return ax


def _target(toc: TheoryOfChange, target: Optional[str]) -> str:
    """``target``, or the id of the one goal (ModelError if none or several)."""
    if target:
        return target
    by_level = _core.analysis.levels(core(toc))
    goals = [i for level in toc.schema.levels if level.role == "goal" for i in by_level.get(level.id, [])]
    if len(goals) != 1:
        raise ModelError(f"the model has {len(goals) or 'no'} goal{'' if len(goals) == 1 else 's'}; name the target")
    return goals[0]


documented(probability, ProbabilityParameters)
documented(sensitivity, ProbabilityParameters)
documented(contribution, ProbabilityParameters)
documented(links_in_doubt, ProbabilityParameters)
documented(defaulted, ProbabilityParameters)

present(globals())
