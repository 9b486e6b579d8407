"""`tocgraph progress`: indicator progress and its roll-up as of a date, as
text, JSON and CSV, by dimension, and its errors (docs/monitoring.md).

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


def run(*args: str | Path, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    return run_cli("progress", *args, stdin=stdin)


def test_text_table_of_the_example() -> None:
    result = run(EXAMPLE, "--as-of", "2022-12-31")
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].endswith(": progress as of 2022-12-31")
    assert lines[0].startswith("ASEAN-Australia Counter Trafficking")
    assert "at risk below 90%, off track below 60% of expected" in lines[1]
    plans = next(line for line in lines if "ind_io11_plans" in line).split()
    assert plans == ["io_1_1", "ind_io11_plans", "1", "6", "3", "40%", "60%", "at", "risk"]
    officials = next(line for line in lines if "ind_io12_participants" in line).split()
    assert officials[2:7] == ["0", "300", "140", "47%", "60%"]
    assert "Results (roll-up: mean)" in result.stdout
    io11 = next(line for line in lines if " io_1_1 " in line and "immediate_outcome" in line).split()
    assert io11 == ["immediate_outcome", "io_1_1", "20%", "80%", "off", "track", "2", "of", "2"]
    # Activities are not listed in the roll-up; pathways without data are.
    assert "act_exchanges" not in result.stdout
    assert next(line for line in lines if " pathway_2 " in line).split()[2:5] == ["-", "-", "no"]


def test_json_is_the_rollup() -> None:
    result = run(EXAMPLE, "--as-of", "2022-12-31", "--format", "json", "--method", "weakest")
    assert result.returncode == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["as_of"] == "2022-12-31"
    assert document["method"] == "weakest"
    assert document["tolerances"] == {"at_risk_below": 0.9, "off_track_below": 0.6}
    indicators = {i["indicator"]: i for i in document["indicators"]}
    assert indicators["ind_io11_plans"]["achievement"] == pytest.approx(0.4)
    assert indicators["ind_io12_usefulness"]["achievement"] is None
    assert indicators["ind_io12_usefulness"]["status"] == "no_data"
    nodes = {n["node"]: n for n in document["nodes"]}
    assert nodes["io_1_1"]["decisive"] == "out_planning_guidance"
    assert nodes["pathway_2"]["status"] == "no_data"
    assert list(nodes["io_1_1"])[:4] == ["node", "level", "title", "achievement"]
    # The same names, in the same order, as the Python classes' fields (tests/python/test_monitoring.py).
    assert list(indicators["ind_io11_plans"]) == [
        "indicator", "node", "title", "unit", "measure", "accumulation", "aggregation", "ascending", "filter", "as_of",
        "baseline", "baseline_date", "target", "target_date", "actual", "actual_date", "evaluated_at",
        "expected_value", "achievement", "expected", "status", "comment", "unreported", "notes", "periods", "parts",
    ]
    assert list(nodes["io_1_1"]["inputs"][0]) == [
        "kind", "id", "title", "achievement", "expected", "status", "weight", "scored", "share", "reason",
    ]


def test_csv_one_row_per_indicator() -> None:
    result = run(EXAMPLE, "--as-of", "2022-12-31", "-f", "csv")
    assert result.returncode == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 10
    plans = next(r for r in rows if r["indicator"] == "ind_io11_plans")
    assert float(plans["achievement"]) == pytest.approx(0.4)
    assert plans["status"] == "at_risk"
    assert plans["baseline_date"] == "2020-12-31"
    usefulness = next(r for r in rows if r["indicator"] == "ind_io12_usefulness")
    assert usefulness["achievement"] == ""
    assert "no baseline" in usefulness["notes"]


def test_by_member_state() -> None:
    result = run(EXAMPLE, "--as-of", "2022-12-31", "--by", "country")
    assert result.returncode == 0, result.stderr
    assert "ind_io13_on_time (io_1_3) by country" in result.stdout
    block = result.stdout.split("ind_io13_on_time (io_1_3) by country")[1].split("\n\n")[0]
    mm = next(line for line in block.splitlines() if line.strip().startswith("MM")).split()
    assert mm == ["MM", "40", "100", "0", "-67%", "67%", "off", "track"]

    members = "BN,KH,ID,LA,MY,MM,PH,SG,TH,VN"
    listed = run(EXAMPLE, "--as-of", "2022-12-31", "--by", "country", "--values", members, "--format", "csv")
    assert listed.returncode == 0, listed.stderr
    rows = [r for r in csv.DictReader(io.StringIO(listed.stdout)) if r["indicator"] == "ind_io12_usefulness"]
    assert [r["value"] for r in rows] == members.split(",")
    assert {r["value"] for r in rows if r["has_data"] == "false"} == {"BN", "LA", "MY", "MM", "SG", "TH", "VN"}

    text = run(EXAMPLE, "--as-of", "2022-12-31", "--by", "country", "--values", members)
    assert "  No data: BN, LA, MY, MM, SG, TH, VN" in text.stdout

    # Officials per Member State have figures but only a regional target: no target, yet data.
    participants = [r for r in csv.DictReader(io.StringIO(listed.stdout)) if r["indicator"] == "ind_io12_participants"]
    assert {r["value"]: (r["actual"], r["status"], r["has_data"]) for r in participants}["KH"] == ("23", "no_target", "true")
    assert {r["status"] for r in participants} == {"no_target"}
    block = text.stdout.split("ind_io12_participants (io_1_2) by country")[1].split("\n\n")[0]
    kh = next(line for line in block.splitlines() if line.strip().startswith("KH")).split()
    assert kh[-2:] == ["no", "target"]

    as_json = json.loads(run(EXAMPLE, "--as-of", "2022-12-31", "--by", "country", "-f", "json").stdout)
    assert as_json["dimension"] == "country"
    assert {b["indicator"] for b in as_json["indicators"]} >= {"ind_io13_on_time", "ind_io12_participants"}

    none = run(EXAMPLE, "--as-of", "2022-12-31", "--by", "sex")
    assert none.returncode == 0
    assert 'No indicator has values by "sex".' in none.stdout


def test_tolerances_change_the_status() -> None:
    result = run(EXAMPLE, "--as-of", "2022-12-31", "--at-risk-below", "0.6", "--off-track-below", "0.3", "-f", "csv")
    rows = {r["indicator"]: r for r in csv.DictReader(io.StringIO(result.stdout))}
    assert rows["ind_io11_plans"]["status"] == "on_track"


def test_reads_standard_input() -> None:
    result = run("-", "--as-of", "2022-12-31", "-f", "csv", stdin=EXAMPLE.read_text(encoding="utf-8"))
    assert result.returncode == 0, result.stderr
    assert len(list(csv.DictReader(io.StringIO(result.stdout)))) == 10


@pytest.mark.parametrize(
    ("args", "message"),
    [
        ((), "missing option --as-of DATE"),
        (("--as-of", "2022-13-01"), 'option --as-of: invalid date "2022-13-01"; expected YYYY-MM-DD'),
        (("--as-of", "2022-12-31", "--format", "xml"), 'unknown format "xml"; expected text, json or csv'),
        (("--as-of", "2022-12-31", "--method", "median"), 'option --method: unknown value "median"; expected "mean"'),
        (("--as-of", "2022-12-31", "--at-risk-below", "x"), 'option --at-risk-below: expected a number, got "x"'),
        (("--as-of", "2022-12-31", "--at-risk-below", "0.5", "--off-track-below", "0.7"),
         "off_track_below (0.7) must not exceed at_risk_below (0.5)"),
        (("--as-of", "2022-12-31", "--values", "KH"), "option --values needs --by DIMENSION"),
    ],
)
def test_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = run(EXAMPLE, *args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "usage: tocgraph progress" in result.stderr
    assert result.stdout == ""


def test_bad_files_and_cycles(tmp_path: Path) -> None:
    missing = run(tmp_path / "nope.json", "--as-of", "2022-12-31")
    assert missing.returncode == 1
    assert "nope.json" in missing.stderr

    document = json.loads(EXAMPLE.read_text(encoding="utf-8"))
    document["links"].append({"source": "goal", "target": "io_1_1"})
    cyclic = tmp_path / "cyclic.json"
    cyclic.write_text(json.dumps(document), encoding="utf-8")
    result = run(cyclic, "--as-of", "2022-12-31")
    assert result.returncode == 1
    assert "tocgraph: error: the links form a cycle: " in result.stderr
    assert result.stdout == ""
    # The breakdown does not need the graph's order.
    assert run(cyclic, "--as-of", "2022-12-31", "--by", "country").returncode == 0


def test_help_lists_the_command() -> None:
    listed = run_cli("--help")
    assert "progress" in listed.stdout
    help_text = run("--help")
    assert help_text.returncode == 0
    assert help_text.stdout.startswith("usage: tocgraph progress --as-of DATE")
    assert "--at-risk-below X" in help_text.stdout
