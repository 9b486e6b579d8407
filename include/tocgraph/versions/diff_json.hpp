#pragma once
// A Diff as JSON, and back:
//
//   {"format": "tocgraph-diff", "version": 1,
//    "counts": {"added": 2, "removed": 1, "changed": 3, "renamed": 0, "total": 6},
//    "collections": {"nodes": {"added": 1, ...}, ...},
//    "changes": [
//      {"collection": "nodes", "id": "io_1_1", "key": "io_1_1", "change": "changed",
//       "old": {...}, "new": {...},
//       "fields": [{"path": ["title"], "field": "title", "change": "changed",
//                   "old": "...", "new": "..."}]},
//      {"collection": "links", "id": "a->b", "key": {"source": "a", "target": "b"},
//       "change": "added", "new": {...}, "after": {"source": "c", "target": "b"}},
//      ...]}
//
// A path step is a member name (a string), {"key": K} for an array element
// picked by identity or {"value": V} for one picked by value. "after" is the
// key of the element an added one follows; "first": true when it comes first.

#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "../enums.hpp"
#include "../errors.hpp"
#include "change.hpp"
#include "path_text.hpp"

namespace tocgraph {

inline constexpr const char* diff_format_tag = "tocgraph-diff";
inline constexpr int diff_format_version = 1;

/// Change counts as JSON: {"added", "removed", "changed", "renamed", "total"}.
inline nlohmann::json change_counts_json(const ChangeCounts& c) {
    return {{"added", c.added}, {"removed", c.removed}, {"changed", c.changed}, {"renamed", c.renamed},
            {"total", c.total()}};
}

/// A field path as JSON, as the diff format writes it: an array of steps,
/// a member name as a string, {"key": K} for an array element picked by
/// identity, {"value": V} for one picked by value.
inline nlohmann::json field_path_json(const FieldPath& path) {
    nlohmann::json out = nlohmann::json::array();
    for (const PathStep& s : path) {
        switch (s.kind) {
            case PathStep::Kind::member: out.push_back(s.name); break;
            case PathStep::Kind::keyed: out.push_back({{"key", s.key}}); break;
            case PathStep::Kind::by_value: out.push_back({{"value", s.key}}); break;
        }
    }
    return out;
}

namespace detail {

inline void put_position(nlohmann::json& o, const std::optional<nlohmann::json>& after) {
    if (after) o["after"] = *after;
    else o["first"] = true;
}

inline nlohmann::json field_json(const FieldChange& f) {
    nlohmann::json o = {{"path", field_path_json(f.path)}, {"field", path_text(f.path)},
                        {"change", std::string(to_string(f.kind))}};
    if (f.old_value) o["old"] = *f.old_value;
    if (f.new_value) o["new"] = *f.new_value;
    if (f.kind == ChangeKind::added && !f.path.empty() && f.path.back().is_element()) put_position(o, f.after);
    return o;
}

// ---- reading back ------------------------------------------------------------------

[[noreturn]] inline void bad_diff(const std::string& pointer, const std::string& problem) {
    throw FormatError("<diff>", pointer, problem);
}

inline const nlohmann::json& need(const nlohmann::json& o, const char* name, const std::string& p) {
    if (!o.is_object()) bad_diff(p, "expected an object");
    auto it = o.find(name);
    if (it == o.end()) bad_diff(p, std::string("missing required member \"") + name + "\"");
    return *it;
}

inline std::string need_string(const nlohmann::json& o, const char* name, const std::string& p) {
    const auto& v = need(o, name, p);
    if (!v.is_string()) bad_diff(p + "/" + name, "expected a string");
    return v.get<std::string>();
}

inline ChangeKind change_kind(const nlohmann::json& o, const std::string& p) {
    const std::string text = need_string(o, "change", p);
    if (auto k = parse_enum<ChangeKind>(text)) return *k;
    bad_diff(p + "/change", "unknown change \"" + text + "\"; expected " + enum_choices<ChangeKind>());
}

inline std::optional<nlohmann::json> optional_member(const nlohmann::json& o, const char* name) {
    auto it = o.find(name);
    return it == o.end() ? std::nullopt : std::optional<nlohmann::json>(*it);
}

inline FieldPath path_from_json(const nlohmann::json& v, const std::string& p) {
    if (!v.is_array()) bad_diff(p, "expected an array");
    FieldPath out;
    for (std::size_t i = 0; i < v.size(); ++i) {
        const auto& s = v[i];
        const std::string sp = p + "/" + std::to_string(i);
        if (s.is_string()) out.push_back(PathStep::member(s.get<std::string>()));
        else if (s.is_object() && s.size() == 1 && s.contains("key")) out.push_back(PathStep::keyed(s["key"]));
        else if (s.is_object() && s.size() == 1 && s.contains("value")) out.push_back(PathStep::by_value(s["value"]));
        else bad_diff(sp, "expected a member name, {\"key\": ...} or {\"value\": ...}");
    }
    return out;
}

}  // namespace detail

/// The JSON form of a diff (see the top of this file).
inline void to_json(nlohmann::json& out, const Diff& d) {
    nlohmann::json collections = nlohmann::json::object();
    for (const auto& [collection, counts] : d.counts_by_collection())
        collections[collection] = change_counts_json(counts);
    nlohmann::json changes = nlohmann::json::array();
    for (const ItemChange& item : d.changes) {
        nlohmann::json o = {{"collection", item.collection}, {"id", item.id}, {"key", item.key},
                            {"change", std::string(to_string(item.kind))}};
        if (item.kind == ChangeKind::renamed) o["new_id"] = item.new_id;
        if (!item.old_value.is_null()) o["old"] = item.old_value;
        if (!item.new_value.is_null()) o["new"] = item.new_value;
        if (item.kind == ChangeKind::added && !item.is_singleton()) detail::put_position(o, item.after);
        if (item.kind == ChangeKind::changed || item.kind == ChangeKind::renamed) {
            nlohmann::json fields = nlohmann::json::array();
            for (const FieldChange& f : item.fields) fields.push_back(detail::field_json(f));
            o["fields"] = std::move(fields);
        }
        changes.push_back(std::move(o));
    }
    out = {{"format", diff_format_tag},
           {"version", diff_format_version},
           {"counts", change_counts_json(d.counts())},
           {"collections", std::move(collections)},
           {"changes", std::move(changes)}};
}

/// A diff from its JSON form; throws FormatError (file "<diff>") naming the
/// JSON pointer of a member that is missing or of the wrong type.
inline Diff diff_from_json(const nlohmann::json& doc) {
    using detail::bad_diff;
    if (!doc.is_object()) bad_diff("", "expected an object");
    if (doc.value("format", std::string()) != diff_format_tag)
        bad_diff("/format", std::string("expected \"") + diff_format_tag + "\"");
    const auto& version = detail::need(doc, "version", "");
    if (!version.is_number_integer() || version.get<long long>() < 1 || version.get<long long>() > diff_format_version)
        bad_diff("/version", "unsupported diff format version " + version.dump());
    const auto& changes = detail::need(doc, "changes", "");
    if (!changes.is_array()) bad_diff("/changes", "expected an array");
    Diff out;
    for (std::size_t i = 0; i < changes.size(); ++i) {
        const std::string p = "/changes/" + std::to_string(i);
        const auto& c = changes[i];
        ItemChange item;
        item.collection = detail::need_string(c, "collection", p);
        item.id = detail::need_string(c, "id", p);
        item.key = detail::need(c, "key", p);
        item.kind = detail::change_kind(c, p);
        if (item.kind == ChangeKind::renamed) item.new_id = detail::need_string(c, "new_id", p);
        item.old_value = c.value("old", nlohmann::json());
        item.new_value = c.value("new", nlohmann::json());
        if (item.kind == ChangeKind::added && !item.is_singleton()) item.after = detail::optional_member(c, "after");
        if (item.kind == ChangeKind::added && item.new_value.is_null() && !item.is_singleton())
            bad_diff(p, "an added element needs \"new\"");
        if (item.kind == ChangeKind::removed && item.old_value.is_null() && !item.is_singleton())
            bad_diff(p, "a removed element needs \"old\"");
        if (auto fields = c.find("fields"); fields != c.end()) {
            if (!fields->is_array()) bad_diff(p + "/fields", "expected an array");
            for (std::size_t k = 0; k < fields->size(); ++k) {
                const std::string fp = p + "/fields/" + std::to_string(k);
                const auto& f = (*fields)[k];
                FieldChange change;
                change.path = detail::path_from_json(detail::need(f, "path", fp), fp + "/path");
                change.kind = detail::change_kind(f, fp);
                if (change.kind == ChangeKind::renamed) bad_diff(fp + "/change", "a field cannot be renamed");
                change.old_value = detail::optional_member(f, "old");
                change.new_value = detail::optional_member(f, "new");
                if (change.kind != ChangeKind::added && !change.old_value) bad_diff(fp, "missing required member \"old\"");
                if (change.kind != ChangeKind::removed && !change.new_value) bad_diff(fp, "missing required member \"new\"");
                change.after = detail::optional_member(f, "after");
                item.fields.push_back(std::move(change));
            }
        }
        out.changes.push_back(std::move(item));
    }
    return out;
}

}  // namespace tocgraph
