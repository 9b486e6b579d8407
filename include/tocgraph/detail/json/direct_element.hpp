#pragma once
// A node or link read straight from the scanner's events into the model
// value, with no JSON object in between: the streaming reader's path for the
// common members (stream_reader.hpp). Most of a large file is nodes and
// links with a few text members each, and building, reading and freeing a
// small object per element was a third of the time of a load.
//
// Only values of the right type are taken: a string for a text member, an
// array of strings for a list, a number for a number. Anything else makes
// the caller decline (the document path then reports the exact error). A
// member outside the table turns what was read into the JSON object the
// element would have had, and the element goes on as any other.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../link.hpp"
#include "../../node.hpp"

namespace tocgraph::detail {

/// One member DirectElement reads: a text, a list of texts or a number.
template <typename T>
struct DirectMember {
    std::string_view name;
    std::string T::*text = nullptr;
    std::vector<std::string> T::*texts = nullptr;
    std::optional<double> T::*number = nullptr;
};

/// The members read directly; the first two are the required ones.
template <typename T>
struct DirectMembers;
template <>
struct DirectMembers<Node> {
    static constexpr DirectMember<Node> all[] = {
        {"id", &Node::id},          {"level", &Node::level},           {"title", &Node::title},
        {"description", &Node::description}, {"tags", nullptr, &Node::tags}, {"actors", nullptr, &Node::actors}};
};
template <>
struct DirectMembers<Link> {
    static constexpr DirectMember<Link> all[] = {{"source", &Link::source},
                                                 {"target", &Link::target},
                                                 {"rationale", &Link::rationale},
                                                 {"assumptions", nullptr, &Link::assumptions},
                                                 {"strength", nullptr, nullptr, &Link::strength}};
};

/// What DirectElement::key made of a member's name.
enum class DirectKey {
    taken,     ///< one of the table's: its value comes next
    repeated,  ///< one of the table's, read already: the caller declines
    other,     ///< another: the caller goes on with to_json()
};

template <typename T>
class DirectElement {
public:
    using json = nlohmann::json;

    void begin() {
        value_ = T{};
        seen_ = 0;
        member_ = nullptr;
        in_list_ = false;
        numbers_.clear();
    }

    DirectKey key(std::string_view name) {
        for (std::size_t i = 0; i < std::size(members); ++i) {
            if (members[i].name != name) continue;
            const unsigned bit = 1u << i;
            if (seen_ & bit) return DirectKey::repeated;
            seen_ |= bit;
            member_ = &members[i];
            return DirectKey::taken;
        }
        return DirectKey::other;
    }

    // The values; false for one of the wrong type.
    bool text(std::string& s) {
        if (!member_) return false;
        if (in_list_) {
            (value_.*(member_->texts)).push_back(s);
            return true;
        }
        if (!member_->text) return false;
        value_.*(member_->text) = s;
        member_ = nullptr;
        return true;
    }
    bool number(json&& v) {
        if (!member_ || in_list_ || !member_->number) return false;
        value_.*(member_->number) = v.get<double>();
        numbers_.emplace_back(member_->name, std::move(v));
        member_ = nullptr;
        return true;
    }
    bool start_array() {
        if (!member_ || in_list_ || !member_->texts) return false;
        in_list_ = true;
        return true;
    }
    bool end_array() {
        if (!in_list_) return false;
        in_list_ = false;
        member_ = nullptr;
        return true;
    }

    /// Whether the required members (the table's first two) were read.
    bool complete() const { return (seen_ & 3u) == 3u; }
    T take() { return std::move(value_); }

    /// The JSON object of the members read so far, as the document path
    /// would have built it (numbers as written).
    json to_json() const {
        json out = json::object();
        for (std::size_t i = 0; i < std::size(members); ++i) {
            if (!(seen_ & (1u << i))) continue;
            const DirectMember<T>& m = members[i];
            if (m.text) out[std::string(m.name)] = value_.*(m.text);
            if (m.texts) out[std::string(m.name)] = value_.*(m.texts);
        }
        for (const auto& [name, v] : numbers_) out[std::string(name)] = v;
        return out;
    }

private:
    static constexpr const auto& members = DirectMembers<T>::all;
    static_assert(std::size(members) <= 32, "seen_ has a bit per member");

    T value_;
    unsigned seen_ = 0;
    const DirectMember<T>* member_ = nullptr;  ///< the member whose value comes next
    bool in_list_ = false;                     ///< inside its array of texts
    std::vector<std::pair<std::string_view, json>> numbers_;
};

}  // namespace tocgraph::detail
