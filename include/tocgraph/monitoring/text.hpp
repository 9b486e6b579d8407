#pragma once
// Monitoring figures as people read them in text: the `progress` command,
// explanations of a roll-up, notebook displays.

#include <cmath>
#include <cstdio>
#include <string>

#include "../attributes.hpp"

namespace tocgraph {

/// A fraction as a whole percentage: 0.634 -> "63%", 1.5 -> "150%"; a value
/// within half a percent of zero reads "0%" (never "-0%").
inline std::string percent_text(double fraction) {
    const double p = fraction * 100.0;
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.0f%%", std::abs(p) < 0.5 ? 0.0 : p);
    return buffer;
}

/// A disaggregation as text: "country=KH, sex=female" (keys in order);
/// "(all)" for none, the indicator as a whole.
inline std::string dimensions_text(const Dimensions& dimensions) {
    if (dimensions.empty()) return "(all)";
    std::string out;
    for (const auto& [key, value] : dimensions) {
        if (!out.empty()) out += ", ";
        out += key + "=" + value;
    }
    return out;
}

}  // namespace tocgraph
