#pragma once
// Achievement of an indicator as of a date: its baseline, its targets and
// what has been achieved to date, overall and period by period, and the
// resulting status. docs/monitoring.md gives the rules and the edge cases.
//
// In short, for a view of the indicator (the whole of it, or one dimension
// value such as {"country": "KH"}):
//   actual to date   actuals count once their period has ended by the as-of
//                    date; incremental values add up, cumulative and level
//                    values take the latest
//   target           the final target (incremental: all targets added up)
//   achievement      (actual - baseline) / (target - baseline), not clipped;
//                    incremental totals start from 0
//   expected         where the target trajectory (baseline, then each
//                    intermediate target, linear in between) stands at the
//                    latest period end on or before the as-of date, on the
//                    same scale
//   status           achievement against expected, by the tolerances;
//                    no_target when an actual is counted but no target applies

#include <algorithm>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

#include "../indicator.hpp"
#include "../theory_of_change.hpp"
#include "aggregate.hpp"
#include "detail/indicator_series.hpp"
#include "options.hpp"
#include "status.hpp"
#include "text.hpp"

namespace tocgraph {

/// One period of an indicator: its target, its actual and the position to
/// date at its end.
struct PeriodProgress {
    Period period;
    std::optional<double> target;          ///< this period's target (combined across dimensions)
    std::optional<double> target_to_date;  ///< incremental: targets added up to here; else the target
    std::optional<double> actual;          ///< this period's actual, once the period has ended
    std::optional<double> actual_to_date;  ///< actual to date at the end of the period
    std::optional<double> achievement;     ///< of target_to_date by actual_to_date
    bool due = false;                      ///< the period ended on or before the as-of date
    std::string target_comment;
    std::string actual_comment;
    friend bool operator==(const PeriodProgress&, const PeriodProgress&) = default;
};

/// Where one indicator (or one dimension value of it) stands as of a date.
struct IndicatorProgress {
    std::string indicator;  ///< indicator id
    std::string node;       ///< id of the node it measures
    std::string title;
    std::string unit;
    Measure measure = Measure::unit;
    Accumulation accumulation = Accumulation::level;
    Aggregation aggregation = Aggregation::sum;
    bool ascending = true;
    Dimensions filter;  ///< the view: empty for the whole indicator
    Date as_of;

    std::optional<double> baseline;       ///< the baseline value that applies
    std::optional<Date> baseline_date;
    std::optional<double> target;         ///< the final target (incremental: all targets added up)
    std::optional<Date> target_date;      ///< end of the final target's period
    std::optional<double> actual;         ///< actual to date
    std::optional<Date> actual_date;      ///< end of the latest period counted
    std::optional<Date> evaluated_at;     ///< latest period end on or before as_of
    std::optional<double> expected_value; ///< where the target trajectory stands at evaluated_at
    std::optional<double> achievement;    ///< fraction of the way from baseline to target
    std::optional<double> expected;       ///< fraction expected by evaluated_at
    ProgressStatus status = ProgressStatus::no_data;
    std::string comment;                  ///< comment of the latest actual counted
    /// Dimension sets seen elsewhere in the indicator but missing from the
    /// latest actual counted, when that actual was combined from a breakdown.
    std::vector<Dimensions> unreported;
    std::vector<std::string> notes;       ///< edge cases met, in plain words
    std::vector<PeriodProgress> periods;  ///< every target or actual period, by end date
    /// Progress per dimension set, for values that cannot be combined into a
    /// total (aggregation "none", or one the measure does not allow).
    std::vector<IndicatorProgress> parts;

    friend bool operator==(const IndicatorProgress&, const IndicatorProgress&) = default;
};

namespace detail {

inline bool same_value(double a, double b) {
    return std::abs(a - b) <= 1e-9 * std::max({1.0, std::abs(a), std::abs(b)});
}

/// The computation for one view of one indicator.
class IndicatorProgressBuilder {
public:
    IndicatorProgressBuilder(const Indicator& indicator, const ProgressOptions& options, const Dimensions& filter)
        : ind_(indicator), options_(options), filter_(filter) {}

