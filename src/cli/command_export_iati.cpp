// tocgraph export-iati FILE... -o OUT.xml: tocgraph JSON to IATI 2.03
// activity XML, one <iati-activity> per theory of change, written atomically.
#include <ostream>
#include <string>
#include <vector>

#include <tocgraph/errors.hpp>
#include <tocgraph/iati/write.hpp>

#include "command.hpp"

namespace tocgraph::cli {
namespace {

int run_export_iati(const ParsedArgs& args, Context& context) {
    const auto out = args.value("output");
    if (!out) throw UsageError("missing -o OUT.xml");
    std::vector<TheoryOfChange> tocs;
    try {
        for (const std::string& file : args.positional) tocs.push_back(load_input(file));
    } catch (const FormatError& e) {
        context.err << e.what() << "\n";
        return exit_failure;
    }
    try {
        iati::write_iati(tocs, *out);
    } catch (const Error& e) {
        context.err << *out << ": " << e.what() << "\n";
        return exit_failure;
    }
    context.err << *out << ": " << count(tocs.size(), "activity", "activities") << " written\n";
    return exit_ok;
}

}  // namespace

const Command& export_iati_command() {
    static const Command command{
        .name = "export-iati",
        .summary = "Write theories of change as IATI 2.03 activity XML",
        .synopsis = "FILE... -o OUT.xml",
        .description =
            "Writes one <iati-activity> per theory of change (tocgraph JSON, \"-\" for standard\n"
            "input): its identifier, reporting organisation, title, descriptions, status,\n"
            "dates and SDG tags, and a <result> per result node with its indicators,\n"
            "baselines, periods, targets and actuals (docs/iati.md). What import-iati kept\n"
            "(narratives in every language, document links, values as written) is written\n"
            "back, so importing the output gives the same theories of change. OUT is replaced\n"
            "atomically. Exits with 1 when an input cannot be read or OUT written.",
        .options = {{"output", 'o', "OUT.xml", "the IATI file to write (required)"}},
        .max_positional = 100000,
        .run = run_export_iati,
    };
    return command;
}

}  // namespace tocgraph::cli
