#pragma once
// The linter: runs the rules of the catalogue over a ToC and returns the
// findings, after selection, re-grading and filtering by severity.
// docs/rules.md describes every rule.

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <vector>

#include <boost/graph/strong_components.hpp>

#include "../detail/graph/traversal.hpp"
#include "../enums.hpp"
#include "../theory_of_change.hpp"
#include "detail/similar_titles.hpp"
#include "finding.hpp"
#include "rules.hpp"

namespace tocgraph {

/// How links that go against the hierarchy are treated: not reported, or
/// reported as a warning or as an error.
enum class LinkPolicy { allowed, warning, error };

TOCGRAPH_ENUM_NAMES(LinkPolicy, {LinkPolicy::allowed, "allowed"}, {LinkPolicy::warning, "warning"}, {LinkPolicy::error, "error"})

constexpr std::string_view to_string(LinkPolicy p) { return to_string<LinkPolicy>(p); }
constexpr std::optional<LinkPolicy> parse_link_policy(std::string_view name) { return parse_enum<LinkPolicy>(name); }

struct LintOptions {
    /// Rules to run, by code ("TOC201"), code prefix ("TOC2") or name; empty runs all.
    std::vector<std::string> select;
    /// Rules to skip, same spellings.
    std::vector<std::string> ignore;
    /// New severity per rule code or name, e.g. {"same-level-link", Severity::error}.
    std::map<std::string, Severity> severity;
    /// Findings below this severity are dropped.
    Severity min_severity = Severity::info;
    /// Links pointing down the hierarchy (TOC102). Unset: the rule's severity
    /// (error, or as re-graded in `severity`); a policy and a re-grading of
    /// the same rule together are an error.
    std::optional<LinkPolicy> downward_links;
    /// Links joining two nodes of the same level (TOC103). Unset: the rule's
    /// severity (warning, or as re-graded).
    std::optional<LinkPolicy> same_level_links;
};

namespace detail {

inline bool rule_matches(const RuleInfo& rule, const std::string& pattern) {
    return !pattern.empty() && (rule.name == pattern || std::string_view(rule.code).starts_with(pattern));
}

inline void check_rule_patterns(const std::vector<std::string>& patterns) {
    for (const std::string& p : patterns)
        if (std::none_of(rule_catalogue.begin(), rule_catalogue.end(),
                         [&](const RuleInfo& r) { return rule_matches(r, p); }))
            throw ModelError(p, "unknown lint rule \"" + p + "\"");
}

/// The severity of each rule after re-grading and link policies; nullopt
/// for a rule a link policy allows. Throws ModelError on bad options.
inline std::map<std::string_view, std::optional<Severity>> effective_severities(const LintOptions& options) {
    check_rule_patterns(options.select);
    check_rule_patterns(options.ignore);
    std::map<std::string_view, std::optional<Severity>> out;
    for (const RuleInfo& r : rule_catalogue) out[r.code] = r.severity;
    for (const auto& [pattern, severity] : options.severity) {
        const RuleInfo* rule = find_rule(pattern);
        if (!rule) throw ModelError(pattern, "unknown lint rule \"" + pattern + "\"");
        out[rule->code] = severity;
    }
    auto apply = [&](std::string_view code, const std::optional<LinkPolicy>& policy, const char* option) {
        if (!policy) return;
        const RuleInfo& rule = *find_rule(code);
        for (const auto& entry : options.severity)
            if (find_rule(entry.first) == &rule)
                throw ModelError(std::string(code), std::string("both ") + option + " and a severity for " +
                                                        std::string(code) + " (" + std::string(rule.name) +
                                                        ") are given; keep one");
        out[code] = *policy == LinkPolicy::allowed ? std::nullopt
                    : *policy == LinkPolicy::warning ? std::optional(Severity::warning)
                                                     : std::optional(Severity::error);
    };
    apply("TOC102", options.downward_links, "a downward-link policy");
    apply("TOC103", options.same_level_links, "a same-level-link policy");
    return out;
}

/// Collects findings for the rules that are switched on.
class FindingSink {
public:
    explicit FindingSink(const LintOptions& options)
        : options_(options), severities_(effective_severities(options)) {}

