// IATI activity XML: reading (whole files, strings, or one activity at a
// time) and writing. Findings cross as dicts; the pure-Python package
// (python/tocgraph/iati.py) turns them into ImportFinding tuples. Parsing and
// writing run with the GIL released; a progress callback takes it back for
// the call only.
#include "pybind.hpp"

#include <memory>

#include <tocgraph/iati/read.hpp>
#include <tocgraph/iati/write.hpp>

namespace tocgraph::python {

namespace {

py::dict finding_to_python(const iati::ImportFinding& f) {
    py::dict d;
    d["file"] = f.file;
    d["line"] = f.line;
    d["column"] = f.column;
    d["activity"] = f.activity;
    d["subject"] = f.subject;
    d["code"] = f.code;
    d["severity"] = std::string(to_string(f.severity));
    d["message"] = f.message;
    return d;
}

py::list findings_to_python(const std::vector<iati::ImportFinding>& findings) {
    py::list out;
    for (const auto& f : findings) out.append(finding_to_python(f));
    return out;
}

py::tuple result_to_python(iati::ImportResult&& result) {
    py::list tocs;
    for (TheoryOfChange& toc : result.tocs) tocs.append(py::cast(std::move(toc)));
    return py::make_tuple(tocs, findings_to_python(result.findings));
}

iati::ImportOptions options_of(const std::string& language) {
    iati::ImportOptions options;
    options.language = language;
    return options;
}

/// The C++ objects behind a list of _core.TheoryOfChange (converted with the GIL held).
std::vector<const TheoryOfChange*> toc_pointers(const py::sequence& tocs) {
    std::vector<const TheoryOfChange*> out;
    out.reserve(tocs.size());
    for (const py::handle item : tocs) out.push_back(&item.cast<const TheoryOfChange&>());
    return out;
}

}  // namespace

void register_iati(py::module_& m) {
    m.def(
        "read_iati",
        [](const std::filesystem::path& path, const std::string& language, const py::object& progress) {
            std::function<void(std::size_t, std::uint64_t)> report;
            std::uint64_t size = 0;
            if (!progress.is_none())
                report = [&](std::size_t activities, std::uint64_t bytes) {
                    py::gil_scoped_acquire held;
                    progress(activities, bytes, size);
                };
            iati::ImportResult result = [&] {
                py::gil_scoped_release unlocked;
                auto reader = iati::ActivityReader::open(path, options_of(language));
                size = reader->size();
                return iati::read_iati(*reader, report);
            }();
            return result_to_python(std::move(result));
        },
        py::arg("path"), py::arg("language") = "", py::arg("progress") = py::none(),
        "Reads an IATI activity file: ([TheoryOfChange], [finding dict]). progress(activities, bytes, size).");
    m.def(
        "read_iati_string",
        [](std::string text, const std::string& source, const std::string& language) {
            iati::ImportResult result = [&] {
                py::gil_scoped_release unlocked;
                return iati::read_iati_string(std::move(text), source, options_of(language));
            }();
            return result_to_python(std::move(result));
        },
        py::arg("text"), py::arg("source") = "<string>", py::arg("language") = "",
        "Reads IATI activity XML text: ([TheoryOfChange], [finding dict]).");

    py::class_<iati::ActivityReader, std::unique_ptr<iati::ActivityReader>>(
        m, "IatiReader", "Reads an IATI file one activity at a time (private: use tocgraph.iter_iati).")
        .def(py::init([](const std::filesystem::path& path, const std::string& language) {
                 py::gil_scoped_release unlocked;
                 return iati::ActivityReader::open(path, options_of(language));
             }),
             py::arg("path"), py::arg("language") = "")
        .def(
            "next",
            [](iati::ActivityReader& reader) -> py::object {
                std::optional<iati::ImportedActivity> activity;
                {
                    py::gil_scoped_release unlocked;
                    activity = reader.next();
                }
                if (!activity) return py::none();
                py::list findings = findings_to_python(activity->findings);
                return py::make_tuple(py::cast(std::move(activity->toc)), findings, activity->identifier,
                                      activity->line);
            },
            "The next activity as (toc, findings, identifier, line), or None after the last.")
        .def(
            "file_findings", [](iati::ActivityReader& reader) { return findings_to_python(reader.take_file_findings()); },
            "Findings about the file rather than an activity; complete after the last activity.")
        .def_property_readonly("bytes_read", &iati::ActivityReader::bytes_read, "Bytes read so far.")
        .def_property_readonly("size", &iati::ActivityReader::size, "The file's size in bytes.");

    m.def(
        "to_iati",
        [](const py::sequence& tocs) {
            const auto pointers = toc_pointers(tocs);
            py::gil_scoped_release unlocked;
            return iati::to_iati(pointers);
        },
        py::arg("tocs"), "IATI 2.03 XML with one iati-activity per theory of change.");
    m.def(
        "write_iati",
        [](const py::sequence& tocs, const std::filesystem::path& path) {
            const auto pointers = toc_pointers(tocs);
            py::gil_scoped_release unlocked;
            iati::write_iati(pointers, path);
        },
        py::arg("tocs"), py::arg("path"), "Writes IATI 2.03 XML atomically; raises tocgraph.Error.");
    m.def(
        "iati_finding_catalogue",
        [] {
            py::list out;
            for (const iati::FindingKind& k : iati::finding_catalogue)
                out.append(py::make_tuple(std::string(k.code), std::string(to_string(k.severity)), std::string(k.summary)));
            return out;
        },
        "Every IATI import finding code as (code, severity, summary).");
    m.def(
        "read_iati_value",
        [](const std::string& text) {
            const iati::ReadValue v = iati::read_value(text);
            static constexpr const char* kinds[] = {"empty", "plain", "converted", "text"};
            return py::make_tuple(kinds[static_cast<int>(v.kind)], v.number, v.how);
        },
        py::arg("text"), "How the IATI importer reads a value attribute: (kind, number or None, rule).");
}

}  // namespace tocgraph::python
