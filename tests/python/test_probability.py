"""tocgraph.probability: exact marginals and conditionals equal pyAgrum's
LazyPropagation (to 1e-9) on the bundled example, the lint fixtures and
random models, and brute-force enumeration of the model's rules on small
ones; Monte Carlo within 4 standard errors of exact; contribution,
sensitivity, links in doubt; the pgmpy export; errors."""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import pandas
import pytest

import tocgraph
from tocgraph import probability as prob
from conftest import DATA, EXAMPLE



def pyagrum() -> Any:
    """pyagrum, or the test is skipped: only the comparisons with LazyPropagation need it."""
    return pytest.importorskip("pyagrum", reason="pyagrum is not installed: the comparison with LazyPropagation needs it")


def lint_files() -> list[Path]:
    return sorted((DATA / "lint").glob("*.json"))


def acyclic(path: Path) -> tocgraph.TheoryOfChange | None:
    toc = tocgraph.load(path)
    try:
        toc.topological_order()
    except tocgraph.CycleError:
        return None
    return toc


def observation_sets(frame: pandas.DataFrame) -> list[dict[str, bool]]:
    """No observation, one uncertain node observed achieved, another not achieved."""
    uncertain = frame[(frame["probability"] > 0.02) & (frame["probability"] < 0.98)]["id"].tolist()
    sets: list[dict[str, bool]] = [{}]
    if uncertain:
        sets.append({uncertain[-1]: True})
    if len(uncertain) > 1:
        sets.append({uncertain[0]: False})
    return sets


def compare_with_pyagrum(toc: tocgraph.TheoryOfChange) -> int:
    """Checks every node's marginal under each observation set; returns the number compared."""
    gum = pyagrum()
    bn = prob.to_pyagrum(toc)
    compared = 0
    for observed in observation_sets(prob.probability(toc)):
        ours = prob.probability(toc, observed, assumptions=True)
        if ours.attrs["evidence_probability"] == 0:
            continue
        engine = gum.LazyPropagation(bn)
        engine.setEvidence({k: int(v) for k, v in observed.items()})
        engine.makeInference()
        for name, p in zip(ours["id"], ours["probability"]):
            assert math.isclose(p, engine.posterior(name)[1], abs_tol=1e-9), (name, observed)
            compared += 1
    return compared


def test_the_example_agrees_with_pyagrum() -> None:
    assert compare_with_pyagrum(tocgraph.load(EXAMPLE)) > 50


def test_the_lint_fixtures_agree_with_pyagrum() -> None:
    tocs = [t for t in map(acyclic, lint_files()) if t is not None and len(t) > 0]
    assert len(tocs) > 30
    assert sum(compare_with_pyagrum(t) for t in tocs) > 200


@pytest.mark.parametrize("nodes", [20, 50, 120, 200, 500])
def test_random_models_agree_with_pyagrum(nodes: int) -> None:
    assert compare_with_pyagrum(prob.random_model(nodes, seed=nodes)) >= nodes


def test_monte_carlo_is_within_four_standard_errors_of_exact() -> None:
    toc = prob.random_model(150, seed=4)
    exact = prob.probability(toc)
    sampled = prob.probability(toc, method="monte_carlo", samples=200_000, seed=3, threads=2)
    n = sampled.attrs["accepted"]
    assert n == 200_000 and sampled.attrs["method"] == "monte_carlo"
    bound = 4 * (exact["probability"] * (1 - exact["probability"]) / n) ** 0.5 + 1e-6
    assert ((sampled["probability"] - exact["probability"]).abs() <= bound).all()
    assert (sampled["std_error"] > 0).any() and (exact["std_error"] == 0).all()
    same = prob.probability(toc, method="monte_carlo", samples=200_000, seed=3, threads=1)
    assert same["probability"].tolist() == sampled["probability"].tolist()
    # An observed activity is clamped, not rejected: every sample is kept.
    activity = next(n.id for n in toc.nodes(level="activity") if 0 < exact.set_index("id")["probability"][n.id] < 1)
    exact_seen = prob.probability(toc, {activity: "not_achieved"})
    sampled_seen = prob.probability(toc, {activity: "not_achieved"}, method="monte_carlo", samples=200_000, seed=3)
    assert sampled_seen.attrs["accepted"] == 200_000
    assert math.isclose(sampled_seen.attrs["evidence_probability"], exact_seen.attrs["evidence_probability"], rel_tol=1e-12)
    bound = 4 * (exact_seen["probability"] * (1 - exact_seen["probability"]) / 200_000) ** 0.5 + 1e-6
    assert ((sampled_seen["probability"] - exact_seen["probability"]).abs() <= bound).all()


