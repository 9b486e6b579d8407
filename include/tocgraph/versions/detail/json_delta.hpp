#pragma once
// The field-generic engine under versions/: differences between two JSON
// values as a list of FieldChange, and applying such a list to a document.
//
// Objects are compared member by member. Arrays are compared element by
// element when their elements can be told apart by a key, so that a path
// names an element by what it is rather than where it is:
//   - by identity when every element is an object with an identity and the
//     identities are unique on each side: the "id" member, a link's "source"
//     and "target", or else the members among "period", "date", "year" and
//     "dimensions" (a target is the target for a period and a disaggregation);
//   - else by value when the elements are unique on each side (tags, ids);
//   - else the array is one value.
// An array whose common elements changed their relative order is one value
// too (except where `ordered` is false: the document's top-level
// collections, whose order carries no meaning).
//
// Outside "attributes" (user data, kept exactly) an absent array equals an
// empty one, as in the file format, where empty arrays are left out.
//
// Application is strict: a change applies only where the document holds the
// value the change expects, and otherwise throws tocgraph::Error naming the
// path. Added array elements go after the element they followed in the new
// version (FieldChange::after), so applying a diff reproduces the order.

#include <algorithm>
#include <cstddef>
#include <list>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../errors.hpp"
#include "../change.hpp"
#include "../path_text.hpp"

