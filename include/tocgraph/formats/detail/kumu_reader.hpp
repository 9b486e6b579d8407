#pragma once
// Reading a Kumu blueprint or project backup (see kumu/read.hpp for what the
// reader decides and reports).

#include <algorithm>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../analysis/order.hpp"
#include "../../detail/text/ascii.hpp"
#include "../../errors.hpp"
#include "../../json_io.hpp"
#include "../../theory_of_change.hpp"
#include "../../version.hpp"
#include "../import_result.hpp"
#include "../kumu/options.hpp"
#include "kumu_fields.hpp"

namespace tocgraph::detail {

/// Reads one Kumu blueprint or project backup into an ImportResult.
class KumuReader {
public:
    KumuReader(std::string file, KumuOptions options) : file_(std::move(file)), options_(std::move(options)) {}

    ImportResult read(const nlohmann::json& map) {
        if (!map.is_object()) fail("", "expected a Kumu blueprint (an object with \"elements\"), got " + kind(map));
        if (!map.contains("elements"))
            fail("", "not a Kumu blueprint: missing member \"elements\"");
        const auto& elements = array_at(map, "elements", "");
        static const nlohmann::json no_items = nlohmann::json::array();
        const auto& connections = map.contains("connections") ? array_at(map, "connections", "") : no_items;

        // The rest of the document, as our writer put it, or a fresh one.
        nlohmann::json doc = nlohmann::json::object();
        if (map.contains("tocgraph")) {
            if (!map["tocgraph"].is_object()) fail("/tocgraph", "expected an object, got " + kind(map["tocgraph"]));
            doc = map["tocgraph"];
            for (const char* member : {"format", "version", "nodes", "links"})
                if (doc.contains(member)) fail("/tocgraph", "unexpected member \"" + std::string(member) + "\"");
        }
        doc["format"] = file_format_tag;
        doc["version"] = file_format_version;
        if (!doc.contains("schema")) doc["schema"] = options_.schema;
        try {
            schema_ = schema_of(doc["schema"]);
        } catch (const FormatError& e) {
            fail(map.contains("tocgraph") ? "/tocgraph/schema" : "", e.problem());
        }
        default_level_ = choose_default_level();
        if (!doc.contains("metadata")) {
            nlohmann::json metadata = nlohmann::json::object();
            if (map.contains("name") && map["name"].is_string() && !map["name"].get<std::string>().empty())
                metadata["title"] = map["name"];
            if (map.contains("description") && map["description"].is_string() &&
                !map["description"].get<std::string>().empty())
                metadata["description"] = map["description"];
            if (!metadata.empty()) doc["metadata"] = std::move(metadata);
        }

        nlohmann::json nodes = nlohmann::json::array();
        for (std::size_t i = 0; i < elements.size(); ++i) nodes.push_back(element(elements[i], i));
        doc["nodes"] = std::move(nodes);
        doc["links"] = links(connections);
        report_levels();
        keep_loops(map, doc);

        ImportResult result{TheoryOfChange(), std::move(findings_)};
        try {
            result.toc = toc_from_json(doc, file_);
        } catch (const FormatError& e) {
            throw FormatError(file_, kumu_pointer(e.pointer()), e.problem());
        }
        report_cycles(result);
        return result;
    }

private:
    [[noreturn]] void fail(const std::string& pointer, const std::string& problem) const {
        throw FormatError(file_, pointer, problem);
    }
    static std::string kind(const nlohmann::json& v) {
        switch (v.type()) {
            case nlohmann::json::value_t::null: return "null";
            case nlohmann::json::value_t::boolean: return "boolean";
            case nlohmann::json::value_t::string: return "string";
            case nlohmann::json::value_t::array: return "array";
            case nlohmann::json::value_t::object: return "object";
            default: return "number";
        }
    }
    const nlohmann::json& array_at(const nlohmann::json& object, const char* member, const std::string& pointer) const {
        const auto& value = object[member];
        if (!value.is_array()) fail(pointer + "/" + member, "expected an array, got " + kind(value));
        return value;
    }
    static LevelSchema schema_of(const nlohmann::json& schema) {
        nlohmann::json probe = {{"format", file_format_tag}, {"version", file_format_version}, {"schema", schema}};
        return toc_from_json(probe, "<schema>").schema();
    }
    std::string choose_default_level() const {
        if (!options_.default_level.empty()) {
            if (!schema_.contains(options_.default_level))
                throw Error("default level \"" + options_.default_level + "\" is not a level of schema \"" +
                            schema_.name() + "\", which has " + schema_.choices());
            return options_.default_level;
        }
        std::vector<const Level*> outcomes;
        for (const Level& l : schema_.levels())
            if (l.role == LevelRole::outcome) outcomes.push_back(&l);
        if (outcomes.empty()) return schema_.levels()[schema_.size() / 2].id;
        return outcomes[(outcomes.size() - 1) / 2]->id;
    }
    std::optional<std::string> level_with_role(LevelRole role) const {
        for (const Level& l : schema_.levels())
            if (l.role == role) return l.id;
        return std::nullopt;
    }
    /// The level named by a "level" field: a level id, or a label in any case.
    std::optional<std::string> level_named(const std::string& text) const {
        if (schema_.contains(text)) return text;
        const std::string lower = ascii_lower(text);
        std::string normalised = lower;
        std::replace(normalised.begin(), normalised.end(), ' ', '_');
        std::replace(normalised.begin(), normalised.end(), '-', '_');
        for (const Level& l : schema_.levels())
            if (ascii_lower(l.label) == lower || l.id == normalised) return l.id;
        return std::nullopt;
    }
    /// The level an element type maps to, and how it was found.
    std::pair<std::string, bool> level_of_type(const std::string& type) const {
        const std::string lower = ascii_lower(type);
        for (const auto& [name, level] : options_.type_levels)
            if (ascii_lower(name) == lower) {
                if (!schema_.contains(level))
                    throw Error("type_levels maps \"" + name + "\" to \"" + level + "\", which is not a level of schema \"" +
                                schema_.name() + "\"; it has " + schema_.choices());
                return {level, true};
            }
        if (auto l = level_named(type)) return {*l, true};
        auto has = [&](std::initializer_list<const char*> words) {
            return std::any_of(words.begin(), words.end(),
                               [&](const char* w) { return lower.find(w) != std::string::npos; });
        };
        std::optional<std::string> level;
        if (has({"goal", "impact", "vision", "mission"})) level = level_with_role(LevelRole::goal);
        else if (has({"pathway"})) level = level_with_role(LevelRole::pathway);
        else if (has({"outcome", "result", "objective", "purpose"})) level = default_outcome();
        else if (has({"output"})) level = level_with_role(LevelRole::output);
        else if (has({"activity", "activities", "action", "intervention", "strategy"}))
            level = level_with_role(LevelRole::activity);
        else if (has({"input", "resource"}))
            level = level_with_role(LevelRole::input) ? level_with_role(LevelRole::input)
                                                      : level_with_role(LevelRole::activity);
        if (level) return {*level, true};
        return {default_level_, false};
    }
    std::string default_outcome() const {
        std::vector<std::string> outcomes;
        for (const Level& l : schema_.levels())
            if (l.role == LevelRole::outcome) outcomes.push_back(l.id);
        return outcomes.empty() ? default_level_ : outcomes[(outcomes.size() - 1) / 2];
    }

