#!/usr/bin/env bash
# Runs every test of tocgraph, C++ and Python, installing what they need first.
#
#   bash tests/run-all.sh
#
# 1. Debian packages for the C++ build (compiler, CMake, Boost.Graph,
#    nlohmann/json, Catch2) and for the browser check of the HTML report
#    (chromium, fonts-liberation) when they are missing (needs root or sudo).
# 2. The C++ tests (Catch2, through ctest) and the command-line tool.
# 3. `cmake --install` into a private prefix, then the consumer project in
#    examples/cpp configured with find_package(tocgraph) against it.
# 4. A fresh virtual environment with `pip install .[test]`, then pytest.
# Everything is built under build/tests/; the checkout is left untouched.
set -euo pipefail

root=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
work="$root/build/tests"
jobs=${TOCGRAPH_JOBS:-2}
mkdir -p "$work"

step() { printf '\n== %s\n' "$*"; }

step "Debian packages"
missing=()
for tool in g++:g++ cmake:cmake make:make; do
  command -v "${tool%%:*}" >/dev/null || missing+=("${tool#*:}")
done
for p in catch2 libboost-graph-dev nlohmann-json3-dev chromium fonts-liberation; do
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

step "C++ build and tests"
cmake -S "$root" -B "$work/cpp" -DCMAKE_BUILD_TYPE=RelWithDebInfo \
  -DTOCGRAPH_BUILD_TESTS=ON -DTOCGRAPH_BUILD_CLI=ON -DTOCGRAPH_INSTALL=ON \
  -DCMAKE_INSTALL_PREFIX="$work/prefix"
cmake --build "$work/cpp" -j "$jobs"
ctest --test-dir "$work/cpp" --output-on-failure

step "Install, then build a consumer with find_package(tocgraph)"
rm -rf "$work/prefix" "$work/consumer"
cmake --install "$work/cpp"
cmake -S "$root/examples/cpp" -B "$work/consumer" -DCMAKE_PREFIX_PATH="$work/prefix"
cmake --build "$work/consumer" -j "$jobs"
"$work/consumer/toc_summary"
"$work/consumer/toc_summary" "$root/examples/asean-act/toc.json"

step "Python package in a fresh virtual environment"
python=${PYTHON:-python3}
rm -rf "$work/venv"
"$python" -m venv "$work/venv"
"$work/venv/bin/python" -m pip install -q --upgrade pip
"$work/venv/bin/python" -m pip install -q "$root[test]"

step "Python tests"
cd "$work"  # import the installed package, not the source tree
PATH="$work/venv/bin:$PATH" "$work/venv/bin/python" -m pytest -c "$root/pyproject.toml" \
  --rootdir "$root" "$root/tests/python" "$root/tests/cli" -q
