// The layered layout: every node in its own level's band, no overlapping
// boxes, links routed upwards from cause to effect through the bands they
// cross, few crossings, pathways kept together, and the same result every time.
#include <catch2/catch.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <set>
#include <string>
#include <vector>

#include <tocgraph/analysis/pathways.hpp>
#include <tocgraph/json_io.hpp>
#include <tocgraph/render/layout.hpp>
#include <tocgraph/synthetic.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {

namespace {

const std::string example_path = std::string(TOCGRAPH_TEST_DATA_DIR) + "/../../examples/asean-act/toc.json";

/// toc_of with every node titled, "Title of ID" unless given, so that each
/// box holds words to wrap, as in a real drawing.
TheoryOfChange titled_toc_of(std::vector<NodeSpec> nodes,
                             const std::vector<std::pair<std::string, std::string>>& links = {}) {
    for (NodeSpec& n : nodes)
        if (n.title.empty()) n.title = "Title of " + n.id;
    return toc_of(nodes, links);
}

/// Checks every geometric invariant of a layout of `toc`.
void check_invariants(const TheoryOfChange& toc, const Layout& lay) {
    REQUIRE(lay.nodes.size() == toc.node_count());
    REQUIRE(lay.edges.size() == toc.link_count());

    // Bands: in schema order, stacked without gaps, from 0 to the height.
    double y = 0;
    std::size_t previous_rank = 0;
    for (std::size_t b = 0; b < lay.bands.size(); ++b) {
        const Band& band = lay.bands[b];
        CHECK(band.y == Approx(y));
        CHECK(band.height > 0);
        if (b > 0) CHECK(band.rank > previous_rank);
        CHECK(band.level == toc.schema().levels()[band.rank].id);
        previous_rank = band.rank;
        y += band.height;
    }
    CHECK(lay.height == Approx(y));

    // Every node inside its own level's band and inside the drawing.
    for (const NodeBox& box : lay.nodes) {
        INFO("node " << box.id);
        REQUIRE(box.band < lay.bands.size());
        const Band& band = lay.bands[box.band];
        CHECK(band.level == toc.node(box.id).level);
        CHECK(box.y >= band.y);
        CHECK(box.bottom() <= band.y + band.height + 1e-9);
        CHECK(box.x >= -1e-9);
        CHECK(box.x + box.width <= lay.width + 1e-9);
        CHECK(box.width > 0);
        CHECK(box.height > 0);
        CHECK(!box.lines.empty());
    }

    // No two boxes overlap (nor touch: at least a few pixels apart).
    std::vector<const NodeBox*> sorted;
    for (const NodeBox& b : lay.nodes) sorted.push_back(&b);
    std::sort(sorted.begin(), sorted.end(), [](auto a, auto b) { return a->x < b->x; });
    for (std::size_t i = 0; i < sorted.size(); ++i)
        for (std::size_t j = i + 1; j < sorted.size() && sorted[j]->x < sorted[i]->x + sorted[i]->width + 4; ++j) {
            const NodeBox& a = *sorted[i];
            const NodeBox& b = *sorted[j];
            const bool apart_x = b.x >= a.x + a.width + 4;
            const bool apart_y = b.y >= a.bottom() || a.y >= b.bottom();
            INFO(a.id << " and " << b.id);
            CHECK((apart_x || apart_y));
        }

    // Links: from the source box to the target box; an upward link climbs
    // all the way (y never increases) and ends pointing up into the
    // target's bottom edge.
    for (const EdgePath& e : lay.edges) {
        INFO("link " << e.source << " -> " << e.target);
        const NodeBox& s = *lay.find(e.source);
        const NodeBox& t = *lay.find(e.target);
        REQUIRE(e.points.size() >= 2);
        const Point first = e.points.front(), last = e.points.back();
        CHECK(first.x >= s.x - 1e-6);
        CHECK(first.x <= s.x + s.width + 1e-6);
        CHECK(last.x >= t.x - 1e-6);
        CHECK(last.x <= t.x + t.width + 1e-6);
        if (e.direction == EdgeDirection::up) {
            CHECK(s.band > t.band);
            CHECK(e.points.size() % 2 == 0);
            CHECK(first.y == Approx(s.y).margin(0.06));
            CHECK(last.y == Approx(t.bottom()).margin(0.06));
            for (std::size_t i = 0; i + 1 < e.points.size(); ++i) CHECK(e.points[i + 1].y <= e.points[i].y + 1e-9);
            // The last piece arrives from below: the arrow points up.
            // (A link ending past the lower row of a staggered band ends
            // with a zero-length curve, so look at the last distinct point.)
            std::size_t j = e.points.size() - 2;
            while (j > 0 && e.points[j].x == last.x && e.points[j].y == last.y) --j;
            const Point before = e.points[j];
            CHECK(before.y > last.y);
            // A bend point in every band the link crosses.
            CHECK(e.points.size() >= 2 + 2 * (s.band - t.band - 1));
        }
    }
}

std::size_t band_of(const Layout& lay, const std::string& id) { return lay.find(id)->band; }

}  // namespace

