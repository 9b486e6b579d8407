"""`tocgraph diff`, `tocgraph merge` and `tocgraph feedback`: the bundled
example's two versions and small fixtures written here (docs/versions.md).

The tool is found as in test_cli.py: TOCGRAPH_CLI, else PATH."""

from __future__ import annotations

import json
import subprocess
from pathlib import Path
from typing import Any

import pytest
from cli_runner import EXAMPLE, AFTER, requires_cli, run_cli as run

pytestmark = requires_cli


def node(id: str, level: str, title: str) -> dict[str, Any]:
    return {"id": id, "level": level, "title": title}


def document(
    *,
    titles: dict[str, str] | None = None,
    extra_nodes: list[dict[str, Any]] | None = None,
    extra_links: list[tuple[str, str]] | None = None,
) -> dict[str, Any]:
    """goal <- io1 <- act1, with titles overridden and nodes and links added."""
    titles = titles or {}
    nodes = [
        node("goal", "goal", "Effective justice systems"),
        node("io1", "immediate_outcome", "Planning"),
        node("act1", "activity", "Workshops"),
        *(extra_nodes or []),
    ]
    for n in nodes:
        n["title"] = titles.get(n["id"], n["title"])
    links = [("io1", "goal"), ("act1", "io1"), *(extra_links or [])]
    return {
        "format": "tocgraph",
        "version": 1,
        "metadata": {"title": "Fixture programme"},
        "nodes": nodes,
        "links": [{"source": s, "target": t} for s, t in links],
    }


def write(path: Path, doc: dict[str, Any]) -> Path:
    path.write_text(json.dumps(doc, indent=2), encoding="utf-8")
    return path


# ---- diff ------------------------------------------------------------------------------


def test_diff_of_equal_versions_exits_0() -> None:
    result = run("diff", EXAMPLE, EXAMPLE)
    assert result.returncode == 0, result.stderr
    assert result.stdout == "no changes\n"
    assert result.stderr == ""


def test_diff_of_the_bundled_versions_starts_with_the_stat() -> None:
    result = run("diff", EXAMPLE, AFTER)
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[:7] == [
        " metadata    | 1 ~",
        " assumptions | 1 +",
        " nodes       | 4 -~~>",
        " links       | 3 +-~",
        " indicators  | 2 +~",
        " feedback    | 4 +~~~",
        " 15 changes: 4 added, 2 removed, 8 changed, 1 renamed",
    ]
    text = result.stdout
    assert "  - act_translate_guidance (activity) \"Translate the planning guidance into Member State languages\"" in text
    assert "  > out_progress_reports -> out_regional_progress_report (output)" in text
    assert "      targets[2022-01-01..2022-12-31].value: 8 -> 7" in text
    assert "      strength: 0.9 -> 0.7" in text
    assert "  + act_cso_dialogue->io_1_2" in text


def test_diff_without_rename_detection() -> None:
    result = run("diff", "--no-renames", EXAMPLE, AFTER)
    assert result.returncode == 1
    assert "  - out_progress_reports (output)" in result.stdout
    assert "  + out_regional_progress_report (output)" in result.stdout
    assert ">" not in result.stdout.splitlines()[2]


def test_diff_as_json() -> None:
    result = run("diff", "--format", "json", EXAMPLE, AFTER)
    assert result.returncode == 1
    doc = json.loads(result.stdout)
    assert (doc["format"], doc["version"]) == ("tocgraph-diff", 1)
    assert doc["counts"] == {"added": 4, "removed": 2, "changed": 8, "renamed": 1, "total": 15}
    assert doc["collections"]["nodes"] == {"added": 0, "removed": 1, "changed": 2, "renamed": 1, "total": 4}
    renamed = next(c for c in doc["changes"] if c["change"] == "renamed")
    assert (renamed["id"], renamed["new_id"]) == ("out_progress_reports", "out_regional_progress_report")
    indicator = next(c for c in doc["changes"] if c["id"] == "ind_io13_months_to_report")
    assert [(f["field"], f["old"], f["new"]) for f in indicator["fields"]] == [
        ("targets[2022-01-01..2022-12-31].value", 8, 7),
        ("targets[2023-01-01..2023-12-31].value", 6, 4),
    ]
    link = next(c for c in doc["changes"] if c["id"] == "act_cso_dialogue->io_1_2")
    assert link["key"] == {"source": "act_cso_dialogue", "target": "io_1_2"}
    assert link["change"] == "added"


