#pragma once
// The linter: runs the rules of the catalogue over a ToC and returns the
// findings, after selection, re-grading and filtering by severity.

#include <algorithm>
#include <map>
#include <string>
#include <vector>

#include <boost/graph/strong_components.hpp>

#include "../detail/traversal.hpp"
#include "../theory_of_change.hpp"
#include "finding.hpp"
#include "rules.hpp"

namespace tocgraph {

struct LintOptions {
    /// Rules to run, by code ("TOC201"), code prefix ("TOC2") or name; empty runs all.
    std::vector<std::string> select;
    /// Rules to skip, same spellings.
    std::vector<std::string> ignore;
    /// New severity per rule code or name, e.g. {"same-level-link", Severity::error}.
    std::map<std::string, Severity> severity;
    /// Findings below this severity are dropped.
    Severity min_severity = Severity::info;
};

namespace detail {

inline bool rule_matches(const RuleInfo& rule, const std::string& pattern) {
    return rule.name == pattern || std::string_view(rule.code).starts_with(pattern);
}

inline void check_rule_patterns(const std::vector<std::string>& patterns) {
    for (const std::string& p : patterns)
        if (std::none_of(rule_catalogue.begin(), rule_catalogue.end(),
                         [&](const RuleInfo& r) { return rule_matches(r, p); }))
            throw ModelError(p, "unknown lint rule \"" + p + "\"");
}

/// Collects findings for the rules that are switched on.
class FindingSink {
public:
    explicit FindingSink(const LintOptions& options) : options_(options) {
        check_rule_patterns(options.select);
        check_rule_patterns(options.ignore);
        for (const auto& [pattern, severity] : options.severity) {
            const RuleInfo* rule = find_rule(pattern);
            if (!rule) throw ModelError(pattern, "unknown lint rule \"" + pattern + "\"");
            regraded_[std::string(rule->code)] = severity;
        }
    }
    bool enabled(std::string_view code) const {
        const RuleInfo& rule = *find_rule(code);
        auto matches = [&](const std::string& p) { return rule_matches(rule, p); };
        if (!options_.select.empty() && std::none_of(options_.select.begin(), options_.select.end(), matches))
            return false;
        if (std::any_of(options_.ignore.begin(), options_.ignore.end(), matches)) return false;
        return severity_of(rule) >= options_.min_severity;
    }
    void add(std::string_view code, std::string message, std::vector<std::string> ids) {
        if (!enabled(code)) return;
        const RuleInfo& rule = *find_rule(code);
        findings_.push_back({std::string(code), severity_of(rule), std::move(message), std::move(ids),
                             std::string(rule.hint)});
    }
    std::vector<Finding> take() { return std::move(findings_); }

private:
    Severity severity_of(const RuleInfo& rule) const {
        auto it = regraded_.find(std::string(rule.code));
        return it == regraded_.end() ? rule.severity : it->second;
    }
    const LintOptions& options_;
    std::map<std::string, Severity> regraded_;
    std::vector<Finding> findings_;
};

inline std::string quoted(const std::string& s) { return "\"" + s + "\""; }

inline void lint_structure(const TheoryOfChange& toc, FindingSink& out) {
    const auto& g = toc.graph();
    const std::size_t n = toc.node_count();
    std::vector<std::size_t> rank(n);
    std::vector<LevelRole> role(n);
    for (std::size_t v = 0; v < n; ++v) {
        rank[v] = *toc.schema().rank(g[v].level);
        role[v] = toc.schema().levels()[rank[v]].role;
    }

    if (out.enabled("TOC101")) {
        std::vector<std::size_t> component(n);
        const std::size_t count = n ? boost::strong_components(
                                          g, boost::make_iterator_property_map(
                                                 component.begin(), boost::get(boost::vertex_index, g)))
                                    : 0;
        std::vector<std::size_t> size(count, 0);
        for (std::size_t c : component) ++size[c];
        std::vector<char> reported(count, 0);
        std::vector<std::size_t> position(n, SIZE_MAX), walk;
        for (std::size_t v = 0; v < n; ++v) {
            const std::size_t c = component[v];
            if (size[c] < 2 || reported[c]) continue;
            reported[c] = 1;
            // Walk forward inside the component until a node repeats: that loop is a cycle.
            walk.clear();
            std::size_t u = v;
            while (position[u] == SIZE_MAX) {
                position[u] = walk.size();
                walk.push_back(u);
                for (auto [it, end] = boost::out_edges(u, g); it != end; ++it)
                    if (component[boost::target(*it, g)] == c) {
                        u = boost::target(*it, g);
                        break;
                    }
            }
            std::vector<std::string> ids;
            std::string text;
            for (std::size_t i = position[u]; i < walk.size(); ++i) {
                ids.push_back(g[walk[i]].id);
                text += g[walk[i]].id + " -> ";
            }
            out.add("TOC101", "the links form a cycle: " + text + g[u].id, ids);
            for (std::size_t w : walk) position[w] = SIZE_MAX;
        }
    }

    std::vector<std::size_t> goals;
    for (std::size_t v = 0; v < n; ++v)
        if (role[v] == LevelRole::goal) goals.push_back(v);
    if (goals.empty()) out.add("TOC105", "no node at the goal level (" +
                                             quoted(toc.schema().levels().front().id) + ")", {});
    if (goals.size() > 1) {
        std::vector<std::string> ids;
        for (std::size_t v : goals) ids.push_back(g[v].id);
        out.add("TOC106", std::to_string(goals.size()) + " goals", ids);
    }

    for (const Link* l : toc.links()) {
        const std::size_t s = toc.vertex_of(l->source), t = toc.vertex_of(l->target);
        const std::string id = l->source + "->" + l->target;
        if (rank[s] < rank[t])
            out.add("TOC102", "link " + quoted(l->source) + " -> " + quoted(l->target) + " points down from " +
                                  g[s].level + " to " + g[t].level, {id});
        else if (rank[s] == rank[t])
            out.add("TOC103", "link " + quoted(l->source) + " -> " + quoted(l->target) + " joins two " +
                                  g[s].level + " nodes", {id});
    }

    const auto leads_to_goal = reachable(g, goals, Direction::down);
    for (std::size_t v = 0; v < n; ++v) {
        const std::string& id = g[v].id;
        const std::size_t in = boost::in_degree(v, g), outd = boost::out_degree(v, g);
        if (in == 0 && outd == 0 && n > 1) {
            out.add("TOC110", "node " + quoted(id) + " has no links", {id});
            continue;  // the rules below would only repeat this
        }
        if (!goals.empty() && !leads_to_goal[v])
            out.add("TOC104", "node " + quoted(id) + " does not lead to any goal", {id});
        if (in == 0) {
            if (role[v] == LevelRole::pathway)
                out.add("TOC107", "pathway " + quoted(id) + " has no outcome feeding it", {id});
            else if (role[v] != LevelRole::activity && role[v] != LevelRole::input)
                out.add("TOC108", g[v].level + " " + quoted(id) + " has no contributors", {id});
        }
        if (role[v] == LevelRole::activity && outd == 0)
            out.add("TOC109", "activity " + quoted(id) + " contributes to nothing", {id});
        if (in == 1 && g[v].logic == Logic::all)
            out.add("TOC111", "node " + quoted(id) + " has logic \"all\" but a single contributor", {id});
    }
}

inline void lint_measurement(const TheoryOfChange& toc, FindingSink& out) {
    const auto& g = toc.graph();
    std::vector<char> measured(toc.node_count(), 0);
    for (const Indicator& i : toc.indicators()) measured[toc.vertex_of(i.node)] = 1;
    for (std::size_t v = 0; v < toc.node_count(); ++v) {
        const LevelRole role = toc.schema().level(g[v].level).role;
        if ((role == LevelRole::outcome || role == LevelRole::output) && !measured[v])
            out.add("TOC201", g[v].level + " " + quoted(g[v].id) + " has no indicator", {g[v].id});
    }
    const auto& programme = toc.metadata().period;
    for (const Indicator& i : toc.indicators()) {
        const std::string who = "indicator " + quoted(i.id);
        const bool qualitative = i.measure == Measure::qualitative;
        if (i.baselines.empty()) out.add("TOC202", who + " has no baseline", {i.id});
        if (i.targets.empty()) out.add("TOC203", who + " has no target", {i.id});
        if (!qualitative && i.unit.empty() && i.measure != Measure::percentage)
            out.add("TOC204", who + " has no unit", {i.id});
        if (i.means_of_verification.empty()) out.add("TOC205", who + " has no means of verification", {i.id});

        auto check_value = [&](const std::optional<double>& value, const std::string& where) {
            if (!qualitative && !value) out.add("TOC208", who + ": " + where + " has no value", {i.id});
            if (qualitative && value) out.add("TOC209", who + " is qualitative but " + where + " has a value", {i.id});
            if (value && i.measure == Measure::percentage && (*value < 0 || *value > 100))
                out.add("TOC210", who + ": " + where + " is " + std::to_string(*value) + "%", {i.id});
        };
        for (std::size_t k = 0; k < i.baselines.size(); ++k)
            check_value(i.baselines[k].value, "baseline " + std::to_string(k + 1));
        for (const auto* list : {&i.targets, &i.actuals}) {
            const std::string kind = list == &i.targets ? "target" : "actual";
            for (const PeriodValue& pv : *list) {
                const std::string where = kind + " " + pv.period.start.to_string() + ".." + pv.period.end.to_string();
                if (pv.period.end < pv.period.start)
                    out.add("TOC206", who + ": " + where + " ends before it starts", {i.id});
                if (list == &i.targets && programme &&
                    (pv.period.start < programme->start || programme->end < pv.period.end))
                    out.add("TOC207", who + ": " + where + " is outside the programme period " +
                                          programme->start.to_string() + ".." + programme->end.to_string(),
                            {i.id});
                check_value(pv.value, where);
            }
        }
    }
}

inline void lint_plan(const TheoryOfChange& toc, FindingSink& out) {
    const auto& programme = toc.metadata().period;
    for (const Node& n : toc.nodes()) {
        if (n.start && n.end && *n.end < *n.start)
            out.add("TOC301", "activity " + quoted(n.id) + " ends " + n.end->to_string() + " before it starts " +
                                  n.start->to_string(), {n.id});
        if (programme && ((n.start && *n.start < programme->start) || (n.end && programme->end < *n.end)))
            out.add("TOC302", "node " + quoted(n.id) + " runs outside the programme period " +
                                  programme->start.to_string() + ".." + programme->end.to_string(), {n.id});
    }
    std::map<std::string, bool> used;
    for (const Link* l : toc.links())
        for (const std::string& a : l->assumptions) used[a] = true;
    for (const Assumption& a : toc.assumptions())
        if (!used.contains(a.id)) out.add("TOC303", "assumption " + quoted(a.id) + " is attached to no link", {a.id});
}

}  // namespace detail

/// Runs the lint rules; findings come rule group by rule group, in node order.
/// Throws ModelError when the options name an unknown rule.
inline std::vector<Finding> lint(const TheoryOfChange& toc, const LintOptions& options = {}) {
    detail::FindingSink sink(options);
    detail::lint_structure(toc, sink);
    detail::lint_measurement(toc, sink);
    detail::lint_plan(toc, sink);
    return sink.take();
}

}  // namespace tocgraph
