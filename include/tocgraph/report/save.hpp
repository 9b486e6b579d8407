#pragma once
// Writing a report to a file: the format from the file's extension unless
// given, the file replaced atomically.

#include <filesystem>
#include <optional>
#include <string>

#include "../errors.hpp"
#include "../file_io.hpp"
#include "../fwd.hpp"
#include "html.hpp"
#include "markdown.hpp"

namespace tocgraph {

/// The report format a file name asks for: .html or .htm, .md or
/// .markdown (any case). Throws Error naming the file otherwise.
inline ReportFormat report_format_for(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& ch : ext)
        if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
    if (ext == ".html" || ext == ".htm") return ReportFormat::html;
    if (ext == ".md" || ext == ".markdown") return ReportFormat::markdown;
    throw Error("cannot tell the report format of \"" + path.string() +
                "\": use a .html, .htm, .md or .markdown file name, or give the format");
}

/// The report in one format.
inline std::string report(const TheoryOfChange& toc, const ReportOptions& options, ReportFormat format) {
    return format == ReportFormat::html ? html_report(toc, options) : markdown_report(toc, options);
}

/// Writes the report to `path` atomically (a failed write leaves an
/// existing file as it was); throws Error on failure.
inline void save_report(const TheoryOfChange& toc, const std::filesystem::path& path, const ReportOptions& options,
                        std::optional<ReportFormat> format = std::nullopt) {
    const ReportFormat f = format ? *format : report_format_for(path);
    write_file_atomically(path, report(toc, options, f));
}

}  // namespace tocgraph
