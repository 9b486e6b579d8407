// tocgraph._core.io: the JSON file format (include/tocgraph/json_io.hpp) and
// atomic file writes. Reading, writing and converting run with the GIL
// released; a ToC being written is read-locked meanwhile (bind/toc.hpp).
#include "bind/bind.hpp"

namespace tocgraph::python {

namespace {

/// A reader's theory of change, read without the GIL, for Python.
template <typename Read, typename... Args>
py::object reading(Read read, const Args&... args) {
    return new_toc(without_gil([&] { return read(args...); }));
}

}  // namespace

void register_io(py::module_& m) {
    m.attr("file_format_version") = file_format_version;

    m.def(
        "loads", [](const std::string& text, const std::string& source) { return reading(tocgraph::loads, text, source); },
        py::arg("text"), py::arg("source"), "Reads a theory of change from JSON text; raises FormatError.");
    m.def(
        "load",
        [](const std::filesystem::path& path) {
            return reading([](const std::filesystem::path& p) { return tocgraph::load(p); }, path);
        },
        py::arg("path"),
        "Reads a theory of change from a file; raises FormatError.");
    m.def(
        "from_json",
        [](const py::dict& document, const std::string& source) {
            const nlohmann::json json = json_document_from_python(document, source);
            return reading(tocgraph::toc_from_json, json, source);
        },
        py::arg("document"), py::arg("source"), "Reads a theory of change from a parsed JSON document.");
    def_query(m, "dumps", &tocgraph::dumps, py::arg("indent"), "The JSON text of a theory of change, ending with a newline.");
    def_query(m, "to_json", &tocgraph::toc_to_json, "The JSON document of a theory of change, as dicts and lists.");
    def_query(m, "save", &tocgraph::save, py::arg("path"), py::arg("indent"), "Writes a theory of change to a file atomically.");
    // The one atomic file writer of the package: drawings, reports and the
    // other formats written from Python go through it.
    m.def(
        "write_atomically",
        [](const std::filesystem::path& path, const py::bytes& contents) {
            const std::string data = contents;
            without_gil([&] { tocgraph::write_file_atomically(path, data); });
        },
        py::arg("path"), py::arg("contents"),
        "Writes bytes through a temporary file beside `path` and a rename; raises tocgraph.Error.");
}

}  // namespace tocgraph::python
