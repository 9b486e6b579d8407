// Text for drawings: UTF-8 decoding, width estimates, balanced wrapping, and
// the DOT and Mermaid writers' quoting and escaping.
#include <catch2/catch.hpp>

#include <limits>
#include <stdexcept>
#include <string>
#include <vector>

#include <tocgraph/render/detail/text_wrap.hpp>
#include <tocgraph/detail/xml/escape.hpp>
#include <tocgraph/json_io.hpp>
#include <tocgraph/render/dot.hpp>
#include <tocgraph/render/mermaid.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {

namespace {

const std::string example_path = std::string(TOCGRAPH_TEST_DATA_DIR) + "/../../examples/asean-act/toc.json";

std::size_t count(const std::string& text, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t pos = text.find(what); pos != std::string::npos; pos = text.find(what, pos + what.size())) ++n;
    return n;
}

TheoryOfChange awkward_ids() {
    TheoryOfChange toc;
    for (const char* id : {"goal", "node", "end", "2nd", "a-b", "x y", "q\"uote", "back\\slash", "émile", "n1"}) {
        const bool goal = std::string(id) == "goal";
        toc.add_node(node(id, goal ? "goal" : "activity", std::string("Title of ") + id));
        if (!goal) toc.add_link(link(id, "goal"));
    }
    return toc;
}

}  // namespace

TEST_CASE("UTF-8 decoding never fails and replaces bad bytes", "[render][text]") {
    const std::string text = "a\xC3\xA9\xE2\x82\xAC\xF0\x9F\x98\x80\xC3\x28\xED\xA0\x80\xC0\xAF";
    std::vector<char32_t> cps;
    for (std::size_t pos = 0; pos < text.size();) cps.push_back(detail::next_code_point(text, pos));
    CHECK(cps == std::vector<char32_t>{'a', 0xE9, 0x20AC, 0x1F600, 0xFFFD, '(', 0xFFFD, 0xFFFD, 0xFFFD, 0xFFFD,
                                       0xFFFD});
}

TEST_CASE("text widths follow Helvetica's metrics", "[render][text]") {
    CHECK(detail::text_width("i", 10) == Approx(2.22));
    CHECK(detail::text_width("W", 10) == Approx(9.44));
    CHECK(detail::text_width("Goal", 12) == Approx((778 + 556 + 556 + 222) * 12 / 1000.0));
    CHECK(detail::text_width("\xE4\xB8\xAD", 10) == Approx(10));  // a CJK character: a full em
    CHECK(detail::text_width("e\xCC\x81", 10) == Approx(5.56));    // combining accent: no width
    CHECK(detail::text_width("Goal", 12, true) > detail::text_width("Goal", 12));
}

TEST_CASE("wrapping is balanced, keeps every word and respects the width", "[render][text]") {
    const std::string text = "ASEAN Member States are sharing knowledge and learning on ACTIP implementation";
    const auto w = detail::wrap_text(text, 170, 12);
    REQUIRE(w.lines.size() >= 2);
    std::string joined;
    for (const auto& line : w.lines) {
        CHECK(detail::text_width(line, 12) <= 170 + 1e-9);
        joined += (joined.empty() ? "" : " ") + line;
    }
    CHECK(joined == text);
    // Balanced: no line much shorter than the widest, except possibly the last.
    for (std::size_t i = 0; i + 1 < w.lines.size(); ++i)
        CHECK(detail::text_width(w.lines[i], 12) > 0.6 * w.width);
    // Two short words fit on one line.
    CHECK(detail::wrap_text("Goal zero", 170, 12).lines == std::vector<std::string>{"Goal zero"});
    // Explicit newlines break lines; runs of spaces collapse.
    CHECK(detail::wrap_text("one\ntwo   three", 500, 12).lines == std::vector<std::string>{"one", "two three"});
    CHECK(detail::wrap_text("   ", 100, 12).lines.empty());
}

TEST_CASE("a word wider than the limit breaks after a hyphen, else anywhere", "[render][text]") {
    const auto hyphen = detail::wrap_text("victim-sensitive-planning-processes", 90, 12);
    REQUIRE(hyphen.lines.size() >= 2);
    CHECK(hyphen.lines.front().ends_with("-"));
    std::string joined;
    for (const auto& line : hyphen.lines) joined += line;
    CHECK(joined == "victim-sensitive-planning-processes");
    const auto plain = detail::wrap_text("Supercalifragilisticexpialidocious\xC3\xA9\xC3\xA9\xC3\xA9", 60, 12);
    REQUIRE(plain.lines.size() >= 3);
    joined.clear();
    for (const auto& line : plain.lines) {
        CHECK(detail::text_width(line, 12) <= 60 + 1e-9);
        joined += line;
    }
    CHECK(joined == "Supercalifragilisticexpialidocious\xC3\xA9\xC3\xA9\xC3\xA9");  // no character split
}

