#pragma once
// The catalogue of lint rules: stable codes, default severities, and what
// each checks. docs/rules.md documents every rule with a failing example.
// Codes never change meaning; retired codes are not reused.

#include <array>
#include <string_view>

#include "../enums.hpp"
#include "finding.hpp"

namespace tocgraph {

enum class RuleCategory { structure, measurement, plan };

TOCGRAPH_ENUM_NAMES(RuleCategory, {RuleCategory::structure, "structure"},
                    {RuleCategory::measurement, "measurement"},
                    {RuleCategory::plan, "plan"})

struct RuleInfo {
    std::string_view code;
    std::string_view name;  ///< a kebab-case nickname, also accepted by select/ignore
    Severity severity;      ///< default severity
    RuleCategory category;
    std::string_view summary;
    std::string_view hint;
};

inline constexpr std::array<RuleInfo, 28> rule_catalogue{{
    // ---- structure ----
    {"TOC101", "cycle", Severity::error, RuleCategory::structure,
     "The links form a cycle.", "A theory of change flows one way, from activities up to the goal: "
     "remove or reverse one link of the cycle."},
    {"TOC102", "downward-link", Severity::error, RuleCategory::structure,
     "A link points from a higher level down to a lower one.",
     "Links go from cause to effect, upwards: reverse the link, or move a node to the right level."},
    {"TOC103", "same-level-link", Severity::warning, RuleCategory::structure,
     "A link joins two nodes of the same level.",
     "If one result really leads to the other, consider placing them at different levels."},
    {"TOC104", "goal-unreachable", Severity::warning, RuleCategory::structure,
     "A node does not lead to any goal.", "Link it, directly or through other results, to the goal."},
    {"TOC105", "no-goal", Severity::error, RuleCategory::structure,
     "The theory of change has no node at the goal level.", "Add the broader goal."},
    {"TOC106", "several-goals", Severity::warning, RuleCategory::structure,
     "The theory of change has more than one goal.",
     "A theory of change usually serves one broader goal: merge them or split the ToC."},
    {"TOC107", "empty-pathway", Severity::warning, RuleCategory::structure,
     "No outcome contributes to a pathway, directly or through other results.",
     "Add the outcomes the pathway works through and link them to it."},
    {"TOC108", "result-without-contributors", Severity::warning, RuleCategory::structure,
     "A result has nothing below it contributing to it.",
     "Add the outputs or activities that bring it about, or link existing ones to it."},
    {"TOC109", "dead-end-activity", Severity::warning, RuleCategory::structure,
     "An activity contributes to nothing.", "Link it to the output or outcome it serves, or drop it."},
    {"TOC110", "isolated-node", Severity::warning, RuleCategory::structure,
     "A node has no links at all.", "Link it into the theory of change or remove it."},
    {"TOC111", "single-contributor-all", Severity::info, RuleCategory::structure,
     "A node with logic \"all\" has a single contributor.",
     "With one contributor \"all\" and \"any\" mean the same: check that no precondition is missing."},
    {"TOC112", "likely-duplicate", Severity::warning, RuleCategory::structure,
     "Two nodes of one level, or two indicators of one node, have the same or nearly the same title.",
     "Merge them if they are one result or one indicator; otherwise reword one title to say how they differ."},
    // ---- measurement ----
    {"TOC201", "result-without-indicator", Severity::warning, RuleCategory::measurement,
     "An outcome or output has no indicator.", "Add an indicator that shows whether it is achieved."},
    {"TOC202", "indicator-without-baseline", Severity::warning, RuleCategory::measurement,
     "An indicator has no baseline.", "Record the value at the start, with its date."},
    {"TOC203", "indicator-without-target", Severity::warning, RuleCategory::measurement,
     "An indicator has no target.", "Set the value expected by the end of a period."},
    {"TOC204", "indicator-without-unit", Severity::info, RuleCategory::measurement,
     "A quantitative indicator has no unit.", "Say what is counted or measured, e.g. \"officials trained\"."},
    {"TOC205", "indicator-without-verification", Severity::info, RuleCategory::measurement,
     "An indicator has no means of verification.", "Say where the values come from."},
    {"TOC206", "period-reversed", Severity::error, RuleCategory::measurement,
     "A target or actual period ends before it starts.", "Swap or correct the period's dates."},
    {"TOC207", "target-outside-programme", Severity::warning, RuleCategory::measurement,
     "A target's period falls outside the programme period.",
     "Move the target into the programme period, or correct the programme period in the metadata."},
    {"TOC208", "missing-value", Severity::warning, RuleCategory::measurement,
     "A baseline, target or actual of a quantitative indicator has no value.",
     "Give the number, or make the indicator qualitative."},
    {"TOC209", "value-for-qualitative", Severity::warning, RuleCategory::measurement,
     "A qualitative indicator carries a numeric value.",
     "Put the narrative in the comment, or choose a quantitative measure."},
    {"TOC210", "percentage-out-of-range", Severity::error, RuleCategory::measurement,
     "A percentage indicator has a value outside 0..100.",
     "Percentages are written 0 to 100: check for a fraction (0..1) or a typing error."},
    {"TOC211", "iati-reference-both-levels", Severity::warning, RuleCategory::measurement,
     "A result and one of its indicators carry a reference of the same vocabulary.",
     "IATI allows a reference at the result or at the indicator level, not both (rule 8.11.1): "
     "keep it where it applies."},
    {"TOC212", "value-outside-dates", Severity::warning, RuleCategory::measurement,
     "An actual or baseline falls outside the programme period, or a value outside the dates of its node.",
     "Correct the value's period or date, or the dates of the programme or of the node it measures."},
    // ---- plan ----
    {"TOC301", "activity-dates-reversed", Severity::error, RuleCategory::plan,
     "An activity (or any dated node) ends before it starts.", "Correct its start or end date."},
    {"TOC302", "activity-outside-programme", Severity::warning, RuleCategory::plan,
     "An activity (or any dated node) starts before or ends after the programme period.",
     "Move its dates into the programme period, or correct the programme period in the metadata."},
    {"TOC303", "orphan-assumption", Severity::warning, RuleCategory::plan,
     "An assumption is attached to no link.", "Attach it to the links that rest on it, or remove it."},
    {"TOC304", "unknown-assumption", Severity::error, RuleCategory::plan,
     "A link names an assumption that is not declared.",
     "Declare the assumption under \"assumptions\", or correct the id on the link."},
}};

/// The rule with this code or name, or nullptr.
inline const RuleInfo* find_rule(std::string_view code_or_name) {
    for (const RuleInfo& r : rule_catalogue)
        if (r.code == code_or_name || r.name == code_or_name) return &r;
    return nullptr;
}

constexpr std::string_view to_string(RuleCategory c) { return to_string<RuleCategory>(c); }

}  // namespace tocgraph
