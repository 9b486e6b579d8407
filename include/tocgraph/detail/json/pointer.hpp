#pragma once
// Building RFC 6901 JSON pointers as strings, the "where" of every reader
// and writer error. Strings rather than nlohmann::json_pointer because they
// are only ever printed, and building them must be cheap.

#include <cstddef>
#include <string>
#include <string_view>

namespace tocgraph::detail {

/// base + "/" + key, with "~" and "/" in the key escaped as "~0" and "~1".
inline std::string pointer_child(std::string_view base, std::string_view key) {
    std::string out(base);
    out += '/';
    for (char c : key) {
        if (c == '~') out += "~0";
        else if (c == '/') out += "~1";
        else out += c;
    }
    return out;
}

/// base + "/" + index.
inline std::string pointer_index(std::string_view base, std::size_t index) {
    std::string out(base);
    out += '/';
    out += std::to_string(index);
    return out;
}

}  // namespace tocgraph::detail

namespace tocgraph::detail {

/// A JSON pointer that is spelled out only when an error names it. Each
/// level lives in the caller's frame and points to its parent, so a writer
/// walking a million elements builds no strings on the way.
class LazyPointer {
public:
    LazyPointer() = default;  // the document itself, ""
    /// The member `key`; the key's text must outlive the pointer.
    LazyPointer child(std::string_view key) const noexcept { return LazyPointer(this, key, true, 0); }
    LazyPointer at(std::size_t index) const noexcept { return LazyPointer(this, {}, false, index); }
    std::string str() const {
        if (!parent_) return {};
        return is_key_ ? pointer_child(parent_->str(), key_) : pointer_index(parent_->str(), index_);
    }

private:
    LazyPointer(const LazyPointer* parent, std::string_view key, bool is_key, std::size_t index) noexcept
        : parent_(parent), key_(key), is_key_(is_key), index_(index) {}
    const LazyPointer* parent_ = nullptr;
    std::string_view key_;
    bool is_key_ = false;
    std::size_t index_ = 0;
};

}  // namespace tocgraph::detail