    /// The fields of an element or connection: a backup's "attributes"
    /// object, or the blueprint object itself.
    static bool is_backup(const nlohmann::json& item) {
        return item.contains("_id") && item.contains("attributes") && item["attributes"].is_object();
    }
    static const nlohmann::json& fields_of(const nlohmann::json& item) {
        return is_backup(item) ? item["attributes"] : item;
    }
    std::string string_field(const nlohmann::json& value, const std::string& pointer) const {
        if (value.is_null()) return "";
        if (!value.is_string()) fail(pointer, "expected a string, got " + kind(value));
        return value.get<std::string>();
    }
    static std::string escape_pointer(const std::string& key) {
        std::string out;
        for (char c : key) out += c == '~' ? std::string("~0") : c == '/' ? std::string("~1") : std::string(1, c);
        return out;
    }
    /// Merges the members of a "tocgraph" field (JSON text) into `item`.
    void merge_blob(nlohmann::json& item, const nlohmann::json& blob, const std::string& pointer) const {
        if (!blob.is_string()) fail(pointer, "expected a string of JSON text, got " + kind(blob));
        nlohmann::json parsed;
        try {
            parsed = parse_document(blob.get<std::string>(), file_);
        } catch (const FormatError& e) {
            fail(pointer, "invalid JSON text: " + e.problem());
        }
        if (!parsed.is_object()) fail(pointer, "expected JSON text of an object, got " + kind(parsed));
        for (auto& [key, value] : parsed.items()) {
            // The blob's attributes join those the element's own fields gave
            // (its element type among them) instead of replacing them.
            if (key == "attributes" && value.is_object() && item.contains("attributes") &&
                item["attributes"].is_object())
                for (auto& [name, v] : value.items()) item["attributes"][name] = v;
            else
                item[key] = value;
        }
    }

