#pragma once
// Reading the logframe matrix (docs/logframe.md): a table with one row per
// indicator and disaggregation of a result, from a CSV file (RFC 4180, UTF-8
// with or without a byte order mark) or from rows of cells a spreadsheet
// reader gives (the Python package reads .xlsx with openpyxl).
//
//   tocgraph::ImportResult r = tocgraph::load_logframe_csv("logframe.csv");
//   r.toc; r.findings;                                       // what the reader decided
//
// Reading finds the header row among the first rows, recognises columns by
// their usual names (or by LogframeReadOptions::columns), picks the level
// schema the level names fit, and reports what it decided (links inferred
// from the order of the rows, text values kept as value_text...) as findings.
// Errors name the file, the line (spreadsheet row) and the column of the
// offending cell:
//   logframe.csv:7:3: unknown result "oc9"

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "../../file_io.hpp"
#include "../detail/csv.hpp"
#include "../detail/logframe_reader.hpp"
#include "../import_result.hpp"
#include "options.hpp"

namespace tocgraph {

/// A table cell with its place, for error messages.
using LogframeCell = detail::CsvCell;
using LogframeRow = std::vector<LogframeCell>;

/// Reads a logframe grid (rows of cells that know their line and column).
/// Throws FormatError naming `file`, the line and the column of a bad cell.
inline ImportResult read_logframe_rows(const std::vector<LogframeRow>& rows, const LogframeReadOptions& options = {},
                                       const std::string& file = "<string>") {
    return detail::LogframeReader(file, options).read(rows);
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