namespace tocgraph::detail {

using delta_json = nlohmann::json;

/// Members holding user data, compared and applied exactly as they are.
inline bool is_free_member(std::string_view name) { return name == "attributes"; }

/// The identity of an array element that is an object (see the top comment).
inline delta_json identity_key(const delta_json& element) {
    if (auto id = element.find("id"); id != element.end()) return *id;
    if (element.contains("source") && element.contains("target"))
        return delta_json{{"source", element["source"]}, {"target", element["target"]}};
    delta_json key = delta_json::object();
    for (const char* member : {"period", "date", "year", "dimensions"})
        if (auto it = element.find(member); it != element.end()) key[member] = *it;
    return key;
}

/// A text standing for a JSON value, usable as a map key (objects are sorted).
inline std::string key_string(const delta_json& key) {
    return key.dump(-1, ' ', false, delta_json::error_handler_t::replace);
}

/// How the elements of two arrays are matched, and their keys in that mode.
struct ArrayMatch {
    PathStep::Kind mode = PathStep::Kind::keyed;  ///< keyed, by_value, or member for "whole"
    std::vector<delta_json> old_keys, new_keys;
    bool whole() const noexcept { return mode == PathStep::Kind::member; }
};

/// Whether identity_key(element) would give a key (not an empty object),
/// without building it.
inline bool has_identity_key(const delta_json& element) {
    if (!element.is_object()) return false;
    if (auto id = element.find("id"); id != element.end()) return *id != delta_json::object();
    if (element.contains("source") && element.contains("target")) return true;
    for (const char* member : {"period", "date", "year", "dimensions"})
        if (element.contains(member)) return true;
    return false;
}

inline ArrayMatch match_arrays(const delta_json& a, const delta_json& b) {
    auto unique = [](const std::vector<delta_json>& keys) {
        std::unordered_set<std::string> seen;
        seen.reserve(keys.size());
        for (const delta_json& k : keys)
            if (!seen.insert(key_string(k)).second) return false;
        return true;
    };
    auto identified = [](const delta_json& array) {
        return std::all_of(array.begin(), array.end(), has_identity_key);
    };
    ArrayMatch m;
    if (identified(a) && identified(b)) {
        m.old_keys.reserve(a.size());
        m.new_keys.reserve(b.size());
        for (const delta_json& e : a) m.old_keys.push_back(identity_key(e));
        for (const delta_json& e : b) m.new_keys.push_back(identity_key(e));
        if (unique(m.old_keys) && unique(m.new_keys)) return m;
        m.old_keys.clear();
        m.new_keys.clear();
    }
    m.mode = PathStep::Kind::by_value;
    m.old_keys.assign(a.begin(), a.end());
    m.new_keys.assign(b.begin(), b.end());
    if (unique(m.old_keys) && unique(m.new_keys)) return m;
    return ArrayMatch{PathStep::Kind::member, {}, {}};
}

/// Whether identity_key(element) == key, without building the key: lookups
/// compare every element of a collection, and building each key cost an
/// allocation per element per lookup.
inline bool has_identity(const delta_json& element, const delta_json& key) {
    if (!element.is_object()) return false;
    if (auto id = element.find("id"); id != element.end()) return *id == key;
    const auto source = element.find("source"), target = element.find("target");
    if (source != element.end() && target != element.end()) {
        if (!key.is_object() || key.size() != 2) return false;
        const auto key_source = key.find("source"), key_target = key.find("target");
        return key_source != key.end() && key_target != key.end() && *key_source == *source &&
               *key_target == *target;
    }
    return identity_key(element) == key;
}

/// The position of the element a step names, or -1.
inline std::ptrdiff_t find_element(const delta_json& array, PathStep::Kind mode, const delta_json& key) {
    for (std::size_t i = 0; i < array.size(); ++i) {
        const delta_json& e = array[i];
        const bool match = mode == PathStep::Kind::keyed ? has_identity(e, key) : e == key;
        if (match) return static_cast<std::ptrdiff_t>(i);
    }
    return -1;
}

// ---- differences ----------------------------------------------------------------

inline void diff_values(FieldPath& path, const delta_json& a, const delta_json& b, bool free,
                        std::vector<FieldChange>& out);

/// Element by element; `ordered` false ignores changes of order.
inline void diff_arrays(FieldPath& path, const delta_json& a, const delta_json& b, bool free, bool ordered,
                        std::vector<FieldChange>& out) {
    if (a == b) return;
    const ArrayMatch m = match_arrays(a, b);
    if (m.whole()) {
        out.push_back({path, ChangeKind::changed, a, b, std::nullopt});
        return;
    }
    std::map<std::string, std::size_t> old_at, new_at;
    for (std::size_t i = 0; i < m.old_keys.size(); ++i) old_at.emplace(key_string(m.old_keys[i]), i);
    for (std::size_t i = 0; i < m.new_keys.size(); ++i) new_at.emplace(key_string(m.new_keys[i]), i);
    if (ordered) {
        std::vector<std::string> old_common, new_common;
        for (const delta_json& k : m.old_keys)
            if (new_at.contains(key_string(k))) old_common.push_back(key_string(k));
        for (const delta_json& k : m.new_keys)
            if (old_at.contains(key_string(k))) new_common.push_back(key_string(k));
        if (old_common != new_common) {
            out.push_back({path, ChangeKind::changed, a, b, std::nullopt});
            return;
        }
    }
    auto step = [&](const delta_json& key) {
        return m.mode == PathStep::Kind::keyed ? PathStep::keyed(key) : PathStep::by_value(key);
    };
    for (std::size_t i = 0; i < m.old_keys.size(); ++i)
        if (!new_at.contains(key_string(m.old_keys[i]))) {
            path.push_back(step(m.old_keys[i]));
            out.push_back({path, ChangeKind::removed, a[i], std::nullopt, std::nullopt});
            path.pop_back();
        }
    std::optional<delta_json> previous;  // the last element both sides have
    for (std::size_t i = 0; i < m.new_keys.size(); ++i) {
        path.push_back(step(m.new_keys[i]));
        if (auto it = old_at.find(key_string(m.new_keys[i])); it != old_at.end()) {
            if (m.mode == PathStep::Kind::keyed) diff_values(path, a[it->second], b[i], free, out);
            previous = m.new_keys[i];
        } else {
            out.push_back({path, ChangeKind::added, std::nullopt, b[i], previous});
        }
        path.pop_back();
    }
}

inline void diff_objects(FieldPath& path, const delta_json& a, const delta_json& b, bool free,
                         std::vector<FieldChange>& out) {
    static const delta_json empty_array = delta_json::array();
    for (const auto& [name, old_value] : a.items()) {
        const bool child_free = free || is_free_member(name);
        path.push_back(PathStep::member(name));
        if (auto it = b.find(name); it != b.end())
            diff_values(path, old_value, *it, child_free, out);
        else if (!child_free && old_value.is_array())
            diff_arrays(path, old_value, empty_array, false, true, out);
        else
            out.push_back({path, ChangeKind::removed, old_value, std::nullopt, std::nullopt});
        path.pop_back();
    }
    for (const auto& [name, new_value] : b.items()) {
        if (a.contains(name)) continue;
        const bool child_free = free || is_free_member(name);
        path.push_back(PathStep::member(name));
        if (!child_free && new_value.is_array())
            diff_arrays(path, empty_array, new_value, false, true, out);
        else
            out.push_back({path, ChangeKind::added, std::nullopt, new_value, std::nullopt});
        path.pop_back();
    }
}

/// Appends to `out` the changes that turn `a` into `b`, with paths below `path`.
inline void diff_values(FieldPath& path, const delta_json& a, const delta_json& b, bool free,
                        std::vector<FieldChange>& out) {
    if (a == b) return;
    if (a.is_object() && b.is_object()) return diff_objects(path, a, b, free, out);
    if (a.is_array() && b.is_array()) return diff_arrays(path, a, b, free, true, out);
    out.push_back({path, ChangeKind::changed, a, b, std::nullopt});
}

// ---- application ------------------------------------------------------------------

/// Applies FieldChange values whose paths start at the document root.
/// Additions and changes take effect in the order given, removals last, so
/// an element added after one that another change removes still lands where
/// that element stood.
class DeltaApplier {
public:
    explicit DeltaApplier(delta_json& document) : doc_(document) {}