def test_diff_as_markdown_and_html() -> None:
    md = run("diff", "-f", "md", EXAMPLE, AFTER)
    assert md.returncode == 1
    assert md.stdout.startswith("## Changes\n\n15 changes: 4 added, 2 removed, 8 changed, 1 renamed.\n")
    assert "| nodes | 0 | 1 | 2 | 1 |" in md.stdout
    assert "- **removed** node `act_translate_guidance` (activity)" in md.stdout

    html = run("diff", "-f", "html", EXAMPLE, AFTER)
    assert html.returncode == 1
    assert html.stdout.startswith("<!DOCTYPE html>")
    assert f"<title>{EXAMPLE} → {AFTER}</title>" in html.stdout
    assert "act_translate_guidance" in html.stdout
    assert html.stdout.rstrip().endswith("</html>")


def test_diff_written_to_a_file(tmp_path: Path) -> None:
    out = tmp_path / "changes.md"
    out.write_text("old contents", encoding="utf-8")
    result = run("diff", "-f", "md", "-o", out, EXAMPLE, AFTER)
    assert result.returncode == 1
    assert result.stdout == ""
    assert out.read_text(encoding="utf-8") == run("diff", "-f", "md", EXAMPLE, AFTER).stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["changes.md"]  # no temporary file left


def test_diff_reads_one_version_from_standard_input(tmp_path: Path) -> None:
    old = write(tmp_path / "old.json", document())
    new_doc = document(titles={"io1": "Victim-sensitive planning"})
    result = run("diff", old, "-", stdin=json.dumps(new_doc))
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        " nodes | 1 ~\n"
        " 1 change: 1 changed\n"
        "\n"
        "nodes\n"
        '  ~ io1 (immediate_outcome) "Victim-sensitive planning"\n'
        '      title: "Planning" -> "Victim-sensitive planning"\n'
    )
    both = run("diff", "-", "-", stdin="{}")
    assert both.returncode == 2
    assert "only one of OLD and NEW can be standard input" in both.stderr


def test_diff_errors_exit_2(tmp_path: Path) -> None:
    missing = tmp_path / "missing.json"
    result = run("diff", EXAMPLE, missing)
    assert result.returncode == 2
    assert str(missing) in result.stderr
    assert result.stdout == ""

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "tocgraph", "version": 1, "nodes": [{"id": "a"}]}', encoding="utf-8")
    result = run("diff", EXAMPLE, broken)
    assert result.returncode == 2
    assert str(broken) in result.stderr and "/nodes/0" in result.stderr

    result = run("diff", "-f", "xml", EXAMPLE, EXAMPLE)
    assert result.returncode == 2
    assert 'unknown format "xml"' in result.stderr

    result = run("diff", EXAMPLE)
    assert result.returncode == 2


# ---- merge -----------------------------------------------------------------------------


def test_a_clean_merge_exits_0(tmp_path: Path) -> None:
    base = write(tmp_path / "base.json", document())
    ours = write(tmp_path / "ours.json", document(titles={"io1": "Victim-sensitive planning"}))
    theirs = write(
        tmp_path / "theirs.json",
        document(extra_nodes=[node("act2", "activity", "Exchanges")], extra_links=[("act2", "io1")]),
    )
    out = tmp_path / "merged.json"
    result = run("merge", base, ours, theirs, "-o", out)
    assert result.returncode == 0, result.stderr
    assert result.stdout == f"merged into {out}: no conflicts\n"
    merged = json.loads(out.read_text(encoding="utf-8"))
    titles = {n["id"]: n["title"] for n in merged["nodes"]}
    assert titles == {
        "goal": "Effective justice systems",
        "io1": "Victim-sensitive planning",
        "act1": "Workshops",
        "act2": "Exchanges",
    }
    assert {(l["source"], l["target"]) for l in merged["links"]} == {("io1", "goal"), ("act1", "io1"), ("act2", "io1")}
    assert run("check", out).returncode == 0


def test_a_merge_with_a_conflict_exits_1_and_still_writes_the_result(tmp_path: Path) -> None:
    base = write(tmp_path / "base.json", document())
    ours = write(tmp_path / "ours.json", document(titles={"io1": "Ours"}))
    theirs = write(tmp_path / "theirs.json", document(titles={"io1": "Theirs"}))
    out = tmp_path / "merged.json"
    result = run("merge", base, ours, theirs, "-o", out)
    assert result.returncode == 1, result.stderr
    assert result.stdout == (
        f"merged into {out} with 1 conflict (marked in attributes.merge_conflicts):\n"
        "both_changed: node io1, title\n"
        '    node "io1": title changed to "Ours" on ours and to "Theirs" on theirs\n'
        '    base:   "Planning"\n'
        '    ours:   "Ours"\n'
        '    theirs: "Theirs"\n'
        "    -> kept ours\n"
    )
    merged = json.loads(out.read_text(encoding="utf-8"))
    io1 = next(n for n in merged["nodes"] if n["id"] == "io1")
    assert io1["title"] == "Ours"
    assert io1["attributes"]["merge_conflicts"] == [
        {
            "kind": "both_changed",
            "field": "title",
            "base": "Planning",
            "ours": "Ours",
            "theirs": "Theirs",
            "message": 'node "io1": title changed to "Ours" on ours and to "Theirs" on theirs',
            "resolution": "kept ours",
        }
    ]

    report = run("merge", "--format", "json", base, ours, theirs, "-o", out)
    assert report.returncode == 1
    doc = json.loads(report.stdout)
    assert (doc["output"], doc["clean"]) == (str(out), False)
    assert [(c["kind"], c["collection"], c["id"], c["field"]) for c in doc["conflicts"]] == [
        ("both_changed", "nodes", "io1", "title")
    ]


