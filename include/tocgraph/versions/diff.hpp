#pragma once
// Semantic diff of two versions of a theory of change, and its inverse:
//
//   tocgraph::Diff d = tocgraph::diff(before, after);
//   tocgraph::TheoryOfChange again = tocgraph::apply(before, d);   // == after
//
// Elements are matched by id (links by source and target) and compared field
// by field on their JSON form (detail/json/writer.hpp), so every field the
// file format carries is covered. Nodes whose id changed are reported as
// renames where the evidence is clear (versions/rename.hpp). diff(a, a) is
// empty, and apply(a, diff(a, b)) == b for any a and b.

#include <algorithm>
#include <cstddef>
#include <map>
#include <unordered_map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../detail/json/writer.hpp"
#include "../errors.hpp"
#include "../json_io.hpp"
#include "../level_schema.hpp"
#include "../theory_of_change.hpp"
#include "change.hpp"
#include "detail/diff_document.hpp"
#include "detail/json_delta.hpp"
#include "path_text.hpp"
#include "rename.hpp"

namespace tocgraph {

struct DiffOptions {
    /// Report a node whose id changed as renamed (versions/rename.hpp) rather
    /// than as removed and added.
    bool detect_renames = true;
};

namespace detail {
// Defined at the end of this file, below the API.
inline Diff diff_versions(const TheoryOfChange& old_toc, const TheoryOfChange& new_toc, const DiffOptions& options);
}

/// What changed from `old_toc` to `new_toc`. Throws Error only for values
/// the file format cannot carry (as toc_to_json does).
inline Diff diff(const TheoryOfChange& old_toc, const TheoryOfChange& new_toc, const DiffOptions& options = {}) {
    return detail::diff_versions(old_toc, new_toc, options);
}

/// The theory of change `toc` becomes with the changes of `d`: for any a and
/// b, apply(a, diff(a, b)) == b. Throws Error naming the element and the
/// field when `toc` does not hold what the diff expects there (a value
/// changed meanwhile, an element already present or already gone), or when
/// the result would not be a valid theory of change.
inline TheoryOfChange apply(const TheoryOfChange& toc, const Diff& d) {
    nlohmann::json doc = detail::comparable_document(toc);
    const detail::FlatDiff flat = detail::flatten(d);
    detail::apply_renames(doc, flat);
    detail::DeltaApplier(doc).apply_all(flat.changes);
    return detail::document_to_toc(doc, "diff");
}

namespace detail {

/// The node renames of a diff, both ways.
struct NodeRenames {
    std::unordered_map<std::string, std::string> to_new;  ///< old id -> new id
    std::unordered_map<std::string, std::string> to_old;  ///< new id -> old id

    const std::string& new_id(const std::string& old_id) const { return mapped(to_new, old_id); }
    const std::string& old_id(const std::string& new_id) const { return mapped(to_old, new_id); }
    /// Sets member `name` of `element` (a JSON form) to the new id of `old_id`, if it was renamed.
    void rename_member(nlohmann::json& element, const char* name, const std::string& old_id) const {
        if (const std::string& id = new_id(old_id); &id != &old_id) element[name] = id;
    }

private:
    static const std::string& mapped(const std::unordered_map<std::string, std::string>& map, const std::string& id) {
        if (map.empty()) return id;
        auto it = map.find(id);
        return it == map.end() ? id : it->second;
    }
};

/// The vertex of each node in the other version (renames made), or npos.
struct VertexMatch {
    static constexpr std::size_t npos = static_cast<std::size_t>(-1);
    std::vector<std::size_t> old_to_new, new_to_old;

