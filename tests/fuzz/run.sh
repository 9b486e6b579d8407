#!/usr/bin/env bash
# Builds the libFuzzer harnesses (clang, ASan+UBSan) and runs each for a
# bounded time, two at a time. docs/fuzzing.md says more.
#
#   tests/fuzz/run.sh SECONDS [HARNESS...]     e.g. tests/fuzz/run.sh 60
#                                                   tests/fuzz/run.sh 1800 json kumu
#   tests/fuzz/run.sh replay [HARNESS...]      runs every corpus input once
#                                              under ASan+UBSan
#
# Harnesses: json iati logframe_csv kumu xml (all when none is named).
# Everything lives under build/fuzz/: the CMake build (cmake/), the growing
# corpus of each harness (corpus/NAME, kept between runs), the seeds copied
# at each run (seeds/NAME), crash/leak/timeout/oom inputs (artifacts/NAME)
# and the logs (logs/NAME.log). Prints per harness the executions, exec/s,
# crashes and corpus size, and the executions of all runs so far (kept in
# logs/executions.tsv); exits non-zero if any harness found something.
#
# Environment: TOCGRAPH_JOBS (build parallelism, default 2),
# TOCGRAPH_FUZZ_PARALLEL (harnesses at once, default 2),
# TOCGRAPH_FUZZ_RSS_MB (default 2048), TOCGRAPH_FUZZ_TIMEOUT (seconds for one
# input, default 10), TOCGRAPH_FUZZ_SEED (libFuzzer's -seed; unset, each run
# draws its own, and CI fixes one so that what it finds reproduces),
# TOCGRAPH_FUZZ_SANITIZERS (default address,undefined; "undefined" alone runs
# about twice as fast, for long campaigns that replay their corpus after),
# CXX (default clang++).
set -euo pipefail

usage() { echo "usage: $0 SECONDS|replay [json|iati|logframe_csv|kumu|xml ...]" >&2; exit 2; }
[ $# -ge 1 ] || usage
seconds=$1; shift
[[ "$seconds" =~ ^[0-9]+$ || "$seconds" == replay ]] || usage
all=(json iati logframe_csv kumu xml)
harnesses=("$@")
((${#harnesses[@]})) || harnesses=("${all[@]}")
for h in "${harnesses[@]}"; do
  [[ " ${all[*]} " == *" $h "* ]] || { echo "unknown harness: $h" >&2; usage; }
done

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
here="$root/tests/fuzz"
work="$root/build/fuzz"
shared="$root/../shared/data"
jobs=${TOCGRAPH_JOBS:-2}
parallel=${TOCGRAPH_FUZZ_PARALLEL:-2}
rss=${TOCGRAPH_FUZZ_RSS_MB:-2048}
timeout=${TOCGRAPH_FUZZ_TIMEOUT:-10}
seed_option=()
if [ -n "${TOCGRAPH_FUZZ_SEED:-}" ]; then
  [[ "$TOCGRAPH_FUZZ_SEED" =~ ^[1-9][0-9]*$ ]] || { echo "TOCGRAPH_FUZZ_SEED must be a positive integer" >&2; exit 2; }
  seed_option=(-seed="$TOCGRAPH_FUZZ_SEED")
fi
sanitizers=${TOCGRAPH_FUZZ_SANITIZERS:-address,undefined}
# A replay checks what long runs found under the full sanitizers.
[ "$seconds" = replay ] && sanitizers=address,undefined
[[ "$sanitizers" =~ ^[a-z,]+$ ]] || { echo "TOCGRAPH_FUZZ_SANITIZERS: a comma-separated list" >&2; exit 2; }
build="$work/cmake"
[ "$sanitizers" = address,undefined ] || build="$work/cmake-${sanitizers//,/-}"
mkdir -p "$work/logs"

# ---- build ------------------------------------------------------------------
build_start=$SECONDS
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
    -DCMAKE_CXX_COMPILER="${CXX:-clang++}" "${launcher[@]}" \
    -DTOCGRAPH_BUILD_FUZZERS=ON -DTOCGRAPH_FUZZ_SANITIZERS="$sanitizers" \
    -DTOCGRAPH_BUILD_TESTS=OFF -DTOCGRAPH_BUILD_CLI=OFF \
    -DTOCGRAPH_INSTALL=OFF >"$work/logs/configure.log"
fi
cmake --build "$build" -j "$jobs" --target "${harnesses[@]/#/fuzz_}"
echo "build: $((SECONDS - build_start)) s"

# ---- seeds: committed fixtures, then ../shared/data when it is there ---------
seed_sources() {  # NAME -> globs, relative to the checkout and to shared/data
  case $1 in
    json)         echo "R:tests/data/valid/*.json R:tests/data/malformed/*.json R:tests/data/lint/*.json"
                  echo "R:examples/asean-act/*.json" ;;
    kumu)         echo "R:tests/fuzz/seeds/kumu/* S:toc-logframes/kumu/*.json" ;;
    logframe_csv) echo "R:tests/fuzz/seeds/logframe_csv/* S:sdg/canada-cif/*.csv" ;;
    iati)         echo "R:tests/data/iati/*.xml S:iati-standard-examples/*.xml S:iati-standard-examples/*/*.xml"
                  echo "S:iati-publishers/*/*.xml" ;;
    xml)          echo "R:tests/data/iati/*.xml R:tests/fuzz/seeds/xml/* S:iati-codelists/*.xml"
                  echo "S:iati-standard-examples/should-fail-result/*.xml" ;;
  esac
  echo "R:tests/data/fuzz-regressions/$1/*"
}
max_len() {
  case $1 in iati|json|kumu|logframe_csv) echo 16384 ;; *) echo 8192 ;; esac
}
dict() {
  case $1 in json|kumu) echo "$here/json.dict" ;; iati|xml) echo "$here/xml.dict" ;; logframe_csv) echo "$here/logframe_csv.dict" ;; esac
}