def test_the_frame_and_its_attributes() -> None:
    toc = tocgraph.load(EXAMPLE)
    frame = toc.probability()
    assert list(frame.columns) == ["id", "level", "probability", "std_error"]
    assert len(frame) == len(toc)
    row = frame.set_index("id").loc["act_planning_workshops"]
    assert row["level"] == "activity" and row["probability"] == 1.0  # completed
    assert frame.attrs["evidence_probability"] == pytest.approx(1.0)
    assert ("node", "act_exchanges", "prior", 0.5) in frame.attrs["defaulted"]
    defaulted = prob.defaulted(toc)
    assert list(defaulted.columns) == ["kind", "id", "parameter", "value"]
    assert ("node", "act_exchanges", "prior", 0.5) in [tuple(r) for r in defaulted.itertuples(index=False)]
    assert prob.defaulted(toc, activity_prior=0.3)["value"].max() == 1.0
    lower = toc.probability(activity_prior=0.3).set_index("id")["probability"]
    assert lower["act_exchanges"] == pytest.approx(0.3)
    with_assumptions = toc.probability(assumptions=True)
    assert len(with_assumptions) == len(toc) + 5
    assert set(with_assumptions["level"][len(toc):]) == {"assumption"}
    observed = toc.probability({"out_knowledge_exchange": "achieved"}).set_index("id")["probability"]
    assert observed["out_knowledge_exchange"] == 1.0
    with pytest.raises(ValueError, match="achieved"):
        toc.probability({"out_knowledge_exchange": "yes"})


def chain() -> tocgraph.TheoryOfChange:
    toc = tocgraph.TheoryOfChange()
    toc.add_assumption(id="A", likelihood=0.7)
    toc.add_node(id="goal", level="goal")
    toc.add_node(id="out", level="output")
    toc.add_node(id="act", level="activity", status="planned")
    toc.add_link(source="act", target="out", strength=0.8)
    toc.add_link(source="out", target="goal", strength=0.9, assumptions=["A"])
    return toc


def test_sensitivity_contribution_and_doubt_by_hand() -> None:
    # The chain of tests/cpp/test_probability.cpp: goal = act 0.5 * 0.8 * 0.9 * A 0.7.
    toc = chain()
    ranked = toc.sensitivity()
    assert ranked["id"].tolist() == ["act", "A", "act->out", "out->goal"]
    assert ranked["swing"].tolist() == pytest.approx([0.504, 0.36, 0.315, 0.28])
    assert ranked[ranked["kind"] == "assumption"]["id"].tolist() == ["A"]
    shares = toc.contribution()
    assert shares.attrs["probability"] == pytest.approx(0.252) and shares.attrs["exact"]
    assert shares[["kind", "id"]].values.tolist() == [["activity", "act"]]
    assert shares["share"].tolist() == pytest.approx([0.252])
    doubt = toc.links_in_doubt({"goal": "not_achieved"})
    assert doubt[["source", "target"]].values.tolist() == [["out", "goal"], ["act", "out"]]
    assert doubt["posterior"].tolist() == pytest.approx([0.378 / 0.748, 0.548 / 0.748])
    assert doubt["change"].iloc[0] == pytest.approx(0.378 / 0.748 - 0.63)