    VertexMatch(const TheoryOfChange& old_toc, const TheoryOfChange& new_toc, const NodeRenames& renames)
        : old_to_new(vertices_in(new_toc, old_toc, [&](const std::string& id) -> auto& { return renames.new_id(id); })),
          new_to_old(vertices_in(old_toc, new_toc, [&](const std::string& id) -> auto& { return renames.old_id(id); })) {}

private:
    template <typename Id>
    static std::vector<std::size_t> vertices_in(const TheoryOfChange& to, const TheoryOfChange& from, Id id_in_to) {
        std::vector<std::size_t> out;
        out.reserve(from.node_count());
        for (const Node& n : from.nodes()) {
            const std::string& id = id_in_to(n.id);
            out.push_back(to.contains(id) ? to.vertex_of(id) : npos);
        }
        return out;
    }
};

// How diff_model_collection sees one collection: its elements by position
// in written order in each version (old_at, new_at), the element of the
// other version each matches (in_new, in_old), and their keys, JSON forms and
// comparison. The old version's elements are seen with the renames made, as
// in a document whose nodes were renamed (rename_nodes_in_document).

struct NodeSide {
    const TheoryOfChange &old_toc, &new_toc;
    const NodeRenames& renames;
    const VertexMatch& vertices;

    std::size_t old_count() const { return old_toc.node_count(); }
    std::size_t new_count() const { return new_toc.node_count(); }
    const Node& old_at(std::size_t i) const { return old_toc.graph()[i]; }
    const Node& new_at(std::size_t j) const { return new_toc.graph()[j]; }
    const Node* in_new(std::size_t i) const {
        const std::size_t v = vertices.old_to_new[i];
        return v == VertexMatch::npos ? nullptr : &new_toc.graph()[v];
    }
    const Node* in_old(std::size_t j) const {
        const std::size_t v = vertices.new_to_old[j];
        return v == VertexMatch::npos ? nullptr : &old_toc.graph()[v];
    }
    nlohmann::json old_key(const Node& o) const { return renames.new_id(o.id); }
    nlohmann::json new_key(const Node& n) const { return n.id; }
    const std::string* renamed_from(const Node& n) const {
        const std::string& id = renames.old_id(n.id);
        return &id == &n.id ? nullptr : &id;
    }
    /// For elements that are not renamed.
    bool same(const Node& o, const Node& n) const { return o == n; }
    nlohmann::json old_json(const Node& o) const {
        nlohmann::json out = element_json(o);
        renames.rename_member(out, "id", o.id);
        return out;
    }
};

struct LinkSide {
    using Graph = TheoryOfChange::Graph;
    using Edge = Graph::edge_descriptor;
    const TheoryOfChange &old_toc, &new_toc;
    const NodeRenames& renames;
    const VertexMatch& vertices;
    std::vector<Edge> old_edges = edges(old_toc), new_edges = edges(new_toc);  // in written order (links())

    static std::vector<Edge> edges(const TheoryOfChange& toc) {
        std::vector<Edge> out;
        out.reserve(toc.link_count());
        for (auto [it, end] = boost::edges(toc.graph()); it != end; ++it) out.push_back(*it);
        return out;
    }
    std::size_t old_count() const { return old_edges.size(); }
    std::size_t new_count() const { return new_edges.size(); }
    const Link& old_at(std::size_t i) const { return old_toc.graph()[old_edges[i]]; }
    const Link& new_at(std::size_t j) const { return new_toc.graph()[new_edges[j]]; }
    static const Link* matching(const Edge& e, const Graph& from, const std::vector<std::size_t>& vertex_in,
                                const Graph& in) {
        const std::size_t s = vertex_in[boost::source(e, from)], t = vertex_in[boost::target(e, from)];
        if (s == VertexMatch::npos || t == VertexMatch::npos) return nullptr;
        const auto [found, exists] = boost::edge(s, t, in);
        return exists ? &in[found] : nullptr;
    }
    const Link* in_new(std::size_t i) const {
        return matching(old_edges[i], old_toc.graph(), vertices.old_to_new, new_toc.graph());
    }
    const Link* in_old(std::size_t j) const {
        return matching(new_edges[j], new_toc.graph(), vertices.new_to_old, old_toc.graph());
    }
    static nlohmann::json key(const std::string& source, const std::string& target) {
        return {{"source", source}, {"target", target}};
    }
    nlohmann::json old_key(const Link& o) const { return key(renames.new_id(o.source), renames.new_id(o.target)); }
    nlohmann::json new_key(const Link& n) const { return key(n.source, n.target); }
    const std::string* renamed_from(const Link&) const { return nullptr; }
    bool same(const Link& o, const Link& n) const {
        const std::string &source = renames.new_id(o.source), &target = renames.new_id(o.target);
        if (&source == &o.source && &target == &o.target) return o == n;
        Link renamed = o;
        renamed.source = source;
        renamed.target = target;
        return renamed == n;
    }
    nlohmann::json old_json(const Link& o) const {
        nlohmann::json out = element_json(o);
        renames.rename_member(out, "source", o.source);
        renames.rename_member(out, "target", o.target);
        return out;
    }
};

struct IndicatorSide {
    const TheoryOfChange &old_toc, &new_toc;
    const NodeRenames& renames;

