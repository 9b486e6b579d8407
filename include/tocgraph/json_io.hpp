#pragma once
// Reading and writing the canonical JSON file format (docs/format.md,
// schema/tocgraph.schema.json).
//
//   auto toc = tocgraph::load("toc.json");      // throws FormatError
//   tocgraph::save(toc, "toc.json");            // atomic replace; throws Error
//   std::string text = tocgraph::dumps(toc);    // loads(dumps(t)) == t
//
// Reading either returns a complete, valid TheoryOfChange or throws one
// FormatError naming the file, the JSON pointer (or line and column) and the
// problem. Writing is deterministic: members in the documented order,
// defaults left out, so files diff well.

#include <filesystem>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "file_io.hpp"
#include "detail/json/parse.hpp"
#include "detail/json/reader.hpp"
#include "detail/json/stream_reader.hpp"
#include "detail/json/writer.hpp"
#include "errors.hpp"
#include "theory_of_change.hpp"

namespace tocgraph {

/// The theory of change a parsed document describes; throws FormatError
/// (attributed to `file`) if it breaks any rule of the format.
inline TheoryOfChange toc_from_json(const nlohmann::json& document, const std::string& file = "<string>") {
    return detail::JsonReader(file).read(document);
}

/// The document for a theory of change. nlohmann::json sorts members by name;
/// dumps() and save() keep the documented order. Throws Error for values the
/// format cannot carry (a NaN, a date that does not exist).
inline nlohmann::json toc_to_json(const TheoryOfChange& toc) {
    return detail::JsonWriter<nlohmann::json>().write(toc);
}

/// Parses and reads a document held in memory; throws FormatError.
inline TheoryOfChange loads(std::string_view text, const std::string& file = "<string>") {
    const detail::JsonReader reader(file);
    // Element by element while the text is read; the whole document only
    // when that path declines (detail/json/stream_reader.hpp).
    if (auto toc = detail::StreamingTocReader(reader).read(text)) return std::move(*toc);
    return reader.read(detail::parse_document(text, file));
}

/// The file text for a theory of change, ending with a newline. `indent` < 0
/// writes it on one line. Throws Error as toc_to_json does, or if a string is not
/// valid UTF-8 ("cannot write /nodes/3/title: invalid UTF-8 byte at index 4: 0xFF").
/// The text is written as the model is walked, with no document in between.
inline std::string dumps(const TheoryOfChange& toc, int indent = 2) {
    std::string text = detail::write_json_text(toc, indent);
    text += '\n';
    return text;
}

/// Reads a file; throws FormatError, naming the file as given, if it cannot
/// be read ("cannot open file: No such file or directory"), is longer than
/// `max_bytes` ("file is larger than MAX_BYTES bytes") or is not valid.
inline TheoryOfChange load(const std::filesystem::path& path, std::size_t max_bytes = no_size_limit) {
    const std::string text = read_file(path, max_bytes);
    return tocgraph::loads(text, path.string());
}

/// Writes a file atomically: the target is either replaced whole or left as it
/// was. Throws Error naming the path and the reason on failure.
inline void save(const TheoryOfChange& toc, const std::filesystem::path& path, int indent = 2) {
    write_file_atomically(path, dumps(toc, indent));
}

}  // namespace tocgraph
