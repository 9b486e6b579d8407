// Monitoring: indicator progress as of a date, its roll-up through the graph,
// explanations and disaggregated views (include/tocgraph/monitoring.hpp).
// The pure-Python module tocgraph.monitoring wraps these with keyword
// arguments, default dates and pandas conversions.
//
// The result classes are values like the model's: attributes read as copies,
// ==, copy, pickling and a repr. The computations run with the GIL released:
// arguments are converted before, results after.
#include "pybind.hpp"

#include <tocgraph/monitoring.hpp>

namespace tocgraph::python {

namespace {

using release = py::call_guard<py::gil_scoped_release>;

template <typename T, typename M>
auto get_copy(M T::*member) {
    return [member](const T& self) -> M { return self.*member; };
}
template <typename T, typename M>
auto set_value(M T::*member) {
    return [member](T& self, M value) { self.*member = std::move(value); };
}

ProgressOptions options_of(Date as_of, double at_risk_below, double off_track_below) {
    ProgressOptions options{as_of, {at_risk_below, off_track_below}};
    options.tolerances.check();  // std::invalid_argument -> ValueError, before any work
    return options;
}

const TheoryOfChange& toc_of(py::handle toc) {
    // The public tocgraph.TheoryOfChange keeps the compiled one in `_toc`.
    py::object core = py::hasattr(toc, "_toc") ? toc.attr("_toc") : py::reinterpret_borrow<py::object>(toc);
    if (!py::isinstance<TheoryOfChange>(core))
        throw py::type_error("expected a TheoryOfChange, got " + type_name(toc));
    return core.cast<const TheoryOfChange&>();
}

std::string html(const std::string& s) {
    std::string out;
    out.reserve(s.size());
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

std::string percent_or_dash(const std::optional<double>& x) { return x ? detail::percent(*x) : "–"; }

std::string number_or_dash(const std::optional<double>& x) {
    if (!x) return "–";
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.6g", *x);
    return buffer;
}

/// repr helper: name(key=value, ...) from Python reprs of the attributes.
std::string short_repr(py::handle self, const char* name, std::initializer_list<const char*> attributes) {
    std::string out = std::string(name) + "(";
    bool first = true;
    for (const char* a : attributes) {
        out += (first ? "" : ", ") + std::string(a) + "=" + std::string(py::repr(self.attr(a)));
        first = false;
    }
    return out + ")";
}

void register_results(py::module_& m) {
    py::class_<PeriodProgress> period(m, "PeriodProgress",
                                      "One period of an indicator's progress: its target, its actual and the "
                                      "position to date at its end.");
    period.def(py::init<>())
        .def_property("period", get_copy(&PeriodProgress::period), set_value(&PeriodProgress::period), "The period.")
        .def_property("target", get_copy(&PeriodProgress::target), set_value(&PeriodProgress::target),
                      "This period's target, combined across dimensions, or None.")
        .def_property("target_to_date", get_copy(&PeriodProgress::target_to_date), set_value(&PeriodProgress::target_to_date),
                      "Incremental indicators: the targets added up to here; else the target.")
        .def_property("actual", get_copy(&PeriodProgress::actual), set_value(&PeriodProgress::actual),
                      "This period's actual, once the period has ended by the as-of date, or None.")
        .def_property("actual_to_date", get_copy(&PeriodProgress::actual_to_date), set_value(&PeriodProgress::actual_to_date),
                      "The actual to date at the end of the period, or None.")
        .def_property("achievement", get_copy(&PeriodProgress::achievement), set_value(&PeriodProgress::achievement),
                      "Achievement of target_to_date by actual_to_date, or None.")
        .def_property("due", get_copy(&PeriodProgress::due), set_value(&PeriodProgress::due),
                      "True if the period ended on or before the as-of date.")
        .def_property("target_comment", get_copy(&PeriodProgress::target_comment), set_value(&PeriodProgress::target_comment), "The comment given with the target, if any.")
        .def_property("actual_comment", get_copy(&PeriodProgress::actual_comment), set_value(&PeriodProgress::actual_comment), "The comment given with the actual, if any.");
    add_value_protocol(period,
                       {"period", "target", "target_to_date", "actual", "actual_to_date", "achievement", "due",
                        "target_comment", "actual_comment"},
                       {"period"});

    py::class_<IndicatorProgress> ip(
        m, "IndicatorProgress",
        "Where one indicator (or one dimension value of it, see `filter`) stands as of a date.\n\n"
        "`achievement` is (actual - baseline) / (target - baseline), `expected` the same fraction "
        "expected by `evaluated_at`; both None when they cannot be computed (see `notes`).");
    ip.def(py::init<>())
        .def_property("indicator", get_copy(&IndicatorProgress::indicator), set_value(&IndicatorProgress::indicator), "Indicator id.")
        .def_property("node", get_copy(&IndicatorProgress::node), set_value(&IndicatorProgress::node), "Id of the node it measures.")
        .def_property("title", get_copy(&IndicatorProgress::title), set_value(&IndicatorProgress::title), "The indicator's title.")
        .def_property("unit", get_copy(&IndicatorProgress::unit), set_value(&IndicatorProgress::unit), "The indicator's unit.")
        .def_property("measure", get_copy(&IndicatorProgress::measure), set_value(&IndicatorProgress::measure), "The indicator's measure (unit, percentage, nominal, ordinal, qualitative).")
        .def_property("accumulation", get_copy(&IndicatorProgress::accumulation), set_value(&IndicatorProgress::accumulation), "How values add up over periods (incremental, cumulative, level).")
        .def_property("aggregation", get_copy(&IndicatorProgress::aggregation), set_value(&IndicatorProgress::aggregation), "How values combine across dimensions (sum, mean, ratio, latest, none).")
        .def_property("ascending", get_copy(&IndicatorProgress::ascending), set_value(&IndicatorProgress::ascending), "True if higher values are better.")
        .def_property("filter", get_copy(&IndicatorProgress::filter), set_value(&IndicatorProgress::filter),
                      "The view: {} for the whole indicator, e.g. {\"country\": \"KH\"} for one dimension value.")
        .def_property("as_of", get_copy(&IndicatorProgress::as_of), set_value(&IndicatorProgress::as_of), "The date of the assessment.")
        .def_property("baseline", get_copy(&IndicatorProgress::baseline), set_value(&IndicatorProgress::baseline),
                      "The baseline value that applies, or None.")
        .def_property("baseline_date", get_copy(&IndicatorProgress::baseline_date), set_value(&IndicatorProgress::baseline_date), "The date of the baseline that applies, or None.")
        .def_property("target", get_copy(&IndicatorProgress::target), set_value(&IndicatorProgress::target),
                      "The final target (incremental indicators: all targets added up), or None.")
        .def_property("target_date", get_copy(&IndicatorProgress::target_date), set_value(&IndicatorProgress::target_date),
                      "End of the final target's period, or None.")
        .def_property("actual", get_copy(&IndicatorProgress::actual), set_value(&IndicatorProgress::actual),
                      "The actual to date, or None.")
        .def_property("actual_date", get_copy(&IndicatorProgress::actual_date), set_value(&IndicatorProgress::actual_date),
                      "End of the latest period counted, or None.")
        .def_property("evaluated_at", get_copy(&IndicatorProgress::evaluated_at), set_value(&IndicatorProgress::evaluated_at),
                      "The latest period end on or before as_of: the date achievement is compared at.")
        .def_property("expected_value", get_copy(&IndicatorProgress::expected_value), set_value(&IndicatorProgress::expected_value),
                      "Where the target trajectory stands at evaluated_at, or None.")
        .def_property("achievement", get_copy(&IndicatorProgress::achievement), set_value(&IndicatorProgress::achievement),
                      "Fraction of the way from baseline to target (not clipped), or None.")
        .def_property("expected", get_copy(&IndicatorProgress::expected), set_value(&IndicatorProgress::expected),
                      "Fraction expected by evaluated_at, or None.")
        .def_property("status", get_copy(&IndicatorProgress::status), set_value(&IndicatorProgress::status),
                      "\"on_track\", \"at_risk\", \"off_track\", \"not_started\" or \"no_data\".")
        .def_property("comment", get_copy(&IndicatorProgress::comment), set_value(&IndicatorProgress::comment),
                      "The comment of the latest actual counted (the assessment, for qualitative indicators).")
        .def_property("unreported", get_copy(&IndicatorProgress::unreported), set_value(&IndicatorProgress::unreported),
                      "Dimension sets missing from the latest actual when it was combined from a breakdown.")
        .def_property("notes", get_copy(&IndicatorProgress::notes), set_value(&IndicatorProgress::notes),
                      "The edge cases met, in plain words.")
        .def_property("periods", get_copy(&IndicatorProgress::periods), set_value(&IndicatorProgress::periods),
                      "One PeriodProgress per target or actual period, by end date.")
        .def_property("parts", get_copy(&IndicatorProgress::parts), set_value(&IndicatorProgress::parts),
                      "Progress per dimension set, for values that cannot be combined into a total.");
    add_value_protocol(ip,
                       {"indicator", "node", "title", "unit", "measure", "accumulation", "aggregation", "ascending",
                        "filter", "as_of", "baseline", "baseline_date", "target", "target_date", "actual",
                        "actual_date", "evaluated_at", "expected_value", "achievement", "expected", "status",
                        "comment", "unreported", "notes", "periods", "parts"},
                       {"indicator"});
    ip.attr("__repr__") = py::cpp_function(
        [](py::handle self) {
            return short_repr(self, "IndicatorProgress", {"indicator", "filter", "achievement", "expected", "status"});
        },
        py::is_method(ip));
    ip.def("_repr_html_", [](const IndicatorProgress& p) {
        std::string out = "<table><caption>" + html(p.indicator) +
                          (p.filter.empty() ? "" : " (" + html(detail::dimensions_text(p.filter)) + ")") +
                          " as of " + p.as_of.to_string() + "</caption>";
        auto row = [&](const char* k, const std::string& v) { out += "<tr><th>" + std::string(k) + "</th><td>" + html(v) + "</td></tr>"; };
        row("node", p.node);
        row("title", p.title);
        row("baseline", number_or_dash(p.baseline));
        row("target", number_or_dash(p.target));
        row("actual", number_or_dash(p.actual));
        row("achievement", percent_or_dash(p.achievement));
        row("expected", percent_or_dash(p.expected));
        row("status", std::string(status_label(p.status)));
        if (!p.comment.empty()) row("comment", p.comment);
        for (const std::string& n : p.notes) row("note", n);
        return out + "</table>";
    });

    py::class_<RollupInput> input(m, "RollupInput",
                                  "One input of a node's rolled-up figure: an indicator measuring it "
                                  "(kind \"indicator\") or a contributing node (kind \"contributor\").");
    input.def(py::init<>())
        .def_property("kind", get_copy(&RollupInput::kind), set_value(&RollupInput::kind), "\"indicator\" or \"contributor\".")
        .def_property("id", get_copy(&RollupInput::id), set_value(&RollupInput::id), "Indicator id or contributing node id.")
        .def_property("title", get_copy(&RollupInput::title), set_value(&RollupInput::title), "Title of the indicator or contributing node.")
        .def_property("achievement", get_copy(&RollupInput::achievement), set_value(&RollupInput::achievement), "The input's achievement as of the date, or None without data.")
        .def_property("expected", get_copy(&RollupInput::expected), set_value(&RollupInput::expected), "The achievement expected by the date, or None.")
        .def_property("status", get_copy(&RollupInput::status), set_value(&RollupInput::status), "The input's status (on track, at risk, off track, not started, no data).")
        .def_property("weight", get_copy(&RollupInput::weight), set_value(&RollupInput::weight),
                      "1 for an indicator; the link's strength (1 if unset) for a contributor.")
        .def_property("scored", get_copy(&RollupInput::scored), set_value(&RollupInput::scored),
                      "True if the input is part of the node's figure.")
        .def_property("share", get_copy(&RollupInput::share), set_value(&RollupInput::share),
                      "Its share of the figure (0 when not scored).")
        .def_property("reason", get_copy(&RollupInput::reason), set_value(&RollupInput::reason), "Why it is not scored.");
    add_value_protocol(input,
                       {"kind", "id", "title", "achievement", "expected", "status", "weight", "scored", "share",
                        "reason"},
                       {"kind", "id"});

    py::class_<NodeProgress> node(m, "NodeProgress", "A node's rolled-up figure and the inputs it rests on.");
    node.def(py::init<>())
        .def_property("node", get_copy(&NodeProgress::node), set_value(&NodeProgress::node), "Node id.")
        .def_property("level", get_copy(&NodeProgress::level), set_value(&NodeProgress::level), "The node's level id.")
        .def_property("title", get_copy(&NodeProgress::title), set_value(&NodeProgress::title), "The node's title.")
        .def_property("achievement", get_copy(&NodeProgress::achievement), set_value(&NodeProgress::achievement), "The rolled-up achievement, or None when no input has data (never 0 or 1 by default).")
        .def_property("expected", get_copy(&NodeProgress::expected), set_value(&NodeProgress::expected), "The rolled-up achievement expected by the date, or None.")
        .def_property("status", get_copy(&NodeProgress::status), set_value(&NodeProgress::status), "The node's status, from achievement against expected.")
        .def_property("method", get_copy(&NodeProgress::method), set_value(&NodeProgress::method),
                      "The method applied at this node (\"logic\" resolved to the node's own).")
        .def_property("inputs", get_copy(&NodeProgress::inputs), set_value(&NodeProgress::inputs),
                      "Own indicators first, then contributors.")
        .def_property("decisive", get_copy(&NodeProgress::decisive), set_value(&NodeProgress::decisive),
                      "weakest / strongest: the id of the input chosen, else \"\".")
        .def_property_readonly("scored_inputs", &NodeProgress::scored_inputs, "How many inputs are part of the figure.");
    add_value_protocol(node,
                       {"node", "level", "title", "achievement", "expected", "status", "method", "inputs", "decisive"},
                       {"node"});
    node.attr("__repr__") = py::cpp_function(
        [](py::handle self) { return short_repr(self, "NodeProgress", {"node", "achievement", "expected", "status"}); },
        py::is_method(node));

    py::class_<Explanation> explanation(m, "Explanation",
                                        "Which inputs drove a node's figure: `drivers` (furthest behind "
                                        "schedule first), `unscored` (left out, with the reason) and `text`. "
                                        "str() gives the text.");
    explanation.def(py::init<>())
        .def_property("node", get_copy(&Explanation::node), set_value(&Explanation::node), "The node's figure (NodeProgress).")
        .def_property("drivers", get_copy(&Explanation::drivers), set_value(&Explanation::drivers), "The scored inputs, furthest behind schedule first.")
        .def_property("unscored", get_copy(&Explanation::unscored), set_value(&Explanation::unscored), "The inputs left out of the figure, each with its reason.")
        .def_property("text", get_copy(&Explanation::text), set_value(&Explanation::text), "The explanation in words.");
    add_value_protocol(explanation, {"node", "drivers", "unscored", "text"}, {"node"});
    explanation.def("__str__", [](const Explanation& e) { return e.text; });
    explanation.attr("__repr__") = py::cpp_function(
        [](const Explanation& e) {
            return "<Explanation of " + e.node.node + ": " + std::string(status_label(e.node.status)) + ">";
        },
        py::is_method(explanation));
    explanation.def("_repr_html_", [](const Explanation& e) {
        const NodeProgress& n = e.node;
        std::string out = "<div><p><b>" + html(n.node) + "</b> " + html(n.title) + ": " +
                          percent_or_dash(n.achievement) + " achieved, " + percent_or_dash(n.expected) +
                          " expected, <b>" + std::string(status_label(n.status)) + "</b> (" +
                          std::string(to_string(n.method)) + ")</p><table><tr><th>input</th><th>kind</th>"
                          "<th>achievement</th><th>expected</th><th>status</th><th>share</th></tr>";
        for (const RollupInput& i : e.drivers)
            out += "<tr><td>" + html(i.id) + "</td><td>" + std::string(to_string(i.kind)) + "</td><td>" +
                   percent_or_dash(i.achievement) + "</td><td>" + percent_or_dash(i.expected) + "</td><td>" +
                   std::string(status_label(i.status)) + "</td><td>" + detail::percent(i.share) + "</td></tr>";
        for (const RollupInput& i : e.unscored)
            out += "<tr><td>" + html(i.id) + "</td><td>" + std::string(to_string(i.kind)) +
                   "</td><td colspan=\"4\">left out: " + html(i.reason) + "</td></tr>";
        return out + "</table></div>";
    });

    py::class_<Rollup> rollup_cls(m, "Rollup", "Progress rolled up through a whole theory of change as of a date.");
    rollup_cls.def(py::init<>())
        .def_property(
            "as_of", [](const Rollup& r) { return r.options.progress.as_of; },
            [](Rollup& r, Date d) { r.options.progress.as_of = d; }, "The date of the assessment.")
        .def_property(
            "method", [](const Rollup& r) { return r.options.method; },
            [](Rollup& r, RollupMethod method) { r.options.method = method; }, "The roll-up method.")
        .def_property(
            "at_risk_below", [](const Rollup& r) { return r.options.progress.tolerances.at_risk_below; },
            [](Rollup& r, double x) { r.options.progress.tolerances.at_risk_below = x; }, "")
        .def_property(
            "off_track_below", [](const Rollup& r) { return r.options.progress.tolerances.off_track_below; },
            [](Rollup& r, double x) { r.options.progress.tolerances.off_track_below = x; }, "")
        .def_property("indicators", get_copy(&Rollup::indicators), set_value(&Rollup::indicators),
                      "IndicatorProgress of every indicator, in indicator order.")
        .def_property("nodes", get_copy(&Rollup::nodes), set_value(&Rollup::nodes), "NodeProgress of every node, in node order.")
        .def(
            "node",
            [](const Rollup& r, const std::string& id) -> NodeProgress {
                for (const NodeProgress& n : r.nodes)
                    if (n.node == id) return n;
                raise_key_error("no node \"" + id + "\"");
            },
            py::arg("id"), "The figure of one node; KeyError if there is none.")
        .def(
            "indicator",
            [](const Rollup& r, const std::string& id) -> IndicatorProgress {
                for (const IndicatorProgress& i : r.indicators)
                    if (i.indicator == id) return i;
                raise_key_error("no indicator \"" + id + "\"");
            },
            py::arg("id"), "The progress of one indicator; KeyError if there is none.")
        .def(
            "explain",
            [](const Rollup& r, const std::string& id) -> Explanation {
                if (std::ranges::none_of(r.nodes, [&](const NodeProgress& n) { return n.node == id; }))
                    raise_key_error("no node \"" + id + "\"");
                return explain(r, id);
            },
            py::arg("node"), "Which inputs drove a node's figure; KeyError for an unknown node.");
    add_value_protocol(rollup_cls, {"as_of", "method", "at_risk_below", "off_track_below", "indicators", "nodes"},
                       {"as_of", "method"});
    rollup_cls.attr("__repr__") = py::cpp_function(
        [](const Rollup& r) {
            return "<Rollup as of " + r.options.progress.as_of.to_string() + " (" +
                   std::string(to_string(r.options.method)) + "): " + std::to_string(r.nodes.size()) + " nodes, " +
                   std::to_string(r.indicators.size()) + " indicators>";
        },
        py::is_method(rollup_cls));

    py::class_<IndicatorBreakdown> breakdown(m, "IndicatorBreakdown",
                                             "One indicator broken down by one dimension: a row per value, and "
                                             "the values with no data.");
    breakdown.def(py::init<>())
        .def_property("indicator", get_copy(&IndicatorBreakdown::indicator), set_value(&IndicatorBreakdown::indicator), "Indicator id.")
        .def_property("node", get_copy(&IndicatorBreakdown::node), set_value(&IndicatorBreakdown::node), "Id of the node it measures.")
        .def_property("dimension", get_copy(&IndicatorBreakdown::dimension), set_value(&IndicatorBreakdown::dimension), "The dimension broken down by, e.g. \"country\".")
        .def_property("values", get_copy(&IndicatorBreakdown::values), set_value(&IndicatorBreakdown::values),
                      "The dimension values, in row order.")
        .def_property("rows", get_copy(&IndicatorBreakdown::rows), set_value(&IndicatorBreakdown::rows),
                      "IndicatorProgress per value (filter {dimension: value}).")
        .def_property("missing", get_copy(&IndicatorBreakdown::missing), set_value(&IndicatorBreakdown::missing),
                      "The values with no actual counted by the as-of date.");
    add_value_protocol(breakdown, {"indicator", "node", "dimension", "values", "rows", "missing"},
                       {"indicator", "dimension"});
    breakdown.attr("__repr__") = py::cpp_function(
        [](py::handle self) { return short_repr(self, "IndicatorBreakdown", {"indicator", "dimension", "values", "missing"}); },
        py::is_method(breakdown));
}

void register_functions(py::module_& m) {
    m.def(
        "progress",
        [](py::handle toc, Date as_of, double at_risk_below, double off_track_below) {
            const TheoryOfChange& t = toc_of(toc);
            const ProgressOptions options = options_of(as_of, at_risk_below, off_track_below);
            py::gil_scoped_release unlocked;
            return progress(t, options);
        },
        py::arg("toc"), py::arg("as_of"), py::arg("at_risk_below") = 0.9, py::arg("off_track_below") = 0.6,
        "Progress of every indicator as of a date, in indicator order.");
    m.def(
        "indicator_progress",
        [](py::handle toc, const std::string& id, Date as_of, double at_risk_below, double off_track_below,
           const Dimensions& filter) {
            const TheoryOfChange& t = toc_of(toc);
            const Indicator* indicator = t.find_indicator(id);
            if (!indicator) raise_key_error("no indicator \"" + id + "\"");
            const ProgressOptions options = options_of(as_of, at_risk_below, off_track_below);
            py::gil_scoped_release unlocked;
            return indicator_progress(*indicator, options, filter);
        },
        py::arg("toc"), py::arg("indicator"), py::arg("as_of"), py::arg("at_risk_below") = 0.9,
        py::arg("off_track_below") = 0.6, py::arg("filter") = Dimensions{},
        "Progress of one indicator, for the whole of it or the view `filter`; KeyError for an unknown id.");
    m.def(
        "rollup",
        [](py::handle toc, Date as_of, RollupMethod method, double at_risk_below, double off_track_below) {
            const TheoryOfChange& t = toc_of(toc);
            const RollupOptions options{options_of(as_of, at_risk_below, off_track_below), method};
            py::gil_scoped_release unlocked;
            return rollup(t, options);
        },
        py::arg("toc"), py::arg("as_of"), py::arg("method") = RollupMethod::mean, py::arg("at_risk_below") = 0.9,
        py::arg("off_track_below") = 0.6,
        "Progress rolled up through the graph; ModelError (CycleError) if the links form a cycle.");
    m.def(
        "explain",
        [](py::handle toc, const std::string& node, Date as_of, RollupMethod method, double at_risk_below,
           double off_track_below) {
            const TheoryOfChange& t = toc_of(toc);
            if (!t.contains(node)) raise_key_error("no node \"" + node + "\"");
            const RollupOptions options{options_of(as_of, at_risk_below, off_track_below), method};
            py::gil_scoped_release unlocked;
            return explain(t, node, options);
        },
        py::arg("toc"), py::arg("node"), py::arg("as_of"), py::arg("method") = RollupMethod::mean,
        py::arg("at_risk_below") = 0.9, py::arg("off_track_below") = 0.6,
        "Which inputs drove a node's rolled-up figure; KeyError for an unknown node.");
    m.def(
        "progress_by",
        [](py::handle toc, const std::string& dimension, Date as_of, double at_risk_below, double off_track_below,
           std::optional<std::string> indicator, std::optional<std::vector<std::string>> values) {
            const TheoryOfChange& t = toc_of(toc);
            if (indicator && !t.has_indicator(*indicator)) raise_key_error("no indicator \"" + *indicator + "\"");
            const ProgressOptions options = options_of(as_of, at_risk_below, off_track_below);
            py::gil_scoped_release unlocked;
            if (indicator) return std::vector<IndicatorBreakdown>{progress_by(t, *indicator, dimension, options, values)};
            return progress_by(t, dimension, options, values);
        },
        py::arg("toc"), py::arg("dimension"), py::arg("as_of"), py::arg("at_risk_below") = 0.9,
        py::arg("off_track_below") = 0.6, py::arg("indicator") = py::none(), py::arg("values") = py::none(),
        "Indicators broken down by one dimension: every indicator that uses it, or one.");
    m.def("dimension_values", [](const Indicator& indicator, const std::string& dimension) {
        return dimension_values(indicator, dimension);
    }, py::arg("indicator"), py::arg("dimension"), "The values a dimension takes in an indicator, sorted.");
    m.def(
        "status_for",
        [](double achievement, double expected, double at_risk_below, double off_track_below) {
            const Tolerances tolerances{at_risk_below, off_track_below};
            tolerances.check();
            return status_for(achievement, expected, tolerances);
        },
        py::arg("achievement"), py::arg("expected"), py::arg("at_risk_below") = 0.9, py::arg("off_track_below") = 0.6,
        "The status of an achievement against an expected progress.");
}

}  // namespace

void register_monitoring(py::module_& m) {
    register_results(m);
    register_functions(m);
}

}  // namespace tocgraph::python
