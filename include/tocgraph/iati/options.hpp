#pragma once
// What the IATI reader may be told (read.hpp).

#include <cstddef>
#include <string>

namespace tocgraph::iati {

/// How activities are read.
struct ImportOptions {
    /// Preferred language of titles, descriptions and comments ("fr"); ""
    /// means the activity's xml:lang, then English, then the first given.
    std::string language;
    /// Elements nested deeper than this are refused (IATI needs about 10).
    std::size_t max_depth = 64;
};

}  // namespace tocgraph::iati
