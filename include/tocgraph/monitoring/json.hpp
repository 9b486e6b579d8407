#pragma once
// Monitoring results as JSON (for `tocgraph progress --format json`, reports
// and other tools), members in the order of the C++ fields; dates are
// "YYYY-MM-DD" strings, enums their file spelling, absent values null.
//
// These are nlohmann/json's own conversion hooks, found by argument-dependent
// lookup: `nlohmann::ordered_json j = rollup;`.

#include <optional>

#include <nlohmann/json.hpp>

#include "breakdown.hpp"
#include "indicator_progress.hpp"
#include "rollup.hpp"

namespace tocgraph {

namespace detail {

inline nlohmann::ordered_json json_or_null(const std::optional<double>& x) {
    return x && std::isfinite(*x) ? nlohmann::ordered_json(*x) : nlohmann::ordered_json(nullptr);
}
inline nlohmann::ordered_json json_or_null(const std::optional<Date>& d) {
    return d ? nlohmann::ordered_json(d->to_string()) : nlohmann::ordered_json(nullptr);
}

}  // namespace detail

inline void to_json(nlohmann::ordered_json& out, const Tolerances& t) {
    out = {{"at_risk_below", t.at_risk_below}, {"off_track_below", t.off_track_below}};
}

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

inline void to_json(nlohmann::ordered_json& out, const IndicatorProgress& p) {
    using detail::json_or_null;
    out = {{"indicator", p.indicator},
            {"node", p.node},
            {"title", p.title},
            {"unit", p.unit},
            {"measure", to_string(p.measure)},
            {"accumulation", to_string(p.accumulation)},
            {"aggregation", to_string(p.aggregation)},
            {"ascending", p.ascending},
            {"filter", p.filter},
            {"as_of", p.as_of.to_string()},
            {"baseline", json_or_null(p.baseline)},
            {"baseline_date", json_or_null(p.baseline_date)},
            {"target", json_or_null(p.target)},
            {"target_date", json_or_null(p.target_date)},
            {"actual", json_or_null(p.actual)},
            {"actual_date", json_or_null(p.actual_date)},
            {"evaluated_at", json_or_null(p.evaluated_at)},
            {"expected_value", json_or_null(p.expected_value)},
            {"achievement", json_or_null(p.achievement)},
            {"expected", json_or_null(p.expected)},
            {"status", to_string(p.status)},
            {"comment", p.comment},
            {"unreported", p.unreported},
            {"notes", p.notes},
            {"periods", p.periods},
            {"parts", p.parts}};
}

inline void to_json(nlohmann::ordered_json& out, const RollupInput& i) {
    using detail::json_or_null;
    out = {{"kind", to_string(i.kind)},
            {"id", i.id},
            {"title", i.title},
            {"achievement", json_or_null(i.achievement)},
            {"expected", json_or_null(i.expected)},
            {"status", to_string(i.status)},
            {"weight", i.weight},
            {"scored", i.scored},
            {"share", i.share},
            {"reason", i.reason}};
}

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

inline void to_json(nlohmann::ordered_json& out, const Explanation& e) {
    out = {{"node", nlohmann::ordered_json(e.node)}, {"text", e.text}, {"drivers", e.drivers},
           {"unscored", e.unscored}};
}

inline void to_json(nlohmann::ordered_json& out, const IndicatorBreakdown& b) {
    out = {{"indicator", b.indicator}, {"node", b.node}, {"dimension", b.dimension},
            {"values", b.values}, {"missing", b.missing}, {"rows", b.rows}};
}

}  // namespace tocgraph
