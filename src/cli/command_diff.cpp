// tocgraph diff OLD NEW: what changed between two versions of a theory of
// change, element by element and field by field (docs/versions.md). Like
// diff(1), the exit status says whether they differ: 0 no, 1 yes, 2 trouble.
#include <ostream>
#include <string>

#include <tocgraph/errors.hpp>
#include <tocgraph/versions.hpp>

#include "command.hpp"
#include "options.hpp"
#include "output.hpp"

namespace tocgraph::cli {
namespace {

constexpr int exit_differ = 1;
constexpr int exit_trouble = 2;

int run_diff(const ParsedArgs& args, Context& context) {
    const std::string format = format_option(args, {"text", "json", "md", "html"}, FormatMessage::quoted);
    const std::string& old_path = args.positional[0];
    const std::string& new_path = args.positional[1];
    if (old_path == "-" && new_path == "-") throw UsageError("only one of OLD and NEW can be standard input");
    return report_errors(context, "tocgraph diff: error: ", exit_trouble, [&] {
        const TheoryOfChange before = load_input(old_path);
        const TheoryOfChange after = load_input(new_path);
        DiffOptions options;
        options.detect_renames = !args.has("no-renames");
        const Diff d = diff(before, after, options);
        std::string text;
        if (format == "json") {
            text = nlohmann::json(d).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
        } else if (format == "md") {
            text = to_markdown(d);
        } else if (format == "html") {
            DiffHtmlOptions html;
            html.title = input_name(old_path) + " → " + input_name(new_path);
            text = to_html(d, html);
        } else {
            text = to_text(d);
        }
        write_output(context, args.value("output"), text);
        return d.empty() ? exit_ok : exit_differ;
    });
}

}  // namespace

const Command& diff_command() {
    static const Command command{
        .name = "diff",
        .summary = "Show what changed between two versions of a theory of change",
        .synopsis = "[options] OLD NEW",
        .description =
            "Compares OLD and NEW (\"-\" for standard input) element by element: nodes,\n"
            "links (by source and target), indicators, assumptions, actors, feedback,\n"
            "metadata and schema, field by field, down to single targets and actuals.\n"
            "A node whose id changed but whose level, title and neighbours did not is\n"
            "shown as renamed (docs/versions.md gives the rule).\n"
            "The text format starts with counts per collection, like `git diff --stat`,\n"
            "then lists every change: + added, - removed, ~ changed, > renamed.\n"
            "Exits with 0 when the versions are the same, 1 when they differ, and 2 when\n"
            "a file cannot be read or the output written.",
        .options = {{"format", 'f', "FORMAT", "text (default), json, md (Markdown) or html (a self-contained page)"},
                    {"output", 'o', "OUT", "write to OUT (replaced atomically) instead of standard output"},
                    {"no-renames", 0, "", "report renamed nodes as removed and added"}},
        .min_positional = 2,
        .max_positional = 2,
        .positional_name = "OLD and NEW",
        .run = run_diff,
    };
    return command;
}

}  // namespace tocgraph::cli
