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

}  // namespace tocgraph::cli