    nlohmann::json element(const nlohmann::json& e, std::size_t index) {
        const std::string pointer = "/elements/" + std::to_string(index);
        if (!e.is_object()) fail(pointer, "expected an object, got " + kind(e));
        const bool backup = is_backup(e);
        const nlohmann::json& fields = fields_of(e);
        const std::string fields_pointer = backup ? pointer + "/attributes" : pointer;
        nlohmann::json node = nlohmann::json::object();
        nlohmann::json attributes = nlohmann::json::object();
        std::string label, type, level_field, id;
        const nlohmann::json* blob = nullptr;
        std::string blob_pointer;
        for (const auto& [key, value] : fields.items()) {
            const std::string lower = ascii_lower(key), at = fields_pointer + "/" + escape_pointer(key);
            if (lower == "label") label = string_field(value, at);
            else if (lower == "type" || lower == "element type") type = string_field(value, at);
            else if (lower == "level") level_field = string_field(value, at);
            else if (lower == "id" && !backup) id = string_field(value, at);
            else if (lower == "description") {
                if (!string_field(value, at).empty()) node["description"] = value;
            } else if (lower == "tags") {
                if (value.is_string()) {
                    if (!value.get<std::string>().empty()) node["tags"] = nlohmann::json::array({value});
                } else if (!value.is_null()) {
                    node["tags"] = value;
                }
            } else if (lower == "tocgraph") {
                blob = &value;
                blob_pointer = at;
            } else if (lower == "_id" && !backup) {
                id = string_field(value, at);
            } else if (!value.is_null()) {
                attributes[key] = value;
            }
        }
        if (backup) id = string_field(e["_id"], pointer + "/_id");
        if (id.empty()) id = label;
        if (id.empty()) fail(pointer, "element has no id and no label");
        if (!labels_.emplace(label, id).second) ambiguous_labels_.insert(label);
        ids_.insert(id);

        std::string level;
        if (!level_field.empty()) {
            auto named = level_named(level_field);
            if (!named)
                fail(fields_pointer + "/level", "unknown level \"" + level_field + "\"; schema \"" + schema_.name() +
                                                    "\" has " + schema_.choices());
            level = *named;
        } else if (!type.empty()) {
            auto [found, matched] = level_of_type(type);
            level = found;
            auto& group = typed_[{type, level}];
            group.first = matched;
            group.second.push_back(id);
        } else {
            level = default_level_;
            untyped_.push_back(id);
        }
        node_levels_[id] = level;
        node["id"] = id;
        node["level"] = level;
        if (!label.empty()) node["title"] = label;
        if (!type.empty() && ascii_lower(type) != ascii_lower(schema_.level(level).label) && type != level)
            attributes["element type"] = type;
        if (!attributes.empty()) node["attributes"] = std::move(attributes);
        if (blob) merge_blob(node, *blob, blob_pointer);
        return node;
    }

