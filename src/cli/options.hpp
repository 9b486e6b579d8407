#pragma once
// Options several commands share, read and checked the same way, with the
// same messages. Each throws UsageError naming the option for a bad value.

#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <tocgraph/date.hpp>
#include <tocgraph/enums.hpp>
#include <tocgraph/monitoring/status.hpp>

#include "command.hpp"

namespace tocgraph::cli {

/// The date an option gives (YYYY-MM-DD), or nullopt when it is not given.
/// `option --as-of: invalid date "X"; expected YYYY-MM-DD`
std::optional<Date> date_option(const ParsedArgs& args, std::string_view name);

/// The date a required option gives: `missing option --as-of DATE` without it.
Date required_date_option(const ParsedArgs& args, std::string_view name);

/// A number an option gives, or `fallback`: `option --NAME: expected a number, got "X"`.
double number_option(const ParsedArgs& args, std::string_view name, double fallback);

/// The status thresholds --at-risk-below and --off-track-below give, checked
/// against each other (Tolerances::check's message otherwise).
Tolerances tolerances_option(const ParsedArgs& args);

/// The declarations of --at-risk-below and --off-track-below, their help
/// naming Tolerances' defaults; `when` prefixes the help ("with --as-of: ").
std::vector<Option> tolerance_options(std::string_view when = "");

/// `own` followed by `shared`: a command's options with a group several share.
std::vector<Option> with_options(std::vector<Option> own, const std::vector<Option>& shared);

/// The value an option names among an enum's names, or `fallback`:
/// `option --NAME: unknown value "X"; expected "a", "b" or "c"`.
template <typename E>
E enum_option(const ParsedArgs& args, std::string_view name, E fallback) {
    const auto text = args.value(name);
    if (!text) return fallback;
    if (auto e = parse_enum<E>(*text)) return *e;
    throw UsageError("option --" + std::string(name) + ": unknown value \"" + *text + "\"; expected " +
                     enum_choices<E>());
}

/// The node a command works towards: --target ID, else the file's one goal;
/// `name` (the input's name) is how messages name the file.
std::string target_of(const TheoryOfChange& toc, const ParsedArgs& args, const std::string& name);

/// How an unknown --format is reported: `option --format: unknown format
/// "X"; expected text or json`, or, as the version commands say it,
/// `unknown format "X"; expected "text" or "json"`.
enum class FormatMessage { option, quoted };

/// The --format an option names among `choices`; the first is the default.
std::string format_option(const ParsedArgs& args, std::initializer_list<std::string_view> choices,
                          FormatMessage message = FormatMessage::option);

}  // namespace tocgraph::cli
