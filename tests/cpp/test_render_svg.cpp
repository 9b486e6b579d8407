// The SVG drawing: well-formed XML whatever the text, one box per node and
// one path per link, colours by level or status, a legend, escaping, and the
// same bytes every time.
#include <catch2/catch.hpp>

#include <map>
#include <string>
#include <vector>

#include <tocgraph/detail/xml/element.hpp>
#include <tocgraph/detail/xml/reader.hpp>
#include <tocgraph/json_io.hpp>
#include <tocgraph/render/svg.hpp>
#include <tocgraph/synthetic.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {

namespace {

const std::string example_path = std::string(TOCGRAPH_TEST_DATA_DIR) + "/../../examples/asean-act/toc.json";

/// Parses the document with the project's strict XML reader (throws
/// FormatError on anything not well-formed) and returns its root element.
detail::XmlElement parse(const std::string& svg) {
    auto reader = detail::XmlReader::from_string(svg, "drawing.svg");
    for (;;) {
        const detail::XmlEvent& e = reader.next();
        if (e.kind == detail::XmlEventKind::start_element) {
            detail::XmlElement root = detail::read_element(reader, e);
            while (reader.next().kind != detail::XmlEventKind::end_document) {}
            return root;
        }
        REQUIRE(e.kind != detail::XmlEventKind::end_document);
    }
}

void collect(const detail::XmlElement& e, const std::string& local, const std::string& cls,
             std::vector<const detail::XmlElement*>& out) {
    if (e.local == local && (cls.empty() || (e.value("class") && *e.value("class") == cls))) out.push_back(&e);
    for (const auto& child : e.children) collect(child, local, cls, out);
}
std::vector<const detail::XmlElement*> find_all(const detail::XmlElement& root, const std::string& local,
                                                const std::string& cls = {}) {
    std::vector<const detail::XmlElement*> out;
    collect(root, local, cls, out);
    return out;
}

/// The text of an element and its descendants (tspans), lines joined by spaces.
std::string text_of(const detail::XmlElement& e) {
    std::string out = e.text;
    for (const auto& child : e.children)
        if (child.local == "tspan") out += (out.empty() ? "" : " ") + text_of(child);
    return out;
}

}  // namespace

TEST_CASE("the SVG of the bundled example is well-formed and complete", "[render][svg]") {
    const TheoryOfChange toc = load(example_path);
    const std::string svg = to_svg(toc);
    const detail::XmlElement root = parse(svg);
    CHECK(root.local == "svg");
    CHECK(root.ns == "http://www.w3.org/2000/svg");
    REQUIRE(root.value("viewBox"));
    const auto nodes = find_all(root, "g", "node");
    REQUIRE(nodes.size() == toc.node_count());
    CHECK(find_all(root, "path", "link").size() == toc.link_count());
    // Each box carries its id and level, a tooltip and its whole title.
    std::map<std::string, const detail::XmlElement*> by_id;
    for (const auto* g : nodes) by_id[*g->value("data-id")] = g;
    for (const Node& n : toc.nodes()) {
        INFO(n.id);
        REQUIRE(by_id.contains(n.id));
        const auto* g = by_id[n.id];
        CHECK(*g->value("data-level") == n.level);
        CHECK(find_all(*g, "rect").size() == 1);
        const auto texts = find_all(*g, "text");
        REQUIRE(texts.size() == 1);
        CHECK(text_of(*texts[0]) == n.title);
        CHECK(find_all(*g, "title").at(0)->text.starts_with(n.title));
    }
    // The title and the level labels are there.
    CHECK(svg.find(">ASEAN-Australia Counter Trafficking (ASEAN-ACT)</text>") != std::string::npos);
    CHECK(svg.find(">End-of-program</tspan>") != std::string::npos);
    // A legend entry per level shown, plus the arrow.
    const auto legend = find_all(root, "g", "legend");
    REQUIRE(legend.size() == 1);
    CHECK(find_all(*legend[0], "text").size() == 6 + 1);
}

TEST_CASE("level colours follow the schema's order", "[render][svg]") {
    const TheoryOfChange toc = load(example_path);
    const detail::XmlElement root = parse(to_svg(toc));
    for (const auto* g : find_all(root, "g", "node")) {
        const std::string level = *g->value("data-level");
        const BoxStyle s = level_style(*toc.schema().rank(level));
        const auto* rect = find_all(*g, "rect").at(0);
        CHECK(*rect->value("fill") == s.fill);
        CHECK(*rect->value("stroke") == s.stroke);
    }
    CHECK(level_style(0).fill != level_style(1).fill);
    CHECK(level_style(0).fill == level_style(8).fill);  // the palette repeats for long schemas
}