    IndicatorProgress run() {
        IndicatorProgress& out = out_;
        out.indicator = ind_.id;
        out.node = ind_.node;
        out.title = ind_.title;
        out.unit = ind_.unit;
        out.measure = ind_.measure;
        out.accumulation = ind_.accumulation;
        out.aggregation = ind_.aggregation;
        out.ascending = ind_.ascending;
        out.filter = filter_;
        out.as_of = options_.as_of;

        target_entries_ = period_entries(ind_.targets);
        actual_entries_ = period_entries(ind_.actuals);
        const auto target_groups = group_by_period(target_entries_, "a target", out.notes);
        const auto actual_groups = group_by_period(actual_entries_, "an actual", out.notes);
        for (const auto* groups : {&target_groups, &actual_groups})
            for (const PeriodGroup& g : *groups)
                if (!(options_.as_of < g.period.end) && (!out.evaluated_at || *out.evaluated_at < g.period.end))
                    out.evaluated_at = g.period.end;

        select_baseline();
        select_targets(target_groups);
        select_actuals(actual_groups);
        if (ind_.measure == Measure::qualitative)
            assess_qualitative();
        else
            assess_numeric();
        build_periods(target_groups, actual_groups);
        build_parts();
        return std::move(out_);
    }

private:
    struct Point {
        Period period;
        std::optional<double> value;
        std::string comment;
        Selection selection;
    };

    /// Notes why a selection gave no figure; a rule that cannot total a
    /// breakdown is noted once, as the parts carry the figures.
    void explain_missing(const std::string& what, const Selection& s) {
        if (s.problem.empty()) return;
        if (s.from_parts && !aggregation_applies(ind_.aggregation, ind_.measure))
            note(out_.notes, s.problem + ": no total; see the parts");
        else
            note(out_.notes, what + ": " + s.problem);
    }

    /// A view may use the baseline and targets of the whole indicator unless
    /// the whole is the sum of its parts.
    bool borrows() const {
        return !filter_.empty() && !(ind_.aggregation == Aggregation::sum && ind_.measure == Measure::unit);
    }
    bool numeric() const { return ind_.measure != Measure::qualitative; }
    bool incremental() const { return ind_.accumulation == Accumulation::incremental; }

    /// The entries of the whole indicator (no dimensions), for a view to borrow.
    static std::vector<const SeriesEntry*> undimensioned(std::span<const SeriesEntry* const> entries) {
        std::vector<const SeriesEntry*> out;
        for (const SeriesEntry* e : entries)
            if (e->dimensions->empty()) out.push_back(e);
        return out;
    }

    void select_baseline() {
        baseline_entries_ = applicable_baselines(ind_.baselines, options_.as_of, out_.notes);
        std::vector<const SeriesEntry*> all;
        for (const SeriesEntry& e : baseline_entries_) all.push_back(&e);
        Selection s = select_view(all, filter_, ind_.aggregation, ind_.measure, out_.notes, "the baseline");
        if (!s.present && borrows()) {
            s = select_view(undimensioned(all), {}, ind_.aggregation, ind_.measure, out_.notes, "the baseline");
            if (s.present) note(out_.notes, "the baseline of the whole indicator applies to " + dimensions_text(filter_));
        }
        if (s.present && !s.value && numeric()) explain_missing("no baseline figure", s);
        out_.baseline = s.value;
        for (const SeriesEntry* e : s.used)
            if (e->dated && (!out_.baseline_date || *out_.baseline_date < e->period.end))
                out_.baseline_date = e->period.end;
        baseline_comment_ = s.comment;
    }

    void select_targets(const std::vector<PeriodGroup>& groups) {
        bool borrowed = false;
        for (const PeriodGroup& g : groups) {
            Selection s = select_view(g.entries, filter_, ind_.aggregation, ind_.measure, out_.notes);
            if (!s.present && borrows()) {
                s = select_view(undimensioned(g.entries), {}, ind_.aggregation, ind_.measure, out_.notes);
                borrowed = borrowed || s.present;
            }
            if (!s.present) continue;
            if (numeric() && !s.value) explain_missing("no target figure for " + period_text(g.period), s);
            targets_.push_back({g.period, s.value, s.comment, std::move(s)});
        }
        if (borrowed) note(out_.notes, "the targets of the whole indicator apply to " + dimensions_text(filter_));
        if (!targets_.empty()) out_.target_date = targets_.back().period.end;
        double running = 0.0;
        for (const Point& p : targets_) {
            if (!p.value) continue;
            running += *p.value;
            out_.target = incremental() ? running : *p.value;
        }
    }

