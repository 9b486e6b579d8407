#pragma once
// Exact inference on a ProbabilityModel: a junction tree made of the cliques
// of a greedy min-fill elimination order, calibrated in two passes (Hugin
// style: up towards the roots, then down with division by the upward
// messages). One calibration gives P(x = 1 | evidence) for every variable and
// P(evidence).
//
// The tree depends on the model's structure only (which variables each
// factor joins), so the sensitivity analyses build it once and calibrate it
// again for every changed number or observation.

#include <cmath>
#include <cstdint>
#include <functional>
#include <limits>
#include <queue>
#include <string>
#include <tuple>
#include <vector>

#include "../errors.hpp"
#include "../model.hpp"
#include "cpt.hpp"
#include "factor.hpp"

namespace tocgraph::detail {

/// What one calibration gives.
struct Calibration {
    std::vector<double> marginal;  ///< P(x = 1 | evidence) per variable
    double log_evidence = 0.0;     ///< log P(evidence); -inf when impossible
};

class JunctionTree {
public:
    /// The tree of `m`'s structure; throws InferenceTooLarge when a clique
    /// would exceed m.parameters.max_table_entries entries.
    explicit JunctionTree(const ProbabilityModel& m) : limit_(m.parameters.max_table_entries) {
        const FactorGraph fg = factor_graph(m);
        variables_ = m.variable_count();
        eliminate(fg, [&](std::uint32_t x) {
            return x < m.variable_count() ? m.variable_name(x)
                                          : "a link chain of " + m.node_ids[fg.aux_owner[x - m.variable_count()]];
        });
        // Each factor lives in the clique of its first eliminated variable,
        // which holds its whole scope.
        for (const Factor& f : fg.factors) {
            std::uint32_t first = step_[f.vars[0]];
            for (auto x : f.vars) first = std::min(first, step_[x]);
            home_.push_back(first);
        }
    }

    std::size_t clique_count() const noexcept { return cliques_.size(); }
    /// The number of variables in the largest clique (treewidth + 1 of the order).
    std::size_t largest_clique() const noexcept {
        std::size_t out = 0;
        for (const auto& c : cliques_) out = std::max(out, c.size());
        return out;
    }

    /// Calibrates the tree with the numbers of `m` (same structure as the
    /// model it was built from) and `evidence` (-1, 0 or 1 per variable).
    Calibration calibrate(const ProbabilityModel& m, const std::vector<std::int8_t>& evidence) const {
        return calibrate(factor_graph(m).factors, evidence);
    }

    Calibration calibrate(const std::vector<Factor>& factors, const std::vector<std::int8_t>& evidence) const {
        const std::size_t n = cliques_.size();
        std::vector<std::vector<double>> belief(n);
        for (std::size_t i = 0; i < n; ++i) belief[i].assign(std::size_t{1} << cliques_[i].size(), 1.0);
        for (std::size_t f = 0; f < factors.size(); ++f) multiply_in(cliques_[home_[f]], belief[home_[f]], factors[f]);
        for (std::size_t x = 0; x < evidence.size(); ++x) {
            if (evidence[x] < 0) continue;
            const std::size_t i = step_[x];  // x is clique i's own variable: bit position_of
            const std::size_t bit = std::size_t{1} << position_of(cliques_[i], static_cast<std::uint32_t>(x));
            const bool want = evidence[x] == 1;
            for (std::size_t idx = 0; idx < belief[i].size(); ++idx)
                if (bool(idx & bit) != want) belief[i][idx] = 0.0;
        }
        Calibration out;
        std::vector<Factor> up(n);
        for (std::size_t i = 0; i < n; ++i) {  // elimination order: children before parents
            up[i] = sum_onto(cliques_[i], belief[i], separator(i));
            double total = 0;
            for (double t : up[i].table) total += t;
            if (!(total > 0)) {
                out.log_evidence = -std::numeric_limits<double>::infinity();
                out.marginal.assign(variables_, std::numeric_limits<double>::quiet_NaN());
                return out;
            }
            for (double& t : up[i].table) t /= total;  // scaled, the scale kept in log form
            out.log_evidence += std::log(total);
            if (parent_[i] != none) multiply_in(cliques_[parent_[i]], belief[parent_[i]], up[i]);
        }
        for (std::size_t i = n; i-- > 0;) {
            if (parent_[i] == none) continue;
            Factor down = sum_onto(cliques_[parent_[i]], belief[parent_[i]], up[i].vars);
            for (std::size_t j = 0; j < down.table.size(); ++j)
                down.table[j] = up[i].table[j] > 0 ? down.table[j] / up[i].table[j] : 0.0;
            multiply_in(cliques_[i], belief[i], down);
        }
        out.marginal.resize(variables_);
        for (std::size_t x = 0; x < variables_; ++x) {
            const std::size_t i = step_[x];
            const std::size_t bit = std::size_t{1} << position_of(cliques_[i], static_cast<std::uint32_t>(x));
            double yes = 0, all = 0;
            for (std::size_t idx = 0; idx < belief[i].size(); ++idx) {
                all += belief[i][idx];
                if (idx & bit) yes += belief[i][idx];
            }
            out.marginal[x] = all > 0 ? yes / all : 0.0;
        }
        return out;
    }

private:
    static constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();

