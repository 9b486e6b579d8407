#pragma once
// Rename detection: when a node's id changes between two versions, a diff
// reports one renamed node instead of a removed and an added one.
//
// The rule (docs/versions.md). A node only in the old version (r) and a node
// only in the new version (n) are a rename when
//   1. they have the same level;
//   2. their titles are equal after normalisation: ASCII letters lower-cased,
//      every ASCII character that is not a letter or a digit dropped (so
//      "victim-sensitive" and "Victimsensitive" match), other characters
//      kept; the normalised title must not be empty;
//   3. the pairing is one-to-one: r matches no other added node by 1-2, and
//      n no other removed node;
//   4. they have the same neighbours and the same indicators: the nodes r
//      links to and from, with the other renames of this rule applied, are
//      the nodes n links to and from, and the indicators measuring r are
//      those measuring n.
// Pairs failing 4 are dropped and 4 is checked again for the rest, until no
// pair fails. Anything less clear stays a removal plus an addition.
//
// Renaming a node in a document also renames the references to it: link
// sources and targets, the node an indicator measures, and feedback
// subjects naming the node or one of its links.

#include <map>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../json_io.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

struct NodeRename {
    std::string from;  ///< the id in the old version
    std::string to;    ///< the id in the new version
    friend bool operator==(const NodeRename&, const NodeRename&) = default;
};

namespace detail {

/// A title as rule 2 compares it.
inline std::string normalised_title(std::string_view title) {
    std::string out;
    for (char c : title) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x80) out += c;
        else if (c >= 'A' && c <= 'Z') out += static_cast<char>(c - 'A' + 'a');
        else if ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9')) out += c;
    }
    return out;
}

inline std::string string_member(const nlohmann::json& object, const char* name) {
    auto it = object.find(name);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

inline const nlohmann::json& array_member(const nlohmann::json& doc, const char* name) {
    static const nlohmann::json empty = nlohmann::json::array();
    auto it = doc.find(name);
    return it != doc.end() && it->is_array() ? *it : empty;
}

/// The renames rule 1-4 finds between two documents, in old node order.
inline std::vector<NodeRename> detect_node_renames(const nlohmann::json& old_doc, const nlohmann::json& new_doc) {
    std::map<std::string, const nlohmann::json*> old_nodes, new_nodes;
    std::vector<std::string> old_order;
    for (const auto& n : array_member(old_doc, "nodes")) {
        old_nodes.emplace(string_member(n, "id"), &n);
        old_order.push_back(string_member(n, "id"));
    }
    for (const auto& n : array_member(new_doc, "nodes")) new_nodes.emplace(string_member(n, "id"), &n);

    auto same_content = [](const nlohmann::json& a, const nlohmann::json& b) {
        const std::string title = normalised_title(string_member(a, "title"));
        return !title.empty() && string_member(a, "level") == string_member(b, "level") &&
               title == normalised_title(string_member(b, "title"));
    };
    std::map<std::string, std::vector<std::string>> matches_of_removed, matches_of_added;
    for (const auto& [rid, r] : old_nodes) {
        if (new_nodes.contains(rid)) continue;
        for (const auto& [nid, n] : new_nodes) {
            if (old_nodes.contains(nid) || !same_content(*r, *n)) continue;
            matches_of_removed[rid].push_back(nid);
            matches_of_added[nid].push_back(rid);
        }
    }
    std::map<std::string, std::string> pairs;  // removed id -> added id
    for (const auto& [rid, nids] : matches_of_removed)
        if (nids.size() == 1 && matches_of_added[nids.front()].size() == 1) pairs.emplace(rid, nids.front());

    // Rule 4, repeated until stable: dropping a pair changes how others map.
    auto neighbourhood = [](const nlohmann::json& doc, const std::string& id,
                            const std::map<std::string, std::string>& rename) {
        auto mapped = [&](const std::string& x) {
            auto it = rename.find(x);
            return it == rename.end() ? x : it->second;
        };
        std::set<std::string> out;
        for (const auto& l : array_member(doc, "links")) {
            const std::string s = string_member(l, "source"), t = string_member(l, "target");
            if (s == id) out.insert("to " + mapped(t));
            if (t == id) out.insert("from " + mapped(s));
        }
        for (const auto& i : array_member(doc, "indicators"))
            if (string_member(i, "node") == id) out.insert("indicator " + string_member(i, "id"));
        return out;
    };
    const std::map<std::string, std::string> identity;
    for (bool dropped = true; dropped;) {
        dropped = false;
        for (auto it = pairs.begin(); it != pairs.end();) {
            if (neighbourhood(old_doc, it->first, pairs) != neighbourhood(new_doc, it->second, identity)) {
                it = pairs.erase(it);
                dropped = true;
            } else {
                ++it;
            }
        }
    }
    std::vector<NodeRename> out;
    for (const std::string& id : old_order)
        if (auto it = pairs.find(id); it != pairs.end()) out.push_back({it->first, it->second});
    return out;
}

/// A feedback subject with a renamed node: the node itself or a link "a->b".
inline std::string renamed_subject(const std::string& subject, const std::string& from, const std::string& to) {
    if (subject == from) return to;
    for (std::size_t p = subject.find("->"); p != std::string::npos; p = subject.find("->", p + 1)) {
        std::string source = subject.substr(0, p), target = subject.substr(p + 2);
        if (source != from && target != from) continue;
        return (source == from ? to : source) + "->" + (target == from ? to : target);
    }
    return subject;
}

/// Renames a node in a document with every reference to it.
inline void rename_node_in_document(nlohmann::json& doc, const std::string& from, const std::string& to) {
    auto rewrite = [&](const char* collection, std::initializer_list<const char*> members) {
        auto it = doc.find(collection);
        if (it == doc.end() || !it->is_array()) return;
        for (auto& element : *it)
            for (const char* member : members)
                if (auto m = element.find(member); m != element.end() && *m == from) *m = to;
    };
    rewrite("nodes", {"id"});
    rewrite("links", {"source", "target"});
    rewrite("indicators", {"node"});
    if (auto it = doc.find("feedback"); it != doc.end() && it->is_array())
        for (auto& f : *it)
            if (auto s = f.find("subject"); s != f.end() && s->is_string())
                *s = renamed_subject(s->get<std::string>(), from, to);
}

}  // namespace detail

/// The node renames between two versions (the rule above), in old node order.
inline std::vector<NodeRename> detect_renames(const TheoryOfChange& old_toc, const TheoryOfChange& new_toc) {
    return detail::detect_node_renames(toc_to_json(old_toc), toc_to_json(new_toc));
}

}  // namespace tocgraph
