// DAGitty output: the exact model, quoting, refused ids and cycles.
#include <catch2/catch.hpp>

#include <string>

#include <tocgraph/tocgraph.hpp>
#include <tocgraph/formats/dagitty/write.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {

TEST_CASE("dagitty: the whole model of a small theory of change") {
    TheoryOfChange toc;
    toc.add_node(node("g", "goal", "Goal & <more>"));
    toc.add_node(node("o \"1\"", "immediate_outcome"));
    toc.add_node(node("a", "activity", "A \"quoted\"\ttab"));
    toc.add_node(node("a2", "activity"));
    toc.add_link(link("a", "o \"1\""));
    toc.add_link(link("o \"1\"", "g"));
    CHECK(to_dagitty(toc) ==
          "dag {\n"
          "\"g\" [outcome,label=\"Goal & <more>\",pos=\"0,0\"]\n"
          "\"o \\\"1\\\"\" [pos=\"0,4\"]\n"
          "\"a\" [exposure,label=\"A \\\"quoted\\\" tab\",pos=\"0,6\"]\n"
          "\"a2\" [exposure,pos=\"1,6\"]\n"
          "\"a\" -> \"o \\\"1\\\"\"\n"
          "\"o \\\"1\\\"\" -> \"g\"\n"
          "}\n");
    CHECK(to_dagitty(toc, {.mark_roles = false, .labels = false, .positions = false}) ==
          "dag {\n\"g\"\n\"o \\\"1\\\"\"\n\"a\"\n\"a2\"\n\"a\" -> \"o \\\"1\\\"\"\n\"o \\\"1\\\"\" -> \"g\"\n}\n");
}

TEST_CASE("dagitty: a cycle is refused with the cycle named") {
    TheoryOfChange toc;
    toc.add_node(node("x", "immediate_outcome"));
    toc.add_node(node("y", "immediate_outcome"));
    toc.add_link(link("x", "y"));
    toc.add_link(link("y", "x"));
    CHECK_THROWS_AS(to_dagitty(toc), CycleError);
    CHECK_THROWS_WITH(to_dagitty(toc), Catch::Contains("the links form a cycle: ") && Catch::Contains("x -> y") );
}

TEST_CASE("dagitty: ids DAGitty cannot read are refused") {
    TheoryOfChange toc;
    toc.add_node(node("graph", "goal"));
    CHECK_THROWS_WITH(to_dagitty(toc),
                      "cannot write a DAGitty model: DAGitty does not allow a variable named \"graph\"");
    TheoryOfChange slash;
    slash.add_node(node("end\\", "goal"));
    CHECK_THROWS_WITH(to_dagitty(slash), "cannot write a DAGitty model: node id \"end\\\" ends with a backslash, "
                                         "which DAGitty would read as an escape");
    TheoryOfChange line;
    line.add_node(node("two\nlines", "goal"));
    CHECK_THROWS_WITH(to_dagitty(line), Catch::Contains("holds a control character"));
}

}  // namespace tocgraph::test
