// tocgraph._core.versions: diff, apply and merge, and the consultation record
// (include/tocgraph/versions/). The results are read-only; JSON values (old
// and new values of a change, element keys) come as dicts, lists, str,
// numbers or None. The comparisons run with the ToCs read-locked (in address
// order, bind/toc.hpp) and the GIL released.
#include "bind/bind.hpp"

#include <tocgraph/versions.hpp>

namespace tocgraph::python {

namespace {

using TOC = TheoryOfChange;

// The JSON spellings below are the library's own (versions/diff_json.hpp,
// consultation_format.hpp), so Python and the JSON files agree.
py::object path_to_python(const FieldPath& path) { return json_to_python(field_path_json(path)); }
py::object counts_to_python(const ChangeCounts& counts) { return json_to_python(change_counts_json(counts)); }
py::object status_counts_to_python(const StatusCounts& counts) {
    return json_to_python(status_counts_json(counts));
}
std::string status_counts_words(const StatusCounts& counts) { return status_counts_text(counts); }

py::object optional_json(const std::optional<nlohmann::json>& v) { return v ? json_to_python(*v) : py::none(); }

/// tocgraph::MergeResult with its ToC already in the public class.
struct Merged {
    py::object toc;
    std::vector<Conflict> conflicts;
};

void register_diff(py::module_& m) {
    py::class_<FieldChange> field(m, "FieldChange", "One value that differs inside a changed element.");
    def_result(field, "path", [](const FieldChange& f) { return path_to_python(f.path); },
               "Steps into the element: member names (str), {'key': K} or {'value': V} for array elements.");
    def_result(field, "field", [](const FieldChange& f) { return path_text(f.path); },
               "The path as text, e.g. 'targets[2022-01-01..2022-12-31].value'.");
    def_result(field, "kind", &FieldChange::kind, "\"added\", \"removed\" or \"changed\".");
    def_result(field, "old", [](const FieldChange& f) { return optional_json(f.old_value); },
               "The value before (JSON-like), or None when the field was added.");
    def_result(field, "new", [](const FieldChange& f) { return optional_json(f.new_value); },
               "The value after (JSON-like), or None when the field was removed.");
    def_result(field, "after", [](const FieldChange& f) { return optional_json(f.after); },
               "For an added list element: the key of the element it follows in the new version, else None.");
    field.def(py::self == py::self).def("__repr__", [](const FieldChange& f) {
        return "<FieldChange " + std::string(to_string(f.kind)) + " " + path_text(f.path) + ">";
    });

    py::class_<ItemChange> item(m, "ItemChange", "One element that differs between two versions.");
    def_result(item, "collection", &ItemChange::collection,
               "\"nodes\", \"links\", \"indicators\", \"assumptions\", \"actors\", \"feedback\", "
               "\"metadata\" or \"schema\".");
    def_result(item, "id", &ItemChange::id, "The item's id (links: \"source->target\").");
    def_result(item, "kind", &ItemChange::kind, "\"added\", \"removed\", \"changed\" or \"renamed\".");
    def_result(item, "new_id", &ItemChange::new_id, "For a rename: the new id, else \"\".");
    def_result(item, "reference", [](const ItemChange& c) { return change_reference(c); },
               "'nodes/act_x', 'links/a->b', 'metadata': how a feedback resolution names it.");
    def_result(item, "key", [](const ItemChange& c) { return json_to_python(c.key); },
               "The item's key as JSON: its id, {'source': s, 'target': t} for a link, None for a singleton.");
    def_result(item, "old", [](const ItemChange& c) { return json_to_python(c.old_value); },
               "The whole item before (JSON-like), None when added.");
    def_result(item, "new", [](const ItemChange& c) { return json_to_python(c.new_value); },
               "The whole item after (JSON-like), None when removed.");
    def_result(item, "fields", &ItemChange::fields,
               "The field changes of a changed or renamed item (FieldChange list).");
    def_result(item, "after", [](const ItemChange& c) { return optional_json(c.after); },
               "For an added item: the key of the item it follows in the new version, else None.");
    item.def(py::self == py::self).def("__repr__", [](const ItemChange& c) {
        std::string out = "<ItemChange " + std::string(to_string(c.kind)) + " " + item_noun(c.collection);
        if (!c.is_singleton()) out += " " + c.id;
        if (c.kind == ChangeKind::renamed) out += " -> " + c.new_id;
        return out + ">";
    });

    Struct<DiffHtmlOptions>(m, "DiffHtmlOptions", "How a diff is written as HTML.")
        .field("title", &DiffHtmlOptions::title, "The page's title and heading.")
        .field("standalone", &DiffHtmlOptions::standalone, "A whole page (True) or a <section> for another page.")
        .finish();

    py::class_<Diff> diff_cls(m, "Diff",
                              "What changed between two versions of a theory of change: bool(d) is False when "
                              "nothing did; iterating yields the changed elements (ItemChange). print(d) shows the "
                              "text form; notebooks show the HTML form.");
    def_result(diff_cls, "changes", &Diff::changes,
               "The changed elements, collection by collection in the file's order.");
    diff_cls
        .def_static("from_json", [](const nlohmann::json& document) { return diff_from_json(document); },
                    py::arg("document"), "A diff from its JSON form (to_json()); FormatError if it is malformed.")
        .def(
            "counts",
            [](const Diff& d) {
                py::dict out;
                for (const auto& [collection, c] : d.counts_by_collection()) out[py::str(collection)] = counts_to_python(c);
                return out;
            },
            "Per collection: {\"added\", \"removed\", \"changed\", \"renamed\", \"total\"}.")
        .def("to_json", [](const Diff& d) { return nlohmann::json(d); },
             "The JSON form: {\"format\": \"tocgraph-diff\", \"version\": 1, ...}.")
        .def("to_text", [](const Diff& d) { return to_text(d); },
             "Counts per collection like git diff --stat, then every change with its fields.")
        .def(
            "to_markdown",
            [](const Diff& d, std::optional<int> heading_level) {
                return heading_level ? to_markdown(d, *heading_level) : to_markdown(d);
            },
            py::kw_only(), py::arg("heading_level") = py::none(),
            "A Markdown section: a table of counts, then the changes per collection.")
        .def(
            "to_html",
            [](const Diff& d, const py::kwargs& options) { return to_html(d, options_from<DiffHtmlOptions>(options, "to_html")); },
            "A self-contained HTML page, or a <section> with standalone=False (options: DiffHtmlOptions).")
        .def("_repr_html_",
             [](const Diff& d) {
                 DiffHtmlOptions o;
                 o.standalone = false;
                 return to_html(d, o);
             })
        .def("__bool__", [](const Diff& d) { return !d.empty(); })
        .def("__len__", &Diff::size)
        .def("__iter__", [](const Diff& d) { return py::iter(py::cast(d.changes)); })
        .def("__str__", [](const Diff& d) { return to_text(d); })
        .def("__repr__",
             [](const Diff& d) {
                 if (d.empty()) return std::string("<Diff: no changes>");
                 const ChangeCounts c = d.counts();
                 std::string out;
                 for (const auto& [n, kind] : {std::pair{c.added, "added"}, std::pair{c.removed, "removed"},
                                               std::pair{c.changed, "changed"}, std::pair{c.renamed, "renamed"}})
                     if (n) out += (out.empty() ? "" : ", ") + std::to_string(n) + " " + kind;
                 return "<Diff: " + out + ">";
             })
        .def(py::self == py::self);
    def_copy(diff_cls);
    def_pickle(
        diff_cls, "Diff", [](const Diff& d) { return py::make_tuple(json_to_python(nlohmann::json(d))); },
        [](const py::tuple& state) { return diff_from_json(json_from_python(state[0])); });

    m.def(
        "apply",
        [](const Diff& d, const SharedToc& toc) { return new_toc(read(toc, [&](const TOC& t) { return apply(t, d); })); },
        py::arg("diff"), py::arg("toc"), "The theory of change `toc` becomes with the changes of `diff`.");

    Struct<DiffOptions>(m, "DiffOptions", "How two versions are compared.")
        .field("detect_renames", &DiffOptions::detect_renames,
               "Report a node whose id changed but whose level, title and neighbours did not as renamed.")
        .finish();
    m.def(
        "diff",
        [](const SharedToc& old_toc, const SharedToc& new_toc, const DiffOptions& options) {
            return read_all([&](const TOC& a, const TOC& b) { return diff(a, b, options); }, old_toc, new_toc);
        },
        py::arg("old"), py::arg("new"), py::arg("options"));
    m.def(
        "detect_renames",
        [](const SharedToc& old_toc, const SharedToc& new_toc) {
            return read_all(
                [](const TOC& a, const TOC& b) {
                    std::vector<std::pair<std::string, std::string>> out;
                    for (const NodeRename& r : detect_renames(a, b)) out.emplace_back(r.from, r.to);
                    return out;
                },
                old_toc, new_toc);
        },
        py::arg("old"), py::arg("new"));
}

void register_merge(py::module_& m) {
    py::class_<Conflict> conflict(m, "Conflict", "Changes of the two sides of a merge that could not both be taken.");
    def_result(conflict, "kind", &Conflict::kind,
               "both_changed, both_added, delete_modify, dangling_reference, invalid or lint.");
    def_result(conflict, "collection", &Conflict::collection,
               "The collection of the element in conflict (\"nodes\", ..., \"metadata\", \"schema\").");
    def_result(conflict, "id", &Conflict::id, "The element's id (\"a->b\" for a link; \"\" for metadata and schema).");
    def_result(conflict, "field", [](const Conflict& c) { return path_text(c.field); },
               "The field in conflict as text (\"targets[2].value\"), or \"\" for the whole item.");
    def_result(conflict, "message", &Conflict::message, "The conflict in words.");
    def_result(conflict, "resolution", &Conflict::resolution, "What the merged result holds, e.g. \"kept ours\".");
    def_result(conflict, "key", [](const Conflict& c) { return json_to_python(c.key); }, "The item's key as JSON.");
    def_result(conflict, "path", [](const Conflict& c) { return path_to_python(c.field); },
               "The field in conflict as steps: member names (str), {'key': K} or {'value': V}.");
    def_result(conflict, "base", [](const Conflict& c) { return optional_json(c.base); },
               "The base value, or None if it did not exist.");
    def_result(conflict, "ours", [](const Conflict& c) { return optional_json(c.ours); }, "Our value, or None if we removed it.");
    def_result(conflict, "theirs", [](const Conflict& c) { return optional_json(c.theirs); },
               "Their value, or None if they removed it.");
    conflict.def("to_json", [](const Conflict& c) { return nlohmann::json(c); }, "The conflict as JSON.")
        .def("to_text", [](const Conflict& c) { return to_text(c); }, "The conflict in a few lines.")
        .def(py::self == py::self)
        .def("__repr__", [](const Conflict& c) {
            return "<Conflict " + std::string(to_string(c.kind)) + ": " + conflict_place(c) + ">";
        });

    Struct<MergeOptions>(m, "MergeOptions", "How a three-way merge is checked.")
        .field("lint", &MergeOptions::lint,
               "The merged result breaks no lint rule at warning or error severity that none of the inputs broke.")
        .finish();
    Struct<Merged>(m, "MergeResult",
                   "The outcome of a three-way merge: the merged `toc` and its `conflicts` "
                   "(`toc, conflicts = tocgraph.merge(...)`).",
                   Access::read_only)
        .field("toc", &Merged::toc, "The merged theory of change.")
        .field("conflicts", &Merged::conflicts, "What could not be combined; each is marked in attributes[\"merge_conflicts\"].")
        .unpacks()
        .repr([](const Merged& r) {
            const std::size_t n = r.conflicts.size();
            const std::string state = n == 0 ? "clean" : std::to_string(n) + (n == 1 ? " conflict" : " conflicts");
            return "<MergeResult: " + state + ", " + std::string(py::repr(r.toc)) + ">";
        })
        .finish()
        .def_property_readonly("clean", [](const Merged& r) { return r.conflicts.empty(); },
               "True when the two sides' changes combined without conflict.");
    m.def(
        "merge",
        [](const SharedToc& base, const SharedToc& ours, const SharedToc& theirs, const MergeOptions& options) {
            MergeResult r = read_all([&](const TOC& b, const TOC& o, const TOC& t) { return merge(b, o, t, options); },
                                     base, ours, theirs);
            return Merged{new_toc(std::move(r.toc)), std::move(r.conflicts)};
        },
        py::arg("base"), py::arg("ours"), py::arg("theirs"), py::arg("options"));
}

void register_consultation(py::module_& m) {
    py::class_<FeedbackEntry> entry(m, "FeedbackEntry", "One feedback item in a consultation summary.");
    def_result(entry, "feedback", &FeedbackEntry::feedback, "The feedback item.");
    def_result(entry, "subject_kind", [](const FeedbackEntry& e) { return e.subject.kind; },
               "programme, node, link, indicator, assumption, actor, or missing (an id gone since).");
    def_result(entry, "subject_id", [](const FeedbackEntry& e) { return e.subject.id; },
               "The subject's id as the feedback wrote it (\"\" for the whole programme).");
    def_result(entry, "subject_title", [](const FeedbackEntry& e) { return e.subject.title; },
               "The subject's title (a link as \"a -> b\"), or \"\" when it no longer exists.");
    def_result(entry, "version", &FeedbackEntry::version,
               "The version that resolved it (attributes[\"resolved_in\"]), or \"\".");
    def_result(entry, "changes", &FeedbackEntry::changes,
               "The changes that resolved it (attributes[\"resolved_in\"]).");
    entry.def(py::self == py::self).def("__repr__", [](const FeedbackEntry& e) {
        return "<FeedbackEntry " + e.feedback.id + " " + std::string(to_string(e.feedback.status)) + ">";
    });

    py::class_<PhaseSummary> phase(m, "PhaseSummary", "The feedback of one phase of a consultation.");
    def_result(phase, "consultation", &PhaseSummary::consultation, "The consultation's id.");
    def_result(phase, "consultation_title", &PhaseSummary::consultation_title, "The consultation's title.");
    def_result(phase, "phase", &PhaseSummary::phase, "The phase id.");
    def_result(phase, "title", &PhaseSummary::title, "The phase's title.");
    def_result(phase, "declared", &PhaseSummary::declared, "True if the phase is declared in the consultation record.");
    def_result(phase, "entries", &PhaseSummary::entries, "The feedback raised in this phase (FeedbackEntry list).");
    def_result(phase, "counts", [](const PhaseSummary& p) { return status_counts_to_python(p.counts); },
               "How many items per status.");
    def_result(phase, "authors", &PhaseSummary::authors, "Who gave feedback in this phase.");
    def_result(phase, "subjects", &PhaseSummary::subjects, "The ids the feedback was about.");
    phase.def(py::self == py::self).def("__repr__", [](const PhaseSummary& p) {
        const std::size_t n = p.entries.size();
        return "<PhaseSummary " + (p.phase.empty() ? std::string("(no phase)") : p.phase) + ": " + std::to_string(n) +
               (n == 1 ? " item>" : " items>");
    });

    py::class_<ConsultationSummary> summary(m, "ConsultationSummary",
                                            "The consultation record phase by phase: what was raised, by whom, about "
                                            "which result, and what became of it.");
    def_result(summary, "phases", &ConsultationSummary::phases, "The summary per phase (PhaseSummary list), in order.");
    def_result(summary, "counts", [](const ConsultationSummary& s) { return status_counts_to_python(s.counts); },
               "How many items per status over all phases.");
    def_result(summary, "missing_subjects", &ConsultationSummary::missing_subjects,
               "Entries about ids no longer in the theory of change.");
    summary.def("to_json", [](const ConsultationSummary& s) { return nlohmann::json(s); }, "The summary as JSON.")
        .def(
            "to_markdown",
            [](const ConsultationSummary& s, std::optional<int> level) { return level ? to_markdown(s, *level) : to_markdown(s); },
            py::kw_only(), py::arg("heading_level") = py::none(), "A Markdown fragment for a report.")
        .def(
            "to_html",
            [](const ConsultationSummary& s, std::optional<int> level) { return level ? to_html(s, *level) : to_html(s); },
            py::kw_only(), py::arg("heading_level") = py::none(), "An HTML fragment for a report.")
        .def("_repr_html_", [](const ConsultationSummary& s) { return to_html(s); })
        .def(py::self == py::self)
        .def("__repr__", [](const ConsultationSummary& s) {
            return "<ConsultationSummary: " + status_counts_words(s.counts) + ", " + std::to_string(s.phases.size()) +
                   " phases>";
        });

    Struct<FeedbackQuery>(m, "FeedbackQuery", "Which feedback items to list: every filter given must match.")
        .field("consultation", &FeedbackQuery::consultation, "The consultation id; \"\": any.")
        .field("phase", &FeedbackQuery::phase, "The phase id; \"\": any.")
        .field("author", &FeedbackQuery::author, "Who said it; \"\": anyone.")
        .field("subject", &FeedbackQuery::subject,
               "Exactly as written: a node, indicator or assumption id, or \"source->target\"; \"\": any.")
        .field("status", &FeedbackQuery::status, "\"open\", \"accepted\", \"rejected\" or \"addressed\"; None: any.")
        .field("kind", &FeedbackQuery::kind, "The kind of feedback; None: any.")
        .finish();
    Struct<FeedbackResolution>(m, "FeedbackResolution", "What became of a feedback item.")
        .field("status", &FeedbackResolution::status, "\"accepted\", \"rejected\" or \"addressed\".")
        .field("resolution", &FeedbackResolution::resolution, "What was done, or why not.")
        .field("version", &FeedbackResolution::version, "The version of the theory of change that carries the change.")
        .field({"changes", "The changes that addressed it: ItemChange values of a Diff, or their references "
                           "such as \"nodes/act_x\".",
                [](const FeedbackResolution& r) { return py::cast(r.changes); },
                [](FeedbackResolution& r, py::handle v) {
                    if (PyUnicode_Check(v.ptr())) throw py::type_error("changes must be a list, not a str");
                    r.changes.clear();
                    for (py::handle c : py::iter(v)) {
                        if (py::isinstance<ItemChange>(c))
                            r.changes.push_back(change_reference(c.cast<const ItemChange&>()));
                        else if (PyUnicode_Check(c.ptr()))
                            r.changes.push_back(c.cast<std::string>());
                        else
                            throw py::type_error("changes must be str or ItemChange, got " + type_name(c));
                    }
                }})
        .field("date", &FeedbackResolution::date, "When it was resolved, or None.")
        .finish();

    def_query(m, "find_feedback", &find_feedback, py::arg("query"));
    m.def(
        "resolve_feedback",
        [](SharedToc& toc, const std::string& id, const FeedbackResolution& resolution) {
            edit(toc, [&](TOC& t) {
                if (!t.has_feedback(id)) raise_key_error("no feedback \"" + id + "\"");
                resolve_feedback(t, id, resolution);
            });
        },
        py::arg("toc"), py::arg("id"), py::arg("resolution"));
    m.def(
        "consultation_summary",
        [](const SharedToc& toc, const std::optional<std::string>& consultation) {
            return read(toc, [&](const TOC& t) {
                return consultation ? consultation_summary(t, *consultation) : consultation_summary(t);
            });
        },
        py::arg("toc"), py::arg("consultation"));
}

}  // namespace

void register_versions(py::module_& m) {
    register_diff(m);
    register_merge(m);
    register_consultation(m);
}

}  // namespace tocgraph::python