def test_merge_of_the_bundled_versions_with_an_unchanged_side(tmp_path: Path) -> None:
    out = tmp_path / "merged.json"
    result = run("merge", EXAMPLE, AFTER, EXAMPLE, "-o", out)
    assert result.returncode == 0, result.stdout + result.stderr
    assert run("diff", out, AFTER).returncode == 0


def test_merge_cycle_is_a_lint_conflict_unless_lint_is_off(tmp_path: Path) -> None:
    two = [node("act2", "activity", "Exchanges")]
    base = write(tmp_path / "base.json", document(extra_nodes=two, extra_links=[("act2", "io1")]))
    ours = write(
        tmp_path / "ours.json", document(extra_nodes=two, extra_links=[("act2", "io1"), ("act1", "act2")])
    )
    theirs = write(
        tmp_path / "theirs.json", document(extra_nodes=two, extra_links=[("act2", "io1"), ("act2", "act1")])
    )
    out = tmp_path / "merged.json"
    result = run("merge", base, ours, theirs, "-o", out)
    assert result.returncode == 1
    assert "lint: link act2->act1" in result.stdout
    assert "TOC101" in result.stdout
    links = {(l["source"], l["target"]) for l in json.loads(out.read_text(encoding="utf-8"))["links"]}
    assert ("act1", "act2") in links and ("act2", "act1") not in links

    result = run("merge", "--no-lint", base, ours, theirs, "-o", out)
    assert result.returncode == 0
    links = {(l["source"], l["target"]) for l in json.loads(out.read_text(encoding="utf-8"))["links"]}
    assert ("act2", "act1") in links


def test_merge_leaves_the_output_alone_when_an_input_cannot_be_read(tmp_path: Path) -> None:
    base = write(tmp_path / "base.json", document())
    out = tmp_path / "merged.json"
    out.write_text("previous result\n", encoding="utf-8")
    broken = tmp_path / "theirs.json"
    broken.write_text("{ not json", encoding="utf-8")
    result = run("merge", base, base, broken, "-o", out)
    assert result.returncode == 2
    assert str(broken) in result.stderr
    assert out.read_text(encoding="utf-8") == "previous result\n"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.json", "merged.json", "theirs.json"]


def test_merge_replaces_the_output_atomically(tmp_path: Path) -> None:
    base = write(tmp_path / "base.json", document())
    ours = write(tmp_path / "ours.json", document(titles={"io1": "Ours"}))
    out = tmp_path / "merged.json"
    out.write_text("previous result\n", encoding="utf-8")
    result = run("merge", base, ours, base, "-o", out)
    assert result.returncode == 0, result.stderr
    assert json.loads(out.read_text(encoding="utf-8"))["nodes"][1]["title"] == "Ours"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["base.json", "merged.json", "ours.json"]

    unwritable = tmp_path / "no such directory" / "merged.json"
    result = run("merge", base, ours, base, "-o", unwritable)
    assert result.returncode == 2
    assert "no such directory" in result.stderr
    assert not unwritable.parent.exists()


def test_merge_usage_errors(tmp_path: Path) -> None:
    base = write(tmp_path / "base.json", document())
    result = run("merge", base, base, base)
    assert result.returncode == 2
    assert "missing -o OUT" in result.stderr
    result = run("merge", base, base, "-o", tmp_path / "out.json")
    assert result.returncode == 2
    result = run("merge", "-", "-", base, "-o", tmp_path / "out.json", stdin="{}")
    assert result.returncode == 2
    assert "only one of BASE, OURS and THEIRS can be standard input" in result.stderr
    assert not (tmp_path / "out.json").exists()


# ---- feedback --------------------------------------------------------------------------


