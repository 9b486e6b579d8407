"""Tests of the `tocgraph` command-line tool (src/cli).

The tool is taken from the TOCGRAPH_CLI environment variable, else from PATH
(where `pip install .` puts it):

    TOCGRAPH_CLI=build-cli/src/tocgraph pytest tests/cli
"""

from __future__ import annotations

import json
import os
import re
import subprocess
from collections import Counter
from pathlib import Path

import pytest
from cli_runner import ROOT, EXAMPLE, requires_cli, run_cli as run

GOAL = (
    "ASEAN Member States have effective justice systems that provide just punishment of "
    "traffickers and protect the human rights of victims"
)
LEVEL_NOUNS = [  # the default schema's levels, top first, as the summary names them
    ("goal", "goal", "goals"),
    ("pathway", "pathway", "pathways"),
    ("end_of_program_outcome", "end-of-program outcome", "end-of-program outcomes"),
    ("intermediate_outcome", "intermediate outcome", "intermediate outcomes"),
    ("immediate_outcome", "immediate outcome", "immediate outcomes"),
    ("output", "output", "outputs"),
    ("activity", "activity", "activities"),
]


pytestmark = requires_cli


def n(count: int, singular: str, plural: str | None = None) -> str:
    return f"{count} {singular if count == 1 else (plural or singular + 's')}"


def expected_summary(doc: dict) -> str:
    levels = Counter(node["level"] for node in doc.get("nodes", []))
    parts = [n(levels[lid], one, many) for lid, one, many in LEVEL_NOUNS if levels[lid]]
    nodes = n(len(doc.get("nodes", [])), "node")
    if parts:
        nodes += " (" + ", ".join(parts) + ")"
    return ", ".join(
        [
            nodes,
            n(len(doc.get("links", [])), "link"),
            n(len(doc.get("indicators", [])), "indicator"),
            n(len(doc.get("assumptions", [])), "assumption"),
            n(len(doc.get("actors", [])), "actor"),
            n(len(doc.get("feedback", [])), "feedback item"),
        ]
    )


def write(tmp_path: Path, name: str, doc: dict | str) -> Path:
    path = tmp_path / name
    path.write_text(doc if isinstance(doc, str) else json.dumps(doc), encoding="utf-8")
    return path


@pytest.fixture(scope="module")
def example() -> dict:
    return json.loads(EXAMPLE.read_text(encoding="utf-8"))


# ---- top level ----------------------------------------------------------------


@pytest.mark.parametrize("flag", ["--help", "-h", "help"])
def test_help_lists_commands(flag: str) -> None:
    result = run(flag)
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("usage: tocgraph ")
    for command in ("analyze", "check", "show", "help"):
        assert re.search(rf"^  {command} +\S", result.stdout, re.M), command
    assert result.stderr == ""


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    result = run(flag)
    assert result.returncode == 0
    assert re.fullmatch(r"tocgraph \d+\.\d+\.\d+\S* \(file format version 1\)\n", result.stdout)


def test_one_version_everywhere() -> None:
    """version.hpp defines the version; the package metadata, the module and the CLI repeat it."""
    import importlib.metadata

    import tocgraph

    header = (ROOT / "include" / "tocgraph" / "version.hpp").read_text()
    version = re.search(r'^#define TOCGRAPH_VERSION "([^"]+)"$', header, re.M)
    assert version is not None
    assert run("--version").stdout.split()[1] == version.group(1)
    assert tocgraph.__version__ == version.group(1)
    assert importlib.metadata.version("tocgraph") == version.group(1)


def test_no_arguments_is_a_usage_error() -> None:
    result = run()
    assert result.returncode == 2
    assert result.stdout == ""
    assert "usage: tocgraph" in result.stderr


