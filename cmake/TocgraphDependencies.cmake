# Finds the two header-only dependencies, Boost (Graph) and nlohmann/json.
# Both paths end in the targets Boost::headers and nlohmann_json::nlohmann_json.
#
# TOCGRAPH_HEADERS_FROM_PYTHON=OFF (a plain CMake build, C++ users): an
#   installed CMake package first (Debian's libboost-graph-dev and
#   nlohmann-json3-dev, or any -DCMAKE_PREFIX_PATH), then the headers of the
#   PyPI packages boost-headers and nlohmann-json if Python has them.
# TOCGRAPH_HEADERS_FROM_PYTHON=ON (the Python build, set in pyproject.toml):
#   only the PyPI packages that pyproject.toml pins, never /usr/include, so a
#   wheel is built from the same headers on every machine.

option(TOCGRAPH_HEADERS_FROM_PYTHON
  "Take Boost and nlohmann/json only from the boost-headers and nlohmann-json Python packages" OFF)

function(_tocgraph_python_include module out)
  if(NOT Python_EXECUTABLE)
    find_package(Python 3.9 COMPONENTS Interpreter QUIET)
  endif()
  if(Python_EXECUTABLE)
    execute_process(
      COMMAND "${Python_EXECUTABLE}" -c "import ${module}; print(${module}.get_include())"
      OUTPUT_VARIABLE dir OUTPUT_STRIP_TRAILING_WHITESPACE RESULT_VARIABLE rc ERROR_QUIET)
    if(rc EQUAL 0 AND EXISTS "${dir}")
      set(${out} "${dir}" PARENT_SCOPE)
    endif()
  endif()
endfunction()

# Defines `target` as an imported header-only target on the include folder of
# a Python package, after checking that `probe` (a header) is in it.
function(_tocgraph_headers_from_python target module probe pip_name)
  _tocgraph_python_include(${module} dir)
  if(NOT dir OR NOT EXISTS "${dir}/${probe}")
    message(FATAL_ERROR "tocgraph: ${probe} not found in the ${pip_name} Python package "
      "(Python: ${Python_EXECUTABLE}). `pip install ${pip_name}`, or for a plain CMake build "
      "install the Debian package or set CMAKE_PREFIX_PATH.")
  endif()
  message(STATUS "tocgraph: ${target} from the ${pip_name} Python package: ${dir}")
  add_library(${target} INTERFACE IMPORTED)
  set_target_properties(${target} PROPERTIES INTERFACE_INCLUDE_DIRECTORIES "${dir}")
endfunction()

if(NOT TARGET Boost::headers)
  if(NOT TOCGRAPH_HEADERS_FROM_PYTHON)
    find_package(Boost 1.74 CONFIG QUIET)
    if(NOT Boost_FOUND)
      find_package(Boost 1.74 QUIET)
    endif()
  endif()
  if(NOT TARGET Boost::headers)
    _tocgraph_headers_from_python(Boost::headers boost_headers boost/graph/adjacency_list.hpp
                                  boost-headers)
  endif()
endif()

if(NOT TARGET nlohmann_json::nlohmann_json)
  if(NOT TOCGRAPH_HEADERS_FROM_PYTHON)
    find_package(nlohmann_json 3.10 CONFIG QUIET)
  endif()
  if(NOT TARGET nlohmann_json::nlohmann_json)
    _tocgraph_headers_from_python(nlohmann_json::nlohmann_json nlohmann_json nlohmann/json.hpp
                                  nlohmann-json)
  endif()
endif()