    void apply_all(const std::vector<FieldChange>& changes) {
        try {
            for (const FieldChange& c : changes)
                if (c.kind != ChangeKind::removed) apply(c);
            for (const FieldChange& c : changes)
                if (c.kind == ChangeKind::removed) apply(c);
        } catch (...) {
            put_collections_back();
            throw;
        }
        put_collections_back();
    }

    void apply(const FieldChange& change) {
        const FieldPath& path = change.path;
        if (path.empty()) fail(change, "a change needs a path");
        bool free = false;
        delta_json& parent = descend(change, free);
        const PathStep& last = path.back();
        if (last.kind == PathStep::Kind::member) {
            if (&parent == &doc_ && doc_.contains(last.name)) put_back(doc_[last.name]);
            apply_member(change, parent, last.name, free || is_free_member(last.name));
        } else {
            apply_element(change, parent);
        }
    }

private:
    [[noreturn]] static void fail(const FieldChange& change, const std::string& problem) {
        throw Error("cannot apply the change at " + path_text(change.path) + ": " + problem);
    }

    /// The container the last step of the path is in.
    delta_json& descend(const FieldChange& change, bool& free) {
        const FieldPath& path = change.path;
        delta_json* node = &doc_;
        for (std::size_t i = 0; i + 1 < path.size(); ++i) {
            const PathStep& step = path[i];
            if (step.kind == PathStep::Kind::member) {
                if (!node->is_object()) fail(change, "\"" + step.name + "\" is not inside an object");
                free = free || is_free_member(step.name);
                auto it = node->find(step.name);
                if (it == node->end()) {
                    if (free || !path[i + 1].is_element()) fail(change, "no member \"" + step.name + "\"");
                    (*node)[step.name] = delta_json::array();  // absent arrays are empty
                }
                node = &(*node)[step.name];
            } else {
                if (!node->is_array()) fail(change, "expected an array before [" + key_text(step.key) + "]");
                if (Collection* c = collection_of(*node, step.kind)) {
                    const auto it = c->by_key.find(key_string(step.key));
                    if (it == c->by_key.end()) fail(change, "no element [" + key_text(step.key) + "]");
                    node = &*it->second;
                    continue;
                }
                const auto at = find_element(*node, step.kind, step.key);
                if (at < 0) fail(change, "no element [" + key_text(step.key) + "]");
                node = &(*node)[static_cast<std::size_t>(at)];
            }
        }
        return *node;
    }

