// tocgraph simulate FILE: the chance that each result and the goal are
// achieved, exactly or by Monte Carlo, given observations typed on the
// command line or read from monitoring as of a date; with exact inference,
// the assumptions the target is most sensitive to and the links the
// observations put in doubt (docs/probability.md).
#include <algorithm>
#include <cstdio>
#include <ostream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include <tocgraph/probability.hpp>

#include "command.hpp"
#include "options.hpp"

namespace tocgraph::cli {
namespace {

using Json = nlohmann::ordered_json;

std::string number(double value, const char* format = "%.4f") {
    char buffer[48];
    std::snprintf(buffer, sizeof buffer, format, value);
    return buffer;
}

std::size_t whole_number(const ParsedArgs& args, std::string_view name, std::size_t fallback) {
    const auto text = args.value(name);
    if (!text) return fallback;
    const bool digits = !text->empty() && text->size() <= 18 && std::ranges::all_of(*text, [](char c) { return c >= '0' && c <= '9'; });
    if (!digits) throw UsageError("option --" + std::string(name) + ": expected a whole number, got \"" + *text + "\"");
    return std::stoull(*text);
}

/// --as-of first (monitoring), then each --observe ID=achieved|not_achieved, later ones winning.
Observations observations(const TheoryOfChange& toc, const ParsedArgs& args) {
    Observations out;
    if (auto as_of = date_option(args, "as-of")) {
        ProgressOptions options;
        options.as_of = *as_of;
        options.tolerances = tolerances_option(args);
        out = observations_as_of(toc, options);
    }
    if (auto it = args.options.find("observe"); it != args.options.end())
        for (const std::string& item : it->second) {
            const auto eq = item.find('=');
            const std::string id = item.substr(0, eq), value = eq == std::string::npos ? "" : item.substr(eq + 1);
            if (value != "achieved" && value != "not_achieved")
                throw UsageError("option --observe: expected ID=achieved or ID=not_achieved, got \"" + item + "\"");
            if (!toc.contains(id) && !toc.has_assumption(id))
                throw UsageError("option --observe: no node or assumption \"" + id + "\"");
            out[id] = value == "achieved";
        }
    return out;
}

struct Simulation {
    std::string target;
    std::string method;
    Observations observed;
    Marginals marginals;
    std::vector<DefaultedParameter> defaulted;
    std::vector<Importance> assumptions;  ///< exact only: by swing
    std::vector<LinkDoubt> doubt;         ///< exact only, with observations: those whose chance fell
};

void print_text(const TheoryOfChange& toc, const std::string& name, const Simulation& s, std::ostream& out) {
    out << (toc.metadata().title.empty() ? name : toc.metadata().title) << "\n";
    out << "Method: " << s.method;
    if (s.method == "monte-carlo")
        out << " (" << s.marginals.samples << " samples, " << s.marginals.accepted << " consistent with the observations)";
    out << "\nObservations:";
    if (s.observed.empty()) out << " none";
    for (const auto& [id, achieved] : s.observed) out << " " << id << "=" << (achieved ? "achieved" : "not_achieved");
    out << "\n";
    if (!s.observed.empty()) out << "P(observations): " << number(s.marginals.evidence_probability) << "\n";
    out << "Target: " << s.target << "  P(achieved) = " << number(s.marginals.of(s.target)) << "\n\n";
    std::size_t width = 2;
    for (std::size_t v = 0; v < s.marginals.node_count; ++v) width = std::max(width, s.marginals.ids[v].size());
    out << "Probability of achievement\n";
    for (std::size_t v = 0; v < s.marginals.node_count; ++v) {
        const std::string& id = s.marginals.ids[v];
        out << "  " << id << std::string(width - id.size(), ' ') << "  " << number(s.marginals.probability[v]);
        if (s.method == "monte-carlo") out << " ± " << number(s.marginals.std_error[v]);
        out << "  " << toc.node(id).level << "\n";
    }
    if (s.method == "exact") {
        out << "\nAssumptions by swing (P(target | holds) - P(target | fails)):";
        if (s.assumptions.empty()) out << " none";
        out << "\n";
        std::size_t id_width = 0;
        for (const Importance& i : s.assumptions) id_width = std::max(id_width, i.id.size());
        for (const Importance& i : s.assumptions)
            out << "  " << i.id << std::string(id_width - i.id.size(), ' ') << "  " << number(i.swing()) << "  (" << number(i.if_fails) << " to " << number(i.if_certain) << ")\n";
        if (!s.observed.empty()) {
            out << "\nLinks in doubt (chance that the link works, before -> after the observations):";
            if (s.doubt.empty()) out << " none";
            out << "\n";
            for (const LinkDoubt& d : s.doubt)
                out << "  " << d.source << " -> " << d.target << "  " << number(d.prior) << " -> " << number(d.posterior) << "\n";
        }
    }
    out << "\nDefaulted parameters: " << s.defaulted.size();
    for (std::size_t i = 0; i < s.defaulted.size() && i < 10; ++i)
        out << (i ? ", " : " (") << s.defaulted[i].kind << " " << s.defaulted[i].id << " " << s.defaulted[i].parameter << "="
            << number(s.defaulted[i].value, "%g");
    out << (s.defaulted.empty() ? "" : s.defaulted.size() > 10 ? ", ...)" : ")") << "\n";
}

void print_json(const TheoryOfChange& toc, const std::string& name, const Simulation& s, std::ostream& out) {
    Json doc;
    doc["file"] = name;
    doc["title"] = toc.metadata().title;
    doc["target"] = s.target;
    doc["method"] = s.method;
    doc["samples"] = s.marginals.samples;
    doc["accepted"] = s.marginals.accepted;
    Json observed = Json::object();
    for (const auto& [id, achieved] : s.observed) observed[id] = achieved ? "achieved" : "not_achieved";
    doc["observations"] = std::move(observed);
    doc["evidence_probability"] = s.marginals.evidence_probability;
    Json nodes = Json::array();
    for (std::size_t v = 0; v < s.marginals.node_count; ++v)
        nodes.push_back({{"id", s.marginals.ids[v]},
                         {"level", toc.node(s.marginals.ids[v]).level},
                         {"probability", s.marginals.probability[v]},
                         {"std_error", s.marginals.std_error[v]}});
    doc["nodes"] = std::move(nodes);
    Json assumptions = Json::array();
    for (const Importance& i : s.assumptions)
        assumptions.push_back({{"id", i.id}, {"probability", i.probability}, {"if_holds", i.if_certain}, {"if_fails", i.if_fails}, {"swing", i.swing()}});
    doc["assumptions"] = std::move(assumptions);
    Json doubt = Json::array();
    for (const LinkDoubt& d : s.doubt)
        doubt.push_back({{"source", d.source}, {"target", d.target}, {"prior", d.prior}, {"posterior", d.posterior}});
    doc["links_in_doubt"] = std::move(doubt);
    Json defaulted = Json::array();
    for (const DefaultedParameter& d : s.defaulted)
        defaulted.push_back({{"kind", d.kind}, {"id", d.id}, {"parameter", d.parameter}, {"value", d.value}});
    doc["defaulted"] = std::move(defaulted);
    out << doc.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
}

void print_csv(const TheoryOfChange& toc, const Simulation& s, std::ostream& out) {
    auto quoted = [](const std::string& text) {
        if (text.find_first_of(",\"\n") == std::string::npos) return text;
        std::string q = "\"";
        for (char c : text) q += c == '"' ? std::string("\"\"") : std::string(1, c);
        return q + "\"";
    };
    out << "id,level,probability,std_error\n";
    for (std::size_t v = 0; v < s.marginals.node_count; ++v)
        out << quoted(s.marginals.ids[v]) << "," << quoted(toc.node(s.marginals.ids[v]).level) << ","
            << number(s.marginals.probability[v], "%.17g") << "," << number(s.marginals.std_error[v], "%.17g") << "\n";
}

}  // namespace

int run_simulate(const ParsedArgs& args, Context& context) {
    const std::string format = format_option(args, {"text", "json", "csv"});
    const std::string method = args.value("method").value_or("exact");
    if (method != "exact" && method != "monte-carlo")
        throw UsageError("option --method: unknown method \"" + method + "\"; expected exact or monte-carlo");
    MonteCarloOptions mc;
    mc.samples = whole_number(args, "samples", mc.samples);
    mc.seed = whole_number(args, "seed", 0);
    mc.threads = whole_number(args, "threads", 0);
    if (mc.samples == 0) throw UsageError("option --samples: expected at least 1");
    const std::string& path = args.positional.at(0);
    const std::string name = input_name(path);
    const TheoryOfChange toc = load_input(path);

    Simulation s;
    s.method = method;
    s.target = target_of(toc, args, name);
    s.observed = observations(toc, args);
    const ProbabilityModel model = build_model(toc);
    s.defaulted = model.defaulted;
    if (method == "exact") {
        s.marginals = exact_probabilities(model, s.observed);
        for (const Importance& i : sensitivity(model, s.target, s.observed))
            if (i.kind == "assumption") s.assumptions.push_back(i);
        if (!s.observed.empty())
            for (const LinkDoubt& d : links_in_doubt(model, s.observed))
                if (d.change() < -1e-9) s.doubt.push_back(d);
    } else {
        s.marginals = monte_carlo_probabilities(model, s.observed, mc);
    }
    if (format == "json")
        print_json(toc, name, s, context.out);
    else if (format == "csv")
        print_csv(toc, s, context.out);
    else
        print_text(toc, name, s, context.out);
    return exit_ok;
}

}  // namespace tocgraph::cli
