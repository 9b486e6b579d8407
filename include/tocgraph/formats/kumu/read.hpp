#pragma once
// Reading Kumu (kumu.io) blueprints.
//
//   tocgraph::ImportResult r = tocgraph::load_kumu("map.json");
//   r.toc; r.findings;                                       // what the reader decided
//
// Reading takes both import blueprints and Kumu project backups (elements
// with "_id" and an "attributes" object). Kumu maps are system maps, not
// theories of change, so the reader decides and reports (docs/interop.md):
//   - a level for each element: its "level" field, else its element type
//     (KumuOptions::type_levels, a level id or label, or a keyword such as
//     "outcome" or "activity"), else the default level (IMP101, IMP102);
//   - undirected connections point from the lower level to the higher one,
//     or as written between equal levels; mutual ones become two links
//     (IMP103); the Kumu direction stays in the link's attributes;
//   - a second connection between the same two elements is dropped (IMP104),
//     a connection from an element to itself too (IMP105);
//   - cycles are kept as they are (IMP106): the model allows them, analyses
//     that need a DAG refuse them; Kumu's named loops are kept in
//     metadata.attributes.kumu_loops.
// Bad input (no elements array, a connection to an unknown element, a field
// of the wrong type) throws FormatError with the JSON pointer in the file.

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "../../detail/json/parse.hpp"
#include "../../file_io.hpp"
#include "../detail/kumu_reader.hpp"
#include "../import_result.hpp"
#include "options.hpp"

namespace tocgraph {

/// Reads a parsed Kumu blueprint or project backup; throws FormatError
/// (attributed to `file`) for bad input, Error for bad options.
inline ImportResult from_kumu(const nlohmann::json& map, const KumuOptions& options = {},
                              const std::string& file = "<string>") {
    return detail::KumuReader(file, options).read(map);
}

/// Parses and reads Kumu JSON text.
inline ImportResult loads_kumu(std::string_view text, const KumuOptions& options = {},
                               const std::string& file = "<string>") {
    return from_kumu(detail::parse_document(text, file), options, file);
}

/// Reads a Kumu JSON file; throws FormatError naming the file.
inline ImportResult load_kumu(const std::filesystem::path& path, const KumuOptions& options = {}) {
    const std::string text = read_file(path);
    return loads_kumu(text, options, path.string());
}

}  // namespace tocgraph
