#pragma once
// What the logframe reader and writer may be told (docs/logframe.md).

#include <map>
#include <string>

namespace tocgraph {

/// How the reader recognises a table.
struct LogframeReadOptions {
    /// Name of a built-in level schema; empty: the first built-in schema
    /// whose levels fit the level names in the table.
    std::string schema;
    /// Header text -> what the column holds, overriding recognition: one of
    /// "level", "id", "contributes_to", "statement", "indicator_id",
    /// "indicator", "unit", "dimensions", "baseline", "baseline_date",
    /// "target", "actual", "means_of_verification", "assumptions", "ignore";
    /// "target:PERIOD" and "actual:PERIOD" name the period ("2021" or
    /// "2021-01-01/2021-06-30") when the header does not.
    std::map<std::string, std::string> columns;
};

/// How the writer writes a CSV file.
struct LogframeWriteOptions {
    bool bom = false;  ///< start with a byte order mark, which Excel needs to see UTF-8
};

}  // namespace tocgraph
