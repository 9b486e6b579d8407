// tocgraph portfolio lint|progress|indicators GLOB...: an analysis over many
// theories of change, run by the Python package (tocgraph.portfolio,
// docs/portfolio.md), which brings the process pool and Dask. This command
// finds a Python that has tocgraph and hands it the arguments.
//
// The Python is, in this order: $TOCGRAPH_PYTHON; python3 or python beside
// this executable (a virtual environment's bin/, where pip installs both);
// python3 on PATH. An explicit TOCGRAPH_PYTHON comes first so that it also
// applies when tocgraph is installed next to a system Python that lacks the
// package.
#include <cerrno>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <ostream>
#include <string>
#include <vector>

#if defined(_WIN32)
// Not supported on Windows: the command tells the user to run Python directly.
#else
#include <unistd.h>
#if defined(__APPLE__)
#include <mach-o/dyld.h>
#endif
#endif

#include "command.hpp"

namespace tocgraph::cli {
namespace {

// Run by `python -c`: a clear message when tocgraph cannot be imported, else
// the package's command line. The current directory is taken off sys.path so
// that a folder called tocgraph where the command is run cannot shadow the
// installed package.
constexpr const char* bootstrap =
    "import sys\n"
    "if sys.path and sys.path[0] == '':\n"
    "    del sys.path[0]\n"
    "try:\n"
    "    import tocgraph.portfolio._cli as cli\n"
    "except ImportError as e:\n"
    "    sys.stderr.write('tocgraph portfolio: error: the tocgraph Python package cannot be '\n"
    "                     'imported by %s (%s); install it there (pip install tocgraph) or set '\n"
    "                     'TOCGRAPH_PYTHON to a Python that has it\\n' % (sys.executable, e))\n"
    "    sys.exit(1)\n"
    "sys.exit(cli.main(sys.argv[1:]))\n";

/// The arguments again, as the Python command line takes them.
std::vector<std::string> forwarded(const ParsedArgs& args) {
    std::vector<std::string> out;
    for (const auto& [name, values] : args.options) {
        if (values.empty()) {  // a flag
            out.push_back("--" + name);
            continue;
        }
        for (const std::string& value : values) out.push_back("--" + name + "=" + value);
    }
    out.push_back("--");
    out.insert(out.end(), args.positional.begin(), args.positional.end());
    return out;
}

#if !defined(_WIN32)
std::filesystem::path executable_dir() {
    std::error_code ec;
#if defined(__APPLE__)
    char buffer[4096];
    std::uint32_t size = sizeof buffer;
    if (_NSGetExecutablePath(buffer, &size) != 0) return {};
    const std::filesystem::path self(buffer);
#else
    const std::filesystem::path self = std::filesystem::read_symlink("/proc/self/exe", ec);
    if (ec) return {};
#endif
    return self.parent_path();
}

/// Replaces this process with `python -c BOOTSTRAP ARGS...`; returns only on failure.
void exec_python(const std::string& python, const std::vector<std::string>& args, bool search_path) {
    std::vector<std::string> owned = {python, "-c", bootstrap};
    owned.insert(owned.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (std::string& a : owned) argv.push_back(a.data());
    argv.push_back(nullptr);
    if (search_path)
        ::execvp(python.c_str(), argv.data());
    else
        ::execv(python.c_str(), argv.data());
}
#endif

}  // namespace

int run_portfolio(const ParsedArgs& args, Context& context) {
#if defined(_WIN32)
    (void)args;
    context.err << "tocgraph portfolio: error: not available on Windows; run "
                   "'python -m tocgraph.portfolio' instead\n";
    return exit_failure;
#else
    const std::vector<std::string> rest = forwarded(args);
    context.out.flush();
    context.err.flush();
    if (const char* chosen = std::getenv("TOCGRAPH_PYTHON"); chosen && *chosen) {
        exec_python(chosen, rest, false);
        context.err << "tocgraph portfolio: error: TOCGRAPH_PYTHON=" << chosen
                    << " cannot be run: " << std::strerror(errno) << "\n";
        return exit_failure;
    }
    std::vector<std::string> tried;
    if (const auto dir = executable_dir(); !dir.empty()) {
        for (const char* name : {"python3", "python"}) {
            const std::string candidate = (dir / name).string();
            tried.push_back(candidate);
            if (::access(candidate.c_str(), X_OK) == 0) exec_python(candidate, rest, false);
        }
    }
    tried.emplace_back("python3 on PATH");
    exec_python("python3", rest, true);
    context.err << "tocgraph portfolio: error: no Python found (tried TOCGRAPH_PYTHON";
    for (const std::string& t : tried) context.err << ", " << t;
    context.err << "); install Python with the tocgraph package, or set TOCGRAPH_PYTHON\n";
    return exit_failure;
#endif
}

}  // namespace tocgraph::cli