    static void expect(const FieldChange& change, const delta_json& current, const char* what) {
        if (!change.old_value || current != *change.old_value)
            fail(change, std::string(what) + " is " + value_text(current, 80) + ", the change expects " +
                             (change.old_value ? value_text(*change.old_value, 80) : std::string("nothing")));
    }

    void apply_member(const FieldChange& change, delta_json& parent, const std::string& name, bool free) {
        if (!parent.is_object()) fail(change, "\"" + name + "\" is not inside an object");
        auto it = parent.find(name);
        switch (change.kind) {
            case ChangeKind::added:
                if (it != parent.end()) fail(change, "the value is already there");
                parent[name] = *change.new_value;
                break;
            case ChangeKind::removed:
                if (it == parent.end()) fail(change, "no value to remove");
                expect(change, *it, "the value");
                parent.erase(it);
                break;
            default: {
                static const delta_json empty_array = delta_json::array();
                const delta_json& current = it != parent.end() ? *it : (!free ? empty_array : delta_json());
                if (it == parent.end() && free) fail(change, "no value to change");
                expect(change, current, "the value");
                parent[name] = *change.new_value;
            }
        }
    }

    /// The key under which cursors_ remembers the last element added after
    /// change.after in the array holding the change.
    static std::string cursor_of(const FieldChange& change) {
        FieldPath parent_path(change.path.begin(), change.path.end() - 1);
        return key_string(path_json(parent_path)) + '\n' +
               (change.after ? key_string(*change.after) : std::string("^"));
    }

    void apply_element(const FieldChange& change, delta_json& parent) {
        const PathStep& step = change.path.back();
        if (!parent.is_array()) fail(change, "not inside an array");
        if (Collection* c = collection_of(parent, step.kind)) return apply_to_collection(change, *c);
        const auto at = find_element(parent, step.kind, step.key);
        switch (change.kind) {
            case ChangeKind::added: {
                if (at >= 0) fail(change, "the element is already there");
                const std::string cursor = cursor_of(change);
                std::size_t position = 0;
                if (auto c = cursors_.find(cursor); c != cursors_.end()) {
                    const auto last = find_element(parent, step.kind, c->second);
                    position = last >= 0 ? static_cast<std::size_t>(last) + 1 : parent.size();
                } else if (change.after) {
                    const auto anchor = find_element(parent, step.kind, *change.after);
                    position = anchor >= 0 ? static_cast<std::size_t>(anchor) + 1 : parent.size();
                }
                parent.insert(parent.begin() + static_cast<std::ptrdiff_t>(position), *change.new_value);
                cursors_[cursor] = step.key;
                break;
            }
            case ChangeKind::removed:
                if (at < 0) fail(change, "no element to remove");
                expect(change, parent[static_cast<std::size_t>(at)], "the element");
                parent.erase(static_cast<std::size_t>(at));
                break;
            default:
                if (at < 0) fail(change, "no element to change");
                expect(change, parent[static_cast<std::size_t>(at)], "the element");
                parent[static_cast<std::size_t>(at)] = *change.new_value;
        }
    }

    // ---- collections --------------------------------------------------------
    // A large keyed array at the top of the document (nodes, links,
    // indicators...) is held as a list with an index by key while a batch
    // applies, and put back as an array at its end: finding an element,
    // adding one after its anchor and removing one then cost O(1) instead of
    // a scan of the array, which made applying n changes O(n * size). The
    // element order, the cursors and every error are those of the array.

    struct Collection {
        std::list<delta_json> items;
        std::unordered_map<std::string, std::list<delta_json>::iterator> by_key;
    };
    static constexpr std::size_t collection_size = 32;  // smaller arrays are scanned

