#pragma once
// The monitoring tolerances and results field by field (described.hpp): the one list of their
// members that their JSON (json.hpp) and their Python classes read. The lines
// are what a Python user reads in help(), so an empty optional is "None".
// The order is the Python classes' field order, which their pickles follow:
// append a new field rather than insert it.

#include <tuple>

#include "../described.hpp"
#include "breakdown.hpp"
#include "indicator_progress.hpp"
#include "rollup.hpp"
#include "status.hpp"

namespace tocgraph {

template <>
struct Described<Tolerances> {
    static constexpr std::tuple fields{
        Field{"at_risk_below", &Tolerances::at_risk_below, "Achievement below this times expected: at risk."},
        Field{"off_track_below", &Tolerances::off_track_below, "Achievement below this times expected: off track."}};
};

template <>
struct Described<PeriodProgress> {
    using P = PeriodProgress;
    static constexpr std::tuple fields{
        Field{"period", &P::period, "The period."},
        Field{"target", &P::target, "This period's target, combined across dimensions, or None."},
        Field{"target_to_date", &P::target_to_date, "Incremental indicators: the targets added up to here; else the target."},
        Field{"actual", &P::actual, "This period's actual, once the period has ended, or None."},
        Field{"actual_to_date", &P::actual_to_date, "The actual to date at the end of the period, or None."},
        Field{"achievement", &P::achievement, "Achievement of target_to_date by actual_to_date, or None."},
        Field{"due", &P::due, "True if the period ended on or before the as-of date."},
        Field{"target_comment", &P::target_comment, "The comment given with the target, if any."},
        Field{"actual_comment", &P::actual_comment, "The comment given with the actual, if any."}};
};

template <>
struct Described<IndicatorProgress> {
    using P = IndicatorProgress;
    static constexpr std::tuple fields{
        Field{"indicator", &P::indicator, "Indicator id."},
        Field{"node", &P::node, "Id of the node it measures."},
        Field{"title", &P::title, "The indicator's title."},
        Field{"unit", &P::unit, "The indicator's unit."},
        Field{"measure", &P::measure, "The indicator's measure."},
        Field{"accumulation", &P::accumulation, "How values add up over periods."},
        Field{"aggregation", &P::aggregation, "How values combine across dimensions."},
        Field{"ascending", &P::ascending, "True if higher values are better."},
        Field{"filter", &P::filter, "The view: {} for the whole indicator, {\"country\": \"KH\"} for one value."},
        Field{"as_of", &P::as_of, "The date of the assessment."},
        Field{"baseline", &P::baseline, "The baseline value that applies, or None."},
        Field{"baseline_date", &P::baseline_date, "The date of that baseline, or None."},
        Field{"target", &P::target, "The final target (incremental: all targets added up), or None."},
        Field{"target_date", &P::target_date, "End of the final target's period, or None."},
        Field{"actual", &P::actual, "The actual to date, or None."},
        Field{"actual_date", &P::actual_date, "End of the latest period counted, or None."},
        Field{"evaluated_at", &P::evaluated_at,
              "The latest period end on or before as_of: the date achievement is compared at."},
        Field{"expected_value", &P::expected_value, "Where the target trajectory stands then, or None."},
        Field{"achievement", &P::achievement, "Fraction of the way from baseline to target, or None."},
        Field{"expected", &P::expected, "Fraction expected by evaluated_at, or None."},
        Field{"status", &P::status,
              "\"on_track\", \"at_risk\", \"off_track\", \"not_started\", \"no_data\" or \"no_target\" "
              "(an actual, but no target to compare it with)."},
        Field{"comment", &P::comment, "The comment of the latest actual counted."},
        Field{"unreported", &P::unreported,
              "Dimension sets missing from the latest actual when it was combined from a breakdown."},
        Field{"notes", &P::notes, "The edge cases met, in plain words."},
        Field{"periods", &P::periods, "One PeriodProgress per target or actual period, by end date."},
        Field{"parts", &P::parts, "Progress per dimension set, for values that cannot be combined."}};
};

template <>
struct Described<RollupInput> {
    using I = RollupInput;
    static constexpr std::tuple fields{
        Field{"kind", &I::kind, "\"indicator\" or \"contributor\"."},
        Field{"id", &I::id, "Indicator id or contributing node id."},
        Field{"title", &I::title, "Title of the indicator or contributing node."},
        Field{"achievement", &I::achievement, "The input's achievement as of the date, or None."},
        Field{"expected", &I::expected, "The achievement expected by the date, or None."},
        Field{"status", &I::status, "The input's status."},
        Field{"weight", &I::weight, "1 for an indicator; the link's strength (1 if unset) for a contributor."},
        Field{"scored", &I::scored, "True if the input is part of the node's figure."},
        Field{"share", &I::share,
              "Its share of the figure (0 when not scored; 1 for the input weakest or strongest chose)."},
        Field{"reason", &I::reason, "Why it is not scored."}};
};

template <>
struct Described<NodeProgress> {
    using N = NodeProgress;
    static constexpr std::tuple fields{
        Field{"node", &N::node, "Node id."},
        Field{"level", &N::level, "The node's level id."},
        Field{"title", &N::title, "The node's title."},
        Field{"achievement", &N::achievement, "The rolled-up achievement, or None when no input has data."},
        Field{"expected", &N::expected, "The rolled-up achievement expected by the date, or None."},
        Field{"status", &N::status, "The node's status, from achievement against expected."},
        Field{"method", &N::method, "The method applied at this node (\"logic\" resolved to the node's own)."},
        Field{"inputs", &N::inputs, "Own indicators first, then contributors."},
        Field{"decisive", &N::decisive, "weakest / strongest: the id of the input chosen, else \"\"."}};
};

template <>
struct Described<Explanation> {
    using E = Explanation;
    static constexpr std::tuple fields{
        Field{"node", &E::node, "The node's figure (NodeProgress)."},
        Field{"drivers", &E::drivers, "The scored inputs, furthest behind schedule first."},
        Field{"unscored", &E::unscored, "The inputs left out of the figure, each with its reason."},
        Field{"text", &E::text, "The explanation in words."}};
};

template <>
struct Described<IndicatorBreakdown> {
    using B = IndicatorBreakdown;
    static constexpr std::tuple fields{
        Field{"indicator", &B::indicator, "Indicator id."},
        Field{"node", &B::node, "Id of the node it measures."},
        Field{"dimension", &B::dimension, "The dimension broken down by, e.g. \"country\"."},
        Field{"values", &B::values, "The dimension values, in row order."},
        Field{"rows", &B::rows, "IndicatorProgress per value (filter {dimension: value})."},
        Field{"missing", &B::missing, "The values with no actual counted by the as-of date."}};
};

}  // namespace tocgraph
