#pragma once
// The command registry of the `tocgraph` tool.
//
// Each command's interface (name, one-line summary, synopsis, help text,
// options) is an entry of commands.cpp, in the order `tocgraph --help` shows
// them; what it does is run_<name> in its own file, cli/command_<name>.cpp.
// main.cpp parses the options a command declares and dispatches. Options
// several commands share (--as-of, --format, the tolerances, an enum's name)
// are read by options.hpp; results are written and errors reported by
// output.hpp. Adding a command: write command_<name>.cpp with run_<name>,
// declare it below, add its entry to commands.cpp and the file to
// src/CMakeLists.txt.
//
// Exit codes: 0 success, 1 failure (bad input, a finding, an I/O error),
// 2 usage error (unknown option, missing argument).

#include <iosfwd>
#include <map>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include <tocgraph/theory_of_change.hpp>

namespace tocgraph::cli {

inline constexpr int exit_ok = 0;
inline constexpr int exit_failure = 1;
inline constexpr int exit_usage = 2;

/// Bad command-line usage: main prints it with the command's synopsis and
/// exits with exit_usage.
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// An option a command accepts: `--name` (a flag) or `--name VALUE`.
struct Option {
    std::string_view name;        ///< without the dashes, e.g. "level"
    char short_name = 0;          ///< e.g. 'l' for -l; 0 for none
    std::string_view value_name;  ///< e.g. "LEVEL"; empty for a flag
    std::string_view help;        ///< one line
};

/// A command line after parsing against a command's options.
struct ParsedArgs {
    std::vector<std::string> positional;
    std::map<std::string, std::vector<std::string>, std::less<>> options;  ///< every value given

    bool has(std::string_view name) const { return options.contains(name); }
    /// The last value of an option, or nullopt when it is not given.
    std::optional<std::string> value(std::string_view name) const;
};

/// Where a command writes: normal output and diagnostics.
struct Context {
    std::ostream& out;
    std::ostream& err;
};

struct Command {
    std::string_view name;
    std::string_view summary;      ///< one line for `tocgraph --help`
    std::string_view synopsis;     ///< after "tocgraph NAME ", e.g. "[options] FILE"
    std::string_view description;  ///< paragraphs for `tocgraph help NAME`
    std::vector<Option> options;   ///< -h/--help is added by the dispatcher
    std::size_t min_positional = 1;           ///< most commands take one FILE
    std::size_t max_positional = 1;
    std::string_view positional_name = "FILE";  ///< for "missing FILE argument"
    int (*run)(const ParsedArgs& args, Context& context) = nullptr;
};

/// Every command, in the order the help lists them.
std::span<const Command* const> commands();
/// The command called `name`, or nullptr.
const Command* find_command(std::string_view name);

/// Parses a command's arguments (without the command name); throws UsageError.
/// "--" ends the options; "-" alone is a positional argument (standard input).
ParsedArgs parse_args(const Command& command, std::span<const std::string> args);

/// `usage: tocgraph NAME SYNOPSIS`
std::string usage_line(const Command& command);
/// The full help of a command: usage, description, options.
std::string command_help(const Command& command);

/// The most bytes the command line reads from one input: 1 GiB, or the
/// environment's TOCGRAPH_MAX_INPUT_SIZE (bytes, or with a K, M or G suffix),
/// so that a device such as /dev/zero or a runaway pipe is refused instead of
/// filling memory. Throws UsageError for a value that is not a size.
std::size_t input_size_limit();

/// Reads a ToC from a file, or from standard input for "-", at most
/// input_size_limit() bytes; throws FormatError.
TheoryOfChange load_input(const std::string& path);
/// How messages name an input: its path, or "<stdin>" for "-".
std::string input_name(const std::string& path);

/// "1 link", "3 links"; `plural` defaults to English rules applied to `singular`.
std::string count(std::size_t n, std::string_view singular, std::string_view plural = {});

// What each command does (command_<name>.cpp); commands.cpp declares them.
int run_analyze(const ParsedArgs& args, Context& context);
int run_check(const ParsedArgs& args, Context& context);
int run_convert(const ParsedArgs& args, Context& context);
int run_diff(const ParsedArgs& args, Context& context);
int run_export_iati(const ParsedArgs& args, Context& context);
int run_feedback(const ParsedArgs& args, Context& context);
int run_import_iati(const ParsedArgs& args, Context& context);
int run_merge(const ParsedArgs& args, Context& context);
int run_portfolio(const ParsedArgs& args, Context& context);
int run_progress(const ParsedArgs& args, Context& context);
int run_render(const ParsedArgs& args, Context& context);
int run_report(const ParsedArgs& args, Context& context);
int run_show(const ParsedArgs& args, Context& context);
int run_simulate(const ParsedArgs& args, Context& context);

}  // namespace tocgraph::cli
