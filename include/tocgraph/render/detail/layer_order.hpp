#pragma once
// Crossing reduction for a layered drawing (the second phase of Sugiyama,
// Tagawa and Toda's method): every edge joins two adjacent layers, and the
// order of the elements inside each layer is chosen to make few edges cross.
//
// Layers are swept top to bottom and back, sorting each layer by the
// weighted median (Gansner et al., "A technique for drawing directed
// graphs", 1993) or the barycenter of its neighbours in the layer just
// fixed, alternately; a transposition pass then swaps neighbours while that
// removes crossings. The best order seen is kept. Crossings are counted with
// Barth, Juenger and Mutzel's accumulator tree, in O(E log V) per layer pair.
//
// Elements also carry a group key (the pathways a node serves): the sort is
// by group first, so a group's elements stay together; NaN means no group
// and sorts after every group.

#include <algorithm>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <vector>

namespace tocgraph::detail {

/// A graph whose edges all join adjacent layers. Layer 0 is the top.
struct LayeredGraph {
    std::vector<std::size_t> layer;               ///< per element
    std::vector<std::vector<std::size_t>> up;     ///< neighbours in layer - 1
    std::vector<std::vector<std::size_t>> down;   ///< neighbours in layer + 1
    std::vector<double> group;                    ///< group key, NaN for none
    std::size_t layer_count = 0;

