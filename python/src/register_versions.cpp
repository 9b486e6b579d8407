// Versions and consultation (include/tocgraph/versions.hpp): diff, apply,
// merge, and the consultation record. The pure-Python module
// tocgraph.versions wraps these with keyword arguments and the
// TheoryOfChange class.
//
// The result classes are read-only values; JSON values (old and new values
// of a change, element keys) come as dicts, lists, str, numbers or None.
// diff, apply and merge run with the GIL released.
#include "pybind.hpp"

#include <tocgraph/versions.hpp>

namespace tocgraph::python {

namespace {

using release = py::call_guard<py::gil_scoped_release>;

py::object optional_json(const std::optional<nlohmann::json>& v) {
    return v ? json_to_python(*v) : py::object(py::none());
}

py::object path_to_python(const FieldPath& path) { return json_to_python(detail::path_json(path)); }

void register_diff(py::module_& m) {
    py::class_<FieldChange>(m, "FieldChange", "One value that differs inside a changed element.")
        .def_property_readonly("path", [](const FieldChange& f) { return path_to_python(f.path); },
                               "Steps into the element: member names (str), {'key': K} or {'value': V} for "
                               "array elements.")
        .def_property_readonly("field", [](const FieldChange& f) { return path_text(f.path); },
                               "The path as text, e.g. 'targets[2022-01-01..2022-12-31].value'.")
        .def_property_readonly("kind", [](const FieldChange& f) { return f.kind; },
                               "\"added\", \"removed\" or \"changed\".")
        .def_property_readonly("old", [](const FieldChange& f) { return optional_json(f.old_value); },
                               "The value before (JSON-like), or None when the field was added.")
        .def_property_readonly("new", [](const FieldChange& f) { return optional_json(f.new_value); },
                               "The value after (JSON-like), or None when the field was removed.")
        .def_property_readonly("after", [](const FieldChange& f) { return optional_json(f.after); },
                               "For an added list element: the key of the element it follows in the new version, else None.")
        .def(py::self == py::self)
        .def("__repr__", [](const FieldChange& f) {
            return "<FieldChange " + std::string(to_string(f.kind)) + " " + path_text(f.path) + ">";
        });

    py::class_<ItemChange>(m, "ItemChange", "One element that differs between two versions.")
        .def_property_readonly("collection", [](const ItemChange& c) { return c.collection; },
                               "The collection: \"nodes\", \"links\", \"indicators\", \"assumptions\", \"actors\", \"feedback\", \"metadata\" or \"schema\".")
        .def_property_readonly("id", [](const ItemChange& c) { return c.id; },
                               "The item's id (for links: \"source->target\").")
        .def_property_readonly("key", [](const ItemChange& c) { return json_to_python(c.key); },
                               "The item's key as JSON: its id, {'source': s, 'target': t} for a link, None for metadata and schema.")
        .def_property_readonly("kind", [](const ItemChange& c) { return c.kind; },
                               "\"added\", \"removed\", \"changed\" or \"renamed\".")
        .def_property_readonly("new_id", [](const ItemChange& c) { return c.new_id; },
                               "For a rename: the new id, else \"\".")
        .def_property_readonly("old", [](const ItemChange& c) { return json_to_python(c.old_value); },
                               "The whole item before (JSON-like), None when added.")
        .def_property_readonly("new", [](const ItemChange& c) { return json_to_python(c.new_value); },
                               "The whole item after (JSON-like), None when removed.")
        .def_property_readonly("fields", [](const ItemChange& c) { return c.fields; },
                               "The field changes of a changed or renamed item (FieldChange list).")
        .def_property_readonly("after", [](const ItemChange& c) { return optional_json(c.after); },
                               "For an added item: the key of the item it follows in the new version, else None.")
        .def_property_readonly("reference", [](const ItemChange& c) { return change_reference(c); },
                               "'nodes/act_x', 'links/a->b', 'metadata': how a feedback resolution names it.")
        .def(py::self == py::self)
        .def("__repr__", [](const ItemChange& c) {
            std::string out = "<ItemChange " + std::string(to_string(c.kind)) + " " + item_noun(c.collection);
            if (!c.is_singleton()) out += " " + c.id;
            if (c.kind == ChangeKind::renamed) out += " -> " + c.new_id;
            return out + ">";
        });

    py::class_<Diff>(m, "Diff", "The differences between two versions (private: use tocgraph.Diff).")
        .def_property_readonly("changes", [](const Diff& d) { return d.changes; })
        .def("empty", &Diff::empty)
        .def("__len__", &Diff::size)
        .def("counts",
             [](const Diff& d) {
                 py::dict out;
                 for (const auto& [collection, c] : d.counts_by_collection())
                     out[py::str(collection)] = json_to_python(detail::counts_json(c));
                 return out;
             })
        .def("to_json", [](const Diff& d) { return nlohmann::json(d); })
        .def("to_text", [](const Diff& d) { return to_text(d); })
        .def("to_markdown", [](const Diff& d, int heading_level) { return to_markdown(d, heading_level); },
             py::arg("heading_level") = 2)
        .def(
            "to_html",
            [](const Diff& d, const std::string& title, bool standalone) {
                DiffHtmlOptions options;
                options.title = title;
                options.standalone = standalone;
                return to_html(d, options);
            },
            py::arg("title") = "Changes", py::arg("standalone") = true)
        .def(py::self == py::self)
        .def("__copy__", [](const Diff& d) { return Diff(d); })
        .def("__deepcopy__", [](const Diff& d, py::handle) { return Diff(d); }, py::arg("memo"));

    m.def(
        "diff",
        [](const TheoryOfChange& old_toc, const TheoryOfChange& new_toc, bool detect_renames) {
            DiffOptions options;
            options.detect_renames = detect_renames;
            return diff(old_toc, new_toc, options);
        },
        py::arg("old"), py::arg("new"), py::arg("detect_renames") = true, release());
    m.def("apply_diff", [](const TheoryOfChange& toc, const Diff& d) { return apply(toc, d); }, py::arg("toc"),
          py::arg("diff"), release());
    m.def("diff_from_json", [](const nlohmann::json& document) { return diff_from_json(document); },
          py::arg("document"));
    m.def(
        "detect_renames",
        [](const TheoryOfChange& old_toc, const TheoryOfChange& new_toc) {
            std::vector<std::pair<std::string, std::string>> out;
            for (const NodeRename& r : detect_renames(old_toc, new_toc)) out.emplace_back(r.from, r.to);
            return out;
        },
        py::arg("old"), py::arg("new"), release());
}

void register_merge(py::module_& m) {
    py::class_<Conflict>(m, "Conflict", "Changes of the two sides of a merge that could not both be taken.")
        .def_property_readonly("kind", [](const Conflict& c) { return c.kind; },
                               "The kind of conflict: both_changed, both_added, delete_modify, dangling_reference, invalid or lint.")
        .def_property_readonly("collection", [](const Conflict& c) { return c.collection; },
                               "The collection of the element in conflict (\"nodes\", \"links\", ..., \"metadata\", \"schema\").")
        .def_property_readonly("id", [](const Conflict& c) { return c.id; },
                               "The element's id as readers know it (\"a->b\" for a link; \"\" for metadata and schema).")
        .def_property_readonly("key", [](const Conflict& c) { return json_to_python(c.key); },
                               "The item's key as JSON.")
        .def_property_readonly("field", [](const Conflict& c) { return path_text(c.field); },
                               "The field in conflict as text (\"targets[2].value\"), or \"\" for the whole item.")
        .def_property_readonly("path", [](const Conflict& c) { return path_to_python(c.field); },
                               "The field in conflict as steps: member names (str), {'key': K} or {'value': V} for array elements.")
        .def_property_readonly("base", [](const Conflict& c) { return optional_json(c.base); },
                               "The base value, or None if it did not exist.")
        .def_property_readonly("ours", [](const Conflict& c) { return optional_json(c.ours); },
                               "Our value, or None if we removed it.")
        .def_property_readonly("theirs", [](const Conflict& c) { return optional_json(c.theirs); },
                               "Their value, or None if they removed it.")
        .def_property_readonly("message", [](const Conflict& c) { return c.message; },
                               "The conflict in words.")
        .def_property_readonly("resolution", [](const Conflict& c) { return c.resolution; },
                               "What the merged result holds, e.g. \"kept ours\".")
        .def("to_json", [](const Conflict& c) { return nlohmann::json(c); })
        .def("to_text", [](const Conflict& c) { return to_text(c); })
        .def(py::self == py::self)
        .def("__repr__", [](const Conflict& c) {
            return "<Conflict " + std::string(to_string(c.kind)) + ": " + conflict_place(c) + ">";
        });

    m.def(
        "merge",
        [](const TheoryOfChange& base, const TheoryOfChange& ours, const TheoryOfChange& theirs, bool lint) {
            MergeOptions options;
            options.lint = lint;
            MergeResult r = merge(base, ours, theirs, options);
            return std::pair<TheoryOfChange, std::vector<Conflict>>(std::move(r.toc), std::move(r.conflicts));
        },
        py::arg("base"), py::arg("ours"), py::arg("theirs"), py::arg("lint") = true, release());
}

void register_consultation(py::module_& m) {
    py::class_<FeedbackEntry>(m, "FeedbackEntry", "One feedback item in a consultation summary.")
        .def_property_readonly("feedback", [](const FeedbackEntry& e) { return e.feedback; },
                               "The feedback item.")
        .def_property_readonly("subject_kind", [](const FeedbackEntry& e) { return e.subject.kind; },
                               "What the feedback is about: programme, node, link, indicator, assumption, actor, or missing (an id that no longer exists).")
        .def_property_readonly("subject_id", [](const FeedbackEntry& e) { return e.subject.id; },
                               "The subject's id as the feedback wrote it (\"\" for the whole programme).")
        .def_property_readonly("subject_title", [](const FeedbackEntry& e) { return e.subject.title; },
                               "The subject's title (a link as \"a -> b\"), or \"\" when it no longer exists.")
        .def_property_readonly("version", [](const FeedbackEntry& e) { return e.version; },
                               "The version that resolved it, from the item's resolved_in attribute, or \"\".")
        .def_property_readonly("changes", [](const FeedbackEntry& e) { return e.changes; },
                               "The changes that resolved it, from the item's resolved_in attribute.")
        .def(py::self == py::self)
        .def("__repr__", [](const FeedbackEntry& e) {
            return "<FeedbackEntry " + e.feedback.id + " " + std::string(to_string(e.feedback.status)) + ">";
        });

    auto counts = [](const StatusCounts& c) { return json_to_python(detail::status_counts_json(c)); };
    py::class_<PhaseSummary>(m, "PhaseSummary", "The feedback of one phase of a consultation.")
        .def_property_readonly("consultation", [](const PhaseSummary& p) { return p.consultation; },
                               "The consultation's id.")
        .def_property_readonly("consultation_title", [](const PhaseSummary& p) { return p.consultation_title; },
                               "The consultation's title.")
        .def_property_readonly("phase", [](const PhaseSummary& p) { return p.phase; },
                               "The phase id (before, during, after...).")
        .def_property_readonly("title", [](const PhaseSummary& p) { return p.title; },
                               "The phase's title.")
        .def_property_readonly("declared", [](const PhaseSummary& p) { return p.declared; },
                               "True if the phase is declared in the consultation record.")
        .def_property_readonly("entries", [](const PhaseSummary& p) { return p.entries; },
                               "The feedback raised in this phase (FeedbackEntry list).")
        .def_property_readonly("counts", [counts](const PhaseSummary& p) { return counts(p.counts); },
                               "How many items per status.")
        .def_property_readonly("authors", [](const PhaseSummary& p) { return p.authors; },
                               "Who gave feedback in this phase.")
        .def_property_readonly("subjects", [](const PhaseSummary& p) { return p.subjects; },
                               "The ids the feedback was about.")
        .def(py::self == py::self)
        .def("__repr__", [](const PhaseSummary& p) {
            return "<PhaseSummary " + (p.phase.empty() ? std::string("(no phase)") : p.phase) + ": " +
                   std::to_string(p.entries.size()) + (p.entries.size() == 1 ? " item>" : " items>");
        });

    py::class_<ConsultationSummary>(m, "ConsultationSummary",
                                    "The consultation record phase by phase: what was raised, by whom, about "
                                    "which result, and what became of it.")
        .def_property_readonly("phases", [](const ConsultationSummary& s) { return s.phases; },
                               "The summary per phase (PhaseSummary list), in order.")
        .def_property_readonly("counts", [counts](const ConsultationSummary& s) { return counts(s.counts); },
                               "How many items per status over all phases.")
        .def_property_readonly("missing_subjects", [](const ConsultationSummary& s) { return s.missing_subjects; },
                               "Entries about ids no longer in the theory of change.")
        .def("to_json", [](const ConsultationSummary& s) { return nlohmann::json(s); })
        .def("to_markdown", [](const ConsultationSummary& s, int heading_level) { return to_markdown(s, heading_level); },
             py::arg("heading_level") = 2)
        .def("to_html", [](const ConsultationSummary& s, int heading_level) { return to_html(s, heading_level); },
             py::arg("heading_level") = 2)
        .def("_repr_html_", [](const ConsultationSummary& s) { return to_html(s); })
        .def(py::self == py::self)
        .def("__repr__", [](const ConsultationSummary& s) {
            return "<ConsultationSummary: " + detail::status_counts_text(s.counts) + ", " +
                   std::to_string(s.phases.size()) + " phases>";
        });

    m.def(
        "find_feedback",
        [](const TheoryOfChange& toc, std::string consultation, std::string phase, std::string author,
           std::string subject, std::optional<FeedbackStatus> status, std::optional<FeedbackKind> kind) {
            FeedbackQuery q;
            q.consultation = std::move(consultation);
            q.phase = std::move(phase);
            q.author = std::move(author);
            q.subject = std::move(subject);
            q.status = status;
            q.kind = kind;
            return find_feedback(toc, q);
        },
        py::arg("toc"), py::arg("consultation") = "", py::arg("phase") = "", py::arg("author") = "",
        py::arg("subject") = "", py::arg("status") = py::none(), py::arg("kind") = py::none());
    m.def(
        "resolve_feedback",
        [](TheoryOfChange& toc, const std::string& id, FeedbackStatus status, std::string resolution,
           std::string version, std::vector<std::string> changes, std::optional<Date> date) {
            if (!toc.has_feedback(id)) raise_key_error("no feedback \"" + id + "\"");
            FeedbackResolution r;
            r.status = status;
            r.resolution = std::move(resolution);
            r.version = std::move(version);
            r.changes = std::move(changes);
            r.date = date;
            resolve_feedback(toc, id, r);
        },
        py::arg("toc"), py::arg("id"), py::arg("status"), py::arg("resolution") = "", py::arg("version") = "",
        py::arg("changes") = std::vector<std::string>{}, py::arg("date") = py::none());
    m.def(
        "consultation_summary",
        [](const TheoryOfChange& toc, const std::string& consultation) { return consultation_summary(toc, consultation); },
        py::arg("toc"), py::arg("consultation") = "");
}

}  // namespace

void register_versions(py::module_& m) {
    register_diff(m);
    register_merge(m);
    register_consultation(m);
}

}  // namespace tocgraph::python
