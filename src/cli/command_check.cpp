// tocgraph check FILE...: is each file a valid tocgraph file?
#include <ostream>

#include <tocgraph/errors.hpp>

#include "command.hpp"

namespace tocgraph::cli {
namespace {

int run_check(const ParsedArgs& args, Context& context) {
    int status = exit_ok;
    for (const std::string& path : args.positional) {
        const std::string name = path == "-" ? std::string("<stdin>") : path;
        try {
            const TheoryOfChange toc = load_input(path);
            context.out << name << ": ok (" << count(toc.node_count(), "node") << ", "
                        << count(toc.link_count(), "link") << ", "
                        << count(toc.indicator_count(), "indicator") << ")\n";
        } catch (const FormatError& e) {
            context.err << e.what() << "\n";
            status = exit_failure;
        } catch (const Error& e) {
            context.err << name << ": " << e.what() << "\n";
            status = exit_failure;
        }
    }
    return status;
}

}  // namespace

const Command& check_command() {
    static const Command command{
        .name = "check",
        .summary = "Check that files are valid tocgraph files",
        .synopsis = "FILE...",
        .description =
            "Reads each FILE (\"-\" for standard input) as docs/format.md describes and prints\n"
            "\"FILE: ok (N nodes, M links, K indicators)\", or the first problem found as\n"
            "\"FILE[:LINE:COLUMN]: /json/pointer: problem\" on standard error.\n"
            "Exits with 0 when every file is valid, 1 when one is not or cannot be read.",
        .options = {},
        .min_positional = 1,
        .max_positional = static_cast<std::size_t>(-1),
        .positional_name = "FILE",
        .run = run_check,
    };
    return command;
}

}  // namespace tocgraph::cli