@pytest.mark.parametrize(
    "args, message",
    [
        (["frobnicate"], 'unknown command "frobnicate"'),
        (["--frobnicate"], "unknown option --frobnicate"),
        (["help", "frobnicate"], 'unknown command "frobnicate"'),
    ],
)
def test_bad_top_level_usage(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert message in result.stderr
    assert "usage: tocgraph" in result.stderr
    assert result.stdout == ""


@pytest.mark.parametrize("command", ["analyze", "check", "show"])
def test_command_help(command: str) -> None:
    via_help = run("help", command)
    via_flag = run(command, "--help")
    via_short = run(command, "x.json", "-h")
    assert via_help.returncode == via_flag.returncode == via_short.returncode == 0
    assert via_help.stdout == via_flag.stdout == via_short.stdout
    assert via_help.stdout.startswith(f"usage: tocgraph {command} ")
    assert "Options:" in via_help.stdout
    assert "--help" in via_help.stdout


# ---- check ------------------------------------------------------------------------


# What the linter finds in the bundled example: the gaps its README leaves on purpose
# (Pathways 2 and 3 have nothing beneath their end-of-program outcomes, one activity
# proposed at the workshop is not linked yet, three indicators lack a baseline), and
# single-contributor nodes whose logic is the default "all".
EXAMPLE_FINDINGS = [
    ("TOC111", "info", ["pathway_1"]),
    ("TOC111", "info", ["pathway_2"]),
    ("TOC111", "info", ["pathway_3"]),
    ("TOC108", "warning", ["eopo_2"]),
    ("TOC108", "warning", ["eopo_3"]),
    ("TOC111", "info", ["io_1_1"]),
    ("TOC111", "info", ["out_monitoring_template"]),
    ("TOC110", "warning", ["act_cso_dialogue"]),
    ("TOC201", "warning", ["eopo_2"]),
    ("TOC201", "warning", ["eopo_3"]),
    ("TOC202", "warning", ["ind_io12_usefulness"]),
    ("TOC202", "warning", ["ind_out_exchange_events"]),
    ("TOC202", "warning", ["ind_out_reports_received"]),
]
FINDING_LINE = re.compile(r"^(?P<file>.+?): (?P<code>TOC\d{3}) (?P<severity>info|warning|error): (?P<message>.+?)(?: \[(?P<ids>[^\]]*)\])?$")
LINT = ROOT / "tests" / "data" / "lint"


def findings_of(stdout: str) -> list[tuple[str, str, list[str]]]:
    out = []
    for line in stdout.splitlines()[:-1]:  # the last line is the summary
        match = FINDING_LINE.match(line)
        assert match, line
        out.append((match["code"], match["severity"], match["ids"].split(", ") if match["ids"] else []))
    return out


def test_check_example() -> None:
    result = run("check", EXAMPLE)
    assert result.returncode == 0, result.stderr  # warnings and info do not fail a check
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert all(line.startswith(f"{EXAMPLE}: TOC") for line in lines[:-1])
    assert findings_of(result.stdout) == EXAMPLE_FINDINGS
    assert lines[-1] == "checked 1 file: 0 errors, 8 warnings, 5 info"
    assert f'{EXAMPLE}: TOC110 warning: activity "act_cso_dialogue" has no links [act_cso_dialogue]' in lines
    assert (
        f'{EXAMPLE}: TOC202 warning: indicator "ind_io12_usefulness" has no baseline [ind_io12_usefulness]' in lines
    )


def test_check_example_as_json() -> None:
    result = run("check", "--format", "json", EXAMPLE)
    assert result.returncode == 0, result.stderr
    findings = json.loads(result.stdout)
    assert [(f["code"], f["severity"], f["ids"]) for f in findings] == EXAMPLE_FINDINGS
    first = findings[3]
    assert first == {
        "file": str(EXAMPLE),
        "code": "TOC108",
        "name": "result-without-contributors",
        "severity": "warning",
        "message": 'end_of_program_outcome "eopo_2" has no contributors',
        "hint": "Add the outputs or activities that bring it about, or link existing ones to it.",
        "ids": ["eopo_2"],
    }
    assert list(first) == ["file", "code", "name", "severity", "message", "hint", "ids"]


def test_check_names_the_file_as_given() -> None:
    result = run("check", "examples/asean-act/toc.json", cwd=ROOT)
    assert result.returncode == 0
    assert result.stdout.startswith("examples/asean-act/toc.json: TOC111 info: ")


def test_check_reports_format_error(tmp_path: Path) -> None:
    bad = write(
        tmp_path,
        "bad.json",
        {
            "format": "tocgraph",
            "version": 1,
            "nodes": [{"id": "goal", "level": "goal"}],
            "links": [{"source": "goal", "target": "oc9"}],
        },
    )
    result = run("check", bad)
    assert result.returncode == 1
    assert result.stdout == "checked 1 file: 0 errors, 0 warnings, 0 info; 1 file was not loaded\n"
    assert result.stderr == f'{bad}: /links/0/target: unknown node "oc9"\n'
    # As JSON the findings stay a valid (empty) array; the load error goes to stderr as before.
    result = run("check", "--format=json", bad)
    assert result.returncode == 1
    assert json.loads(result.stdout) == []
    assert result.stderr == f'{bad}: /links/0/target: unknown node "oc9"\n'


def test_check_reports_syntax_error_with_line_and_column(tmp_path: Path) -> None:
    bad = write(tmp_path, "syntax.json", '{"format": "tocgraph",\n  "version": 1,\n}')
    result = run("check", bad)
    assert result.returncode == 1
    assert result.stderr.startswith(f"{bad}:3:1: syntax error: ")


def test_check_missing_file_is_a_format_error(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = run("check", missing)
    assert result.returncode == 1
    assert result.stderr == f"{missing}: cannot open file: No such file or directory\n"


def test_check_several_files_fails_if_one_fails(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.json", {"format": "toc", "version": 1})
    result = run("check", bad, EXAMPLE)
    assert result.returncode == 1
    assert result.stderr == f'{bad}: /format: expected "tocgraph", got "toc"\n'
    assert result.stdout.startswith(f"{EXAMPLE}: TOC")
    assert result.stdout.endswith("checked 2 files: 0 errors, 8 warnings, 5 info; 1 file was not loaded\n")


def test_check_reads_standard_input() -> None:
    result = run("check", "-", stdin='{"format": "tocgraph", "version": 1}')
    assert result.returncode == 1  # no goal is an error
    assert result.stdout == (
        '<stdin>: TOC105 error: no node at the goal level ("goal")\n'
        "checked 1 file: 1 error, 0 warnings, 0 info\n"
    )
    clean = (LINT / "TOC101-pass.json").read_text(encoding="utf-8")
    result = run("check", "-", stdin=clean)
    assert result.returncode == 0
    assert result.stdout == "checked 1 file: 0 errors, 0 warnings, 0 info\n"
    result = run("check", "-", stdin="")
    assert result.returncode == 1
    assert result.stderr == "<stdin>: empty document\n"


def test_check_exit_status_follows_error_findings() -> None:
    # TOC101-fail.json: a cycle (error) through a downward link (error).
    cycle = LINT / "TOC101-fail.json"
    result = run("check", cycle)
    assert result.returncode == 1
    assert result.stdout == (
        f"{cycle}: TOC101 error: the links form a cycle: goal -> act1 -> goal [goal, act1]\n"
        f'{cycle}: TOC102 error: link "goal" -> "act1" points down from goal to activity [goal->act1]\n'
        "checked 1 file: 2 errors, 0 warnings, 0 info\n"
    )
    # Warnings alone do not fail.
    assert run("check", LINT / "TOC103-fail.json").returncode == 0
    # Re-graded down, ignored or filtered out, errors no longer fail the check.
    assert run("check", "--severity", "TOC101=warning,downward-link=info", cycle).returncode == 0
    assert run("check", "--ignore", "cycle", "--ignore", "TOC102", cycle).returncode == 0
    # Graded up, a warning fails it.
    same = LINT / "TOC103-fail.json"
    result = run("check", "--severity", "same-level-link=error", same)
    assert result.returncode == 1
    assert f"{same}: TOC103 error: " in result.stdout


def test_check_select_ignore_and_min_severity() -> None:
    cycle = LINT / "TOC101-fail.json"
    assert findings_of(run("check", "--select", "TOC101", cycle).stdout) == [("TOC101", "error", ["goal", "act1"])]
    assert findings_of(run("check", "--select", "downward-link", cycle).stdout) == [
        ("TOC102", "error", ["goal->act1"])
    ]
    assert [f[0] for f in findings_of(run("check", "--select", "TOC1", "--ignore", "TOC101", cycle).stdout)] == [
        "TOC102"
    ]
    assert findings_of(run("check", "--select", "TOC2,TOC3", cycle).stdout) == []

    example = run("check", "--min-severity", "warning", EXAMPLE)
    assert [f for f in findings_of(example.stdout)] == [f for f in EXAMPLE_FINDINGS if f[1] != "info"]
    assert example.stdout.endswith("checked 1 file: 0 errors, 8 warnings, 0 info\n")
    assert findings_of(run("check", "--min-severity", "error", EXAMPLE).stdout) == []
    # Re-grading comes before the cut.
    result = run("check", "--min-severity=error", "--severity", "TOC110=error", EXAMPLE)
    assert findings_of(result.stdout) == [("TOC110", "error", ["act_cso_dialogue"])]
    assert result.returncode == 1


def test_check_link_policy() -> None:
    down, same = LINT / "TOC102-fail.json", LINT / "TOC103-fail.json"
    assert run("check", down).returncode == 1
    for policy, code, severity in [
        ("allowed", 0, None),
        ("warning", 0, "warning"),
        ("downward=warning", 0, "warning"),
        ("downward=allowed,same-level=error", 0, None),
        ("error", 1, "error"),
    ]:
        result = run("check", "--link-policy", policy, down)
        assert result.returncode == code, policy
        assert findings_of(result.stdout) == ([("TOC102", severity, ["act1->inp1"])] if severity else []), policy
    assert findings_of(run("check", "--link-policy", "same-level=allowed", same).stdout) == []
    result = run("check", "--link-policy", "same-level=error", same)
    assert result.returncode == 1
    assert findings_of(result.stdout) == [("TOC103", "error", ["act1->act2"])]


def test_check_every_rule_fixture() -> None:
    # Each fail fixture reports its own rule; each pass fixture nothing at all.
    for fail in sorted(LINT.glob("*-fail.json")):
        code = fail.name.split("-")[0]
        result = run("check", "--select", code, fail)
        codes = {f[0] for f in findings_of(result.stdout)}
        assert codes == {code}, fail.name
        passing = run("check", fail.with_name(f"{code}-pass.json"))
        assert passing.returncode == 0, passing.stdout
        assert passing.stdout == "checked 1 file: 0 errors, 0 warnings, 0 info\n", fail.name


@pytest.mark.parametrize(
    "args, message",
    [
        (["check"], "missing FILE argument"),
        (["check", "--strict", str(EXAMPLE)], "unknown option --strict"),
        (["check", "--select", "TOC999", str(EXAMPLE)], 'unknown lint rule "TOC999"'),
        (["check", "--ignore", "cycles", str(EXAMPLE)], 'unknown lint rule "cycles"'),
        (["check", "--severity", "TOC101", str(EXAMPLE)], 'option --severity: expected RULE=LEVEL, got "TOC101"'),
        (["check", "--severity", "TOC101=fatal", str(EXAMPLE)], 'option --severity: unknown severity "fatal"'),
        (["check", "--severity", "TOC1=error", str(EXAMPLE)], 'unknown lint rule "TOC1"'),
        (["check", "--min-severity", "high", str(EXAMPLE)], 'option --min-severity: unknown severity "high"'),
        (["check", "--link-policy", "strict", str(EXAMPLE)], 'option --link-policy: unknown policy "strict"'),
        (["check", "--link-policy", "upward=error", str(EXAMPLE)], 'unknown kind of link "upward"'),
        (
            ["check", "--link-policy", "error", "--severity", "TOC103=info", str(EXAMPLE)],
            "both a same-level-link policy and a severity for TOC103 (same-level-link) are given; keep one",
        ),
        (["check", "--format", "xml", str(EXAMPLE)], 'option --format: unknown format "xml"'),
        (["analyze"], "missing FILE argument"),
        (["analyze", str(EXAMPLE), str(EXAMPLE)], "unexpected argument"),
        (["analyze", "--target", "nope", str(EXAMPLE)], 'option --target: ' + str(EXAMPLE) + ' has no node "nope"'),
        (["analyze", "--top", "many", str(EXAMPLE)], 'option --top: expected a whole number, got "many"'),
        (["analyze", "--format", "csv", str(EXAMPLE)], 'option --format: unknown format "csv"'),
        (["show"], "missing FILE argument"),
        (["show", str(EXAMPLE), str(EXAMPLE)], "unexpected argument"),
        (["show", "--level"], "option --level needs a value"),
        (["show", "--ids=yes", str(EXAMPLE)], "option --ids takes no value"),
        (["show", "--level", "nonsense", str(EXAMPLE)], 'unknown level "nonsense"'),
    ],
)
def test_usage_errors(args: list[str], message: str) -> None:
    result = run(*args)
    assert result.returncode == 2
    assert result.stdout == ""
    assert message in result.stderr
    assert f"usage: tocgraph {args[0]} " in result.stderr


# ---- show ---------------------------------------------------------------------------


def test_show_example(example: dict) -> None:
    result = run("show", EXAMPLE)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == example["metadata"]["title"] == "ASEAN-Australia Counter Trafficking (ASEAN-ACT)"
    assert lines[1] == expected_summary(example)
    assert lines[1].startswith("22 nodes (1 goal, 3 pathways, 3 end-of-program outcomes, 3 immediate outcomes,")
    goal_indicators = sum(1 for i in example["indicators"] if i["node"] == "goal")
    suffix = f" [{n(goal_indicators, 'indicator')}]" if goal_indicators else ""
    assert [line for line in lines if line.strip().startswith("Goal: ")] == [f"  Goal: {GOAL}{suffix}"]
    assert "    Pathway: Enhance regional level ASEAN capacity to oversee ACTIP implementation" in lines
    # The seed's immediate outcomes sit under its end-of-program outcome, one level deeper.
    for title in (
        "ASEAN has effective, victim-sensitive ACTIP planning processes and aligned initiatives",
        "ASEAN Member States are sharing knowledge and learning on ACTIP implementation",
        "ASEAN has effective victim-sensitive ACTIP monitoring and reporting processes and aligned initiatives",
    ):
        assert any(line.startswith(f"        Immediate outcome: {title}") for line in lines), title
    # Every node appears in full exactly once; repeats are marked.
    full = [line for line in lines if line.startswith("  ") and not line.endswith("(see above)")]
    assert len(full) == len(example["nodes"])
    assert any(line.endswith("(see above)") for line in lines)
    assert "[completed]" in result.stdout
    assert "[2 indicators]" in result.stdout


def test_show_lists_nodes_not_connected_to_a_goal(tmp_path: Path) -> None:
    doc = {
        "format": "tocgraph",
        "version": 1,
        "metadata": {"title": "Tiny"},
        "nodes": [
            {"id": "g", "level": "goal", "title": "The goal"},
            {"id": "o", "level": "output", "title": "An output"},
            {"id": "a", "level": "activity", "title": "Orphan work", "status": "planned"},
            {"id": "b", "level": "activity", "title": "Also loose"},
        ],
        "links": [{"source": "o", "target": "g"}],
        "indicators": [{"id": "i1", "node": "g"}, {"id": "i2", "node": "g"}],
    }
    result = run("show", write(tmp_path, "tiny.json", doc))
    assert result.returncode == 0, result.stderr
    assert result.stdout == (
        "Tiny\n"
        "4 nodes (1 goal, 1 output, 2 activities), 1 link, 2 indicators, 0 assumptions, 0 actors, "
        "0 feedback items\n"
        "\n"
        "  Goal: The goal [2 indicators]\n"
        "    Output: An output\n"
        "\n"
        "Not connected to a goal:\n"
        "  Activity: Orphan work [planned]\n"
        "  Activity: Also loose\n"
    )


def test_show_survives_cycles_and_shared_nodes(tmp_path: Path) -> None:
    doc = {
        "format": "tocgraph",
        "version": 1,
        "schema": "logframe",
        "nodes": [
            {"id": "g", "level": "goal", "title": "G"},
            {"id": "p", "level": "purpose", "title": "P"},
            {"id": "o", "level": "output", "title": "O"},
        ],
        "links": [
            {"source": "p", "target": "g"},
            {"source": "o", "target": "p"},
            {"source": "p", "target": "o"},
        ],
    }
    result = run("show", "--ids", write(tmp_path, "cycle.json", doc))
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[3:] == [
        "  Goal g: G",
        "    Purpose p: P",
        "      Output o: O",
        "        Purpose p: P (see above)",
    ]


def test_show_level_limits_depth(example: dict) -> None:
    result = run("show", "--level", "end_of_program_outcome", EXAMPLE)
    assert result.returncode == 0, result.stderr
    assert "End-of-program outcome: " in result.stdout
    assert "Immediate outcome: " not in result.stdout
    assert "Activity: " not in result.stdout
    # The summary still counts everything.
    assert result.stdout.splitlines()[1] == expected_summary(example)


def test_show_ids() -> None:
    result = run("show", "--ids", EXAMPLE)
    assert result.returncode == 0
    assert "  Goal goal: " in result.stdout


def test_show_broken_file_fails_cleanly(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.json", {"format": "tocgraph", "version": 2})
    result = run("show", bad)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f"{bad}: /version: file format version 2 is newer than this library reads (1)\n"


# ---- analyze ------------------------------------------------------------------------


def ladder(rungs: int) -> dict:
    """An activity, `rungs` pairs of outputs each linked to both of the next pair, the goal:
    2**rungs paths from the activity to the goal."""
    nodes = [{"id": "start", "level": "activity"}]
    links = []
    previous = ["start"]
    for i in range(1, rungs + 1):
        here = [f"u{i}", f"v{i}"]
        nodes += [{"id": h, "level": "output"} for h in here]
        links += [{"source": p, "target": h} for h in here for p in previous]
        previous = here
    nodes.append({"id": "goal", "level": "goal"})
    links += [{"source": p, "target": "goal"} for p in previous]
    return {"format": "tocgraph", "version": 1, "nodes": nodes, "links": links}


def test_analyze_example() -> None:
    result = run("analyze", EXAMPLE)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    lines = result.stdout.splitlines()
    assert lines[0] == "ASEAN-Australia Counter Trafficking (ASEAN-ACT)"
    assert lines[1] == f"Target: goal ({GOAL})"
    assert "  pathway                     3  pathway_1, pathway_2, pathway_3" in lines
    assert "  intermediate_outcome        0" in lines
    assert "Coverage                  nodes  measured  with contributors  with activities" in lines
    # Pathways 2 and 3 and their end-of-program outcomes have no activities beneath them.
    assert "  pathway                     3         0                  3                1" in lines
    assert "  end_of_program_outcome      3         1                  1                1" in lines
    assert "  activity                    8         0                  0                8" in lines
    assert "Indicators: 10, with a baseline 7, with targets 10, with actuals 10" in lines
    # One path from each linked activity, two from each of the two feeding the progress reports.
    assert "Paths from the activities to goal: 9" in lines
    start = lines.index("Critical nodes (on every path from the activities to goal), nearest first:")
    assert lines[start + 1].split(None, 1) == ["pathway_1", "Enhance regional level ASEAN capacity to oversee ACTIP implementation"]
    assert lines[start + 2].split()[0] == "eopo_1"
    assert lines[start + 3 : start + 6] == ["Critical links:", "  pathway_1 -> goal", "  eopo_1 -> pathway_1"]
    central = lines[lines.index("Most central results (betweenness):") + 1 :]
    assert [line.split()[:2] for line in central] == [
        ["eopo_1", "0.0667"],
        ["pathway_1", "0.0357"],
        ["io_1_1", "0.0286"],
        ["out_planning_guidance", "0.0286"],
        ["io_1_2", "0.0250"],
    ]


def test_analyze_example_as_json() -> None:
    result = run("analyze", "--format", "json", "--top", "2", EXAMPLE)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert list(doc) == ["file", "title", "target", "levels", "coverage", "activity_paths", "cycle",
                         "critical_nodes", "critical_links", "central_results"]
    assert doc["file"] == str(EXAMPLE) and doc["target"] == "goal"
    assert [(lv["id"], len(lv["nodes"])) for lv in doc["levels"]] == [
        ("goal", 1), ("pathway", 3), ("end_of_program_outcome", 3), ("intermediate_outcome", 0),
        ("immediate_outcome", 3), ("output", 4), ("activity", 8),
    ]
    assert doc["levels"][1] == {"id": "pathway", "label": "Pathway", "role": "pathway",
                                "nodes": ["pathway_1", "pathway_2", "pathway_3"]}
    assert doc["coverage"]["levels"][2] == {"level": "end_of_program_outcome", "nodes": 3, "with_indicators": 1,
                                            "with_contributors": 1, "with_activities": 1}
    assert doc["coverage"]["indicators_with_baseline"] == 7
    assert list(doc["coverage"]) == ["levels", "indicators", "indicators_with_baseline", "indicators_with_targets",
                                     "indicators_with_actuals"]
    assert doc["activity_paths"] == "9" and doc["cycle"] is None
    assert doc["critical_nodes"] == ["pathway_1", "eopo_1"]
    assert doc["critical_links"] == [{"source": "pathway_1", "target": "goal"},
                                     {"source": "eopo_1", "target": "pathway_1"}]
    assert [r["id"] for r in doc["central_results"]] == ["eopo_1", "pathway_1"]
    assert doc["central_results"][0]["betweenness"] == pytest.approx(28 / 420)  # networkx's value


def test_analyze_target() -> None:
    result = run("analyze", "--target", "io_1_3", "-f", "json", EXAMPLE)
    assert result.returncode == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["target"] == "io_1_3"
    assert doc["activity_paths"] == "3"  # the monitoring template, and both activities behind the reports
    assert doc["critical_nodes"] == [] and doc["critical_links"] == []
    doc = json.loads(run("analyze", "-t", "out_monitoring_template", "-f", "json", EXAMPLE).stdout)
    assert doc["critical_nodes"] == ["act_monitoring_template"]
    assert doc["critical_links"] == [{"source": "act_monitoring_template", "target": "out_monitoring_template"}]


def test_analyze_counts_paths_past_64_bits(tmp_path: Path) -> None:
    path = write(tmp_path, "ladder.json", ladder(70))
    doc = json.loads(run("analyze", "--format", "json", path).stdout)
    assert doc["activity_paths"] == str(2**70) == "1180591620717411303424"
    text = run("analyze", path).stdout
    assert "Paths from the activities to goal: 1180591620717411303424\n" in text


def test_analyze_needs_one_goal_or_a_target() -> None:
    result = run("analyze", LINT / "TOC106-fail.json")
    assert result.returncode == 2
    assert result.stdout == ""
    assert (
        f'{LINT / "TOC106-fail.json"} has 2 goals ("goal1", "goal2"); choose the node to analyse with --target ID'
        in result.stderr
    )
    result = run("analyze", LINT / "TOC105-fail.json")
    assert result.returncode == 2
    assert "has no goal; choose the node to analyse with --target ID" in result.stderr
    assert run("analyze", "--target", "goal2", LINT / "TOC106-fail.json").returncode == 0


def test_analyze_reports_a_cycle_below_the_target() -> None:
    cycle = LINT / "TOC101-fail.json"
    result = run("analyze", cycle)
    assert result.returncode == 1
    assert "Paths from the activities to goal: not countable, the links form a cycle: act1 -> goal -> act1" in (
        result.stdout
    )
    assert result.stderr == f"{cycle}: the links form a cycle below goal: act1 -> goal -> act1\n"
    doc = json.loads(run("analyze", "-f", "json", cycle).stdout)
    assert doc["activity_paths"] is None
    assert doc["cycle"] == ["act1", "goal", "act1"]


def test_analyze_broken_file_fails_cleanly(tmp_path: Path) -> None:
    bad = write(tmp_path, "bad.json", {"format": "tocgraph", "version": 1, "nodes": [{"id": "g"}]})
    result = run("analyze", bad)
    assert result.returncode == 1
    assert result.stdout == ""
    assert result.stderr == f'{bad}: /nodes/0: missing required member "level"\n'


def test_inputs_beyond_the_size_limit_are_refused_not_read(tmp_path: Path) -> None:
    r = run("check", "/dev/zero")
    assert r.returncode == 1
    assert r.stderr.startswith("/dev/zero: file is larger than 1073741824 bytes\n")
    small = {**os.environ, "TOCGRAPH_MAX_INPUT_SIZE": "1K"}
    r = run("check", EXAMPLE, env=small)
    assert r.returncode == 1
    assert r.stderr.startswith(f"{EXAMPLE}: file is larger than 1024 bytes\n")
    r = run("check", "-", stdin=" " * 2048, env=small)
    assert r.stderr.startswith("<stdin>: input is larger than 1024 bytes\n")
    r = run("check", EXAMPLE, env={**os.environ, "TOCGRAPH_MAX_INPUT_SIZE": "12Q"})
    assert r.returncode == 2
    assert 'TOCGRAPH_MAX_INPUT_SIZE must be a positive number of bytes, optionally with K, M or G; got "12Q"' in r.stderr


@pytest.mark.parametrize(("option", "value"), [("--font-size", "99999999999999999999"), ("--font-size", "1001"),
                                               ("--text-width", "inf"), ("--max-width", "-1")])
def test_render_refuses_sizes_beyond_any_page(tmp_path: Path, option: str, value: str) -> None:
    r = run("render", EXAMPLE, "-o", tmp_path / "x.svg", f"{option}={value}")
    assert r.returncode == 2
    assert f"option {option}: expected a" in r.stderr and f'got "{value}"' in r.stderr
    assert not (tmp_path / "x.svg").exists()
