#pragma once
// Builders for the model in tests: a node, a link, an indicator, an
// assumption or a yearly value from the fields a test sets, the others left
// at their defaults, so a fixture reads as the graph it builds.
//
// Every test file puts its cases in namespace tocgraph::test (or
// tocgraph::iati::test), where these and the library's names are visible
// without a using-directive.

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

inline Date day(const char* iso) { return *Date::parse(iso); }

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
