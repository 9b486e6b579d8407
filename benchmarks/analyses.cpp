// The analyses of a synthetic ToC timed from C++, for comparison with the
// same calls made through Python (benchmarks/run.py starts this program).
//
//   tocgraph_bench_analyses NODES [SEED] [REPEAT]
//
// Prints one JSON object per line: {"analysis": NAME, "seconds": BEST}.
#include <chrono>
#include <cstdio>
#include <iostream>
#include <string>

#include <tocgraph/analysis.hpp>
#include <tocgraph/lint.hpp>
#include <tocgraph/synthetic.hpp>

namespace {

template <typename F>
void time_best(const char* name, int repeat, F&& run) {
    double best = 1e300;
    for (int i = 0; i < repeat; ++i) {
        const auto start = std::chrono::steady_clock::now();
        run();
        const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
        best = std::min(best, seconds);
    }
    std::printf("{\"analysis\": \"%s\", \"seconds\": %.9f}\n", name, best);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: tocgraph_bench_analyses NODES [SEED] [REPEAT]\n";
        return 2;
    }
    tocgraph::SyntheticOptions options;
    options.nodes = std::stoul(argv[1]);
    options.seed = argc > 2 ? std::stoull(argv[2]) : 0;
    const int repeat = argc > 3 ? std::stoi(argv[3]) : 3;
    const tocgraph::TheoryOfChange toc = tocgraph::synthetic(options);
    const std::string goal = "goal0", pathway = "pw0", activity = "act0";

    std::size_t sink = 0;  // keeps results alive so nothing is optimised away
    time_best("lint", repeat, [&] { sink += tocgraph::lint(toc).size(); });
    time_best("contributors", repeat, [&] { sink += tocgraph::contributors(toc, goal).size(); });
    time_best("effects", repeat, [&] { sink += tocgraph::effects(toc, activity).size(); });
    time_best("count_paths", repeat, [&] { sink += tocgraph::count_activity_paths(toc, goal).is_zero(); });
    time_best("critical_nodes", repeat, [&] { sink += tocgraph::critical_nodes(toc, pathway).size(); });
    time_best("what_if_removed", repeat,
              [&] { sink += tocgraph::what_if_removed(toc, {"act0", "act1", "out0"}).unsupported.size(); });
    time_best("coverage", repeat, [&] { sink += tocgraph::coverage(toc).indicators; });
    time_best("topological_order", repeat, [&] { sink += tocgraph::topological_order(toc).size(); });
    time_best("pathways_of", repeat, [&] { sink += tocgraph::pathways_of(toc, activity).size(); });
    std::cerr << "checksum " << sink << "\n";
    return 0;
}
