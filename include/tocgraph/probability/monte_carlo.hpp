#pragma once
// Monte Carlo estimates of the marginals: forward sampling, 64 samples at a
// time in the bits of a word (nodes in topological order, so a node's word
// is computed from its causes' words with AND/OR), several threads.
// Observed variables without causes (activities and other roots,
// assumptions) are clamped to their observed value, which is exact: nothing
// upstream of them is sampled, so conditioning is setting them, and
// P(observations) takes their prior as a factor. Other observations are
// handled by rejection (samples inconsistent with them are dropped).
//
// Reproducible: the samples come in chunks of 4096, each drawn from its own
// xoshiro256** stream seeded from (seed, chunk number), so the result depends
// on the seed and the number of samples only, not on the number of threads.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <exception>
#include <thread>
#include <vector>

#include "../theory_of_change.hpp"
#include "detail/bernoulli.hpp"
#include "errors.hpp"
#include "marginals.hpp"
#include "model.hpp"

namespace tocgraph {

struct MonteCarloOptions {
    std::size_t samples = 100000;  ///< samples drawn (rounded up to a multiple of 64 internally, extra bits unused)
    std::uint64_t seed = 0;
    std::size_t threads = 0;       ///< 0: std::thread::hardware_concurrency()
};

namespace detail {

/// How the sampler takes the observations, worked out once for all threads:
/// an observed variable without causes is clamped (set in every sample, its
/// prior a factor of P(observations)); an observed result is checked by
/// rejection.
struct ObservationPlan {
    std::vector<std::int8_t> evidence;    ///< per variable: -1 unobserved, 0 or 1
    std::vector<std::int8_t> clamp;       ///< per variable: -1, or the value it is clamped to
    std::vector<std::uint32_t> rejected;  ///< the observed variables checked by rejection
    double clamp_probability = 1.0;       ///< P(the clamped observations)

    ObservationPlan(const ProbabilityModel& m, const Observations& observed)
        : evidence(m.evidence(observed)), clamp(evidence.size(), -1) {
        for (std::size_t x = 0; x < evidence.size(); ++x) {
            if (evidence[x] < 0) continue;
            const bool wanted = evidence[x] == 1;
            if (x >= m.node_count()) {
                const double p = m.assumption_likelihood[x - m.node_count()];
                clamp_probability *= wanted ? p : 1.0 - p;
                clamp[x] = evidence[x];
            } else if (m.nodes[x].forced >= 0) {  // its value is set: the observation holds or is impossible
                if ((m.nodes[x].forced == 1) != wanted) clamp_probability = 0.0;
            } else if (m.nodes[x].in_links.empty()) {
                const double p = m.nodes[x].prior;
                clamp_probability *= wanted ? p : 1.0 - p;
                clamp[x] = evidence[x];
            } else {
                rejected.push_back(static_cast<std::uint32_t>(x));
            }
        }
    }
};

class ForwardSampler {
public:
    static constexpr std::size_t chunk_words = 64;  // 4096 samples a stream

    ForwardSampler(const ProbabilityModel& m, const ObservationPlan& plan) : m_(m), plan_(plan) {
        for (std::size_t l = 0; l < m.links.size(); ++l) link_digits_.emplace_back(m.links[l].probability);
        for (std::size_t v = 0; v < m.node_count(); ++v) {
            prior_digits_.emplace_back(m.nodes[v].prior);
            leak_digits_.emplace_back(m.nodes[v].leak);
            double total = 0;
            for (auto l : m.nodes[v].in_links) total += m.links[l].weight;
            need_.push_back(m.nodes[v].threshold * total - 1e-12 * (total + 1.0));
            total_.push_back(total);
        }
        for (double p : m.assumption_likelihood) assumption_digits_.emplace_back(p);
    }