    void select_actuals(const std::vector<PeriodGroup>& groups) {
        for (const PeriodGroup& g : groups) {
            if (options_.as_of < g.period.end) continue;  // not over yet: not counted
            Selection s = select_view(g.entries, filter_, ind_.aggregation, ind_.measure, out_.notes);
            if (!s.present) continue;
            if (!numeric()) {
                bool reported = false;
                for (const SeriesEntry* e : s.used) reported = reported || !e->comment->empty() || is_number(e->value);
                if (!reported) continue;
            }
            actuals_.push_back({g.period, s.value, s.comment, std::move(s)});
        }
    }

    /// Actual to date at `date` (<= as_of): the sum (incremental) or the
    /// latest figure of the actuals counted whose period has ended by then.
    std::pair<std::optional<double>, const Point*> actual_to_date(const Date& date) const {
        std::optional<double> total;
        const Point* latest = nullptr;
        for (const Point& p : actuals_) {
            if (date < p.period.end || !p.value) continue;
            total = incremental() ? total.value_or(0.0) + *p.value : *p.value;
            latest = &p;
        }
        return {total, latest};
    }

    /// The reference the achievement is measured from.
    std::optional<double> reference() const {
        if (incremental()) return 0.0;
        if (ind_.accumulation == Accumulation::cumulative) return out_.baseline.value_or(0.0);
        return out_.baseline;
    }

    bool at_least_as_good(double actual, double target) const {
        if (same_value(actual, target)) return true;
        return ind_.ascending ? actual > target : actual < target;
    }

    std::optional<double> achievement(double actual, double target) const {
        if (ind_.measure == Measure::nominal) return same_value(actual, target) ? 1.0 : 0.0;
        const auto b = reference();
        if (!b) return std::nullopt;
        if (same_value(target, *b)) return at_least_as_good(actual, target) ? 1.0 : 0.0;
        return (actual - *b) / (target - *b);
    }

    /// Where the target trajectory stands at `date`.
    std::optional<double> trajectory(const Date& date) {
        const auto b = reference();
        if (!b) return std::nullopt;
        // From the baseline's date, else from the start of the first target period.
        std::optional<Date> start = out_.baseline_date;
        if (!start)
            for (const Point& p : targets_)
                if (p.value && (!start || p.period.start < *start)) start = p.period.start;
        if (!start) return std::nullopt;
        double x0 = static_cast<double>(start->days_since_epoch()), y0 = *b;
        if (!(*start < date)) return y0;
        double running = 0.0;
        for (const Point& p : targets_) {
            if (!p.value) continue;
            running += *p.value;
            const double y1 = incremental() ? running : *p.value;
            if (!(*start < p.period.end)) {
                note(out_.notes, "targets ending on or before " + start->to_string() +
                                     ", where the trajectory starts, are not part of it");
                continue;
            }
            const double x1 = static_cast<double>(p.period.end.days_since_epoch());
            if (!(p.period.end < date)) {
                const double t = (static_cast<double>(date.days_since_epoch()) - x0) / (x1 - x0);
                return y0 + t * (y1 - y0);
            }
            x0 = x1;
            y0 = y1;
        }
        return y0;  // past the final target
    }

