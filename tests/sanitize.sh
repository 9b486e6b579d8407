#!/usr/bin/env bash
# The C++ unit tests and the command-line tool built with AddressSanitizer and
# UndefinedBehaviorSanitizer (gcc), then the Catch2 suite run under them.
#
#   bash tests/sanitize.sh                              # into build/sanitize
#   bash tests/sanitize.sh BUILD_DIR [CMAKE_ARGS...]    # elsewhere, with more options
#
# Any sanitizer report fails the run: UB aborts (-fno-sanitize-recover), ASan
# stops at the first error and LeakSanitizer fails the process at exit.
# TOCGRAPH_SANITIZE overrides the list (default address,undefined);
# TOCGRAPH_JOBS sets the build parallelism (default 2). Prints the build and
# the run time.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work=${1:-$root/build/sanitize}
shift $(($# > 0 ? 1 : 0))
jobs=${TOCGRAPH_JOBS:-2}
sanitizers=${TOCGRAPH_SANITIZE:-address,undefined}
launcher=()
command -v ccache >/dev/null && launcher=(-DCMAKE_CXX_COMPILER_LAUNCHER=ccache)

start=$SECONDS
# -O1 keeps the sanitized suite fast enough without hiding bugs; -g1 (line
# tables) for the traces, cheaper to compile than full debug information.
cmake -S "$root" -B "$work" -DCMAKE_BUILD_TYPE=Debug -DCMAKE_CXX_FLAGS_DEBUG="-O1 -g1" \
  "${launcher[@]}" -DTOCGRAPH_SANITIZE="$sanitizers" \
  -DTOCGRAPH_BUILD_TESTS=ON -DTOCGRAPH_BUILD_CLI=ON -DTOCGRAPH_INSTALL=OFF "$@" >/dev/null
grep -E '^(Boost_DIR|nlohmann_json_DIR):' "$work/CMakeCache.txt" || true
cmake --build "$work" -j "$jobs"
build_time=$((SECONDS - start))

start=$SECONDS
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1:strict_string_checks=1:detect_stack_use_after_return=1:check_initialization_order=1}
export UBSAN_OPTIONS=${UBSAN_OPTIONS:-print_stacktrace=1:halt_on_error=1}
"$work/tests/cpp/tocgraph_tests"
# The CLI on the bundled example: argument handling and the I/O paths the
# unit tests do not take.
"$work/src/tocgraph" check "$root/examples/asean-act/toc.json" >/dev/null
run_time=$((SECONDS - start))
echo "sanitize ($sanitizers): build ${build_time} s, run ${run_time} s"
