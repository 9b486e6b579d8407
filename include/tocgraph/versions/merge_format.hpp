#pragma once
// Merge conflicts as text and as JSON.
//
//   both_changed: node io1, title
//       base:   "Planning"
//       ours:   "Ours"
//       theirs: "Theirs"
//       -> kept ours

#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "diff_json.hpp"
#include "merge_result.hpp"
#include "path_text.hpp"

namespace tocgraph {

/// "node io1, title", "schema", "link a->b": the element and field of a conflict.
inline std::string conflict_place(const Conflict& c) {
    std::string out = c.key.is_null() ? c.collection : item_noun(c.collection) + " " + c.id;
    if (!c.field.empty()) out += ", " + path_text(c.field);
    return out;
}

/// The conflict on several lines: kind and place, message, the three values
/// (shortened to `max_chars` each when > 0), then what the result holds.
inline std::string to_text(const Conflict& c, std::size_t max_chars = 200) {
    std::ostringstream out;
    out << to_string(c.kind) << ": " << conflict_place(c) << '\n';
    if (!c.message.empty()) out << "    " << c.message << '\n';
    auto value = [&](const char* label, const std::optional<nlohmann::json>& v) {
        out << "    " << label << (v ? value_text(*v, max_chars) : std::string("(none)")) << '\n';
    };
    value("base:   ", c.base);
    value("ours:   ", c.ours);
    value("theirs: ", c.theirs);
    out << "    -> " << c.resolution << '\n';
    return out.str();
}

/// {"kind", "collection", "id", "key", "field" (text), "path" (steps), "base",
/// "ours", "theirs" (left out when absent), "message", "resolution"}.
inline void to_json(nlohmann::json& o, const Conflict& c) {
    o = {{"kind", std::string(to_string(c.kind))},
                        {"collection", c.collection},
                        {"id", c.id},
                        {"key", c.key},
                        {"field", path_text(c.field)},
                        {"path", field_path_json(c.field)}};
    if (c.base) o["base"] = *c.base;
    if (c.ours) o["ours"] = *c.ours;
    if (c.theirs) o["theirs"] = *c.theirs;
    o["message"] = c.message;
    o["resolution"] = c.resolution;
}

}  // namespace tocgraph