    /// The collection holding `array`'s elements, made on first use, or
    /// null when the array is to be scanned.
    Collection* collection_of(delta_json& array, PathStep::Kind mode) {
        if (auto it = collections_.find(&array); it != collections_.end()) {
            if (mode == PathStep::Kind::keyed) return &it->second;
            put_back(array);  // looked up by value: the array serves as it is
            return nullptr;
        }
        if (mode != PathStep::Kind::keyed || array.size() < collection_size || scanned_.contains(&array) ||
            !is_top_level(array))
            return nullptr;
        std::vector<std::string> keys;
        keys.reserve(array.size());
        std::unordered_set<std::string> seen;
        for (const delta_json& e : array) {
            if (!e.is_object() || !seen.insert(keys.emplace_back(key_string(identity_key(e)))).second) {
                scanned_.insert(&array);  // keys that do not tell the elements apart: scan, as before
                return nullptr;
            }
        }
        Collection& c = collections_[&array];
        c.by_key.reserve(keys.size());
        for (std::size_t i = 0; i < keys.size(); ++i)
            c.by_key.emplace(std::move(keys[i]), c.items.insert(c.items.end(), std::move(array[i])));
        array = delta_json::array();
        return &c;
    }

    bool is_top_level(const delta_json& array) const {
        if (!doc_.is_object()) return false;
        for (const auto& member : doc_.items())
            if (&member.value() == &array) return true;
        return false;
    }

    void apply_to_collection(const FieldChange& change, Collection& c) {
        const PathStep& step = change.path.back();
        std::string key = key_string(step.key);
        const auto found = c.by_key.find(key);
        switch (change.kind) {
            case ChangeKind::added: {
                if (found != c.by_key.end()) fail(change, "the element is already there");
                const std::string cursor = cursor_of(change);
                auto position = c.items.begin();
                auto after = [&](const delta_json& anchor) {
                    const auto a = c.by_key.find(key_string(anchor));
                    return a != c.by_key.end() ? std::next(a->second) : c.items.end();
                };
                if (auto last = cursors_.find(cursor); last != cursors_.end()) position = after(last->second);
                else if (change.after) position = after(*change.after);
                const auto added = c.items.insert(position, *change.new_value);
                c.by_key.emplace(identity_text(*added, std::move(key)), added);
                cursors_[cursor] = step.key;
                break;
            }
            case ChangeKind::removed:
                if (found == c.by_key.end()) fail(change, "no element to remove");
                expect(change, *found->second, "the element");
                c.items.erase(found->second);
                c.by_key.erase(found);
                break;
            default: {
                if (found == c.by_key.end()) fail(change, "no element to change");
                expect(change, *found->second, "the element");
                const auto element = found->second;
                *element = *change.new_value;
                // Found by the identity it has now, as a scan of the array would.
                if (std::string now = identity_text(*element, key); now != found->first) {
                    c.by_key.erase(found);
                    c.by_key.emplace(std::move(now), element);
                }
            }
        }
    }

    /// The key a collection indexes `element` under: its identity, or
    /// `otherwise` for a value that is not an object.
    static std::string identity_text(const delta_json& element, std::string otherwise) {
        return element.is_object() ? key_string(identity_key(element)) : std::move(otherwise);
    }

    /// Turns the collection of `array`, if it has one, back into the array.
    void put_back(delta_json& array) {
        const auto it = collections_.find(&array);
        if (it == collections_.end()) return;
        array = delta_json::array();
        auto& elements = array.get_ref<delta_json::array_t&>();
        elements.reserve(it->second.items.size());
        for (delta_json& e : it->second.items) elements.push_back(std::move(e));
        collections_.erase(it);
    }

    void put_collections_back() {
        while (!collections_.empty()) put_back(*collections_.begin()->first);
        scanned_.clear();
    }

    static delta_json path_json(const FieldPath& path) {
        delta_json out = delta_json::array();
        for (const PathStep& s : path)
            out.push_back(s.kind == PathStep::Kind::member ? delta_json(s.name) : delta_json{{"k", s.key}});
        return out;
    }

    delta_json& doc_;
    /// Per array and anchor: the key of the element inserted last, so that
    /// several elements added after the same one keep their order.
    std::map<std::string, delta_json> cursors_;
    std::map<delta_json*, Collection> collections_;
    std::set<const delta_json*> scanned_;
};

}  // namespace tocgraph::detail
