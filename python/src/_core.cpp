// The compiled part of the tocgraph Python package. It is private: the public
// API lives in the pure-Python package (python/tocgraph), which wraps it.
#include "pybind.hpp"

#include <boost/version.hpp>

namespace {

/// What this module was compiled from, for bug reports: a wheel must be the
/// same on every machine, so these name the header packages pyproject.toml pins.
py::dict build_info() {
    py::dict info;
    info["version"] = tocgraph::version_string;
    info["nlohmann_json"] = std::to_string(NLOHMANN_JSON_VERSION_MAJOR) + "." +
                            std::to_string(NLOHMANN_JSON_VERSION_MINOR) + "." +
                            std::to_string(NLOHMANN_JSON_VERSION_PATCH);
    info["boost"] = std::to_string(BOOST_VERSION / 100000) + "." + std::to_string(BOOST_VERSION / 100 % 1000) +
                    "." + std::to_string(BOOST_VERSION % 100);
    info["pybind11"] = std::to_string(PYBIND11_VERSION_MAJOR) + "." + std::to_string(PYBIND11_VERSION_MINOR) +
                       "." + std::to_string(PYBIND11_VERSION_PATCH);
#if defined(__clang__)
    info["compiler"] = "clang " __clang_version__;
#elif defined(__GNUC__)
    info["compiler"] = "gcc " __VERSION__;
#else
    info["compiler"] = "unknown";
#endif
    info["cxx_standard"] = std::to_string(__cplusplus);
    return info;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "tocgraph's compiled core (private: use the tocgraph package).";
    m.attr("__version__") = tocgraph::version_string;
    m.attr("file_format_version") = tocgraph::file_format_version;
    m.attr("build_info") = build_info();

    tocgraph::python::register_errors(m);
    tocgraph::python::register_model(m);
    tocgraph::python::register_toc(m);
    tocgraph::python::register_io(m);
    tocgraph::python::register_analysis(m);
    tocgraph::python::register_lint(m);
    tocgraph::python::register_synthetic(m);
    tocgraph::python::register_formats(m);
    tocgraph::python::register_monitoring(m);
    tocgraph::python::register_render(m);
    tocgraph::python::register_iati(m);
    tocgraph::python::register_versions(m);
}
