#pragma once
// The three-way merge behind merge() (merge.hpp): both sides diffed against
// the base, their changes combined, conflicts decided and marked, and the
// result checked with the linter.

#include <algorithm>
#include <cstddef>
#include <map>
#include <numeric>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../errors.hpp"
#include "../../json_io.hpp"
#include "../../lint.hpp"
#include "../../theory_of_change.hpp"
#include "../change.hpp"
#include "../diff.hpp"
#include "../diff_json.hpp"
#include "../merge_result.hpp"
#include "../path_text.hpp"
#include "json_delta.hpp"

namespace tocgraph::detail {

enum class MergeSide { ours, theirs };

inline const char* side_name(MergeSide s) { return s == MergeSide::ours ? "ours" : "theirs"; }

struct SideChange {
    FieldChange change;
    MergeSide side;
    bool selected = true;
    bool on_both_sides = false;  ///< the other side made the same change
};

inline bool path_prefix(const FieldPath& a, const FieldPath& b) {
    return a.size() <= b.size() && std::equal(a.begin(), a.end(), b.begin());
}
inline bool paths_overlap(const FieldPath& a, const FieldPath& b) { return path_prefix(a, b) || path_prefix(b, a); }

/// The value a path names in a document, or nothing.
inline std::optional<nlohmann::json> value_at(const nlohmann::json& doc, const FieldPath& path) {
    const nlohmann::json* node = &doc;
    for (const PathStep& step : path) {
        if (step.kind == PathStep::Kind::member) {
            if (!node->is_object()) return std::nullopt;
            auto it = node->find(step.name);
            if (it == node->end()) return std::nullopt;
            node = &*it;
        } else {
            if (!node->is_array()) return std::nullopt;
            const auto at = find_element(*node, step.kind, step.key);
            if (at < 0) return std::nullopt;
            node = &(*node)[static_cast<std::size_t>(at)];
        }
    }
    return *node;
}

/// Splits a path from the document root into the element's path and the field inside it.
struct ItemPath {
    FieldPath item;
    FieldPath field;
    std::string collection;
    nlohmann::json key;  ///< null for singletons
};

inline ItemPath split_item_path(const FieldPath& path, const std::set<std::string>& collections) {
    ItemPath out;
    if (path.empty()) return out;
    out.collection = path.front().name;
    const bool element = collections.contains(out.collection) && path.size() >= 2 && path[1].is_element();
    const std::size_t n = element ? 2 : 1;
    out.item.assign(path.begin(), path.begin() + static_cast<std::ptrdiff_t>(n));
    out.field.assign(path.begin() + static_cast<std::ptrdiff_t>(n), path.end());
    if (element) out.key = path[1].key;
    return out;
}

inline void collect_strings(const nlohmann::json& v, std::set<std::string>& out) {
    if (v.is_string()) out.insert(v.get<std::string>());
    else if (v.is_structured())
        for (const auto& child : v) collect_strings(child, out);
}

/// Does a change concern any of these ids (a lint finding's)?
inline bool touches(const FieldChange& c, const std::vector<std::string>& ids) {
    if (ids.empty()) return true;
    std::set<std::string> strings;
    for (const PathStep& s : c.path) {
        if (s.is_element()) {
            collect_strings(s.key, strings);
            strings.insert(key_text(s.key));
        }
    }
    if (c.old_value) collect_strings(*c.old_value, strings);
    if (c.new_value) collect_strings(*c.new_value, strings);
    return std::any_of(ids.begin(), ids.end(), [&](const std::string& id) { return strings.contains(id); });
}

/// "node \"io1\"", "link \"a->b\"", "metadata": an element as a conflict message names it.
inline std::string element_text(const std::string& collection, const nlohmann::json& key) {
    return key.is_null() ? collection : item_noun(collection) + " \"" + key_text(key) + "\"";
}

/// A value in a conflict message: on one line, long ones shortened.
inline std::string message_value(const nlohmann::json& v) { return value_text(v, 60); }

/// "title and tags", "a, b and c".
inline std::string and_list(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i)
        out += (i == 0 ? "" : i + 1 == items.size() ? " and " : ", ") + items[i];
    return out;
}