    std::string resolve(const nlohmann::json& ref, const std::string& pointer) const {
        const std::string text = string_field(ref, pointer);
        if (ids_.contains(text)) return text;
        if (auto it = labels_.find(text); it != labels_.end() && !text.empty()) {
            if (ambiguous_labels_.contains(text))
                fail(pointer, "label \"" + text + "\" names more than one element; connect by id instead");
            return it->second;
        }
        fail(pointer, "unknown element \"" + text + "\"");
    }

    nlohmann::json links(const nlohmann::json& connections) {
        nlohmann::json out = nlohmann::json::array();
        std::map<std::pair<std::string, std::string>, std::size_t> seen;  // link -> its connection
        auto add = [&](nlohmann::json link, std::size_t index, const std::string& kumu_id) {
            const std::pair<std::string, std::string> key{link["source"].get<std::string>(),
                                                          link["target"].get<std::string>()};
            if (auto it = seen.find(key); it != seen.end()) {
                duplicates_.push_back({key.first + "->" + key.second, kumu_id, it->second, index});
                return;
            }
            seen.emplace(key, index);
            link_connection_.push_back(index);
            out.push_back(std::move(link));
        };
        for (std::size_t i = 0; i < connections.size(); ++i) {
            const std::string pointer = "/connections/" + std::to_string(i);
            const nlohmann::json& c = connections[i];
            if (!c.is_object()) fail(pointer, "expected an object, got " + kind(c));
            const bool backup = is_backup(c);
            const nlohmann::json& fields = fields_of(c);
            const std::string fields_pointer = backup ? pointer + "/attributes" : pointer;
            for (const char* end : {"from", "to"})
                if (!c.contains(end)) fail(pointer, "missing required member \"" + std::string(end) + "\"");
            std::string source = resolve(c["from"], pointer + "/from");
            std::string target = resolve(c["to"], pointer + "/to");
            // Kumu's direction; a backup may keep it among the fields, where it
            // is the direction too and never a field of the link's own.
            std::string direction = "directed", direction_pointer = pointer + "/direction";
            const nlohmann::json* direction_value = c.contains("direction") ? &c["direction"] : nullptr;
            if (!direction_value && backup && fields.contains("direction")) {
                direction_value = &fields["direction"];
                direction_pointer = fields_pointer + "/direction";
            }
            if (direction_value) {
                direction = string_field(*direction_value, direction_pointer);
                if (direction != "directed" && direction != "undirected" && direction != "mutual")
                    fail(direction_pointer, "unknown value \"" + direction +
                                                "\"; expected \"directed\", \"undirected\" or \"mutual\"");
            }
            if (c.contains("reversed") && c["reversed"] == true) std::swap(source, target);
            std::string kumu_id;
            if (c.contains("_id") && c["_id"].is_string()) kumu_id = c["_id"].get<std::string>();
            else if (c.contains("id") && c["id"].is_string()) kumu_id = c["id"].get<std::string>();
            if (!kumu_id.empty()) connection_link_[kumu_id] = source + "->" + target;
            if (source == target) {
                self_links_.push_back(kumu_id.empty() ? pointer : kumu_id);
                continue;
            }
            nlohmann::json link = nlohmann::json::object();
            nlohmann::json attributes = nlohmann::json::object();
            const nlohmann::json* blob = nullptr;
            std::string blob_pointer;
            for (const auto& [key, value] : fields.items()) {
                const std::string lower = ascii_lower(key), at = fields_pointer + "/" + escape_pointer(key);
                if (!backup && kumu_connection_key(lower) && lower != "description" && lower != "tocgraph") continue;
                if (backup && key == "direction") continue;  // read above
                if (lower == "description") {
                    if (!string_field(value, at).empty()) link["rationale"] = value;
                } else if (lower == "tocgraph") {
                    blob = &value;
                    blob_pointer = at;
                } else if (!value.is_null()) {
                    attributes[key] = value;
                }
            }
            if (c.contains("delayed") && c["delayed"] == true && backup) attributes["delayed"] = true;
            if (direction != "directed") {
                attributes["direction"] = direction;
                const std::size_t rs = *schema_.rank(level_of_node(source)), rt = *schema_.rank(level_of_node(target));
                if (direction == "undirected" && rs < rt) std::swap(source, target);  // lower level first
                undirected_.push_back({direction, source + "->" + target, rs == rt});
            }
            link["source"] = source;
            link["target"] = target;
            if (!attributes.empty()) link["attributes"] = attributes;
            if (blob) merge_blob(link, *blob, blob_pointer);
            // The blob's attributes replace the fields'; the direction stays.
            if (direction != "directed") {
                nlohmann::json& kept = link["attributes"];
                if (kept.is_null()) kept = nlohmann::json::object();
                if (kept.is_object()) kept["direction"] = direction;  // else refused as the link is read
            }
            if (direction == "mutual") {
                nlohmann::json back = link;
                back["source"] = target;
                back["target"] = source;
                add(std::move(link), i, kumu_id);
                add(std::move(back), i, kumu_id);
            } else {
                add(std::move(link), i, kumu_id);
            }
        }
        return out;
    }
    std::string level_of_node(const std::string& id) const { return node_levels_.at(id); }

