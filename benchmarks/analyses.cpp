// The analyses of a synthetic ToC timed from C++, for comparison with the
// same calls made through Python (benchmarks/run.py starts this program).
//
//   tocgraph_bench_analyses NODES [SEED] [REPEAT] [SAMPLES] [cpu|wall]
//
// Prints one JSON object per line: {"analysis": NAME, "seconds": BEST} for
// each analysis, best of REPEAT runs, on tocgraph::synthetic({NODES, SEED}).
// Seconds are the process's CPU time by default (std::clock), which other
// load on the machine does not inflate; "wall" times by the wall clock.
// first, on Linux, {"memory": "bare_graph", ...}: the growth of the peak
// resident set while building the bare graph (no titles, no indicators).
#include <algorithm>
#include <chrono>
#include <cstdio>
#include <ctime>
#include <iostream>
#include <string>

#include <tocgraph/analysis.hpp>
#include <tocgraph/lint.hpp>
#include <tocgraph/synthetic.hpp>

#if __has_include(<sys/resource.h>)
#include <sys/resource.h>
#define TOCGRAPH_BENCH_RUSAGE 1
#endif

namespace {

bool wall_clock = false;

double now() {
    if (wall_clock)
        return std::chrono::duration<double>(std::chrono::steady_clock::now().time_since_epoch()).count();
    return double(std::clock()) / CLOCKS_PER_SEC;
}

template <typename F>
void time_best(const char* name, int repeat, F&& run) {
    double best = 1e300;
    for (int i = 0; i < repeat; ++i) {
        const double start = now();
        run();
        best = std::min(best, now() - start);
    }
    std::printf("{\"analysis\": \"%s\", \"seconds\": %.9f}\n", name, best);
    std::fflush(stdout);
}

#ifdef TOCGRAPH_BENCH_RUSAGE
/// Peak resident set of this process in KiB. On Linux VmHWM from
/// /proc/self/status: ru_maxrss survives fork and exec, so a child of a big
/// process would start with its parent's peak and show no growth.
long peak_rss_kib() {
    if (std::FILE* status = std::fopen("/proc/self/status", "r")) {
        char line[256];
        long kib = -1;
        while (std::fgets(line, sizeof line, status))
            if (std::sscanf(line, "VmHWM: %ld kB", &kib) == 1) break;
        std::fclose(status);
        if (kib >= 0) return kib;
    }
    rusage usage{};
    getrusage(RUSAGE_SELF, &usage);
    return usage.ru_maxrss;  // KiB on Linux
}

/// Peak RSS growth while building the bare graph, before anything else is
/// allocated, so the peak is this graph's.
void measure_bare_graph(std::size_t nodes, std::uint64_t seed) {
    const long before = peak_rss_kib();
    tocgraph::SyntheticOptions bare;
    bare.nodes = nodes;
    bare.seed = seed;
    bare.indicators = false;
    bare.titles = false;
    const tocgraph::TheoryOfChange toc = tocgraph::synthetic(bare);
    const long grown = peak_rss_kib() - before;
    const double items = double(toc.node_count() + toc.link_count());
    std::printf("{\"memory\": \"bare_graph\", \"nodes\": %zu, \"links\": %zu, \"peak_rss_growth_kib\": %ld, "
                "\"bytes_per_item\": %.1f}\n",
                toc.node_count(), toc.link_count(), grown, double(grown) * 1024.0 / items);
    std::fflush(stdout);
}
#endif

}  // namespace

int main(int argc, char** argv) {
    if (argc < 2) {
        std::cerr << "usage: tocgraph_bench_analyses NODES [SEED] [REPEAT] [SAMPLES] [cpu|wall]\n";
        return 2;
    }
    tocgraph::SyntheticOptions options;
    options.nodes = std::stoul(argv[1]);
    options.seed = argc > 2 ? std::stoull(argv[2]) : 0;
    const int repeat = argc > 3 ? std::stoi(argv[3]) : 3;
    const std::size_t samples = argc > 4 ? std::stoul(argv[4]) : 10;
    wall_clock = argc > 5 && std::string(argv[5]) == "wall";
#ifdef TOCGRAPH_BENCH_RUSAGE
    measure_bare_graph(options.nodes, options.seed);
#endif
    const tocgraph::TheoryOfChange toc = tocgraph::synthetic(options);
    const std::string goal = "goal0", activity = "act0";

    std::size_t sink = 0;  // keeps results alive so nothing is optimised away
    time_best("lint", repeat, [&] { sink += tocgraph::lint(toc).size(); });
    time_best("contributors", repeat, [&] { sink += tocgraph::contributors(toc, goal).size(); });
    time_best("effects", repeat, [&] { sink += tocgraph::effects(toc, activity).size(); });
    time_best("count_activity_paths", repeat, [&] { sink += tocgraph::count_activity_paths(toc, goal).is_zero(); });
    time_best("critical_nodes", repeat, [&] { sink += tocgraph::critical_nodes(toc, goal).size(); });
    time_best("what_if_removed", repeat,
              [&] { sink += tocgraph::what_if_removed(toc, {"act0", "act1", "out0"}).unsupported.size(); });
    time_best("coverage", repeat, [&] { sink += tocgraph::coverage(toc).indicators; });
    time_best("topological_order", repeat, [&] { sink += tocgraph::topological_order(toc).size(); });
    time_best("pathways_of", repeat, [&] { sink += tocgraph::pathways_of(toc, activity).size(); });
    time_best("centrality", repeat, [&] {
        tocgraph::CentralityOptions c;
        c.samples = samples;
        c.seed = 1;
        sink += tocgraph::centrality(toc, c).size();
    });
    std::cerr << "checksum " << sink << "\n";
    return 0;
}
