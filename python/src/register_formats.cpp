// Other tools' formats: GraphML, Kumu, DAGitty and the logframe table.
// Readers return (TheoryOfChange, findings) with each finding as a dict; the
// pure-Python package (python/tocgraph/interop) wraps them. The C++ work runs
// with the GIL released, after the arguments are converted.
#include "pybind.hpp"

#include <tocgraph/formats.hpp>

namespace tocgraph::python {

namespace {

py::list findings_to_python(const std::vector<Finding>& findings) {
    py::list out;
    for (const Finding& f : findings) {
        py::dict d;
        d["code"] = f.code;
        d["severity"] = std::string(to_string(f.severity));
        d["message"] = f.message;
        d["ids"] = f.ids;
        d["hint"] = f.hint;
        out.append(std::move(d));
    }
    return out;
}

py::tuple result_to_python(ImportResult&& result) {
    py::list findings = findings_to_python(result.findings);
    return py::make_tuple(py::cast(std::move(result.toc)), findings);
}

using StringMap = std::map<std::string, std::string>;

}  // namespace

void register_formats(py::module_& m) {
    using release = py::call_guard<py::gil_scoped_release>;

    m.def("to_graphml", [](const TheoryOfChange& toc) { return to_graphml(toc); }, py::arg("toc"), release(),
          "The GraphML document of a theory of change.");
    m.def(
        "to_dagitty",
        [](const TheoryOfChange& toc, bool mark_roles, bool labels, bool positions) {
            return to_dagitty(toc, DagittyOptions{mark_roles, labels, positions});
        },
        py::arg("toc"), py::arg("mark_roles") = true, py::arg("labels") = true, py::arg("positions") = true,
        release(), "The DAGitty model of a theory of change; raises ModelError on a cycle.");
    m.def("dumps_kumu", [](const TheoryOfChange& toc) { return dumps_kumu(toc); }, py::arg("toc"), release(),
          "The Kumu blueprint of a theory of change, as JSON text.");
    m.def(
        "loads_kumu",
        [](const std::string& text, const std::string& source, const std::string& schema,
           const std::string& default_level, const StringMap& type_levels) {
            ImportResult result = [&] {
                py::gil_scoped_release unlocked;
                return loads_kumu(text, KumuOptions{schema, default_level, type_levels}, source);
            }();
            return result_to_python(std::move(result));
        },
        py::arg("text"), py::arg("source") = "<string>", py::arg("schema") = "theory_of_change",
        py::arg("default_level") = "", py::arg("type_levels") = StringMap{},
        "Reads a Kumu blueprint or project backup: (TheoryOfChange, findings).");
    m.def(
        "to_logframe_csv", [](const TheoryOfChange& toc, bool bom) { return to_logframe_csv(toc, {bom}); },
        py::arg("toc"), py::arg("bom") = false, release(), "The logframe CSV text of a theory of change.");
    m.def("logframe_rows", [](const TheoryOfChange& toc) { return logframe_rows(toc); }, py::arg("toc"), release(),
          "The logframe table of a theory of change as rows of strings, header first.");
    m.def(
        "loads_logframe_csv",
        [](const std::string& text, const std::string& source, const std::string& schema, const StringMap& columns) {
            ImportResult result = [&] {
                py::gil_scoped_release unlocked;
                return loads_logframe_csv(text, LogframeReadOptions{schema, columns}, source);
            }();
            return result_to_python(std::move(result));
        },
        py::arg("text"), py::arg("source") = "<string>", py::arg("schema") = "",
        py::arg("columns") = StringMap{}, "Reads logframe CSV text: (TheoryOfChange, findings).");
    m.def(
        "read_logframe_rows",
        [](const std::vector<std::vector<std::string>>& cells, const std::vector<std::size_t>& lines,
           const std::string& source, const std::string& schema, const StringMap& columns) {
            if (!lines.empty() && lines.size() != cells.size())
                throw py::value_error("lines must give one line number per row");
            std::vector<LogframeRow> rows(cells.size());
            for (std::size_t r = 0; r < cells.size(); ++r)
                for (std::size_t c = 0; c < cells[r].size(); ++c)
                    rows[r].push_back({cells[r][c], lines.empty() ? r + 1 : lines[r], c + 1});
            ImportResult result = [&] {
                py::gil_scoped_release unlocked;
                return read_logframe_rows(rows, LogframeReadOptions{schema, columns}, source);
            }();
            return result_to_python(std::move(result));
        },
        py::arg("rows"), py::arg("lines") = std::vector<std::size_t>{}, py::arg("source") = "<string>",
        py::arg("schema") = "", py::arg("columns") = StringMap{},
        "Reads a logframe table given as rows of strings (errors name line = row, column).");
    m.def(
        "read_file_as",
        [](const std::filesystem::path& path, const std::string& format, const std::string& schema,
           const std::string& default_level, const StringMap& type_levels, const StringMap& columns) {
            ImportResult result = [&] {
                py::gil_scoped_release unlocked;
                ReadOptions options;
                if (!schema.empty()) {
                    options.kumu.schema = schema;
                    options.logframe.schema = schema;
                }
                options.kumu.default_level = default_level;
                options.kumu.type_levels = type_levels;
                options.logframe.columns = columns;
                std::optional<FileFormat> f;
                if (!format.empty()) f = parse_format_name(format);
                return read_file_as(path, f, options);
            }();
            return result_to_python(std::move(result));
        },
        py::arg("path"), py::arg("format") = "", py::arg("schema") = "", py::arg("default_level") = "",
        py::arg("type_levels") = StringMap{}, py::arg("columns") = StringMap{},
        "Reads a file in any readable format: (TheoryOfChange, findings).");
    m.def(
        "write_file_as",
        [](const TheoryOfChange& toc, const std::filesystem::path& path, const std::string& format) {
            std::optional<FileFormat> f;
            if (!format.empty()) f = parse_format_name(format);
            write_file_as(toc, path, f);
        },
        py::arg("toc"), py::arg("path"), py::arg("format") = "", release(),
        "Writes a file in any writable format, atomically.");
}

}  // namespace tocgraph::python
