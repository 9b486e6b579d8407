// The compiled part of the tocgraph Python package. It is private: the public
// API lives in the pure-Python package (python/tocgraph), which wraps it.
#include "pybind.hpp"

#ifndef TOCGRAPH_PYTHON_VERSION
#define TOCGRAPH_PYTHON_VERSION "0.0.0"
#endif

PYBIND11_MODULE(_core, m) {
    m.doc() = "tocgraph's compiled core (private: use the tocgraph package).";
    m.attr("__version__") = TOCGRAPH_PYTHON_VERSION;
    m.attr("library_version") = tocgraph::version_string;
    m.attr("file_format_version") = tocgraph::file_format_version;

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
