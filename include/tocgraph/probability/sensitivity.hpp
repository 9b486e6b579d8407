#pragma once
// What the chance of a target (by default the goal) depends on, by exact
// inference: Birnbaum importance of every activity, assumption and link, and
// the links whose working the observations put in doubt.
//
//   auto ranked = sensitivity(model, "goal");   // largest swing first
//   ranked[0].id, ranked[0].swing()

#include <algorithm>
#include <cmath>
#include <limits>
#include <string>
#include <string_view>
#include <vector>

#include "detail/junction_tree.hpp"
#include "errors.hpp"
#include "model.hpp"

namespace tocgraph {

/// How much a target's chance depends on one element.
struct Importance {
    std::string kind;  ///< "activity", "assumption" or "link"
    std::string id;    ///< node or assumption id; "source->target" for a link
    double probability = 0.0;  ///< P(achieved | observations), P(holds | observations); a link's own probability
    double if_certain = 0.0;   ///< P(target | observations, x certain)
    double if_fails = 0.0;     ///< P(target | observations, x fails)
    /// Birnbaum importance: if_certain - if_fails.
    double swing() const { return if_certain - if_fails; }
};

/// A link and how the observations changed the chance that it works
/// (inherent mechanism and assumptions together).
struct LinkDoubt {
    std::string source, target;
    double prior = 0.0;      ///< P(link works) before the observations
    double posterior = 0.0;  ///< P(link works | observations)
    double change() const { return posterior - prior; }
};

/// The one goal-level node of the model (ModelError if none or several).
inline std::uint32_t default_target(const ProbabilityModel& m) {
    std::vector<std::uint32_t> goals;
    for (std::size_t v = 0; v < m.node_count(); ++v)
        if (m.roles[v] == LevelRole::goal) goals.push_back(static_cast<std::uint32_t>(v));
    if (goals.size() == 1) return goals.front();
    throw ModelError("", goals.empty() ? "the model has no goal; name the target"
                                       : "the model has " + std::to_string(goals.size()) + " goals; name the target");
}

namespace detail {

/// A model, its junction tree and the evidence, for many calibrations.
class Engine {
public:
    Engine(const ProbabilityModel& m, const Observations& observed)
        : model(m), tree(m), evidence(m.evidence(observed)) {}

    /// P(x = 1 | evidence) under `m` (same structure): NaN when the evidence is impossible.
    double probability(const ProbabilityModel& m, const std::vector<std::int8_t>& ev, std::size_t x) const {
        const Calibration c = tree.calibrate(m, ev);
        return std::isfinite(c.log_evidence) ? c.marginal[x] : std::numeric_limits<double>::quiet_NaN();
    }
    Calibration calibrate(const std::vector<std::int8_t>& ev) const { return tree.calibrate(model, ev); }

