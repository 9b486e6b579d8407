#pragma once
// The fields a Kumu element or connection gives a meaning of its own, which
// the writer keeps user attributes away from and the reader does not take as
// attributes.

#include <string>

namespace tocgraph::detail {

/// Fields the blueprint gives a meaning of its own (compared in lower case,
/// as Kumu stores field names).
inline bool kumu_element_key(const std::string& lower) {
    return lower == "id" || lower == "_id" || lower == "label" || lower == "type" ||
           lower == "element type" || lower == "description" || lower == "tags" || lower == "level" ||
           lower == "tocgraph";
}
inline bool kumu_connection_key(const std::string& lower) {
    return lower == "id" || lower == "_id" || lower == "from" || lower == "to" || lower == "direction" ||
           lower == "description" || lower == "tocgraph" || lower == "reversed";
}

}  // namespace tocgraph::detail
