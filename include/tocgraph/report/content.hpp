#pragma once
// What a report says, gathered once for every output format: the roll-up as
// of a date (monitoring.hpp), the linter's findings (lint.hpp), the
// pathways with their members, the assumptions with the links resting on
// them, and the consultation record (versions/consultation_record.hpp):
// feedback by phase, with the items whose subject is no longer in the model.

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/graph/traversal.hpp"
#include "../enums.hpp"
#include "../lint/linter.hpp"
#include "../monitoring.hpp"
#include "../probability.hpp"
#include "../render/layout.hpp"
#include "../render/statuses.hpp"
#include "../theory_of_change.hpp"
#include "../versions/consultation_record.hpp"

namespace tocgraph {

enum class ReportFormat { html, markdown };

TOCGRAPH_ENUM_NAMES(ReportFormat, {ReportFormat::html, "html"}, {ReportFormat::markdown, "markdown"})

struct ReportOptions {
    Date as_of;                                 ///< the date progress is assessed at
    RollupMethod method = RollupMethod::mean;   ///< how progress rolls up the graph
    Tolerances tolerances;                      ///< between on track, at risk and off track
    std::optional<std::string> title;           ///< nullopt: the programme title from the metadata
    LayoutOptions layout;                       ///< the diagram's layout (font size, widths...)
    LintOptions lint;                           ///< which validation findings to list
};

/// One pathway and what feeds it, as indices into Rollup::nodes (node order).
struct PathwayProgress {
    std::size_t pathway = 0;
    std::vector<std::size_t> members;  ///< the results and activities feeding it, top level first
};

/// The chance of success (probability.hpp): the goal's and the pathways'
/// probability before and given the evidence as of the date, the
/// assumptions the goal is most sensitive to, the links the evidence puts
/// in doubt.
struct ReportChances {
    Observations observed;           ///< what monitoring says as of the date (observations_as_of)
    std::vector<std::string> ids;    ///< the goal, then the pathways
    std::vector<double> before, after;
    std::vector<Importance> assumptions;  ///< the 5 largest swings (above 0) of the goal, given the evidence
    std::vector<LinkDoubt> doubt;         ///< links whose chance fell by more than 0.01, largest fall first
    std::size_t defaulted = 0;            ///< numbers the model assumed (ProbabilityModel::defaulted)
};

struct ReportContent {
    std::string title;
    ReportOptions options;
    std::optional<Rollup> rollup;       ///< absent when it cannot be computed (a cycle)
    std::string rollup_problem;         ///< why it is absent
    std::vector<IndicatorProgress> indicators;  ///< always computed (needs no graph order)
    std::vector<Finding> findings;
    std::vector<PathwayProgress> pathways;
    std::optional<std::size_t> goal;    ///< index in Rollup::nodes of the first goal-role node
    ConsultationSummary consultation;   ///< the feedback by phase (versions/consultation_record.hpp)
    std::map<std::string, std::vector<const Link*>> links_of_assumption;
    std::optional<ReportChances> chances;  ///< absent when it cannot be computed
    std::string chances_problem;           ///< why it is absent
};

namespace detail {

/// "2", "3.5", "4.03", "0.125": a value as a reader wants it, with two
/// decimals at most (three significant digits below 0.1).
inline std::string report_number(double x) {
    if (!std::isfinite(x)) return std::isnan(x) ? "n/a" : (x > 0 ? "\xE2\x88\x9E" : "-\xE2\x88\x9E");
    char buffer[64];
    if (x != 0 && std::abs(x) < 0.1) {
        std::snprintf(buffer, sizeof buffer, "%.3g", x);
        return buffer;
    }
    std::snprintf(buffer, sizeof buffer, "%.2f", x);
    std::string s = buffer;
    s.erase(s.find_last_not_of('0') + 1);
    if (!s.empty() && s.back() == '.') s.pop_back();
    if (s == "-0") s = "0";
    return s;
}

/// A phase's feedback grouped by status, statuses in their file order, each
/// group with its heading ("Open", "Addressed"); statuses without items are
/// left out. Both report formats list the feedback this way.
struct FeedbackGroup {
    std::string heading;
    std::vector<const FeedbackEntry*> entries;
};
inline std::vector<FeedbackGroup> feedback_by_status(const PhaseSummary& phase) {
    std::vector<FeedbackGroup> groups;
    for (const auto& [status, status_name] : enum_names<FeedbackStatus>::table) {
        FeedbackGroup g{std::string(status_name), {}};
        g.heading[0] = static_cast<char>(g.heading[0] - 'a' + 'A');
        for (const FeedbackEntry& e : phase.entries)
            if (e.feedback.status == status) g.entries.push_back(&e);
        if (!g.entries.empty()) groups.push_back(std::move(g));
    }
    return groups;
}

/// "63%" for 0.63; "-" when absent.
inline std::string report_percent(const std::optional<double>& fraction) {
    if (!fraction || !std::isfinite(*fraction)) return "\xE2\x80\x93";
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", *fraction * 100);
    return std::string(buffer) == "-0%" ? "0%" : buffer;
}

}  // namespace detail

namespace detail {

inline ReportChances report_chances(const TheoryOfChange& toc, const ProgressOptions& progress_options, std::size_t goal) {
    ReportChances r;
    const ProbabilityModel model = build_model(toc);
    r.defaulted = model.defaulted.size();
    r.observed = observations_as_of(toc, progress_options);
    r.ids.push_back(toc.id_of(goal));
    for (std::size_t p : vertices_with_role(toc, LevelRole::pathway)) r.ids.push_back(toc.id_of(p));
    const Marginals before = exact_probabilities(model);
    Marginals after = before;
    try {
        after = exact_probabilities(model, r.observed);
    } catch (const ImpossibleObservations&) {
        // The evidence contradicts the model (a result achieved without any
        // way to it): report the model alone, with no evidence.
        r.observed.clear();
    }
    for (const std::string& id : r.ids) {
        r.before.push_back(before.of(id));
        r.after.push_back(after.of(id));
    }
    for (const Importance& i : sensitivity(model, r.ids.front(), r.observed, false))
        if (i.kind == "assumption" && i.swing() > 1e-9 && r.assumptions.size() < 5) r.assumptions.push_back(i);
    if (!r.observed.empty())
        for (const LinkDoubt& d : links_in_doubt(model, r.observed))
            if (d.change() < -0.01) r.doubt.push_back(d);
    return r;
}

/// The paragraph that introduces the chance of success, in both formats.
inline std::string chances_text(const ReportContent& c) {
    const ReportChances& r = *c.chances;
    std::size_t achieved = 0;
    for (const auto& [id, value] : r.observed) achieved += value;
    return "The probability that each result is achieved, from the link strengths, the assumptions' likelihoods and "
           "the activities' status (docs/probability.md), before the evidence and given what the indicators say as of " +
           c.options.as_of.to_string() + ": " + std::to_string(achieved) + " result" + (achieved == 1 ? "" : "s") +
           " achieved, " + std::to_string(r.observed.size() - achieved) + " off track. " + std::to_string(r.defaulted) +
           " number" + (r.defaulted == 1 ? " was" : "s were") + " not in the file and took the model's default.";
}

}  // namespace detail

/// Gathers everything a report shows. Throws std::invalid_argument for bad
/// tolerances and ModelError for lint options naming an unknown rule; a
/// cycle in the links does not throw (the report says so instead).
inline ReportContent report_content(const TheoryOfChange& toc, const ReportOptions& options) {
    options.tolerances.check();
    ReportContent c;
    c.options = options;
    c.title = options.title ? *options.title : toc.metadata().title;
    if (c.title.empty()) c.title = "Theory of change";
    const ProgressOptions progress_options{options.as_of, options.tolerances};
    c.indicators = progress(toc, progress_options);
    try {
        c.rollup = rollup(toc, RollupOptions{progress_options, options.method});
    } catch (const ModelError& e) {  // CycleError: no order to roll up in
        c.rollup_problem = e.what();
    }
    c.findings = lint(toc, options.lint);

    if (c.rollup) {
        const auto& g = toc.graph();
        for (std::size_t v : detail::vertices_with_role(toc, LevelRole::goal)) {
            c.goal = v;
            break;
        }
        for (std::size_t p : detail::vertices_with_role(toc, LevelRole::pathway)) {
            PathwayProgress pp;
            pp.pathway = p;
            const auto below = detail::reachable(g, {p}, detail::Direction::down);
            std::vector<std::size_t> members;
            for (std::size_t v = 0; v < below.size(); ++v)
                if (below[v] && v != p) members.push_back(v);
            std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
                return *toc.schema().rank(g[a].level) < *toc.schema().rank(g[b].level);
            });
            pp.members = std::move(members);
            c.pathways.push_back(std::move(pp));
        }
    }
    if (c.goal) {
        try {
            c.chances = detail::report_chances(toc, progress_options, *c.goal);
        } catch (const Error& e) {  // too large for exact inference, a bad attribute
            c.chances_problem = e.what();
        }
    } else {
        c.chances_problem = c.rollup ? "the theory of change has no goal" : c.rollup_problem;
    }
    c.consultation = consultation_summary(toc);
    for (const Link* l : toc.links())
        for (const std::string& a : l->assumptions) c.links_of_assumption[a].push_back(l);
    return c;
}

/// The statuses the report's diagram shows: the roll-up's, or none.
inline NodeStatuses report_statuses(const ReportContent& c) {
    return c.rollup ? node_statuses(*c.rollup) : NodeStatuses{};
}

}  // namespace tocgraph
