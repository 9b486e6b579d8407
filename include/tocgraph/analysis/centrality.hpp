#pragma once
// Betweenness centrality of the nodes: how many shortest cause-to-effect paths
// run through each, i.e. which results broker the most causal routes.
//
// Brandes' algorithm on the unweighted directed graph. On a whole portfolio
// the exact value (a search from every node) is too slow, so `samples` > 0
// estimates it from that many source nodes drawn with a seed, scaled
// by n / samples (Brandes & Pich 2007).

#include <algorithm>
#include <cstdint>
#include <numeric>
#include <string>
#include <utility>
#include <vector>

#include "../detail/random/split_mix.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

struct CentralityOptions {
    bool normalized = true;     ///< divide by (n-1)(n-2), as networkx does for directed graphs
    std::size_t samples = 0;    ///< 0: exact; otherwise the number of sampled sources
    std::uint64_t seed = 0;     ///< for the sample
};

/// Betweenness of every node, by vertex (node insertion order).
inline std::vector<double> betweenness(const TheoryOfChange& toc, const CentralityOptions& options = {}) {
    const GraphIndex& index = toc.index();
    const std::size_t n = toc.node_count();
    std::vector<double> score(n, 0.0);
    if (n < 3) return score;

    std::vector<std::size_t> sources(n);
    std::iota(sources.begin(), sources.end(), std::size_t{0});
    double scale = 1.0;
    if (options.samples > 0 && options.samples < n) {
        // The first `samples` steps of a Fisher-Yates shuffle, with our own
        // generator: the same sample for the same seed on every platform.
        detail::SplitMix64 rng(options.seed);
        for (std::size_t i = 0; i < options.samples; ++i)
            std::swap(sources[i], sources[i + rng.below(n - i)]);
        sources.resize(options.samples);
        scale = double(n) / double(options.samples);
    }

    std::vector<std::int64_t> dist(n, -1);
    std::vector<double> sigma(n, 0.0), delta(n, 0.0);
    std::vector<std::size_t> order;  // vertices in BFS order; reversed for accumulation
    order.reserve(n);
    for (std::size_t s : sources) {
        order.clear();
        dist[s] = 0;
        sigma[s] = 1.0;
        order.push_back(s);
        for (std::size_t head = 0; head < order.size(); ++head) {
            const std::size_t v = order[head];
            for (const std::size_t w : index.successors(v)) {
                if (dist[w] < 0) {
                    dist[w] = dist[v] + 1;
                    order.push_back(w);
                }
                if (dist[w] == dist[v] + 1) sigma[w] += sigma[v];
            }
        }
        for (std::size_t i = order.size(); i-- > 0;) {
            const std::size_t w = order[i];
            for (const std::size_t v : index.predecessors(w)) {
                if (dist[v] >= 0 && dist[v] + 1 == dist[w]) delta[v] += sigma[v] / sigma[w] * (1.0 + delta[w]);
            }
            if (w != s) score[w] += delta[w];
        }
        for (std::size_t v : order) {  // reset only what this search touched
            dist[v] = -1;
            sigma[v] = 0.0;
            delta[v] = 0.0;
        }
    }
    const double norm = options.normalized ? 1.0 / (double(n - 1) * double(n - 2)) : 1.0;
    for (double& s : score) s *= scale * norm;
    return score;
}

/// The vertices by `score` (one per vertex, as betweenness gives), highest
/// first, ties in insertion order: the order centrality lists nodes in.
inline std::vector<std::size_t> vertices_by_score(const std::vector<double>& score) {
    std::vector<std::size_t> order(score.size());
    std::iota(order.begin(), order.end(), std::size_t{0});
    std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
    return order;
}

/// Node ids with their betweenness, highest first (ties in insertion order).
inline std::vector<std::pair<std::string, double>> centrality(const TheoryOfChange& toc,
                                                              const CentralityOptions& options = {}) {
    const auto score = betweenness(toc, options);
    std::vector<std::pair<std::string, double>> out;
    out.reserve(score.size());
    for (std::size_t v : vertices_by_score(score)) out.emplace_back(toc.id_of(v), score[v]);
    return out;
}

}  // namespace tocgraph
