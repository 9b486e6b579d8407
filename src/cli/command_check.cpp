// tocgraph check FILE...: load each file and run the linter (docs/rules.md),
// printing the findings like a compiler, one per line, then a summary.
//
// A file that cannot be loaded is reported as before ("FILE: /pointer:
// problem" on standard error) and the other files are still checked.
#include <algorithm>
#include <array>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include <tocgraph/errors.hpp>
#include <tocgraph/lint.hpp>

#include "command.hpp"
#include "options.hpp"
#include "output.hpp"

namespace tocgraph::cli {
namespace {

/// The items of comma-separated option values, every occurrence of the option together.
std::vector<std::string> comma_items(const ParsedArgs& args, std::string_view option) {
    std::vector<std::string> out;
    auto it = args.options.find(option);
    if (it == args.options.end()) return out;
    for (const std::string& value : it->second) {
        std::size_t start = 0;
        while (start <= value.size()) {
            const std::size_t comma = std::min(value.find(',', start), value.size());
            std::string item = value.substr(start, comma - start);
            while (!item.empty() && item.front() == ' ') item.erase(item.begin());
            while (!item.empty() && item.back() == ' ') item.pop_back();
            if (!item.empty()) out.push_back(std::move(item));
            start = comma + 1;
        }
    }
    return out;
}

Severity severity_value(const std::string& text, std::string_view option) {
    if (auto s = parse_severity(text)) return *s;
    throw UsageError("option --" + std::string(option) + ": unknown severity \"" + text +
                     "\"; expected info, warning or error");
}

LinkPolicy policy_value(const std::string& text) {
    if (auto p = parse_link_policy(text)) return *p;
    throw UsageError("option --link-policy: unknown policy \"" + text + "\"; expected allowed, warning or error");
}

LintOptions lint_options(const ParsedArgs& args) {
    LintOptions options;
    options.select = comma_items(args, "select");
    options.ignore = comma_items(args, "ignore");
    for (const std::string& item : comma_items(args, "severity")) {
        const auto eq = item.find('=');
        if (eq == std::string::npos)
            throw UsageError("option --severity: expected RULE=LEVEL, got \"" + item + "\"");
        options.severity[item.substr(0, eq)] = severity_value(item.substr(eq + 1), "severity");
    }
    if (auto level = args.value("min-severity")) options.min_severity = severity_value(*level, "min-severity");
    for (const std::string& item : comma_items(args, "link-policy")) {
        const auto eq = item.find('=');
        if (eq == std::string::npos) {  // one policy for both kinds of link
            options.downward_links = options.same_level_links = policy_value(item);
            continue;
        }
        const std::string kind = item.substr(0, eq);
        const LinkPolicy policy = policy_value(item.substr(eq + 1));
        if (kind == "downward")
            options.downward_links = policy;
        else if (kind == "same-level")
            options.same_level_links = policy;
        else
            throw UsageError("option --link-policy: unknown kind of link \"" + kind +
                             "\"; expected downward or same-level");
    }
    try {
        validate_lint_options(options);
    } catch (const ModelError& e) {
        throw UsageError(e.what());
    }
    return options;
}

}  // namespace

int run_check(const ParsedArgs& args, Context& context) {
    const LintOptions options = lint_options(args);
    const bool json = format_option(args, {"text", "json"}) == "json";

    std::array<std::size_t, 3> by_severity{};  // indexed by Severity
    std::size_t unreadable = 0;
    nlohmann::ordered_json all = nlohmann::ordered_json::array();
    for (const std::string& path : args.positional) {
        const std::string name = input_name(path);
        std::vector<Finding> findings;
        const int status = report_errors(context, name + ": ", exit_failure, [&] {
            findings = lint(load_input(path), options);
            return exit_ok;
        });
        if (status != exit_ok) {  // reported; the other files are still checked
            ++unreadable;
            continue;
        }
        for (const Finding& f : findings) {
            ++by_severity[static_cast<std::size_t>(f.severity)];
            if (!json) {
                context.out << name << ": " << to_string(f) << "\n";
                continue;
            }
            all.push_back({{"file", name},
                           {"code", f.code},
                           {"name", std::string(find_rule(f.code)->name)},
                           {"severity", std::string(to_string(f.severity))},
                           {"message", f.message},
                           {"hint", f.hint},
                           {"ids", f.ids}});
        }
    }

    const std::size_t errors = by_severity[static_cast<std::size_t>(Severity::error)];
    if (json) {
        context.out << all.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
    } else {
        context.out << "checked " << count(args.positional.size(), "file") << ": " << count(errors, "error") << ", "
                    << count(by_severity[static_cast<std::size_t>(Severity::warning)], "warning") << ", "
                    << by_severity[static_cast<std::size_t>(Severity::info)] << " info";
        if (unreadable > 0)
            context.out << "; " << count(unreadable, "file") << (unreadable == 1 ? " was" : " were")
                        << " not loaded";
        context.out << "\n";
    }
    return errors > 0 || unreadable > 0 ? exit_failure : exit_ok;
}

}  // namespace tocgraph::cli