[ -d "$shared" ] || echo "note: $shared is absent; seeding from the committed fixtures only"
for h in "${harnesses[@]}"; do
  rm -rf "$work/seeds/$h"
  mkdir -p "$work/seeds/$h" "$work/corpus/$h" "$work/artifacts/$h"
  for spec in $(seed_sources "$h"); do
    base=$root; [ "${spec%%:*}" = S ] && base=$shared
    [ -d "$base" ] || continue
    for f in $base/${spec#*:}; do
      [ -f "$f" ] && cp "$f" "$work/seeds/$h/$(echo "${f#"$base"/}" | tr / _)"
    done
  done
done

# ---- run, $parallel at a time ------------------------------------------------
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:allocator_may_return_null=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
run_one() {
  local h=$1 length=()
  # The crash count is what this run added to artifacts/.
  ls "$work/artifacts/$h" >"$work/logs/$h.artifacts-before"
  # -runs=0: each input of the corpus and the seeds once, then stop.
  if [ "$seconds" = replay ]; then length=(-runs=0); else length=(-max_total_time="$seconds"); fi
  "$build/tests/fuzz/fuzz_$h" "$work/corpus/$h" "$work/seeds/$h" \
    -dict="$(dict "$h")" -max_len="$(max_len "$h")" "${length[@]}" \
    -rss_limit_mb="$rss" -timeout="$timeout" -print_final_stats=1 "${seed_option[@]}" \
    -artifact_prefix="$work/artifacts/$h/" >"$work/logs/$h.log" 2>&1
}
fuzz_start=$SECONDS
declare -A pid_of status_of
running=0
for h in "${harnesses[@]}"; do
  if ((running >= parallel)); then wait -n || true; running=$((running - 1)); fi
  run_one "$h" & pid_of[$h]=$!
  running=$((running + 1))
  echo "started fuzz_$h (log: build/fuzz/logs/$h.log)"
done
for h in "${harnesses[@]}"; do
  if wait "${pid_of[$h]}"; then status_of[$h]=0; else status_of[$h]=$?; fi
done

# ---- report -------------------------------------------------------------------
failed=0
printf '\n%-13s %12s %8s %8s %14s  %s\n' harness executions exec/s crashes "corpus (new)" result
for h in "${harnesses[@]}"; do
  log="$work/logs/$h.log"
  execs=$(grep -oE 'stat::number_of_executed_units: +[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  rate=$(grep -oE 'stat::average_exec_per_sec: +[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  new=$(grep -oE 'stat::new_units_added: +[0-9]+' "$log" | grep -oE '[0-9]+$' || echo 0)
  corpus=$(find "$work/corpus/$h" -type f | wc -l)
  crashes=$(ls "$work/artifacts/$h" | comm -13 "$work/logs/$h.artifacts-before" - | wc -l)
  result=ok
  if [ "${status_of[$h]}" -ne 0 ] || [ "$crashes" -ne 0 ]; then
    result="FOUND (exit ${status_of[$h]}; see build/fuzz/logs/$h.log and build/fuzz/artifacts/$h/)"
    failed=1
  fi
  printf '%-13s %12s %8s %8s %8s (+%s)  %s\n' "$h" "$execs" "$rate" "$crashes" "$corpus" "$new" "$result"
  printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(date -u +%FT%TZ)" "$h" "$sanitizers" "$seconds" "$execs" "$crashes" \
    >>"$work/logs/executions.tsv"
done
echo "fuzzing: $((SECONDS - fuzz_start)) s"
echo "executions of every run so far (logs/executions.tsv; replays not counted):"
for h in "${harnesses[@]}"; do
  awk -F'\t' -v h="$h" '$2 == h && $4 != "replay" { n += $5; c += $6; r++ }
    END { printf "  %-13s %12d in %d runs, %d findings\n", h, n, r, c }' "$work/logs/executions.tsv"
done
for h in "${harnesses[@]}"; do
  if [ "${status_of[$h]}" -ne 0 ]; then
    echo; echo "== fuzz_$h: what it found"
    grep -E '==FINDING==|ERROR: |SUMMARY: |runtime error|Test unit written' "$work/logs/$h.log" | head -20 || true
  fi
done
exit $failed
