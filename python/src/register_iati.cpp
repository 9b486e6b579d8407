// tocgraph._core.iati: IATI activity XML (include/tocgraph/iati/): reading
// whole files or strings, reading one activity at a time (ActivityReader),
// and writing. Parsing and writing run with the GIL released; a progress
// callback takes it back for the call only.
#include "bind/bind.hpp"

#include <memory>

#include <tocgraph/iati/read.hpp>
#include <tocgraph/iati/write.hpp>

namespace tocgraph::python {

namespace {

namespace ia = tocgraph::iati;

/// iati::ImportResult with its ToCs already in the public class.
struct ImportedTocs {
    std::vector<py::object> tocs;
    std::vector<ia::ImportFinding> findings;
};
/// iati::ImportedActivity, likewise.
struct Activity {
    py::object toc;
    std::vector<ia::ImportFinding> findings;
    std::string identifier;
    std::size_t line = 0;
};

ImportedTocs to_python(ia::ImportResult&& result) {
    ImportedTocs out{{}, std::move(result.findings)};
    for (TheoryOfChange& toc : result.tocs) out.tocs.push_back(new_toc(std::move(toc)));
    return out;
}

/// Streams the activities of a file; file_findings fills once it is exhausted.
struct Reader {
    std::unique_ptr<ia::ActivityReader> reader;
    std::vector<ia::ImportFinding> file_findings;

