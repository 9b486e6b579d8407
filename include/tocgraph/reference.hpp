#pragma once
// A coded reference from a result or an indicator to an entry of an outside
// vocabulary: an SDG target, an indicator registry, an organisation's own
// results framework. IATI writes these as result/reference and
// result/indicator/reference.

#include <string>

namespace tocgraph {

struct Reference {
    /// Which vocabulary `code` comes from. IATI codes are kept as written
    /// ("99", "9"); tocgraph's own names are "sdg-goal", "sdg-target" and
    /// "sdg-indicator" (docs/format.md lists them).
    std::string vocabulary;
    std::string code;  ///< the entry within the vocabulary, e.g. "3.8.1"
    std::string uri;   ///< where the vocabulary or the entry is defined, if known
    friend bool operator==(const Reference&, const Reference&) = default;
};

}  // namespace tocgraph