    std::size_t old_count() const { return old_toc.indicators().size(); }
    std::size_t new_count() const { return new_toc.indicators().size(); }
    const Indicator& old_at(std::size_t i) const { return old_toc.indicators()[i]; }
    const Indicator& new_at(std::size_t j) const { return new_toc.indicators()[j]; }
    const Indicator* in_new(std::size_t i) const { return new_toc.find_indicator(old_at(i).id); }
    const Indicator* in_old(std::size_t j) const { return old_toc.find_indicator(new_at(j).id); }
    nlohmann::json old_key(const Indicator& o) const { return o.id; }
    nlohmann::json new_key(const Indicator& n) const { return n.id; }
    const std::string* renamed_from(const Indicator&) const { return nullptr; }
    bool same(const Indicator& o, const Indicator& n) const {
        const std::string& node = renames.new_id(o.node);
        if (&node == &o.node) return o == n;
        Indicator renamed = o;
        renamed.node = node;
        return renamed == n;
    }
    nlohmann::json old_json(const Indicator& o) const {
        nlohmann::json out = element_json(o);
        renames.rename_member(out, "node", o.node);
        return out;
    }
};

/// The changes of one model collection (is_model_collection), as the
/// document comparison below makes them for the other members: elements are
/// matched through the models' indexes and compared as model values, and
/// only those that differ are written as JSON and compared field by field.
template <typename Side>
void diff_model_collection(const std::string& member, const Side& side, const WrittenMemberOrder& new_order,
                           Diff& out) {
    for (std::size_t i = 0; i < side.old_count(); ++i) {
        if (side.in_new(i)) continue;
        nlohmann::json key = side.old_key(side.old_at(i));
        std::string id = item_id_text(key);
        out.changes.push_back({member, std::move(id), std::move(key), ChangeKind::removed, "",
                               side.old_json(side.old_at(i)), nullptr, {}, std::nullopt});
    }
    std::optional<std::size_t> previous;  // the last element both versions have
    for (std::size_t j = 0; j < side.new_count(); ++j) {
        const auto& e = side.new_at(j);
        const auto* old_e = side.in_old(j);
        if (!old_e) {
            nlohmann::json key = side.new_key(e);
            std::string id = item_id_text(key);
            out.changes.push_back({member, std::move(id), std::move(key), ChangeKind::added, "", nullptr,
                                   element_json(e), {},
                                   previous ? std::optional<nlohmann::json>(side.new_key(side.new_at(*previous)))
                                            : std::nullopt});
            continue;
        }
        previous = j;
        const std::string* renamed_from = side.renamed_from(e);
        if (!renamed_from && side.same(*old_e, e)) continue;
        nlohmann::json old_value = side.old_json(*old_e), new_value = element_json(e);
        if (!renamed_from && old_value == new_value) continue;
        std::vector<FieldChange> fields;
        FieldPath path;
        diff_values(path, old_value, new_value, false, fields);
        // The writer writes elements in one order whatever it writes to, so
        // its j-th element of `member` is e.
        if (const auto names = new_order.members_of(member, j)) sort_fields(fields, *names);
        nlohmann::json key = side.new_key(e);
        std::string id = item_id_text(key);
        ItemChange item{member, std::move(id), std::move(key), ChangeKind::changed, "", std::move(old_value),
                        std::move(new_value), std::move(fields), std::nullopt};
        if (renamed_from) {
            item.kind = ChangeKind::renamed;
            item.new_id = std::move(item.id);
            item.id = *renamed_from;
            item.key = nlohmann::json(*renamed_from);
            item.old_value = element_json(*old_e);  // as the old version has it
        }
        out.changes.push_back(std::move(item));
    }
}

/// What diff() returns. Nodes, links and indicators are compared on the
/// models (diff_model_collection); the other members of the documents, which
/// are small, as JSON.
inline Diff diff_versions(const TheoryOfChange& old_toc, const TheoryOfChange& new_toc, const DiffOptions& options) {
    using nlohmann::json;
    json old_doc = comparable_document_without_collections(old_toc);
    // The file order of members, for reporting an element's changed fields
    // in the order the file shows them, recorded as the document is written.
    DomOutWithoutCollections new_out;
    const WrittenMemberOrder new_order(new_toc, new_out);
    const json b = with_defaults_spelt_out(new_out.take());
    std::optional<WrittenMemberOrder> old_order;  // recorded only if a member is gone from new_toc

    NodeRenames renames;
    if (options.detect_renames) {
        for (NodeRename& r : detect_node_renames(old_toc, new_toc)) {
            renames.to_old.emplace(r.to, r.from);
            renames.to_new.emplace(std::move(r.from), std::move(r.to));
        }
        rename_nodes_in_document(old_doc, renames.to_new);  // the references outside the model collections
    }
    const json& a = old_doc;
    const VertexMatch vertices(old_toc, new_toc, renames);

    static const json empty_array = json::array();
    Diff out;
    for (const std::string& member : document_members(a, b)) {
        if (member == "nodes") {
            diff_model_collection(member, NodeSide{old_toc, new_toc, renames, vertices}, new_order, out);
            continue;
        }
        if (member == "links") {
            diff_model_collection(member, LinkSide{old_toc, new_toc, renames, vertices}, new_order, out);
            continue;
        }
        if (member == "indicators") {
            diff_model_collection(member, IndicatorSide{old_toc, new_toc, renames}, new_order, out);
            continue;
        }
        const auto in_a = a.find(member), in_b = b.find(member);
        const json& va = in_a != a.end() ? *in_a : empty_array;
        const json& vb = in_b != b.end() ? *in_b : empty_array;
        if (va == vb) continue;
        const std::optional<detail::CollectionMatch> match = detail::collection_match(va, vb);
        if (!match) {
            ItemChange item{member, "", nullptr, ChangeKind::changed, "", va, vb, {}, std::nullopt};
            FieldPath path;
            detail::diff_values(path, va, vb, false, item.fields);
            if (!new_order.has(member) && !old_order) old_order.emplace(old_toc);
            const auto& order = new_order.has(member) ? new_order : *old_order;
            if (const auto names = order.members_of(member)) detail::sort_fields(item.fields, *names);
            out.changes.push_back(std::move(item));
            continue;
        }
        const detail::KeyIndex& old_items = match->old_items;
        const detail::KeyIndex& new_items = match->new_items;
        for (std::size_t i = 0; i < va.size(); ++i) {
            if (new_items.find(old_items.text(i))) continue;
            const json& key = old_items.key(i);
            out.changes.push_back({member, detail::item_id_text(key), key, ChangeKind::removed, "", va[i], nullptr, {},
                                   std::nullopt});
        }
        std::optional<json> previous;
        for (std::size_t j = 0; j < vb.size(); ++j) {
            const json& e = vb[j];
            const json& key = new_items.key(j);
            const std::optional<std::size_t> old_at = old_items.find(new_items.text(j));
            if (!old_at) {
                out.changes.push_back({member, detail::item_id_text(key), key, ChangeKind::added, "", nullptr, e, {},
                                       previous});
                continue;
            }
            previous = key;
            const json& old_e = va[*old_at];
            if (old_e == e) continue;
            ItemChange item{member, detail::item_id_text(key), key, ChangeKind::changed, "", old_e, e, {},
                            std::nullopt};
            FieldPath path;
            detail::diff_values(path, old_e, e, false, item.fields);
            if (const auto names = new_order.members_of(member, j)) detail::sort_fields(item.fields, *names);
            out.changes.push_back(std::move(item));
        }
    }
    return out;
}

}  // namespace detail

}  // namespace tocgraph
