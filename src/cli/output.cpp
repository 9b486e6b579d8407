// Writing a command's output: standard output or a file replaced atomically.
#include "output.hpp"

#include <ostream>

#include <tocgraph/errors.hpp>
#include <tocgraph/file_io.hpp>

namespace tocgraph::cli {

void write_output(Context& context, const std::optional<std::string>& path, std::string_view text) {
    if (!path || *path == "-")
        context.out << text;
    else
        write_file_atomically(*path, text);
}

int write_output_or_fail(Context& context, const std::optional<std::string>& path, std::string_view text) {
    try {
        write_output(context, path, text);
    } catch (const Error& e) {
        context.err << e.what() << "\n";
        return exit_failure;
    }
    return exit_ok;
}

}  // namespace tocgraph::cli
