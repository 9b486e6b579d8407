// tocgraph: the command-line tool. Dispatches to the commands listed in
// commands.cpp; see command.hpp for how a command is declared.
//
//   tocgraph --help | --version
//   tocgraph help [COMMAND]
//   tocgraph COMMAND [options] [arguments]     (COMMAND --help for its help)
//
// Nothing escapes main: tocgraph errors and any other exception end in a
// message on stderr and exit code 1; usage errors in exit code 2.
#include <algorithm>
#include <exception>
#include <iostream>
#include <string>
#include <vector>

#include <tocgraph/errors.hpp>
#include <tocgraph/version.hpp>

#include "command.hpp"

namespace tocgraph::cli {
namespace {

void print_general_help(std::ostream& out) {
    out << "usage: tocgraph [--version] [--help] COMMAND [ARGS]\n\n"
           "Check, show and analyse theories of change stored as tocgraph JSON files\n"
           "(format: docs/format.md).\n\n"
           "Commands:\n";
    std::size_t width = 4;  // "help"
    for (const Command* c : commands()) width = std::max(width, c->name.size());
    for (const Command* c : commands())
        out << "  " << c->name << std::string(width - c->name.size() + 3, ' ') << c->summary << "\n";
    out << "  help" << std::string(width - 4 + 3, ' ') << "Show the help of a command\n\n"
        << "Options:\n"
           "  -h, --help     show this help and exit\n"
           "  -V, --version  show the version and exit\n\n"
           "Run 'tocgraph help COMMAND' or 'tocgraph COMMAND --help' for a command's options.\n"
           "Exit status: 0 success, 1 invalid input or failure, 2 usage error.\n"
           "Inputs larger than 1 GiB are refused; TOCGRAPH_MAX_INPUT_SIZE (e.g. 4G) sets the limit.\n";
}

int usage_error(const std::string& message, const Command* command) {
    std::cerr << "tocgraph" << (command ? " " + std::string(command->name) : std::string())
              << ": error: " << message << "\n";
    if (command)
        std::cerr << usage_line(*command) << "\nRun 'tocgraph " << command->name
                  << " --help' for more information.\n";
    else
        std::cerr << "usage: tocgraph [--version] [--help] COMMAND [ARGS]\n"
                     "Run 'tocgraph --help' for the list of commands.\n";
    return exit_usage;
}

int run(const std::vector<std::string>& argv) {
    if (argv.empty()) {
        print_general_help(std::cerr);
        return exit_usage;
    }
    const std::string& first = argv[0];
    if (first == "-h" || first == "--help") {
        print_general_help(std::cout);
        return exit_ok;
    }
    if (first == "-V" || first == "--version") {
        std::cout << "tocgraph " << version_string << " (file format version "
                  << file_format_version << ")\n";
        return exit_ok;
    }
    if (first == "help") {
        if (argv.size() == 1) {
            print_general_help(std::cout);
            return exit_ok;
        }
        if (argv.size() > 2) return usage_error("help takes one command name", nullptr);
        const Command* command = find_command(argv[1]);
        if (!command) return usage_error("unknown command \"" + argv[1] + "\"", nullptr);
        std::cout << command_help(*command);
        return exit_ok;
    }
    if (first.starts_with("-")) return usage_error("unknown option " + first, nullptr);

    const Command* command = find_command(first);
    if (!command) return usage_error("unknown command \"" + first + "\"", nullptr);
    const std::vector<std::string> args(argv.begin() + 1, argv.end());
    for (const std::string& arg : args) {
        if (arg == "--") break;
        if (arg == "-h" || arg == "--help") {
            std::cout << command_help(*command);
            return exit_ok;
        }
    }
    ParsedArgs parsed;
    try {
        parsed = parse_args(*command, args);
    } catch (const UsageError& e) {
        return usage_error(e.what(), command);
    }
    Context context{std::cout, std::cerr};
    try {
        return command->run(parsed, context);
    } catch (const UsageError& e) {  // a value a command found invalid, e.g. an unknown level
        return usage_error(e.what(), command);
    }
}

}  // namespace
}  // namespace tocgraph::cli

int main(int argc, char** argv) {
    try {
        std::ios::sync_with_stdio(false);
        const std::vector<std::string> args(argv + std::min(argc, 1), argv + argc);
        const int status = tocgraph::cli::run(args);
        std::cout.flush();
        return status;
    } catch (const tocgraph::FormatError& e) {
        std::cerr << e.what() << "\n";
    } catch (const tocgraph::Error& e) {
        std::cerr << "tocgraph: error: " << e.what() << "\n";
    } catch (const std::exception& e) {
        std::cerr << "tocgraph: internal error: " << e.what() << "\n";
    } catch (...) {
        std::cerr << "tocgraph: internal error: unknown exception\n";
    }
    return tocgraph::cli::exit_failure;
}
