# Finds the two header-only dependencies, Boost (Graph) and nlohmann/json.
#
# Order: an installed CMake package (Debian's libboost-graph-dev and
# nlohmann-json3-dev, or any -DCMAKE_PREFIX_PATH), then the headers shipped by
# the PyPI packages boost-headers and nlohmann-json, which pyproject.toml lists
# as build requirements so that `pip install .` needs nothing from apt.
# Both paths end in the targets Boost::headers and nlohmann_json::nlohmann_json.

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

if(NOT TARGET Boost::headers)
  find_package(Boost 1.74 CONFIG QUIET)
  if(NOT Boost_FOUND)
    find_package(Boost 1.74 QUIET)
  endif()
  if(NOT TARGET Boost::headers)
    _tocgraph_python_include(boost_headers _tocgraph_boost_dir)
    if(NOT _tocgraph_boost_dir OR NOT EXISTS "${_tocgraph_boost_dir}/boost/graph/adjacency_list.hpp")
      message(FATAL_ERROR "tocgraph needs the Boost.Graph headers: install Debian's "
        "libboost-graph-dev, or `pip install boost-headers`, or set CMAKE_PREFIX_PATH.")
    endif()
    message(STATUS "tocgraph: Boost headers from the boost-headers Python package: ${_tocgraph_boost_dir}")
    add_library(Boost::headers INTERFACE IMPORTED)
    set_target_properties(Boost::headers PROPERTIES
      INTERFACE_INCLUDE_DIRECTORIES "${_tocgraph_boost_dir}")
  endif()
endif()

if(NOT TARGET nlohmann_json::nlohmann_json)
  find_package(nlohmann_json 3.10 CONFIG QUIET)
  if(NOT nlohmann_json_FOUND)
    _tocgraph_python_include(nlohmann_json _tocgraph_json_dir)
    if(NOT _tocgraph_json_dir OR NOT EXISTS "${_tocgraph_json_dir}/nlohmann/json.hpp")
      message(FATAL_ERROR "tocgraph needs nlohmann/json: install Debian's nlohmann-json3-dev, "
        "or `pip install nlohmann-json`, or set CMAKE_PREFIX_PATH.")
    endif()
    message(STATUS "tocgraph: nlohmann/json from the nlohmann-json Python package: ${_tocgraph_json_dir}")
    add_library(nlohmann_json::nlohmann_json INTERFACE IMPORTED)
    set_target_properties(nlohmann_json::nlohmann_json PROPERTIES
      INTERFACE_INCLUDE_DIRECTORIES "${_tocgraph_json_dir}")
  endif()
endif()
