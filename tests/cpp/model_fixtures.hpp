#pragma once
// Builders for the model in tests: a whole theory of change from its lists of
// nodes and links, or a node, a link, an indicator, an assumption, a feedback
// item, a baseline or a yearly value from the fields a test sets, the others
// left at their defaults, so a fixture reads as the graph it builds.
//
// Every test file puts its cases in namespace tocgraph::test, where these and
// the library's names are visible without a using-directive; the IATI tests,
// in tocgraph::iati::test, name the builders they use with using-declarations.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <tocgraph/theory_of_change.hpp>

namespace tocgraph::test {

inline Node node(std::string id, std::string level, std::string title = "") {
    Node n;
    n.id = std::move(id);
    n.level = std::move(level);
    n.title = std::move(title);
    return n;
}

inline Link link(std::string source, std::string target, std::vector<std::string> assumptions = {}) {
    Link l;
    l.source = std::move(source);
    l.target = std::move(target);
    l.assumptions = std::move(assumptions);
    return l;
}

/// A node of toc_of's list: id, level and, if the test needs it, a title.
struct NodeSpec {
    std::string id;
    std::string level;
    std::string title = {};
};

/// A theory of change with these nodes and links (source, target), added in
/// this order. Extras (actors, tags, a link's strength...) go on afterwards
/// through the model's own add_ and update_ functions.
inline TheoryOfChange toc_of(const std::vector<NodeSpec>& nodes,
                             const std::vector<std::pair<std::string, std::string>>& links = {},
                             LevelSchema schema = LevelSchema::theory_of_change()) {
    TheoryOfChange toc(std::move(schema));
    for (const NodeSpec& n : nodes) toc.add_node(node(n.id, n.level, n.title));
    for (const auto& [source, target] : links) toc.add_link(link(source, target));
    return toc;
}

/// Gives node `id` of `toc` a new title, its other fields as they were.
inline void set_title(TheoryOfChange& toc, const std::string& id, std::string title) {
    Node n = toc.node(id);
    n.title = std::move(title);
    toc.update_node(n);
}

/// Deletes node `old_id` of `toc` and creates it again as `new_id`, last in
/// node order, with the same links and indicators: a rename made the way an
/// editor without a rename command makes it, leaving feedback subjects alone.
inline void recreate_as(TheoryOfChange& toc, const std::string& old_id, const std::string& new_id) {
    Node n = toc.node(old_id);
    std::vector<Link> out, in;
    for (const Link* l : toc.links_from(old_id)) out.push_back(*l);
    for (const Link* l : toc.links_to(old_id)) in.push_back(*l);
    std::vector<Indicator> measures;
    for (const Indicator* i : toc.indicators_of(old_id)) measures.push_back(*i);
    toc.remove_node(old_id);
    n.id = new_id;
    toc.add_node(n);
    for (Link l : out) {
        l.source = new_id;
        toc.add_link(l);
    }
    for (Link l : in) {
        l.target = new_id;
        toc.add_link(l);
    }
    for (Indicator i : measures) {
        i.node = new_id;
        toc.add_indicator(i);
    }
}

inline Indicator indicator(std::string id, std::string node) {
    Indicator i;
    i.id = std::move(id);
    i.node = std::move(node);
    return i;
}

inline Assumption assumption(std::string id, std::string statement) {
    Assumption a;
    a.id = std::move(id);
    a.statement = std::move(statement);
    return a;
}

inline Feedback feedback(std::string id, std::string text) {
    Feedback f;
    f.id = std::move(id);
    f.text = std::move(text);
    return f;
}

inline Date day(const char* iso) { return *Date::parse(iso); }

/// A baseline on an ISO date (or none), optionally disaggregated.
inline Baseline baseline(std::optional<const char*> date, std::optional<double> v, Dimensions dimensions = {},
                         std::string comment = {}) {
    Baseline out;
    if (date) out.date = day(*date);
    out.value = v;
    out.dimensions = std::move(dimensions);
    out.comment = std::move(comment);
    return out;
}

/// A value for a calendar year, optionally disaggregated.
inline PeriodValue year(int y, std::optional<double> v, Dimensions dimensions = {}, std::string comment = {}) {
    PeriodValue out;
    out.period = {Date::from_ymd(y, 1, 1), Date::from_ymd(y, 12, 31)};
    out.value = v;
    out.dimensions = std::move(dimensions);
    out.comment = std::move(comment);
    return out;
}

}  // namespace tocgraph::test
