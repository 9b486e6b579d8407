"""One TheoryOfChange shared between threads: queries run together (without
the GIL), an edit waits for the running queries, and nothing crashes or sees
a half-made edit. Each race runs in a subprocess, so a crash fails the test
instead of the test run, and is bounded in time."""

from __future__ import annotations

import subprocess
import sys
import textwrap

# An edit while another thread queries: no crash, no impossible error.
EDIT_WHILE_QUERY = """
import threading, tocgraph
toc = tocgraph.synthetic(3000, seed=1)
stop = False
def reader():
    while not stop:
        toc.dumps(); toc.topological_order()
threading.Thread(target=reader, daemon=True).start()
for i in range(4000):
    toc.add_node(id=f"n{i}", level="activity")
    toc.add_link(source=f"n{i}", target="out0")
    if i % 2 and f"act{i % 1500}" in toc:
        toc.remove_node(f"act{i % 1500}")
stop = True
print("survived")
"""

# Four readers and a writer for a few seconds: no reader sees an error.
READERS_AND_WRITER = """
import random, sys, threading, time, tocgraph
toc = tocgraph.synthetic(2000, seed=1)
goal = toc.nodes(level="goal")[0].id
acts = [n.id for n in toc.nodes(level="activity")]
stop = False
errors = {}
def note(key):
    errors[key] = errors.get(key, 0) + 1
def reader(k):
    ops = [toc.dumps, toc.lint, lambda: toc.contributors(goal), toc.topological_order,
           lambda: toc.count_activity_paths(goal), toc.to_dict, toc.nodes, toc.links, toc.coverage,
           lambda: toc.critical_nodes(goal), lambda: tocgraph.monitoring.progress(toc, "2022-12-31"),
           toc.to_svg]
    r = random.Random(k)
    while not stop:
        try:
            r.choice(ops)()
        except Exception as e:
            note(f"{type(e).__name__}: {e}"[:100])
def writer():
    r = random.Random(1)
    i = 0
    while not stop:
        try:
            i += 1
            toc.add_node(id=f"new{i}", level="activity", title="x" * r.randint(0, 200))
            toc.add_link(source=f"new{i}", target=toc.nodes(level="output")[0].id)
            if r.random() < 0.5:
                toc.remove_node(r.choice(acts[:50] + [f"new{i}"]))
            toc.update_node(goal, title="t" * r.randint(0, 100))
        except (tocgraph.ModelError, KeyError):
            pass
        except Exception as e:
            note(f"writer {type(e).__name__}: {e}"[:100])
threads = [threading.Thread(target=reader, args=(k,)) for k in range(4)] + [threading.Thread(target=writer)]
for t in threads: t.start()
time.sleep(float(sys.argv[1]))
stop = True
for t in threads: t.join()
print("OK", errors)
"""


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-X", "faulthandler", "-c", textwrap.dedent(script), *args],
        capture_output=True, text=True, timeout=240, check=False,
    )


def test_editing_while_another_thread_queries_does_not_crash() -> None:
    result = run(EDIT_WHILE_QUERY)
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "survived"


def test_readers_and_a_writer_see_no_errors() -> None:
    result = run(READERS_AND_WRITER, "3")
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stdout.strip() == "OK {}"

