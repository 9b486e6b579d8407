#pragma once
// Writing a theory of change as a logframe grid: one row per indicator and
// disaggregation of a result, a result's own cells on its first row.

#include <algorithm>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include "../../theory_of_change.hpp"
#include "logframe_cells.hpp"

namespace tocgraph::detail {

/// A dimension name or value as the Dimensions cell spells it: `;`, `=` and
/// line breaks separate, so they (and the escaping backslash) get a backslash.
inline std::string escape_dimension(const std::string& text) { return backslash_escape(text, ";="); }

/// An id in the "Contributes to" list: the reader splits it on `;`, `,` and
/// line breaks, so those (and the escaping backslash) get a backslash.
inline std::string escape_listed_id(const std::string& id) { return backslash_escape(id, ";,"); }

/// The reader trims cells, so an id that would not read back as itself is
/// refused instead of being changed.
inline void refuse_unreadable_id(const std::string& id, const char* what) {
    if (id.empty() || ascii_trim(id) != id)
        throw Error(std::string("cannot write the ") + what + " id \"" + id +
                    "\" to a logframe table: ids there cannot be empty or begin or end with a space "
                    "(docs/logframe.md)");
}

/// Dimension names and values are trimmed when read, and a name cannot be empty.
inline void refuse_untrimmed_dimension(const Indicator& ind, const std::string& name, const std::string& value) {
    const auto untrimmed = [](const std::string& t) { return ascii_trim(t) != t; };
    if (name.empty() || untrimmed(name) || untrimmed(value))
        throw Error("cannot write the dimension \"" + name + "=" + value + "\" of indicator \"" + ind.id +
                    "\" to a logframe table: dimension names cannot be empty, and names and values cannot begin "
                    "or end with a space (docs/logframe.md)");
}

/// The grid of logframe_rows (see logframe/write.hpp).
inline std::vector<std::vector<std::string>> logframe_grid(const TheoryOfChange& toc) {
    // A cell holds a number or a text; a value with neither (only a ratio's
    // numerator and denominator, say) has nothing to show, so it gets no
    // column or row of its own that would read back as nothing.
    auto shown = [](const auto& v) { return v.value.has_value() || !v.value_text.empty(); };
    std::set<std::pair<Date, Date>> target_periods, actual_periods;
    for (const Indicator& i : toc.indicators()) {
        for (const PeriodValue& v : i.targets)
            if (shown(v)) target_periods.insert({v.period.start, v.period.end});
        for (const PeriodValue& v : i.actuals)
            if (shown(v)) actual_periods.insert({v.period.start, v.period.end});
    }
    std::vector<std::string> header = {"Level", "ID", "Contributes to", "Statement", "Indicator ID", "Indicator",
                                       "Unit", "Dimensions", "Baseline", "Baseline date"};
    for (const auto& [s, e] : target_periods) header.push_back("Target " + period_name({s, e}));
    for (const auto& [s, e] : actual_periods) header.push_back("Actual " + period_name({s, e}));
    header.push_back("Means of verification");
    header.push_back("Assumptions");
    std::vector<std::vector<std::string>> rows = {header};

    // A number, else the text a source wrote ("tbc"); comments have no column.
    auto value_text = [](const std::optional<double>& v, const std::string& text) {
        return v ? number_text(*v) : text;
    };
    for (const Node& n : toc.nodes()) refuse_unreadable_id(n.id, "node");
    for (const Indicator& i : toc.indicators()) refuse_unreadable_id(i.id, "indicator");
    auto dims_text = [](const Indicator& ind, const Dimensions& d) {
        std::string out;
        for (const auto& [k, v] : d) {
            refuse_untrimmed_dimension(ind, k, v);
            out += (out.empty() ? "" : "; ") + escape_dimension(k) + "=" + escape_dimension(v);
        }
        return out;
    };
    for (const Level& level : toc.schema().levels())
        for (const Node* n : toc.nodes_at(level.id)) {
            std::string contributes, assumptions;
            std::vector<std::string> statements;
            for (const Link* l : toc.links_from(n->id)) {
                contributes += (contributes.empty() ? "" : "; ") + escape_listed_id(l->target);
                for (const std::string& a : l->assumptions)
                    if (const Assumption* as = toc.find_assumption(a);
                        as && !as->statement.empty() && std::find(statements.begin(), statements.end(), as->statement) == statements.end())
                        statements.push_back(as->statement);
            }
            for (const Assumption& a : toc.assumptions())
                if (!a.statement.empty() && a.attributes.is_object() && a.attributes.contains("result") &&
                    a.attributes["result"] == n->id &&
                    std::find(statements.begin(), statements.end(), a.statement) == statements.end())
                    statements.push_back(a.statement);
            for (const std::string& s : statements) assumptions += (assumptions.empty() ? "" : "\n") + s;

            std::vector<std::vector<std::string>> node_rows;
            auto row = [&] {
                std::vector<std::string> r(header.size());
                r[0] = n->level;
                r[1] = n->id;
                return r;
            };
            for (const Indicator* ind : toc.indicators_of(n->id)) {
                // One row per set of dimensions, the total (no dimensions) first.
                std::vector<Dimensions> sets = {Dimensions{}};
                auto see = [&](const Dimensions& d) {
                    if (std::find(sets.begin(), sets.end(), d) == sets.end()) sets.push_back(d);
                };
                for (const Baseline& b : ind->baselines)
                    if (shown(b)) see(b.dimensions);
                for (const PeriodValue& v : ind->targets)
                    if (shown(v)) see(v.dimensions);
                for (const PeriodValue& v : ind->actuals)
                    if (shown(v)) see(v.dimensions);
                for (std::size_t k = 0; k < sets.size(); ++k) {
                    const Dimensions& d = sets[k];
                    std::vector<std::string> r = row();
                    r[4] = ind->id;
                    bool any = k == 0;
                    if (k == 0) {
                        r[5] = ind->title;
                        r[6] = ind->unit;
                        r[header.size() - 2] = ind->means_of_verification;
                    }
                    r[7] = dims_text(*ind, d);
                    for (const Baseline& b : ind->baselines)
                        if (b.dimensions == d && shown(b)) {
                            r[8] = value_text(b.value, b.value_text);
                            if (b.date) r[9] = b.date->to_string();
                            any = true;
                            break;
                        }
                    std::size_t column = 10;
                    for (const auto* periods : {&target_periods, &actual_periods}) {
                        const auto& values = periods == &target_periods ? ind->targets : ind->actuals;
                        for (const auto& [s, e] : *periods) {
                            for (const PeriodValue& v : values)
                                if (v.period.start == s && v.period.end == e && v.dimensions == d && shown(v)) {
                                    r[column] = value_text(v.value, v.value_text);
                                    any = true;
                                    break;
                                }
                            ++column;
                        }
                    }
                    if (any) node_rows.push_back(std::move(r));
                }
            }
            if (node_rows.empty()) node_rows.push_back(row());
            node_rows[0][2] = contributes;
            node_rows[0][3] = n->title;
            node_rows[0][header.size() - 1] = assumptions;
            for (auto& r : node_rows) rows.push_back(std::move(r));
        }
    return rows;
}

}  // namespace tocgraph::detail
