#pragma once
// Where a command's results and errors go, the same way for every command.
//
//   return report_errors(context, input_name(path) + ": ", exit_failure, [&] {
//       const std::string text = ...;          // may throw FormatError or Error
//       return write_output_or_fail(context, args.value("output"), text);
//   });

#include <optional>
#include <ostream>
#include <string>
#include <string_view>

#include <tocgraph/errors.hpp>

#include "command.hpp"

namespace tocgraph::cli {

/// Writes `text` to standard output when `path` is absent or "-", else
/// replaces the file `path` names with it atomically (the file is the old
/// one or the new one, never a part). Throws Error ("cannot save \"PATH\":
/// REASON") when the file cannot be written.
void write_output(Context& context, const std::optional<std::string>& path, std::string_view text);

/// write_output, with a file that cannot be written reported on standard
/// error ("cannot save ..."): returns exit_ok, or exit_failure after that.
int write_output_or_fail(Context& context, const std::optional<std::string>& path, std::string_view text);

/// Runs `body` and returns the exit status it returns. A FormatError (bad
/// input; its message names the file and the place) is printed as it is, any
/// other tocgraph Error after `prefix` (an input's name and ": ", or
/// "tocgraph COMMAND: error: "), each on a line of standard error, and then
/// `status` is returned. Usage errors pass through to the dispatcher.
template <typename Body>
int report_errors(Context& context, std::string_view prefix, int status, Body&& body) {
    try {
        return body();
    } catch (const FormatError& e) {
        context.err << e.what() << "\n";
    } catch (const Error& e) {
        context.err << prefix << e.what() << "\n";
    }
    return status;
}

}  // namespace tocgraph::cli
