// The options several commands share.
#include "options.hpp"

#include <cmath>
#include <exception>
#include <deque>
#include <stdexcept>
#include <vector>

namespace tocgraph::cli {

std::optional<Date> date_option(const ParsedArgs& args, std::string_view name) {
    const auto text = args.value(name);
    if (!text) return std::nullopt;
    if (auto d = Date::parse(*text)) return d;
    throw UsageError("option --" + std::string(name) + ": invalid date \"" + *text + "\"; expected YYYY-MM-DD");
}

Date required_date_option(const ParsedArgs& args, std::string_view name) {
    if (auto d = date_option(args, name)) return *d;
    throw UsageError("missing option --" + std::string(name) + " DATE");
}

double number_option(const ParsedArgs& args, std::string_view name, double fallback) {
    const auto text = args.value(name);
    if (!text) return fallback;
    try {
        std::size_t used = 0;
        const double x = std::stod(*text, &used);
        if (used == text->size() && std::isfinite(x)) return x;
    } catch (const std::exception&) {
    }
    throw UsageError("option --" + std::string(name) + ": expected a number, got \"" + *text + "\"");
}

std::vector<Option> tolerance_options(std::string_view when) {
    // Option holds views: the help texts live as long as the program.
    static std::deque<std::string> help;
    const Tolerances defaults;
    auto line = [&](const char* status, double x) -> std::string_view {
        return help.emplace_back(std::string(when) + status + " below X times the expected progress (default " +
                                 Tolerances::text(x) + ")");
    };
    return {{"at-risk-below", 0, "X", line("at risk", defaults.at_risk_below)},
            {"off-track-below", 0, "X", line("off track", defaults.off_track_below)}};
}

std::vector<Option> with_options(std::vector<Option> own, const std::vector<Option>& shared) {
    own.insert(own.end(), shared.begin(), shared.end());
    return own;
}

Tolerances tolerances_option(const ParsedArgs& args) {
    Tolerances t;
    t.at_risk_below = number_option(args, "at-risk-below", t.at_risk_below);
    t.off_track_below = number_option(args, "off-track-below", t.off_track_below);
    try {
        t.check();
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    return t;
}

std::string format_option(const ParsedArgs& args, std::initializer_list<std::string_view> choices,
                          FormatMessage message) {
    const std::string format = args.value("format").value_or(std::string(*choices.begin()));
    for (std::string_view c : choices)
        if (c == format) return format;
    const bool quoted = message == FormatMessage::quoted;
    std::string expected;
    std::size_t i = 0;
    for (std::string_view c : choices) {
        if (i > 0) expected += i + 1 == choices.size() ? " or " : ", ";
        expected += quoted ? "\"" + std::string(c) + "\"" : std::string(c);
        ++i;
    }
    throw UsageError(std::string(quoted ? "" : "option --format: ") + "unknown format \"" + format +
                     "\"; expected " + expected);
}

std::string target_of(const TheoryOfChange& toc, const ParsedArgs& args, const std::string& name) {
    if (auto target = args.value("target")) {
        if (!toc.contains(*target)) throw UsageError("option --target: " + name + " has no node \"" + *target + "\"");
        return *target;
    }
    std::vector<std::string> goals;
    for (const Node& n : toc.nodes())
        if (toc.schema().level(n.level).role == LevelRole::goal) goals.push_back(n.id);
    if (goals.size() == 1) return goals.front();
    std::string listed;
    for (const std::string& g : goals) listed += (listed.empty() ? " (" : ", ") + ("\"" + g + "\"");
    throw UsageError(name + " has " + (goals.empty() ? std::string("no goal") : count(goals.size(), "goal") + listed + ")") +
                     "; choose the node to analyse with --target ID");
}

}  // namespace tocgraph::cli
