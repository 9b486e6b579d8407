#!/usr/bin/env bash
# Compiles every public tocgraph header against one set of dependency headers,
# so a header that stops compiling with a newer (or the oldest supported)
# nlohmann/json or Boost fails here, even if no test includes it.
#
#   bash tests/headers/check.sh NAME INCLUDE_DIR...
#
# NAME labels the run; each INCLUDE_DIR is searched before the system's own
# folders (give the include folders of the PyPI packages nlohmann-json and
# boost-headers). Uses $CXX (default g++), C++20, warnings as errors.
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
name=$1; shift
cxx=${CXX:-g++}
tu=$(mktemp --suffix=.cpp)
trap 'rm -f "$tu"' EXIT
{
  echo "// Every public header of tocgraph, for the header check ($name)."
  (cd "$root/include" && find tocgraph -name '*.hpp' | LC_ALL=C sort | sed 's/.*/#include <&>/')
  echo 'int main() { return 0; }'
} >"$tu"
flags=(-std=c++20 -fsyntax-only -Wall -Wextra -Wpedantic -Werror -DBOOST_ALLOW_DEPRECATED_HEADERS -I "$root/include")
for dir in "$@"; do flags+=(-isystem "$dir"); done
count=$(grep -c '^#include' "$tu")
"$cxx" "${flags[@]}" "$tu"
json_version=$(printf '#include <nlohmann/json.hpp>\nNLOHMANN_JSON_VERSION_MAJOR.NLOHMANN_JSON_VERSION_MINOR.NLOHMANN_JSON_VERSION_PATCH\n' |
  "$cxx" -E -P -x c++ "${flags[@]/-fsyntax-only/}" - 2>/dev/null | tail -n 1 | tr -d ' ')
boost_version=$(printf '#include <boost/version.hpp>\nBOOST_LIB_VERSION\n' |
  "$cxx" -E -P -x c++ "${flags[@]/-fsyntax-only/}" - 2>/dev/null | tail -n 1 | tr -d ' "')
echo "headers ($name): $count tocgraph headers compile with nlohmann/json $json_version, Boost $boost_version"
