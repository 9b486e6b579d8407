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

}  // namespace

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

}  // namespace tocgraph::cli