    /// Adds to counts[x] the samples of words [begin, end) of `total_samples`
    /// where x = 1 and the observations hold; returns the number kept.
    std::uint64_t run(std::uint64_t seed, std::size_t begin, std::size_t end, std::size_t total_samples,
                      std::vector<std::uint64_t>& counts) const {
        std::vector<std::uint64_t> x(m_.variable_count());
        std::uint64_t kept = 0;
        for (std::size_t chunk = begin / chunk_words; chunk * chunk_words < end; ++chunk) {
            Xoshiro256 rng(SplitMix64(seed ^ (0x9E3779B97F4A7C15ULL * (chunk + 1))).next());
            const std::size_t first = std::max(begin, chunk * chunk_words), last = std::min(end, (chunk + 1) * chunk_words);
            for (std::size_t w = chunk * chunk_words; w < last; ++w) {
                sample(rng, x);  // drawn for every word of the chunk, so streams stay aligned
                if (w < first) continue;
                std::uint64_t accept = ~std::uint64_t{0};
                if (const std::size_t left = total_samples - w * 64; left < 64) accept = (std::uint64_t{1} << left) - 1;
                for (auto o : plan_.rejected) accept &= plan_.evidence[o] ? x[o] : ~x[o];
                kept += static_cast<std::uint64_t>(__builtin_popcountll(accept));
                for (std::size_t i = 0; i < x.size(); ++i) counts[i] += static_cast<std::uint64_t>(__builtin_popcountll(x[i] & accept));
            }
        }
        return kept;
    }

private:
    template <typename Rng>
    void sample(Rng& rng, std::vector<std::uint64_t>& x) const {
        const std::size_t n = m_.node_count();
        // Clamped variables are drawn all the same, so that the other draws
        // are the ones an unobserved run makes.
        for (std::size_t a = 0; a < assumption_digits_.size(); ++a)
            x[n + a] = clamped(n + a, assumption_digits_[a].draw(rng));
        for (auto v : m_.order) {
            const auto& node = m_.nodes[v];
            if (node.forced >= 0) {
                x[v] = node.forced ? ~std::uint64_t{0} : 0;
                continue;
            }
            if (node.in_links.empty()) {
                x[v] = clamped(v, prior_digits_[v].draw(rng));
                continue;
            }
            const std::uint64_t leak = leak_digits_[v].draw(rng);
            std::uint64_t any = 0, all = ~std::uint64_t{0};
            weighted_.assign(node.logic == Logic::weighted ? 64 : 0, 0.0);
            for (auto l : node.in_links) {
                const auto& link = m_.links[l];
                std::uint64_t active = x[link.source] & link_digits_[l].draw(rng);
                for (auto a : link.assumptions) active &= x[a];
                any |= active;
                all &= active;
                if (node.logic == Logic::weighted)
                    for (std::uint64_t bits = active; bits; bits &= bits - 1) weighted_[__builtin_ctzll(bits)] += link.weight;
            }
            std::uint64_t reached = 0;
            if (node.logic == Logic::any)
                reached = any;
            else if (node.logic == Logic::all)
                reached = all;
            else if (total_[v] > 0)
                for (int b = 0; b < 64; ++b)
                    if (weighted_[b] >= need_[v]) reached |= std::uint64_t{1} << b;
            x[v] = reached | leak;
        }
    }

    std::uint64_t clamped(std::size_t x, std::uint64_t drawn) const noexcept {
        return plan_.clamp[x] < 0 ? drawn : plan_.clamp[x] ? ~std::uint64_t{0} : 0;
    }

    const ProbabilityModel& m_;
    const ObservationPlan& plan_;
    std::vector<BernoulliDigits> link_digits_, prior_digits_, leak_digits_, assumption_digits_;
    std::vector<double> need_, total_;
    mutable std::vector<double> weighted_;  // scratch: one sampler per thread
};

}  // namespace detail

/// Monte Carlo marginals of a built model given `observed`. Throws
/// ImpossibleObservations when no sample is consistent with the observations.
inline Marginals monte_carlo_probabilities(const ProbabilityModel& model, const Observations& observed = {},
                                           const MonteCarloOptions& options = {}) {
    if (options.samples == 0) throw Error("Monte Carlo needs at least one sample");
    const std::size_t words = (options.samples + 63) / 64;
    std::size_t threads = options.threads ? options.threads : std::max(1u, std::thread::hardware_concurrency());
    threads = std::min(threads, (words + detail::ForwardSampler::chunk_words - 1) / detail::ForwardSampler::chunk_words);
    const std::size_t chunks = (words + detail::ForwardSampler::chunk_words - 1) / detail::ForwardSampler::chunk_words;
    const detail::ObservationPlan plan(model, observed);
    if (!(plan.clamp_probability > 0))
        throw ImpossibleObservations("the observations are impossible under the model (probability 0)");
    std::vector<std::vector<std::uint64_t>> counts(threads, std::vector<std::uint64_t>(model.variable_count(), 0));
    std::vector<std::uint64_t> kept(threads, 0);
    std::vector<std::exception_ptr> failed(threads);
    auto work = [&](std::size_t t) {
        try {
            const detail::ForwardSampler sampler(model, plan);
            const std::size_t begin = chunks * t / threads * detail::ForwardSampler::chunk_words;
            const std::size_t end = std::min(words, chunks * (t + 1) / threads * detail::ForwardSampler::chunk_words);
            kept[t] = sampler.run(options.seed, begin, end, options.samples, counts[t]);
        } catch (...) {
            failed[t] = std::current_exception();
        }
    };
    std::vector<std::thread> pool;
    for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(work, t);
    work(0);
    for (auto& th : pool) th.join();
    for (auto& e : failed)
        if (e) std::rethrow_exception(e);

    Marginals out;
    out.node_count = model.node_count();
    out.samples = options.samples;
    for (std::size_t t = 0; t < threads; ++t) out.accepted += kept[t];
    if (out.accepted == 0)
        throw ImpossibleObservations("no sample of " + std::to_string(options.samples) +
                                     " was consistent with the observations; they are impossible or too unlikely for rejection sampling");
    out.evidence_probability = plan.clamp_probability * double(out.accepted) / double(options.samples);
    for (std::size_t x = 0; x < model.variable_count(); ++x) {
        std::uint64_t c = 0;
        for (std::size_t t = 0; t < threads; ++t) c += counts[t][x];
        const double p = double(c) / double(out.accepted);
        out.ids.push_back(model.variable_name(x));
        out.probability.push_back(p);
        out.std_error.push_back(std::sqrt(p * (1.0 - p) / double(out.accepted)));
    }
    return out;
}

inline Marginals monte_carlo_probabilities(const TheoryOfChange& toc, const Observations& observed = {},
                                           const MonteCarloOptions& options = {},
                                           const ProbabilityParameters& parameters = {}) {
    return monte_carlo_probabilities(build_model(toc, parameters), observed, options);
}

}  // namespace tocgraph
