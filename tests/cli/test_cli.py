"""Tests of the `tocgraph` command-line tool (src/cli).

The tool is taken from the TOCGRAPH_CLI environment variable, else from PATH
(where `pip install .` puts it):

    TOCGRAPH_CLI=build-cli/src/tocgraph pytest tests/cli
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "asean-act" / "toc.json"
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


def _find_cli() -> str | None:
    explicit = os.environ.get("TOCGRAPH_CLI")
    if explicit:
        return explicit
    return shutil.which("tocgraph")


CLI = _find_cli()
pytestmark = pytest.mark.skipif(CLI is None, reason="tocgraph CLI not found (set TOCGRAPH_CLI or put it on PATH)")


def run(*args: str | Path, stdin: str | None = None, cwd: Path | None = None) -> subprocess.CompletedProcess[str]:
    assert CLI is not None
    return subprocess.run(
        [CLI, *map(str, args)],
        input=stdin,
        capture_output=True,
        text=True,
        encoding="utf-8",
        timeout=60,
        cwd=cwd,
    )


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
    for command in ("check", "show", "help"):
        assert re.search(rf"^  {command} +\S", result.stdout, re.M), command
    assert result.stderr == ""


@pytest.mark.parametrize("flag", ["--version", "-V"])
def test_version(flag: str) -> None:
    result = run(flag)
    assert result.returncode == 0
    assert re.fullmatch(r"tocgraph \d+\.\d+\.\d+\S* \(file format version 1\)\n", result.stdout)


def test_version_matches_pyproject() -> None:
    version = re.search(r'^version = "([^"]+)"', (ROOT / "pyproject.toml").read_text(), re.M)
    assert version is not None
    assert run("--version").stdout.split()[1] == version.group(1)


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


@pytest.mark.parametrize("command", ["check", "show"])
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


def test_check_example(example: dict) -> None:
    result = run("check", EXAMPLE)
    assert result.returncode == 0, result.stderr
    counts = f"{n(len(example['nodes']), 'node')}, {n(len(example['links']), 'link')}, " + n(
        len(example["indicators"]), "indicator"
    )
    assert result.stdout == f"{EXAMPLE}: ok ({counts})\n"
    assert result.stderr == ""


def test_check_names_the_file_as_given() -> None:
    result = run("check", "examples/asean-act/toc.json", cwd=ROOT)
    assert result.returncode == 0
    assert result.stdout.startswith("examples/asean-act/toc.json: ok (")


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
    assert result.stdout == ""
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
    assert result.stdout.startswith(f"{EXAMPLE}: ok (")


def test_check_reads_standard_input() -> None:
    result = run("check", "-", stdin='{"format": "tocgraph", "version": 1}')
    assert result.returncode == 0
    assert result.stdout == "<stdin>: ok (0 nodes, 0 links, 0 indicators)\n"
    result = run("check", "-", stdin="")
    assert result.returncode == 1
    assert result.stderr == "<stdin>: empty document\n"


@pytest.mark.parametrize(
    "args, message",
    [
        (["check"], "missing FILE argument"),
        (["check", "--strict", str(EXAMPLE)], "unknown option --strict"),
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
