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
namespace {

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

}  // namespace

const Command& report_command() {
    static const Command command{
        .name = "report",
        .summary = "Write a self-contained HTML or Markdown report on a theory of change",
        .synopsis = "[options] FILE --as-of DATE [-o OUT]",
        .description =
            "Writes one file about FILE (\"-\" for standard input) and its progress on DATE:\n"
            "the programme, a summary, the diagram coloured by status, the indicators with\n"
            "baseline, target, latest actual and achievement, progress by pathway, validation\n"
            "findings, assumptions and consultation feedback (docs/reports.md).\n"
            "The format is OUT's extension (.html or .htm, .md or .markdown) or --format;\n"
            "without -o the report (HTML unless --format) goes to standard output. The HTML\n"
            "page needs nothing else: styles and the drawing are inline, there is no script.\n"
            "OUT is replaced atomically. Exits with 1 when FILE cannot be read or OUT written.",
        .options = with_options({{"as-of", 0, "DATE", "the date of the assessment (YYYY-MM-DD), required"},
                                 {"output", 'o', "OUT", "the file to write (format from its extension)"},
                                 {"format", 'f', "FORMAT", "html or markdown instead of OUT's extension"},
                                 {"title", 0, "TEXT", "a heading instead of the programme title"},
                                 {"method", 'm', "METHOD", "roll-up: mean (default), weighted, weakest, strongest or logic"}},
                                tolerance_options()),
        .run = run_report,
    };
    return command;
}

}  // namespace tocgraph::cli
