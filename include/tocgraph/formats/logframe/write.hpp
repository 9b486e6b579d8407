#pragma once
// Writing the logframe matrix (docs/logframe.md), as a grid of text cells
// (what spreadsheets hold) or as a CSV file:
//
//   Level | ID | Contributes to | Statement | Indicator ID | Indicator | Unit |
//   Dimensions | Baseline | Baseline date | Target 2021 | ... | Actual 2021 |
//   ... | Means of verification | Assumptions
//
// One row per indicator and disaggregation of a result; a result's own cells
// (level, statement, contributes to, assumptions) on its first row. Reading
// the output (logframe/read.hpp) gives the same results, links, indicators
// and values; what the layout cannot hold is listed in docs/interop.md.
//
//   std::string csv = tocgraph::to_logframe_csv(toc);

#include <filesystem>
#include <string>
#include <vector>

#include "../../file_io.hpp"
#include "../../fwd.hpp"
#include "../detail/csv.hpp"
#include "../detail/logframe_writer.hpp"
#include "options.hpp"

namespace tocgraph {

/// The logframe grid of a theory of change, header first (docs/logframe.md).
/// What the layout cannot hold is left out: see docs/interop.md.
inline std::vector<std::vector<std::string>> logframe_rows(const TheoryOfChange& toc) {
    return detail::logframe_grid(toc);
}

/// The logframe CSV text of a theory of change (CRLF line ends).
inline std::string to_logframe_csv(const TheoryOfChange& toc, const LogframeWriteOptions& options = {}) {
    return detail::write_csv(logframe_rows(toc), options.bom);
}

/// Writes the logframe CSV file atomically; throws Error.
inline void save_logframe_csv(const TheoryOfChange& toc, const std::filesystem::path& path,
                              const LogframeWriteOptions& options = {}) {
    write_file_atomically(path, to_logframe_csv(toc, options));
}

}  // namespace tocgraph
