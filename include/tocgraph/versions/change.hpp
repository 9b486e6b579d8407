#pragma once
// What a diff between two versions of a theory of change is made of.
//
// A Diff is a list of ItemChange, one per element that differs: a node, a
// link, an indicator, an assumption, an actor, a feedback item, or one of
// the document's singletons (metadata, schema). An element is identified as
// in the file: by id, links by source and target. A changed element lists
// its FieldChange values, each naming a path inside the element's JSON form
// ("title", "budget.amount", "targets[2022-01-01..2022-12-31 country=KH].value")
// with the old and the new value as JSON.
//
// The diff is computed on the JSON form the file format writes
// (detail/json/writer.hpp), so every field the format carries is compared,
// including fields added to the model later, without changes here.

#include <algorithm>
#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../enums.hpp"

namespace tocgraph {

/// How an element or a value differs between two versions.
enum class ChangeKind {
    added,    ///< only in the new version
    removed,  ///< only in the old version
    changed,  ///< in both, with different values
    renamed   ///< a node whose id changed (ItemChange only; see versions/rename.hpp)
};

TOCGRAPH_ENUM_NAMES(ChangeKind, {ChangeKind::added, "added"},
                    {ChangeKind::removed, "removed"},
                    {ChangeKind::changed, "changed"},
                    {ChangeKind::renamed, "renamed"})

/// One step of a path into an element's JSON form: a member of an object, or
/// an element of an array picked by its key (never by position, so a path
/// stays valid when other elements are inserted before it).
struct PathStep {
    enum class Kind {
        member,   ///< `name` is the member
        keyed,    ///< `key` is the element's identity: its "id", or its period/date/dimensions
        by_value  ///< `key` is the whole element (arrays of strings, elements without identity)
    };
    Kind kind = Kind::member;
    std::string name;
    nlohmann::json key;

    static PathStep member(std::string name) { return {Kind::member, std::move(name), nullptr}; }
    static PathStep keyed(nlohmann::json key) { return {Kind::keyed, {}, std::move(key)}; }
    static PathStep by_value(nlohmann::json value) { return {Kind::by_value, {}, std::move(value)}; }
    bool is_element() const noexcept { return kind != Kind::member; }

    friend bool operator==(const PathStep&, const PathStep&) = default;
};

using FieldPath = std::vector<PathStep>;

/// One value that differs inside an element.
struct FieldChange {
    /// Where, relative to the element; empty for the element's whole value
    /// (e.g. a schema that changed from a built-in name to a custom one).
    FieldPath path;
    ChangeKind kind = ChangeKind::changed;  ///< added, removed or changed
    std::optional<nlohmann::json> old_value;  ///< absent when added
    std::optional<nlohmann::json> new_value;  ///< absent when removed
    /// For an added array element: the key of the element it follows in the
    /// new version (one both versions have); absent when it comes first.
    std::optional<nlohmann::json> after;

    friend bool operator==(const FieldChange&, const FieldChange&) = default;
};

/// One element that differs between the two versions.
struct ItemChange {
    /// The document member the element lives in: "nodes", "links",
    /// "indicators", "assumptions", "actors", "feedback", or a singleton such
    /// as "metadata" or "schema".
    std::string collection;
    /// The element's id as readers know it ("io_1_1", "a->b" for a link);
    /// empty for singletons.
    std::string id;
    /// The id as the file writes it: a string, {"source", "target"} for a
    /// link; null for singletons.
    nlohmann::json key;
    ChangeKind kind = ChangeKind::changed;
    /// For renamed nodes: the id in the new version.
    std::string new_id;
    /// The element's JSON form in each version (null where it is absent), so
    /// a reader can show its title and level.
    nlohmann::json old_value;
    nlohmann::json new_value;
    /// For changed and renamed elements: what differs.
    std::vector<FieldChange> fields;
    /// For added elements of a collection: the key of the element it follows
    /// in the new version, as in FieldChange::after.
    std::optional<nlohmann::json> after;

    bool is_singleton() const noexcept { return key.is_null(); }
    friend bool operator==(const ItemChange&, const ItemChange&) = default;
};

/// Counts of changed elements, per collection or in total.
struct ChangeCounts {
    std::size_t added = 0;
    std::size_t removed = 0;
    std::size_t changed = 0;
    std::size_t renamed = 0;
    std::size_t total() const noexcept { return added + removed + changed + renamed; }
    void count(ChangeKind kind) {
        switch (kind) {
            case ChangeKind::added: ++added; break;
            case ChangeKind::removed: ++removed; break;
            case ChangeKind::changed: ++changed; break;
            case ChangeKind::renamed: ++renamed; break;
        }
    }
    friend bool operator==(const ChangeCounts&, const ChangeCounts&) = default;
};

/// The differences between an old and a new version of a theory of change.
struct Diff {
    /// Collection by collection in the file's order (metadata, schema,
    /// actors, assumptions, nodes, links, indicators, feedback); within one,
    /// removed elements first (in old order), then the renamed, changed and
    /// added ones in the new version's order.
    std::vector<ItemChange> changes;

    bool empty() const noexcept { return changes.empty(); }
    std::size_t size() const noexcept { return changes.size(); }

    /// Counts over all collections.
    ChangeCounts counts() const {
        ChangeCounts out;
        for (const ItemChange& c : changes) out.count(c.kind);
        return out;
    }
    /// Counts per collection, in the order the collections first appear.
    std::vector<std::pair<std::string, ChangeCounts>> counts_by_collection() const {
        std::vector<std::pair<std::string, ChangeCounts>> out;
        for (const ItemChange& c : changes) {
            auto it = std::find_if(out.begin(), out.end(), [&](const auto& p) { return p.first == c.collection; });
            if (it == out.end()) it = out.insert(out.end(), {c.collection, ChangeCounts{}});
            it->second.count(c.kind);
        }
        return out;
    }
    /// The change of one element, or nullptr: by collection and id (the old
    /// id for a renamed node).
    const ItemChange* find(std::string_view collection, std::string_view id) const {
        for (const ItemChange& c : changes)
            if (c.collection == collection && (c.id == id || (c.kind == ChangeKind::renamed && c.new_id == id)))
                return &c;
        return nullptr;
    }

    friend bool operator==(const Diff&, const Diff&) = default;
};

/// "node" for "nodes", "feedback" for "feedback": how text names one element
/// of a collection.
inline std::string item_noun(std::string_view collection) {
    if (collection == "feedback") return "feedback item";
    if (collection == "metadata" || collection == "schema") return std::string(collection);
    if (collection.ends_with("ies")) return std::string(collection.substr(0, collection.size() - 3)) + "y";
    if (collection.ends_with('s')) return std::string(collection.substr(0, collection.size() - 1));
    return std::string(collection);
}

}  // namespace tocgraph