    void report_levels() {
        for (const auto& [key, group] : typed_) {
            const auto& [type, level] = key;
            const auto& [matched, ids] = group;
            if (ascii_lower(type) == ascii_lower(schema_.level(level).label) || type == level) continue;
            findings_.push_back({.code = matched ? "IMP101" : "IMP102",
                                 .severity = matched ? Severity::info : Severity::warning,
                                 .message = std::to_string(ids.size()) + (ids.size() == 1 ? " element" : " elements") +
                                            " of Kumu type \"" + type + "\" placed at level \"" + level + "\"" +
                                            (matched ? "" : " (no level matches the type)"),
                                 .ids = ids,
                                 .hint = "map element types to levels with type_levels (--type-level TYPE=LEVEL)"});
        }
        if (!untyped_.empty()) {
            findings_.push_back(
                {.code = "IMP102",
                 .severity = Severity::warning,
                 .message = std::to_string(untyped_.size()) + (untyped_.size() == 1 ? " element has" : " elements have") +
                            " no level and no element type: placed at level \"" + default_level_ + "\"",
                 .ids = untyped_,
                 .hint = "give elements a \"level\" or an element type, or choose default_level (--default-level)"});
        }
        for (const auto& u : undirected_) {
            findings_.push_back({.code = "IMP103",
                                 .severity = Severity::info,
                                 .message = u.direction == "mutual"
                                                ? "mutual connection " + u.link + " became links in both directions"
                                                : "undirected connection became link " + u.link +
                                                      (u.same_level ? " (as written: both ends are at the same level)"
                                                                    : " (from the lower level to the higher)"),
                                 .ids = {u.link},
                                 .hint = "the Kumu direction is kept in the link's attributes (\"direction\")"});
        }
        for (const auto& d : duplicates_) {
            findings_.push_back({.code = "IMP104",
                                 .severity = Severity::warning,
                                 .message = "connection " + std::to_string(d.dropped) +
                                            (d.kumu_id.empty() ? "" : " (" + d.kumu_id + ")") + " repeats link " +
                                            d.link + " of connection " + std::to_string(d.kept) + ": dropped",
                                 .ids = {d.link},
                                 .hint = "a theory of change has at most one link from one result to another"});
        }
        for (const auto& s : self_links_) {
            findings_.push_back({.code = "IMP105",
                                 .severity = Severity::warning,
                                 .message = "connection " + s + " joins an element to itself: dropped",
                                 .ids = {s},
                                 .hint = ""});
        }
    }

