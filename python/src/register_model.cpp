// The model's value types: dates and periods, level schemas, nodes, links,
// indicators, assumptions, actors, feedback and metadata.
//
// Every class is a value, and every attribute read returns a copy (not
// def_readwrite's reference into the C++ object, which would dangle once the
// field is reassigned). So `node.tags.append("x")` or
// `ind.targets[0].value = 5` changes a temporary and is lost; assign the whole
// value instead (`node.tags = [*node.tags, "x"]`).
#include "pybind.hpp"

namespace tocgraph::python {

namespace {

using StringList = std::vector<std::string>;

/// A getter returning a copy of the field, and the matching setter.
template <typename T, typename M>
auto get_copy(M T::*member) {
    return [member](const T& self) -> M { return self.*member; };
}
template <typename T, typename M>
auto set_value(M T::*member) {
    return [member](T& self, M value) { self.*member = std::move(value); };
}

void register_period(py::module_& m) {
    py::class_<Period> cls(m, "Period",
                           "A closed interval of dates, such as a reporting period.\n\n"
                           "Period(start, end): dates as datetime.date or \"YYYY-MM-DD\" strings.");
    cls.def(py::init([](Date start, Date end) { return Period{start, end}; }), py::arg("start"),
            py::arg("end"))
        .def_property("start", get_copy(&Period::start), set_value(&Period::start), "First day of the period (datetime.date).")
        .def_property("end", get_copy(&Period::end), set_value(&Period::end), "Last day of the period (datetime.date).")
        .def("__contains__", &Period::contains, py::arg("date"),
             "True if the date falls within the period, both ends included.");
    add_value_protocol(cls, {"start", "end"}, {"start", "end"});
}

void register_schema(py::module_& m) {
    py::class_<Level> level(m, "Level",
                            "One result level of a level schema.\n\n"
                            "Level(id, label=\"\", role=\"outcome\"): `role` is one of \"goal\", "
                            "\"pathway\", \"outcome\", \"output\", \"activity\", \"input\".");
    level
        .def(py::init([](std::string id, std::string label, LevelRole role) {
                 return Level{std::move(id), std::move(label), role};
             }),
             py::arg("id") = "", py::arg("label") = "", py::arg("role") = LevelRole::outcome)
        .def_property("id", get_copy(&Level::id), set_value(&Level::id), "What nodes write in `level`, e.g. \"immediate_outcome\".")
        .def_property("label", get_copy(&Level::label), set_value(&Level::label), "How reports print it, e.g. \"Immediate outcome\".")
        .def_property("role", get_copy(&Level::role), set_value(&Level::role),
                       "The level's semantic role, so analyses work across schemas.");
    add_value_protocol(level, {"id", "label", "role"}, {"id"});

    py::class_<LevelSchema> schema(
        m, "LevelSchema",
        "The ordered result levels of a theory of change, top (goal) first. Immutable.\n\n"
        "LevelSchema(name, levels): a custom schema; LevelSchema.builtin(name) for a built-in one.");
    schema
        .def(py::init<std::string, std::vector<Level>>(), py::arg("name"), py::arg("levels"))
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
        .def_static("builtin_names", &LevelSchema::builtin_names,
                    "The names of the built-in schemas.")
        .def_property_readonly("name", &LevelSchema::name, "The schema's name.")
        .def_property_readonly(
            "levels", [](const LevelSchema& s) { return s.levels(); },
            "The levels, top first (a copy).")
        .def_property_readonly("is_builtin", &LevelSchema::is_builtin,
                               "True if this equals the built-in schema of the same name.")
        .def(
            "rank",
            [](const LevelSchema& s, const std::string& id) {
                if (auto r = s.rank(id)) return *r;
                raise_key_error("unknown level \"" + id + "\"; schema \"" + s.name() + "\" has " +
                                s.choices());
            },
            py::arg("level_id"), "0 for the top level, increasing downwards; KeyError if unknown.")
        .def(
            "level",
            [](const LevelSchema& s, const std::string& id) {
                if (auto r = s.rank(id)) return s.levels()[*r];
                raise_key_error("unknown level \"" + id + "\"; schema \"" + s.name() + "\" has " +
                                s.choices());
            },
            py::arg("level_id"), "The level with this id; KeyError if unknown.")
        .def("__len__", &LevelSchema::size)
        .def("__contains__", [](const LevelSchema& s, const py::handle& id) {
            return py::isinstance<py::str>(id) && s.contains(id.cast<std::string>());
        })
        .def("__iter__", [](const LevelSchema& s) { return py::iter(py::cast(s.levels())); })
        .def(py::self == py::self)
        .def(py::self != py::self)
        .def("__copy__", [](const LevelSchema& s) { return s; })
        .def("__deepcopy__", [](const LevelSchema& s, py::handle) { return s; }, py::arg("memo"))
        .def("__repr__",
             [](const LevelSchema& s) {
                 if (s.is_builtin()) return "LevelSchema.builtin(" + std::string(py::repr(py::str(s.name()))) + ")";
                 return "LevelSchema(" + std::string(py::repr(py::str(s.name()))) + ", " +
                        std::string(py::repr(py::cast(s.levels()))) + ")";
             })
        .def(py::pickle(
            [](const LevelSchema& s) {
                return py::make_tuple(value_pickle_version, s.name(), s.levels());
            },
            [](const py::tuple& state) {
                if (state.size() != 3 || !py::isinstance<py::int_>(state[0]) ||
                    state[0].cast<int>() != value_pickle_version)
                    throw py::value_error("cannot unpickle LevelSchema: unsupported state version " +
                                          std::string(py::repr(state.size() ? py::object(state[0]) : py::object(py::none()))) +
                                          " (this version of tocgraph reads 1)");
                return LevelSchema(state[1].cast<std::string>(), state[2].cast<std::vector<Level>>());
            }));
}

void register_reference(py::module_& m) {
    py::class_<Reference> ref(
        m, "Reference",
        "A coded reference to an entry of an outside vocabulary: an SDG goal, target or indicator, "
        "an IATI result or indicator vocabulary code.\n\n"
        "Reference(vocabulary=\"\", code=\"\", uri=\"\"): IATI vocabularies are kept as written "
        "(\"99\", \"9\"); tocgraph's own are \"sdg-goal\", \"sdg-target\" and \"sdg-indicator\".");
    ref.def(py::init([](std::string vocabulary, std::string code, std::string uri) {
                return Reference{std::move(vocabulary), std::move(code), std::move(uri)};
            }),
            py::arg("vocabulary") = "", py::arg("code") = "", py::arg("uri") = "")
        .def_property("vocabulary", get_copy(&Reference::vocabulary), set_value(&Reference::vocabulary),
                      "Which vocabulary the code comes from, e.g. \"sdg-target\" or IATI's \"99\".")
        .def_property("code", get_copy(&Reference::code), set_value(&Reference::code),
                      "The entry within the vocabulary, e.g. \"3.8.1\".")
        .def_property("uri", get_copy(&Reference::uri), set_value(&Reference::uri),
                      "Where the vocabulary or the entry is defined, or \"\".");
    add_value_protocol(ref, {"vocabulary", "code", "uri"}, {"vocabulary", "code"});
}

void register_node(py::module_& m) {
    py::class_<Budget> budget(m, "Budget", "Money planned for an activity.\n\nBudget(amount=0.0, currency=\"\").");
    budget
        .def(py::init([](double amount, std::string currency) {
                 return Budget{amount, std::move(currency)};
             }),
             py::arg("amount") = 0.0, py::arg("currency") = "")
        .def_property("amount", get_copy(&Budget::amount), set_value(&Budget::amount), "The amount (a finite number).")
        .def_property("currency", get_copy(&Budget::currency), set_value(&Budget::currency), "ISO 4217 code such as \"AUD\".");
    add_value_protocol(budget, {"amount", "currency"}, {"amount"});

    py::class_<Node> node(
        m, "Node",
        "A result (goal, pathway, outcome, output) or an intervention (activity).\n\n"
        "Node(*, id, level, title, description, tags, actors, logic, start, end, status, budget, "
        "attributes, references), all keyword arguments. Attribute reads of lists and nested values return "
        "copies: write `node.tags = [...]`, not `node.tags.append(...)`.");
    node.def(py::init([](std::string id, std::string level, std::string title,
                         std::string description, StringList tags, StringList actors, Logic logic,
                         std::optional<Date> start, std::optional<Date> end,
                         std::optional<ActivityStatus> status, std::optional<Budget> budget,
                         py::handle attributes, std::vector<Reference> references) {
                 return Node{std::move(id),     std::move(level),  std::move(title),
                             std::move(description), std::move(tags), std::move(actors),
                             logic,             start,             end,
                             status,            std::move(budget), attributes_from_python(attributes),
                             std::move(references)};
             }),
             py::kw_only(), py::arg("id") = "", py::arg("level") = "", py::arg("title") = "",
             py::arg("description") = "", py::arg("tags") = StringList{},
             py::arg("actors") = StringList{}, py::arg("logic") = Logic::all,
             py::arg("start") = py::none(), py::arg("end") = py::none(),
             py::arg("status") = py::none(), py::arg("budget") = py::none(),
             py::arg("attributes") = py::none(), py::arg("references") = std::vector<Reference>{})
        .def_property("id", get_copy(&Node::id), set_value(&Node::id), "Stable id, unique within a theory of change.")
        .def_property("level", get_copy(&Node::level), set_value(&Node::level), "A level id of the theory of change's schema.")
        .def_property("title", get_copy(&Node::title), set_value(&Node::title), "Short statement of the result or activity.")
        .def_property("description", get_copy(&Node::description), set_value(&Node::description), "Longer description.")
        .def_property("tags", get_copy(&Node::tags), set_value(&Node::tags),
                       "Cross-cutting themes such as \"victim_rights\" (a copy: assign a new list).")
        .def_property("actors", get_copy(&Node::actors), set_value(&Node::actors),
                       "Ids of the actors responsible (a copy: assign a new list).")
        .def_property("logic", get_copy(&Node::logic), set_value(&Node::logic),
                       "How the contributors below combine: \"all\", \"any\" or \"weighted\".")
        .def_property("start", get_copy(&Node::start), set_value(&Node::start), "Start date of an activity, or None.")
        .def_property("end", get_copy(&Node::end), set_value(&Node::end), "End date of an activity, or None.")
        .def_property("status", get_copy(&Node::status), set_value(&Node::status),
                       "Activity status: \"planned\", \"ongoing\", \"completed\", \"cancelled\" or None.")
        .def_property("budget", get_copy(&Node::budget), set_value(&Node::budget), "Budget of an activity, or None (a copy).")
        .def_property("references", get_copy(&Node::references), set_value(&Node::references),
                      "Coded references to outside vocabularies such as SDG targets (a copy: assign a new list).");
    def_attributes(node);
    add_value_protocol(node,
                       {"id", "level", "title", "description", "tags", "actors", "logic", "start",
                        "end", "status", "budget", "attributes", "references"},
                       {"id", "level"});
}

void register_link(py::module_& m) {
    py::class_<Evidence> evidence(m, "Evidence",
                                  "What supports a causal claim.\n\n"
                                  "Evidence(*, strength=\"\", references=[]).");
    evidence
        .def(py::init([](std::string strength, StringList references) {
                 return Evidence{std::move(strength), std::move(references)};
             }),
             py::kw_only(), py::arg("strength") = "", py::arg("references") = StringList{})
        .def_property("strength", get_copy(&Evidence::strength), set_value(&Evidence::strength),
                       "e.g. \"strong\", \"moderate\", \"weak\", \"anecdotal\".")
        .def_property("references", get_copy(&Evidence::references), set_value(&Evidence::references),
                       "Citations or URLs (a copy: assign a new list).");
    add_value_protocol(evidence, {"strength", "references"}, {});

    py::class_<Link> link(m, "Link",
                          "A causal link: `source` (the lower result) contributes to `target`.\n\n"
                          "Link(*, source, target, assumptions, rationale, evidence, strength, "
                          "attributes), all keyword arguments.");
    link.def(py::init([](std::string source, std::string target, StringList assumptions,
                         std::string rationale, std::optional<Evidence> evidence,
                         std::optional<double> strength, py::handle attributes) {
                 return Link{std::move(source),    std::move(target),   std::move(assumptions),
                             std::move(rationale), std::move(evidence), strength,
                             attributes_from_python(attributes)};
             }),
             py::kw_only(), py::arg("source") = "", py::arg("target") = "",
             py::arg("assumptions") = StringList{}, py::arg("rationale") = "",
             py::arg("evidence") = py::none(), py::arg("strength") = py::none(),
             py::arg("attributes") = py::none())
        .def_property("source", get_copy(&Link::source), set_value(&Link::source), "Id of the contributing (lower) node.")
        .def_property("target", get_copy(&Link::target), set_value(&Link::target), "Id of the node contributed to (higher).")
        .def_property("assumptions", get_copy(&Link::assumptions), set_value(&Link::assumptions),
                       "Ids of the assumptions the link rests on (a copy: assign a new list).")
        .def_property("rationale", get_copy(&Link::rationale), set_value(&Link::rationale), "Why the source contributes to the target.")
        .def_property("evidence", get_copy(&Link::evidence), set_value(&Link::evidence), "Evidence for the link, or None (a copy).")
        .def_property("strength", get_copy(&Link::strength), set_value(&Link::strength),
                       "How much the source contributes, from 0 to 1, or None.");
    def_attributes(link);
    add_value_protocol(link,
                       {"source", "target", "assumptions", "rationale", "evidence", "strength",
                        "attributes"},
                       {"source", "target"});
}

void register_indicator(py::module_& m) {
    py::class_<Baseline> baseline(m, "Baseline",
                                  "The starting point of an indicator.\n\n"
                                  "Baseline(*, date=None, value=None, dimensions={}, comment=\"\", year=None, "
                                  "value_text=\"\", locations=[], attributes=None).");
    baseline
        .def(py::init([](std::optional<Date> date, std::optional<double> value,
                         Dimensions dimensions, std::string comment, std::optional<int> year,
                         std::string value_text, StringList locations, py::handle attributes) {
                 return Baseline{date,          value,       std::move(dimensions),
                                 std::move(comment), year,   std::move(value_text),
                                 std::move(locations), attributes_from_python(attributes)};
             }),
             py::kw_only(), py::arg("date") = py::none(), py::arg("value") = py::none(),
             py::arg("dimensions") = Dimensions{}, py::arg("comment") = "",
             py::arg("year") = py::none(), py::arg("value_text") = "",
             py::arg("locations") = StringList{}, py::arg("attributes") = py::none())
        .def_property("date", get_copy(&Baseline::date), set_value(&Baseline::date), "When the baseline was measured, or None.")
        .def_property("value", get_copy(&Baseline::value), set_value(&Baseline::value), "The value; None for qualitative indicators.")
        .def_property("dimensions", get_copy(&Baseline::dimensions), set_value(&Baseline::dimensions),
                       "Disaggregation such as {\"country\": \"KH\"} (a copy: assign a new dict).")
        .def_property("comment", get_copy(&Baseline::comment), set_value(&Baseline::comment), "Free comment.")
        .def_property("year", get_copy(&Baseline::year), set_value(&Baseline::year),
                      "The baseline's year when a source gives one (IATI baseline/@year), or None.")
        .def_property("value_text", get_copy(&Baseline::value_text), set_value(&Baseline::value_text),
                      "The value as the source wrote it when that is not a plain number (\"TBD\", \"22,5\"), or \"\".")
        .def_property("locations", get_copy(&Baseline::locations), set_value(&Baseline::locations),
                      "Location references such as IATI location/@ref (a copy: assign a new list).");
    def_attributes(baseline);
    add_value_protocol(baseline,
                       {"date", "value", "dimensions", "comment", "year", "value_text", "locations",
                        "attributes"},
                       {});

    py::class_<PeriodValue> pv(m, "PeriodValue",
                               "A target or an actual value for one period.\n\n"
                               "PeriodValue(*, period, value=None, numerator=None, denominator=None, "
                               "dimensions={}, comment=\"\", value_text=\"\", locations=[], attributes=None).");
    pv.def(py::init([](Period period, std::optional<double> value, std::optional<double> numerator,
                       std::optional<double> denominator, Dimensions dimensions,
                       std::string comment, std::string value_text, StringList locations,
                       py::handle attributes) {
               return PeriodValue{period,      value, numerator, denominator,
                                  std::move(dimensions), std::move(comment), std::move(value_text),
                                  std::move(locations), attributes_from_python(attributes)};
           }),
           py::kw_only(), py::arg("period"), py::arg("value") = py::none(),
           py::arg("numerator") = py::none(), py::arg("denominator") = py::none(),
           py::arg("dimensions") = Dimensions{}, py::arg("comment") = "",
           py::arg("value_text") = "", py::arg("locations") = StringList{},
           py::arg("attributes") = py::none())
        .def_property("period", get_copy(&PeriodValue::period), set_value(&PeriodValue::period), "The period the value is for.")
        .def_property("value", get_copy(&PeriodValue::value), set_value(&PeriodValue::value), "The value; None for qualitative indicators.")
        .def_property("numerator", get_copy(&PeriodValue::numerator), set_value(&PeriodValue::numerator),
                       "Numerator of a ratio (for aggregation \"ratio\"), or None.")
        .def_property("denominator", get_copy(&PeriodValue::denominator), set_value(&PeriodValue::denominator),
                       "Denominator of a ratio (for aggregation \"ratio\"), or None.")
        .def_property("dimensions", get_copy(&PeriodValue::dimensions), set_value(&PeriodValue::dimensions),
                       "Disaggregation such as {\"country\": \"KH\", \"sex\": \"female\"} (a copy).")
        .def_property("comment", get_copy(&PeriodValue::comment), set_value(&PeriodValue::comment), "Free comment.")
        .def_property("value_text", get_copy(&PeriodValue::value_text), set_value(&PeriodValue::value_text),
                      "The value as the source wrote it when that is not a plain number (\"TBD\", \"<2\"), or \"\".")
        .def_property("locations", get_copy(&PeriodValue::locations), set_value(&PeriodValue::locations),
                      "Location references such as IATI location/@ref (a copy: assign a new list).");
    def_attributes(pv);
    add_value_protocol(pv,
                       {"period", "value", "numerator", "denominator", "dimensions", "comment",
                        "value_text", "locations", "attributes"},
                       {"period"});

    py::class_<Indicator> ind(
        m, "Indicator",
        "An indicator measuring one node, with baselines, targets and actual values.\n\n"
        "Indicator(*, id, node, title, description, unit, measure, ascending, accumulation, "
        "aggregation, baselines, targets, actuals, means_of_verification, frequency, attributes, "
        "references), "
        "all keyword arguments. Lists read back as copies: assign new lists "
        "(`ind.actuals = [*ind.actuals, value]`).");
    ind.def(py::init([](std::string id, std::string node, std::string title,
                        std::string description, std::string unit, Measure measure,
                        bool ascending, Accumulation accumulation, Aggregation aggregation,
                        std::vector<Baseline> baselines, std::vector<PeriodValue> targets,
                        std::vector<PeriodValue> actuals, std::string means_of_verification,
                        std::string frequency, py::handle attributes,
                        std::vector<Reference> references) {
                Indicator i;
                i.id = std::move(id);
                i.node = std::move(node);
                i.title = std::move(title);
                i.description = std::move(description);
                i.unit = std::move(unit);
                i.measure = measure;
                i.ascending = ascending;
                i.accumulation = accumulation;
                i.aggregation = aggregation;
                i.baselines = std::move(baselines);
                i.targets = std::move(targets);
                i.actuals = std::move(actuals);
                i.means_of_verification = std::move(means_of_verification);
                i.frequency = std::move(frequency);
                i.attributes = attributes_from_python(attributes);
                i.references = std::move(references);
                return i;
            }),
            py::kw_only(), py::arg("id") = "", py::arg("node") = "", py::arg("title") = "",
            py::arg("description") = "", py::arg("unit") = "", py::arg("measure") = Measure::unit,
            py::arg("ascending") = true, py::arg("accumulation") = Accumulation::level,
            py::arg("aggregation") = Aggregation::sum,
            py::arg("baselines") = std::vector<Baseline>{},
            py::arg("targets") = std::vector<PeriodValue>{},
            py::arg("actuals") = std::vector<PeriodValue>{},
            py::arg("means_of_verification") = "", py::arg("frequency") = "",
            py::arg("attributes") = py::none(), py::arg("references") = std::vector<Reference>{})
        .def_property("id", get_copy(&Indicator::id), set_value(&Indicator::id), "Unique indicator id.")
        .def_property("node", get_copy(&Indicator::node), set_value(&Indicator::node), "Id of the node it measures.")
        .def_property("title", get_copy(&Indicator::title), set_value(&Indicator::title), "What is measured.")
        .def_property("description", get_copy(&Indicator::description), set_value(&Indicator::description), "Longer description.")
        .def_property("unit", get_copy(&Indicator::unit), set_value(&Indicator::unit), "Unit such as \"people trained\" or \"%\".")
        .def_property("measure", get_copy(&Indicator::measure), set_value(&Indicator::measure),
                       "IATI measure: \"unit\", \"percentage\", \"nominal\", \"ordinal\" or "
                       "\"qualitative\" (setting the IATI code 1-5 works too).")
        .def_property("ascending", get_copy(&Indicator::ascending), set_value(&Indicator::ascending), "True if a higher value is better.")
        .def_property("accumulation", get_copy(&Indicator::accumulation), set_value(&Indicator::accumulation),
                       "\"incremental\", \"cumulative\" or \"level\".")
        .def_property("aggregation", get_copy(&Indicator::aggregation), set_value(&Indicator::aggregation),
                       "\"sum\", \"mean\", \"latest\", \"min\", \"max\", \"ratio\" or \"none\".")
        .def_property("baselines", get_copy(&Indicator::baselines), set_value(&Indicator::baselines), "Baselines (a copy: assign a new list).")
        .def_property("targets", get_copy(&Indicator::targets), set_value(&Indicator::targets), "Targets per period (a copy).")
        .def_property("actuals", get_copy(&Indicator::actuals), set_value(&Indicator::actuals), "Actual values per period (a copy).")
        .def_property("means_of_verification", get_copy(&Indicator::means_of_verification), set_value(&Indicator::means_of_verification),
                       "Where the values come from.")
        .def_property("frequency", get_copy(&Indicator::frequency), set_value(&Indicator::frequency), "e.g. \"annual\", \"six-monthly\".")
        .def_property("references", get_copy(&Indicator::references), set_value(&Indicator::references),
                      "Coded references to indicator vocabularies, e.g. SDG indicators (a copy: assign a new list).");
    def_attributes(ind);
    add_value_protocol(ind,
                       {"id", "node", "title", "description", "unit", "measure", "ascending",
                        "accumulation", "aggregation", "baselines", "targets", "actuals",
                        "means_of_verification", "frequency", "attributes", "references"},
                       {"id", "node"});
}

void register_assumption_actor_feedback(py::module_& m) {
    py::class_<Assumption> a(m, "Assumption",
                             "A condition outside the programme's control on which links rest.\n\n"
                             "Assumption(*, id, statement, likelihood, risk, status, attributes).");
    a.def(py::init([](std::string id, std::string statement, std::optional<double> likelihood,
                      std::optional<Risk> risk, AssumptionStatus status, py::handle attributes) {
              return Assumption{std::move(id), std::move(statement), likelihood, risk, status,
                                attributes_from_python(attributes)};
          }),
          py::kw_only(), py::arg("id") = "", py::arg("statement") = "",
          py::arg("likelihood") = py::none(), py::arg("risk") = py::none(),
          py::arg("status") = AssumptionStatus::untested, py::arg("attributes") = py::none())
        .def_property("id", get_copy(&Assumption::id), set_value(&Assumption::id), "Unique assumption id.")
        .def_property("statement", get_copy(&Assumption::statement), set_value(&Assumption::statement), "What is assumed.")
        .def_property("likelihood", get_copy(&Assumption::likelihood), set_value(&Assumption::likelihood),
                       "Chance that it holds, from 0 to 1, or None.")
        .def_property("risk", get_copy(&Assumption::risk), set_value(&Assumption::risk), "\"low\", \"medium\", \"high\" or None.")
        .def_property("status", get_copy(&Assumption::status), set_value(&Assumption::status),
                       "\"untested\", \"holding\", \"at_risk\" or \"not_holding\".");
    def_attributes(a);
    add_value_protocol(a, {"id", "statement", "likelihood", "risk", "status", "attributes"}, {"id"});

    py::class_<Actor> actor(m, "Actor",
                            "Who is responsible for or takes part in results.\n\n"
                            "Actor(*, id, name, type, attributes).");
    actor
        .def(py::init([](std::string id, std::string name, std::string type, py::handle attributes) {
                 return Actor{std::move(id), std::move(name), std::move(type),
                              attributes_from_python(attributes)};
             }),
             py::kw_only(), py::arg("id") = "", py::arg("name") = "", py::arg("type") = "",
             py::arg("attributes") = py::none())
        .def_property("id", get_copy(&Actor::id), set_value(&Actor::id), "Unique actor id.")
        .def_property("name", get_copy(&Actor::name), set_value(&Actor::name), "Name of the actor.")
        .def_property("type", get_copy(&Actor::type), set_value(&Actor::type),
                       "e.g. \"member_state\", \"regional_body\", \"donor\", \"civil_society\".");
    def_attributes(actor);
    add_value_protocol(actor, {"id", "name", "type", "attributes"}, {"id"});

    py::class_<Feedback> f(m, "Feedback",
                           "What a stakeholder said during a consultation, and what became of it.\n\n"
                           "Feedback(*, id, consultation, phase, author, subject, kind, text, status, "
                           "resolution, date, attributes).");
    f.def(py::init([](std::string id, std::string consultation, std::string phase,
                      std::string author, std::string subject, FeedbackKind kind, std::string text,
                      FeedbackStatus status, std::string resolution, std::optional<Date> date,
                      py::handle attributes) {
              return Feedback{std::move(id),         std::move(consultation), std::move(phase),
                              std::move(author),     std::move(subject),      kind,
                              std::move(text),       status,                  std::move(resolution),
                              date,                  attributes_from_python(attributes)};
          }),
          py::kw_only(), py::arg("id") = "", py::arg("consultation") = "", py::arg("phase") = "",
          py::arg("author") = "", py::arg("subject") = "", py::arg("kind") = FeedbackKind::comment,
          py::arg("text") = "", py::arg("status") = FeedbackStatus::open,
          py::arg("resolution") = "", py::arg("date") = py::none(),
          py::arg("attributes") = py::none())
        .def_property("id", get_copy(&Feedback::id), set_value(&Feedback::id), "Unique feedback id.")
        .def_property("consultation", get_copy(&Feedback::consultation), set_value(&Feedback::consultation), "Id of the consultation, or \"\".")
        .def_property("phase", get_copy(&Feedback::phase), set_value(&Feedback::phase), "Id of the consultation phase, e.g. \"workshop\".")
        .def_property("author", get_copy(&Feedback::author), set_value(&Feedback::author), "Actor id or name of who said it.")
        .def_property("subject", get_copy(&Feedback::subject), set_value(&Feedback::subject),
                       "Id of the node, indicator or assumption it is about, \"SOURCE->TARGET\" "
                       "for a link, or \"\" for the whole theory of change.")
        .def_property("kind", get_copy(&Feedback::kind), set_value(&Feedback::kind),
                       "\"challenge\", \"priority\", \"solution\", \"comment\" or \"proposed_change\".")
        .def_property("text", get_copy(&Feedback::text), set_value(&Feedback::text), "What was said.")
        .def_property("status", get_copy(&Feedback::status), set_value(&Feedback::status),
                       "\"open\", \"accepted\", \"rejected\" or \"addressed\".")
        .def_property("resolution", get_copy(&Feedback::resolution), set_value(&Feedback::resolution), "How it was addressed.")
        .def_property("date", get_copy(&Feedback::date), set_value(&Feedback::date), "When it was said, or None.");
    def_attributes(f);
    add_value_protocol(f,
                       {"id", "consultation", "phase", "author", "subject", "kind", "text",
                        "status", "resolution", "date", "attributes"},
                       {"id"});
}

void register_metadata(py::module_& m) {
    py::class_<Source> source(m, "Source",
                              "A document the theory of change's content comes from.\n\n"
                              "Source(*, id, title, url, note).");
    source
        .def(py::init([](std::string id, std::string title, std::string url, std::string note) {
                 return Source{std::move(id), std::move(title), std::move(url), std::move(note)};
             }),
             py::kw_only(), py::arg("id") = "", py::arg("title") = "", py::arg("url") = "",
             py::arg("note") = "")
        .def_property("id", get_copy(&Source::id), set_value(&Source::id), "Source id, named by consultations.")
        .def_property("title", get_copy(&Source::title), set_value(&Source::title), "Title of the document.")
        .def_property("url", get_copy(&Source::url), set_value(&Source::url), "Where to find it.")
        .def_property("note", get_copy(&Source::note), set_value(&Source::note), "What was taken from it.");
    add_value_protocol(source, {"id", "title", "url", "note"}, {"id"});

    py::class_<ConsultationPhase> phase(m, "ConsultationPhase",
                                        "A step of a consultation, e.g. \"workshop\".\n\n"
                                        "ConsultationPhase(*, id, title).");
    phase
        .def(py::init([](std::string id, std::string title) {
                 return ConsultationPhase{std::move(id), std::move(title)};
             }),
             py::kw_only(), py::arg("id") = "", py::arg("title") = "")
        .def_property("id", get_copy(&ConsultationPhase::id), set_value(&ConsultationPhase::id), "Phase id, named by feedback.")
        .def_property("title", get_copy(&ConsultationPhase::title), set_value(&ConsultationPhase::title), "Title of the phase.");
    add_value_protocol(phase, {"id", "title"}, {"id"});

    py::class_<ConsultationEvent> event(m, "ConsultationEvent",
                                        "A dated event in a consultation's history.\n\n"
                                        "ConsultationEvent(*, date=None, title=\"\", description=\"\").");
    event
        .def(py::init([](std::optional<Date> date, std::string title, std::string description) {
                 return ConsultationEvent{date, std::move(title), std::move(description)};
             }),
             py::kw_only(), py::arg("date") = py::none(), py::arg("title") = "",
             py::arg("description") = "")
        .def_property("date", get_copy(&ConsultationEvent::date), set_value(&ConsultationEvent::date), "When it happened, or None.")
        .def_property("title", get_copy(&ConsultationEvent::title), set_value(&ConsultationEvent::title), "What happened.")
        .def_property("description", get_copy(&ConsultationEvent::description), set_value(&ConsultationEvent::description), "Details.");
    add_value_protocol(event, {"date", "title", "description"}, {});

    py::class_<Consultation> c(m, "Consultation",
                               "A consultation the theory of change went through.\n\n"
                               "Consultation(*, id, title, date, venue, objectives, phases, events, "
                               "sources). Lists read back as copies.");
    c.def(py::init([](std::string id, std::string title, std::optional<Date> date,
                      std::string venue, StringList objectives,
                      std::vector<ConsultationPhase> phases, std::vector<ConsultationEvent> events,
                      StringList sources) {
              return Consultation{std::move(id),         std::move(title),  date,
                                  std::move(venue),      std::move(objectives), std::move(phases),
                                  std::move(events),     std::move(sources)};
          }),
          py::kw_only(), py::arg("id") = "", py::arg("title") = "", py::arg("date") = py::none(),
          py::arg("venue") = "", py::arg("objectives") = StringList{},
          py::arg("phases") = std::vector<ConsultationPhase>{},
          py::arg("events") = std::vector<ConsultationEvent>{}, py::arg("sources") = StringList{})
        .def_property("id", get_copy(&Consultation::id), set_value(&Consultation::id), "Consultation id, named by feedback.")
        .def_property("title", get_copy(&Consultation::title), set_value(&Consultation::title), "Title of the consultation.")
        .def_property("date", get_copy(&Consultation::date), set_value(&Consultation::date), "When it took place, or None.")
        .def_property("venue", get_copy(&Consultation::venue), set_value(&Consultation::venue), "Where it took place.")
        .def_property("objectives", get_copy(&Consultation::objectives), set_value(&Consultation::objectives), "Objectives (a copy).")
        .def_property("phases", get_copy(&Consultation::phases), set_value(&Consultation::phases), "Phases (a copy).")
        .def_property("events", get_copy(&Consultation::events), set_value(&Consultation::events), "Events (a copy).")
        .def_property("sources", get_copy(&Consultation::sources), set_value(&Consultation::sources), "Ids of metadata sources (a copy).");
    add_value_protocol(c,
                       {"id", "title", "date", "venue", "objectives", "phases", "events", "sources"},
                       {"id"});

    py::class_<Metadata> md(m, "Metadata",
                            "Facts about the programme and the document.\n\n"
                            "Metadata(*, title, description, funder, period, version, date, sources, "
                            "consultations, attributes). TheoryOfChange.metadata returns a copy: "
                            "assign a changed Metadata back to it.");
    md.def(py::init([](std::string title, std::string description, std::string funder,
                       std::optional<Period> period, std::string version, std::optional<Date> date,
                       std::vector<Source> sources, std::vector<Consultation> consultations,
                       py::handle attributes) {
               return Metadata{std::move(title),   std::move(description), std::move(funder),
                               period,             std::move(version),     date,
                               std::move(sources), std::move(consultations),
                               attributes_from_python(attributes)};
           }),
           py::kw_only(), py::arg("title") = "", py::arg("description") = "",
           py::arg("funder") = "", py::arg("period") = py::none(), py::arg("version") = "",
           py::arg("date") = py::none(), py::arg("sources") = std::vector<Source>{},
           py::arg("consultations") = std::vector<Consultation>{},
           py::arg("attributes") = py::none())
        .def_property("title", get_copy(&Metadata::title), set_value(&Metadata::title), "Programme title.")
        .def_property("description", get_copy(&Metadata::description), set_value(&Metadata::description), "Description of the document.")
        .def_property("funder", get_copy(&Metadata::funder), set_value(&Metadata::funder), "Who funds the programme.")
        .def_property("period", get_copy(&Metadata::period), set_value(&Metadata::period), "Programme period, or None (a copy).")
        .def_property("version", get_copy(&Metadata::version), set_value(&Metadata::version), "Version of the document.")
        .def_property("date", get_copy(&Metadata::date), set_value(&Metadata::date), "Date of this version of the document, or None.")
        .def_property("sources", get_copy(&Metadata::sources), set_value(&Metadata::sources), "Sources (a copy).")
        .def_property("consultations", get_copy(&Metadata::consultations), set_value(&Metadata::consultations), "Consultations (a copy).");
    def_attributes(md);
    add_value_protocol(md,
                       {"title", "description", "funder", "period", "version", "date", "sources",
                        "consultations", "attributes"},
                       {});
}

}  // namespace

void register_model(py::module_& m) {
    register_period(m);
    register_schema(m);
    register_reference(m);
    register_node(m);
    register_link(m);
    register_indicator(m);
    register_assumption_actor_feedback(m);
    register_metadata(m);
}

}  // namespace tocgraph::python
