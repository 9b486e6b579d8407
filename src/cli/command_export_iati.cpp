// tocgraph export-iati FILE... -o OUT.xml: tocgraph JSON to IATI 2.03
// activity XML, one <iati-activity> per theory of change, written atomically.
#include <ostream>
#include <string>
#include <vector>

#include <tocgraph/errors.hpp>
#include <tocgraph/iati/write.hpp>

#include "command.hpp"

namespace tocgraph::cli {
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

}  // namespace tocgraph::cli