    bool enabled(std::string_view code) const {
        const RuleInfo& rule = *find_rule(code);
        auto matches = [&](const std::string& p) { return rule_matches(rule, p); };
        if (!options_.select.empty() && std::none_of(options_.select.begin(), options_.select.end(), matches))
            return false;
        if (std::any_of(options_.ignore.begin(), options_.ignore.end(), matches)) return false;
        const auto& severity = severities_.at(rule.code);
        return severity && *severity >= options_.min_severity;
    }
    void add(std::string_view code, std::string message, std::vector<std::string> ids) {
        if (!enabled(code)) return;
        const RuleInfo& rule = *find_rule(code);
        findings_.push_back({std::string(code), *severities_.at(rule.code), std::move(message), std::move(ids),
                             std::string(rule.hint)});
    }
    std::vector<Finding> take() { return std::move(findings_); }

private:
    const LintOptions& options_;
    std::map<std::string_view, std::optional<Severity>> severities_;
    std::vector<Finding> findings_;
};

inline std::string quoted(const std::string& s) { return "\"" + s + "\""; }

/// A number as people write it: 150, 0.5, 1e+21 (shortest exact form).
inline std::string format_number(double value) {
    char buffer[32];
    const auto result = std::to_chars(buffer, buffer + sizeof buffer, value);
    return std::string(buffer, result.ptr);
}

inline std::string format_period(const Period& p) { return p.start.to_string() + ".." + p.end.to_string(); }

/// "level "id"", e.g. `activity "act1"`: how a finding names a node.
inline std::string node_name(const Node& n) { return n.level + " " + quoted(n.id); }

inline void lint_cycles(const TheoryOfChange& toc, FindingSink& out) {
    if (!out.enabled("TOC101")) return;
    const auto& g = toc.graph();
    const std::size_t n = toc.node_count();
    std::vector<std::size_t> component(n);
    const std::size_t count =
        n ? boost::strong_components(
                g, boost::make_iterator_property_map(component.begin(), boost::get(boost::vertex_index, g)))
          : 0;
    std::vector<std::size_t> size(count, 0);
    for (std::size_t c : component) ++size[c];
    std::vector<char> reported(count, 0);
    std::vector<std::size_t> position(n, SIZE_MAX), walk;
    for (std::size_t v = 0; v < n; ++v) {
        const std::size_t c = component[v];
        if (size[c] < 2 || reported[c]) continue;
        reported[c] = 1;
        // Walk forward inside the component until a node repeats: that loop is
        // a cycle. One cycle per strongly connected part, from its first node.
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

/// How a TOC112 finding says two titles are alike.
inline std::string alike_text(const SimilarTitles& pair, const std::string& a, const std::string& b) {
    if (a == b) return "the same title " + quoted(a);
    if (pair.same) return "the same title but for case, spacing or punctuation: " + quoted(a) + " and " + quoted(b);
    return "nearly the same title (" + std::to_string(static_cast<int>(pair.similarity * 100 + 0.5)) +
           "% of their words in common): " + quoted(a) + " and " + quoted(b);
}

/// TOC112 over one kind of element: `group` says which may be alike,
/// `name` how a finding names a pair.
template <typename Element, typename Range, typename Group, typename Name>
void report_alike(const Range& range, Group group, Name name, FindingSink& out) {
    std::vector<const Element*> elements;
    std::vector<std::pair<std::string, std::string>> titles;
    for (const Element& e : range) {
        elements.push_back(&e);
        titles.emplace_back(group(e), e.title);
    }
    for (const SimilarTitles& p : similar_titles(titles)) {
        const Element &a = *elements[p.first], &b = *elements[p.second];
        out.add("TOC112", name(a, b) + " have " + alike_text(p, a.title, b.title), {a.id, b.id});
    }
}

/// TOC112: nodes of one level, or indicators of one node, with alike titles.
inline void lint_duplicates(const TheoryOfChange& toc, FindingSink& out) {
    if (!out.enabled("TOC112")) return;
    report_alike<Node>(
        toc.nodes(), [](const Node& n) { return n.level; },
        [](const Node& a, const Node& b) { return node_name(a) + " and " + node_name(b); }, out);
    report_alike<Indicator>(
        toc.indicators(), [](const Indicator& i) { return i.node; },
        [&](const Indicator& a, const Indicator& b) {
            return "indicator " + quoted(a.id) + " and indicator " + quoted(b.id) + " of " + node_name(toc.node(a.node));
        },
        out);
}

inline void lint_structure(const TheoryOfChange& toc, FindingSink& out) {
    const auto& g = toc.graph();
    const LevelSchema& schema = toc.schema();
    const std::size_t n = toc.node_count();
    std::vector<std::size_t> rank(n);
    std::vector<LevelRole> role(n);
    for (std::size_t v = 0; v < n; ++v) {
        rank[v] = *schema.rank(g[v].level);
        role[v] = schema.levels()[rank[v]].role;
    }

    lint_cycles(toc, out);

    std::vector<std::size_t> goals;
    for (std::size_t v = 0; v < n; ++v)
        if (role[v] == LevelRole::goal) goals.push_back(v);
    if (goals.empty()) {
        std::string levels;
        for (const Level& l : schema.levels())
            if (l.role == LevelRole::goal) levels += (levels.empty() ? "" : ", ") + quoted(l.id);
        out.add("TOC105", levels.empty() ? "no goal: schema " + quoted(schema.name()) + " has no level with role \"goal\""
                                         : "no node at the goal level (" + levels + ")",
                {});
    }
    if (goals.size() > 1) {
        std::vector<std::string> ids;
        std::string text;
        for (std::size_t v : goals) {
            ids.push_back(g[v].id);
            text += (text.empty() ? "" : ", ") + quoted(g[v].id);
        }
        out.add("TOC106", std::to_string(goals.size()) + " goals: " + text, ids);
    }

    for (const Link* l : toc.links()) {
        const std::size_t s = toc.vertex_of(l->source), t = toc.vertex_of(l->target);
        const std::string id = l->source + "->" + l->target;
        const std::string name = "link " + quoted(l->source) + " -> " + quoted(l->target);
        if (rank[s] < rank[t])
            out.add("TOC102", name + " points down from " + g[s].level + " to " + g[t].level, {id});
        else if (rank[s] == rank[t])
            out.add("TOC103", name + " joins two " + g[s].level + " nodes", {id});
    }

    // What feeds a pathway: outcomes, or, in a schema without outcome levels
    // below the pathway's, any result.
    auto feeds_pathway = [&](std::size_t pathway, std::size_t u) {
        for (std::size_t r = rank[pathway] + 1; r < schema.size(); ++r)
            if (schema.levels()[r].role == LevelRole::outcome) return role[u] == LevelRole::outcome;
        return true;
    };

    const auto leads_to_goal = reachable(g, goals, Direction::down);
    for (std::size_t v = 0; v < n; ++v) {
        const Node& node = g[v];
        const std::size_t in = boost::in_degree(v, g), outd = boost::out_degree(v, g);
        // A more specific finding, when its rule is on, stands for the general
        // ones it implies: an isolated node is not also "unreachable" and
        // "without contributors", a dead-end activity not also "unreachable".
        if (in == 0 && outd == 0 && n > 1 && out.enabled("TOC110")) {
            out.add("TOC110", node_name(node) + " has no links", {node.id});
            continue;
        }
        const bool dead_end = role[v] == LevelRole::activity && outd == 0;
        if (!goals.empty() && !leads_to_goal[v] && !(dead_end && out.enabled("TOC109")))
            out.add("TOC104", node_name(node) + " does not lead to any goal", {node.id});
        if (role[v] == LevelRole::pathway && out.enabled("TOC107")) {
            const auto below = reachable(g, {v}, Direction::down);
            bool fed = false;
            for (std::size_t u = 0; u < n && !fed; ++u) fed = u != v && below[u] && feeds_pathway(v, u);
            if (!fed) out.add("TOC107", node_name(node) + " has no outcome contributing to it", {node.id});
        } else if (in == 0 && role[v] != LevelRole::activity && role[v] != LevelRole::input &&
                   role[v] != LevelRole::pathway) {
            out.add("TOC108", node_name(node) + " has no contributors", {node.id});
        }
        if (dead_end) out.add("TOC109", node_name(node) + " contributes to nothing", {node.id});
        if (in == 1 && node.logic == Logic::all) {
            const std::string& only = g[boost::source(*boost::in_edges(v, g).first, g)].id;
            out.add("TOC111", node_name(node) + " has logic \"all\" but a single contributor (" + quoted(only) + ")",
                    {node.id});
        }
    }
    lint_duplicates(toc, out);
}

inline void lint_measurement(const TheoryOfChange& toc, FindingSink& out) {
    const auto& g = toc.graph();
    std::vector<char> measured(toc.node_count(), 0);
    for (const Indicator& i : toc.indicators()) measured[toc.vertex_of(i.node)] = 1;
    for (std::size_t v = 0; v < toc.node_count(); ++v) {
        const LevelRole role = toc.schema().level(g[v].level).role;
        if ((role == LevelRole::outcome || role == LevelRole::output) && !measured[v])
            out.add("TOC201", node_name(g[v]) + " has no indicator", {g[v].id});
    }
    const auto& programme = toc.metadata().period;
    for (const Indicator& i : toc.indicators()) {
        const std::string who = "indicator " + quoted(i.id);
        const bool qualitative = i.measure == Measure::qualitative;
        if (i.baselines.empty()) out.add("TOC202", who + " has no baseline", {i.id});
        if (i.targets.empty()) out.add("TOC203", who + " has no target", {i.id});
        if (!qualitative && i.measure != Measure::percentage && i.unit.empty())
            out.add("TOC204", who + " has no unit", {i.id});
        if (i.means_of_verification.empty()) out.add("TOC205", who + " has no means of verification", {i.id});

        // A ratio's parts (numerator and denominator) stand in for its value.
        auto check_value = [&](const std::optional<double>& value, bool has_parts, const std::string& where) {
            if (!qualitative && !value && !has_parts)
                out.add("TOC208", who + ": " + where + " has no value", {i.id});
            if (qualitative && value)
                out.add("TOC209", who + " is qualitative but " + where + " has a value", {i.id});
            if (value && i.measure == Measure::percentage && !(*value >= 0 && *value <= 100))
                out.add("TOC210", who + ": " + where + " is " + format_number(*value) + "%", {i.id});
        };
        for (std::size_t k = 0; k < i.baselines.size(); ++k)
            check_value(i.baselines[k].value, false, "baseline " + std::to_string(k + 1));
        const Node& measured = toc.node(i.node);
        const std::string node_dates = (measured.start ? measured.start->to_string() : std::string()) + ".." +
                                       (measured.end ? measured.end->to_string() : std::string());
        for (const auto* list : {&i.targets, &i.actuals}) {
            const bool targets = list == &i.targets;
            for (const PeriodValue& pv : *list) {
                const std::string where = (targets ? "target " : "actual ") + format_period(pv.period);
                if (pv.period.end < pv.period.start)
                    out.add("TOC206", who + ": " + where + " ends before it starts", {i.id});
                if (targets && programme &&
                    (pv.period.start < programme->start || programme->end < pv.period.end))
                    out.add("TOC207", who + ": " + where + " is outside the programme period " +
                                          format_period(*programme),
                            {i.id});
                check_value(pv.value, pv.numerator && pv.denominator, where);
                // Targets against the programme period are TOC207's.
                if (!targets && programme && (pv.period.start < programme->start || programme->end < pv.period.end))
                    out.add("TOC212", who + ": " + where + " is outside the programme period " +
                                          format_period(*programme),
                            {i.id});
                if ((measured.start && pv.period.start < *measured.start) ||
                    (measured.end && *measured.end < pv.period.end))
                    out.add("TOC212", who + ": " + where + " is outside the dates of " + node_name(measured) + " (" +
                                          node_dates + ")",
                            {i.id});
            }
        }
        // A baseline may predate the programme and the node; it cannot
        // come after they end.
        for (const Baseline& b : i.baselines) {
            if (!b.date) continue;
            const std::string where = "baseline " + b.date->to_string();
            if (programme && programme->end < *b.date)
                out.add("TOC212", who + ": " + where + " is after the end of the programme period " +
                                      format_period(*programme),
                        {i.id});
            if (measured.end && *measured.end < *b.date)
                out.add("TOC212", who + ": " + where + " is after " + node_name(measured) + " ends (" +
                                      measured.end->to_string() + ")",
                        {i.id});
        }
        // IATI declares a reference at one level only; the same vocabulary at
        // both means the two levels may disagree about the code.
        const Node& result = toc.node(i.node);
        std::vector<std::string> reported;
        for (const Reference& mine : i.references) {
            if (std::find(reported.begin(), reported.end(), mine.vocabulary) != reported.end()) continue;
            for (const Reference& theirs : result.references)
                if (theirs.vocabulary == mine.vocabulary) {
                    reported.push_back(mine.vocabulary);
                    out.add("TOC211", who + " and its result " + quoted(result.id) +
                                          " both carry a reference of vocabulary " + quoted(mine.vocabulary),
                            {result.id, i.id});
                    break;
                }
        }
    }
}

inline void lint_plan(const TheoryOfChange& toc, FindingSink& out) {
    const auto& programme = toc.metadata().period;
    for (const Node& n : toc.nodes()) {
        if (n.start && n.end && *n.end < *n.start)
            out.add("TOC301", node_name(n) + " ends " + n.end->to_string() + " before it starts " +
                                  n.start->to_string(),
                    {n.id});
        if (programme && ((n.start && *n.start < programme->start) || (n.end && programme->end < *n.end))) {
            const std::string when = n.start && n.end ? "runs " + n.start->to_string() + ".." + n.end->to_string()
                                     : n.start        ? "starts " + n.start->to_string()
                                                      : "ends " + n.end->to_string();
            out.add("TOC302", node_name(n) + " " + when + ", outside the programme period " +
                                  format_period(*programme),
                    {n.id});
        }
    }
    std::set<std::string> used;
    for (const Link* l : toc.links()) used.insert(l->assumptions.begin(), l->assumptions.end());
    for (const Assumption& a : toc.assumptions())
        if (!used.contains(a.id)) out.add("TOC303", "assumption " + quoted(a.id) + " is attached to no link", {a.id});
    for (const Link* l : toc.links()) {
        std::set<std::string> reported;
        for (const std::string& a : l->assumptions)
            if (!toc.has_assumption(a) && reported.insert(a).second)
                out.add("TOC304", "link " + quoted(l->source) + " -> " + quoted(l->target) +
                                      " names unknown assumption " + quoted(a),
                        {l->source + "->" + l->target, a});
    }
}

}  // namespace detail

/// Checks lint options without running anything: throws ModelError naming
/// an unknown rule, or a link policy given together with a re-grading of
/// the same rule.
inline void validate_lint_options(const LintOptions& options) { detail::effective_severities(options); }

/// Runs the lint rules; findings come rule group by rule group (structure,
/// measurement, plan), within a group in node, link or indicator order.
/// Throws ModelError on bad options (see validate_lint_options).
inline std::vector<Finding> lint(const TheoryOfChange& toc, const LintOptions& options = {}) {
    detail::FindingSink sink(options);
    detail::lint_structure(toc, sink);
    detail::lint_measurement(toc, sink);
    detail::lint_plan(toc, sink);
    return sink.take();
}

}  // namespace tocgraph
