// The id -> vertex index of TheoryOfChange (detail/graph/vertex_index.hpp): lookups
// after many additions (the table grows), after removals (vertices are
// renumbered), in copies, and with ids of every length.
#include <catch2/catch.hpp>

#include <string>

#include <tocgraph/theory_of_change.hpp>

namespace tocgraph::test {

namespace {

Node output_node(std::string id) {
    Node n;
    n.id = std::move(id);
    n.level = "output";
    return n;
}

}  // namespace

TEST_CASE("Every node is found by its id as the index grows", "[vertex_index]") {
    TheoryOfChange toc;
    const std::string long_prefix(40, 'x');  // beyond the short-string buffer
    for (int i = 0; i < 5000; ++i) toc.add_node(output_node((i % 2 ? long_prefix : "n") + std::to_string(i)));
    for (int i = 0; i < 5000; ++i) {
        const std::string id = (i % 2 ? long_prefix : "n") + std::to_string(i);
        REQUIRE(toc.contains(id));
        REQUIRE(toc.node(id).id == id);
        REQUIRE(toc.vertex_of(id) == std::size_t(i));
    }
    CHECK_FALSE(toc.contains("n1"));  // n1 was given the long prefix
    CHECK_FALSE(toc.contains(""));
    CHECK(toc.find_node("n5000") == nullptr);
    CHECK_THROWS_WITH(toc.vertex_of("nope"), "no node \"nope\"");
    CHECK_THROWS_WITH(toc.add_node(output_node("n0")), "duplicate node id \"n0\"");
}

TEST_CASE("The index follows removals and copies", "[vertex_index]") {
    TheoryOfChange toc;
    for (int i = 0; i < 100; ++i) toc.add_node(output_node("n" + std::to_string(i)));
    Link link;
    link.source = "n10";
    link.target = "n91";  // both ends survive the removals below
    toc.add_link(link);
    for (int i = 0; i < 100; i += 3) toc.remove_node("n" + std::to_string(i));
    for (int i = 0; i < 100; ++i) {
        const std::string id = "n" + std::to_string(i);
        REQUIRE(toc.contains(id) == (i % 3 != 0));
        if (i % 3) REQUIRE(toc.graph()[toc.vertex_of(id)].id == id);
    }
    CHECK(toc.has_link("n10", "n91"));
    TheoryOfChange copy = toc;
    copy.remove_node("n10");
    CHECK(toc.contains("n10"));
    CHECK_FALSE(copy.contains("n10"));
    CHECK(copy.node("n11").id == "n11");
    toc.add_node(output_node("n0"));  // an id used before is free again
    CHECK(toc.vertex_of("n0") == toc.node_count() - 1);
}

}  // namespace tocgraph::test
