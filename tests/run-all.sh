#!/usr/bin/env bash
# Runs every test of tocgraph, C++ and Python, installing what they need first.
#
#   bash tests/run-all.sh
#
# The stages, in this order (each prints its time; a summary ends the run):
#  1. The Python package from PyPI alone, before any Debian package is
#     installed: `python -m build` makes an sdist and builds the wheel from it
#     against the newest header packages pyproject.toml allows; the wheel is
#     installed into a second fresh virtual environment (no compiler needed)
#     and writes the report on the bundled example; every public header is
#     compiled against the newest and the oldest nlohmann-json/boost-headers
#     that pyproject.toml allows; then pytest (Python and CLI tests) against
#     the installed wheel; then each Python-side reader fuzzed briefly with
#     Atheris (tests/fuzz/python/run.sh, TOCGRAPH_ATHERIS_SECONDS, default 15).
#  2. Debian packages: Boost.Graph 1.74, nlohmann/json 3.11.2, Catch2 and a
#     compiler for the C++ build, ccache, clang and its runtime for the
#     fuzzers, chromium for the report's browser check (needs root or sudo;
#     skipped when all are present).
#  3. The browser check of the HTML report, now that chromium is there.
#  4. The C++ tests (Catch2) and the command-line tool, built once against
#     Debian's packages with AddressSanitizer and UBSan (tests/sanitize.sh):
#     any sanitizer report fails the run; then every public header compiled
#     with clang.
#  5. `cmake --install` into a private prefix, then the consumer project in
#     examples/cpp configured with find_package(tocgraph) against it.
#  6. Each C++ reader fuzzed for TOCGRAPH_FUZZ_SECONDS (default 60) with
#     libFuzzer (tests/fuzz/run.sh; longer runs: docs/fuzzing.md).
# Everything is built under build/tests/; the checkout is left untouched.
# TOCGRAPH_JOBS sets the build parallelism (default: 2).
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work="$root/build/tests"
jobs=${TOCGRAPH_JOBS:-2}
python=${PYTHON:-python3}
mkdir -p "$work"

# ---- stage bookkeeping: a heading per stage, its time, a summary at the end
run_start=$SECONDS
stage_name=""
stage_start=$SECONDS
summary=()
end_stage() {
  if [ -n "$stage_name" ]; then
    local took=$((SECONDS - stage_start))
    summary+=("$(printf '%5d s  %s' "$took" "$stage_name")")
    printf -- '-- %s: %d s\n' "$stage_name" "$took"
  fi
  stage_name=""
}
stage() {
  end_stage
  stage_name="$*"
  stage_start=$SECONDS
  printf '\n== %s\n' "$*"
}
print_summary() {
  local status=$?
  [ -n "$stage_name" ] && [ "$status" -ne 0 ] && stage_name="$stage_name (FAILED)"
  end_stage
  printf '\n== Time by stage\n'
  printf '%s\n' "${summary[@]}"
  printf '%5d s  total\n' $((SECONDS - run_start))
}
trap print_summary EXIT

export CMAKE_BUILD_PARALLEL_LEVEL=$jobs
export TOCGRAPH_HYPOTHESIS_PROFILE=${TOCGRAPH_HYPOTHESIS_PROFILE:-ci}
command -v ccache >/dev/null && export CMAKE_CXX_COMPILER_LAUNCHER=ccache

# ---- 1. the Python package from PyPI alone ---------------------------------
stage "Python: sdist and wheel from PyPI headers alone"
rm -rf "$work/dist" "$work/venv" "$work/wheel-venv"
"$python" -m venv "$work/venv"
venv_python="$work/venv/bin/python"
"$venv_python" -m pip install -q --upgrade pip build
# --outdir: build/tests/dist; the wheel is built from the unpacked sdist, so
# this checks both. Header packages come from PyPI (pyproject.toml), never
# from /usr/include.
"$venv_python" -m build --outdir "$work/dist" "$root"
wheel=$(ls "$work/dist"/tocgraph-*.whl)

stage "Python: the wheel in a fresh environment, no compiler"
"$python" -m venv "$work/wheel-venv"
CC=false CXX=false "$work/wheel-venv/bin/python" -m pip install -q "$wheel"
(cd "$work" && PATH="$work/wheel-venv/bin:$PATH" tocgraph report "$root/examples/asean-act/toc.json" \
   --as-of 2022-12-31 -o "$work/wheel-report.html")
