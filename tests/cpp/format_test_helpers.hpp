#pragma once
// Small builders for the format tests: a node, a link or an assumption from
// the fields a test sets, the others left at their defaults.
#include <string>
#include <vector>

#include <tocgraph/tocgraph.hpp>

namespace format_tests {

inline tocgraph::Node node(std::string id, std::string level, std::string title = "") {
    tocgraph::Node n;
    n.id = std::move(id);
    n.level = std::move(level);
    n.title = std::move(title);
    return n;
}

inline tocgraph::Link link(std::string source, std::string target, std::vector<std::string> assumptions = {}) {
    tocgraph::Link l;
    l.source = std::move(source);
    l.target = std::move(target);
    l.assumptions = std::move(assumptions);
    return l;
}

inline tocgraph::Assumption assumption(std::string id, std::string statement) {
    tocgraph::Assumption a;
    a.id = std::move(id);
    a.statement = std::move(statement);
    return a;
}

}  // namespace format_tests
