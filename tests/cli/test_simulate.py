"""`tocgraph simulate`: probabilities of achievement, exact and by Monte
Carlo, with observations typed or read from monitoring, as text, JSON and
CSV (docs/probability.md). The chain below is the hand-computed one of
tests/cpp/test_probability.cpp.

The tool is found as in test_cli.py: TOCGRAPH_CLI, else PATH."""

from __future__ import annotations

import csv
import io
import json
import subprocess
from pathlib import Path

import pytest
from cli_runner import EXAMPLE, requires_cli, run_cli

pytestmark = requires_cli

# goal = act (planned: 0.5) * 0.8 * 0.9 * A (0.7) = 0.252
CHAIN = {
    "format": "tocgraph",
    "version": 1,
    "metadata": {"title": "Chain"},
    "assumptions": [{"id": "A", "statement": "", "likelihood": 0.7}],
    "nodes": [
        {"id": "goal", "level": "goal", "title": ""},
        {"id": "out", "level": "output", "title": ""},
        {"id": "act", "level": "activity", "title": "", "status": "planned"},
    ],
    "links": [
        {"source": "act", "target": "out", "strength": 0.8},
        {"source": "out", "target": "goal", "strength": 0.9, "assumptions": ["A"]},
    ],
}


def run(*args: str | Path) -> subprocess.CompletedProcess[str]:
    return run_cli("simulate", *args)


@pytest.fixture
def chain(tmp_path: Path) -> Path:
    path = tmp_path / "chain.json"
    path.write_text(json.dumps(CHAIN), encoding="utf-8")
    return path


def test_json_by_hand(chain: Path) -> None:
    result = run(chain, "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    probability = {n["id"]: n["probability"] for n in doc["nodes"]}
    assert probability["goal"] == pytest.approx(0.252, abs=1e-12)
    assert probability["out"] == pytest.approx(0.4, abs=1e-12)
    assert doc["target"] == "goal" and doc["method"] == "exact"
    assert doc["assumptions"] == [
        {"id": "A", "probability": 0.7, "if_holds": pytest.approx(0.36), "if_fails": 0.0, "swing": pytest.approx(0.36)}
    ]
    assert doc["defaulted"] == [{"kind": "node", "id": "act", "parameter": "prior", "value": 0.5}]
    assert doc["links_in_doubt"] == []


def test_observations_and_links_in_doubt(chain: Path) -> None:
    result = run(chain, "--observe", "goal=not_achieved", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["observations"] == {"goal": "not_achieved"}
    assert doc["evidence_probability"] == pytest.approx(0.748)
    doubt = [(d["source"], d["target"], d["posterior"]) for d in doc["links_in_doubt"]]
    assert doubt == [("out", "goal", pytest.approx(0.378 / 0.748)), ("act", "out", pytest.approx(0.548 / 0.748))]
    text = run(chain, "--observe", "out=achieved")
    assert text.returncode == 0, text.stderr
    assert "Target: goal  P(achieved) = 0.6300" in text.stdout
    assert "Observations: out=achieved" in text.stdout


def test_monte_carlo_and_csv(chain: Path) -> None:
    result = run(chain, "--method", "monte-carlo", "--samples", "200000", "--seed", "5", "--format", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [r["id"] for r in rows] == ["goal", "out", "act"]
    goal = rows[0]
    assert abs(float(goal["probability"]) - 0.252) <= 4 * float(goal["std_error"])
    again = run(chain, "--method", "monte-carlo", "--samples", "200000", "--seed", "5", "--format", "csv", "--threads", "1")
    assert again.stdout == result.stdout


def test_as_of_reads_monitoring() -> None:
    result = run(EXAMPLE, "--as-of", "2023-12-31", "--format", "json")
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    # Off-track indicators as of the end of 2023 make their nodes observed not achieved.
    assert doc["observations"]["io_1_1"] == "not_achieved"
    assert {n["id"]: n["probability"] for n in doc["nodes"]}["io_1_1"] == 0.0
    overridden = json.loads(run(EXAMPLE, "--as-of", "2023-12-31", "--observe", "out_knowledge_exchange=achieved", "--format", "json").stdout)
    assert overridden["observations"]["out_knowledge_exchange"] == "achieved"
    assert {n["id"]: n["probability"] for n in overridden["nodes"]}["out_knowledge_exchange"] == 1.0


def test_usage_errors(chain: Path) -> None:
    bad = run(chain, "--observe", "goal=maybe")
    assert bad.returncode == 2 and "expected ID=achieved or ID=not_achieved" in bad.stderr
    unknown = run(chain, "--observe", "nowhere=achieved")
    assert unknown.returncode == 2 and 'no node or assumption "nowhere"' in unknown.stderr
    method = run(chain, "--method", "guess")
    assert method.returncode == 2 and 'unknown method "guess"' in method.stderr
    impossible = run(chain, "--observe", "act=not_achieved", "--observe", "goal=achieved")
    assert impossible.returncode == 1 and "impossible" in impossible.stderr
