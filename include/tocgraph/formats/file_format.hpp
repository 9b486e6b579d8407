#pragma once
// Choosing a format by name or by file extension, and reading or writing a
// file in any of them: what `tocgraph convert` and tocgraph.convert use.
//
//   .json         tocgraph JSON; read: a Kumu blueprint too (it has "elements")
//   .kumu.json    Kumu blueprint (also .kumu)
//   .graphml      GraphML (write only)
//   .dagitty/.dag DAGitty model (write only)
//   .csv          logframe table (docs/logframe.md)

#include <filesystem>
#include <optional>
#include <string>
#include <string_view>

#include <nlohmann/json.hpp>

#include "../detail/json/parse.hpp"
#include "../detail/text/ascii.hpp"
#include "../enums.hpp"
#include "../errors.hpp"
#include "../file_io.hpp"
#include "../fwd.hpp"
#include "../json_io.hpp"
#include "dagitty/write.hpp"
#include "graphml/write.hpp"
#include "import_result.hpp"
#include "kumu/read.hpp"
#include "kumu/write.hpp"
#include "logframe/read.hpp"
#include "logframe/write.hpp"

namespace tocgraph {

enum class FileFormat { tocgraph_json, kumu, graphml, dagitty, logframe_csv };

/// The names `--from`/`--to` take: "json", "kumu", "graphml", "dagitty", "logframe-csv".
TOCGRAPH_ENUM_NAMES(FileFormat, {FileFormat::tocgraph_json, "json"},
                    {FileFormat::kumu, "kumu"},
                    {FileFormat::graphml, "graphml"},
                    {FileFormat::dagitty, "dagitty"},
                    {FileFormat::logframe_csv, "logframe-csv"})

constexpr std::string_view format_name(FileFormat f) { return to_string(f); }

/// The format called `name` (also "csv" and "tocgraph"); throws Error otherwise.
inline FileFormat parse_format_name(std::string_view name) {
    if (auto f = parse_enum<FileFormat>(name)) return *f;
    if (name == "csv") return FileFormat::logframe_csv;
    if (name == "tocgraph") return FileFormat::tocgraph_json;
    throw Error("unknown format \"" + std::string(name) +
                "\"; formats are \"json\", \"kumu\", \"graphml\", \"dagitty\" and \"logframe-csv\"");
}

/// The format a file name's extension names; throws Error when it names none.
inline FileFormat format_of_path(const std::filesystem::path& path) {
    const std::string name = detail::ascii_lower(path.filename().string());
    auto ends = [&](std::string_view suffix) { return name.ends_with(suffix); };
    if (ends(".kumu.json") || ends(".kumu")) return FileFormat::kumu;
    if (ends(".json")) return FileFormat::tocgraph_json;
    if (ends(".graphml")) return FileFormat::graphml;
    if (ends(".dagitty") || ends(".dag")) return FileFormat::dagitty;
    if (ends(".csv")) return FileFormat::logframe_csv;
    if (ends(".xlsx"))
        throw Error("\"" + path.string() +
                    "\": spreadsheets are read and written by the Python package "
                    "(tocgraph.read_logframe, TheoryOfChange.to_logframe)");
    throw Error("cannot tell the format of \"" + path.string() +
                "\" from its extension (.json, .kumu.json, .graphml, .dagitty, .csv); name it with --from or --to");
}

inline bool can_read(FileFormat f) {
    return f == FileFormat::tocgraph_json || f == FileFormat::kumu || f == FileFormat::logframe_csv;
}

/// Options of the readers that make decisions.
struct ReadOptions {
    KumuOptions kumu;
    LogframeReadOptions logframe;
    std::size_t max_bytes = no_size_limit;  ///< a longer file is refused (FormatError), not read
};

/// Reads a file in `format` (nullopt: by extension; a .json file holding a
/// Kumu blueprint is read as one), and sets `*read_as` (when given) to the
/// format it was read as. Throws FormatError or Error.
inline ImportResult read_file_as(const std::filesystem::path& path, std::optional<FileFormat> format = std::nullopt,
                                 const ReadOptions& options = {}, FileFormat* read_as = nullptr) {
    const FileFormat f = format ? *format : format_of_path(path);
    if (!can_read(f))
        throw Error("cannot read " + std::string(format_name(f)) + ": tocgraph writes this format only");
    const std::string text = read_file(path, options.max_bytes);
    const std::string file = path.string();
    if (read_as) *read_as = f;
    if (f == FileFormat::logframe_csv) return loads_logframe_csv(text, options.logframe, file);
    nlohmann::json document = detail::parse_document(text, file);
    const bool kumu = f == FileFormat::kumu ||
                      (!format && document.is_object() && document.contains("elements") && !document.contains("format"));
    if (read_as) *read_as = kumu ? FileFormat::kumu : FileFormat::tocgraph_json;
    if (kumu) return from_kumu(document, options.kumu, file);
    return {toc_from_json(document, file), {}};
}

/// Writes a file in `format` (nullopt: by extension), atomically.
inline void write_file_as(const TheoryOfChange& toc, const std::filesystem::path& path,
                          std::optional<FileFormat> format = std::nullopt) {
    switch (format ? *format : format_of_path(path)) {
        case FileFormat::tocgraph_json: save(toc, path); return;
        case FileFormat::kumu: save_kumu(toc, path); return;
        case FileFormat::graphml: save_graphml(toc, path); return;
        case FileFormat::dagitty: save_dagitty(toc, path); return;
        case FileFormat::logframe_csv: save_logframe_csv(toc, path); return;
    }
}

}  // namespace tocgraph
