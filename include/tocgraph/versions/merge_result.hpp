#pragma once
// What a three-way merge (merge.hpp) takes and returns: its options, the
// merged theory of change and the conflicts it decided.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../enums.hpp"
#include "../theory_of_change.hpp"
#include "change.hpp"

namespace tocgraph {

enum class ConflictKind { both_changed, both_added, delete_modify, dangling_reference, invalid, lint };

TOCGRAPH_ENUM_NAMES(ConflictKind, {ConflictKind::both_changed, "both_changed"},
                    {ConflictKind::both_added, "both_added"},
                    {ConflictKind::delete_modify, "delete_modify"},
                    {ConflictKind::dangling_reference, "dangling_reference"},
                    {ConflictKind::invalid, "invalid"},
                    {ConflictKind::lint, "lint"})

/// Changes of the two sides that could not both be taken.
struct Conflict {
    ConflictKind kind = ConflictKind::both_changed;
    /// The element: collection ("nodes", "links", ..., "metadata", "schema"),
    /// id as readers know it ("a->b" for a link; empty for singletons) and
    /// key as the file writes it.
    std::string collection;
    std::string id;
    nlohmann::json key;
    /// The value in conflict, inside the element; empty for the whole element.
    FieldPath field;
    /// The value there in each version; absent where there is none.
    std::optional<nlohmann::json> base;
    std::optional<nlohmann::json> ours;
    std::optional<nlohmann::json> theirs;
    /// What clashed, in one sentence naming the element and what each side
    /// did (`node "io1": title changed to "A" on ours and to "B" on theirs`),
    /// or the lint finding a combination caused.
    std::string message;
    /// What the merged result holds: "kept ours", "kept the changed element"...
    std::string resolution;

    friend bool operator==(const Conflict&, const Conflict&) = default;
};

struct MergeResult {
    TheoryOfChange toc;
    std::vector<Conflict> conflicts;
    bool clean() const noexcept { return conflicts.empty(); }
};

struct MergeOptions {
    /// Check the merged result with the linter (see the top of this file).
    bool lint = true;
};

}  // namespace tocgraph
