// Reads a tocgraph file and prints, per level, how many nodes it holds and
// how many of them are measured by an indicator; builds a small ToC in code
// when no file is given. Shows the public C++ API end to end.
#include <iostream>

#include <tocgraph/tocgraph.hpp>

namespace {

tocgraph::TheoryOfChange build_in_code() {
    tocgraph::TheoryOfChange toc(tocgraph::LevelSchema::logframe());
    toc.metadata().title = "Built in code";
    tocgraph::Node goal;
    goal.id = "goal";
    goal.level = "goal";
    goal.title = "Communities are healthier";
    toc.add_node(goal);
    tocgraph::Node activity;
    activity.id = "train";
    activity.level = "activity";
    activity.title = "Train health workers";
    toc.add_node(activity);
    tocgraph::Link link;
    link.source = "train";
    link.target = "goal";
    link.strength = 0.5;
    toc.add_link(link);
    return toc;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const tocgraph::TheoryOfChange toc = argc > 1 ? tocgraph::load(argv[1]) : build_in_code();
        // The file format round-trips: what we write reads back equal.
        if (tocgraph::loads(tocgraph::dumps(toc)) != toc) {
            std::cerr << "round trip changed the theory of change\n";
            return 1;
        }
        std::cout << toc.metadata().title << ": " << toc.node_count() << " nodes, "
                  << toc.link_count() << " links, " << toc.indicator_count() << " indicators\n";
        for (const tocgraph::Level& level : toc.schema().levels()) {
            std::size_t measured = 0;
            const auto nodes = toc.nodes_at(level.id);
            for (const tocgraph::Node* node : nodes)
                if (!toc.indicators_of(node->id).empty()) ++measured;
            std::cout << "  " << level.label << ": " << nodes.size() << " (" << measured
                      << " with indicators)\n";
        }
        return 0;
    } catch (const tocgraph::Error& e) {
        std::cerr << "error: " << e.what() << "\n";
        return 1;
    }
}
