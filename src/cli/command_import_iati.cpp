// tocgraph import-iati FILE -o DIR|OUT.json: IATI activity XML to tocgraph
// JSON, one theory of change per activity. The file is read activity by
// activity, so files of any size stream through; each activity is written as
// soon as it is read. Findings (values that are not numbers, unknown codes,
// periods that end before they start...) go to standard error, one a line,
// then a summary; long reads also report their progress there.
#include <chrono>
#include <filesystem>
#include <map>
#include <ostream>
#include <set>
#include <string>

#include <tocgraph/errors.hpp>
#include <tocgraph/iati/read.hpp>
#include <tocgraph/json_io.hpp>

#include "command.hpp"

namespace tocgraph::cli {
namespace {

/// A file name for an activity: its identifier with characters unsafe in
/// file names replaced by '_', made unique with "-2", "-3"...
std::string file_name_for(const std::string& identifier, std::set<std::string>& taken) {
    std::string base;
    for (char c : identifier) {
        const bool safe = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                          c == '_' || c == '.';
        base.push_back(safe ? c : '_');
    }
    if (base.empty() || base == "." || base == "..") base = "activity";
    std::string name = base;
    for (int k = 2; taken.contains(name); ++k) name = base + "-" + std::to_string(k);
    taken.insert(name);
    return name + ".json";
}

}  // namespace

int run_import_iati(const ParsedArgs& args, Context& context) {
    const std::string& in = args.positional[0];
    const auto out = args.value("output");
    if (!out) throw UsageError("missing -o DIR or -o OUT.json");
    const bool single = std::filesystem::path(*out).extension() == ".json";
    const auto wanted = args.value("activity");
    iati::ImportOptions options;
    if (auto lang = args.value("language")) options.language = *lang;
    const bool always_progress = args.has("progress");

    using clock = std::chrono::steady_clock;
    const auto started = clock::now();
    auto last_report = started;
    std::size_t activities = 0, written = 0, matched = 0;
    std::map<Severity, std::size_t> severities;
    std::set<std::string> names;
    std::optional<TheoryOfChange> chosen;
    auto report = [&](const iati::ImportFinding& f) {
        context.err << f.to_string() << "\n";
        ++severities[f.severity];
    };
    try {
        if (!single) std::filesystem::create_directories(*out);
        auto reader = iati::ActivityReader::open(in, options);
        while (auto activity = reader->next()) {
            ++activities;
            for (const auto& f : activity->findings) report(f);
            const bool take = !wanted || activity->identifier == *wanted;
            if (take) {
                ++matched;
                if (single) {
                    if (matched > 1)
                        throw UsageError(in + " holds more than one activity" +
                                         (wanted ? " with identifier \"" + *wanted + "\"" : std::string()) +
                                         "; write them to a directory, or choose one with --activity ID");
                    chosen = std::move(activity->toc);
                } else {
                    save(activity->toc, std::filesystem::path(*out) / file_name_for(activity->identifier, names));
                    ++written;
                }
            }
            // Progress for long reads: at most once a second (every activity with --progress).
            const auto now = clock::now();
            if (always_progress || now - last_report >= std::chrono::seconds(1)) {
                last_report = now;
                context.err << in << ": " << count(activities, "activity", "activities") << " read";
                if (reader->size() > 0)
                    context.err << " (" << (100 * reader->bytes_read() / reader->size()) << "% of the file)";
                context.err << "\n";
            }
        }
        for (const auto& f : reader->take_file_findings()) report(f);
    } catch (const FormatError& e) {
        context.err << e.what() << "\n";
        return exit_failure;
    } catch (const UsageError&) {
        throw;
    } catch (const std::filesystem::filesystem_error& e) {
        context.err << *out << ": " << e.code().message() << "\n";
        return exit_failure;
    } catch (const Error& e) {
        context.err << e.what() << "\n";
        return exit_failure;
    }
    if (wanted && matched == 0) {
        context.err << in << ": no activity with identifier \"" << *wanted << "\"\n";
        return exit_failure;
    }
    if (single) {
        if (!chosen) {
            context.err << in << ": no activity to write\n";
            return exit_failure;
        }
        try {
            save(*chosen, *out);
        } catch (const Error& e) {
            context.err << e.what() << "\n";
            return exit_failure;
        }
        written = 1;
    }
    const double seconds = std::chrono::duration<double>(clock::now() - started).count();
    context.err << in << ": " << count(activities, "activity", "activities") << " read, " << written << " written to "
                << *out << "; " << count(severities[Severity::error], "error") << ", "
                << count(severities[Severity::warning], "warning") << ", " << severities[Severity::info] << " info ("
                << static_cast<long>(seconds * 1000) << " ms)\n";
    return exit_ok;
}

}  // namespace tocgraph::cli