TEST_CASE("wrapping can stop at a number of lines with an ellipsis", "[render][text]") {
    const auto w = detail::wrap_text("one two three four five six seven eight nine ten eleven twelve", 60, 12, false, 2);
    REQUIRE(w.lines.size() == 2);
    CHECK(w.lines.back().ends_with("\xE2\x80\xA6"));
    CHECK(detail::text_width(w.lines.back(), 12) <= 60 + 1e-9);
}

TEST_CASE("xml_escape escapes markup and replaces what XML cannot carry", "[render][text]") {
    CHECK(detail::xml_escape("a<b>&\"c'") == "a&lt;b&gt;&amp;&quot;c&#39;");
    CHECK(detail::xml_escape("x\x01y\xFFz") == "x\xEF\xBF\xBDy\xEF\xBF\xBDz");
    CHECK(detail::xml_escape("line\nnext\ttab") == "line&#10;next&#9;tab");
    CHECK(detail::xml_escape("\xEF\xBF\xBF") == "\xEF\xBF\xBD");  // U+FFFF is not an XML character
}

TEST_CASE("DOT output quotes ids that are not identifiers and escapes labels", "[render][dot]") {
    const TheoryOfChange toc = awkward_ids();
    const std::string dot = to_dot(toc);
    CHECK(dot.starts_with("digraph "));
    CHECK(dot.find("rankdir=BT") != std::string::npos);
    // Plain identifiers unquoted (non-ASCII letters are identifier characters);
    // keywords, leading digits, punctuation quoted.
    for (const std::string id : {"goal", "n1", "émile", "\"node\"", "\"2nd\"", "\"a-b\"", "\"x y\"", "\"q\\\"uote\"",
                                 "\"back\\\\slash\""})
        CHECK_THAT(dot, Catch::Contains("\n    " + id + " [label="));
    CHECK(dot.find("  \"a-b\" -> goal;\n") != std::string::npos);
    // Labels: quotes and backslashes escaped, lines broken with \n.
    CHECK(dot.find("label=\"Title of q\\\"uote\"") != std::string::npos);
    CHECK(dot.find("label=\"Title of back\\\\slash\"") != std::string::npos);
    // Balanced braces and quotes: every line has an even number of unescaped quotes.
    CHECK(count(dot, "{") == count(dot, "}"));
    std::size_t start = 0;
    while (start < dot.size()) {
        const std::size_t end = dot.find('\n', start);
        const std::string line = dot.substr(start, end - start);
        std::size_t quotes = 0;
        for (std::size_t i = 0; i < line.size(); ++i) {
            if (line[i] == '\\') ++i;
            else if (line[i] == '"') ++quotes;
        }
        INFO(line);
        CHECK(quotes % 2 == 0);
        start = end + 1;
    }
}

TEST_CASE("DOT output of the example keeps levels as ranks in schema order", "[render][dot]") {
    const TheoryOfChange toc = load(example_path);
    const std::string dot = to_dot(toc);
    CHECK(count(dot, "{ rank=same;") == 6);
    CHECK(dot.find("\"level: activity\" -> \"level: output\" -> \"level: immediate_outcome\" -> "
                   "\"level: end_of_program_outcome\" -> \"level: pathway\" -> \"level: goal\" [style=invis];") !=
          std::string::npos);
    CHECK(count(dot, " -> ") == toc.link_count() + 5);
    DotOptions o;
    o.color = ColorMode::status;
    o.statuses = {{"io_1_1", ProgressStatus::off_track}};
    const std::string coloured = to_dot(toc, o);
    CHECK(coloured.find("io_1_1 [label=\"ASEAN has effective,\\nvictim-sensitive ACTIP\\nplanning processes\\nand "
                        "aligned initiatives\", fillcolor=\"#f9d6d5\"") != std::string::npos);
    o.statuses = {{"nope", ProgressStatus::off_track}};
    CHECK_THROWS_AS(to_dot(toc, o), ModelError);
}