    void assess_numeric() {
        IndicatorProgress& out = out_;
        const auto [actual, latest] = actual_to_date(options_.as_of);
        out.actual = actual;
        if (latest) {
            out.actual_date = latest->period.end;
            out.comment = latest->comment;
            report_unreported(*latest);
        }
        if (!actual) {
            for (const Point& p : actuals_) explain_missing("no actual figure for " + period_text(p.period), p.selection);
            out.status = out.evaluated_at ? ProgressStatus::no_data : ProgressStatus::not_started;
            if (out.status == ProgressStatus::no_data && actuals_.empty())
                note(out.notes, "no actual reported by " + options_.as_of.to_string());
            if (out.status == ProgressStatus::not_started)
                note(out.notes, "no period has ended by " + options_.as_of.to_string());
            return;
        }
        if (!out.target) {
            // There is data; what is missing is something to hold it to (a
            // Member State's actuals under a regional total, say).
            note(out.notes, "no target: achievement cannot be measured");
            out.status = ProgressStatus::no_target;
            return;
        }
        const auto b = reference();
        if (!b && ind_.measure != Measure::nominal) {
            note(out.notes, "no baseline: achievement of a level cannot be measured");
            out.status = ProgressStatus::no_data;
            return;
        }
        if (!out.baseline && ind_.accumulation == Accumulation::cumulative)
            note(out.notes, "no baseline: the running total is measured from 0");
        out.achievement = achievement(*actual, *out.target);
        const Date at = *out.evaluated_at;
        if (ind_.measure == Measure::nominal) {
            out.expected = out.target_date && !(at < *out.target_date) ? 1.0 : 0.0;
            if (*out.expected > 0.0) out.expected_value = out.target;
        } else if (same_value(*out.target, *b)) {
            out.expected = 1.0;
            out.expected_value = out.target;
            note(out.notes, "the target equals the baseline: achievement is 1 when the actual is at least as good, else 0");
        } else {
            out.expected_value = trajectory(at);
            if (out.expected_value) out.expected = (*out.expected_value - *b) / (*out.target - *b);
        }
        if (ind_.measure != Measure::nominal && !same_value(*out.target, *b) &&
            (*out.target > *b) != ind_.ascending)
            note(out.notes, std::string("the target is ") + (ind_.ascending ? "below" : "above") +
                                " the baseline although " + (ind_.ascending ? "higher" : "lower") +
                                " values are better");
        if (out.actual_date && *out.actual_date < at)
            note(out.notes, "the latest actual is for the period ending " + out.actual_date->to_string() +
                                "; values were due up to " + at.to_string());
        out.status = out.expected ? status_for(*out.achievement, *out.expected, options_.tolerances)
                                  : ProgressStatus::no_data;
    }

    void assess_qualitative() {
        IndicatorProgress& out = out_;
        const Point* latest = actuals_.empty() ? nullptr : &actuals_.back();
        if (!latest) {
            out.status = out.evaluated_at ? ProgressStatus::no_data : ProgressStatus::not_started;
            note(out.notes, out.evaluated_at ? "no assessment reported by " + options_.as_of.to_string()
                                             : "no period has ended by " + options_.as_of.to_string());
            return;
        }
        out.actual_date = latest->period.end;
        out.comment = latest->comment;
        if (out.evaluated_at && latest->period.end < *out.evaluated_at) {
            out.status = ProgressStatus::at_risk;
            note(out.notes, "the latest assessment is for the period ending " + latest->period.end.to_string() +
                                "; one was due by " + out.evaluated_at->to_string());
        } else {
            out.status = ProgressStatus::on_track;
        }
        note(out.notes, "qualitative: no numeric achievement; the status says whether assessments are reported");
    }

    void report_unreported(const Point& latest) {
        if (!latest.selection.from_parts) return;
        for (const Dimensions& d : dimension_sets(ind_, filter_, latest.selection.part_keys)) {
            const bool used = std::ranges::any_of(latest.selection.used,
                                                  [&](const SeriesEntry* e) { return *e->dimensions == d; });
            if (!used) out_.unreported.push_back(d);
        }
        if (out_.unreported.empty()) return;
        std::string list;
        for (const Dimensions& d : out_.unreported) list += (list.empty() ? "" : "; ") + dimensions_text(d);
        note(out_.notes, "the actual for " + period_text(latest.period) + " covers " +
                             std::to_string(latest.selection.used.size()) + " of " +
                             std::to_string(latest.selection.used.size() + out_.unreported.size()) +
                             " dimension values; not reported: " + list);
    }

