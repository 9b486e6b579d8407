// Reading and writing the JSON file format. The C++ work runs with the GIL
// released: the arguments are converted to C++ values (or refer to the C++
// object inside a Python object) before the release, and the results are
// converted back after it, so nothing here touches a Python object without
// the GIL. Another thread editing the same TheoryOfChange meanwhile is a data
// race, as it would be in C++.
#include "pybind.hpp"

namespace tocgraph::python {

void register_io(py::module_& m) {
    using release = py::call_guard<py::gil_scoped_release>;

    m.def(
        "loads",
        [](const std::string& text, const std::string& source) { return tocgraph::loads(text, source); },
        py::arg("text"), py::arg("source") = "<string>", release(),
        "Reads a theory of change from JSON text (str or UTF-8 bytes); raises FormatError.");
    m.def(
        "dumps", [](const TheoryOfChange& toc, int indent) { return tocgraph::dumps(toc, indent); },
        py::arg("toc"), py::arg("indent") = 2, release(),
        "The JSON text of a theory of change, ending with a newline; indent < 0 writes one line.");
    m.def(
        "load", [](const std::filesystem::path& path) { return tocgraph::load(path); },
        py::arg("path"), release(), "Reads a theory of change from a file; raises FormatError.");
    m.def(
        "save",
        [](const TheoryOfChange& toc, const std::filesystem::path& path, int indent) {
            tocgraph::save(toc, path, indent);
        },
        py::arg("toc"), py::arg("path"), py::arg("indent") = 2, release(),
        "Writes a theory of change to a file atomically; raises tocgraph.Error.");
    m.def(
        "toc_from_json",
        [](const nlohmann::json& document, const std::string& source) {
            return tocgraph::toc_from_json(document, source);
        },
        py::arg("document"), py::arg("source") = "<string>", release(),
        "Reads a theory of change from a parsed JSON document (dicts and lists).");
    m.def(
        "toc_to_json", [](const TheoryOfChange& toc) { return tocgraph::toc_to_json(toc); }, py::arg("toc"),
        "The JSON document of a theory of change, as dicts and lists.");
}

}  // namespace tocgraph::python
