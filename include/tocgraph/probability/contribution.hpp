#pragma once
// Contribution: the Shapley share of a target's chance that each activity
// (and each pathway) brings, by exact inference.
//
// The value of a coalition S of players (activities, or pathways) is
// v(S) = P(target | observations, every player outside S fails); the shares
// split v(all) - v(none) = P(target | observations) - P(target | no player)
// fairly. Exact over all 2**n coalitions for n <= exact_limit players; above
// that, estimated from `permutations` random orders (each share's standard
// error from the spread of its marginal contributions). Observed players
// keep their observed value and take no share.

#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../detail/random/split_mix.hpp"
#include "sensitivity.hpp"

namespace tocgraph {

struct ContributionOptions {
    std::size_t exact_limit = 12;      ///< players up to which shares are exact
    std::size_t permutations = 200;    ///< random orders above it
    std::uint64_t seed = 0;
};

struct Share {
    std::string id;
    double share = 0.0;
    double std_error = 0.0;  ///< 0 when exact
};

struct Contribution {
    std::string target;
    double probability = 0.0;  ///< P(target | observations)
    /// P(target | observations, every activity fails): what the ToC's causes
    /// outside the activities (leaks, observed results) give alone.
    double baseline = 0.0;
    bool exact = true;
    std::vector<Share> activities;  ///< in model order
    /// Shares of the pathways, when the model has some (and the target is above them):
    /// players are the pathways, a failing pathway failing whatever its causes.
    std::vector<Share> pathways;
    double pathway_baseline = 0.0;
};

namespace detail {

/// Shapley shares of `players` (node variables) for target t.
inline std::vector<Share> shapley(const Engine& engine, const std::vector<std::uint32_t>& players, std::uint32_t t,
                                  const ContributionOptions& options, double& baseline, bool& exact) {
    const std::size_t n = players.size();
    std::unordered_map<std::uint64_t, double> cache;
    std::vector<bool> in(n);
    auto value = [&](const std::vector<bool>& members) {
        std::uint64_t key = 0;
        const bool cacheable = n <= 64;
        for (std::size_t i = 0; i < n && cacheable; ++i) key |= std::uint64_t(members[i]) << i;
        if (cacheable)
            if (auto it = cache.find(key); it != cache.end()) return it->second;
        ProbabilityModel m = engine.model;
        for (std::size_t i = 0; i < n; ++i)
            if (!members[i]) m.nodes[players[i]].forced = 0;
        const double v = engine.probability(m, engine.evidence, t);
        if (std::isnan(v))
            throw ImpossibleObservations("the observations are impossible when some of the players fail");
        if (cacheable) cache.emplace(key, v);
        return v;
    };
    std::vector<Share> out(n);
    for (std::size_t i = 0; i < n; ++i) out[i].id = engine.model.node_ids[players[i]];
    baseline = value(std::vector<bool>(n, false));
    exact = n <= options.exact_limit;
    if (exact) {
        // Weights |S|! (n - |S| - 1)! / n! by coalition size.
        std::vector<double> weight(n, 1.0 / double(n));
        for (std::size_t s = 1; s < n; ++s) weight[s] = weight[s - 1] * double(s) / double(n - s);
        std::vector<double> v(std::size_t{1} << n);
        for (std::size_t mask = 0; mask < v.size(); ++mask) {
            for (std::size_t i = 0; i < n; ++i) in[i] = mask >> i & 1;
            v[mask] = value(in);
        }
        for (std::size_t mask = 0; mask < v.size(); ++mask)
            for (std::size_t i = 0; i < n; ++i)
                if (!(mask >> i & 1))
                    out[i].share += weight[static_cast<std::size_t>(__builtin_popcountll(mask))] * (v[mask | (std::size_t{1} << i)] - v[mask]);
        return out;
    }
    SplitMix64 rng(options.seed);
    std::vector<double> sum(n, 0.0), squares(n, 0.0);
    std::vector<std::size_t> order(n);
    for (std::size_t r = 0; r < options.permutations; ++r) {
        for (std::size_t i = 0; i < n; ++i) order[i] = i;
        for (std::size_t i = n; i > 1; --i) std::swap(order[i - 1], order[rng.below(i)]);  // Fisher-Yates
        std::fill(in.begin(), in.end(), false);
        double previous = baseline;
        for (std::size_t i : order) {
            in[i] = true;
            const double now = value(in);
            sum[i] += now - previous;
            squares[i] += (now - previous) * (now - previous);
            previous = now;
        }
    }
    const double k = double(options.permutations);
    for (std::size_t i = 0; i < n; ++i) {
        out[i].share = sum[i] / k;
        const double variance = k > 1 ? std::max(0.0, (squares[i] - sum[i] * sum[i] / k) / (k - 1)) : 0.0;
        out[i].std_error = std::sqrt(variance / k);
    }
    return out;
}

}  // namespace detail

/// The Shapley shares of `target` (empty: the goal) given `observed`.
inline Contribution contribution(const ProbabilityModel& model, std::string_view target, const Observations& observed = {},
                                 const ContributionOptions& options = {}) {
    const std::uint32_t t = target.empty() ? default_target(model) : model.variable_of(target);
    if (t >= model.node_count()) throw ModelError(std::string(target), "the target must be a node, not an assumption");
    const detail::Engine engine(model, observed);
    Contribution out;
    out.target = model.node_ids[t];
    out.probability = detail::checked(engine.calibrate(engine.evidence)).marginal[t];
    std::vector<std::uint32_t> activities, pathways;
    for (std::size_t v = 0; v < model.node_count(); ++v) {
        if (engine.evidence[v] >= 0 || v == t) continue;
        if (model.roles[v] == LevelRole::activity || model.roles[v] == LevelRole::input) activities.push_back(static_cast<std::uint32_t>(v));
        if (model.roles[v] == LevelRole::pathway) pathways.push_back(static_cast<std::uint32_t>(v));
    }
    out.activities = detail::shapley(engine, activities, t, options, out.baseline, out.exact);
    if (!pathways.empty() && model.roles[t] == LevelRole::goal) {
        bool exact = true;
        out.pathways = detail::shapley(engine, pathways, t, options, out.pathway_baseline, exact);
        out.exact = out.exact && exact;
    }
    return out;
}

}  // namespace tocgraph