    void build_periods(const std::vector<PeriodGroup>& target_groups, const std::vector<PeriodGroup>& actual_groups) {
        std::vector<Period> periods;
        for (const auto* groups : {&target_groups, &actual_groups})
            for (const PeriodGroup& g : *groups)
                if (std::ranges::find(periods, g.period) == periods.end()) periods.push_back(g.period);
        std::ranges::sort(periods, [](const Period& a, const Period& b) {
            return a.end != b.end ? a.end < b.end : a.start < b.start;
        });
        for (const Period& period : periods) {
            PeriodProgress row;
            row.period = period;
            row.due = !(options_.as_of < period.end);
            auto t = std::ranges::find_if(targets_, [&](const Point& p) { return p.period == period; });
            if (t != targets_.end()) {
                row.target = t->value;
                row.target_comment = t->comment;
                if (t->value && incremental()) {
                    double running = 0.0;
                    for (auto it = targets_.begin(); it != std::next(t); ++it) running += it->value.value_or(0.0);
                    row.target_to_date = running;
                } else {
                    row.target_to_date = t->value;
                }
            }
            if (row.due) {
                auto a = std::ranges::find_if(actuals_, [&](const Point& p) { return p.period == period; });
                if (a != actuals_.end()) {
                    row.actual = a->value;
                    row.actual_comment = a->comment;
                }
                if (numeric()) row.actual_to_date = actual_to_date(period.end).first;
            }
            if (row.actual_to_date && row.target_to_date)
                row.achievement = achievement(*row.actual_to_date, *row.target_to_date);
            out_.periods.push_back(std::move(row));
        }
    }

    /// Values that cannot be totalled are assessed per dimension set.
    void build_parts() {
        if (!numeric() || aggregation_applies(ind_.aggregation, ind_.measure)) return;
        std::vector<Dimensions> sets;
        auto consider = [&](const Dimensions& d) {
            if (d != filter_ && covers(d, filter_) && std::ranges::find(sets, d) == sets.end()) sets.push_back(d);
        };
        for (const Baseline& b : ind_.baselines) consider(b.dimensions);
        for (const PeriodValue& v : ind_.targets) consider(v.dimensions);
        for (const PeriodValue& v : ind_.actuals) consider(v.dimensions);
        // Only the sets that carry actuals or targets of their own are parts.
        std::erase_if(sets, [&](const Dimensions& d) {
            return std::ranges::none_of(ind_.actuals, [&](const PeriodValue& v) { return v.dimensions == d; }) &&
                   std::ranges::none_of(ind_.targets, [&](const PeriodValue& v) { return v.dimensions == d; });
        });
        std::ranges::sort(sets);
        if (sets.empty()) return;
        for (const Dimensions& d : sets)
            out_.parts.push_back(IndicatorProgressBuilder(ind_, options_, d).run());
    }

    const Indicator& ind_;
    const ProgressOptions& options_;
    Dimensions filter_;
    IndicatorProgress out_;
    std::vector<SeriesEntry> baseline_entries_, target_entries_, actual_entries_;
    std::vector<Point> targets_, actuals_;
    std::string baseline_comment_;
};

}  // namespace detail

/// Progress of one indicator as of options.as_of, for the whole indicator or
/// for the view `filter` (e.g. {{"country", "KH"}}). Throws
/// std::invalid_argument for tolerances out of order.
inline IndicatorProgress indicator_progress(const Indicator& indicator, const ProgressOptions& options,
                                            const Dimensions& filter = {}) {
    options.tolerances.check();
    return detail::IndicatorProgressBuilder(indicator, options, filter).run();
}

/// Progress of every indicator of a theory of change, in indicator order.
inline std::vector<IndicatorProgress> progress(const TheoryOfChange& toc, const ProgressOptions& options) {
    options.tolerances.check();
    std::vector<IndicatorProgress> out;
    out.reserve(toc.indicator_count());
    for (const Indicator& i : toc.indicators()) out.push_back(detail::IndicatorProgressBuilder(i, options, {}).run());
    return out;
}

}  // namespace tocgraph