def test_feedback_filtered_by_phase_and_status() -> None:
    result = run("feedback", EXAMPLE, "--phase", "workshop", "--status", "open")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "fb_ws_3 [workshop] proposed_change, open, about node act_cso_dialogue",
        "  Participant E (Member State delegation), 2021-04-20: Add a regional dialogue with civil society "
        "organisations on the protection of victim rights.",
        "fb_ws_4 [workshop] comment, open, about node eopo_1",
        "  Participant A (Member State delegation), 2021-04-20: Reporting should cover every ACTIP provision "
        "on the protection of victims, not only prosecutions.",
        "2 feedback items: 2 open",
    ]
    assert run("feedback", AFTER, "--phase", "workshop", "--status", "open").stdout == "no feedback items match\n"


def test_feedback_filtered_by_stakeholder_subject_and_kind() -> None:
    by_author = run("feedback", EXAMPLE, "--author", "Participant D (regional body)", "-f", "json")
    assert by_author.returncode == 0
    assert [f["id"] for f in json.loads(by_author.stdout)] == ["fb_ws_2", "fb_fin_2"]

    by_subject = run("feedback", EXAMPLE, "--subject", "act_exchanges->out_knowledge_exchange", "-f", "json")
    [item] = json.loads(by_subject.stdout)
    assert (item["id"], item["subject_kind"], item["status"]) == ("fb_ws_1", "link", "addressed")

    by_kind = run("feedback", EXAMPLE, "-k", "proposed_change", "-f", "json")
    assert [f["id"] for f in json.loads(by_kind.stdout)] == ["fb_ws_3", "fb_fin_1"]

    resolved = run("feedback", AFTER, "--subject", "eopo_1")
    assert resolved.returncode == 0
    assert resolved.stdout.splitlines()[0] == "fb_ws_4 [workshop] comment, addressed, about node eopo_1"
    assert resolved.stdout.splitlines()[2].startswith("  -> Indicator on the coverage of the ACTIP's provisions")


def test_feedback_about_an_id_that_no_longer_exists_is_flagged(tmp_path: Path) -> None:
    doc = document()
    doc["feedback"] = [
        {"id": "f1", "author": "A", "subject": "io1", "text": "Keep planning"},
        {"id": "f2", "author": "B", "subject": "act_gone", "kind": "challenge", "text": "Too costly"},
    ]
    path = write(tmp_path / "toc.json", doc)
    result = run("feedback", path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines() == [
        "f1 [no phase] comment, open, about node io1",
        "  A: Keep planning",
        "f2 [no phase] challenge, open, about act_gone (no longer in the theory of change)",
        "  B: Too costly",
        "2 feedback items: 2 open",
    ]
    items = json.loads(run("feedback", path, "-f", "json").stdout)
    assert [(f["id"], f["subject_kind"]) for f in items] == [("f1", "node"), ("f2", "missing")]
    summary = run("feedback", path, "--summary", "-f", "json")
    assert json.loads(summary.stdout)["missing_subjects"] == ["f2"]
    md = run("feedback", path, "--summary").stdout
    assert "**no longer in the theory of change:** `act_gone`" in md


def test_feedback_summary_of_the_version_after_the_workshop() -> None:
    md = run("feedback", AFTER, "--summary")
    assert md.returncode == 0
    lines = md.stdout.splitlines()
    assert lines[0] == "## Consultation record"
    assert "### Workshop via videoconference" in lines
    assert "4 feedback items: 4 addressed, from Participant C (Member State delegation), Participant D (regional body), Participant E (Member State delegation) and Participant A (Member State delegation)." in lines

    html = run("feedback", AFTER, "-f", "html")
    assert html.stdout.startswith('<section class="tocgraph-consultation">')

    doc = json.loads(run("feedback", AFTER, "--summary", "-f", "json").stdout)
    assert doc["counts"] == {"open": 1, "accepted": 1, "rejected": 1, "addressed": 6, "total": 9}
    assert [p["phase"] for p in doc["phases"]] == ["pre_workshop", "workshop", "finalisation"]

    only_open = json.loads(run("feedback", AFTER, "--summary", "--status", "open", "-f", "json").stdout)
    assert only_open["counts"]["total"] == 1
    assert [e["feedback"]["id"] for p in only_open["phases"] for e in p["entries"]] == ["fb_fin_3"]


def test_feedback_errors(tmp_path: Path) -> None:
    result = run("feedback", EXAMPLE, "--status", "closed")
    assert result.returncode == 2
    assert 'unknown --status "closed"' in result.stderr
    result = run("feedback", EXAMPLE, "--kind", "wish")
    assert result.returncode == 2
    missing = tmp_path / "missing.json"
    result = run("feedback", missing)
    assert result.returncode == 1
    assert str(missing) in result.stderr
    helptext = run("feedback", "--help")
    assert helptext.returncode == 0
    assert "usage: tocgraph feedback [options] FILE" in helptext.stdout