    ProbabilityModel model;
    JunctionTree tree;
    std::vector<std::int8_t> evidence;
};

inline Calibration checked(Calibration c) {
    if (!std::isfinite(c.log_evidence))
        throw ImpossibleObservations("the observations are impossible under the model (probability 0)");
    return c;
}

}  // namespace detail

/// Birnbaum importance of every activity, assumption and link for `target`
/// given `observed`, largest swing first (ties: activities, assumptions,
/// links, each in model order); `with_links` false leaves the links out
/// (they cost two calibrations each). "x certain" and "x fails" set x's
/// probability to 1 and 0 (an observation of x itself is set aside); an
/// entry is NaN when the other observations are impossible that way.
inline std::vector<Importance> sensitivity(const ProbabilityModel& model, std::string_view target,
                                           const Observations& observed = {}, bool with_links = true) {
    const std::uint32_t t = target.empty() ? default_target(model) : model.variable_of(target);
    const detail::Engine engine(model, observed);
    const detail::Calibration base = detail::checked(engine.calibrate(engine.evidence));
    const double p_target = base.marginal[t];
    // One calibration with the target observed gives, by Bayes' rule, the
    // effect of every root variable whose probability is strictly between 0 and 1.
    std::vector<double> given_target;
    if (p_target > 0 && engine.evidence[t] < 0) {
        auto ev = engine.evidence;
        ev[t] = 1;
        given_target = engine.calibrate(ev).marginal;
    }
    std::vector<Importance> out;
    auto root = [&](std::size_t x, const char* kind) {
        Importance imp{kind, model.variable_name(x), base.marginal[x], 0.0, 0.0};
        const double px = base.marginal[x];
        if (engine.evidence[x] < 0 && px > 1e-9 && px < 1 - 1e-9 && (p_target == 0 || !given_target.empty())) {
            const double pxt = given_target.empty() ? 0.0 : given_target[x];
            imp.if_certain = x == t ? 1.0 : pxt * p_target / px;
            imp.if_fails = x == t ? 0.0 : (1 - pxt) * p_target / (1 - px);
        } else {
            ProbabilityModel m = model;
            auto ev = engine.evidence;
            ev[x] = -1;
            m.set_root_probability(x, 1.0);
            imp.if_certain = engine.probability(m, ev, t);
            m.set_root_probability(x, 0.0);
            imp.if_fails = engine.probability(m, ev, t);
        }
        out.push_back(std::move(imp));
    };
    for (std::size_t v = 0; v < model.node_count(); ++v)
        if (model.is_root(v) && (model.roles[v] == LevelRole::activity || model.roles[v] == LevelRole::input)) root(v, "activity");
    for (std::size_t x = model.node_count(); x < model.variable_count(); ++x) root(x, "assumption");
    for (std::size_t l = 0; with_links && l < model.links.size(); ++l) {
        ProbabilityModel m = model;
        Importance imp{"link", model.link_name(l), model.links[l].probability, 0.0, 0.0};
        m.links[l].probability = 1.0;
        imp.if_certain = engine.probability(m, engine.evidence, t);
        m.links[l].probability = 0.0;
        imp.if_fails = engine.probability(m, engine.evidence, t);
        out.push_back(std::move(imp));
    }
    std::stable_sort(out.begin(), out.end(), [](const Importance& a, const Importance& b) { return a.swing() > b.swing(); });
    return out;
}

/// For every link, the chance that it works before and after `observed`,
/// the largest fall first (ties in link order).
inline std::vector<LinkDoubt> links_in_doubt(const ProbabilityModel& model, const Observations& observed) {
    const detail::Engine engine(model, observed);
    const detail::Calibration base = detail::checked(engine.calibrate(engine.evidence));
    const detail::Calibration prior = engine.calibrate(std::vector<std::int8_t>(model.variable_count(), -1));
    std::vector<LinkDoubt> out;
    for (std::size_t l = 0; l < model.links.size(); ++l) {
        const auto& link = model.links[l];
        LinkDoubt d{model.node_ids[link.source], model.node_ids[link.target], link.probability, 0.0};
        for (auto a : link.assumptions) d.prior *= prior.marginal[a];
        // P(works, obs) = p * P(obs, assumptions hold | inherent works).
        ProbabilityModel m = model;
        m.links[l].probability = 1.0;
        auto ev = engine.evidence;
        bool possible = true;
        for (auto a : link.assumptions) {
            if (ev[a] == 0) possible = false;
            ev[a] = 1;
        }
        if (possible && link.probability > 0) {
            const detail::Calibration c = engine.tree.calibrate(m, ev);
            if (std::isfinite(c.log_evidence)) d.posterior = link.probability * std::exp(c.log_evidence - base.log_evidence);
        }
        d.posterior = std::min(1.0, d.posterior);
        out.push_back(std::move(d));
    }
    std::stable_sort(out.begin(), out.end(), [](const LinkDoubt& a, const LinkDoubt& b) { return a.change() < b.change(); });
    return out;
}

}  // namespace tocgraph