def test_pathway_shares_add_up() -> None:
    toc = prob.random_model(60, seed=8)
    shares = prob.contribution(toc)
    total = shares.attrs["probability"]
    activities = shares[shares["kind"] == "activity"]["share"].sum()
    pathways = shares[shares["kind"] == "pathway"]["share"].sum()
    assert activities == pytest.approx(total - shares.attrs["baseline"], abs=1e-9)
    assert pathways == pytest.approx(total - shares.attrs["pathway_baseline"], abs=1e-9)
    assert not shares.attrs["exact"]  # more than 12 activities: sampled orders
    assert (shares[shares["kind"] == "activity"]["std_error"] > 0).any()


def test_pgmpy_export_agrees() -> None:
    inference = pytest.importorskip("pgmpy.inference", reason="pgmpy is not installed")
    toc = prob.random_model(30, seed=1)
    ours = prob.probability(toc).set_index("id")["probability"]
    engine = inference.VariableElimination(prob.to_pgmpy(toc))
    for node in ["goal0", "pw0", "eop1", "out2"]:
        assert engine.query([node], show_progress=False).values[1] == pytest.approx(ours[node], abs=1e-9)


def test_tornado_plot() -> None:
    matplotlib = pytest.importorskip("matplotlib")
    matplotlib.use("Agg")
    ax = prob.tornado_plot(chain(), top=3)
    assert len(ax.patches) == 6
    assert [t.get_text() for t in ax.get_yticklabels()] == ["link: act->out", "assumption: A", "activity: act"]


def test_errors() -> None:
    toc = chain()
    with pytest.raises(tocgraph.ImpossibleObservations):
        toc.probability({"act": False, "goal": True})
    with pytest.raises(tocgraph.ImpossibleObservations):
        toc.probability({"act": False, "goal": True}, method="monte_carlo", samples=1000)
    with pytest.raises(tocgraph.ModelError, match="nowhere"):
        toc.probability({"nowhere": True})
    with pytest.raises(ValueError, match="method"):
        toc.probability(method="magic")
    wide = tocgraph.TheoryOfChange()
    wide.add_node(id="o", level="output", logic="weighted")
    for i in range(12):
        wide.add_node(id=f"a{i}", level="activity")
        wide.add_link(source=f"a{i}", target="o")
    with pytest.raises(tocgraph.InferenceTooLarge) as error:
        wide.probability(max_table_entries=1024)
    assert error.value.clique_size == 13 and error.value.variable == "o"
    assert wide.probability(method="monte_carlo", max_table_entries=1024)["probability"].iloc[0] > 0


def test_observations_from_monitoring() -> None:
    toc = tocgraph.load(EXAMPLE)
    # Worked out from the example's progress table as docs/probability.md says:
    # an indicator off track makes its node not achieved; at risk, no data or
    # not yet due leaves it unobserved.
    table = toc.progress(as_of="2023-12-31")
    expected = {}
    for node, rows in table.groupby("node"):
        if (rows["status"] == "off_track").any():
            expected[node] = "not_achieved"
        elif rows["achievement"].notna().all() and (rows["achievement"] >= 1).all():
            expected[node] = "achieved"
    seen = prob.observations(toc, as_of="2023-12-31")
    assert seen == expected == {
        "io_1_1": "not_achieved", "io_1_2": "not_achieved", "out_knowledge_exchange": "not_achieved",
        "out_planning_guidance": "not_achieved", "out_progress_reports": "not_achieved",
    }
    assert toc.observations(as_of="2022-06-30") == {"io_1_3": "not_achieved"}
    # Wider tolerances: what was off track is only at risk, so unobserved.
    assert prob.observations(toc, as_of="2022-06-30", off_track_below=0.0) == {}
    given = toc.probability(seen).set_index("id")["probability"]
    assert all(given[node] == 0.0 for node in seen)
    with pytest.raises(ValueError):
        prob.observations(toc, as_of="2023-12-31", at_risk_below=0.5, off_track_below=0.6)