class Merger {
public:
    Merger(const TheoryOfChange& base, const TheoryOfChange& ours, const TheoryOfChange& theirs,
           const MergeOptions& options)
        : base_toc_(base), ours_toc_(ours), theirs_toc_(theirs), options_(options),
          base_(comparable_document(base)), ours_(comparable_document(ours)),
          theirs_(comparable_document(theirs)) {
        for (const nlohmann::json* doc : {&base_, &ours_, &theirs_})
            for (const auto& [name, value] : doc->items())
                if (!collections_.contains(name) && is_collection(value, value)) collections_.insert(name);
        const DiffOptions no_renames{.detect_renames = false};
        for (FieldChange& c : flatten(diff_versions(base, ours, no_renames)).changes)
            changes_.push_back({std::move(c), MergeSide::ours});
        for (FieldChange& c : flatten(diff_versions(base, theirs, no_renames)).changes)
            changes_.push_back({std::move(c), MergeSide::theirs});
    }

    MergeResult run() {
        combine();
        order_insertions();
        nlohmann::json doc = settle();
        if (options_.lint) doc = check_lint(std::move(doc));
        mark(doc);
        return {document_to_toc(doc, "merge"), std::move(conflicts_)};
    }

private:
    // ---- pairing the two sides' changes ----------------------------------------------

    std::size_t find_root(std::vector<std::size_t>& parent, std::size_t i) {
        while (parent[i] != i) i = parent[i] = parent[parent[i]];
        return i;
    }

    void combine() {
        // Changes can only meet within one element: index them by element.
        std::map<std::string, std::vector<std::size_t>> by_item;
        for (std::size_t i = 0; i < changes_.size(); ++i)
            by_item[key_string(field_path_json(split_item_path(changes_[i].change.path, collections_).item))].push_back(i);
        std::vector<std::size_t> parent(changes_.size());
        std::iota(parent.begin(), parent.end(), std::size_t{0});
        std::vector<char> in_conflict(changes_.size(), 0);
        for (const auto& [item, indices] : by_item)
            for (std::size_t i : indices) {
                if (changes_[i].side != MergeSide::ours) continue;
                for (std::size_t j : indices) {
                    if (changes_[j].side != MergeSide::theirs || !changes_[j].selected) continue;
                    const FieldChange &o = changes_[i].change, &t = changes_[j].change;
                    if (!paths_overlap(o.path, t.path)) continue;
                    if (o.path == t.path && o.kind == t.kind && o.new_value == t.new_value) {
                        changes_[j].selected = false;  // the same change twice: taken once
                        changes_[i].on_both_sides = changes_[j].on_both_sides = true;
                        continue;
                    }
                    parent[find_root(parent, i)] = find_root(parent, j);
                    in_conflict[i] = in_conflict[j] = 1;
                }
            }
        std::map<std::size_t, std::vector<std::size_t>> groups;
        for (std::size_t i = 0; i < changes_.size(); ++i)
            if (in_conflict[i]) groups[find_root(parent, i)].push_back(i);
        std::vector<std::vector<std::size_t>> ordered;
        for (auto& [root, members] : groups) ordered.push_back(std::move(members));
        std::sort(ordered.begin(), ordered.end(), [](const auto& x, const auto& y) { return x.front() < y.front(); });
        for (const auto& members : ordered) resolve_group(members);
    }

    void resolve_group(const std::vector<std::size_t>& members) {
        // Within a group every path lies inside the shortest one.
        const std::size_t shortest = *std::min_element(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            return changes_[a].change.path.size() < changes_[b].change.path.size();
        });
        const FieldPath at = changes_[shortest].change.path;
        auto side_has = [&](MergeSide side, auto predicate) {
            return std::any_of(members.begin(), members.end(), [&](std::size_t i) {
                return changes_[i].side == side && predicate(changes_[i].change);
            });
        };
        auto removes_here = [&](const FieldChange& c) { return c.kind == ChangeKind::removed && c.path == at; };
        auto changes_inside = [&](const FieldChange& c) { return c.path.size() > at.size(); };
        auto adds_here = [&](const FieldChange& c) { return c.kind == ChangeKind::added && c.path == at; };