    std::size_t add(std::size_t layer_index, double group_key) {
        layer.push_back(layer_index);
        up.emplace_back();
        down.emplace_back();
        group.push_back(group_key);
        layer_count = std::max(layer_count, layer_index + 1);
        return layer.size() - 1;
    }
    /// Joins `upper` (in some layer l) and `lower` (in layer l + 1).
    void join(std::size_t upper, std::size_t lower) {
        up[lower].push_back(upper);
        down[upper].push_back(lower);
    }
    std::size_t size() const noexcept { return layer.size(); }
};

using LayerOrder = std::vector<std::vector<std::size_t>>;  ///< elements of each layer, left to right

/// Crossings between layer `l` and layer `l + 1`.
inline std::size_t crossings_between(const LayeredGraph& g, const LayerOrder& order,
                                     const std::vector<std::size_t>& position, std::size_t l) {
    // Edges sorted by upper position then lower position; the crossings are
    // the inversions among the lower positions.
    std::vector<std::size_t> lower;
    for (std::size_t u : order[l]) {
        const std::size_t start = lower.size();
        for (std::size_t w : g.down[u]) lower.push_back(position[w]);
        std::sort(lower.begin() + static_cast<std::ptrdiff_t>(start), lower.end());
    }
    const std::size_t n = order[l + 1].size();
    if (n == 0 || lower.empty()) return 0;
    std::size_t first = 1;
    while (first < n) first *= 2;
    std::vector<std::size_t> tree(2 * first - 1, 0);
    std::size_t count = 0;
    for (std::size_t p : lower) {
        std::size_t index = p + first - 1;
        ++tree[index];
        while (index > 0) {
            if (index % 2) count += tree[index + 1];  // left child: the right sibling holds larger positions
            index = (index - 1) / 2;
            ++tree[index];
        }
    }
    return count;
}

inline std::vector<std::size_t> positions_of(const LayeredGraph& g, const LayerOrder& order) {
    std::vector<std::size_t> position(g.size(), 0);
    for (const auto& layer : order)
        for (std::size_t i = 0; i < layer.size(); ++i) position[layer[i]] = i;
    return position;
}

/// Total crossings of the drawing with this order.
inline std::size_t count_crossings(const LayeredGraph& g, const LayerOrder& order) {
    const auto position = positions_of(g, order);
    std::size_t total = 0;
    for (std::size_t l = 0; l + 1 < order.size(); ++l) total += crossings_between(g, order, position, l);
    return total;
}

namespace order_impl {

inline bool group_less(double a, double b) {
    if (std::isnan(a)) return false;
    if (std::isnan(b)) return true;
    return a < b;
}
inline bool same_group(double a, double b) { return (std::isnan(a) && std::isnan(b)) || a == b; }

/// Weighted median of sorted positions (Gansner et al.); -1 when empty.
inline double median_of(const std::vector<double>& p) {
    const std::size_t m = p.size();
    if (m == 0) return -1;
    if (m % 2 == 1) return p[m / 2];
    if (m == 2) return (p[0] + p[1]) / 2;
    const double left = p[m / 2 - 1] - p[0], right = p[m - 1] - p[m / 2];
    if (left + right == 0) return (p[m / 2 - 1] + p[m / 2]) / 2;
    return (p[m / 2 - 1] * right + p[m / 2] * left) / (left + right);
}

/// Sorts layer `l` by (group, key of its neighbours in the fixed layer).
inline void sort_layer(const LayeredGraph& g, LayerOrder& order, std::vector<std::size_t>& position,
                       std::size_t l, bool from_above, bool use_median) {
    auto& layer = order[l];
    std::vector<double> key(layer.size());
    std::vector<double> p;
    double previous = -1;
    for (std::size_t i = 0; i < layer.size(); ++i) {
        const auto& neighbours = from_above ? g.up[layer[i]] : g.down[layer[i]];
        if (neighbours.empty()) {
            key[i] = previous;  // no pull: stay right after the element before it
            continue;
        }
        p.clear();
        for (std::size_t w : neighbours) p.push_back(double(position[w]));
        std::sort(p.begin(), p.end());
        key[i] = use_median ? median_of(p) : std::accumulate(p.begin(), p.end(), 0.0) / double(p.size());
        previous = key[i];
    }
    std::vector<std::size_t> index(layer.size());
    std::iota(index.begin(), index.end(), 0);
    std::stable_sort(index.begin(), index.end(), [&](std::size_t a, std::size_t b) {
        const double ga = g.group[layer[a]], gb = g.group[layer[b]];
        if (!same_group(ga, gb)) return group_less(ga, gb);
        return key[a] < key[b];
    });
    std::vector<std::size_t> sorted(layer.size());
    for (std::size_t i = 0; i < index.size(); ++i) sorted[i] = layer[index[i]];
    layer = std::move(sorted);
    for (std::size_t i = 0; i < layer.size(); ++i) position[layer[i]] = i;
}

/// Crossings among the edges of `a` and `b` (a left of b) to one neighbour layer.
inline std::size_t pair_crossings(const std::vector<std::size_t>& na, const std::vector<std::size_t>& nb,
                                  const std::vector<std::size_t>& position) {
    std::size_t count = 0;
    for (std::size_t x : na)
        for (std::size_t y : nb)
            if (position[x] > position[y]) ++count;
    return count;
}

/// Swaps neighbours of the same group while that removes crossings.
inline void transpose(const LayeredGraph& g, LayerOrder& order, std::vector<std::size_t>& position,
                      std::size_t max_passes) {
    for (std::size_t pass = 0; pass < max_passes; ++pass) {
        bool improved = false;
        for (auto& layer : order) {
            for (std::size_t i = 0; i + 1 < layer.size(); ++i) {
                const std::size_t a = layer[i], b = layer[i + 1];
                if (!same_group(g.group[a], g.group[b])) continue;
                const std::size_t degree = g.up[a].size() + g.down[a].size() + g.up[b].size() + g.down[b].size();
                if (degree == 0 || degree > 400) continue;  // nothing to gain, or too costly to count
                const std::size_t before = pair_crossings(g.up[a], g.up[b], position) +
                                           pair_crossings(g.down[a], g.down[b], position);
                const std::size_t after = pair_crossings(g.up[b], g.up[a], position) +
                                          pair_crossings(g.down[b], g.down[a], position);
                if (after < before) {
                    std::swap(layer[i], layer[i + 1]);
                    position[a] = i + 1;
                    position[b] = i;
                    improved = true;
                }
            }
        }
        if (!improved) break;
    }
}

}  // namespace order_impl

/// Reorders the layers of `order` (an initial order, e.g. by group and
/// insertion) to reduce crossings; returns the crossings of the result.
/// At most `iterations` down-and-up sweeps; stops after four that bring no
/// improvement. Deterministic: ties keep the current order.
inline std::size_t reduce_crossings(const LayeredGraph& g, LayerOrder& order, std::size_t iterations) {
    using namespace order_impl;
    auto position = positions_of(g, order);
    LayerOrder best = order;
    std::size_t best_crossings = count_crossings(g, order);
    std::size_t stale = 0;
    for (std::size_t it = 0; it < iterations && best_crossings > 0 && stale < 4; ++it) {
        const bool median = it % 2 == 0;
        for (std::size_t l = 1; l < order.size(); ++l) sort_layer(g, order, position, l, true, median);
        transpose(g, order, position, 4);
        for (std::size_t l = order.size(); l-- > 1;) sort_layer(g, order, position, l - 1, false, median);
        transpose(g, order, position, 4);
        const std::size_t c = count_crossings(g, order);
        if (c < best_crossings) {
            best_crossings = c;
            best = order;
            stale = 0;
        } else {
            ++stale;
        }
    }
    order = std::move(best);
    return best_crossings;
}

}  // namespace tocgraph::detail
