#pragma once
// The order in which the file writer writes members, recorded from its
// events rather than by building an ordered document: for each top-level
// member that is an object, its members; for each that is an array, the
// members of each of its object elements. A diff reports an element's
// changed fields in this order, the order a reader of the file sees.

#include <cstddef>
#include <cstdint>
#include <deque>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../detail/json/pointer.hpp"
#include "../../detail/json/writer.hpp"
#include "../../theory_of_change.hpp"

namespace tocgraph::detail {

class WrittenMemberOrder {
public:
    explicit WrittenMemberOrder(const TheoryOfChange& toc) {
        Recorder recorder{*this};
        JsonEmitter<Recorder>(recorder).write(toc);
    }

    /// The order of `toc`, recorded while the writer also writes `toc` to
    /// `also`: one walk of the model for both.
    template <typename Out>
    WrittenMemberOrder(const TheoryOfChange& toc, Out& also) {
        Recorder recorder{*this};
        Both<Out> both{recorder, also};
        JsonEmitter<Both<Out>>(both).write(toc);
    }

    /// Whether the writer wrote top-level member `member`.
    bool has(std::string_view member) const { return members_.find(member) != members_.end(); }

    /// The members of top-level object `member`, in written order; nothing
    /// when it was not written or is not an object.
    std::optional<std::vector<std::string_view>> members_of(std::string_view member) const {
        auto it = members_.find(member);
        if (it == members_.end() || !it->second.is_object) return std::nullopt;
        return run(it->second, 0);
    }

    /// The members of element `position` of top-level array `member`;
    /// nothing when there is no such element or it is not an object.
    std::optional<std::vector<std::string_view>> members_of(std::string_view member, std::size_t position) const {
        auto it = members_.find(member);
        if (it == members_.end() || it->second.is_object || position >= it->second.starts.size() ||
            !it->second.element_is_object[position])
            return std::nullopt;
        return run(it->second, position);
    }

private:
    // One top-level member: the name numbers of its runs, run i from
    // starts[i] to starts[i + 1] (or the end). An object has one run.
    struct Member {
        bool is_object = false;
        std::vector<std::uint32_t> names;
        std::vector<std::uint32_t> starts;
        std::vector<bool> element_is_object;
    };

    std::vector<std::string_view> run(const Member& m, std::size_t i) const {
        const std::size_t end = i + 1 < m.starts.size() ? m.starts[i + 1] : m.names.size();
        std::vector<std::string_view> out;
        out.reserve(end - m.starts[i]);
        for (std::size_t k = m.starts[i]; k < end; ++k) out.push_back(names_[m.names[k]]);
        return out;
    }

    std::uint32_t name_number(std::string_view name) {
        auto it = numbers_.find(name);
        if (it != numbers_.end()) return it->second;
        names_.emplace_back(name);
        const auto number = static_cast<std::uint32_t>(names_.size() - 1);
        numbers_.emplace(names_.back(), number);
        return number;
    }

    // The writer's output interface (as JsonDomOut's). Depth 1 is the
    // document, 2 a top-level member's value, 3 an element of an array there.
    struct Recorder {
        WrittenMemberOrder& order;
        std::vector<bool> is_array{};  // per open container, outermost first
        Member* top = nullptr;

        std::size_t depth() const { return is_array.size(); }
        // A value starts inside the current container: an element when
        // that is a top-level array.
        void value_starts(bool is_object) {
            if (depth() == 2 && is_array[1] && top) {
                top->starts.push_back(static_cast<std::uint32_t>(top->names.size()));
                top->element_is_object.push_back(is_object);
            }
        }
        void begin_object() {
            value_starts(true);
            is_array.push_back(false);
            if (depth() == 2 && top) {
                top->is_object = true;
                top->starts = {0};
            }
        }
        void begin_array() {
            value_starts(false);
            is_array.push_back(true);
        }
        void end_object() { is_array.pop_back(); }
        void end_array() { is_array.pop_back(); }
        void key(std::string_view key, const LazyPointer& = {}) {
            if (depth() == 1) {
                top = &order.members_[std::string(key)];
                *top = Member{};
            } else if (top && ((depth() == 2 && !is_array[1]) || (depth() == 3 && is_array[1] && !is_array[2]))) {
                top->names.push_back(order.name_number(key));
            }
        }
        void string(std::string_view, const LazyPointer&) { value_starts(false); }
        void integer(std::int64_t) { value_starts(false); }
        void number(double) { value_starts(false); }
        void boolean(bool) { value_starts(false); }
        void value(const nlohmann::json&, const LazyPointer&) { value_starts(false); }
    };

    // The writer's output interface, passing each event to two outputs.
    template <typename Out>
    struct Both {
        Recorder& first;
        Out& second;
        void begin_object() { first.begin_object(), second.begin_object(); }
        void begin_array() { first.begin_array(), second.begin_array(); }
        void end_object() { first.end_object(), second.end_object(); }
        void end_array() { first.end_array(), second.end_array(); }
        void key(std::string_view key, const LazyPointer& p = {}) { first.key(key, p), second.key(key, p); }
        void string(std::string_view text, const LazyPointer& p) { first.string(text, p), second.string(text, p); }
        void integer(std::int64_t value) { first.integer(value), second.integer(value); }
        void number(double value) { first.number(value), second.number(value); }
        void boolean(bool value) { first.boolean(value), second.boolean(value); }
        void value(const nlohmann::json& value, const LazyPointer& p) { first.value(value, p), second.value(value, p); }
    };

    std::map<std::string, Member, std::less<>> members_;
    std::deque<std::string> names_;  // views into it stay valid as it grows
    std::map<std::string_view, std::uint32_t> numbers_;
};

}  // namespace tocgraph::detail
