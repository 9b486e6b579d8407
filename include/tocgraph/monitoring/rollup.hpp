#pragma once
// Roll-up of progress through the graph: each node's figure combines its own
// indicators and the figures of its contributors (the sources of the links
// into it), by a stated method. Nodes are visited once, causes before
// effects (a topological order), so the whole graph costs time linear in
// nodes + links + indicators; a cycle raises CycleError.
//
// Achievement and expected progress are combined side by side, so a node's
// status compares like with like:
//   mean       the plain mean of the inputs' achievements, and of their expected
//   weighted   weighted means: an own indicator weighs 1, a contributor the
//              strength of its link (1 when the link has none)
//   weakest    the input furthest behind its schedule (worst status, then the
//              lowest achievement / expected, then the lowest achievement)
//   strongest  the input furthest ahead, by the same order
//   logic      each node by its own `logic`: all -> weakest, any -> strongest,
//              weighted -> weighted
// Inputs without a figure (no data, not started, qualitative, values by
// dimension only) are left out, never counted as 0 or 1; a node with no
// input that has a figure has none either ("no data", or "not started" when
// every input is not started).

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../enums.hpp"
#include "../analysis/order.hpp"
#include "../theory_of_change.hpp"
#include "indicator_progress.hpp"
#include "options.hpp"
#include "status.hpp"
#include "text.hpp"

namespace tocgraph {

/// How a node combines its inputs.
enum class RollupMethod { mean, weighted, weakest, strongest, logic };

TOCGRAPH_ENUM_NAMES(RollupMethod, {RollupMethod::mean, "mean"},
                    {RollupMethod::weighted, "weighted"},
                    {RollupMethod::weakest, "weakest"},
                    {RollupMethod::strongest, "strongest"},
                    {RollupMethod::logic, "logic"})

/// What an input of a node is.
enum class InputKind { indicator, contributor };

TOCGRAPH_ENUM_NAMES(InputKind, {InputKind::indicator, "indicator"}, {InputKind::contributor, "contributor"})

struct RollupOptions {
    ProgressOptions progress;
    RollupMethod method = RollupMethod::mean;
    friend bool operator==(const RollupOptions&, const RollupOptions&) = default;
};

/// One input of a node's figure: an indicator measuring it, or a contributor.
struct RollupInput {
    InputKind kind = InputKind::indicator;
    std::string id;  ///< indicator id, or the contributing node's id
    std::string title;
    std::optional<double> achievement;
    std::optional<double> expected;
    ProgressStatus status = ProgressStatus::no_data;
    double weight = 1.0;  ///< 1 for an indicator; the link's strength (1 if unset) for a contributor
    bool scored = false;  ///< part of the node's figure
    double share = 0.0;   ///< its share of the figure (0 when not scored; 1 for the input chosen by weakest/strongest)
    std::string reason;   ///< why it is not scored
    friend bool operator==(const RollupInput&, const RollupInput&) = default;
};

/// A node's rolled-up figure.
struct NodeProgress {
    std::string node;
    std::string level;
    std::string title;
    std::optional<double> achievement;
    std::optional<double> expected;
    ProgressStatus status = ProgressStatus::no_data;
    RollupMethod method = RollupMethod::mean;  ///< applied at this node (never `logic`)
    std::vector<RollupInput> inputs;           ///< own indicators first, then contributors
    std::string decisive;                      ///< weakest / strongest: the input chosen
    std::size_t scored_inputs() const {
        return static_cast<std::size_t>(std::ranges::count_if(inputs, [](const RollupInput& i) { return i.scored; }));
    }
    friend bool operator==(const NodeProgress&, const NodeProgress&) = default;
};

/// Which inputs drove a node's figure, structured and as text.
struct Explanation {
    NodeProgress node;
    std::vector<RollupInput> drivers;   ///< scored inputs, furthest behind schedule first
    std::vector<RollupInput> unscored;  ///< inputs left out, with the reason
    std::string text;
    friend bool operator==(const Explanation&, const Explanation&) = default;
};

/// Roll-up of a whole theory of change as of a date.
struct Rollup {
    RollupOptions options;
    std::vector<IndicatorProgress> indicators;  ///< in indicator order
    std::vector<NodeProgress> nodes;            ///< in node order

