"""tocgraph's probabilistic analysis against pyAgrum and pgmpy.

1. Exact inference, every node's P(achieved), on ToC-shaped models of 200
   nodes (tocgraph.probability.random_model): tocgraph's junction tree
   (``probability(toc)``) against pyAgrum's LazyPropagation (makeInference,
   then every posterior) and pgmpy's VariableElimination (one query per
   node, as pgmpy answers a marginal), on the same Bayesian network
   (``to_pyagrum`` / ``to_pgmpy``). The answers are checked equal (1e-9)
   before anything is timed; building the other libraries' networks is not
   timed.
2. Monte Carlo: node-samples per second on a 100,000-node model, with one
   thread and with every core.
3. Sensitivity of the goal to every assumption of a 1,000-node model:
   tocgraph's ``sensitivity(toc, links=False)`` against pyAgrum, evidence
   on each assumption in turn (holds, fails) with LazyPropagation.

Wall-clock seconds, best of the repeats (for exact marginals: tocgraph 10x,
pyAgrum 3x and pgmpy 1x --repeat), and the ratio are printed.

    python benchmarks/probability.py [--seeds 3] [--repeat 3] [--mc-nodes 100000] [--mc-samples 65536]
"""

from __future__ import annotations

import argparse
import math
import os
from typing import Any

import pyagrum as gum
from pgmpy.inference import VariableElimination

from timing import best_of, table, use_clock

from tocgraph import probability as prob


def lazy_marginals(bn: Any, names: list[str]) -> list[float]:
    engine = gum.LazyPropagation(bn)
    engine.makeInference()
    return [engine.posterior(n)[1] for n in names]


def pgmpy_marginals(model: Any, names: list[str]) -> list[float]:
    engine = VariableElimination(model)
    return [float(engine.query([n], show_progress=False).values[1]) for n in names]


def exact(seeds: int, repeat: int) -> None:
    rows = []
    for seed in range(seeds):
        toc = prob.random_model(200, seed=seed)
        ours = prob.probability(toc)
        names = ours["id"].tolist()
        bn, pg = prob.to_pyagrum(toc), prob.to_pgmpy(toc)
        for other in (lazy_marginals(bn, names), pgmpy_marginals(pg, names)):
            assert all(math.isclose(a, b, abs_tol=1e-9) for a, b in zip(ours["probability"], other))
        # Best of more runs for the faster calls, so that a busy moment of the
        # machine does not decide a figure measured in milliseconds.
        t_ours, _ = best_of(10 * repeat, lambda: prob.probability(toc))
        t_lazy, _ = best_of(3 * repeat, lambda: lazy_marginals(bn, names))
        t_pgmpy, _ = best_of(repeat, lambda: pgmpy_marginals(pg, names))
        rows.append([f"seed {seed}", f"{t_ours * 1e3:.2f}", f"{t_lazy * 1e3:.2f}", f"{t_pgmpy * 1e3:.0f}",
                     f"{t_lazy / t_ours:.1f}x", f"{t_pgmpy / t_ours:.0f}x"])
    table("Exact marginals of every node, 200-node models (ms; answers checked equal to 1e-9)",
          ["model", "tocgraph", "pyAgrum Lazy", "pgmpy VE", "pyAgrum/tocgraph", "pgmpy/tocgraph"], rows)


def monte_carlo(nodes: int, samples: int, repeat: int) -> None:
    toc = prob.random_model(nodes, seed=1)
    rows = []
    for threads in sorted({1, os.cpu_count() or 1}):
        seconds, _ = best_of(repeat, lambda: prob.probability(toc, method="monte_carlo", samples=samples, threads=threads))
        rows.append([f"{threads} thread{'s' if threads > 1 else ''}", f"{seconds:.3f}", f"{nodes * samples / seconds / 1e6:.0f}"])
    table(f"Monte Carlo, {nodes:,}-node model, {samples:,} samples", ["threads", "seconds", "M node-samples/s"], rows)


def sensitivity(repeat: int) -> None:
    toc = prob.random_model(1000, seed=2)
    # Assumptions without likelihood would hold for certain (the default 1.0),
    # and pyAgrum cannot observe an impossible state: give them 0.95.
    ours = prob.sensitivity(toc, links=False, assumption_likelihood=0.95)
    ours = ours[ours["kind"] == "assumption"].set_index("id")
    bn = prob.to_pyagrum(toc, assumption_likelihood=0.95)
    names = ours.index.tolist()

    def pyagrum_sensitivity() -> dict[str, tuple[float, float]]:
        engine = gum.LazyPropagation(bn)
        out = {}
        for name in names:
            values = []
            for state in (1, 0):
                engine.setEvidence({name: state})
                engine.makeInference()
                values.append(engine.posterior("goal0")[1])
            out[name] = (values[0], values[1])
        return out

    theirs = pyagrum_sensitivity()
    for name in names:
        assert math.isclose(ours.loc[name, "if_certain"], theirs[name][0], abs_tol=1e-9)
        assert math.isclose(ours.loc[name, "if_fails"], theirs[name][1], abs_tol=1e-9)
    t_ours, _ = best_of(repeat, lambda: prob.sensitivity(toc, links=False, assumption_likelihood=0.95))
    t_lazy, _ = best_of(1, pyagrum_sensitivity)
    table(f"Sensitivity of the goal to each of {len(names)} assumptions, 1,000-node model (s; checked equal)",
          ["tool", "seconds", "ratio"],
          [["tocgraph", f"{t_ours:.3f}", "1x"], ["pyAgrum LazyPropagation", f"{t_lazy:.3f}", f"{t_lazy / t_ours:.0f}x"]])


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--seeds", type=int, default=3)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--mc-nodes", type=int, default=100_000)
    parser.add_argument("--mc-samples", type=int, default=65_536)
    args = parser.parse_args()
    use_clock("wall")
    exact(args.seeds, args.repeat)
    sensitivity(args.repeat)
    monte_carlo(args.mc_nodes, args.mc_samples, args.repeat)


if __name__ == "__main__":
    main()
