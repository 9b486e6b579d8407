#pragma once
// The closed vocabularies of the model and their file spellings. Every enum
// has one table here, so the JSON reader, the writer, the Python bindings and
// the error messages all spell the values the same way.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

namespace tocgraph {

/// How a result's contributors combine.
enum class Logic { all, any, weighted };

/// Where an activity stands in the work plan.
enum class ActivityStatus { planned, ongoing, completed, cancelled };

/// The IATI IndicatorMeasure codelist (codes 1-5).
enum class Measure { unit = 1, percentage = 2, nominal = 3, ordinal = 4, qualitative = 5 };

/// How the values reported per period relate to each other over time.
enum class Accumulation {
    incremental,  ///< each period reports what happened in it; values add up to date
    cumulative,   ///< each value is the running total to date
    level         ///< each value is a state at that time (a rate, a score)
};

/// How values disaggregated by dimensions combine into one figure.
enum class Aggregation { sum, mean, latest, min, max, ratio, none };

/// The risk an assumption poses if it does not hold.
enum class Risk { low, medium, high };

/// What monitoring says about an assumption.
enum class AssumptionStatus { untested, holding, at_risk, not_holding };

/// What a consultation comment is.
enum class FeedbackKind { challenge, priority, solution, comment, proposed_change };

/// What became of a consultation comment.
enum class FeedbackStatus { open, accepted, rejected, addressed };

/// The semantic role of a level, so analyses work across level schemas.
enum class LevelRole { goal, pathway, outcome, output, activity, input };

template <typename E>
struct enum_names;  // specialised by TOCGRAPH_ENUM_NAMES: a static constexpr table of {value, name}

/// Names the values of enum E (inside namespace tocgraph), one {E::value, "name"}
/// pair each; to_string, parse_enum, enum_choices and the bindings read the table.

#define TOCGRAPH_ENUM_NAMES(E, ...)                                                 \
    template <>                                                                     \
    struct enum_names<E> {                                                          \
        static constexpr std::string_view type_name = #E;                           \
        static constexpr auto table = std::to_array<std::pair<E, std::string_view>>( \
            {__VA_ARGS__});                                                         \
    };

TOCGRAPH_ENUM_NAMES(Logic, {Logic::all, "all"}, {Logic::any, "any"},
                    {Logic::weighted, "weighted"})
TOCGRAPH_ENUM_NAMES(ActivityStatus, {ActivityStatus::planned, "planned"},
                    {ActivityStatus::ongoing, "ongoing"},
                    {ActivityStatus::completed, "completed"},
                    {ActivityStatus::cancelled, "cancelled"})
TOCGRAPH_ENUM_NAMES(Measure, {Measure::unit, "unit"}, {Measure::percentage, "percentage"},
                    {Measure::nominal, "nominal"}, {Measure::ordinal, "ordinal"},
                    {Measure::qualitative, "qualitative"})
TOCGRAPH_ENUM_NAMES(Accumulation, {Accumulation::incremental, "incremental"},
                    {Accumulation::cumulative, "cumulative"}, {Accumulation::level, "level"})
TOCGRAPH_ENUM_NAMES(Aggregation, {Aggregation::sum, "sum"}, {Aggregation::mean, "mean"},
                    {Aggregation::latest, "latest"}, {Aggregation::min, "min"},
                    {Aggregation::max, "max"}, {Aggregation::ratio, "ratio"},
                    {Aggregation::none, "none"})
TOCGRAPH_ENUM_NAMES(Risk, {Risk::low, "low"}, {Risk::medium, "medium"}, {Risk::high, "high"})
TOCGRAPH_ENUM_NAMES(AssumptionStatus, {AssumptionStatus::untested, "untested"},
                    {AssumptionStatus::holding, "holding"},
                    {AssumptionStatus::at_risk, "at_risk"},
                    {AssumptionStatus::not_holding, "not_holding"})
TOCGRAPH_ENUM_NAMES(FeedbackKind, {FeedbackKind::challenge, "challenge"},
                    {FeedbackKind::priority, "priority"}, {FeedbackKind::solution, "solution"},
                    {FeedbackKind::comment, "comment"},
                    {FeedbackKind::proposed_change, "proposed_change"})
TOCGRAPH_ENUM_NAMES(FeedbackStatus, {FeedbackStatus::open, "open"},
                    {FeedbackStatus::accepted, "accepted"},
                    {FeedbackStatus::rejected, "rejected"},
                    {FeedbackStatus::addressed, "addressed"})
TOCGRAPH_ENUM_NAMES(LevelRole, {LevelRole::goal, "goal"}, {LevelRole::pathway, "pathway"},
                    {LevelRole::outcome, "outcome"}, {LevelRole::output, "output"},
                    {LevelRole::activity, "activity"}, {LevelRole::input, "input"})

/// The file spelling of an enum value.
template <typename E>
constexpr std::string_view to_string(E value) {
    for (const auto& [v, name] : enum_names<E>::table)
        if (v == value) return name;
    return "?";
}

/// The enum value spelled `name`, or nullopt.
template <typename E>
constexpr std::optional<E> parse_enum(std::string_view name) {
    for (const auto& [v, n] : enum_names<E>::table)
        if (n == name) return v;
    return std::nullopt;
}

/// "a, b or c": the accepted spellings, for error messages.
template <typename E>
std::string enum_choices() {
    std::string out;
    const auto& table = enum_names<E>::table;
    for (std::size_t i = 0; i < table.size(); ++i) {
        if (i > 0) out += (i + 1 == table.size()) ? " or " : ", ";
        out += '"';
        out += table[i].second;
        out += '"';
    }
    return out;
}

}  // namespace tocgraph