TEST_CASE("Mermaid output renames ids it cannot use and escapes labels", "[render][mermaid]") {
    const TheoryOfChange toc = awkward_ids();
    const std::string mmd = to_mermaid(toc);
    CHECK(mmd.find("flowchart BT\n") != std::string::npos);
    // Plain ids kept; "end" (a keyword), "2nd", "a-b", "node"... renamed, avoiding the real "n1".
    CHECK(mmd.find("\n  goal[\"Title of goal\"]") != std::string::npos);
    CHECK(mmd.find("\n  node[\"Title of node\"]") != std::string::npos);  // not a Mermaid keyword
    CHECK(mmd.find("\n  n1[\"Title of n1\"]") != std::string::npos);
    CHECK(mmd.find("%% n2 is end\n  n2[\"Title of end\"]") != std::string::npos);
    CHECK(mmd.find("%% n3 is 2nd\n") != std::string::npos);
    CHECK(mmd.find("\"Title of q#quot;uote\"") != std::string::npos);
    CHECK(mmd.find("  n2 --> goal\n") != std::string::npos);
    CHECK(count(mmd, " --> ") == toc.link_count());
    // Markup and Mermaid syntax in labels become entity codes.
    TheoryOfChange t2;
    t2.add_node(node("g", "goal", "A \"goal\" <b>#1</b> & `code`"));
    const std::string m2 = to_mermaid(t2);
    CHECK(m2.find("g[\"A #quot;goal#quot; #lt;b#gt;#35;1#lt;/b#gt; #amp; #96;code#96;\"]") != std::string::npos);
}

TEST_CASE("Mermaid output of the example colours by level or status", "[render][mermaid]") {
    const TheoryOfChange toc = load(example_path);
    std::string mmd = to_mermaid(toc);
    CHECK(mmd.starts_with("---\ntitle: \"ASEAN-Australia Counter Trafficking (ASEAN-ACT)\"\n---\nflowchart BT\n"));
    CHECK(count(mmd, "classDef level_") == 6);
    CHECK(mmd.find("class goal level_0_style") != std::string::npos);
    MermaidOptions o;
    o.color = ColorMode::status;
    o.statuses = {{"goal", ProgressStatus::at_risk}};
    o.level_subgraphs = true;
    mmd = to_mermaid(toc, o);
    CHECK(mmd.find("classDef status_at_risk fill:#fff0c2,stroke:#b7791f,color:#4a3510") != std::string::npos);
    CHECK(mmd.find("class goal status_at_risk") != std::string::npos);
    CHECK(mmd.find("stroke-dasharray:4 3") != std::string::npos);  // no data
    CHECK(count(mmd, "  subgraph level_") == 6);
    CHECK(count(mmd, "\n  end\n") == 6);
}

TEST_CASE("DOT and Mermaid share their label options and the checks of them", "[render][dot][mermaid]") {
    const TheoryOfChange toc = awkward_ids();
    TextDrawingOptions shared;
    shared.title = "";
    shared.show_ids = true;
    DotOptions dot;
    MermaidOptions mermaid;
    static_cast<TextDrawingOptions&>(dot) = shared;
    static_cast<TextDrawingOptions&>(mermaid) = shared;
    CHECK(to_dot(toc, dot).find("goal [label=\"[goal]\\nTitle of goal\"") != std::string::npos);
    CHECK(to_mermaid(toc, mermaid).find("goal[\"[goal]<br/>Title of goal\"]") != std::string::npos);
    for (double bad : {0.0, -1.0, std::numeric_limits<double>::quiet_NaN()}) {
        dot.font_size = mermaid.font_size = bad;
        CHECK_THROWS_WITH(to_dot(toc, dot), "DOT options font_size and max_text_width must be positive numbers");
        CHECK_THROWS_WITH(to_mermaid(toc, mermaid),
                          "Mermaid options font_size and max_text_width must be positive numbers");
        dot.font_size = mermaid.font_size = 12;
        dot.max_text_width = mermaid.max_text_width = bad;
        CHECK_THROWS_AS(to_dot(toc, dot), std::invalid_argument);
        CHECK_THROWS_AS(to_mermaid(toc, mermaid), std::invalid_argument);
        dot.max_text_width = mermaid.max_text_width = 168;
    }
    dot.color = mermaid.color = ColorMode::status;
    dot.statuses = mermaid.statuses = {{"nope", ProgressStatus::off_track}};
    CHECK_THROWS_AS(to_dot(toc, dot), ModelError);
    CHECK_THROWS_AS(to_mermaid(toc, mermaid), ModelError);
}

}  // namespace tocgraph::test
