// tocgraph diff OLD NEW: what changed between two versions of a theory of
// change, element by element and field by field (docs/versions.md). Like
// diff(1), the exit status says whether they differ: 0 no, 1 yes, 2 trouble.
#include <filesystem>
#include <ostream>
#include <string>

#include <tocgraph/file_io.hpp>
#include <tocgraph/errors.hpp>
#include <tocgraph/versions.hpp>

#include "command.hpp"

namespace tocgraph::cli {
namespace {

constexpr int exit_differ = 1;
constexpr int exit_trouble = 2;

std::string display_name(const std::string& path) { return path == "-" ? std::string("<stdin>") : path; }

int run_diff(const ParsedArgs& args, Context& context) {
    const std::string format = args.value("format").value_or("text");
    if (format != "text" && format != "json" && format != "md" && format != "html")
        throw UsageError("unknown format \"" + format + "\"; expected \"text\", \"json\", \"md\" or \"html\"");
    const std::string& old_path = args.positional[0];
    const std::string& new_path = args.positional[1];
    if (old_path == "-" && new_path == "-") throw UsageError("only one of OLD and NEW can be standard input");
    try {
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
            html.title = display_name(old_path) + " → " + display_name(new_path);
            text = to_html(d, html);
        } else {
            text = to_text(d);
        }
        if (auto out = args.value("output"); out && *out != "-")
            write_file_atomically(*out, text);
        else
            context.out << text;
        return d.empty() ? exit_ok : exit_differ;
    } catch (const FormatError& e) {
        context.err << e.what() << "\n";
    } catch (const Error& e) {
        context.err << "tocgraph diff: error: " << e.what() << "\n";
    }
    return exit_trouble;
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