TEST_CASE("layout of the bundled example keeps every invariant", "[render][layout]") {
    const TheoryOfChange toc = load(example_path);
    const Layout lay = layout(toc);
    check_invariants(toc, lay);
    // The example has no intermediate outcome: six bands, goal on top.
    REQUIRE(lay.bands.size() == 6);
    CHECK(lay.bands.front().level == "goal");
    CHECK(lay.bands.back().level == "activity");
    CHECK(band_of(lay, "goal") == 0);
    CHECK(band_of(lay, "act_exchanges") == 5);
    // The example's links can all be drawn without a crossing.
    CHECK(lay.crossings == 0);
    // Titles are wrapped, never cut.
    for (const NodeBox& box : lay.nodes) {
        std::string joined;
        for (const std::string& line : box.lines) joined += (joined.empty() ? "" : " ") + line;
        CHECK(joined == toc.node(box.id).title);
    }
    // The goal is centred above its pathways, within a few pixels.
    double left = 1e9, right = -1e9;
    for (const char* p : {"pathway_1", "pathway_2", "pathway_3"}) {
        left = std::min(left, lay.find(p)->center_x());
        right = std::max(right, lay.find(p)->center_x());
    }
    CHECK(lay.find("goal")->center_x() == Approx((left + right) / 2).margin(lay.find("goal")->width / 2));
}

TEST_CASE("empty levels get a band only when asked", "[render][layout]") {
    const TheoryOfChange toc = load(example_path);
    LayoutOptions options;
    options.show_empty_levels = true;
    const Layout lay = layout(toc, options);
    check_invariants(toc, lay);
    REQUIRE(lay.bands.size() == 7);
    CHECK(lay.bands[3].level == "intermediate_outcome");
    // The links from immediate outcomes to end-of-program outcomes now cross
    // the empty band, with a bend point in it.
    for (const EdgePath& e : lay.edges)
        if (e.source == "io_1_1") CHECK(e.points.size() == 4);
}

TEST_CASE("a link that skips levels leaves its nodes in their own bands", "[render][layout]") {
    // b -> g runs from an activity straight to the goal: it crosses the pathway and outcome bands.
    const TheoryOfChange toc = titled_toc_of(
        {{"g", "goal"}, {"p", "pathway"}, {"o", "immediate_outcome"}, {"a", "activity"}, {"b", "activity"}},
        {{"p", "g"}, {"o", "p"}, {"a", "o"}, {"b", "g"}});
    const Layout lay = layout(toc);
    check_invariants(toc, lay);
    CHECK(band_of(lay, "b") == band_of(lay, "a"));
    CHECK(band_of(lay, "b") == 3);
    const auto it = std::find_if(lay.edges.begin(), lay.edges.end(), [](const EdgePath& e) { return e.source == "b"; });
    REQUIRE(it != lay.edges.end());
    CHECK(it->points.size() == 2 + 2 * 2);  // bend points in the pathway and outcome bands
    // The long link runs straight up through the bands it crosses.
    CHECK(it->points[1].x == Approx(it->points[2].x));
    CHECK(it->points[3].x == Approx(it->points[4].x));
}