TEST_CASE("status colouring paints each node by the status given", "[render][svg]") {
    const TheoryOfChange toc = load(example_path);
    SvgOptions o;
    o.color = ColorMode::status;
    o.statuses = {{"io_1_1", ProgressStatus::on_track},
                  {"io_1_2", ProgressStatus::at_risk},
                  {"io_1_3", ProgressStatus::off_track},
                  {"eopo_1", ProgressStatus::not_started},
                  {"pathway_1", ProgressStatus::no_target}};
    o.subtitle = "Status as of 2022-12-31";
    const std::string svg = to_svg(toc, o);
    const detail::XmlElement root = parse(svg);
    for (const auto* g : find_all(root, "g", "node")) {
        const std::string id = *g->value("data-id");
        const ProgressStatus expected = status_of(o.statuses, id);
        INFO(id);
        CHECK(*g->value("data-status") == to_string(expected));
        CHECK(*find_all(*g, "rect").at(0)->value("fill") == status_style(expected).fill);
    }
    CHECK(svg.find("Status as of 2022-12-31") != std::string::npos);
    // The legend lists the six statuses, best first.
    const auto legend_texts = find_all(*find_all(root, "g", "legend").at(0), "text");
    std::vector<std::string> labels;
    for (const auto* t : legend_texts) {
        const auto cls = t->value("class");
        if (!cls || *cls != "status-symbol") labels.push_back(t->text);  // the "?" of no data is a symbol
    }
    CHECK(labels == std::vector<std::string>{"On track", "At risk", "Off track", "Not started", "No target",
                                             "No data", "contributes to"});
    // No data is drawn dashed.
    CHECK(status_style(ProgressStatus::no_data).dashed);
    // Every status has a fill of its own.
    for (std::size_t a = 0; a < all_statuses.size(); ++a)
        for (std::size_t b = a + 1; b < all_statuses.size(); ++b)
            CHECK(status_style(all_statuses[a]).fill != status_style(all_statuses[b]).fill);
}

TEST_CASE("a status for an unknown node is an error naming it", "[render][svg]") {
    const TheoryOfChange toc = load(example_path);
    SvgOptions o;
    o.color = ColorMode::status;
    o.statuses = {{"io_9", ProgressStatus::on_track}};
    CHECK_THROWS_AS(to_svg(toc, o), ModelError);
    CHECK_THROWS_WITH(to_svg(toc, o), "status given for unknown node \"io_9\"");
    o.color = ColorMode::level;  // ignored when colouring by level
    CHECK_NOTHROW(to_svg(toc, o));
    o.id_prefix = "a b";
    CHECK_THROWS_AS(to_svg(toc, o), std::invalid_argument);
}

TEST_CASE("every text is escaped, whatever its characters", "[render][svg]") {
    TheoryOfChange toc;
    toc.metadata().title = "Title <with> & \"quotes\" 'too'";
    const Node g = node("g&<\"'>", "goal", "Goal <b>bold</b> & \"quoted\" ]]> --> <!-- x");
    toc.add_node(g);
    toc.add_node(
        node("a", "activity", std::string("Control \x01\x02 chars, bad UTF-8 \xC3\x28 and \xF0\x9F\x98\x80 emoji, tab\tend")));
    toc.add_link(link("a", g.id));
    SvgOptions o;
    o.layout.show_ids = true;
    o.subtitle = "<script>alert(1)</script>";
    const std::string svg = to_svg(toc, o);
    const detail::XmlElement root = parse(svg);  // well-formed despite everything
    CHECK(svg.find("<b>") == std::string::npos);
    CHECK(svg.find("<script>") == std::string::npos);
    CHECK(svg.find("&lt;script&gt;") != std::string::npos);
    CHECK(svg.find("Goal &lt;b&gt;bold&lt;/b&gt; &amp; &quot;quoted&quot;") != std::string::npos);
    CHECK(svg.find("\x01") == std::string::npos);
    // The parser gives the original text back, with U+FFFD for what XML cannot hold.
    std::map<std::string, std::string> titles;
    for (const auto* node : find_all(root, "g", "node")) {
        const auto texts = find_all(*node, "text");
        titles[*node->value("data-id")] = text_of(*texts.back());
        CHECK(texts.front()->text == *node->value("data-id"));  // show_ids: the id line
    }
    REQUIRE(titles.contains(g.id));
    CHECK(titles[g.id] == g.title);
    CHECK(titles["a"].find("\xEF\xBF\xBD\xEF\xBF\xBD chars") != std::string::npos);
    CHECK(titles["a"].find("\xF0\x9F\x98\x80 emoji") != std::string::npos);
    const auto links = find_all(root, "path", "link");
    REQUIRE(links.size() == 1);
    CHECK(*links[0]->value("data-target") == g.id);
}

TEST_CASE("the SVG is the same byte for byte on every run", "[render][svg]") {
    SyntheticOptions so;
    so.nodes = 150;
    so.seed = 2;
    const TheoryOfChange toc = synthetic(so);
    const std::string first = to_svg(toc);
    CHECK(to_svg(toc) == first);
    CHECK(first.find("-nan") == std::string::npos);
    CHECK(first.find("inf") == std::string::npos);
    parse(first);
}

TEST_CASE("title, legend and level labels can be switched off", "[render][svg]") {
    const TheoryOfChange toc = load(example_path);
    SvgOptions o;
    o.title = "";
    o.legend = false;
    o.level_labels = false;
    const detail::XmlElement root = parse(to_svg(toc, o));
    CHECK(find_all(root, "g", "legend").empty());
    const auto bands = find_all(root, "g", "bands");
    REQUIRE(bands.size() == 1);
    CHECK(find_all(*bands[0], "text").empty());
    o.title = "Another title";
    CHECK(to_svg(toc, o).find(">Another title</text>") != std::string::npos);
}

TEST_CASE("svg_number writes plain, locale-free numbers", "[render][svg]") {
    CHECK(detail::svg_number(12) == "12");
    CHECK(detail::svg_number(12.25) == "12.3");  // one decimal, rounded half away from zero
    CHECK(detail::svg_number(-0.01) == "0");
    CHECK(detail::svg_number(-3.5) == "-3.5");
    CHECK(detail::svg_number(std::nan("")) == "0");
}

}  // namespace tocgraph::test