test -s "$work/wheel-report.html"
"$work/wheel-venv/bin/python" -c "import tocgraph; print('built with', tocgraph.build_info)"

stage "Headers: every public header against the newest and oldest allowed header packages"
requires() {  # the requirement of the named build dependency, from pyproject.toml
  "$venv_python" -c "import re, sys; print(re.search(r'\"(%s[<>=!~,.0-9 ]+)\"' % re.escape(sys.argv[2]), \
open(sys.argv[1]).read()).group(1))" "$root/pyproject.toml" "$1"
}
rm -rf "$work/headers-newest" "$work/headers-oldest"
"$venv_python" -m pip install -q --target "$work/headers-newest" "$(requires nlohmann-json)" "$(requires boost-headers)"
oldest() { requires "$1" | sed -E 's/.*>=([0-9.]+).*/\1/'; }
"$venv_python" -m pip install -q --target "$work/headers-oldest" \
  "nlohmann-json==$(oldest nlohmann-json)" "boost-headers==$(oldest boost-headers)"
for set in newest oldest; do
  bash "$root/tests/headers/check.sh" "$set" \
    "$work/headers-$set/nlohmann_json/include" "$work/headers-$set/boost_headers/include"
done

stage "Python tests (against the installed wheel)"
"$venv_python" -m pip install -q "$wheel[test]"
cd "$work"  # import the installed package, not the source tree
PATH="$work/venv/bin:$PATH" "$venv_python" -m pytest -c "$root/pyproject.toml" \
  --rootdir "$root" "$root/tests/python" "$root/tests/cli" -q -p no:cacheprovider --durations=15
cd "$root"

stage "Fuzzing: each Python-side reader for ${TOCGRAPH_ATHERIS_SECONDS:-15} s (Atheris)"
"$venv_python" -m pip install -q atheris
PYTHON="$venv_python" TOCGRAPH_FUZZ_SEED=${TOCGRAPH_FUZZ_SEED:-1} bash "$root/tests/fuzz/python/run.sh" "${TOCGRAPH_ATHERIS_SECONDS:-15}"

# ---- 2. Debian packages ------------------------------------------------------
stage "Debian packages"
missing=()
for tool in g++:g++ cmake:cmake make:make; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
for p in catch2 libboost-graph-dev nlohmann-json3-dev ccache clang libclang-rt-14-dev chromium fonts-liberation; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if ((${#missing[@]})); then
  sudo=""; [ "$(id -u)" -eq 0 ] || sudo="sudo"
  echo "installing: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
else
  echo "all present"
fi
command -v ccache >/dev/null && export CMAKE_CXX_COMPILER_LAUNCHER=ccache

# ---- 3. the browser check ----------------------------------------------------
stage "Browser check of the HTML report (chromium)"
cd "$work"
PATH="$work/venv/bin:$PATH" "$venv_python" -m pytest -c "$root/pyproject.toml" \
  --rootdir "$root" "$root/tests/python/test_report_browser.py" -q -p no:cacheprovider
cd "$root"

# ---- 4. C++ tests against Debian's packages, under sanitizers ----------------
stage "C++ tests and CLI against Debian's Boost and nlohmann/json, under ASan and UBSan"
bash "$root/tests/sanitize.sh" "$work/cpp" -DTOCGRAPH_INSTALL=ON -DCMAKE_INSTALL_PREFIX="$work/prefix"

stage "Headers: every public header with clang (Debian's Boost and nlohmann/json)"
# The library is built with g++ above; users build with clang too.
CXX=clang++ bash "$root/tests/headers/check.sh" clang

# ---- 5. find_package consumer ------------------------------------------------
stage "Install, then build a consumer with find_package(tocgraph)"
rm -rf "$work/prefix" "$work/consumer"
cmake --install "$work/cpp"
cmake -S "$root/examples/cpp" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$work/prefix"
cmake --build "$work/consumer" -j "$jobs"
"$work/consumer/toc_summary"
"$work/consumer/toc_summary" "$root/examples/asean-act/toc.json"

# ---- 6. fuzzing ----------------------------------------------------------------
stage "Fuzzing: each C++ reader for ${TOCGRAPH_FUZZ_SECONDS:-60} s (clang, libFuzzer)"
# A fixed seed: what CI finds, a rerun with the same seed finds again.
TOCGRAPH_FUZZ_SEED=${TOCGRAPH_FUZZ_SEED:-1} bash "$root/tests/fuzz/run.sh" "${TOCGRAPH_FUZZ_SECONDS:-60}"
end_stage
