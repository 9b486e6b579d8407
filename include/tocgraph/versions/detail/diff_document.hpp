#pragma once
// The documents a diff compares and patches: a ToC's JSON form with the
// writer's defaults spelt out, its top-level collections, the order fields
// are reported in, and renames made in a document.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <map>
#include <optional>
#include <unordered_map>
#include <unordered_set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../detail/json/dom_out.hpp"
#include "../../detail/json/writer.hpp"
#include "../../errors.hpp"
#include "../../json_io.hpp"
#include "../../level_schema.hpp"
#include "../../theory_of_change.hpp"
#include "../change.hpp"
#include "../path_text.hpp"
#include "../rename.hpp"
#include "json_delta.hpp"
#include "written_order.hpp"

namespace tocgraph::detail {

/// A written document with the defaults the writer leaves out spelt out (an
/// empty metadata object, the default schema's name).
inline nlohmann::json with_defaults_spelt_out(nlohmann::json doc) {
    if (!doc.contains("metadata")) doc["metadata"] = nlohmann::json::object();
    if (!doc.contains("schema")) doc["schema"] = LevelSchema::theory_of_change().name();
    return doc;
}

/// The JSON form a diff compares: the written document with its defaults
/// spelt out. Diffs skip its "format" and "version".
inline nlohmann::json comparable_document(const TheoryOfChange& toc) { return with_defaults_spelt_out(toc_to_json(toc)); }

/// The collections a diff compares element by element on the model, building
/// the JSON form only of the elements that differ: the large ones.
inline bool is_model_collection(std::string_view member) {
    return member == "nodes" || member == "links" || member == "indicators";
}

/// A writer output that builds the document without the model collections
/// (is_model_collection). The writer still walks them, so it still throws
/// for any value the format cannot carry, as toc_to_json does.
class DomOutWithoutCollections {
public:
    void begin_object() { open([&] { dom_.begin_object(); }); }
    void begin_array() { open([&] { dom_.begin_array(); }); }
    void end_object() { close([&] { dom_.end_object(); }); }
    void end_array() { close([&] { dom_.end_array(); }); }
    void key(std::string_view key, const LazyPointer& p = {}) {
        if (skipping_) return;
        if (depth_ == 1 && is_model_collection(key)) {
            skipping_ = true;
            return;
        }
        dom_.key(key, p);
    }
    void string(std::string_view text, const LazyPointer& p) { scalar([&] { dom_.string(text, p); }); }
    void integer(std::int64_t value) { scalar([&] { dom_.integer(value); }); }
    void number(double value) { scalar([&] { dom_.number(value); }); }
    void boolean(bool value) { scalar([&] { dom_.boolean(value); }); }
    void value(const nlohmann::json& value, const LazyPointer& p) { scalar([&] { dom_.value(value, p); }); }

    nlohmann::json take() { return dom_.take(); }

private:
    template <typename F>
    void open(F&& forward) {
        if (!skipping_) forward();
        ++depth_;
    }
    template <typename F>
    void close(F&& forward) {
        --depth_;
        if (!skipping_) forward();
        else if (depth_ == 1) skipping_ = false;  // the skipped member's value ends
    }
    template <typename F>
    void scalar(F&& forward) {
        if (!skipping_) forward();
        else if (depth_ == 1) skipping_ = false;
    }

