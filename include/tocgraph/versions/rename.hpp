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

#include <algorithm>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../detail/text/ascii.hpp"
#include "../json_io.hpp"
#include "../theory_of_change.hpp"

namespace tocgraph {

struct NodeRename {
    std::string from;  ///< the id in the old version
    std::string to;    ///< the id in the new version
    friend bool operator==(const NodeRename&, const NodeRename&) = default;
};

namespace detail {

/// A title as rule 2 compares it: its letters and digits, lower case.
inline std::string normalised_title(std::string_view title) {
    std::string out = ascii_words(title);
    std::erase(out, ' ');
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

/// The links and indicators of each node of a version, for rule 4.
class Neighbourhoods {
public:
    explicit Neighbourhoods(const TheoryOfChange& toc) : toc_(toc) {
        for (const Indicator& i : toc.indicators()) indicators_[i.node].push_back(i.id);
    }
    /// What rule 4 compares for node `id`, with the ids of `rename` applied
    /// to its neighbours: sorted and without repeats, as a set.
    template <typename Rename>
    std::vector<std::pair<int, std::string_view>> of(const std::string& id, const Rename& rename) const {
        auto mapped = [&](const std::string& x) -> std::string_view {
            auto it = rename.find(x);
            return it == rename.end() ? std::string_view(x) : std::string_view(it->second);
        };
        std::vector<std::pair<int, std::string_view>> out;  // 0 "to", 1 "from", 2 "indicator"
        for (const Link* l : toc_.links_from(id)) out.emplace_back(0, mapped(l->target));
        for (const Link* l : toc_.links_to(id)) out.emplace_back(1, mapped(l->source));
        if (auto it = indicators_.find(id); it != indicators_.end())
            for (std::string_view i : it->second) out.emplace_back(2, i);
        std::sort(out.begin(), out.end());
        out.erase(std::unique(out.begin(), out.end()), out.end());
        return out;
    }

private:
    const TheoryOfChange& toc_;
    std::unordered_map<std::string_view, std::vector<std::string_view>> indicators_;
};

/// The renames rule 1-4 finds between two versions, in old node order.
/// Candidates are found through an index by level and normalised title, and
/// each node's neighbours through the graph, so the cost grows as n log n
/// with the nodes, not with removed x added.
inline std::vector<NodeRename> detect_node_renames(const TheoryOfChange& old_toc, const TheoryOfChange& new_toc) {
    // Rules 1-2 as one key; an empty normalised title matches nothing.
    auto key = [](const Node& node) -> std::optional<std::string> {
        std::string title = normalised_title(node.title);
        if (title.empty()) return std::nullopt;
        return node.level + '\0' + title;
    };
    std::unordered_map<std::string, std::vector<std::string_view>> removed_by_key, added_by_key;
    for (const Node& r : old_toc.nodes())
        if (!new_toc.contains(r.id))
            if (auto k = key(r)) removed_by_key[*k].push_back(r.id);
    for (const Node& n : new_toc.nodes())
        if (!old_toc.contains(n.id))
            if (auto k = key(n)) added_by_key[*k].push_back(n.id);
    // Rule 3: one removed and one added node under a key.
    std::map<std::string, std::string> pairs;  // removed id -> added id
    for (const auto& [k, rids] : removed_by_key)
        if (auto it = added_by_key.find(k); rids.size() == 1 && it != added_by_key.end() && it->second.size() == 1)
            pairs.emplace(rids.front(), it->second.front());

    // Rule 4, repeated until stable: dropping a pair changes how others map.
    const Neighbourhoods before(old_toc), after(new_toc);
    const std::map<std::string, std::string> identity;
    for (bool dropped = true; dropped;) {
        dropped = false;
        for (auto it = pairs.begin(); it != pairs.end();) {
            if (before.of(it->first, pairs) != after.of(it->second, identity)) {
                it = pairs.erase(it);
                dropped = true;
            } else {
                ++it;
            }
        }
    }
    std::vector<NodeRename> out;
    out.reserve(pairs.size());
    for (const Node& n : old_toc.nodes())
        if (auto it = pairs.find(n.id); it != pairs.end()) out.push_back({it->first, it->second});
    return out;
}

/// Renames nodes in a document (old id -> new id) with every reference to
/// them, in one pass over the document.
inline void rename_nodes_in_document(nlohmann::json& doc, const std::unordered_map<std::string, std::string>& renames) {
    if (renames.empty()) return;
    auto renamed = [&](const nlohmann::json& value) -> const std::string* {
        if (!value.is_string()) return nullptr;
        auto it = renames.find(value.get_ref<const std::string&>());
        return it == renames.end() ? nullptr : &it->second;
    };
    auto rewrite = [&](const char* collection, std::initializer_list<const char*> members) {
        auto it = doc.find(collection);
        if (it == doc.end() || !it->is_array()) return;
        for (auto& element : *it)
            for (const char* member : members)
                if (auto m = element.find(member); m != element.end())
                    if (const std::string* to = renamed(*m)) *m = *to;
    };
    rewrite("nodes", {"id"});
    rewrite("links", {"source", "target"});
    rewrite("indicators", {"node"});
    if (auto it = doc.find("feedback"); it != doc.end() && it->is_array())
        for (auto& f : *it)
            if (auto s = f.find("subject"); s != f.end() && s->is_string()) {
                if (const std::string* to = renamed(*s)) {
                    *s = *to;
                    continue;
                }
                // A link "a->b": the first split whose source or target is renamed.
                const std::string subject = s->get<std::string>();
                for (std::size_t p = subject.find("->"); p != std::string::npos; p = subject.find("->", p + 1)) {
                    const std::string source = subject.substr(0, p), target = subject.substr(p + 2);
                    auto rs = renames.find(source), rt = renames.find(target);
                    if (rs == renames.end() && rt == renames.end()) continue;
                    *s = (rs == renames.end() ? source : rs->second) + "->" + (rt == renames.end() ? target : rt->second);
                    break;
                }
            }
}

}  // namespace detail

/// The node renames between two versions (the rule above), in old node order.
inline std::vector<NodeRename> detect_renames(const TheoryOfChange& old_toc, const TheoryOfChange& new_toc) {
    return detail::detect_node_renames(old_toc, new_toc);
}

}  // namespace tocgraph
