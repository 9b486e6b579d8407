#pragma once
// Horizontal coordinates for a layered drawing whose layer orders are fixed
// (the third phase of Sugiyama's method). The goal is the quadratic one of
// Gansner et al.: make sum over edges of weight * (x_u - x_v)^2 small, with
// the heavier weights on edges between virtual elements so long edges run
// straight, subject to the order and the minimum separation inside each
// layer, so boxes never overlap.
//
// Solved by block coordinate descent: one layer at a time, holding the
// others, the best positions are a weighted isotonic regression (substitute
// y_i = x_i - S_i with S_i the summed separations to the left; the
// constraints become y_i <= y_{i+1}), which the pool-adjacent-violators
// algorithm solves exactly in linear time. Sweeping down, up and both ways
// repeatedly converges to a balanced drawing.

#include <algorithm>
#include <cstddef>
#include <limits>
#include <vector>

#include "layer_order.hpp"

namespace tocgraph::detail {

struct PlacementInput {
    const LayeredGraph* graph = nullptr;
    const LayerOrder* order = nullptr;
    std::vector<double> width;                     ///< per element (0 for an edge's bend point)
    std::vector<std::vector<double>> separation;   ///< per layer: centre-to-centre minimum, i to i+1
    std::vector<char> is_virtual;                  ///< per element
    std::size_t passes = 24;
};

namespace placement_impl {

/// Minimises sum w_i (x_i - d_i)^2 subject to x_{i+1} - x_i >= sep_i.
inline std::vector<double> fit_layer(const std::vector<double>& desired, const std::vector<double>& weight,
                                     const std::vector<double>& sep) {
    const std::size_t n = desired.size();
    std::vector<double> offset(n, 0.0);
    for (std::size_t i = 1; i < n; ++i) offset[i] = offset[i - 1] + sep[i - 1];
    struct Block {
        double weight, weighted_sum;
        std::size_t count;
        double mean() const { return weighted_sum / weight; }
    };
    std::vector<Block> blocks;
    blocks.reserve(n);
    for (std::size_t i = 0; i < n; ++i) {
        blocks.push_back({weight[i], weight[i] * (desired[i] - offset[i]), 1});
        while (blocks.size() > 1 && blocks[blocks.size() - 2].mean() > blocks.back().mean()) {
            Block last = blocks.back();
            blocks.pop_back();
            blocks.back().weight += last.weight;
            blocks.back().weighted_sum += last.weighted_sum;
            blocks.back().count += last.count;
        }
    }
    std::vector<double> x(n);
    std::size_t i = 0;
    for (const Block& b : blocks)
        for (std::size_t k = 0; k < b.count; ++k, ++i) x[i] = b.mean() + offset[i];
    return x;
}

}  // namespace placement_impl

/// Centre x of every element; the leftmost box edge is at 0.
inline std::vector<double> place_layers(const PlacementInput& in) {
    const LayeredGraph& g = *in.graph;
    const LayerOrder& order = *in.order;
    std::vector<double> x(g.size(), 0.0);

    // Start packed from the left, each layer centred on the widest.
    std::vector<double> extent(order.size(), 0.0);
    for (std::size_t l = 0; l < order.size(); ++l) {
        const auto& layer = order[l];
        for (std::size_t i = 0; i < layer.size(); ++i)
            x[layer[i]] = i == 0 ? 0.0 : x[layer[i - 1]] + in.separation[l][i - 1];
        if (!layer.empty()) extent[l] = x[layer.back()];
    }
    const double widest = order.empty() ? 0.0 : *std::max_element(extent.begin(), extent.end());
    for (std::size_t l = 0; l < order.size(); ++l)
        for (std::size_t e : order[l]) x[e] += (widest - extent[l]) / 2;

    auto edge_weight = [&](std::size_t a, std::size_t b) {
        const int virtuals = int(in.is_virtual[a] != 0) + int(in.is_virtual[b] != 0);
        return virtuals == 2 ? 8.0 : virtuals == 1 ? 2.0 : 1.0;
    };
    std::vector<double> desired, weight;
    auto relax = [&](std::size_t l, bool use_up, bool use_down) {
        const auto& layer = order[l];
        desired.assign(layer.size(), 0.0);
        weight.assign(layer.size(), 0.0);
        for (std::size_t i = 0; i < layer.size(); ++i) {
            const std::size_t e = layer[i];
            double sum = 0, total = 0;
            auto pull = [&](const std::vector<std::size_t>& neighbours) {
                for (std::size_t w : neighbours) {
                    const double omega = edge_weight(e, w);
                    sum += omega * x[w];
                    total += omega;
                }
            };
            if (use_up) pull(g.up[e]);
            if (use_down) pull(g.down[e]);
            if (total == 0) {  // no pull this way: try the other, else stay put lightly
                pull(g.up[e]);
                pull(g.down[e]);
            }
            if (total == 0) {  // unlinked: stay just right of the element before it
                desired[i] = i > 0 ? x[layer[i - 1]] + in.separation[l][i - 1] : x[e];
                weight[i] = 1e-3;
            } else {
                desired[i] = sum / total;
                weight[i] = total;
            }
        }
        const auto fitted = placement_impl::fit_layer(desired, weight, in.separation[l]);
        for (std::size_t i = 0; i < layer.size(); ++i) x[layer[i]] = fitted[i];
    };

    for (std::size_t pass = 0; pass < in.passes; ++pass) {
        const std::size_t kind = pass % 3;
        if (kind == 0)
            for (std::size_t l = 1; l < order.size(); ++l) relax(l, true, false);
        else if (kind == 1)
            for (std::size_t l = order.size(); l-- > 0;) relax(l, false, true);
        else
            for (std::size_t l = 0; l < order.size(); ++l) relax(l, true, true);
    }
    // Finish with a balancing sweep both ways, then shift to start at 0.
    for (std::size_t l = order.size(); l-- > 0;) relax(l, true, true);

    double left = std::numeric_limits<double>::infinity();
    for (std::size_t e = 0; e < g.size(); ++e) left = std::min(left, x[e] - in.width[e] / 2);
    if (g.size() > 0)
        for (double& v : x) v -= left;
    return x;
}

}  // namespace tocgraph::detail
