// tocgraph report FILE --as-of DATE -o OUT: one self-contained report, HTML
// or Markdown by OUT's extension (docs/reports.md).
#include <optional>
#include <ostream>
#include <string>

#include <tocgraph/errors.hpp>
#include <tocgraph/report.hpp>

#include "command.hpp"
#include "options.hpp"
#include "output.hpp"

namespace tocgraph::cli {
int run_report(const ParsedArgs& args, Context& context) {
    const std::string& path = args.positional[0];
    ReportOptions options;
    options.as_of = required_date_option(args, "as-of");
    const auto out = args.value("output");
    options.title = args.value("title");
    options.tolerances = tolerances_option(args);
    options.method = enum_option(args, "method", options.method);
    std::optional<ReportFormat> format;
    if (auto f = args.value("format")) {
        if (*f == "html") format = ReportFormat::html;
        else if (*f == "markdown" || *f == "md") format = ReportFormat::markdown;
        else throw UsageError("option --format: unknown format \"" + *f + "\"; expected html or markdown");
    }
    if (!out || *out == "-") {
        if (!format) format = ReportFormat::html;
    } else if (!format) {
        try {
            format = report_format_for(*out);
        } catch (const Error& e) {
            throw UsageError(e.what());
        }
    }

    return report_errors(context, input_name(path) + ": ", exit_failure, [&] {
        return write_output_or_fail(context, out, report(load_input(path), options, *format));
    });
}

}  // namespace tocgraph::cli
