#pragma once
// A deterministic generator of realistic theories of change of any size, for
// tests, benchmarks and demonstrations. The same options give the same ToC
// on every platform (the random numbers are drawn with our own arithmetic,
// not the standard library's implementation-defined distributions).
//
// Shape (default schema): one goal; a few pathways; per pathway a handful of
// end-of-program outcomes; then intermediate outcomes, immediate outcomes,
// outputs and activities in growing numbers (fan-out roughly 3 per level
// downward). Each node links to 1-3 nodes of the level above, mostly in its
// own pathway; about one link in ten crosses to another pathway. Outcomes and
// outputs get indicators with a baseline, yearly targets and actuals.

#include <algorithm>
#include <cstdint>
#include <string>
#include <vector>

#include "detail/random/split_mix.hpp"
#include "theory_of_change.hpp"

namespace tocgraph {

struct SyntheticOptions {
    std::size_t nodes = 1000;      ///< total number of nodes (at least 3)
    std::uint64_t seed = 0;
    std::size_t pathways = 0;      ///< 0: chosen from the size (3 to 12)
    double cross_links = 0.1;      ///< share of links that cross to another pathway
    bool indicators = true;        ///< add indicators to outcomes and outputs
    bool titles = true;            ///< give nodes titles (off for the bare graph)
};

/// A synthetic ToC in the default schema.
/// Throws ModelError if nodes < 3 or cross_links is not within 0..1.
inline TheoryOfChange synthetic(const SyntheticOptions& options = {}) {
    if (options.nodes < 3) throw ModelError("", "a synthetic theory of change needs at least 3 nodes");
    if (!(options.cross_links >= 0.0 && options.cross_links <= 1.0))  // also rejects NaN
        throw ModelError("", "cross_links must be between 0 and 1, got " + std::to_string(options.cross_links));
    detail::SplitMix64 rng(options.seed);
    const LevelSchema schema = LevelSchema::theory_of_change();
    const std::size_t depth = schema.size();  // 7 levels

    // Level sizes: goal 1, pathways P, then each level about 3x the one above,
    // scaled so that the total is exactly `nodes`.
    std::size_t pathways = options.pathways;
    if (pathways == 0) pathways = std::clamp<std::size_t>(options.nodes / 50000 + 3, 3, 12);
    pathways = std::min(pathways, options.nodes - 2);
    std::vector<std::size_t> size(depth, 0);
    size[0] = 1;
    size[1] = pathways;
    std::size_t rest = options.nodes - 1 - pathways;
    double weights[8] = {0, 0, 1, 3, 9, 27, 81, 0};  // relative sizes of levels 2..6
    double total_weight = 0;
    for (std::size_t l = 2; l < depth; ++l) total_weight += weights[l];
    std::size_t assigned = 0;
    for (std::size_t l = 2; l < depth; ++l) {
        size[l] = static_cast<std::size_t>(double(rest) * weights[l] / total_weight);
        assigned += size[l];
    }
    size[depth - 1] += rest - assigned;  // rounding leftovers become activities

    TheoryOfChange toc(schema);
    toc.metadata().title = "Synthetic theory of change (" + std::to_string(options.nodes) + " nodes, seed " +
                           std::to_string(options.seed) + ")";
    toc.metadata().period = Period{Date{2020, 1, 1}, Date{2024, 12, 31}};

    // Node ids: level prefix + running number. Ids and pathways are computed
    // when needed rather than kept in tables, which would add some 40 bytes a
    // node to the peak memory of building a bare graph.
    static constexpr const char* prefix[] = {"goal", "pw", "eop", "int", "imm", "out", "act"};
    auto id_of = [](std::size_t l, std::size_t i) { return std::string(prefix[l]) + std::to_string(i); };
    // Nodes are spread over pathways in blocks, so pathways have contiguous members.
    auto pathway_of = [&](std::size_t l, std::size_t i) -> std::size_t {
        return l == 0 ? 0 : (l == 1 ? i : i * pathways / size[l]);
    };
    for (std::size_t l = 0; l < depth; ++l) {
        for (std::size_t i = 0; i < size[l]; ++i) {
            Node n;
            n.id = id_of(l, i);
            n.level = schema.levels()[l].id;
            if (options.titles) n.title = schema.levels()[l].label + " " + std::to_string(i);
            if (l == depth - 1) n.status = ActivityStatus::ongoing;
            toc.add_node(std::move(n));
        }
    }

    // Links: every node below the goal links to 1-3 nodes of the nearest
    // non-empty level above; mostly its own pathway's, sometimes another's.
    std::vector<std::vector<std::size_t>> first_of_pathway(depth), count_of_pathway(depth);
    for (std::size_t l = 0; l < depth; ++l) {
        first_of_pathway[l].assign(pathways, SIZE_MAX);
        count_of_pathway[l].assign(pathways, 0);
        for (std::size_t i = 0; i < size[l]; ++i) {
            const std::size_t p = pathway_of(l, i);
            if (first_of_pathway[l][p] == SIZE_MAX) first_of_pathway[l][p] = i;
            ++count_of_pathway[l][p];
        }
    }
    for (std::size_t l = 1; l < depth; ++l) {
        std::size_t up = l - 1;
        while (up > 0 && size[up] == 0) --up;
        for (std::size_t i = 0; i < size[l]; ++i) {
            const std::size_t parents = l == 1 ? 1 : 1 + rng.below(3);
            std::size_t chosen[3], chosen_count = 0;
            for (std::size_t k = 0; k < parents; ++k) {
                std::size_t p = pathway_of(l, i);
                if (k > 0 && pathways > 1 && rng.unit() < options.cross_links) p = rng.below(pathways);
                std::size_t target;
                if (up == 0) {
                    target = 0;
                } else if (count_of_pathway[up][p] > 0) {
                    target = first_of_pathway[up][p] + rng.below(count_of_pathway[up][p]);
                } else {
                    target = rng.below(size[up]);
                }
                if (std::find(chosen, chosen + chosen_count, target) != chosen + chosen_count) continue;
                chosen[chosen_count++] = target;
                Link link;
                link.source = id_of(l, i);
                link.target = id_of(up, target);
                link.strength = 0.5 + 0.5 * rng.unit();
                toc.add_link(std::move(link));
            }
        }
    }

    if (options.indicators) {
        std::size_t count = 0;
        for (std::size_t l = 2; l + 1 < depth; ++l)
            for (std::size_t i = 0; i < size[l]; ++i) {
                if (rng.unit() < 0.2) continue;  // leave some results unmeasured, as in real ToCs
                Indicator ind;
                ind.id = "ind" + std::to_string(count++);
                ind.node = id_of(l, i);
                if (options.titles) ind.title = "Indicator of " + ind.node;
                ind.unit = "count";
                ind.accumulation = Accumulation::cumulative;
                const double baseline = double(rng.below(50));
                Baseline start;
                start.date = Date{2020, 1, 1};
                start.value = baseline;
                ind.baselines.push_back(std::move(start));
                double expected = baseline, actual = baseline;
                for (int year = 2021; year <= 2024; ++year) {
                    expected += 10;
                    const Period period{Date{year, 1, 1}, Date{year, 12, 31}};
                    PeriodValue target;
                    target.period = period;
                    target.value = expected;
                    ind.targets.push_back(std::move(target));
                    if (year <= 2023) {
                        actual += double(rng.below(15));
                        PeriodValue value;
                        value.period = period;
                        value.value = actual;
                        ind.actuals.push_back(std::move(value));
                    }
                }
                toc.add_indicator(std::move(ind));
            }
    }
    return toc;
}

}  // namespace tocgraph