    /// Kumu's named loops go to metadata.attributes.kumu_loops, their
    /// connections named as links "source->target".
    void keep_loops(const nlohmann::json& map, nlohmann::json& doc) {
        if (!map.contains("loops") || !map["loops"].is_array() || map["loops"].empty()) return;
        nlohmann::json loops = nlohmann::json::array();
        for (std::size_t i = 0; i < map["loops"].size(); ++i) {
            const nlohmann::json& loop = map["loops"][i];
            const std::string pointer = "/loops/" + std::to_string(i);
            if (!loop.is_object()) fail(pointer, "expected an object, got " + kind(loop));
            nlohmann::json kept = nlohmann::json::object();
            if (loop.contains("_id")) kept["id"] = loop["_id"];
            else if (loop.contains("id")) kept["id"] = loop["id"];
            const nlohmann::json& fields = loop.contains("attributes") && loop["attributes"].is_object() ? loop["attributes"] : loop;
            for (const char* member : {"label", "description"})
                if (fields.contains(member) && fields[member].is_string()) kept[member] = fields[member];
            nlohmann::json links = nlohmann::json::array();
            if (loop.contains("connections") && loop["connections"].is_array())
                for (const auto& c : loop["connections"])
                    if (c.is_string())
                        if (auto it = connection_link_.find(c.get<std::string>()); it != connection_link_.end())
                            links.push_back(it->second);
            kept["links"] = std::move(links);
            loops.push_back(std::move(kept));
        }
        nlohmann::json& metadata = doc["metadata"];
        if (!metadata.is_object()) metadata = nlohmann::json::object();
        nlohmann::json& attributes = metadata["attributes"];
        if (!attributes.is_object()) attributes = nlohmann::json::object();
        attributes["kumu_loops"] = std::move(loops);
    }

    void report_cycles(ImportResult& result) const {
        try {
            topological_order(result.toc);
        } catch (const CycleError& e) {
            result.findings.push_back(
                {.code = "IMP106",
                 .severity = Severity::warning,
                 .message = std::string(e.what()) + "; cycles are kept as they are",
                 .ids = e.cycle(),
                 .hint = "analyses that need an acyclic graph (paths, DAGitty output) refuse this theory of change"});
        }
    }

    /// A pointer of the generated document, as a place in the Kumu file.
    std::string kumu_pointer(const std::string& pointer) const {
        auto remap = [&](const std::string& prefix, const std::string& to, auto index_of) -> std::optional<std::string> {
            if (pointer.rfind(prefix, 0) != 0) return std::nullopt;
            std::size_t end = pointer.find('/', prefix.size());
            const std::string number = pointer.substr(prefix.size(), end - prefix.size());
            const std::size_t index = index_of(std::stoul(number));
            return to + std::to_string(index) + (end == std::string::npos ? "" : pointer.substr(end));
        };
        if (auto p = remap("/nodes/", "/elements/", [](std::size_t i) { return i; })) return *p;
        if (auto p = remap("/links/", "/connections/", [&](std::size_t i) { return link_connection_.at(i); })) return *p;
        return "/tocgraph" + pointer;
    }

    std::string file_;
    KumuOptions options_;
    LevelSchema schema_ = LevelSchema::theory_of_change();
    std::string default_level_;
    std::set<std::string> ids_;
    std::map<std::string, std::string> labels_;  // label -> id
    std::set<std::string> ambiguous_labels_;
    std::map<std::string, std::string> node_levels_;
    std::map<std::string, std::string> connection_link_;  // Kumu connection id -> "source->target"
    std::vector<std::size_t> link_connection_;             // link index -> connection index
    std::map<std::pair<std::string, std::string>, std::pair<bool, std::vector<std::string>>> typed_;
    std::vector<std::string> untyped_;
    struct Undirected {
        std::string direction, link;
        bool same_level;
    };
    std::vector<Undirected> undirected_;
    struct Duplicate {
        std::string link, kumu_id;
        std::size_t kept, dropped;
    };
    std::vector<Duplicate> duplicates_;
    std::vector<std::string> self_links_;
    std::vector<Finding> findings_;
};

}  // namespace tocgraph::detail
