#pragma once
// The conditional probability table of one node of a ProbabilityModel, over
// the node, its causes and the assumptions of its incoming links, with each
// link's own "works" variable summed out here.
//
// P(node | active links S) = leak + (1 - leak) * g(S), where a link is active
// when its cause is achieved and its assumptions hold, and g is
//   any       1 - prod over S of (1 - p)             (noisy-OR)
//   all       prod over S of p when S is every link, else 0
//   weighted  P(weight of the active links that work >= threshold * total weight)

#include <cstdint>
#include <string>
#include <vector>

#include "../errors.hpp"
#include "../model.hpp"
#include "factor.hpp"

namespace tocgraph::detail {

/// g(S) for every mask S of node v's incoming links (bit i: in_links[i]).
inline std::vector<double> link_response(const ProbabilityModel& m, std::size_t v) {
    const auto& node = m.nodes[v];
    const std::size_t k = node.in_links.size();
    std::vector<double> p(k), w(k);
    double total = 0;
    for (std::size_t i = 0; i < k; ++i) {
        p[i] = m.links[node.in_links[i]].probability;
        w[i] = m.links[node.in_links[i]].weight;
        total += w[i];
    }
    std::vector<double> g(std::size_t{1} << k, 0.0);
    if (node.logic == Logic::any) {
        std::vector<double> none(g.size(), 1.0);  // P(no active link works)
        for (std::size_t s = 1; s < g.size(); ++s) {
            const std::size_t b = static_cast<std::size_t>(__builtin_ctzll(s));
            none[s] = none[s & (s - 1)] * (1.0 - p[b]);
            g[s] = 1.0 - none[s];
        }
    } else if (node.logic == Logic::all) {
        double all = 1.0;
        for (double q : p) all *= q;
        g.back() = all;
    } else {
        if (k > 16) throw InferenceTooLarge(m.node_ids[v], k + 1, m.parameters.max_table_entries);
        // Enumerate which active links work, as (weight, probability) pairs.
        const double need = node.threshold * total - 1e-12 * (total + 1.0);
        std::vector<double> weight, prob;
        for (std::size_t s = 0; s < g.size(); ++s) {
            weight.assign(1, 0.0);
            prob.assign(1, 1.0);
            for (std::size_t i = 0; i < k; ++i) {
                if (!(s >> i & 1)) continue;
                const std::size_t half = weight.size();
                for (std::size_t j = 0; j < half; ++j) {
                    weight.push_back(weight[j] + w[i]);
                    prob.push_back(prob[j] * p[i]);
                    prob[j] *= 1.0 - p[i];
                }
            }
            double sum = 0;
            for (std::size_t j = 0; j < weight.size(); ++j)
                if (total > 0 && weight[j] >= need) sum += prob[j];
            g[s] = sum;
        }
    }
    return g;
}

/// A factor over `vars` (sorted and deduplicated here) whose entry for an
/// assignment is `entry(value)`, value(x) giving the bit of variable x.
template <typename Entry>
Factor tabulate(std::vector<std::uint32_t> vars, const std::string& owner, std::size_t limit, Entry entry) {
    std::sort(vars.begin(), vars.end());
    vars.erase(std::unique(vars.begin(), vars.end()), vars.end());
    if (vars.size() >= 63 || (std::size_t{1} << vars.size()) > limit) throw InferenceTooLarge(owner, vars.size(), limit);
    Factor f{std::move(vars), {}};
    f.table.resize(std::size_t{1} << f.vars.size());
    for (std::size_t idx = 0; idx < f.table.size(); ++idx)
        f.table[idx] = entry([&](std::uint32_t x) { return bool(idx >> position_of(f.vars, x) & 1); });
    return f;
}

/// Whether link i of node v is active (its cause achieved, its assumptions
/// holding) under `value` (variable -> bit).
template <typename Value>
bool link_active(const ProbabilityModel& m, std::size_t v, std::size_t i, Value value) {
    const auto& link = m.links[m.nodes[v].in_links[i]];
    if (!value(link.source)) return false;
    for (auto a : link.assumptions)
        if (!value(a)) return false;
    return true;
}

/// P(achieved) of node v from the chance its active links give (its forced value if forced).
inline double finish(const ProbabilityModel::NodeModel& node, double chain) {
    return node.forced >= 0 ? double(node.forced) : node.leak + (1.0 - node.leak) * chain;
}

/// The full CPT of node v over itself, its causes and their links' assumptions
/// (its prior alone when it has no causes).
inline Factor full_table(const ProbabilityModel& m, std::size_t v) {
    const auto& node = m.nodes[v];
    const auto x = static_cast<std::uint32_t>(v);
    if (node.in_links.empty()) {
        const double p = node.forced >= 0 ? double(node.forced) : node.prior;
        return {{x}, {1.0 - p, p}};
    }
    std::vector<std::uint32_t> vars{x};
    for (auto l : node.in_links) {
        vars.push_back(m.links[l].source);
        vars.insert(vars.end(), m.links[l].assumptions.begin(), m.links[l].assumptions.end());
    }
    if (vars.size() > 63 || node.in_links.size() > 24 || (std::size_t{1} << std::min<std::size_t>(vars.size(), 63)) > m.parameters.max_table_entries)
        throw InferenceTooLarge(m.node_ids[v], vars.size(), m.parameters.max_table_entries);
    const std::vector<double> g = link_response(m, v);
    const std::size_t k = node.in_links.size();
    return tabulate(vars, m.node_ids[v], m.parameters.max_table_entries, [&](auto value) {
        std::size_t s = 0;
        for (std::size_t i = 0; i < k; ++i)
            if (link_active(m, v, i, value)) s |= std::size_t{1} << i;
        const double p1 = finish(node, g[s]);
        return value(x) ? p1 : 1.0 - p1;
    });
}

/// The model as factors: per node its CPT, per assumption its prior.
///
/// A node with `any` or `all` logic and several links has its CPT written as
/// a chain through auxiliary variables z_1..z_{k-1}, z_j the OR (AND) of the
/// first j links' contributions: exact, with factors over one link each, so
/// that many causes do not make one huge clique. `weighted` nodes keep the
/// full table. Auxiliary variables are numbered after the model's.
struct FactorGraph {
    std::size_t variables = 0;
    std::vector<Factor> factors;
    std::vector<std::uint32_t> aux_owner;  ///< per auxiliary variable, its node
};

inline FactorGraph factor_graph(const ProbabilityModel& m) {
    FactorGraph out;
    out.variables = m.variable_count();
    const std::size_t limit = m.parameters.max_table_entries;
    for (std::size_t v = 0; v < m.node_count(); ++v) {
        const auto& node = m.nodes[v];
        const auto x = static_cast<std::uint32_t>(v);
        const std::string& name = m.node_ids[v];
        if (node.in_links.empty()) {
            out.factors.push_back(full_table(m, v));
            continue;
        }
        const std::size_t k = node.in_links.size();
        auto inputs = [&](std::size_t i) {
            const auto& link = m.links[node.in_links[i]];
            std::vector<std::uint32_t> vars{link.source};
            vars.insert(vars.end(), link.assumptions.begin(), link.assumptions.end());
            return vars;
        };
        if (node.logic == Logic::weighted || k == 1) {
            out.factors.push_back(full_table(m, v));
            continue;
        }
        const bool any = node.logic == Logic::any;
        std::uint32_t previous = 0;
        for (std::size_t i = 0; i < k; ++i) {
            const bool last = i + 1 == k;
            const auto z = last ? x : static_cast<std::uint32_t>(out.variables + out.aux_owner.size());
            if (!last) out.aux_owner.push_back(x);
            std::vector<std::uint32_t> vars = inputs(i);
            vars.push_back(z);
            if (i > 0) vars.push_back(previous);
            out.factors.push_back(tabulate(vars, name, limit, [&](auto value) {
                const double t = link_active(m, v, i, value) ? m.links[node.in_links[i]].probability : 0.0;
                double p1 = t;
                if (i > 0) p1 = any ? (value(previous) ? 1.0 : t) : (value(previous) ? t : 0.0);
                if (last) p1 = finish(node, p1);
                return value(z) ? p1 : 1.0 - p1;
            }));
            previous = z;
        }
    }
    for (std::size_t a = 0; a < m.assumption_ids.size(); ++a) {
        const double p = m.assumption_likelihood[a];
        out.factors.push_back({{static_cast<std::uint32_t>(m.node_count() + a)}, {1.0 - p, p}});
    }
    out.variables += out.aux_owner.size();
    return out;
}

}  // namespace tocgraph::detail