    JsonDomOut<nlohmann::json> dom_;
    std::size_t depth_ = 0;  // containers open
    bool skipping_ = false;  // inside a model collection's value
};

/// comparable_document without the model collections (is_model_collection).
inline nlohmann::json comparable_document_without_collections(const TheoryOfChange& toc) {
    DomOutWithoutCollections out;
    JsonEmitter<DomOutWithoutCollections>(out).write(toc);
    return with_defaults_spelt_out(out.take());
}

/// The JSON form of one element of a model collection, as in comparable_document.
template <typename Element>
nlohmann::json element_json(const Element& element) {
    JsonDomOut<nlohmann::json> out;
    JsonEmitter<JsonDomOut<nlohmann::json>>(out).element(element);
    return out.take();
}

/// The elements of one version of a collection: each one's identity key,
/// and its position by the key's text (key_string).
class KeyIndex {
public:
    explicit KeyIndex(const nlohmann::json& elements) {
        keys_.reserve(elements.size());
        texts_.reserve(elements.size());
        for (const nlohmann::json& e : elements) {
            keys_.push_back(identity_key(e));
            texts_.push_back(key_string(keys_.back()));
        }
        // Views into texts_, which no longer grows.
        positions_.reserve(texts_.size());
        for (std::size_t i = 0; i < texts_.size(); ++i) positions_.emplace(texts_[i], i);
    }
    /// Whether no two elements share a key.
    bool unique() const { return positions_.size() == texts_.size(); }
    const nlohmann::json& key(std::size_t position) const { return keys_[position]; }
    const std::string& text(std::size_t position) const { return texts_[position]; }
    std::optional<std::size_t> find(std::string_view text) const {
        auto it = positions_.find(text);
        return it == positions_.end() ? std::nullopt : std::optional<std::size_t>(it->second);
    }

private:
    std::vector<nlohmann::json> keys_;
    std::vector<std::string> texts_;
    std::unordered_map<std::string_view, std::size_t> positions_;
};

/// Both versions of a top-level member whose elements are identified by id
/// (or, for links, by source and target), so that its elements are the items
/// of a diff: match_arrays's keyed mode, each key built once.
struct CollectionMatch {
    KeyIndex old_items, new_items;
};

/// The match of a collection; nothing for any other member.
inline std::optional<CollectionMatch> collection_match(const nlohmann::json& a, const nlohmann::json& b) {
    if (!a.is_array() || !b.is_array() || (a.empty() && b.empty())) return std::nullopt;
    for (const auto* array : {&a, &b})
        for (const auto& e : *array)
            if (!has_identity_key(e) || !(e.contains("id") || (e.contains("source") && e.contains("target"))))
                return std::nullopt;
    CollectionMatch match{KeyIndex(a), KeyIndex(b)};
    if (!match.old_items.unique() || !match.new_items.unique()) return std::nullopt;
    return match;
}

inline bool is_collection(const nlohmann::json& a, const nlohmann::json& b) {
    return collection_match(a, b).has_value();
}

inline std::string item_id_text(const nlohmann::json& key) { return key.is_null() ? std::string() : key_text(key); }

/// The top-level members in file order (the writer's), without "format" and
/// "version". The writer leaves empty collections out, so the order is the
/// writer's fixed one rather than either document's; members it does not
/// write (none today) follow in name order.
inline std::vector<std::string> document_members(const nlohmann::json& a, const nlohmann::json& b) {
    std::vector<std::string> out{"metadata", "schema", "actors",     "assumptions",
                                 "nodes",    "links",  "indicators", "feedback"};
    for (const nlohmann::json* doc : {&b, &a})
        for (const auto& [name, value] : doc->items())
            if (name != "format" && name != "version" && std::find(out.begin(), out.end(), name) == out.end())
                out.push_back(name);
    return out;
}

/// Orders an element's changes as the file orders its members (`order`,
/// from WrittenMemberOrder); changes to members it lacks come last.
inline void sort_fields(std::vector<FieldChange>& fields, const std::vector<std::string_view>& order) {
    std::unordered_map<std::string_view, std::size_t> rank;
    for (std::string_view name : order) rank.emplace(name, rank.size());
    auto rank_of = [&](const FieldChange& f) {
        if (f.path.empty() || f.path.front().kind != PathStep::Kind::member) return std::size_t{0};
        auto it = rank.find(f.path.front().name);
        return it == rank.end() ? rank.size() : it->second;
    };
    std::stable_sort(fields.begin(), fields.end(),
                     [&](const FieldChange& x, const FieldChange& y) { return rank_of(x) < rank_of(y); });
}

/// The changes of a diff as FieldChange values with paths from the document
/// root, and the renames to make first.
struct FlatDiff {
    std::vector<std::pair<ItemChange, std::string>> renames;  ///< item, new id
    std::vector<FieldChange> changes;
};

inline FlatDiff flatten(const Diff& d) {
    FlatDiff out;
    for (const ItemChange& item : d.changes) {
        FieldPath prefix{PathStep::member(item.collection)};
        if (!item.is_singleton()) {
            if (item.kind == ChangeKind::renamed) {
                out.renames.emplace_back(item, item.new_id);
                prefix.push_back(PathStep::keyed(item.new_id));
            } else {
                prefix.push_back(PathStep::keyed(item.key));
            }
            if (item.kind == ChangeKind::added) {
                out.changes.push_back({prefix, ChangeKind::added, std::nullopt, item.new_value, item.after});
                continue;
            }
            if (item.kind == ChangeKind::removed) {
                out.changes.push_back({prefix, ChangeKind::removed, item.old_value, std::nullopt, std::nullopt});
                continue;
            }
        }
        for (const FieldChange& f : item.fields) {
            FieldChange change = f;
            change.path.insert(change.path.begin(), prefix.begin(), prefix.end());
            out.changes.push_back(std::move(change));
        }
    }
    return out;
}

/// A document as a theory of change; a document a patch broke is an Error.
inline TheoryOfChange document_to_toc(const nlohmann::json& doc, const char* what) {
    try {
        return toc_from_json(doc, "<" + std::string(what) + ">");
    } catch (const FormatError& e) {
        throw Error(std::string("cannot apply the ") + what + ": the result is not a valid theory of change: " +
                    (e.pointer().empty() ? std::string() : e.pointer() + ": ") + e.problem());
    }
}

/// Makes the renames of a flattened diff in a document. Renames apply in
/// order (a freed id may be taken by a later one); node renames are checked
/// against a set of the current ids and written in one pass at the end.
inline void apply_renames(nlohmann::json& doc, const FlatDiff& flat) {
    std::optional<std::unordered_set<std::string>> node_ids;     // the current ids, once a node is renamed
    std::unordered_map<std::string, std::string> original_of;     // current id -> id in `doc`
    std::unordered_map<std::string, std::string> node_renames;    // id in `doc` -> final id
    for (const auto& rename : flat.renames) {
        // Named references, not structured bindings: a lambda may not
        // capture those before C++20 compilers caught up (clang < 16).
        const auto& item = rename.first;
        const auto& new_id = rename.second;
        auto array = doc.find(item.collection);
        auto fail = [&](const std::string& problem) {
            throw Error("cannot apply the rename of " + item_noun(item.collection) + " \"" + item.id + "\" to \"" +
                        new_id + "\": " + problem);
        };
        if (array == doc.end() || !array->is_array()) fail("there is no " + item.collection);
        if (item.collection == "nodes") {
            if (!node_ids) {
                node_ids.emplace();
                for (const auto& n : *array)
                    if (n.is_object())
                        if (auto id = n.find("id"); id != n.end() && id->is_string()) node_ids->insert(id->get<std::string>());
            }
            if (!node_ids->contains(item.id)) fail("there is no such " + item_noun(item.collection));
            if (node_ids->contains(new_id)) fail("\"" + new_id + "\" is taken");
            node_ids->erase(item.id);
            node_ids->insert(new_id);
            std::string original = item.id;
            if (auto it = original_of.find(item.id); it != original_of.end()) {
                original = std::move(it->second);
                original_of.erase(it);
            }
            original_of[new_id] = original;
            node_renames[original] = new_id;
            continue;
        }
        if (find_element(*array, PathStep::Kind::keyed, item.key) < 0) fail("there is no such " + item_noun(item.collection));
        if (find_element(*array, PathStep::Kind::keyed, nlohmann::json(new_id)) >= 0)
            fail("\"" + new_id + "\" is taken");
        (*array)[static_cast<std::size_t>(find_element(*array, PathStep::Kind::keyed, item.key))]["id"] = new_id;
    }
    std::erase_if(node_renames, [](const auto& r) { return r.first == r.second; });
    rename_nodes_in_document(doc, node_renames);
}

}  // namespace tocgraph::detail