    /// The separator of clique i with its parent: the clique without its own variable.
    std::vector<std::uint32_t> separator(std::size_t i) const {
        std::vector<std::uint32_t> s;
        for (auto x : cliques_[i])
            if (x != own_[i]) s.push_back(x);
        return s;
    }

    /// Greedy min-fill (ties: fewer neighbours, then lower variable number).
    template <typename Name>
    void eliminate(const FactorGraph& fg, Name name) {
        const std::size_t n = fg.variables;
        std::vector<std::vector<std::uint32_t>> adj(n);
        for (const auto& f : fg.factors)
            for (auto a : f.vars)
                for (auto b : f.vars)
                    if (a != b) adj[a].push_back(b);
        for (auto& a : adj) {
            std::sort(a.begin(), a.end());
            a.erase(std::unique(a.begin(), a.end()), a.end());
        }
        auto linked = [&](std::uint32_t a, std::uint32_t b) { return std::binary_search(adj[a].begin(), adj[a].end(), b); };
        // The missing edges among x's neighbours: all pairs less the linked
        // ones, counted by marking N(x) once and walking each neighbour's list
        // (linear in the degrees, where testing every pair costs a search each).
        std::vector<std::uint32_t> mark(n, 0);
        std::uint32_t epoch = 0;
        auto fill = [&](std::uint32_t x) {
            const auto& nb = adj[x];
            if (++epoch == 0) {
                std::fill(mark.begin(), mark.end(), 0);
                epoch = 1;
            }
            for (auto a : nb) mark[a] = epoch;
            std::size_t linked_twice = 0;  // each linked pair is seen from both ends
            for (auto a : nb)
                for (auto b : adj[a]) linked_twice += mark[b] == epoch;
            const std::size_t d = nb.size();
            return d * (d - 1) / 2 - linked_twice / 2;
        };
        // The next variable is the least (fill, degree, number): a heap of
        // keys, where a key that no longer matches its variable is skipped.
        using Key = std::tuple<std::size_t, std::size_t, std::uint32_t>;
        std::priority_queue<Key, std::vector<Key>, std::greater<>> next;
        std::vector<std::size_t> score(n);
        std::vector<char> done(n, 0), dirty(n, 0);
        for (std::uint32_t x = 0; x < n; ++x) {
            score[x] = fill(x);
            next.emplace(score[x], adj[x].size(), x);
        }
        step_.assign(n, 0);
        std::vector<std::uint32_t> touched, gained;
        for (std::size_t k = 0; k < n; ++k) {
            std::uint32_t best = none;
            while (best == none) {
                const auto [s, d, x] = next.top();
                next.pop();
                if (!done[x] && s == score[x] && d == adj[x].size()) best = x;
            }
            std::vector<std::uint32_t> clique = adj[best];
            clique.push_back(best);
            std::sort(clique.begin(), clique.end());
            if (clique.size() >= 63 || (std::size_t{1} << clique.size()) > limit_)
                throw InferenceTooLarge(name(best), clique.size(), limit_);
            done[best] = 1;
            step_[best] = static_cast<std::uint32_t>(k);
            // The fill of x changes only when the edges among x's neighbours
            // change: for best's neighbours (they lose best), and for the
            // neighbours of a vertex that gains a fill edge. ToCs are nearly
            // trees, so most steps add no edge and touch only best's neighbours.
            const auto nb = adj[best];
            touched.clear();
            gained.clear();
            auto touch = [&](std::uint32_t x) {
                if (!done[x] && !dirty[x]) {
                    dirty[x] = 1;
                    touched.push_back(x);
                }
            };
            for (auto a : nb) {
                auto& la = adj[a];
                la.erase(std::lower_bound(la.begin(), la.end(), best));
                bool grew = false;
                for (auto b : nb)
                    if (a != b && !linked(a, b)) {
                        la.insert(std::lower_bound(la.begin(), la.end(), b), b);
                        grew = true;
                    }
                if (grew) gained.push_back(a);
                touch(a);
            }
            for (auto a : gained)
                for (auto b : adj[a]) touch(b);
            for (auto x : touched) {
                dirty[x] = 0;
                score[x] = fill(x);
                next.emplace(score[x], adj[x].size(), x);
            }
            cliques_.push_back(std::move(clique));
            own_.push_back(best);
        }
        // Parent: the clique of the first variable eliminated after the own one.
        parent_.assign(n, none);
        for (std::size_t i = 0; i < n; ++i)
            for (auto x : cliques_[i])
                if (x != own_[i] && (parent_[i] == none || step_[x] < parent_[i])) parent_[i] = step_[x];
    }

    std::size_t limit_;
    std::size_t variables_ = 0;  // the model's, before the auxiliary ones
    std::vector<std::vector<std::uint32_t>> cliques_;  // by elimination step
    std::vector<std::uint32_t> own_;                   // the variable each clique eliminates
    std::vector<std::uint32_t> parent_;                // clique index, or none
    std::vector<std::uint32_t> step_;                  // variable -> elimination step (its clique)
    std::vector<std::uint32_t> home_;                  // factor -> clique
};

}  // namespace tocgraph::detail
