#pragma once
// A JsonWriter output that builds a document (nlohmann::json, or
// nlohmann::ordered_json to keep the written order), for callers that go on
// to inspect or compare it: toc_to_json, diff.

#include <cstdint>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "pointer.hpp"

namespace tocgraph::detail {

template <typename Json>
class JsonDomOut {
public:
    void begin_object() { open(Json::object()); }
    void begin_array() { open(Json::array()); }
    void end_object() { stack_.pop_back(); }
    void end_array() { stack_.pop_back(); }
    void key(std::string_view key, const LazyPointer& = {}) { key_ = key; }
    void string(std::string_view text, const LazyPointer&) { put(Json(std::string(text))); }
    void integer(std::int64_t value) { put(Json(value)); }
    void number(double value) { put(Json(value)); }
    void boolean(bool value) { put(Json(value)); }
    /// Any value as it is (attributes).
    void value(const nlohmann::json& value, const LazyPointer&) { put(Json(value)); }

    Json take() { return std::move(root_); }

private:
    // Where the next value goes: the root, the open array's end, or the open
    // object's member named by the last key().
    Json& put(Json&& value) {
        if (stack_.empty()) return root_ = std::move(value);
        Json& parent = *stack_.back();
        if (parent.is_array()) {
            parent.push_back(std::move(value));
            return parent.back();
        }
        return parent[key_] = std::move(value);
    }
    void open(Json&& empty) { stack_.push_back(&put(std::move(empty))); }

    Json root_;
    std::vector<Json*> stack_;
    std::string key_;
};

}  // namespace tocgraph::detail