def test_the_report_shows_the_chance_of_success() -> None:
    toc = prob.random_model(60, seed=3)
    page = toc.report(as_of="2023-12-31", format="html")
    section = page[page.index('<section id="chances">'):page.index('<section id="feedback">')]
    assert '<a href="#chances">' in page
    chances = prob.probability(toc).set_index("id")["probability"]
    goal_row = section[section.index('<span class="id">goal0</span>'):].split("</tr>")[0]
    assert f"{chances['goal0'] * 100:.0f}%" in goal_row
    ranked = prob.sensitivity(toc, links=False)
    top = ranked[(ranked["kind"] == "assumption") & (ranked["swing"] > 1e-9)]["id"].head(5).tolist()
    assert top and [section.index(f'<span class="id">{a}</span>') for a in top] == sorted(
        section.index(f'<span class="id">{a}</span>') for a in top
    )
    # No indicators: no evidence, so no link in doubt.
    assert "0 results achieved, 0 off track" in section and "None: the evidence lowers no link" in section


def brute_force(toc: tocgraph.TheoryOfChange, activity_prior: float = 0.5) -> dict[str, float]:
    """P(achieved) of every node by enumerating every root, assumption, link
    mechanism and leak, straight from the rules of docs/probability.md."""
    order = toc.topological_order()
    likelihood = {a.id: (1.0 if a.likelihood is None else a.likelihood) for a in toc.assumptions()}
    links = toc.links()
    into = {n: [link for link in links if link.target == n] for n in order}
    roots = [n for n in order if not into[n]]

    def prior(node: tocgraph.Node) -> float:
        attrs = node.attributes or {}
        if "probability" in attrs:
            return float(attrs["probability"])
        if toc.schema.level(node.level).role == "activity":
            return {"completed": 1.0, "cancelled": 0.0}.get(node.status or "", activity_prior)
        return float(attrs.get("leak", 0.0))

    def leak(node: tocgraph.Node) -> float:
        return float((node.attributes or {}).get("leak", 0.0))

    # The binary choices and their probabilities of being 1.
    choices: list[tuple[str, float]] = [(f"root:{n}", prior(toc[n])) for n in roots]
    choices += [(f"asm:{a}", p) for a, p in likelihood.items()]
    choices += [(f"link:{l.source}>{l.target}", 1.0 if l.strength is None else l.strength) for l in links]
    choices += [(f"leak:{n}", leak(toc[n])) for n in order if into[n]]
    totals = dict.fromkeys(order, 0.0)
    for bits in range(1 << len(choices)):
        weight, value = 1.0, {}
        for i, (name, p) in enumerate(choices):
            on = bool(bits >> i & 1)
            weight *= p if on else 1 - p
            value[name] = on
        if weight == 0:
            continue
        achieved: dict[str, bool] = {}
        for n in order:
            if not into[n]:
                achieved[n] = value[f"root:{n}"]
                continue
            active = [
                achieved[l.source] and value[f"link:{l.source}>{l.target}"] and all(value[f"asm:{a}"] for a in l.assumptions)
                for l in into[n]
            ]
            logic = toc[n].logic
            if logic == "any":
                reached = any(active)
            elif logic == "all":
                reached = all(active)
            else:
                weights = [1.0 if l.strength is None else l.strength for l in into[n]]
                threshold = float((toc[n].attributes or {}).get("threshold", 0.5))
                reached = sum(w for w, a in zip(weights, active) if a) >= threshold * sum(weights) - 1e-12 * (sum(weights) + 1)
            achieved[n] = reached or value[f"leak:{n}"]
        for n in order:
            if achieved[n]:
                totals[n] += weight
    return totals


@pytest.mark.parametrize("nodes,seed", [(5, 1), (6, 2), (7, 3), (8, 4), (8, 5)])
def test_exact_equals_brute_force_enumeration(nodes: int, seed: int) -> None:
    toc = prob.random_model(nodes, seed=seed, second_target=0.5, assumption_share=0.6)
    expected = brute_force(toc)
    ours = prob.probability(toc).set_index("id")["probability"]
    for node, p in expected.items():
        assert ours[node] == pytest.approx(p, abs=1e-12), node
    assert {toc[n].logic for n in expected if toc.links_to(n)} == {"any", "all", "weighted"}
