// tocgraph._core: the compiled part of the tocgraph package. It is private:
// the public API is the pure-Python package (python/tocgraph), which wraps it.
// One submodule per area of include/tocgraph/, each registered by its
// register_<area>.cpp and typed by python/tocgraph/_core/<area>.pyi.
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

}  // namespace

PYBIND11_MODULE(_core, m) {
    namespace tp = tocgraph::python;
    m.doc() = "tocgraph's compiled core (private: use the tocgraph package).";
    m.attr("__version__") = tocgraph::version_string;
    m.attr("build_info") = build_info();

    tp::register_error_translators();
    tp::register_model(m);  // first: the other areas' classes hold its values
    tp::register_io(m);
    tp::register_analysis(m);
    tp::register_lint(m);
    tp::register_monitoring(m);
    tp::register_render(m);
    tp::register_report(m);
    tp::register_formats(m);
    tp::register_iati(m);
    tp::register_versions(m);
    tp::register_probability(m);
}