TEST_CASE("crossing reduction reaches the optimum on small graphs", "[render][layout]") {
    SECTION("two links added crossed are uncrossed") {
        // Insertion order puts a1 under o1 and a2 under o2, but a1 feeds o2.
        const TheoryOfChange toc = titled_toc_of({{"g", "goal"}, {"o1", "output"}, {"o2", "output"},
                                                  {"a1", "activity"}, {"a2", "activity"}, {"a3", "activity"}},
                                                 {{"o1", "g"}, {"o2", "g"}, {"a1", "o2"}, {"a2", "o1"}, {"a3", "o2"}});
        const Layout lay = layout(toc);
        check_invariants(toc, lay);
        CHECK(lay.crossings == 0);
        // a2 (under o1) ends up left of a1 and a3 (under o2), since o1 is left of o2 or the reverse.
        const bool o1_left = lay.find("o1")->x < lay.find("o2")->x;
        CHECK((lay.find("a2")->x < lay.find("a1")->x) == o1_left);
    }
    SECTION("K(2,2) between two levels has exactly one unavoidable crossing") {
        const TheoryOfChange toc =
            titled_toc_of({{"g", "goal"}, {"o1", "output"}, {"o2", "output"}, {"a1", "activity"}, {"a2", "activity"}},
                          {{"o1", "g"}, {"o2", "g"}, {"a1", "o1"}, {"a1", "o2"}, {"a2", "o1"}, {"a2", "o2"}});
        const Layout lay = layout(toc);
        check_invariants(toc, lay);
        CHECK(lay.crossings == 1);
    }
    SECTION("a twisted ladder over four levels is straightened") {
        // Three chains a_i -> o_(perm i) -> e_(perm' i) -> g, inserted in orders that cross.
        const TheoryOfChange toc = titled_toc_of(
            {{"g", "goal"}, {"e1", "end_of_program_outcome"}, {"e2", "end_of_program_outcome"},
             {"e3", "end_of_program_outcome"}, {"o1", "output"}, {"o2", "output"}, {"o3", "output"},
             {"a1", "activity"}, {"a2", "activity"}, {"a3", "activity"}},
            {{"e1", "g"}, {"e2", "g"}, {"e3", "g"}, {"o1", "e3"}, {"o2", "e1"}, {"o3", "e2"}, {"a1", "o2"},
             {"a2", "o3"}, {"a3", "o1"}});
        const Layout lay = layout(toc);
        check_invariants(toc, lay);
        CHECK(lay.crossings == 0);
    }
}

TEST_CASE("the nodes of one pathway stay together in every band", "[render][layout]") {
    SyntheticOptions so;
    so.nodes = 120;
    so.seed = 7;
    so.cross_links = 0;  // every node serves one pathway only
    const TheoryOfChange toc = synthetic(so);
    const Layout lay = layout(toc);
    check_invariants(toc, lay);
    std::map<std::string, std::string> pathway;
    for (const Node& n : toc.nodes()) {
        const auto p = pathways_of(toc, n.id);
        if (p.size() == 1) pathway[n.id] = p.front();
    }
    for (std::size_t b = 0; b < lay.bands.size(); ++b) {
        std::vector<const NodeBox*> row;
        for (const NodeBox& box : lay.nodes)
            if (box.band == b && pathway.contains(box.id)) row.push_back(&box);
        std::sort(row.begin(), row.end(), [](auto x, auto y) { return x->x < y->x; });
        // Reading left to right, once a pathway's run ends it never comes back.
        std::set<std::string> finished;
        std::string current;
        for (const NodeBox* box : row) {
            const std::string& p = pathway[box->id];
            if (p == current) continue;
            INFO("band " << lay.bands[b].level << ": " << box->id << " of " << p);
            CHECK(!finished.contains(p));
            if (!current.empty()) finished.insert(current);
            current = p;
        }
    }
}

TEST_CASE("synthetic theories of change from 5 to 300 nodes are laid out cleanly", "[render][layout]") {
    for (std::size_t n : {5, 12, 40, 100, 300}) {
        INFO(n << " nodes");
        SyntheticOptions so;
        so.nodes = n;
        so.seed = 3;
        const TheoryOfChange toc = synthetic(so);
        const Layout lay = layout(toc);
        check_invariants(toc, lay);
    }
}

TEST_CASE("a band wider than max_width is staggered over two rows", "[render][layout]") {
    SyntheticOptions so;
    so.nodes = 150;
    so.seed = 5;
    const TheoryOfChange toc = synthetic(so);
    LayoutOptions wide;
    wide.max_width = 0;
    const Layout single = layout(toc, wide);
    LayoutOptions narrow;
    narrow.max_width = 1500;
    const Layout staggered = layout(toc, narrow);
    check_invariants(toc, single);
    check_invariants(toc, staggered);
    const Band& activities = staggered.bands.back();
    CHECK(activities.rows == 2);
    CHECK(single.bands.back().rows == 1);
    CHECK(staggered.width < single.width * 0.7);
    std::size_t lower = 0;
    for (const NodeBox& box : staggered.nodes)
        if (box.band == staggered.bands.size() - 1 && box.row == 1) ++lower;
    CHECK(lower > 0);
    // A node of the lower row sends its links up past the upper row in a
    // straight line clear of every box of that row.
    for (const EdgePath& e : staggered.edges) {
        const NodeBox& s = *staggered.find(e.source);
        if (s.row != 1) continue;
        REQUIRE(e.points.size() >= 3);
        const double x = e.points[0].x;
        CHECK(e.points[2].x == x);
        for (const NodeBox& other : staggered.nodes)
            if (other.band == s.band && other.row == 0) {
                INFO(e.source << " passes " << other.id);
                CHECK((x < other.x || x > other.x + other.width));
            }
    }
}

