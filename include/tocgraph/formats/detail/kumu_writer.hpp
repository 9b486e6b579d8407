#pragma once
// Writing a Kumu import blueprint: an element per node, a connection per
// link, user attributes as Kumu fields and everything else as "tocgraph"
// JSON text, so that reading the blueprint back gives the same ToC.

#include <set>
#include <string>
#include <utility>

#include <nlohmann/json.hpp>

#include "../../detail/text/ascii.hpp"
#include "../../theory_of_change.hpp"
#include "json_fields.hpp"
#include "kumu_fields.hpp"

namespace tocgraph::detail {

/// An element's or a connection's JSON form split for Kumu: fields Kumu
/// knows, the user's attributes as fields, the rest as "tocgraph" JSON text.
template <typename Reserved>
void put_kumu_fields(OrderedJson& out, const OrderedJson& item, const std::set<std::string>& native,
                     Reserved reserved, const std::string& where) {
    OrderedJson rest = OrderedJson::object();
    const OrderedJson* attributes = nullptr;
    for (const auto& [key, value] : item.items()) {
        if (native.contains(key)) continue;
        if (key == "attributes" && value.is_object())
            attributes = &value;
        else
            rest[key] = value;
    }
    if (attributes) {
        bool clash = false;
        std::set<std::string> seen;
        for (const auto& [key, value] : attributes->items()) {
            const std::string lower = ascii_lower(key);
            // Kumu compares field names without case: two that differ only by
            // case, or one Kumu reads itself, cannot be separate fields; and an
            // empty (null) field is no field to Kumu, so it would be lost.
            if (reserved(lower) || !seen.insert(lower).second || value.is_null()) clash = true;
        }
        if (clash || attributes->empty()) {
            rest["attributes"] = *attributes;
        } else {
            for (const auto& [key, value] : attributes->items()) out[key] = value;
        }
    }
    if (!rest.empty()) out["tocgraph"] = field_text(rest, where);
}


/// The Kumu import blueprint of a theory of change (see kumu/write.hpp).
inline nlohmann::ordered_json kumu_blueprint(const TheoryOfChange& toc) {
    const OrderedJson doc = ordered_document(toc);
    OrderedJson out = OrderedJson::object();
    OrderedJson elements = OrderedJson::array(), connections = OrderedJson::array();
    static const std::set<std::string> node_native = {"id", "title", "level", "description", "tags"};
    static const std::set<std::string> link_native = {"source", "target", "rationale"};
    if (doc.contains("nodes"))
        for (std::size_t i = 0; i < doc["nodes"].size(); ++i) {
            const OrderedJson& n = doc["nodes"][i];
            const Level& level = toc.schema().level(n["level"].get<std::string>());
            OrderedJson e = OrderedJson::object();
            e["id"] = n["id"];
            e["label"] = n.value("title", "");
            e["type"] = level.label.empty() ? level.id : level.label;
            // An element type read from Kumu that is not the level's name
            // goes back as the type.
            OrderedJson item = n;
            if (item.contains("attributes") && item["attributes"].is_object() &&
                item["attributes"].contains("element type") && item["attributes"]["element type"].is_string()) {
                e["type"] = item["attributes"]["element type"];
                item["attributes"].erase("element type");
                if (item["attributes"].empty()) item.erase("attributes");
            }
            if (n.contains("description")) e["description"] = n["description"];
            if (n.contains("tags")) e["tags"] = n["tags"];
            e["level"] = level.id;
            put_kumu_fields(e, item, node_native, kumu_element_key, "/nodes/" + std::to_string(i));
            elements.push_back(std::move(e));
        }
    if (doc.contains("links")) {
        std::set<std::pair<std::string, std::string>> mutual_written;
        for (std::size_t i = 0; i < doc["links"].size(); ++i) {
            const OrderedJson& l = doc["links"][i];
            const std::string source = l["source"].get<std::string>(), target = l["target"].get<std::string>();
            // A link read from an undirected or mutual Kumu connection says so
            // in its attributes; write that direction back.
            std::string direction = "directed";
            OrderedJson item = l;
            if (item.contains("attributes") && item["attributes"].is_object() &&
                item["attributes"].contains("direction")) {
                const OrderedJson& d = item["attributes"]["direction"];
                if (d == "undirected" || d == "mutual") {
                    direction = d.get<std::string>();
                    item["attributes"].erase("direction");
                    if (item["attributes"].empty()) item.erase("attributes");
                }
            }
            if (direction == "mutual") {
                if (mutual_written.contains({target, source}) && toc.has_link(target, source)) {
                    const Link& back = toc.link(target, source);
                    Link mirrored = back;
                    std::swap(mirrored.source, mirrored.target);
                    if (mirrored == toc.link(source, target)) continue;  // one mutual connection
                }
                mutual_written.insert({source, target});
            }
            OrderedJson c = OrderedJson::object();
            c["from"] = source;
            c["to"] = target;
            c["direction"] = direction;
            if (item.contains("rationale")) c["description"] = item["rationale"];
            put_kumu_fields(c, item, link_native, kumu_connection_key, "/links/" + std::to_string(i));
            connections.push_back(std::move(c));
        }
    }
    out["elements"] = std::move(elements);
    out["connections"] = std::move(connections);
    OrderedJson rest = OrderedJson::object();
    for (const auto& [key, value] : doc.items())
        if (key != "format" && key != "version" && key != "nodes" && key != "links") rest[key] = value;
    if (!rest.empty()) out["tocgraph"] = std::move(rest);
    return out;
}

}  // namespace tocgraph::detail
