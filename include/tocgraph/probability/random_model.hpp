#pragma once
// Random theories of change shaped for probabilistic analysis, for tests and
// benchmarks: every node has one main target on the level above and now and
// then a second one nearby; links carry strengths and, often, an assumption
// shared with nearby links; results mix `any`, `all` and `weighted` logic;
// activities have a status. The same options give the same ToC everywhere.
// (synthetic.hpp's ToCs link each node to up to three targets anywhere in
// its pathway, which makes the treewidth too high for exact inference.)

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "../detail/random/split_mix.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

struct RandomModelOptions {
    std::size_t nodes = 200;     ///< at least 3
    std::uint64_t seed = 0;
    double second_target = 0.1;  ///< chance that a node also contributes to a second, nearby result
    double assumption_share = 0.2;  ///< chance that a link rests on an assumption
};

/// A random ToC in the default schema for probabilistic analysis.
inline TheoryOfChange random_model(const RandomModelOptions& options = {}) {
    if (options.nodes < 3) throw ModelError("", "a random model needs at least 3 nodes");
    detail::SplitMix64 rng(options.seed);
    const LevelSchema schema = LevelSchema::theory_of_change();
    const std::size_t depth = schema.size();
    // Level sizes: goal 1, 2 to 6 pathways, then each level r times the one
    // above, r chosen so that the sizes add up (activities take what
    // rounding leaves): every result has about r causes.
    std::vector<std::size_t> size(depth, 0);
    size[0] = 1;
    size[1] = std::clamp<std::size_t>(options.nodes / 60, 2, 6);
    if (options.nodes < 3 + size[1]) size[1] = 1;
    const std::size_t rest = options.nodes - 1 - size[1];
    auto below = [&](double r) {  // nodes below the pathways for ratio r
        double sum = 0, level = double(size[1]);
        for (std::size_t l = 2; l < depth; ++l) sum += (level *= r);
        return sum;
    };
    double lo = 0.0, hi = 64.0;
    for (int i = 0; i < 100; ++i) (below((lo + hi) / 2) < double(rest) ? lo : hi) = (lo + hi) / 2;
    std::size_t assigned = 0;
    double level = double(size[1]);
    for (std::size_t l = 2; l + 1 < depth; ++l) {
        size[l] = std::min(rest - assigned, std::max<std::size_t>(1, static_cast<std::size_t>(level *= lo)));
        assigned += size[l];
    }
    size[depth - 1] = rest - assigned;

    TheoryOfChange toc(schema);
    toc.metadata().title = "Random model (" + std::to_string(options.nodes) + " nodes, seed " + std::to_string(options.seed) + ")";
    const std::size_t assumptions = std::max<std::size_t>(1, options.nodes / 10);
    for (std::size_t a = 0; a < assumptions; ++a) {
        Assumption as;
        as.id = "asm" + std::to_string(a);
        if (rng.unit() < 0.9) as.likelihood = 0.5 + 0.5 * rng.unit();
        toc.add_assumption(std::move(as));
    }
    static constexpr const char* prefix[] = {"goal", "pw", "eop", "int", "imm", "out", "act"};
    static constexpr Logic logics[] = {Logic::any, Logic::all, Logic::any, Logic::weighted, Logic::all};
    static constexpr ActivityStatus statuses[] = {ActivityStatus::planned, ActivityStatus::ongoing,
                                                  ActivityStatus::completed, ActivityStatus::ongoing};
    std::vector<std::vector<std::string>> ids(depth);
    std::size_t created = 0;
    for (std::size_t l = 0; l < depth; ++l) {
        for (std::size_t i = 0; i < size[l]; ++i) {
            Node n;
            n.id = prefix[l] + std::to_string(i);
            n.level = schema.levels()[l].id;
            n.logic = logics[rng.below(5)];
            if (l == depth - 1) n.status = statuses[rng.below(4)];
            if (l > 0 && l < depth - 1 && rng.unit() < 0.2) n.attributes["leak"] = 0.05;
            toc.add_node(n);
            ids[l].push_back(n.id);
            if (l == 0) continue;
            // Main target: the result above at the same relative position, give or take one.
            const std::size_t above = size[l - 1];
            std::size_t t = std::min(above - 1, i * above / size[l] + (rng.unit() < 0.3 ? rng.below(2) : 0));
            std::vector<std::size_t> targets{t};
            if (above > 1 && rng.unit() < options.second_target) targets.push_back(t + 1 < above ? t + 1 : t - 1);
            for (std::size_t target : targets) {
                Link link;
                link.source = n.id;
                link.target = ids[l - 1][target];
                if (rng.unit() < 0.85) link.strength = 0.4 + 0.6 * rng.unit();
                if (rng.unit() < options.assumption_share) {
                    // A nearby assumption, so that shared assumptions stay local.
                    const std::size_t a = std::min(assumptions - 1, created * assumptions / options.nodes + rng.below(2));
                    link.assumptions.push_back("asm" + std::to_string(a));
                }
                toc.add_link(std::move(link));
            }
            ++created;
        }
    }
    return toc;
}

}  // namespace tocgraph