TEST_CASE("downward and same-level links are routed without breaking the layout", "[render][layout]") {
    // g -> o2 points down (the linter's TOC102); o1 -> o2 joins one level (TOC103).
    const TheoryOfChange toc = titled_toc_of({{"g", "goal"}, {"o1", "output"}, {"o2", "output"}, {"a", "activity"}},
                                             {{"o1", "g"}, {"g", "o2"}, {"o1", "o2"}, {"a", "o1"}});
    const Layout lay = layout(toc);
    check_invariants(toc, lay);
    for (const EdgePath& e : lay.edges) {
        if (e.source == "g") {
            CHECK(e.direction == EdgeDirection::down);
            CHECK(e.points.front().y == Approx(lay.find("g")->bottom()).margin(0.06));
            CHECK(e.points.back().y == Approx(lay.find("o2")->y).margin(0.06));
        }
        if (e.source == "o1" && e.target == "o2") {
            CHECK(e.direction == EdgeDirection::level);
            CHECK(e.points.size() == 2);
        }
    }
}

TEST_CASE("layout is deterministic", "[render][layout]") {
    SyntheticOptions so;
    so.nodes = 200;
    so.seed = 11;
    const TheoryOfChange toc = synthetic(so);
    const Layout a = layout(toc), b = layout(toc);
    REQUIRE(a.nodes.size() == b.nodes.size());
    for (std::size_t i = 0; i < a.nodes.size(); ++i) {
        CHECK(a.nodes[i].x == b.nodes[i].x);
        CHECK(a.nodes[i].y == b.nodes[i].y);
    }
    for (std::size_t i = 0; i < a.edges.size(); ++i) CHECK(a.edges[i].points == b.edges[i].points);
    CHECK(a.crossings == b.crossings);
}

TEST_CASE("boxes grow with their text and the options", "[render][layout]") {
    const TheoryOfChange toc = toc_of(
        {{"g", "goal", "Goal"},
         {"a", "activity", "A rather long activity title that certainly needs to wrap over several lines of text"},
         {"untitled", "activity"}},
        {{"a", "g"}});
    const Layout lay = layout(toc);
    check_invariants(toc, lay);
    CHECK(lay.find("a")->lines.size() >= 3);
    CHECK(lay.find("a")->height > lay.find("g")->height);
    CHECK(lay.find("untitled")->lines == std::vector<std::string>{"untitled"});  // the id stands in

    LayoutOptions big;
    big.font_size = 18;
    big.show_ids = true;
    const Layout larger = layout(toc, big);
    CHECK(larger.find("g")->height > lay.find("g")->height + 10);

    LayoutOptions cut;
    cut.max_lines = 2;
    const Layout cut_layout = layout(toc, cut);
    REQUIRE(cut_layout.find("a")->lines.size() == 2);
    CHECK(cut_layout.find("a")->lines.back().ends_with("\xE2\x80\xA6"));
}

TEST_CASE("bad layout options are refused", "[render][layout]") {
    const TheoryOfChange toc = titled_toc_of({{"g", "goal"}});
    LayoutOptions o;
    o.font_size = 0;
    CHECK_THROWS_WITH(layout(toc, o), "layout option font_size must be a positive number, got 0.000000");
    o = {};
    o.max_width = -1;
    CHECK_THROWS_AS(layout(toc, o), std::invalid_argument);
    o = {};
    o.max_text_width = std::nan("");
    CHECK_THROWS_AS(layout(toc, o), std::invalid_argument);
}

TEST_CASE("an empty theory of change has an empty layout", "[render][layout]") {
    const TheoryOfChange toc;
    const Layout lay = layout(toc);
    CHECK(lay.nodes.empty());
    CHECK(lay.bands.empty());
    CHECK(lay.width == 0);
    CHECK(lay.height == 0);
}

}  // namespace tocgraph::test