    /// The node's figure; throws ModelError for an unknown id. A linear
    /// search: iterate `nodes` to visit them all.
    const NodeProgress& node(std::string_view id) const {
        auto it = std::ranges::find(nodes, id, &NodeProgress::node);
        if (it == nodes.end()) throw ModelError(std::string(id), "no node \"" + std::string(id) + "\"");
        return *it;
    }
    /// An indicator's progress; throws ModelError for an unknown id.
    const IndicatorProgress& indicator(std::string_view id) const {
        auto it = std::ranges::find(indicators, id, &IndicatorProgress::indicator);
        if (it == indicators.end()) throw ModelError(std::string(id), "no indicator \"" + std::string(id) + "\"");
        return *it;
    }
    friend bool operator==(const Rollup&, const Rollup&) = default;
};

namespace detail {

/// How far behind schedule an input is, for weakest / strongest: status
/// first (off track < at risk < on track), then achievement / expected, then
/// achievement.
inline std::array<double, 3> schedule_key(const RollupInput& i) {
    const double status_rank = i.status == ProgressStatus::off_track ? 0 : i.status == ProgressStatus::at_risk ? 1 : 2;
    const double a = *i.achievement, e = *i.expected;
    const double pace = e > 0.0 ? a / e : (a >= 0.0 ? std::numeric_limits<double>::infinity() : -std::numeric_limits<double>::infinity());
    return {status_rank, pace, a};
}

inline RollupMethod method_at(RollupMethod method, Logic logic) {
    if (method != RollupMethod::logic) return method;
    switch (logic) {
        case Logic::all: return RollupMethod::weakest;
        case Logic::any: return RollupMethod::strongest;
        case Logic::weighted: return RollupMethod::weighted;
    }
    return RollupMethod::mean;
}

/// Combines the scored inputs of a node into its figure.
inline void combine(NodeProgress& np, const Tolerances& tolerances) {
    std::vector<RollupInput*> scored;
    for (RollupInput& i : np.inputs)
        if (i.scored) scored.push_back(&i);
    if (scored.empty()) {
        // A node whose inputs all say the same (nothing due yet; data but no
        // target) says so too; any other mix has no figure: no data.
        auto all_are = [&](ProgressStatus s) {
            return !np.inputs.empty() &&
                   std::ranges::all_of(np.inputs, [s](const RollupInput& i) { return i.status == s; });
        };
        np.status = all_are(ProgressStatus::not_started) ? ProgressStatus::not_started
                    : all_are(ProgressStatus::no_target) ? ProgressStatus::no_target
                                                         : ProgressStatus::no_data;
        return;
    }
    if (np.method == RollupMethod::weakest || np.method == RollupMethod::strongest) {
        auto less = [](const RollupInput* x, const RollupInput* y) { return schedule_key(*x) < schedule_key(*y); };
        RollupInput* chosen = np.method == RollupMethod::weakest ? *std::ranges::min_element(scored, less)
                                                                  : *std::ranges::max_element(scored, less);
        chosen->share = 1.0;
        np.decisive = chosen->id;
        np.achievement = chosen->achievement;
        np.expected = chosen->expected;
    } else {
        double total_weight = 0.0, a = 0.0, e = 0.0;
        for (RollupInput* i : scored) {
            const double w = np.method == RollupMethod::weighted ? i->weight : 1.0;
            total_weight += w;
            a += w * *i->achievement;
            e += w * *i->expected;
        }
        for (RollupInput* i : scored) i->share = (np.method == RollupMethod::weighted ? i->weight : 1.0) / total_weight;
        np.achievement = a / total_weight;
        np.expected = e / total_weight;
    }
    np.status = status_for(*np.achievement, *np.expected, tolerances);
}

/// An input with the figures and status of an indicator's or a
/// contributor's progress, scored when it has both figures.
template <typename Progress>
RollupInput rollup_input(InputKind kind, const std::string& id, const Progress& progress) {
    RollupInput input;
    input.kind = kind;
    input.id = id;
    input.title = progress.title;
    input.achievement = progress.achievement;
    input.expected = progress.expected;
    input.status = progress.status;
    input.scored = progress.achievement && progress.expected;
    return input;
}

}  // namespace detail

/// Rolls progress up through the graph as of options.progress.as_of.
/// Throws CycleError if the links form a cycle, std::invalid_argument for
/// tolerances out of order.
inline Rollup rollup(const TheoryOfChange& toc, const RollupOptions& options) {
    options.progress.tolerances.check();
    Rollup out;
    out.options = options;
    const auto& order = topological_vertex_order(toc);  // throws CycleError
    out.indicators = progress(toc, options.progress);
    const auto& g = toc.graph();
    const std::size_t n = toc.node_count();

    std::vector<std::vector<std::size_t>> indicators_of(n);
    for (std::size_t i = 0; i < out.indicators.size(); ++i)
        indicators_of[toc.vertex_of(out.indicators[i].node)].push_back(i);

    out.nodes.resize(n);
    for (std::size_t v : order) {
        const Node& node = g[v];
        NodeProgress& np = out.nodes[v];
        np.node = node.id;
        np.level = node.level;
        np.title = node.title;
        np.method = detail::method_at(options.method, node.logic);
        for (std::size_t i : indicators_of[v]) {
            const IndicatorProgress& ip = out.indicators[i];
            RollupInput input = detail::rollup_input(InputKind::indicator, ip.indicator, ip);
            if (!input.scored)
                input.reason = ip.measure == Measure::qualitative ? "qualitative: not scored"
                               : !ip.parts.empty() && !ip.actual ? "values by dimension only: no total"
                                                                 : std::string(status_label(ip.status));
            np.inputs.push_back(std::move(input));
        }
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
            const std::size_t u = boost::source(*it, g);
            const NodeProgress& from = out.nodes[u];
            RollupInput input = detail::rollup_input(InputKind::contributor, from.node, from);
            input.weight = g[*it].strength.value_or(1.0);
            if (!input.scored) input.reason = std::string(status_label(from.status));
            if (input.scored && np.method == RollupMethod::weighted && input.weight <= 0.0) {
                input.scored = false;
                input.reason = "link strength 0";
            }
            np.inputs.push_back(std::move(input));
        }
        detail::combine(np, options.progress.tolerances);
    }
    return out;
}

