// tocgraph convert IN OUT: from one format to another, chosen by extension
// (or --from/--to). What the readers decided (a level given to an untyped
// Kumu element, a link inferred from a logframe's row order) is printed on
// standard error, one finding a line, so nothing changes silently.
#include <map>
#include <ostream>
#include <string>
#include <tuple>

#include <tocgraph/errors.hpp>
#include <tocgraph/formats/file_format.hpp>

#include "command.hpp"
#include "output.hpp"

namespace tocgraph::cli {
namespace {

std::map<std::string, std::string> pairs(const ParsedArgs& args, const char* option) {
    std::map<std::string, std::string> out;
    auto it = args.options.find(option);
    if (it == args.options.end()) return out;
    for (const std::string& value : it->second) {
        const auto eq = value.find('=');
        if (eq == std::string::npos || eq == 0)
            throw UsageError("--" + std::string(option) + " needs NAME=VALUE, got \"" + value + "\"");
        out[value.substr(0, eq)] = value.substr(eq + 1);
    }
    return out;
}

/// An option the input's reader does not take is a usage error, not a silent
/// no-op. Before reading, a .json file may yet hold a Kumu blueprint
/// (`maybe_kumu`); after reading, the format is known.
void refuse_inapplicable_options(const ParsedArgs& args, const std::string& in, FileFormat reads, bool maybe_kumu) {
    const bool logframe = reads == FileFormat::logframe_csv;
    const bool kumu = reads == FileFormat::kumu || (reads == FileFormat::tocgraph_json && maybe_kumu);
    for (const auto& [option, applies, readers] :
         {std::tuple{"schema", kumu || logframe, "Kumu and logframe input"},
          std::tuple{"default-level", kumu, "Kumu input"}, std::tuple{"type-level", kumu, "Kumu input"},
          std::tuple{"column", logframe, "logframe input"}})
        if (!applies && args.has(option))
            throw UsageError("--" + std::string(option) + " applies to " + readers + ", not to " +
                             std::string(format_name(reads)) + " (" + in + ")");
}

}  // namespace

int run_convert(const ParsedArgs& args, Context& context) {
    const std::string& in = args.positional[0];
    const std::string& out = args.positional[1];
    std::optional<FileFormat> from, to;
    try {
        if (auto f = args.value("from")) from = parse_format_name(*f);
        if (auto t = args.value("to")) to = parse_format_name(*t);
    } catch (const Error& e) {
        throw UsageError(e.what());
    }
    try {
        const FileFormat named = from ? *from : format_of_path(in);
        refuse_inapplicable_options(args, in, named, !from);
    } catch (const Error&) {  // no format: read_file_as below says so, naming IN
    }
    ReadOptions options;
    options.max_bytes = input_size_limit();
    if (auto schema = args.value("schema")) {
        options.kumu.schema = *schema;
        options.logframe.schema = *schema;
    }
    if (auto level = args.value("default-level")) options.kumu.default_level = *level;
    options.kumu.type_levels = pairs(args, "type-level");
    options.logframe.columns = pairs(args, "column");
    return report_errors(context, in + ": ", exit_failure, [&] {
        FileFormat read_as = FileFormat::tocgraph_json;
        const ImportResult result = read_file_as(in, from, options, &read_as);
        refuse_inapplicable_options(args, in, read_as, false);
        for (const Finding& f : result.findings)
            context.err << in << ": " << to_string(f.severity) << " " << f.code << ": " << f.message << "\n";
        try {
            write_file_as(result.toc, out, to);
        } catch (const CycleError& e) {
            context.err << out << ": cannot write a DAGitty model: " << e.what() << "\n";
            return exit_failure;
        } catch (const Error& e) {
            context.err << out << ": " << e.what() << "\n";
            return exit_failure;
        }
        return exit_ok;
    });
}

}  // namespace tocgraph::cli
