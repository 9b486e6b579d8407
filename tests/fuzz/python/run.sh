#!/usr/bin/env bash
# Runs the Atheris harnesses of the Python package's readers for a bounded
# time each, two at a time (docs/fuzzing.md).
#
#   tests/fuzz/python/run.sh SECONDS [HARNESS...]
#
# Harnesses: loads from_dict kumu logframe_json logframe_xlsx sdg pandas
# networkx (all when none is named). TOCGRAPH_FUZZ_SEED fixes the seed
# (tests/run-all.sh uses 1). Needs a Python with tocgraph[test] and
# atheris installed: $PYTHON, else build/venv/bin/python, made by
#   python3 -m venv build/venv && build/venv/bin/pip install '.[test]' atheris
# Each distinct untyped exception (type and raising place) is written once to
# build/fuzz/python/findings/HARNESS/ (the input and the traceback), and the
# run goes on; the summary lists them. Exits non-zero if any was found.
set -euo pipefail

usage() { echo "usage: $0 SECONDS [HARNESS...]" >&2; exit 2; }
[ $# -ge 1 ] || usage
seconds=$1; shift
[[ "$seconds" =~ ^[0-9]+$ ]] || usage
all=(loads from_dict kumu logframe_json logframe_xlsx sdg pandas networkx)
harnesses=("$@")
((${#harnesses[@]})) || harnesses=("${all[@]}")

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../../.." && pwd)
here="$root/tests/fuzz/python"
work="$root/build/fuzz/python"
shared="$root/../shared/data"
python=${PYTHON:-$root/build/venv/bin/python}
parallel=${TOCGRAPH_FUZZ_PARALLEL:-2}
seed=${TOCGRAPH_FUZZ_SEED:-}  # a fixed seed makes a short run repeat its inputs (CI); unset: random
[ -z "$seed" ] || [[ "$seed" =~ ^[0-9]+$ ]] || { echo "TOCGRAPH_FUZZ_SEED must be a number" >&2; exit 2; }
"$python" -c "import atheris, tocgraph" || { echo "$python lacks atheris or tocgraph (see the header of $0)" >&2; exit 2; }
mkdir -p "$work/logs"

# ---- seeds: files as they are, or behind the byte that picks their kind ------
copy() {  # DEST PREFIX-BYTE-OR-EMPTY FILES...
  local dest=$1 prefix=$2; shift 2
  for f in "$@"; do
    [ -f "$f" ] || continue
    local out="$dest/$(basename "$f")"
    if [ -n "$prefix" ]; then { printf "$prefix"; cat "$f"; } >"$out"; else cp "$f" "$out"; fi
  done
}
[ -d "$shared" ] || echo "note: $shared is absent; seeding from the committed fixtures only"
for h in "${harnesses[@]}"; do
  [[ " ${all[*]} " == *" $h "* ]] || { echo "unknown harness: $h" >&2; usage; }
  s="$work/seeds/$h"; rm -rf "$s"; mkdir -p "$s" "$work/corpus/$h" "$work/artifacts/$h"
  case $h in
    loads|from_dict) copy "$s" "" "$root"/tests/data/valid/*.json "$root"/tests/data/malformed/*.json \
                       "$root"/examples/asean-act/*.json ;;
    kumu)            copy "$s" "" "$root"/tests/fuzz/seeds/kumu/* "$shared"/toc-logframes/kumu/*.json ;;
    logframe_json)   copy "$s" "" "$shared"/toc-logframes/aptivate-v4c/*.json ;;
    logframe_xlsx)   copy "$s" '\0' "$shared"/toc-logframes/logframelab/*.xlsx ;;
    sdg)             copy "$s" '\0' "$shared"/sdg/open-sdg-translations/en/*.yml
                     copy "$s" '\1' "$shared"/sdg/UNSDG-*.xml ;;
  esac
  [ -n "$(ls "$s")" ] || echo x >"$s/empty"
done

# ---- run -----------------------------------------------------------------------
run_one() {
  local h=$1
  TOCGRAPH_ATHERIS_FINDINGS="$work/findings" "$python" "$here/fuzz_$h.py" "$work/corpus/$h" "$work/seeds/$h" \
    -max_total_time="$seconds" -rss_limit_mb=3072 -timeout=30 -max_len=65536 -print_final_stats=1 \
    -artifact_prefix="$work/artifacts/$h/" ${seed:+-seed="$seed"} >"$work/logs/$h.log" 2>&1
}
declare -A pid_of status_of
running=0
for h in "${harnesses[@]}"; do
  if ((running >= parallel)); then wait -n || true; running=$((running - 1)); fi
  (cd "$here" && run_one "$h") & pid_of[$h]=$!
  running=$((running + 1))
done
for h in "${harnesses[@]}"; do
  if wait "${pid_of[$h]}"; then status_of[$h]=0; else status_of[$h]=$?; fi
done

found=0
printf '\n%-14s %11s %7s  %s\n' harness executions exec/s result
for h in "${harnesses[@]}"; do
  log="$work/logs/$h.log"
  execs=$(grep -oE 'stat::number_of_executed_units: +[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  rate=$(grep -oE 'stat::average_exec_per_sec: +[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  n=$(grep -c '==FINDING==' "$log" || true)
  result="ok"
  if [ "$n" -gt 0 ] || [ "${status_of[$h]}" -ne 0 ]; then
    result="$n untyped exception(s), exit ${status_of[$h]}"
    found=1
  fi
  printf '%-14s %11s %7s  %s\n' "$h" "$execs" "$rate" "$result"
done
grep -h '==FINDING==' "$work"/logs/*.log 2>/dev/null | sort -u || true
exit $found