/// Which inputs drove a node's figure in a roll-up; throws ModelError for an
/// unknown node.
inline Explanation explain(const Rollup& rollup, std::string_view node_id) {
    Explanation out;
    out.node = rollup.node(node_id);
    const NodeProgress& np = out.node;
    for (const RollupInput& i : np.inputs) (i.scored ? out.drivers : out.unscored).push_back(i);
    std::ranges::stable_sort(out.drivers, [](const RollupInput& x, const RollupInput& y) {
        return detail::schedule_key(x) < detail::schedule_key(y);
    });

    std::string text = np.node + (np.title.empty() ? "" : " \"" + np.title + "\"") + " (" + np.level + ") as of " +
                       rollup.options.progress.as_of.to_string() + ": ";
    if (!np.achievement) {
        text += std::string(status_label(np.status));
        text += np.inputs.empty() ? ": no indicators and no contributors.\n"
                                  : ": none of its " + std::to_string(np.inputs.size()) + " inputs has a figure.\n";
    } else {
        text += percent_text(*np.achievement) + " achieved against " + percent_text(*np.expected) + " expected, " +
                std::string(status_label(np.status)) + " (" + std::string(to_string(np.method)) + " of " +
                std::to_string(out.drivers.size()) + " of " + std::to_string(np.inputs.size()) + " inputs).\n";
    }
    for (const RollupInput& i : out.drivers) {
        text += "  " + std::string(to_string(i.kind)) + " " + i.id + ": " + percent_text(*i.achievement) + " against " +
                percent_text(*i.expected) + " expected, " + std::string(status_label(i.status));
        if (np.method == RollupMethod::weakest || np.method == RollupMethod::strongest)
            text += i.id == np.decisive ? " (decisive)" : "";
        else
            text += ", share " + percent_text(i.share);
        text += "\n";
    }
    for (const RollupInput& i : out.unscored)
        text += "  " + std::string(to_string(i.kind)) + " " + i.id + ": left out (" + i.reason + ")\n";
    if (out.drivers.size() > 1 && np.method != RollupMethod::weakest && np.method != RollupMethod::strongest) {
        const RollupInput& behind = out.drivers.front();
        const RollupInput& ahead = out.drivers.back();
        text += "Held back most by " + behind.id + " (" + std::string(status_label(behind.status)) +
                "); furthest ahead: " + ahead.id + " (" + std::string(status_label(ahead.status)) + ").\n";
    } else if (!np.decisive.empty()) {
        text += "The figure is that of " + np.decisive + ", the input furthest " +
                (np.method == RollupMethod::weakest ? "behind" : "ahead of") + " its schedule.\n";
    }
    out.text = std::move(text);
    return out;
}

/// Rolls up and explains one node in one call.
inline Explanation explain(const TheoryOfChange& toc, std::string_view node_id, const RollupOptions& options) {
    toc.vertex_of(node_id);  // throws ModelError before the work
    return explain(rollup(toc, options), node_id);
}

}  // namespace tocgraph
