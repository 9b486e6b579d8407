#pragma once
// The probabilistic model of a theory of change: every node and every
// assumption a binary variable, a conditional probability table per node
// built from its incoming links. build_model() reads it from a ToC;
// docs/probability.md states the rules.
//
//   ProbabilityModel model = build_model(toc);
//   model.defaulted  // which numbers came from ProbabilityParameters
//
// Variables are numbered nodes first (vertex order of the ToC), then the
// assumptions the links name (in the ToC's order, then unknown ids in the
// order links name them).

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../analysis/order.hpp"
#include "../theory_of_change.hpp"
#include "errors.hpp"
#include "parameters.hpp"

namespace tocgraph {

/// Observed outcomes: node id (or assumption id) -> achieved (holds) or not.
using Observations = std::map<std::string, bool, std::less<>>;

struct ProbabilityModel {
    struct LinkModel {
        std::uint32_t source = 0, target = 0;     ///< node variables
        double probability = 1.0;                 ///< P(inherent works)
        double weight = 1.0;                      ///< share in a `weighted` target
        std::vector<std::uint32_t> assumptions;   ///< assumption variables, distinct
    };
    struct NodeModel {
        Logic logic = Logic::all;
        double leak = 0.0;       ///< P(achieved from outside the ToC)
        double threshold = 0.5;  ///< for `weighted`
        double prior = 0.0;      ///< P(achieved) when there are no incoming links
        std::vector<std::uint32_t> in_links;  ///< indexes into links, in link order
        /// An intervention: the node is made achieved (1) or failed (0)
        /// whatever its causes; -1 none. Set by the sensitivity analyses.
        std::int8_t forced = -1;
    };

    std::vector<std::string> node_ids;
    std::vector<LevelRole> roles;
    std::vector<NodeModel> nodes;
    std::vector<LinkModel> links;
    std::vector<std::string> assumption_ids;
    std::vector<double> assumption_likelihood;
    std::vector<std::uint32_t> order;  ///< node variables, causes before effects
    std::vector<DefaultedParameter> defaulted;
    ProbabilityParameters parameters;

    std::size_t node_count() const noexcept { return nodes.size(); }
    std::size_t variable_count() const noexcept { return nodes.size() + assumption_ids.size(); }
    bool is_root(std::size_t v) const { return nodes[v].in_links.empty(); }
    /// The name of variable x: a node id or an assumption id.
    const std::string& variable_name(std::size_t x) const {
        return x < nodes.size() ? node_ids[x] : assumption_ids[x - nodes.size()];
    }
    /// P(x = 1) for a root variable: a root node's prior or an assumption's likelihood.
    double root_probability(std::size_t x) const {
        return x < nodes.size() ? nodes[x].prior : assumption_likelihood[x - nodes.size()];
    }
    void set_root_probability(std::size_t x, double p) {
        if (x < nodes.size())
            nodes[x].prior = p;
        else
            assumption_likelihood[x - nodes.size()] = p;
    }
    std::string link_name(std::size_t l) const { return node_ids[links[l].source] + "->" + node_ids[links[l].target]; }

