// GraphML output: the exact document for a small ToC, escaping, key types
// widened across elements, node ids that are not XML name tokens, and text
// XML cannot carry.
#include <catch2/catch.hpp>

#include <string>

#include <tocgraph/tocgraph.hpp>
#include <tocgraph/formats/graphml/write.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {

namespace {

TheoryOfChange two_nodes() {
    TheoryOfChange toc;
    toc.add_node(node("g", "goal", "Goal & <more>"));
    toc.add_node(node("a", "activity", "A \"quoted\"\ttab"));
    Link l = link("a", "g");
    l.strength = 0.5;
    toc.add_link(l);
    return toc;
}

}  // namespace

TEST_CASE("graphml: the whole document of a small theory of change") {
    const std::string expected =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
        "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n"
        "  <key id=\"n0\" for=\"node\" attr.name=\"id\" attr.type=\"string\"/>\n"
        "  <key id=\"n1\" for=\"node\" attr.name=\"level\" attr.type=\"string\"/>\n"
        "  <key id=\"n2\" for=\"node\" attr.name=\"title\" attr.type=\"string\"/>\n"
        "  <key id=\"n3\" for=\"node\" attr.name=\"label\" attr.type=\"string\"/>\n"
        "  <key id=\"e0\" for=\"edge\" attr.name=\"strength\" attr.type=\"double\"/>\n"
        "  <graph id=\"G\" edgedefault=\"directed\">\n"
        "    <node id=\"g\">\n"
        "      <data key=\"n0\">g</data>\n"
        "      <data key=\"n1\">goal</data>\n"
        "      <data key=\"n2\">Goal &amp; &lt;more&gt;</data>\n"
        "      <data key=\"n3\">Goal &amp; &lt;more&gt;</data>\n"
        "    </node>\n"
        "    <node id=\"a\">\n"
        "      <data key=\"n0\">a</data>\n"
        "      <data key=\"n1\">activity</data>\n"
        "      <data key=\"n2\">A &quot;quoted&quot;&#9;tab</data>\n"
        "      <data key=\"n3\">A &quot;quoted&quot;&#9;tab</data>\n"
        "    </node>\n"
        "    <edge source=\"a\" target=\"g\">\n"
        "      <data key=\"e0\">0.5</data>\n"
        "    </edge>\n"
        "  </graph>\n"
        "</graphml>\n";
    CHECK(to_graphml(two_nodes()) == expected);
}

TEST_CASE("graphml: nested members become dotted keys with the narrowest type") {
    TheoryOfChange toc = two_nodes();
    Node a = toc.node("a");
    a.budget = Budget{1200, "AUD"};
    a.attributes = {{"cost", 7}, {"flag", true}, {"notes", {"x", "y"}}};
    toc.update_node(a);
    Node g = toc.node("g");
    g.attributes = {{"cost", 2.5}, {"flag", "yes"}};
    toc.update_node(g);
    const std::string xml = to_graphml(toc);
    // The budget's members keep their types; in attributes, 2.5 and 7 (numbers
    // of both kinds) widen to double, true and "yes" to string.
    for (const auto& [key, type] : {std::pair{"budget.amount", "long"}, std::pair{"budget.currency", "string"},
                                    std::pair{"attributes.cost", "double"}, std::pair{"attributes.flag", "string"}})
        CHECK_THAT(xml, Catch::Contains(std::string("attr.name=\"") + key + "\" attr.type=\"" + type + "\""));
    CHECK(xml.find(">true</data>") != std::string::npos);
    CHECK(xml.find(">[&quot;x&quot;,&quot;y&quot;]</data>") != std::string::npos);
}

TEST_CASE("graphml: indicators ride on their node, other members on the graph") {
    TheoryOfChange toc = two_nodes();
    Indicator i = indicator("i1", "g");
    i.title = "Plans";
    toc.add_indicator(i);
    toc.metadata().title = "T";
    const std::string xml = to_graphml(toc);
    CHECK(xml.find("<key id=\"g0\" for=\"graph\" attr.name=\"metadata\" attr.type=\"string\"/>") != std::string::npos);
    CHECK(xml.find("<data key=\"g0\">{&quot;title&quot;:&quot;T&quot;}</data>") != std::string::npos);
    CHECK(xml.find("attr.name=\"indicators\"") != std::string::npos);
    CHECK(xml.find("[{&quot;id&quot;:&quot;i1&quot;,&quot;node&quot;:&quot;g&quot;,&quot;title&quot;:&quot;Plans&quot;}]") !=
          std::string::npos);
}

TEST_CASE("graphml: ids that are not XML name tokens are numbered") {
    TheoryOfChange toc;
    toc.add_node(node("Goal one", "goal"));
    toc.add_node(node("a", "activity"));
    toc.add_link(link("a", "Goal one"));
    const std::string xml = to_graphml(toc);
    CHECK(xml.find("<node id=\"n0\">") != std::string::npos);
    CHECK(xml.find("<data key=\"n0\">Goal one</data>") != std::string::npos);
    CHECK(xml.find("<edge source=\"n1\" target=\"n0\"/>") != std::string::npos);
}

TEST_CASE("graphml: text XML 1.0 cannot carry is refused, naming the element") {
    TheoryOfChange toc;
    toc.add_node(node("g", "goal", std::string("bell\x07")));
    CHECK_THROWS_WITH(to_graphml(toc),
                      "cannot write XML: /nodes/0/title: control character U+0007 cannot be written in XML 1.0");
    TheoryOfChange bad;
    bad.add_node(node("g", "goal", std::string("\xC3(")));
    CHECK_THROWS_WITH(to_graphml(bad), "cannot write XML: /nodes/0/title: text is not valid UTF-8");
}

}  // namespace tocgraph::test
