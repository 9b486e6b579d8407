#pragma once
// How diffs, merges and reports print paths, element keys and JSON values:
//
//   title                                               a member
//   budget.amount                                       a member of a member
//   tags[victim_rights]                                 an array element by value
//   targets[2022-01-01..2022-12-31 country=KH].value    an array element by key

#include <cstddef>
#include <string>

#include <nlohmann/json.hpp>

#include "change.hpp"

namespace tocgraph {

/// A JSON value on one line, strings quoted; `max_chars` > 0 shortens longer
/// texts with "...". Strings that are not valid UTF-8 print with U+FFFD.
inline std::string value_text(const nlohmann::json& value, std::size_t max_chars = 0) {
    std::string out = value.dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
    if (max_chars > 3 && out.size() > max_chars) {
        std::size_t cut = max_chars - 3;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;  // whole UTF-8 characters
        out = out.substr(0, cut) + "...";
    }
    return out;
}

/// An element key as text: an id as it is, a link as "source->target", a
/// value's identity as "start..end date year k=v", anything else as JSON.
inline std::string key_text(const nlohmann::json& key) {
    if (key.is_string()) return key.get<std::string>();
    if (!key.is_object()) return value_text(key);
    for (const auto& [member, value] : key.items())
        if (member != "period" && member != "date" && member != "year" && member != "dimensions" &&
            member != "source" && member != "target")
            return value_text(key);
    if (key.contains("source") && key.contains("target") && key["source"].is_string() &&
        key["target"].is_string())
        return key["source"].get<std::string>() + "->" + key["target"].get<std::string>();
    std::string out;
    auto part = [&](const std::string& text) { out += (out.empty() ? "" : " ") + text; };
    if (auto p = key.find("period"); p != key.end()) {
        if (p->is_object() && p->contains("start") && p->contains("end") && (*p)["start"].is_string() &&
            (*p)["end"].is_string())
            part((*p)["start"].get<std::string>() + ".." + (*p)["end"].get<std::string>());
        else
            part(value_text(*p));
    }
    for (const char* member : {"date", "year"})
        if (auto d = key.find(member); d != key.end()) part(d->is_string() ? d->get<std::string>() : value_text(*d));
    if (auto d = key.find("dimensions"); d != key.end()) {
        if (d->is_object())
            for (const auto& [name, value] : d->items())
                part(name + "=" + (value.is_string() ? value.get<std::string>() : value_text(value)));
        else
            part(value_text(*d));
    }
    return out;
}

/// A path inside an element, as in "targets[2022-01-01..2022-12-31].value";
/// empty for the element itself.
inline std::string path_text(const FieldPath& path) {
    std::string out;
    for (const PathStep& step : path) {
        if (step.kind == PathStep::Kind::member) {
            if (!out.empty()) out += '.';
            out += step.name;
        } else {
            out += '[' + key_text(step.key) + ']';
        }
    }
    return out;
}

}  // namespace tocgraph