    /// The variable of a node or assumption id; ModelError naming it if neither.
    std::uint32_t variable_of(std::string_view id) const {
        if (auto it = index_.find(std::string(id)); it != index_.end()) return it->second;
        throw ModelError(std::string(id), "no node or assumption \"" + std::string(id) + "\"");
    }
    /// The observations as one entry per variable: -1 unobserved, 0 or 1.
    std::vector<std::int8_t> evidence(const Observations& observed) const {
        std::vector<std::int8_t> out(variable_count(), -1);
        for (const auto& [id, value] : observed) out[variable_of(id)] = value ? 1 : 0;
        return out;
    }
    void index_variables() {
        index_.clear();
        for (std::size_t x = 0; x < variable_count(); ++x) index_.emplace(variable_name(x), static_cast<std::uint32_t>(x));
    }

private:
    std::unordered_map<std::string, std::uint32_t> index_;
};

namespace detail {

/// A number in 0..1 stored in attributes[name], or nullopt; ModelError otherwise.
inline std::optional<double> fraction_attribute(const Attributes& attributes, const char* name, const std::string& owner) {
    if (!attributes.is_object()) return std::nullopt;
    auto it = attributes.find(name);
    if (it == attributes.end() || it->is_null()) return std::nullopt;
    if (!it->is_number() || !(it->get<double>() >= 0.0 && it->get<double>() <= 1.0))
        throw ModelError(owner, "attribute \"" + std::string(name) + "\" of " + owner + " must be a number between 0 and 1, got " +
                                    it->dump());
    return it->get<double>();
}

/// A positive number in attributes[name], or nullopt; ModelError otherwise.
inline std::optional<double> weight_attribute(const Attributes& attributes, const std::string& owner) {
    if (!attributes.is_object()) return std::nullopt;
    auto it = attributes.find("weight");
    if (it == attributes.end() || it->is_null()) return std::nullopt;
    if (!it->is_number() || !(it->get<double>() >= 0.0) || !std::isfinite(it->get<double>()))
        throw ModelError(owner, "attribute \"weight\" of " + owner + " must be a number of at least 0, got " + it->dump());
    return it->get<double>();
}

inline void check_fraction(double value, const char* name) {
    if (!(value >= 0.0 && value <= 1.0))
        throw ModelError("", std::string("parameter ") + name + " must be between 0 and 1, got " + std::to_string(value));
}

}  // namespace detail

/// The probabilistic model of `toc`. Throws CycleError if the links form a
/// cycle (a Bayesian network is acyclic), ModelError if an attribute the
/// model reads or a parameter is not a probability.
inline ProbabilityModel build_model(const TheoryOfChange& toc, const ProbabilityParameters& parameters = {}) {
    for (auto [value, name] : {std::pair{parameters.link_probability, "link_probability"},
                               {parameters.assumption_likelihood, "assumption_likelihood"},
                               {parameters.activity_prior, "activity_prior"},
                               {parameters.threshold, "threshold"},
                               {parameters.leak, "leak"}})
        detail::check_fraction(value, name);
    const GraphIndex& index = toc.index();
    const auto* order = index.topological_order();
    if (!order) detail::throw_cycle(toc, index.cycle());
    ProbabilityModel m;
    m.parameters = parameters;
    const std::size_t n = toc.node_count();
    m.order.assign(order->begin(), order->end());
    m.nodes.resize(n);
    m.node_ids.reserve(n);
    m.roles.reserve(n);
    for (std::size_t v = 0; v < n; ++v) {
        m.node_ids.push_back(toc.id_of(v));
        m.roles.push_back(index.role(v));
    }

    // Assumptions: the written ones, then ids links name without one written down.
    std::unordered_map<std::string, std::uint32_t> assumption_var;
    auto add_assumption = [&](const std::string& id, std::optional<double> likelihood) {
        auto [it, added] = assumption_var.emplace(id, static_cast<std::uint32_t>(n + m.assumption_ids.size()));
        if (!added) return it->second;
        m.assumption_ids.push_back(id);
        m.assumption_likelihood.push_back(likelihood.value_or(parameters.assumption_likelihood));
        if (!likelihood) m.defaulted.push_back({"assumption", id, "likelihood", parameters.assumption_likelihood});
        return it->second;
    };
    for (const Assumption& a : toc.assumptions()) add_assumption(a.id, a.likelihood);

    const auto& g = toc.graph();
    for (std::size_t v = 0; v < n; ++v) {
        for (auto [it, end] = boost::in_edges(v, g); it != end; ++it) {
            const Link& link = g[*it];
            const std::string name = "link \"" + link.source + "\" -> \"" + link.target + "\"";
            ProbabilityModel::LinkModel lm;
            lm.source = static_cast<std::uint32_t>(boost::source(*it, g));
            lm.target = static_cast<std::uint32_t>(v);
            if (auto p = detail::fraction_attribute(link.attributes, "probability", name))
                lm.probability = *p;
            else if (link.strength)
                lm.probability = *link.strength;
            else {
                lm.probability = parameters.link_probability;
                m.defaulted.push_back({"link", link.source + "->" + link.target, "probability", lm.probability});
            }
            lm.weight = detail::weight_attribute(link.attributes, name).value_or(link.strength.value_or(1.0));
            for (const std::string& a : link.assumptions) {
                const std::uint32_t x = add_assumption(a, std::nullopt);
                if (std::find(lm.assumptions.begin(), lm.assumptions.end(), x) == lm.assumptions.end())
                    lm.assumptions.push_back(x);
            }
            m.nodes[v].in_links.push_back(static_cast<std::uint32_t>(m.links.size()));
            m.links.push_back(std::move(lm));
        }
        const Node& node = g[v];
        const std::string name = "node \"" + node.id + "\"";
        auto& nm = m.nodes[v];
        nm.logic = node.logic;
        nm.leak = detail::fraction_attribute(node.attributes, "leak", name).value_or(parameters.leak);
        nm.threshold = detail::fraction_attribute(node.attributes, "threshold", name).value_or(parameters.threshold);
        if (!nm.in_links.empty()) continue;
        if (auto p = detail::fraction_attribute(node.attributes, "probability", name)) {
            nm.prior = *p;
        } else if (index.role(v) == LevelRole::activity || index.role(v) == LevelRole::input) {
            const auto status = node.status.value_or(ActivityStatus::planned);
            if (status == ActivityStatus::completed)
                nm.prior = 1.0;
            else if (status == ActivityStatus::cancelled)
                nm.prior = 0.0;
            else {
                nm.prior = parameters.activity_prior;
                m.defaulted.push_back({"node", node.id, "prior", nm.prior});
            }
        } else {
            nm.prior = nm.leak;  // a result nothing in the ToC feeds
        }
    }
    m.index_variables();
    return m;
}

}  // namespace tocgraph
