// tocgraph._core.monitoring: indicator progress as of a date, its roll-up
// through the graph, explanations and breakdowns (include/tocgraph/monitoring/).
//
// The options (Tolerances, ProgressOptions, RollupOptions) are bound with
// their C++ defaults, so the tolerances 0.9 and 0.6 are written once, in
// monitoring/status.hpp. The results are read-only values whose fields
// monitoring/described.hpp lists, as their JSON does; tocgraph.monitoring adds
// their pandas and HTML views.
#include "bind/bind.hpp"

#include <tocgraph/monitoring.hpp>
#include <tocgraph/monitoring/described.hpp>

namespace tocgraph::python {

namespace {

/// The progress of every indicator with the options it was computed with.
struct ProgressTable {
    ProgressOptions options;
    std::vector<IndicatorProgress> rows;
};

/// Indicators broken down by one dimension.
struct Breakdown {
    std::string dimension;
    Date as_of;
    std::vector<IndicatorBreakdown> items;
};

void require_node(const Rollup& r, const std::string& id) {
    if (std::ranges::none_of(r.nodes, [&](const NodeProgress& n) { return n.node == id; }))
        raise_key_error("no node \"" + id + "\"");
}

std::string plural(std::size_t n, const char* word) { return std::to_string(n) + " " + word + (n == 1 ? "" : "s"); }

void register_options(py::module_& m) {
    Struct<Tolerances>(m, "Tolerances",
                       "The thresholds between on track, at risk and off track, as fractions of the progress "
                       "expected by the date evaluated.")
        .described_fields()
        .finish()
        .def("check", &Tolerances::check, "ValueError unless 0 <= off_track_below <= at_risk_below, both finite.");
    Struct<ProgressOptions>(m, "ProgressOptions", "The date of an assessment and its tolerances.")
        .field("as_of", &ProgressOptions::as_of, "The date of the assessment.")
        .flatten(&ProgressOptions::tolerances)
        .finish();
    Struct<RollupOptions>(m, "RollupOptions", "How progress is rolled up through the graph.")
        .flatten(&RollupOptions::progress)
        .field("method", &RollupOptions::method,
               "\"mean\", \"weighted\" (by link strength), \"weakest\", \"strongest\" or \"logic\" (each node by "
               "its own logic).")
        .finish();
}

void register_indicator_results(py::module_& m) {
    Struct<PeriodProgress>(m, "PeriodProgress",
                           "One period of an indicator's progress: its target, its actual and the position to date "
                           "at its end.",
                           Access::read_only)
        .described_fields()
        .always_shown({"period"})
        .finish();

    Struct<IndicatorProgress>(
        m, "IndicatorProgress",
        "Where one indicator (or one dimension value of it, see `filter`) stands as of a date.\n\n"
        "`achievement` is (actual - baseline) / (target - baseline), `expected` the same fraction expected by "
        "`evaluated_at`; both None when they cannot be computed (see `notes`).",
        Access::read_only)
        .described_fields()
        .repr([](const IndicatorProgress& p) {  // the fields a reader looks at first
            return "IndicatorProgress(indicator=" + repr_of(p.indicator) + ", filter=" + repr_of(p.filter) +
                   ", achievement=" + repr_of(p.achievement) + ", expected=" + repr_of(p.expected) + ", status='" +
                   std::string(to_string(p.status)) + "')";
        })
        .finish();

    Struct<ProgressTable>(m, "ProgressTable",
                          "The progress of every indicator as of a date: a sequence of IndicatorProgress.",
                          Access::read_only)
        .flatten(&ProgressTable::options)
        .field("rows", &ProgressTable::rows, "The IndicatorProgress of every indicator, in indicator order.")
        .repr([](const ProgressTable& t) {
            std::string counts;
            for (const auto& [s, name] : enum_names<ProgressStatus>::table) {
                const auto n = std::ranges::count(t.rows, s, &IndicatorProgress::status);
                if (n) counts += (counts.empty() ? "" : ", ") + std::to_string(n) + " " + std::string(status_label(s));
            }
            return "<ProgressTable as of " + t.options.as_of.to_string() + ": " + plural(t.rows.size(), "indicator") +
                   " (" + counts + ")>";
        })
        .finish()
        .def(
            "indicator",
            [](const ProgressTable& t, const std::string& id) {
                for (const IndicatorProgress& p : t.rows)
                    if (p.indicator == id) return p;
                raise_key_error("no indicator \"" + id + "\"");
            },
            py::arg("id"), "The row of one indicator; KeyError if there is none.")
        .def(
            "counts",
            [](const ProgressTable& t) {
                py::dict out;
                for (const auto& [s, name] : enum_names<ProgressStatus>::table)
                    out[py::str(name.data(), name.size())] = std::ranges::count(t.rows, s, &IndicatorProgress::status);
                return out;
            },
            "How many indicators have each status.");
    def_sequence(py::type::of<ProgressTable>(), &ProgressTable::rows);
}

void register_rollup_results(py::module_& m) {
    Struct<RollupInput>(m, "RollupInput",
                        "One input of a node's rolled-up figure: an indicator measuring it (kind \"indicator\") or "
                        "a contributing node (kind \"contributor\").",
                        Access::read_only)
        .described_fields()
        .always_shown({"kind", "id"})
        .finish();

    Struct<NodeProgress>(m, "NodeProgress", "A node's rolled-up figure and the inputs it rests on.", Access::read_only)
        .described_fields()
        .repr([](const NodeProgress& n) {
            return "NodeProgress(node=" + repr_of(n.node) + ", achievement=" + repr_of(n.achievement) + ", status='" +
                   std::string(to_string(n.status)) + "')";
        })
        .finish()
        .def_property_readonly("scored_inputs", &NodeProgress::scored_inputs, "How many inputs are part of the figure.");

    Struct<Explanation>(m, "Explanation",
                        "Which inputs drove a node's figure: `drivers` (furthest behind schedule first), `unscored` "
                        "(left out, with the reason) and `text`. str() gives the text.",
                        Access::read_only)
        .described_fields()
        .repr([](const Explanation& e) {
            return "<Explanation of " + e.node.node + ": " + std::string(status_label(e.node.status)) + ">";
        })
        .finish()
        .def("__str__", [](const Explanation& e) { return e.text; });

    Struct<Rollup>(m, "Rollup", "Progress rolled up through a whole theory of change as of a date.", Access::read_only)
        .flatten(&Rollup::options)
        .field({"indicators", "The progress of every indicator (a ProgressTable).",
                [](const Rollup& r) { return py::cast(ProgressTable{r.options.progress, r.indicators}); },
                [](Rollup& r, py::handle v) { r.indicators = v.cast<const ProgressTable&>().rows; }})
        .field("nodes", &Rollup::nodes, "NodeProgress of every node, in node order.")
        .repr([](const Rollup& r) {
            return "<Rollup as of " + r.options.progress.as_of.to_string() + " (" +
                   std::string(to_string(r.options.method)) + "): " + plural(r.nodes.size(), "node") + ">";
        })
        .finish()
        .def(
            "node",
            [](const Rollup& r, const std::string& id) {
                require_node(r, id);
                return r.node(id);
            },
            py::arg("id"), "The figure of one node; KeyError if there is none.")
        .def(
            "explain",
            [](const Rollup& r, const std::string& id) {
                require_node(r, id);
                return explain(r, id);
            },
            py::arg("node"), "Which inputs drove a node's figure; KeyError for an unknown node.");
}

void register_breakdown(py::module_& m) {
    Struct<IndicatorBreakdown>(m, "IndicatorBreakdown",
                               "One indicator broken down by one dimension: a row per value, and the values with "
                               "no data.",
                               Access::read_only)
        .described_fields()
        .repr([](const IndicatorBreakdown& b) {
            return "<IndicatorBreakdown " + b.indicator + " by " + b.dimension + ": " +
                   plural(b.values.size(), "value") + ">";
        })
        .finish();

    Struct<Breakdown>(m, "Breakdown", "Indicators broken down by one dimension: a sequence of IndicatorBreakdown.",
                      Access::read_only)
        .field("dimension", &Breakdown::dimension, "The dimension broken down by, e.g. \"country\".")
        .field("as_of", &Breakdown::as_of, "The date of the assessment.")
        .field("items", &Breakdown::items, "One IndicatorBreakdown per indicator.")
        .repr([](const Breakdown& b) {
            return "<Breakdown by " + std::string(py::repr(py::str(b.dimension))) + " as of " + b.as_of.to_string() +
                   ": " + std::to_string(b.items.size()) + " indicators>";
        })
        .finish()
        .def_property_readonly(
            "missing",
            [](const Breakdown& b) {
                py::dict out;
                for (const IndicatorBreakdown& i : b.items) out[py::str(i.indicator)] = i.missing;
                return out;
            },
            "For each indicator, the dimension values with no actual by the as-of date.");
    def_sequence(py::type::of<Breakdown>(), &Breakdown::items);
}

const ProgressOptions& checked(const ProgressOptions& options) {
    options.tolerances.check();  // std::invalid_argument -> ValueError, before any work
    return options;
}

void register_functions(py::module_& m) {
    m.def(
        "progress",
        [](const SharedToc& toc, const ProgressOptions& options) {
            return ProgressTable{options, read(toc, [&](const TheoryOfChange& t) { return progress(t, checked(options)); })};
        },
        py::arg("toc"), py::arg("options"), "Progress of every indicator as of a date, in indicator order.");
    m.def(
        "indicator_progress",
        [](const SharedToc& toc, const std::string& id, const ProgressOptions& options, const Dimensions& filter) {
            return read(toc, [&](const TheoryOfChange& t) {
                const Indicator* indicator = t.find_indicator(id);
                if (!indicator) raise_key_error("no indicator \"" + id + "\"");
                return indicator_progress(*indicator, checked(options), filter);
            });
        },
        py::arg("toc"), py::arg("indicator"), py::arg("options"), py::arg("filter"),
        "Progress of one indicator, for the whole of it or the view `filter`; KeyError for an unknown id.");
    m.def(
        "rollup",
        [](const SharedToc& toc, const RollupOptions& options) {
            checked(options.progress);
            return read(toc, [&](const TheoryOfChange& t) { return rollup(t, options); });
        },
        py::arg("toc"), py::arg("options"), "Progress rolled up through the graph; CycleError on a cycle.");
    m.def(
        "explain",
        [](const SharedToc& toc, const std::string& node, const RollupOptions& options) {
            checked(options.progress);
            return read(toc, [&](const TheoryOfChange& t) {
                if (!t.contains(node)) raise_key_error("no node \"" + node + "\"");
                return explain(t, node, options);
            });
        },
        py::arg("toc"), py::arg("node"), py::arg("options"), "Which inputs drove a node's rolled-up figure.");
    m.def(
        "progress_by",
        [](const SharedToc& toc, const std::string& dimension, const ProgressOptions& options,
           std::optional<std::string> indicator, std::optional<std::vector<std::string>> values) {
            checked(options);
            return Breakdown{dimension, options.as_of, read(toc, [&](const TheoryOfChange& t) {
                                 if (!indicator) return progress_by(t, dimension, options, values);
                                 if (!t.has_indicator(*indicator)) raise_key_error("no indicator \"" + *indicator + "\"");
                                 return std::vector<IndicatorBreakdown>{progress_by(t, *indicator, dimension, options, values)};
                             })};
        },
        py::arg("toc"), py::arg("dimension"), py::arg("options"), py::arg("indicator"), py::arg("values"),
        "Indicators broken down by one dimension: every indicator that uses it, or one.");
    m.def(
        "dimension_values",
        [](const Indicator& indicator, const std::string& dimension) { return dimension_values(indicator, dimension); },
        py::arg("indicator"), py::arg("dimension"), "The values a dimension takes in an indicator, sorted.");
    m.def(
        "status_for",
        [](double achievement, double expected, const Tolerances& tolerances) {
            tolerances.check();
            return status_for(achievement, expected, tolerances);
        },
        py::arg("achievement"), py::arg("expected"), py::arg("tolerances"),
        "The status of an achievement against an expected progress.");
}

}  // namespace

void register_monitoring(py::module_& m) {
    register_options(m);
    register_indicator_results(m);
    register_rollup_results(m);
    register_breakdown(m);
    register_functions(m);
}

}  // namespace tocgraph::python
