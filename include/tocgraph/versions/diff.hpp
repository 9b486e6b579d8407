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
inline Diff diff_documents(const TheoryOfChange& old_toc, const TheoryOfChange& new_toc, const nlohmann::json& old_doc,
                           const nlohmann::json& new_doc, const DiffOptions& options);
}

/// What changed from `old_toc` to `new_toc`. Throws Error only for values
/// the file format cannot carry (as toc_to_json does).
inline Diff diff(const TheoryOfChange& old_toc, const TheoryOfChange& new_toc, const DiffOptions& options = {}) {
    return detail::diff_documents(old_toc, new_toc, detail::comparable_document(old_toc),
                                  detail::comparable_document(new_toc), options);
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

/// diff() of two versions whose comparable documents (comparable_document)
/// the caller holds already, as a merge does.
inline Diff diff_documents(const TheoryOfChange& old_toc, const TheoryOfChange& new_toc, const nlohmann::json& old_doc,
                           const nlohmann::json& new_doc, const DiffOptions& options) {
    using nlohmann::json;
    std::optional<json> renamed_doc;  // old_doc with the renamed nodes' new ids, when there are any
    const json& b = new_doc;
    // The file order of members, for reporting an element's changed fields
    // in the order the file shows them.
    const detail::WrittenMemberOrder new_order(new_toc);
    std::optional<detail::WrittenMemberOrder> old_order;  // recorded only if a member is gone from new_toc

    std::map<std::string, std::string> renamed;  // new id -> old id
    std::unordered_map<std::string, json> before_rename;  // old id -> the renamed node as `a` had it
    if (options.detect_renames) {
        std::unordered_map<std::string, std::string> renames;  // old id -> new id
        for (const NodeRename& r : detail::detect_node_renames(old_doc, b)) {
            renames.emplace(r.from, r.to);
            renamed.emplace(r.to, r.from);
        }
        for (const json& n : detail::array_member(old_doc, "nodes"))
            if (const std::string id = detail::string_member(n, "id"); renames.contains(id))
                before_rename.emplace(id, n);  // the first, as a scan finds
        if (!renames.empty()) {
            renamed_doc = old_doc;
            detail::rename_nodes_in_document(*renamed_doc, renames);
        }
    }
    const json& a = renamed_doc ? *renamed_doc : old_doc;

    static const json empty_array = json::array();
    Diff out;
    for (const std::string& member : detail::document_members(a, b)) {
        const auto in_a = a.find(member), in_b = b.find(member);
        const json& va = in_a != a.end() ? *in_a : empty_array;
        const json& vb = in_b != b.end() ? *in_b : empty_array;
        if (va == vb && (member != "nodes" || renamed.empty())) continue;
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
        auto original_of = [&](const std::string& old_id) -> json {
            auto it = before_rename.find(old_id);
            return it != before_rename.end() ? it->second : json(nullptr);
        };

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
            const auto rename = member == "nodes" && key.is_string() ? renamed.find(key.get<std::string>())
                                                                     : renamed.end();
            const bool is_rename = rename != renamed.end();
            if (old_e == e && !is_rename) continue;
            ItemChange item{member, detail::item_id_text(key), key, ChangeKind::changed, "", old_e, e, {},
                            std::nullopt};
            if (is_rename) {
                item.kind = ChangeKind::renamed;
                item.id = rename->second;
                item.key = json(rename->second);
                item.new_id = rename->first;
                item.old_value = original_of(rename->second);
            }
            FieldPath path;
            detail::diff_values(path, old_e, e, false, item.fields);
            // The writer writes elements in one order whatever it writes
            // to, so its j-th element of `member` is e.
            if (const auto names = new_order.members_of(member, j)) detail::sort_fields(item.fields, *names);
            out.changes.push_back(std::move(item));
        }
    }
    return out;
}

}  // namespace detail

}  // namespace tocgraph
