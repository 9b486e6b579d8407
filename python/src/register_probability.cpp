// tocgraph._core.probability: probabilistic contribution analysis
// (include/tocgraph/probability/). The parameters are bound with their C++
// defaults; the functions build the model and run with the ToC read-locked
// and the GIL released, returning plain lists and tuples that
// tocgraph.probability turns into DataFrames.
#include "bind/bind.hpp"

#include <tocgraph/probability.hpp>

namespace tocgraph::python {

namespace {

using TOC = TheoryOfChange;

/// A Python list of one tuple `row(item)` per item, as tocgraph.probability
/// turns them into DataFrame rows.
template <typename Item, typename Row>
py::list rows_of(const std::vector<Item>& items, Row row) {
    py::list out;
    for (const Item& item : items) out.append(row(item));
    return out;
}

py::list defaulted_list(const std::vector<DefaultedParameter>& defaulted) {
    return rows_of(defaulted, [](const DefaultedParameter& d) { return py::make_tuple(d.kind, d.id, d.parameter, d.value); });
}

/// The marginals with the parameters the model defaulted, from one model.
template <typename Run>
py::tuple marginals_tuple(const SharedToc& toc, const ProbabilityParameters& parameters, Run run) {
    auto [m, defaulted] = read(toc, [&](const TOC& t) {
        ProbabilityModel model = build_model(t, parameters);
        return std::pair{run(model), std::move(model.defaulted)};
    });
    return py::make_tuple(m.ids, m.probability, m.std_error, m.node_count, m.evidence_probability, m.samples,
                          m.accepted, defaulted_list(defaulted));
}

py::list shares_list(const std::vector<Share>& shares) {
    return rows_of(shares, [](const Share& s) { return py::make_tuple(s.id, s.share, s.std_error); });
}

void register_parameters(py::module_& m) {
    Struct<ProbabilityParameters>(m, "ProbabilityParameters",
                                  "The numbers the probabilistic model assumes where the file is silent "
                                  "(docs/probability.md).")
        .field("link_probability", &ProbabilityParameters::link_probability,
               "P(link works) for a link with neither a `probability` attribute nor a strength.")
        .field("assumption_likelihood", &ProbabilityParameters::assumption_likelihood,
               "P(assumption holds) for an assumption without likelihood.")
        .field("activity_prior", &ProbabilityParameters::activity_prior,
               "P(achieved) of a planned or ongoing activity or one without status.")
        .field("threshold", &ProbabilityParameters::threshold,
               "Share of the incoming weight a `weighted` node needs, unless its `threshold` attribute says.")
        .field("leak", &ProbabilityParameters::leak,
               "P(achieved from causes outside the ToC), unless a node's `leak` attribute says.")
        .field(count_member("max_table_entries", &ProbabilityParameters::max_table_entries, std::size_t{1},
                            "Exact inference refuses a clique table larger than this (InferenceTooLarge)."))
        .finish();
}

void register_functions(py::module_& m) {
    m.def(
        "defaulted",
        [](const SharedToc& toc, const ProbabilityParameters& parameters) {
            return defaulted_list(read(toc, [&](const TOC& t) { return build_model(t, parameters).defaulted; }));
        },
        py::arg("toc"), py::arg("parameters"));
    m.def(
        "exact",
        [](const SharedToc& toc, const Observations& observed, const ProbabilityParameters& parameters) {
            return marginals_tuple(toc, parameters,
                                   [&](const ProbabilityModel& model) { return exact_probabilities(model, observed); });
        },
        py::arg("toc"), py::arg("observed"), py::arg("parameters"));
    m.def(
        "monte_carlo",
        [](const SharedToc& toc, const Observations& observed, const MonteCarloOptions& options,
           const ProbabilityParameters& parameters) {
            return marginals_tuple(toc, parameters, [&](const ProbabilityModel& model) {
                return monte_carlo_probabilities(model, observed, options);
            });
        },
        py::arg("toc"), py::arg("observed"), py::arg("options"), py::arg("parameters"));
    m.def(
        "sensitivity",
        [](const SharedToc& toc, const std::string& target, const Observations& observed, bool links,
           const ProbabilityParameters& parameters) {
            const auto rows =
                read(toc, [&](const TOC& t) { return sensitivity(build_model(t, parameters), target, observed, links); });
            return rows_of(rows, [](const Importance& i) {
                return py::make_tuple(i.kind, i.id, i.probability, i.if_certain, i.if_fails);
            });
        },
        py::arg("toc"), py::arg("target"), py::arg("observed"), py::arg("links"), py::arg("parameters"));
    m.def(
        "contribution",
        [](const SharedToc& toc, const std::string& target, const Observations& observed,
           const ContributionOptions& options, const ProbabilityParameters& parameters) {
            const Contribution c =
                read(toc, [&](const TOC& t) { return contribution(build_model(t, parameters), target, observed, options); });
            py::dict out;
            out["target"] = c.target;
            out["probability"] = c.probability;
            out["baseline"] = c.baseline;
            out["exact"] = c.exact;
            out["activities"] = shares_list(c.activities);
            out["pathways"] = shares_list(c.pathways);
            out["pathway_baseline"] = c.pathway_baseline;
            return out;
        },
        py::arg("toc"), py::arg("target"), py::arg("observed"), py::arg("options"), py::arg("parameters"));
    m.def(
        "observations_as_of",
        [](const SharedToc& toc, const ProgressOptions& options) {
            options.tolerances.check();  // std::invalid_argument -> ValueError, before any work
            return read(toc, [&](const TOC& t) { return observations_as_of(t, options); });
        },
        py::arg("toc"), py::arg("options"));
    m.def(
        "links_in_doubt",
        [](const SharedToc& toc, const Observations& observed, const ProbabilityParameters& parameters) {
            const auto rows = read(toc, [&](const TOC& t) { return links_in_doubt(build_model(t, parameters), observed); });
            return rows_of(rows, [](const LinkDoubt& d) { return py::make_tuple(d.source, d.target, d.prior, d.posterior); });
        },
        py::arg("toc"), py::arg("observed"), py::arg("parameters"));
    // The Bayesian network as variables and full tables, for other libraries:
    // (nodes, assumptions, tables), each table (variables, values) with
    // values[i] for the assignment whose bit j is the value of variables[j].
    m.def(
        "network",
        [](const SharedToc& toc, const ProbabilityParameters& parameters) {
            auto [model, tables] = read(toc, [&](const TOC& t) {
                ProbabilityModel model = build_model(t, parameters);
                std::vector<ConditionalTable> tables;
                for (std::size_t v = 0; v < model.node_count(); ++v) tables.push_back(conditional_table(model, v));
                return std::pair{std::move(model), std::move(tables)};
            });
            py::list out;
            for (std::size_t v = 0; v < tables.size(); ++v) {
                py::list names;
                for (auto x : tables[v].variables) names.append(model.variable_name(x));
                out.append(py::make_tuple(model.node_ids[v], names, tables[v].values));
            }
            py::list assumptions;
            for (std::size_t a = 0; a < model.assumption_ids.size(); ++a)
                assumptions.append(py::make_tuple(model.assumption_ids[a], model.assumption_likelihood[a]));
            return py::make_tuple(out, assumptions);
        },
        py::arg("toc"), py::arg("parameters"));
    m.def(
        "random_model",
        [](std::size_t nodes, std::uint64_t seed, double second_target, double assumption_share) {
            return new_toc(without_gil([&] { return random_model({nodes, seed, second_target, assumption_share}); }));
        },
        py::arg("nodes"), py::arg("seed"), py::arg("second_target"), py::arg("assumption_share"));
}

void register_options(py::module_& m) {
    Struct<MonteCarloOptions>(m, "MonteCarloOptions", "How Monte Carlo samples.")
        .field(count_member("samples", &MonteCarloOptions::samples, std::size_t{1}, "The number of samples."))
        .field(count_member("seed", &MonteCarloOptions::seed, std::uint64_t{0}, "The seed."))
        .field(count_member("threads", &MonteCarloOptions::threads, std::size_t{0},
                            "Threads; 0: one per core. The result does not depend on it."))
        .finish();
    Struct<ContributionOptions>(m, "ContributionOptions", "How Shapley shares are computed.")
        .field(count_member("exact_limit", &ContributionOptions::exact_limit, std::size_t{0},
                            "Players up to which shares are exact (over all coalitions)."))
        .field(count_member("permutations", &ContributionOptions::permutations, std::size_t{1},
                            "Random orders sampled above exact_limit."))
        .field(count_member("seed", &ContributionOptions::seed, std::uint64_t{0}, "Seed of the sampled orders."))
        .finish();
}

}  // namespace

void register_probability(py::module_& m) {
    register_parameters(m);
    register_options(m);
    register_functions(m);
}

}  // namespace tocgraph::python
