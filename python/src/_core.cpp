// tocgraph._core: the compiled part of the tocgraph package. It is private:
// the public API is the pure-Python package (python/tocgraph), which wraps it.
// One submodule per area of include/tocgraph/: named, with its docstring, in
// `areas` below, filled by its register_<area>.cpp and typed by
// python/tocgraph/_core/<area>.pyi.
#include "bind/bind.hpp"

#include <boost/version.hpp>

namespace {

/// What this module was compiled from, for bug reports: a wheel must be the
/// same on every machine, so these name the header packages pyproject.toml pins.
py::dict build_info() {
    auto version = [](int major, int minor, int patch) {
        return std::to_string(major) + "." + std::to_string(minor) + "." + std::to_string(patch);
    };
    py::dict info;
    info["version"] = tocgraph::version_string;
    info["nlohmann_json"] =
        version(NLOHMANN_JSON_VERSION_MAJOR, NLOHMANN_JSON_VERSION_MINOR, NLOHMANN_JSON_VERSION_PATCH);
    info["boost"] = version(BOOST_VERSION / 100000, BOOST_VERSION / 100 % 1000, BOOST_VERSION % 100);
    info["pybind11"] = version(PYBIND11_VERSION_MAJOR, PYBIND11_VERSION_MINOR, PYBIND11_VERSION_PATCH);
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

namespace tp = tocgraph::python;

/// One submodule of tocgraph._core: its name, its docstring and the function
/// of its register_<area>.cpp that fills it.
struct Area {
    const char* name;
    const char* doc;
    void (*fill)(py::module_&);
};

/// Every area, in the order they are filled: the model first, since the other
/// areas' classes hold its values.
constexpr Area areas[] = {
    {"model", "The model's values and the compiled TheoryOfChange.", tp::register_model},
    {"io", "The JSON file format and atomic writes.", tp::register_io},
    {"analysis", "The analyses of include/tocgraph/analysis/.", tp::register_analysis},
    {"lint", "The linter, its findings and the rule catalogue.", tp::register_lint},
    {"monitoring", "Indicator progress, roll-up, explanations and breakdowns.", tp::register_monitoring},
    {"render", "Drawings: SVG, Graphviz DOT and Mermaid, and their options.", tp::register_render},
    {"report", "Progress reports, HTML or Markdown, and their options.", tp::register_report},
    {"formats", "Other tools' formats: GraphML, Kumu, DAGitty, logframe tables.", tp::register_formats},
    {"iati", "IATI activity XML: reading and writing.", tp::register_iati},
    {"versions", "Diff, apply and merge, and the consultation record.", tp::register_versions},
    {"probability", "Probabilistic contribution analysis (include/tocgraph/probability/).", tp::register_probability},
};

/// The submodule tocgraph._core.<name>, importable by that name (stubtest and
/// pickle look modules up in sys.modules).
py::module_ submodule(py::module_& core, const char* name, const char* doc) {
    py::module_ m = core.def_submodule(name, doc);
    py::module_::import("sys").attr("modules")[m.attr("__name__")] = m;
    return m;
}

}  // namespace

PYBIND11_MODULE(_core, m) {
    m.doc() = "tocgraph's compiled core (private: use the tocgraph package).";
    m.attr("__version__") = tocgraph::version_string;
    m.attr("build_info") = build_info();

    tp::register_error_translators();
    for (const Area& area : areas) {
        py::module_ sub = submodule(m, area.name, area.doc);
        area.fill(sub);
    }
}
