// tocgraph._core.model: the model's value types (include/tocgraph/*.hpp), the
// compiled TheoryOfChange and the synthetic generator.
//
// Every value class is bound from one field table (bind/fields.hpp): keyword
// construction with the C++ defaults, ==, copy, repr, pickling and replace().
// Nested values read from a field write their changes back (bind/links.hpp),
// so `ind.targets[0].value = 5` and `node.tags.append("x")` change `ind` and
// `node`. Values read from a TheoryOfChange are copies: write them back with
// its update methods (toc.metadata is the exception: it writes back too).
#include "bind/bind.hpp"

#include <tocgraph/synthetic.hpp>

namespace tocgraph::python {

namespace {

using TOC = TheoryOfChange;

void register_dates_and_levels(py::module_& m) {
    Struct<Period>(m, "Period",
                   "A closed interval of dates, such as a reporting period.\n\n"
                   "Period(start, end): dates as datetime.date or \"YYYY-MM-DD\" strings.")
        .field("start", &Period::start, "First day of the period (datetime.date).")
        .field("end", &Period::end, "Last day of the period (datetime.date).")
        .positional(2)
        .required({"start", "end"})
        .always_shown({"start", "end"})
        .finish()
        .def("__contains__", &Period::contains, py::arg("date"),
             "True if the date falls within the period, both ends included.");

    Struct<Level>(m, "Level",
                  "One result level of a level schema.\n\n"
                  "Level(id, label=\"\", role=\"outcome\"): `role` is one of \"goal\", \"pathway\", "
                  "\"outcome\", \"output\", \"activity\", \"input\".")
        .field("id", &Level::id, "What nodes write in `level`, e.g. \"immediate_outcome\".")
        .field("label", &Level::label, "How reports print it, e.g. \"Immediate outcome\".")
        .field("role", &Level::role, "The level's semantic role, so analyses work across schemas.")
        .positional(3)
        .always_shown({"id"})
        .finish();

    py::class_<LevelSchema> schema(
        m, "LevelSchema",
        "The ordered result levels of a theory of change, top (goal) first. Immutable.\n\n"
        "LevelSchema(name, levels): a custom schema; LevelSchema.builtin(name) for a built-in one.");
    auto unknown_level = [](const LevelSchema& s, const std::string& id) {
        raise_key_error("unknown level \"" + id + "\"; schema \"" + s.name() + "\" has " + s.choices());
    };
    schema.def(py::init<std::string, std::vector<Level>>(), py::arg("name"), py::arg("levels"))
        .def_static(
            "builtin",
            [](const std::string& name) {
                if (auto s = LevelSchema::builtin(name)) return *s;
                std::string names;
                const auto all = LevelSchema::builtin_names();
                for (std::size_t i = 0; i < all.size(); ++i)
                    names += (i ? (i + 1 == all.size() ? " or " : ", ") : "") + ("\"" + all[i] + "\"");
                throw py::value_error("unknown schema \"" + name + "\"; built-in schemas are " + names);
            },
            py::arg("name"), "A built-in schema by name; ValueError for an unknown name.")
        .def_static("builtin_names", &LevelSchema::builtin_names, "The names of the built-in schemas.")
        .def_property_readonly("name", &LevelSchema::name, "The schema's name.")
        .def_property_readonly(
            "levels",
            [](py::handle self) {
                return read_field(self, "levels", true, "LevelSchema.levels",
                                  [&] { return py::cast(self.cast<const LevelSchema&>().levels()); });
            },
            "The levels, top first (read-only: build a new LevelSchema to change them).")
        .def_property_readonly("is_builtin", &LevelSchema::is_builtin,
                               "True if this equals the built-in schema of the same name.")
        .def(
            "rank",
            [unknown_level](const LevelSchema& s, const std::string& id) {
                if (auto r = s.rank(id)) return *r;
                unknown_level(s, id);
                return std::size_t{0};
            },
            py::arg("level_id"), "0 for the top level, increasing downwards; KeyError if unknown.")
        .def(
            "level",
            [unknown_level](const LevelSchema& s, const std::string& id) {
                if (auto r = s.rank(id)) return s.levels()[*r];
                unknown_level(s, id);
                return Level{};
            },
            py::arg("level_id"), "The level with this id; KeyError if unknown.")
        .def("__len__", &LevelSchema::size)
        .def("__contains__",
             [](const LevelSchema& s, const py::handle& id) {
                 return py::isinstance<py::str>(id) && s.contains(id.cast<std::string>());
             })
        .def("__iter__", [](const LevelSchema& s) { return py::iter(py::cast(s.levels())); })
        .def(py::self == py::self)
        .def(py::self != py::self)
        .def("__repr__",
             [](const LevelSchema& s) {
                 const std::string name = py::repr(py::str(s.name()));
                 if (s.is_builtin()) return "LevelSchema.builtin(" + name + ")";
                 return "LevelSchema(" + name + ", " + repr_of(s.levels()) + ")";
             });
    def_copy(schema);
    def_pickle(
        schema, "LevelSchema", [](const LevelSchema& s) { return py::make_tuple(s.name(), s.levels()); },
        [](const py::tuple& state) {
            return LevelSchema(state[0].cast<std::string>(), state[1].cast<std::vector<Level>>());
        });
}

void register_elements(py::module_& m) {
    Struct<Reference>(m, "Reference",
                      "A coded reference to an entry of an outside vocabulary: an SDG goal, target or "
                      "indicator, an IATI result or indicator vocabulary code.\n\n"
                      "Reference(vocabulary=\"\", code=\"\", uri=\"\"): IATI vocabularies are kept as written "
                      "(\"99\", \"9\"); tocgraph's own are \"sdg-goal\", \"sdg-target\" and \"sdg-indicator\".")
        .field("vocabulary", &Reference::vocabulary, "Which vocabulary the code comes from, e.g. \"sdg-target\".")
        .field("code", &Reference::code, "The entry within the vocabulary, e.g. \"3.8.1\".")
        .field("uri", &Reference::uri, "Where the vocabulary or the entry is defined, or \"\".")
        .positional(3)
        .always_shown({"vocabulary", "code"})
        .finish();

    Struct<Budget>(m, "Budget", "Money planned for an activity.\n\nBudget(amount=0.0, currency=\"\").")
        .field("amount", &Budget::amount, "The amount (a finite number).")
        .field("currency", &Budget::currency, "ISO 4217 code such as \"AUD\".")
        .positional(2)
        .always_shown({"amount"})
        .finish();

    Struct<Node>(m, "Node",
                 "A result (goal, pathway, outcome, output) or an intervention (activity).\n\n"
                 "Node(*, id, level, title, description, tags, actors, logic, start, end, status, budget, "
                 "attributes, references), all keyword arguments.")
        .field("id", &Node::id, "Stable id, unique within a theory of change.")
        .field("level", &Node::level, "A level id of the theory of change's schema.")
        .field("title", &Node::title, "Short statement of the result or activity.")
        .field("description", &Node::description, "Longer description.")
        .field("tags", &Node::tags, "Cross-cutting themes such as \"victim_rights\".")
        .field("actors", &Node::actors, "Ids of the actors responsible.")
        .field("logic", &Node::logic, "How the contributors below combine: \"all\", \"any\" or \"weighted\".")
        .field("start", &Node::start, "Start date of an activity, or None.")
        .field("end", &Node::end, "End date of an activity, or None.")
        .field("status", &Node::status,
               "Activity status: \"planned\", \"ongoing\", \"completed\", \"cancelled\" or None.")
        .field("budget", &Node::budget, "Budget of an activity, or None.")
        .field(attributes_field<Node>())
        .field("references", &Node::references, "Coded references to outside vocabularies such as SDG targets.")
        .always_shown({"id", "level"})
        .finish();

    Struct<Evidence>(m, "Evidence", "What supports a causal claim.\n\nEvidence(*, strength=\"\", references=[]).")
        .field("strength", &Evidence::strength, "e.g. \"strong\", \"moderate\", \"weak\", \"anecdotal\".")
        .field("references", &Evidence::references, "Citations or URLs.")
        .finish();

    Struct<Link>(m, "Link",
                 "A causal link: `source` (the lower result) contributes to `target`.\n\n"
                 "Link(*, source, target, assumptions, rationale, evidence, strength, attributes).")
        .field("source", &Link::source, "Id of the contributing (lower) node.")
        .field("target", &Link::target, "Id of the node contributed to (higher).")
        .field("assumptions", &Link::assumptions, "Ids of the assumptions the link rests on.")
        .field("rationale", &Link::rationale, "Why the source contributes to the target.")
        .field("evidence", &Link::evidence, "Evidence for the link, or None.")
        .field("strength", &Link::strength, "How much the source contributes, from 0 to 1, or None.")
        .field(attributes_field<Link>())
        .always_shown({"source", "target"})
        .finish();
}

void register_indicator(py::module_& m) {
    Struct<Baseline>(m, "Baseline", "The starting point of an indicator.\n\nBaseline(*, date, value, ...).")
        .field("date", &Baseline::date, "When the baseline was measured, or None.")
        .field("value", &Baseline::value, "The value; None for qualitative indicators.")
        .field("dimensions", &Baseline::dimensions, "Disaggregation such as {\"country\": \"KH\"}.")
        .field("comment", &Baseline::comment, "Free comment.")
        .field("year", &Baseline::year, "The baseline's year when a source gives one (IATI baseline/@year), or None.")
        .field("value_text", &Baseline::value_text,
               "The value as the source wrote it when that is not a plain number (\"TBD\", \"22,5\"), or \"\".")
        .field("locations", &Baseline::locations, "Location references such as IATI location/@ref.")
        .field(attributes_field<Baseline>())
        .finish();

    Struct<PeriodValue>(m, "PeriodValue",
                        "A target or an actual value for one period.\n\nPeriodValue(*, period, value, ...).")
        .field("period", &PeriodValue::period, "The period the value is for.")
        .field("value", &PeriodValue::value, "The value; None for qualitative indicators.")
        .field("numerator", &PeriodValue::numerator, "Numerator of a ratio (for aggregation \"ratio\"), or None.")
        .field("denominator", &PeriodValue::denominator, "Denominator of a ratio (for aggregation \"ratio\"), or None.")
        .field("dimensions", &PeriodValue::dimensions, "Disaggregation such as {\"country\": \"KH\", \"sex\": \"female\"}.")
        .field("comment", &PeriodValue::comment, "Free comment.")
        .field("value_text", &PeriodValue::value_text,
               "The value as the source wrote it when that is not a plain number (\"TBD\", \"<2\"), or \"\".")
        .field("locations", &PeriodValue::locations, "Location references such as IATI location/@ref.")
        .field(attributes_field<PeriodValue>())
        .required({"period"})
        .always_shown({"period"})
        .finish();

    Struct<Indicator>(m, "Indicator",
                      "An indicator measuring one node, with baselines, targets and actual values.\n\n"
                      "Indicator(*, id, node, title, ...), all keyword arguments.")
        .field("id", &Indicator::id, "Unique indicator id.")
        .field("node", &Indicator::node, "Id of the node it measures.")
        .field("title", &Indicator::title, "What is measured.")
        .field("description", &Indicator::description, "Longer description.")
        .field("unit", &Indicator::unit, "Unit such as \"people trained\" or \"%\".")
        .field("measure", &Indicator::measure,
               "IATI measure: \"unit\", \"percentage\", \"nominal\", \"ordinal\" or \"qualitative\" "
               "(setting the IATI code 1-5 works too).")
        .field("ascending", &Indicator::ascending, "True if a higher value is better.")
        .field("accumulation", &Indicator::accumulation, "\"incremental\", \"cumulative\" or \"level\".")
        .field("aggregation", &Indicator::aggregation,
               "\"sum\", \"mean\", \"latest\", \"min\", \"max\", \"ratio\" or \"none\".")
        .field("baselines", &Indicator::baselines, "Baselines.")
        .field("targets", &Indicator::targets, "Targets per period.")
        .field("actuals", &Indicator::actuals, "Actual values per period.")
        .field("means_of_verification", &Indicator::means_of_verification, "Where the values come from.")
        .field("frequency", &Indicator::frequency, "e.g. \"annual\", \"six-monthly\".")
        .field(attributes_field<Indicator>())
        .field("references", &Indicator::references, "Coded references to indicator vocabularies, e.g. SDG indicators.")
        .always_shown({"id", "node"})
        .finish();
}

void register_assumption_actor_feedback(py::module_& m) {
    Struct<Assumption>(m, "Assumption",
                       "A condition outside the programme's control on which links rest.\n\n"
                       "Assumption(*, id, statement, likelihood, risk, status, attributes).")
        .field("id", &Assumption::id, "Unique assumption id.")
        .field("statement", &Assumption::statement, "What is assumed.")
        .field("likelihood", &Assumption::likelihood, "Chance that it holds, from 0 to 1, or None.")
        .field("risk", &Assumption::risk, "\"low\", \"medium\", \"high\" or None.")
        .field("status", &Assumption::status, "\"untested\", \"holding\", \"at_risk\" or \"not_holding\".")
        .field(attributes_field<Assumption>())
        .always_shown({"id"})
        .finish();

    Struct<Actor>(m, "Actor", "Who is responsible for or takes part in results.\n\nActor(*, id, name, type, attributes).")
        .field("id", &Actor::id, "Unique actor id.")
        .field("name", &Actor::name, "Name of the actor.")
        .field("type", &Actor::type, "e.g. \"member_state\", \"regional_body\", \"donor\", \"civil_society\".")
        .field(attributes_field<Actor>())
        .always_shown({"id"})
        .finish();

    Struct<Feedback>(m, "Feedback",
                     "What a stakeholder said during a consultation, and what became of it.\n\n"
                     "Feedback(*, id, consultation, phase, author, subject, kind, text, status, resolution, date, "
                     "attributes).")
        .field("id", &Feedback::id, "Unique feedback id.")
        .field("consultation", &Feedback::consultation, "Id of the consultation, or \"\".")
        .field("phase", &Feedback::phase, "Id of the consultation phase, e.g. \"workshop\".")
        .field("author", &Feedback::author, "Actor id or name of who said it.")
        .field("subject", &Feedback::subject,
               "Id of the node, indicator or assumption it is about, \"SOURCE->TARGET\" for a link, or \"\" "
               "for the whole theory of change.")
        .field("kind", &Feedback::kind, "\"challenge\", \"priority\", \"solution\", \"comment\" or \"proposed_change\".")
        .field("text", &Feedback::text, "What was said.")
        .field("status", &Feedback::status, "\"open\", \"accepted\", \"rejected\" or \"addressed\".")
        .field("resolution", &Feedback::resolution, "How it was addressed.")
        .field("date", &Feedback::date, "When it was said, or None.")
        .field(attributes_field<Feedback>())
        .always_shown({"id"})
        .finish();
}

void register_metadata(py::module_& m) {
    Struct<Source>(m, "Source", "A document the theory of change's content comes from.\n\nSource(*, id, title, url, note).")
        .field("id", &Source::id, "Source id, named by consultations.")
        .field("title", &Source::title, "Title of the document.")
        .field("url", &Source::url, "Where to find it.")
        .field("note", &Source::note, "What was taken from it.")
        .always_shown({"id"})
        .finish();

    Struct<ConsultationPhase>(m, "ConsultationPhase",
                              "A step of a consultation, e.g. \"workshop\".\n\nConsultationPhase(*, id, title).")
        .field("id", &ConsultationPhase::id, "Phase id, named by feedback.")
        .field("title", &ConsultationPhase::title, "Title of the phase.")
        .always_shown({"id"})
        .finish();

    Struct<ConsultationEvent>(m, "ConsultationEvent",
                              "A dated event in a consultation's history.\n\n"
                              "ConsultationEvent(*, date=None, title=\"\", description=\"\").")
        .field("date", &ConsultationEvent::date, "When it happened, or None.")
        .field("title", &ConsultationEvent::title, "What happened.")
        .field("description", &ConsultationEvent::description, "Details.")
        .finish();

    Struct<Consultation>(m, "Consultation",
                         "A consultation the theory of change went through.\n\n"
                         "Consultation(*, id, title, date, venue, objectives, phases, events, sources).")
        .field("id", &Consultation::id, "Consultation id, named by feedback.")
        .field("title", &Consultation::title, "Title of the consultation.")
        .field("date", &Consultation::date, "When it took place, or None.")
        .field("venue", &Consultation::venue, "Where it took place.")
        .field("objectives", &Consultation::objectives, "Objectives.")
        .field("phases", &Consultation::phases, "Phases.")
        .field("events", &Consultation::events, "Events.")
        .field("sources", &Consultation::sources, "Ids of metadata sources.")
        .always_shown({"id"})
        .finish();

    Struct<Metadata>(m, "Metadata",
                     "Facts about the programme and the document.\n\n"
                     "Metadata(*, title, description, funder, period, version, date, sources, consultations, "
                     "attributes).")
        .field("title", &Metadata::title, "Programme title.")
        .field("description", &Metadata::description, "Description of the document.")
        .field("funder", &Metadata::funder, "Who funds the programme.")
        .field("period", &Metadata::period, "Programme period, or None.")
        .field("version", &Metadata::version, "Version of the document.")
        .field("date", &Metadata::date, "Date of this version of the document, or None.")
        .field("sources", &Metadata::sources, "Sources.")
        .field("consultations", &Metadata::consultations, "Consultations.")
        .field(attributes_field<Metadata>())
        .finish();
}

// ---- the compiled TheoryOfChange --------------------------------------------------------

using TocClass = py::class_<SharedToc, std::unique_ptr<SharedToc>>;

template <typename T>
std::vector<T> copies(const std::vector<const T*>& items) {
    std::vector<T> out;
    out.reserve(items.size());
    for (const T* item : items) out.push_back(*item);
    return out;
}

/// Binds `(toc.*of)(id)`, the elements tied to one node (the links into or
/// out of it, its indicators), as copies; KeyError for an unknown node.
template <typename T>
void def_of_node(TocClass& cls, const char* name, std::vector<const T*> (TOC::*of)(std::string_view) const,
                 const char* node_arg) {
    cls.def(
        name,
        [of](const SharedToc& t, const std::string& id) {
            return read(t, [&](const TOC& toc) {
                require_node(toc, id);
                return copies((toc.*of)(id));
            });
        },
        py::arg(node_arg));
}

void require_link(const TOC& toc, const std::string& source, const std::string& target) {
    if (!toc.has_link(source, target)) raise_key_error("no link \"" + source + "\" -> \"" + target + "\"");
}

/// Changes some fields of `value` (from a dict), refusing changes of the
/// fields that identify it: those need a removal and an addition.
template <typename T>
void patch(T& value, const py::dict& changes, const char* kind, const char* type,
           std::initializer_list<const char*> keys) {
    for (const char* key : keys)
        if (changes.contains(key) && !py::object(changes[key]).equal(field_named<T>(type, key).get(value)))
            throw py::value_error(std::string("update_") + kind + " cannot change the " + key + " of a " + kind +
                                  "; remove it and add a new one");
    apply_fields(value, changes, type);
}

/// has_, the getter, the list, add_, update_, patch_ and remove_ for one kind of
/// element kept by id.
template <typename T, auto Has, auto Get, auto List, auto Add, auto Update, auto Remove>
void def_keyed(TocClass& cls, const char* kind, const char* type, const std::string& getter, const std::string& plural) {
    const std::string k = kind;
    auto missing = [k](const std::string& id) { raise_key_error("no " + k + " \"" + id + "\""); };
    cls.def(("has_" + k).c_str(),
            [](const SharedToc& t, const std::string& id) { return read(t, [&](const TOC& toc) { return (toc.*Has)(id); }); },
            py::arg("id"));
    cls.def(getter.c_str(),
            [missing](const SharedToc& t, const std::string& id) {
                return read(t, [&](const TOC& toc) -> T {
                    if (!(toc.*Has)(id)) missing(id);
                    return (toc.*Get)(id);
                });
            },
            py::arg("id"));
    cls.def(plural.c_str(), [](const SharedToc& t) {
        return read(t, [](const TOC& toc) {
            const auto& items = (toc.*List)();  // a vector, or the nodes' range
            return std::vector<T>(items.begin(), items.end());
        });
    });
    cls.def(("add_" + k).c_str(), [](SharedToc& t, T value) { edit(t, [&](TOC& toc) { (toc.*Add)(std::move(value)); }); },
            py::arg("value"));
    cls.def(("update_" + k).c_str(),
            [missing](SharedToc& t, T value) {
                edit(t, [&](TOC& toc) {
                    if (!(toc.*Has)(value.id)) missing(value.id);
                    (toc.*Update)(std::move(value));
                });
            },
            py::arg("value"));
    cls.def(("patch_" + k).c_str(),
            [missing, kind, type](SharedToc& t, const std::string& id, const py::dict& changes) {
                edit(t, [&](TOC& toc) {
                    if (!(toc.*Has)(id)) missing(id);
                    T value = (toc.*Get)(id);
                    patch(value, changes, kind, type, {"id"});
                    (toc.*Update)(std::move(value));
                });
            },
            py::arg("id"), py::arg("changes"));
    cls.def(("remove_" + k).c_str(),
            [missing](SharedToc& t, const std::string& id) {
                edit(t, [&](TOC& toc) {
                    if (!(toc.*Has)(id)) missing(id);
                    (toc.*Remove)(id);
                });
            },
            py::arg("id"));
}

void register_toc(py::module_& m) {
    TocClass cls(m, "TheoryOfChange",
                 "The compiled theory of change (private: use tocgraph.TheoryOfChange). Safe to share "
                 "between threads: queries run together, an edit waits for them (bind/toc.hpp).");
    cls.def(py::init([](LevelSchema schema) { return std::make_unique<SharedToc>(TOC(std::move(schema))); }),
            py::arg("schema"))
        .def_property(
            "schema", [](const SharedToc& t) { return read(t, [](const TOC& toc) { return toc.schema(); }); },
            [](SharedToc& t, LevelSchema schema) { edit(t, [&](TOC& toc) { toc.set_schema(std::move(schema)); }); })
        .def_property(
            "metadata",
            [](py::handle self) {
                return read_field(self, "metadata", false, "TheoryOfChange.metadata", [&] {
                    return py::cast(read(self.cast<const SharedToc&>(), [](const TOC& toc) { return toc.metadata(); }));
                });
            },
            [](py::handle self, Metadata metadata) {
                edit(self.cast<SharedToc&>(), [&](TOC& toc) { toc.set_metadata(std::move(metadata)); });
                after_change(self, "metadata");
            })
        .def("node_count", [](const SharedToc& t) { return read(t, [](const TOC& toc) { return toc.node_count(); }); })
        .def("link_count", [](const SharedToc& t) { return read(t, [](const TOC& toc) { return toc.link_count(); }); })
        .def("indicator_count",
             [](const SharedToc& t) { return read(t, [](const TOC& toc) { return toc.indicator_count(); }); })
        // ---- nodes (the rest by def_keyed below)
        .def("nodes_at",
             [](const SharedToc& t, const std::string& level) {
                 return read(t, [&](const TOC& toc) { return copies(toc.nodes_at(level)); });
             },
             py::arg("level"))
        // ---- links
        .def("has_link",
             [](const SharedToc& t, const std::string& s, const std::string& g) {
                 return read(t, [&](const TOC& toc) { return toc.has_link(s, g); });
             },
             py::arg("source"), py::arg("target"))
        .def("link",
             [](const SharedToc& t, const std::string& s, const std::string& g) {
                 return read(t, [&](const TOC& toc) -> Link {
                     require_link(toc, s, g);
                     return *toc.find_link(s, g);
                 });
             },
             py::arg("source"), py::arg("target"))
        .def("links", [](const SharedToc& t) { return read(t, [](const TOC& toc) { return copies(toc.links()); }); })
        .def("add_link", [](SharedToc& t, Link link) { edit(t, [&](TOC& toc) { toc.add_link(std::move(link)); }); },
             py::arg("value"))
        .def("update_link",
             [](SharedToc& t, Link link) {
                 edit(t, [&](TOC& toc) {
                     require_link(toc, link.source, link.target);
                     toc.update_link(std::move(link));
                 });
             },
             py::arg("value"))
        .def("patch_link",
             [](SharedToc& t, const std::string& s, const std::string& g, const py::dict& changes) {
                 edit(t, [&](TOC& toc) {
                     require_link(toc, s, g);
                     Link link = *toc.find_link(s, g);
                     patch(link, changes, "link", "Link", {"source", "target"});
                     toc.update_link(std::move(link));
                 });
             },
             py::arg("source"), py::arg("target"), py::arg("changes"))
        .def("remove_link",
             [](SharedToc& t, const std::string& s, const std::string& g) {
                 edit(t, [&](TOC& toc) {
                     require_link(toc, s, g);
                     toc.remove_link(s, g);
                 });
             },
             py::arg("source"), py::arg("target"))
        // ---- value protocol
        .def("__eq__",
             [](const SharedToc& a, const SharedToc& b) {
                 return read_all([](const TOC& x, const TOC& y) { return x == y; }, a, b);
             })
        .def("__copy__", [](const SharedToc& t) {
            return std::make_unique<SharedToc>(read(t, [](const TOC& toc) { return toc; }));
        });
    def_of_node(cls, "links_to", &TOC::links_to, "id");
    def_of_node(cls, "links_from", &TOC::links_from, "id");
    def_of_node(cls, "indicators_of", &TOC::indicators_of, "node");

    def_keyed<Node, &TOC::contains, &TOC::node, &TOC::nodes, &TOC::add_node, &TOC::update_node, &TOC::remove_node>(
        cls, "node", "Node", "node", "nodes");
    def_keyed<Indicator, &TOC::has_indicator, &TOC::indicator,
              static_cast<const std::vector<Indicator>& (TOC::*)() const noexcept>(&TOC::indicators), &TOC::add_indicator,
              &TOC::update_indicator, &TOC::remove_indicator>(cls, "indicator", "Indicator", "indicator", "indicators");
    def_keyed<Assumption, &TOC::has_assumption, &TOC::assumption,
              static_cast<const std::vector<Assumption>& (TOC::*)() const noexcept>(&TOC::assumptions),
              &TOC::add_assumption, &TOC::update_assumption, &TOC::remove_assumption>(cls, "assumption", "Assumption",
                                                                                       "assumption", "assumptions");
    def_keyed<Actor, &TOC::has_actor, &TOC::actor,
              static_cast<const std::vector<Actor>& (TOC::*)() const noexcept>(&TOC::actors), &TOC::add_actor,
              &TOC::update_actor, &TOC::remove_actor>(cls, "actor", "Actor", "actor", "actors");
    def_keyed<Feedback, &TOC::has_feedback, static_cast<const Feedback& (TOC::*)(std::string_view) const>(&TOC::feedback),
              static_cast<const std::vector<Feedback>& (TOC::*)() const noexcept>(&TOC::feedback), &TOC::add_feedback,
              &TOC::update_feedback, &TOC::remove_feedback>(cls, "feedback", "Feedback", "feedback_item", "feedback");
}

void register_synthetic(py::module_& m) {
    Struct<SyntheticOptions>(m, "SyntheticOptions", "How tocgraph.synthetic shapes a theory of change.")
        .field(count_member("nodes", &SyntheticOptions::nodes, std::size_t{3}, "Total number of nodes (at least 3)."))
        .field(count_member("seed", &SyntheticOptions::seed, std::uint64_t{0},
                            "The same seed gives the same theory of change on every platform."))
        .field(optional_count_member("pathways", &SyntheticOptions::pathways, std::size_t{1},
                                     "Number of pathways; None: 3 to 12, growing with the size."))
        .field("cross_links", &SyntheticOptions::cross_links, "Share of the extra links that cross to another pathway.")
        .field("indicators", &SyntheticOptions::indicators, "Give about four outcomes and outputs in five an indicator.")
        .field("titles", &SyntheticOptions::titles, "Give nodes titles (False for the bare graph).")
        .finish();
    m.def(
        "synthetic",
        [](const SyntheticOptions& options) {
            TOC toc = without_gil([&] {  // a million nodes take a few seconds
                return synthetic(options);
            });
            return new_toc(std::move(toc));
        },
        py::arg("options"), "A deterministic synthetic theory of change (tocgraph.synthetic).");
}

}  // namespace

void register_model(py::module_& m) {
    register_links(m);
    register_dates_and_levels(m);
    register_elements(m);
    register_indicator(m);
    register_assumption_actor_feedback(m);
    register_metadata(m);
    register_toc(m);
    register_synthetic(m);
    m.def(
        "set_public_class",
        [](py::object wrap) { public_toc() = std::move(wrap); }, py::arg("wrap"),
        "Sets the callable that wraps new compiled theories of change in the public class "
        "(called once, by tocgraph._registry).");
}

}  // namespace tocgraph::python
