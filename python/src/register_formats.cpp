// tocgraph._core.formats: other tools' formats (include/tocgraph/formats/):
// GraphML, Kumu, DAGitty and the logframe table, their options, and
// ImportResult, what a reader returns (the ToC and the findings about what it
// had to decide). Reading and writing run with the GIL released.
#include "bind/bind.hpp"

#include <tocgraph/formats.hpp>

namespace tocgraph::python {

namespace {

/// tocgraph::ImportResult with its ToC already in the public class.
struct ImportedToc {
    py::object toc;
    std::vector<Finding> findings;
};

ImportedToc to_python(ImportResult&& result) { return {new_toc(std::move(result.toc)), std::move(result.findings)}; }

/// Runs a reader with the GIL released.
template <typename Read>
ImportedToc reading(Read&& read) {
    ImportResult result = without_gil([&] {
        return read();
    });
    return to_python(std::move(result));
}

void register_options(py::module_& m) {
    Struct<KumuOptions>(m, "KumuOptions", "How a Kumu map's elements find their levels.")
        .field("schema", &KumuOptions::schema, "Built-in level schema for a map that does not name one.")
        .field("default_level", &KumuOptions::default_level,
               "Level of elements whose level cannot be told; \"\": the schema's middle outcome level.")
        .field("type_levels", &KumuOptions::type_levels,
               "Kumu element type -> level id, compared without regard to case; consulted first.")
        .finish();
    Struct<LogframeReadOptions>(m, "LogframeReadOptions", "How a logframe table is read (docs/logframe.md).")
        .field("schema", &LogframeReadOptions::schema,
               "Name of a built-in level schema; \"\": the first whose levels fit the table.")
        .field("columns", &LogframeReadOptions::columns,
               "Header text -> what the column holds, overriding recognition (docs/logframe.md).")
        .finish();
    Struct<LogframeWriteOptions>(m, "LogframeWriteOptions", "How a logframe CSV file is written.")
        .field("bom", &LogframeWriteOptions::bom, "Start with a byte order mark, which Excel needs to see UTF-8.")
        .finish();
    Struct<DagittyOptions>(m, "DagittyOptions", "What a DAGitty model carries.")
        .field("mark_roles", &DagittyOptions::mark_roles, "Goal-role nodes as outcome, activity-role nodes as exposure.")
        .field("labels", &DagittyOptions::labels, "Write titles as labels.")
        .field("positions", &DagittyOptions::positions, "Write pos=\"column,row\" with one row per level.")
        .finish();
    Struct<ImportedToc>(m, "ImportResult",
                        "What a reader of another tool's format returns: `toc, findings = result`.", Access::read_only)
        .field("toc", &ImportedToc::toc, "The theory of change read.")
        .field("findings", &ImportedToc::findings, "What the reader decided or noticed (codes in docs/interop.md).")
        .unpacks()
        .repr([](const ImportedToc& r) {
            return "<ImportResult " + std::string(py::repr(r.toc)) + ", " + std::to_string(r.findings.size()) +
                   " findings>";
        })
        .finish();
}

void register_functions(py::module_& m) {
    def_query(m, "to_graphml", &to_graphml, "The GraphML document of a theory of change.");
    def_query(m, "to_dagitty", &to_dagitty, py::arg("options"), "The DAGitty model; ModelError on a cycle.");
    def_query(m, "dumps_kumu", &dumps_kumu, "The Kumu blueprint of a theory of change, as JSON text.");
    def_query(m, "to_logframe_csv", &to_logframe_csv, py::arg("options"), "The logframe CSV text.");
    def_query(m, "logframe_rows", &logframe_rows, "The logframe table as rows of strings, header first.");
    m.def(
        "loads_kumu",
        [](const std::string& text, const std::string& source, const KumuOptions& options) {
            return reading([&] { return loads_kumu(text, options, source); });
        },
        py::arg("text"), py::arg("source"), py::arg("options"), "Reads a Kumu blueprint or project backup.");
    m.def(
        "loads_logframe_csv",
        [](const std::string& text, const std::string& source, const LogframeReadOptions& options) {
            return reading([&] { return loads_logframe_csv(text, options, source); });
        },
        py::arg("text"), py::arg("source"), py::arg("options"), "Reads logframe CSV text.");
    m.def(
        "read_logframe_rows",
        [](const std::vector<std::vector<std::string>>& cells, const std::vector<std::size_t>& lines,
           const std::string& source, const LogframeReadOptions& options) {
            if (lines.size() != cells.size()) throw py::value_error("lines must give one line number per row");
            std::vector<LogframeRow> rows(cells.size());
            for (std::size_t r = 0; r < cells.size(); ++r)
                for (std::size_t c = 0; c < cells[r].size(); ++c) rows[r].push_back({cells[r][c], lines[r], c + 1});
            return reading([&] { return read_logframe_rows(rows, options, source); });
        },
        py::arg("rows"), py::arg("lines"), py::arg("source"), py::arg("options"),
        "Reads a logframe table given as rows of strings (errors name line = row, column).");
    m.def(
        "read_file_as",
        [](const std::filesystem::path& path, std::optional<FileFormat> format, const KumuOptions& kumu,
           const LogframeReadOptions& logframe) {
            return reading([&] { return read_file_as(path, format, ReadOptions{kumu, logframe}); });
        },
        py::arg("path"), py::arg("format"), py::arg("kumu"), py::arg("logframe"),
        "Reads a file in any readable format (None: by its extension).");
    m.def(
        "write_file_as",
        [](const SharedToc& toc, const std::filesystem::path& path, std::optional<FileFormat> format) {
            read(toc, [&](const TheoryOfChange& t) { write_file_as(t, path, format); });
        },
        py::arg("toc"), py::arg("path"), py::arg("format"), "Writes a file in any writable format, atomically.");
}

}  // namespace

void register_formats(py::module_& m) {
    register_options(m);
    register_functions(m);
}

}  // namespace tocgraph::python
