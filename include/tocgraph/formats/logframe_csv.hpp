#pragma once
// The logframe matrix as a CSV file (RFC 4180, UTF-8 with or without a byte
// order mark): the column layout of docs/logframe.md, read and written.
//
//   std::string csv = tocgraph::to_logframe_csv(toc);
//   tocgraph::ImportResult r = tocgraph::load_logframe_csv("logframe.csv");
//
// Errors name the file, the line and the column of the offending cell:
//   logframe.csv:7:3: unknown result "oc9"

#include <filesystem>
#include <string>
#include <string_view>

#include "../file_io.hpp"
#include "../errors.hpp"
#include "../theory_of_change.hpp"
#include "detail/csv.hpp"
#include "import_result.hpp"
#include "logframe.hpp"

namespace tocgraph {

struct LogframeWriteOptions {
    bool bom = false;  ///< start with a byte order mark, which Excel needs to see UTF-8
};

/// The logframe CSV text of a theory of change (CRLF line ends).
inline std::string to_logframe_csv(const TheoryOfChange& toc, const LogframeWriteOptions& options = {}) {
    return detail::write_csv(logframe_rows(toc), options.bom);
}

inline void save_logframe_csv(const TheoryOfChange& toc, const std::filesystem::path& path,
                              const LogframeWriteOptions& options = {}) {
    write_file_atomically(path, to_logframe_csv(toc, options));
}

/// Reads logframe CSV text; throws FormatError naming `file`, line and column.
inline ImportResult loads_logframe_csv(std::string_view text, const LogframeReadOptions& options = {},
                                       const std::string& file = "<string>") {
    return read_logframe_rows(detail::parse_csv(text, file), options, file);
}

/// Reads a logframe CSV file; throws FormatError naming the file.
inline ImportResult load_logframe_csv(const std::filesystem::path& path, const LogframeReadOptions& options = {}) {
    const std::string text = read_file(path);
    return loads_logframe_csv(text, options, path.string());
}

}  // namespace tocgraph
