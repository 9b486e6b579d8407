#pragma once
// Where an indicator or a result stands as of a date, and the tolerances that
// turn "achieved so far" against "expected by now" into that status.
//
// Achievement and expected progress are both fractions of the way from the
// baseline to the final target (0 = baseline, 1 = target reached). A result is
// on track while its achievement is at least `at_risk_below` times what is
// expected by now, at risk down to `off_track_below` times, off track below.

#include <array>
#include <cmath>
#include <cstdio>
#include <stdexcept>
#include <string>
#include <string_view>
#include <utility>

#include "../enums.hpp"

namespace tocgraph {

/// Where an indicator or a result stands as of a date.
enum class ProgressStatus {
    on_track,     ///< achievement is at least at_risk_below x expected
    at_risk,      ///< between off_track_below x and at_risk_below x expected
    off_track,    ///< below off_track_below x expected
    not_started,  ///< nothing is due yet: no period has ended by the as-of date
    no_data,      ///< values are due but missing, or cannot be compared (no baseline, no total...)
    no_target     ///< an actual is counted, but no target applies to compare it with
};

TOCGRAPH_ENUM_NAMES(ProgressStatus, {ProgressStatus::on_track, "on_track"},
                    {ProgressStatus::at_risk, "at_risk"},
                    {ProgressStatus::off_track, "off_track"},
                    {ProgressStatus::not_started, "not_started"},
                    {ProgressStatus::no_data, "no_data"},
                    {ProgressStatus::no_target, "no_target"})

/// How a status reads in running text: "on track", "no data".
constexpr std::string_view status_label(ProgressStatus status) {
    switch (status) {
        case ProgressStatus::on_track: return "on track";
        case ProgressStatus::at_risk: return "at risk";
        case ProgressStatus::off_track: return "off track";
        case ProgressStatus::not_started: return "not started";
        case ProgressStatus::no_data: return "no data";
        case ProgressStatus::no_target: return "no target";
    }
    return "?";
}

/// The thresholds between on track, at risk and off track, as fractions of
/// the progress expected by the date evaluated.
struct Tolerances {
    double at_risk_below = 0.9;   ///< achievement below this x expected: at risk
    double off_track_below = 0.6; ///< achievement below this x expected: off track

    /// Throws std::invalid_argument unless 0 <= off_track_below <= at_risk_below
    /// and both are finite.
    void check() const {
        if (!std::isfinite(at_risk_below) || !std::isfinite(off_track_below))
            throw std::invalid_argument("tolerances must be finite numbers");
        if (off_track_below < 0.0)
            throw std::invalid_argument("off_track_below must not be negative, got " + text(off_track_below));
        if (off_track_below > at_risk_below)
            throw std::invalid_argument("off_track_below (" + text(off_track_below) +
                                        ") must not exceed at_risk_below (" + text(at_risk_below) + ")");
    }
    /// A tolerance as a user wrote it: 0.8, not 0.800000.
    static std::string text(double x) {
        char buffer[32];
        std::snprintf(buffer, sizeof buffer, "%g", x);
        return buffer;
    }
    friend bool operator==(const Tolerances&, const Tolerances&) = default;
};

/// The status of a figure with both an achievement and an expected progress.
/// A figure exactly on a threshold counts on the better side. When nothing is expected yet (expected <= 0) any progress that does not go
/// backwards is on track, and going backwards is at risk.
inline ProgressStatus status_for(double achievement, double expected, const Tolerances& tolerances) {
    if (expected <= 0.0) return achievement >= 0.0 ? ProgressStatus::on_track : ProgressStatus::at_risk;
    // A figure on a threshold (0.45 of 0.5 expected at 0.9) stays on the
    // better side despite rounding.
    constexpr double slack = 1e-9;
    const double pace = achievement / expected;
    if (pace >= tolerances.at_risk_below - slack) return ProgressStatus::on_track;
    if (pace >= tolerances.off_track_below - slack) return ProgressStatus::at_risk;
    return ProgressStatus::off_track;
}

}  // namespace tocgraph
