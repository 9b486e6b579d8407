#pragma once
// Monitoring results as JSON (for `tocgraph progress --format json`, reports
// and other tools), members named and ordered as described.hpp lists them;
// dates are "YYYY-MM-DD" strings, enums their file spelling, absent values null.
//
// These are nlohmann/json's own conversion hooks, found by argument-dependent
// lookup: `nlohmann::ordered_json j = rollup;`.

#include <nlohmann/json.hpp>

#include "../detail/json/described_fields.hpp"
#include "described.hpp"

namespace tocgraph {

inline void to_json(nlohmann::ordered_json& out, const Tolerances& t) { detail::fields_to_json(out, t); }

inline void to_json(nlohmann::ordered_json& out, const PeriodProgress& p) {
    using detail::json_or_null;
    out = {{"start", p.period.start.to_string()},
            {"end", p.period.end.to_string()},
            {"target", json_or_null(p.target)},
            {"target_to_date", json_or_null(p.target_to_date)},
            {"actual", json_or_null(p.actual)},
            {"actual_to_date", json_or_null(p.actual_to_date)},
            {"achievement", json_or_null(p.achievement)},
            {"due", p.due},
            {"target_comment", p.target_comment},
            {"actual_comment", p.actual_comment}};
}

inline void to_json(nlohmann::ordered_json& out, const IndicatorProgress& p) { detail::fields_to_json(out, p); }

inline void to_json(nlohmann::ordered_json& out, const RollupInput& i) { detail::fields_to_json(out, i); }

inline void to_json(nlohmann::ordered_json& out, const NodeProgress& n) {
    using detail::json_or_null;
    out = {{"node", n.node},
            {"level", n.level},
            {"title", n.title},
            {"achievement", json_or_null(n.achievement)},
            {"expected", json_or_null(n.expected)},
            {"status", to_string(n.status)},
            {"method", to_string(n.method)},
            {"decisive",
             n.decisive.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(n.decisive)},
            {"inputs", n.inputs}};
}

inline void to_json(nlohmann::ordered_json& out, const Rollup& r) {
    out = {{"as_of", r.options.progress.as_of.to_string()},
            {"method", to_string(r.options.method)},
            {"tolerances", nlohmann::ordered_json(r.options.progress.tolerances)},
            {"indicators", r.indicators},
            {"nodes", r.nodes}};
}

inline void to_json(nlohmann::ordered_json& out, const Explanation& e) { detail::fields_to_json(out, e); }

inline void to_json(nlohmann::ordered_json& out, const IndicatorBreakdown& b) { detail::fields_to_json(out, b); }

}  // namespace tocgraph
