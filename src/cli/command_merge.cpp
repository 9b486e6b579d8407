// tocgraph merge BASE OURS THEIRS -o OUT: a three-way merge of theories of
// change (docs/versions.md). The merged file is written even when there are
// conflicts, each marked in the element it concerns; the exit status is 1
// then, so scripts notice.
#include <ostream>
#include <string>

#include <tocgraph/errors.hpp>
#include <tocgraph/json_io.hpp>
#include <tocgraph/versions.hpp>

#include "command.hpp"
#include "options.hpp"
#include "output.hpp"

namespace tocgraph::cli {
namespace {

int run_merge(const ParsedArgs& args, Context& context) {
    const auto out = args.value("output");
    if (!out) throw UsageError("missing -o OUT: where to write the merged theory of change");
    const std::string format = format_option(args, {"text", "json"}, FormatMessage::quoted);
    int inputs_from_stdin = 0;
    for (const std::string& p : args.positional) inputs_from_stdin += p == "-";
    if (inputs_from_stdin > 1) throw UsageError("only one of BASE, OURS and THEIRS can be standard input");
    // A file that cannot be read or written is trouble, as a usage error is.
    return report_errors(context, "tocgraph merge: error: ", exit_usage, [&] {
        const TheoryOfChange base = load_input(args.positional[0]);
        const TheoryOfChange ours = load_input(args.positional[1]);
        const TheoryOfChange theirs = load_input(args.positional[2]);
        MergeOptions options;
        options.lint = !args.has("no-lint");
        const MergeResult m = merge(base, ours, theirs, options);
        save(m.toc, *out);
        if (format == "json") {
            const nlohmann::json report = {{"output", *out}, {"clean", m.clean()}, {"conflicts", nlohmann::json(m.conflicts)}};
            context.out << report.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
        } else if (m.clean()) {
            context.out << "merged into " << *out << ": no conflicts\n";
        } else {
            context.out << "merged into " << *out << " with " << count(m.conflicts.size(), "conflict")
                        << " (marked in attributes.merge_conflicts):\n";
            for (const Conflict& c : m.conflicts) context.out << to_text(c);
        }
        return m.clean() ? exit_ok : exit_failure;
    });
}

}  // namespace

const Command& merge_command() {
    static const Command command{
        .name = "merge",
        .summary = "Merge two versions of a theory of change made from a common base",
        .synopsis = "[options] BASE OURS THEIRS -o OUT",
        .description =
            "Combines the changes OURS and THEIRS made to BASE and writes the result to OUT\n"
            "(replaced atomically). Changes to different elements or fields combine; the\n"
            "same change on both sides is taken once. Conflicting changes are listed, and\n"
            "marked in the merged element's attributes.merge_conflicts: ours wins a field\n"
            "both changed; an element one side removed and the other changed is kept as\n"
            "changed; a node one side removed that the other still links to is kept; a\n"
            "combination that breaks a lint rule neither input broke drops theirs' change.\n"
            "Exits with 0 when there are no conflicts, 1 when there are (OUT is written\n"
            "all the same), and 2 when a file cannot be read or written.",
        .options = {{"output", 'o', "OUT", "where to write the merged theory of change (required)"},
                    {"format", 'f', "FORMAT", "text (default) or json: how to report the conflicts"},
                    {"no-lint", 0, "", "do not check the result with the linter"}},
        .min_positional = 3,
        .max_positional = 3,
        .positional_name = "BASE, OURS and THEIRS",
        .run = run_merge,
    };
    return command;
}

}  // namespace tocgraph::cli