    Activity next() {
        std::optional<ia::ImportedActivity> activity = without_gil([&] { return reader->next(); });
        if (!activity) {
            if (file_findings.empty()) file_findings = reader->take_file_findings();
            throw py::stop_iteration();
        }
        return {new_toc(std::move(activity->toc)), std::move(activity->findings), std::move(activity->identifier),
                activity->line};
    }
};

void register_results(py::module_& m) {
    Struct<ia::ImportOptions>(m, "ImportOptions", "How IATI activities are read.")
        .field("language", &ia::ImportOptions::language,
               "Language of titles, descriptions and comments (\"fr\"); \"\": the activity's own, then English.")
        .field(count_member("max_depth", &ia::ImportOptions::max_depth, std::size_t{1},
                            "Elements nested deeper than this are refused (IATI needs about 10)."))
        .finish();

    Struct<ia::ImportFinding>(m, "ImportFinding",
                              "Something the IATI importer could not read as the standard says, and what it did.",
                              Access::read_only)
        .field("file", &ia::ImportFinding::file, "The file read.")
        .field("line", &ia::ImportFinding::line, "1-based line of the element concerned (0 if unknown).")
        .field("column", &ia::ImportFinding::column, "1-based column, in characters.")
        .field("activity", &ia::ImportFinding::activity, "iati-identifier of the activity (\"\" if unknown).")
        .field("subject", &ia::ImportFinding::subject, "tocgraph id of the node or indicator concerned (\"\" if none).")
        .field("code", &ia::ImportFinding::code, "Stable code, e.g. \"value-not-number\" (see FINDING_CODES).")
        .field("severity", &ia::ImportFinding::severity, "\"info\", \"warning\" or \"error\".")
        .field("message", &ia::ImportFinding::message, "What was found and done.")
        .always_shown({"code"})
        .finish()
        .def("__str__", &ia::ImportFinding::to_string);

    Struct<ImportedTocs>(m, "ImportResult", "What read_iati returns: `tocs, findings = result`.", Access::read_only)
        .field("tocs", &ImportedTocs::tocs, "One theory of change per activity.")
        .field("findings", &ImportedTocs::findings, "What could not be read as the standard says.")
        .unpacks()
        .repr([](const ImportedTocs& r) {
            return "<ImportResult: " + std::to_string(r.tocs.size()) + " activities, " +
                   std::to_string(r.findings.size()) + " findings>";
        })
        .finish();

    Struct<Activity>(m, "ImportedActivity", "One activity read by iter_iati.", Access::read_only)
        .field("toc", &Activity::toc, "The activity's theory of change.")
        .field("findings", &Activity::findings, "Findings about this activity.")
        .field("identifier", &Activity::identifier, "Its iati-identifier (\"\" if it has none).")
        .field("line", &Activity::line, "Where its <iati-activity> starts.")
        .always_shown({"identifier"})
        .finish();

    Struct<ia::ReadValue>(m, "ReadValue", "How the importer reads a value attribute.", Access::read_only)
        .field({"kind",
                "\"plain\" (a number), \"converted\" (a number read from another writing; text kept), \"text\" (no "
                "number; text kept) or \"empty\".",
                [](const ia::ReadValue& v) {
                    static constexpr const char* kinds[] = {"empty", "plain", "converted", "text"};
                    return py::cast(kinds[static_cast<int>(v.kind)]);
                },
                [](ia::ReadValue&, py::handle) { throw py::type_error("ReadValue comes from read_value()"); }})
        .field("number", &ia::ReadValue::number, "The number read, or None.")
        .field("how", &ia::ReadValue::how, "For \"converted\": the rule applied, e.g. \"decimal comma\".")
        .finish();

    py::class_<Reader>(m, "ActivityReader",
                       "The activities of an IATI file, read one at a time: iterating yields ImportedActivity "
                       "values; once exhausted, `file_findings` holds the findings about the file itself.")
        .def(py::init([](const std::filesystem::path& path, const ia::ImportOptions& options) {
                 return Reader{without_gil([&] { return ia::ActivityReader::open(path, options); }), {}};
             }),
             py::arg("path"), py::arg("options"))
        .def("__iter__", [](py::handle self) { return self; })
        .def("__next__", &Reader::next)
        .def_readonly("file_findings", &Reader::file_findings, "Findings about the file rather than an activity.")
        .def_property_readonly("bytes_read", [](const Reader& r) { return r.reader->bytes_read(); },
                               "Bytes of the file read so far.")
        .def_property_readonly("size", [](const Reader& r) { return r.reader->size(); }, "The file's size in bytes.");
}

void register_functions(py::module_& m) {
    py::dict codes;
    for (const ia::FindingKind& k : ia::finding_catalogue)
        codes[py::str(k.code.data(), k.code.size())] =
            py::make_tuple(py::cast(k.severity), py::str(k.summary.data(), k.summary.size()));
    m.attr("finding_codes") = codes;

    m.def(
        "read_iati",
        [](const std::filesystem::path& path, const ia::ImportOptions& options, const py::object& progress) {
            std::function<void(std::size_t, std::uint64_t)> report;
            std::uint64_t size = 0;
            if (!progress.is_none())
                report = [&](std::size_t activities, std::uint64_t bytes) {
                    py::gil_scoped_acquire held;
                    progress(activities, bytes, size);
                };
            ia::ImportResult result = without_gil([&] {
                auto reader = ia::ActivityReader::open(path, options);
                size = reader->size();
                return ia::read_iati(*reader, report);
            });
            return to_python(std::move(result));
        },
        py::arg("path"), py::arg("options"), py::arg("progress"),
        "Reads an IATI activity file; progress(activities, bytes, size) after each activity.");
    m.def(
        "read_iati_string",
        [](std::string text, const std::string& source, const ia::ImportOptions& options) {
            ia::ImportResult result = without_gil([&] {
                return ia::read_iati_string(std::move(text), source, options);
            });
            return to_python(std::move(result));
        },
        py::arg("text"), py::arg("source"), py::arg("options"), "Reads IATI activity XML text.");
    m.def(
        "to_iati",
        [](const std::vector<const SharedToc*>& tocs) {
            return read_many(tocs, [](const std::vector<const TheoryOfChange*>& t) { return ia::to_iati(t); });
        },
        py::arg("tocs"), "IATI 2.03 XML with one iati-activity per theory of change.");
    m.def(
        "write_iati",
        [](const std::vector<const SharedToc*>& tocs, const std::filesystem::path& path) {
            read_many(tocs, [&](const std::vector<const TheoryOfChange*>& t) { ia::write_iati(t, path); });
        },
        py::arg("tocs"), py::arg("path"), "Writes IATI 2.03 XML atomically; raises tocgraph.Error.");
    m.def("read_value", &ia::read_value, py::arg("text"), "How the importer reads a value attribute.");
}

}  // namespace

void register_iati(py::module_& m) {
    register_results(m);
    register_functions(m);
}

}  // namespace tocgraph::python
