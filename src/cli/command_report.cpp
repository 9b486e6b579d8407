// tocgraph report FILE --as-of DATE -o OUT: one self-contained report, HTML
// or Markdown by OUT's extension (docs/reports.md).
#include <cmath>
#include <optional>
#include <ostream>
#include <string>

#include <tocgraph/errors.hpp>
#include <tocgraph/report.hpp>

#include "command.hpp"

namespace tocgraph::cli {
namespace {

double tolerance(const ParsedArgs& args, std::string_view name, double fallback) {
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

int run_report(const ParsedArgs& args, Context& context) {
    const std::string& path = args.positional[0];
    const auto as_of_text = args.value("as-of");
    if (!as_of_text) throw UsageError("missing option --as-of DATE");
    const auto as_of = Date::parse(*as_of_text);
    if (!as_of) throw UsageError("option --as-of: invalid date \"" + *as_of_text + "\"; expected YYYY-MM-DD");
    const auto out = args.value("output");

    ReportOptions options;
    options.as_of = *as_of;
    options.title = args.value("title");
    options.tolerances.at_risk_below = tolerance(args, "at-risk-below", options.tolerances.at_risk_below);
    options.tolerances.off_track_below = tolerance(args, "off-track-below", options.tolerances.off_track_below);
    try {
        options.tolerances.check();
    } catch (const std::invalid_argument& e) {
        throw UsageError(e.what());
    }
    if (auto m = args.value("method")) {
        auto parsed = parse_enum<RollupMethod>(*m);
        if (!parsed) throw UsageError("option --method: unknown value \"" + *m + "\"; expected " +
                                      enum_choices<RollupMethod>());
        options.method = *parsed;
    }
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

    const std::string name = path == "-" ? std::string("<stdin>") : path;
    try {
        const TheoryOfChange toc = load_input(path);
        std::string text = report(toc, options, *format);
        if (!out || *out == "-") {
            context.out << text;
            return exit_ok;
        }
        try {
            write_file_atomically(*out, text);
        } catch (const Error& e) {
            context.err << e.what() << "\n";
            return exit_failure;
        }
    } catch (const FormatError& e) {
        context.err << e.what() << "\n";
        return exit_failure;
    } catch (const Error& e) {
        context.err << name << ": " << e.what() << "\n";
        return exit_failure;
    }
    return exit_ok;
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
        .options = {{"as-of", 0, "DATE", "the date of the assessment (YYYY-MM-DD), required"},
                    {"output", 'o', "OUT", "the file to write (format from its extension)"},
                    {"format", 'f', "FORMAT", "html or markdown instead of OUT's extension"},
                    {"title", 0, "TEXT", "a heading instead of the programme title"},
                    {"method", 'm', "METHOD", "roll-up: mean (default), weighted, weakest, strongest or logic"},
                    {"at-risk-below", 0, "X", "at risk below X times the expected progress (default 0.9)"},
                    {"off-track-below", 0, "X", "off track below X times the expected progress (default 0.6)"}},
        .min_positional = 1,
        .max_positional = 1,
        .positional_name = "FILE",
        .run = run_report,
    };
    return command;
}

}  // namespace tocgraph::cli
