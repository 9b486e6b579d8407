#pragma once
// Writing Kumu (kumu.io) blueprints.
//
//   nlohmann::ordered_json map = tocgraph::to_kumu(toc);     // an import blueprint
//   tocgraph::save_kumu(toc, "map.kumu.json");
//
// Writing gives Kumu's import blueprint, {"elements": [...], "connections":
// [...]}: an element per node ("id", "label" = title, "type" = level label,
// "description", "tags", "level" = level id, and each attribute as a field of
// its own) and a connection per link ("from", "to", "direction",
// "description" = rationale, attributes as fields). Every other member of an
// element's JSON form (actors, logic, dates, budget, assumptions, strength...)
// rides in a "tocgraph" field as JSON text, and the rest of the document
// (metadata, schema, actors, assumptions, indicators, feedback) in a
// top-level "tocgraph" member that Kumu ignores, so writing then reading
// (kumu/read.hpp) gives the same theory of change.

#include <filesystem>
#include <string>

#include <nlohmann/json.hpp>

#include "../../errors.hpp"
#include "../../file_io.hpp"
#include "../../fwd.hpp"
#include "../detail/kumu_writer.hpp"

namespace tocgraph {

/// The Kumu import blueprint of a theory of change. Throws Error for text
/// that is not valid UTF-8.
inline nlohmann::ordered_json to_kumu(const TheoryOfChange& toc) { return detail::kumu_blueprint(toc); }

/// The blueprint as text (2-space indent), ending with a newline.
inline std::string dumps_kumu(const TheoryOfChange& toc) {
    try {
        return to_kumu(toc).dump(2) + "\n";
    } catch (const nlohmann::json::type_error&) {
        throw Error("cannot write a Kumu blueprint: text is not valid UTF-8");
    }
}

/// Writes the blueprint to a file atomically; throws Error.
inline void save_kumu(const TheoryOfChange& toc, const std::filesystem::path& path) {
    write_file_atomically(path, dumps_kumu(toc));
}

}  // namespace tocgraph
