#pragma once
// The raw material of indicator progress: an indicator's baselines, targets
// and actuals flattened into entries, grouped by period, and the selection of
// the entries that apply to a view (the whole indicator, or one dimension
// value such as {"country": "KH"}).
//
// Selection rule, for the entries of one period that match the view's
// dimensions: an entry for the view itself (no further dimensions) is used
// as it is, the last listed winning; otherwise the entries broken down one
// step further are combined by the indicator's aggregation rule. When they
// are broken down in several ways (by country, and by country and sex), the
// coarsest breakdown is used and the others are left out, so that nothing is
// counted twice.

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "../../attributes.hpp"
#include "../../date.hpp"
#include "../../indicator.hpp"
#include "../aggregate.hpp"
#include "../text.hpp"

namespace tocgraph::detail {

/// A baseline, target or actual, as selection sees it.
struct SeriesEntry {
    Period period;       ///< a baseline's date as a one-day period
    bool dated = true;   ///< false for a baseline with neither date nor year
    std::optional<double> value;
    std::optional<double> numerator;
    std::optional<double> denominator;
    const Dimensions* dimensions = nullptr;
    const std::string* comment = nullptr;
    std::size_t order = 0;  ///< position in its list, for "the last listed"
};

/// The entries of one period, in the order they are listed.
struct PeriodGroup {
    Period period;
    std::vector<const SeriesEntry*> entries;
};

inline bool is_number(const std::optional<double>& x) { return x && std::isfinite(*x); }

inline std::string period_text(const Period& p) {
    return p.start == p.end ? p.start.to_string() : p.start.to_string() + ".." + p.end.to_string();
}

/// True if `dimensions` has every key of `filter` with the same value.
inline bool covers(const Dimensions& dimensions, const Dimensions& filter) {
    for (const auto& [key, value] : filter) {
        auto it = dimensions.find(key);
        if (it == dimensions.end() || it->second != value) return false;
    }
    return true;
}

/// The keys of `dimensions` that `filter` does not fix, sorted.
inline std::vector<std::string> extra_keys(const Dimensions& dimensions, const Dimensions& filter) {
    std::vector<std::string> out;
    for (const auto& [key, value] : dimensions)
        if (!filter.contains(key)) out.push_back(key);
    return out;
}

inline std::string keys_text(const std::vector<std::string>& keys) {
    std::string out;
    for (const std::string& k : keys) out += (out.empty() ? "" : ", ") + k;
    return out;
}

/// Adds a note once.
inline void note(std::vector<std::string>& notes, std::string text) {
    if (std::ranges::find(notes, text) == notes.end()) notes.push_back(std::move(text));
}

/// The value of one entry on its own: its number, or for a ratio indicator
/// numerator / denominator (x100 for a percentage) when no number is given.
inline std::optional<double> own_value(const SeriesEntry& e, Aggregation aggregation, Measure measure) {
    if (measure == Measure::qualitative) return std::nullopt;
    if (is_number(e.value)) return e.value;
    if (aggregation == Aggregation::ratio && is_number(e.numerator) && is_number(e.denominator) &&
        *e.denominator != 0.0) {
        const double r = *e.numerator / *e.denominator;
        return measure == Measure::percentage ? 100.0 * r : r;
    }
    return std::nullopt;
}

/// What applies to a view in one period.
struct Selection {
    bool present = false;                  ///< some entry applies to the view
    std::optional<double> value;           ///< the view's figure, when one can be formed
    std::string comment;                   ///< the comment(s) of the entries used
    bool from_parts = false;               ///< combined from a breakdown
    std::vector<std::string> part_keys;    ///< the breakdown's keys, when from_parts
    std::vector<const SeriesEntry*> used;  ///< the entries the figure rests on
    std::string problem;                   ///< why there is no figure although entries apply
};

/// Selects and combines the entries of one period for the view `filter`.
/// Notes about what was left out go to `notes`; `where` names the entries in
/// them (default: their period).
inline Selection select_view(std::span<const SeriesEntry* const> entries, const Dimensions& filter,
                             Aggregation aggregation, Measure measure, std::vector<std::string>& notes,
                             std::string where = {}) {
    Selection out;
    std::vector<const SeriesEntry*> direct;
    std::vector<std::pair<std::vector<std::string>, std::vector<const SeriesEntry*>>> breakdowns;
    for (const SeriesEntry* e : entries) {
        if (!covers(*e->dimensions, filter)) continue;
        std::vector<std::string> keys = extra_keys(*e->dimensions, filter);
        if (keys.empty()) {
            direct.push_back(e);
            continue;
        }
        auto it = std::ranges::find_if(breakdowns, [&](const auto& b) { return b.first == keys; });
        if (it == breakdowns.end())
            breakdowns.push_back({std::move(keys), {e}});
        else
            it->second.push_back(e);
    }
    if (direct.empty() && breakdowns.empty()) return out;
    out.present = true;
    if (where.empty()) where = period_text(entries.front()->period);

    if (!direct.empty()) {
        const SeriesEntry* e = direct.back();
        if (direct.size() > 1)
            note(notes, std::to_string(direct.size()) + " values for " + where + " and " +
                            dimensions_text(filter) + ": the last listed is used");
        out.used = {e};
        out.value = own_value(*e, aggregation, measure);
        out.comment = *e->comment;
        if (!out.value && measure != Measure::qualitative) out.problem = "the value for " + where + " is not a number";
        return out;
    }

    // The coarsest breakdown; the first listed among equally fine ones.
    auto coarsest = std::ranges::min_element(breakdowns, {}, [](const auto& b) { return b.first.size(); });
    for (const auto& b : breakdowns)
        if (&b != &*coarsest)
            note(notes, "values for " + where + " broken down by " + keys_text(b.first) +
                            " are left out: the breakdown by " + keys_text(coarsest->first) + " is used");
    out.from_parts = true;
    out.part_keys = coarsest->first;
    // One entry per dimension set: the last listed.
    std::vector<const SeriesEntry*> parts;
    for (const SeriesEntry* e : coarsest->second) {
        auto same = std::ranges::find_if(parts, [&](const SeriesEntry* p) { return *p->dimensions == *e->dimensions; });
        if (same == parts.end()) {
            parts.push_back(e);
        } else {
            note(notes, "several values for " + where + " and " + dimensions_text(*e->dimensions) +
                            ": the last listed is used");
            *same = e;
        }
    }
    if (measure == Measure::qualitative) {
        out.used = parts;
        for (const SeriesEntry* e : parts)
            if (!e->comment->empty())
                out.comment += (out.comment.empty() ? "" : "; ") + dimensions_text(*e->dimensions) + ": " + *e->comment;
        return out;
    }
    std::vector<ValuePart> values;
    for (const SeriesEntry* e : parts) {
        const bool usable = aggregation == Aggregation::ratio
                                ? is_number(e->numerator) && is_number(e->denominator)
                                : is_number(e->value);
        if (!usable) {
            if (aggregation_applies(aggregation, measure))
                note(notes, "the value for " + where + " and " + dimensions_text(*e->dimensions) +
                                (aggregation == Aggregation::ratio ? " lacks a numerator or denominator"
                                                                   : " is not a number") +
                                ": it is left out");
            continue;
        }
        out.used.push_back(e);
        values.push_back({e->value, e->numerator, e->denominator});
    }
    const Aggregate combined = aggregate(values, aggregation, measure);
    out.value = combined.value;
    if (!combined.value) out.problem = combined.problem;
    if (out.used.size() == 1 && !out.used.front()->comment->empty()) out.comment = *out.used.front()->comment;
    return out;
}

/// Groups entries by period, ordered by end then start. Entries whose period
/// ends before it starts are left out with a note.
inline std::vector<PeriodGroup> group_by_period(const std::vector<SeriesEntry>& entries, const char* what,
                                                std::vector<std::string>& notes) {
    std::map<std::pair<long, long>, PeriodGroup> groups;
    for (const SeriesEntry& e : entries) {
        if (e.period.end < e.period.start) {
            note(notes, std::string(what) + " for " + e.period.start.to_string() + ".." +
                            e.period.end.to_string() + " ends before it starts: it is left out");
            continue;
        }
        auto key = std::make_pair(e.period.end.days_since_epoch(), e.period.start.days_since_epoch());
        auto [it, inserted] = groups.try_emplace(key, PeriodGroup{e.period, {}});
        it->second.entries.push_back(&e);
    }
    std::vector<PeriodGroup> out;
    out.reserve(groups.size());
    for (auto& [key, group] : groups) out.push_back(std::move(group));
    return out;
}

inline std::vector<SeriesEntry> period_entries(const std::vector<PeriodValue>& values) {
    std::vector<SeriesEntry> out;
    out.reserve(values.size());
    for (std::size_t i = 0; i < values.size(); ++i) {
        const PeriodValue& v = values[i];
        out.push_back({v.period, true, v.value, v.numerator, v.denominator, &v.dimensions, &v.comment, i});
    }
    return out;
}

/// A baseline's date: its date, else 1 January of its year; nullopt if neither.
inline std::optional<Date> baseline_date(const Baseline& b) {
    if (b.date) return b.date;
    if (b.year && Date::valid(*b.year, 1, 1)) return Date{*b.year, 1, 1};
    return std::nullopt;
}

/// The baselines that apply as of a date: for each dimension set, the latest
/// one dated on or before it (an undated baseline counts as the oldest; among
/// equal dates the last listed wins). Baselines dated later are left out.
inline std::vector<SeriesEntry> applicable_baselines(const std::vector<Baseline>& baselines, const Date& as_of,
                                                     std::vector<std::string>& notes) {
    std::vector<SeriesEntry> chosen;
    for (std::size_t i = 0; i < baselines.size(); ++i) {
        const Baseline& b = baselines[i];
        const std::optional<Date> date = baseline_date(b);
        if (date && as_of < *date) {
            note(notes, "the baseline dated " + date->to_string() +
                            (b.dimensions.empty() ? "" : " for " + dimensions_text(b.dimensions)) +
                            " is after the as-of date: it is not used");
            continue;
        }
        SeriesEntry e{{date.value_or(Date{}), date.value_or(Date{})}, date.has_value(), b.value,
                      std::nullopt, std::nullopt, &b.dimensions, &b.comment, i};
        auto same = std::ranges::find_if(chosen, [&](const SeriesEntry& c) { return *c.dimensions == b.dimensions; });
        if (same == chosen.end()) {
            chosen.push_back(e);
            continue;
        }
        note(notes, "several baselines for " + dimensions_text(b.dimensions) +
                        ": the latest dated on or before the as-of date is used");
        const bool later = !same->dated || (e.dated && !(e.period.end < same->period.end));
        if (later) *same = e;
    }
    return chosen;
}

/// Every distinct dimension set of the indicator's baselines, targets and
/// actuals that covers `filter` and breaks it down by exactly `keys`.
inline std::vector<Dimensions> dimension_sets(const Indicator& indicator, const Dimensions& filter,
                                              const std::vector<std::string>& keys) {
    std::vector<Dimensions> out;
    auto consider = [&](const Dimensions& d) {
        if (covers(d, filter) && extra_keys(d, filter) == keys && std::ranges::find(out, d) == out.end())
            out.push_back(d);
    };
    for (const Baseline& b : indicator.baselines) consider(b.dimensions);
    for (const PeriodValue& v : indicator.targets) consider(v.dimensions);
    for (const PeriodValue& v : indicator.actuals) consider(v.dimensions);
    std::ranges::sort(out);
    return out;
}

}  // namespace tocgraph::detail