        ConflictKind kind = ConflictKind::both_changed;
        MergeSide keep = MergeSide::ours;
        std::string resolution = "kept ours";
        if (side_has(MergeSide::ours, removes_here) && side_has(MergeSide::theirs, changes_inside)) {
            kind = ConflictKind::delete_modify;
            keep = MergeSide::theirs;
            resolution = "kept it as theirs changed it (ours removed it)";
        } else if (side_has(MergeSide::theirs, removes_here) && side_has(MergeSide::ours, changes_inside)) {
            kind = ConflictKind::delete_modify;
            resolution = "kept it as ours changed it (theirs removed it)";
        } else if (side_has(MergeSide::ours, adds_here) && side_has(MergeSide::theirs, adds_here)) {
            kind = ConflictKind::both_added;
        }
        for (std::size_t i : members) changes_[i].selected = changes_[i].side == keep;
        add_conflict(kind, at, group_message(kind, at, members), resolution);
        if (kind == ConflictKind::delete_modify)
            keep_node_links(at, keep == MergeSide::ours ? MergeSide::theirs : MergeSide::ours, kind);
    }

    /// One sentence on what clashed in a group: the element, then what each
    /// side did, e.g. `node "io1": title changed to "A" on ours and to "B" on theirs`.
    std::string group_message(ConflictKind kind, const FieldPath& at, const std::vector<std::size_t>& members) const {
        const ItemPath where = split_item_path(at, collections_);
        const std::string element = element_text(where.collection, where.key);
        const std::string field = path_text(where.field);
        const auto base = value_at(base_, at), ours = value_at(ours_, at), theirs = value_at(theirs_, at);
        if (kind == ConflictKind::delete_modify) {
            const MergeSide remover = ours ? MergeSide::theirs : MergeSide::ours;
            const MergeSide modifier = remover == MergeSide::ours ? MergeSide::theirs : MergeSide::ours;
            std::vector<const FieldChange*> inside;
            for (std::size_t i : members)
                if (changes_[i].side == modifier && changes_[i].change.path.size() > at.size())
                    inside.push_back(&changes_[i].change);
            std::string modified;
            if (inside.size() == 1) {
                const FieldChange& c = *inside.front();
                modified = path_text(split_item_path(c.path, collections_).field) +
                           (c.new_value ? " changed to " + message_value(*c.new_value) : std::string(" removed"));
            } else {
                std::vector<std::string> paths;
                for (const FieldChange* c : inside) {
                    std::string p = path_text(split_item_path(c->path, collections_).field);
                    if (std::find(paths.begin(), paths.end(), p) == paths.end()) paths.push_back(std::move(p));
                }
                modified = and_list(paths) + " changed";
            }
            return element + ": " + (field.empty() ? "" : field + " ") + "removed on " + side_name(remover) + ", " +
                   modified + " on " + side_name(modifier);
        }
        if (kind == ConflictKind::both_added && ours && theirs && ours->is_object() && theirs->is_object()) {
            std::vector<std::string> differing;
            for (const nlohmann::json* side : {&*ours, &*theirs})
                for (const auto& [name, value] : side->items())
                    if (std::find(differing.begin(), differing.end(), name) == differing.end() &&
                        value_at(*ours, {PathStep::member(name)}) != value_at(*theirs, {PathStep::member(name)}))
                        differing.push_back(name);
            std::string prefix = element + ": " + (field.empty() ? "" : field + " ") + "added on ours and on theirs";
            if (differing.size() == 1) {
                const auto o = value_at(*ours, {PathStep::member(differing[0])});
                const auto t = value_at(*theirs, {PathStep::member(differing[0])});
                return prefix + ", with " + differing[0] + " " + (o ? message_value(*o) : std::string("unset")) +
                       " on ours and " + (t ? message_value(*t) : std::string("unset")) + " on theirs";
            }
            if (!differing.empty()) return prefix + ", differing in " + and_list(differing);
        }
        // both_changed (or both_added values that are not objects): each side's value there.
        const std::string verb = base ? "changed to " : "added as ";
        auto did = [&](const std::optional<nlohmann::json>& v, bool first) {
            return v ? (first ? verb : verb.substr(verb.find(' ') + 1)) + message_value(*v) : std::string("removed");
        };
        std::string out = element + ": " + (field.empty() ? "" : field + " ");
        if (ours && theirs) return out + did(ours, true) + " on ours and " + did(theirs, false) + " on theirs";
        return out + did(ours, true) + " on ours and " + did(theirs, true) + " on theirs";
    }

    /// When a node one side removed is kept, the links and indicators that
    /// side removed with it are kept too (the removal took them because it
    /// took the node); each is reported as a conflict of the same kind.
    /// True if there were any.
    bool keep_node_links(const FieldPath& at, MergeSide remover, ConflictKind kind) {
        if (at.size() != 2 || at[0].kind != PathStep::Kind::member || at[0].name != "nodes" || !at[1].key.is_string())
            return false;
        const std::string id = at[1].key.get<std::string>();
        std::vector<FieldPath> kept;
        for (SideChange& c : changes_) {
            const FieldChange& f = c.change;
            // A link or indicator both sides removed stays removed, whichever side is ours.
            if (!c.selected || c.on_both_sides || c.side != remover || f.kind != ChangeKind::removed ||
                f.path.size() != 2 || !f.old_value || !f.old_value->is_object())
                continue;
            const std::string& collection = f.path[0].name;
            const bool attached = (collection == "links" && (string_member(*f.old_value, "source") == id ||
                                                             string_member(*f.old_value, "target") == id)) ||
                                  (collection == "indicators" && string_member(*f.old_value, "node") == id);
            if (attached) {
                c.selected = false;
                kept.push_back(f.path);
            }
        }
        const MergeSide other = remover == MergeSide::ours ? MergeSide::theirs : MergeSide::ours;
        const std::string why = kind == ConflictKind::delete_modify ? " changed" : " still refers to";
        for (const FieldPath& path : kept) {
            const ItemPath where = split_item_path(path, collections_);
            add_conflict(kind, path,
                         element_text(where.collection, where.key) + ": removed on " + side_name(remover) +
                             " along with node \"" + id + "\", which " + side_name(other) + why,
                         "kept it with node \"" + id + "\"");
        }
        return !kept.empty();
    }

    void add_conflict(ConflictKind kind, const FieldPath& at, std::string message, std::string resolution) {
        const ItemPath where = split_item_path(at, collections_);
        Conflict c;
        c.kind = kind;
        c.collection = where.collection;
        c.key = where.key;
        c.id = item_id_text(where.key);
        c.field = where.field;
        c.base = value_at(base_, at);
        c.ours = value_at(ours_, at);
        c.theirs = value_at(theirs_, at);
        c.message = std::move(message);
        c.resolution = std::move(resolution);
        conflicts_.push_back(std::move(c));
    }

    // ---- where added array elements go ----------------------------------------------------

    /// Elements both sides add after the same element: theirs' run and ours'
    /// run in the order of their first keys, so merge(b, x, y) and
    /// merge(b, y, x) put them in the same order.
    void order_insertions() {
        std::map<std::string, std::vector<std::size_t>> runs;  // array + anchor -> changes in order
        for (std::size_t i = 0; i < changes_.size(); ++i) {
            const FieldChange& c = changes_[i].change;
            if (!changes_[i].selected || c.kind != ChangeKind::added || c.path.empty() || !c.path.back().is_element())
                continue;
            const FieldPath parent(c.path.begin(), c.path.end() - 1);
            runs[key_string(field_path_json(parent)) + '\n' + (c.after ? key_string(*c.after) : std::string("^"))].push_back(i);
        }
        for (const auto& [anchor, indices] : runs) {
            std::vector<std::size_t> ours, theirs;
            for (std::size_t i : indices) (changes_[i].side == MergeSide::ours ? ours : theirs).push_back(i);
            if (ours.empty() || theirs.empty()) continue;
            const bool theirs_first = key_string(changes_[theirs.front()].change.path.back().key) <
                                      key_string(changes_[ours.front()].change.path.back().key);
            std::vector<std::size_t> order = theirs_first ? theirs : ours;
            const auto& rest = theirs_first ? ours : theirs;
            order.insert(order.end(), rest.begin(), rest.end());
            std::vector<SideChange> moved;
            for (std::size_t i : order) moved.push_back(changes_[i]);
            for (std::size_t k = 0; k < indices.size(); ++k) changes_[indices[k]] = std::move(moved[k]);
        }
    }

    // ---- building and repairing the merged document ----------------------------------------

    nlohmann::json build() const {
        nlohmann::json doc = base_;
        std::vector<FieldChange> selected;
        for (const SideChange& c : changes_)
            if (c.selected) selected.push_back(c.change);
        DeltaApplier(doc).apply_all(selected);
        return doc;
    }

    /// The selected item-level removal of an element, or nullptr.
    SideChange* removal_of(const std::string& collection, const nlohmann::json& key) {
        const FieldPath item{PathStep::member(collection), PathStep::keyed(key)};
        for (SideChange& c : changes_)
            if (c.selected && c.change.kind == ChangeKind::removed && c.change.path == item) return &c;
        return nullptr;
    }

    /// The first reference to a missing node or actor: (referrer path, collection, missing id).
    struct Dangling {
        FieldPath referrer;
        std::string collection;
        std::string id;
    };
    static std::optional<Dangling> find_dangling(const nlohmann::json& doc) {
        std::set<std::string> nodes, actors;
        for (const auto& n : array_member(doc, "nodes")) nodes.insert(string_member(n, "id"));
        for (const auto& a : array_member(doc, "actors")) actors.insert(string_member(a, "id"));
        for (const auto& l : array_member(doc, "links"))
            for (const char* end : {"source", "target"})
                if (!nodes.contains(string_member(l, end)))
                    return Dangling{{PathStep::member("links"), PathStep::keyed(identity_key(l))}, "nodes",
                                    string_member(l, end)};
        for (const auto& i : array_member(doc, "indicators"))
            if (!nodes.contains(string_member(i, "node")))
                return Dangling{{PathStep::member("indicators"), PathStep::keyed(i["id"])}, "nodes",
                                string_member(i, "node")};
        for (const auto& n : array_member(doc, "nodes"))
            for (const auto& a : array_member(n, "actors"))
                if (a.is_string() && !actors.contains(a.get<std::string>()))
                    return Dangling{{PathStep::member("nodes"), PathStep::keyed(n["id"])}, "actors",
                                    a.get<std::string>()};
        return std::nullopt;
    }

    /// Drops the selected changes of one side inside a path; true if any.
    bool drop_changes(const FieldPath& inside, MergeSide side) {
        bool any = false;
        for (SideChange& c : changes_)
            if (c.selected && c.side == side && path_prefix(inside, c.change.path)) {
                c.selected = false;
                any = true;
            }
        return any;
    }

    /// Builds the document, restoring removed elements that are still
    /// referred to and dropping changes that leave it invalid.
    nlohmann::json settle() {
        for (std::size_t round = 0; round <= changes_.size(); ++round) {
            nlohmann::json doc = build();
            if (auto d = find_dangling(doc)) {
                if (SideChange* removal = removal_of(d->collection, nlohmann::json(d->id))) {
                    removal->selected = false;
                    const std::string noun = item_noun(d->collection);
                    const std::string referrer = item_noun(d->referrer.front().name) + " " + key_text(d->referrer[1].key);
                    add_conflict(ConflictKind::dangling_reference, removal->change.path,
                                 std::string(side_name(removal->side)) + " removed " + noun + " \"" + d->id +
                                     "\", which " + referrer + " still refers to",
                                 "kept " + noun + " \"" + d->id + "\"");
                    keep_node_links(removal->change.path, removal->side, ConflictKind::dangling_reference);
                    continue;
                }
                if (drop_changes(d->referrer, MergeSide::theirs) || drop_changes(d->referrer, MergeSide::ours)) {
                    add_conflict(ConflictKind::invalid, d->referrer,
                                 "it refers to " + item_noun(d->collection) + " \"" + d->id + "\", which is missing",
                                 "dropped the change");
                    continue;
                }
                throw Error("cannot merge: " + item_noun(d->referrer.front().name) + " " +
                            key_text(d->referrer[1].key) + " refers to missing " + item_noun(d->collection) + " \"" +
                            d->id + "\"");
            }
            try {
                toc_from_json(doc, "<merge>");
                return doc;
            } catch (const FormatError& e) {
                if (!drop_invalid(doc, e)) throw Error(std::string("cannot merge: ") + e.what());
            }
        }
        throw Error("cannot merge: the changes do not settle into a valid theory of change");
    }

    /// Drops the changes to the element a reader error points at (theirs
    /// first), else the changes to the document's singletons (a schema that
    /// no longer has a node's level).
    bool drop_invalid(const nlohmann::json& doc, const FormatError& e) {
        FieldPath at;
        const std::string& pointer = e.pointer();
        const std::size_t second = pointer.find('/', 1);
        const std::string member = pointer.size() > 1 ? pointer.substr(1, second == std::string::npos ? std::string::npos : second - 1) : std::string();
        if (!member.empty()) {
            at.push_back(PathStep::member(member));
            if (collections_.contains(member) && second != std::string::npos && doc.contains(member)) {
                const std::size_t third = pointer.find('/', second + 1);
                const std::string index = pointer.substr(second + 1, third == std::string::npos ? std::string::npos : third - second - 1);
                const auto& array = doc[member];
                std::size_t i = array.size();
                if (!index.empty() && index.find_first_not_of("0123456789") == std::string::npos && index.size() < 10)
                    i = std::stoul(index);
                if (i < array.size()) at.push_back(PathStep::keyed(identity_key(array[i])));
            }
        }
        for (MergeSide side : {MergeSide::theirs, MergeSide::ours})
            if (!at.empty() && drop_changes(at, side)) {
                add_conflict(ConflictKind::invalid, at, e.problem(), std::string("dropped ") + side_name(side) + "' change");
                return true;
            }
        for (MergeSide side : {MergeSide::theirs, MergeSide::ours}) {
            bool any = false;
            for (const char* singleton : {"schema", "metadata"})
                any = drop_changes({PathStep::member(singleton)}, side) || any;
            if (any) {
                add_conflict(ConflictKind::invalid, {PathStep::member("schema")}, e.problem(),
                             std::string("dropped ") + side_name(side) + "' change to the schema and metadata");
                return true;
            }
        }
        return false;
    }

    // ---- lint ---------------------------------------------------------------------------

    std::vector<Finding> new_findings(const TheoryOfChange& merged) const {
        std::vector<Finding> out;
        for (Finding& f : lint(merged)) {
            const std::set<std::string> ids(f.ids.begin(), f.ids.end());
            const bool inherited = std::any_of(inputs_findings_.begin(), inputs_findings_.end(), [&](const Finding& g) {
                return g.code == f.code &&
                       std::all_of(g.ids.begin(), g.ids.end(), [&](const std::string& id) { return ids.contains(id); });
            });
            if (!inherited) out.push_back(std::move(f));
        }
        return out;
    }

    static bool same_finding(const Finding& a, const Finding& b) { return a.code == b.code && a.ids == b.ids; }

    nlohmann::json check_lint(nlohmann::json doc) {
        for (const TheoryOfChange* toc : {&base_toc_, &ours_toc_, &theirs_toc_})
            for (Finding& f : lint(*toc)) inputs_findings_.push_back(std::move(f));
        std::vector<Finding> handled;
        for (std::size_t round = 0; round <= changes_.size() + 1; ++round) {
            const std::vector<Finding> found = new_findings(toc_from_json(doc, "<merge>"));
            auto next = std::find_if(found.begin(), found.end(), [&](const Finding& f) {
                return std::none_of(handled.begin(), handled.end(), [&](const Finding& h) { return same_finding(f, h); });
            });
            if (next == found.end()) return doc;
            const Finding finding = *next;
            handled.push_back(finding);
            const std::string message = finding.code + " " + finding.message;
            if (finding.severity == Severity::info) {
                add_lint_conflict(finding, nullptr, message, "kept both changes");
                continue;
            }
            if (auto fixed = clear_finding(finding, found.size())) {
                doc = std::move(fixed->first);
                add_lint_conflict(finding, &changes_[fixed->second], message,
                                  std::string("dropped ") + side_name(changes_[fixed->second].side) + "' change");
                continue;
            }
            add_lint_conflict(finding, nullptr, message, "kept both changes; not cleared automatically");
        }
        return doc;
    }

    /// Tries dropping one change (theirs first, latest first) that concerns
    /// the finding; keeps the first drop after which the merged result is
    /// valid, the finding is gone and fewer new findings remain.
    std::optional<std::pair<nlohmann::json, std::size_t>> clear_finding(const Finding& finding, std::size_t count) {
        for (MergeSide side : {MergeSide::theirs, MergeSide::ours})
            for (std::size_t k = changes_.size(); k-- > 0;) {
                SideChange& c = changes_[k];
                if (!c.selected || c.side != side || !touches(c.change, finding.ids)) continue;
                c.selected = false;
                try {
                    nlohmann::json doc = build();
                    if (!find_dangling(doc)) {
                        const auto after = new_findings(toc_from_json(doc, "<merge>"));
                        const bool gone = std::none_of(after.begin(), after.end(),
                                                       [&](const Finding& f) { return same_finding(f, finding); });
                        if (gone && after.size() < count) return std::pair{std::move(doc), k};
                    }
                } catch (const Error&) {
                    // Not a valid result without this change: try another.
                }
                c.selected = true;
            }
        return std::nullopt;
    }

    void add_lint_conflict(const Finding& finding, const SideChange* dropped, const std::string& message,
                           std::string resolution) {
        if (dropped) {
            add_conflict(ConflictKind::lint, dropped->change.path, message, std::move(resolution));
            return;
        }
        // Not tied to one change: the first element the finding names.
        FieldPath at{PathStep::member("metadata")};
        for (const std::string& id : finding.ids) {
            bool found = false;
            for (const char* collection : {"nodes", "indicators", "assumptions", "actors", "links"}) {
                for (const auto& e : array_member(ours_, collection)) {
                    const nlohmann::json key = identity_key(e);
                    if (key_text(key) == id) {
                        at = {PathStep::member(collection), PathStep::keyed(key)};
                        found = true;
                        break;
                    }
                }
                if (found) break;
            }
            if (found) break;
        }
        add_conflict(ConflictKind::lint, at, message, std::move(resolution));
    }

    // ---- marking conflicts in the result ---------------------------------------------------

    void mark(nlohmann::json& doc) const {
        for (const Conflict& c : conflicts_) {
            nlohmann::json marker = {{"kind", std::string(to_string(c.kind))}, {"field", path_text(c.field)}};
            if (c.collection == "schema") marker["field"] = "schema";
            if (c.base) marker["base"] = *c.base;
            if (c.ours) marker["ours"] = *c.ours;
            if (c.theirs) marker["theirs"] = *c.theirs;
            if (!c.message.empty()) marker["message"] = c.message;
            marker["resolution"] = c.resolution;
            nlohmann::json* holder = nullptr;
            if (!c.key.is_null() && doc.contains(c.collection) && doc[c.collection].is_array()) {
                auto& array = doc[c.collection];
                auto at = find_element(array, PathStep::Kind::keyed, c.key);
                if (at < 0 && c.collection == "links" && c.key.is_object() && doc.contains("nodes")) {
                    // A link not in the result: its source node carries the mark.
                    marker["link"] = c.id;
                    auto& nodes = doc["nodes"];
                    at = find_element(nodes, PathStep::Kind::keyed, c.key.value("source", nlohmann::json()));
                    if (at >= 0) holder = &nodes[static_cast<std::size_t>(at)];
                } else if (at >= 0) {
                    holder = &array[static_cast<std::size_t>(at)];
                }
            }
            if (!holder) {
                if (!c.key.is_null()) marker["element"] = item_noun(c.collection) + " " + c.id;
                holder = &doc["metadata"];
            }
            auto& attributes = (*holder)["attributes"];
            if (!attributes.is_object()) attributes = nlohmann::json::object();
            auto& list = attributes["merge_conflicts"];
            if (!list.is_array()) list = nlohmann::json::array();
            list.push_back(std::move(marker));
        }
    }

    const TheoryOfChange& base_toc_;
    const TheoryOfChange& ours_toc_;
    const TheoryOfChange& theirs_toc_;
    MergeOptions options_;
    nlohmann::json base_, ours_, theirs_;
    std::set<std::string> collections_;
    std::vector<SideChange> changes_;
    std::vector<Conflict> conflicts_;
    std::vector<Finding> inputs_findings_;
};


}  // namespace tocgraph::detail
