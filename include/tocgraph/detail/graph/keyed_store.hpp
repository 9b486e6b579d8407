#pragma once
// A vector of elements with unique string ids and an id -> position index:
// insertion order for deterministic output, constant-time lookup by id.

#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../../errors.hpp"

namespace tocgraph::detail {

template <typename T>
class KeyedStore {
public:
    std::size_t size() const noexcept { return items_.size(); }
    const std::vector<T>& items() const noexcept { return items_; }
    bool contains(std::string_view id) const { return index_.contains(std::string(id)); }

    const T* find(std::string_view id) const {
        auto it = index_.find(std::string(id));
        return it == index_.end() ? nullptr : &items_[it->second];
    }
    const T& get(std::string_view id, const char* what) const {
        if (const T* item = find(id)) return *item;
        throw ModelError(std::string(id), std::string("no ") + what + " \"" + std::string(id) + "\"");
    }
    void add(T item, const char* what) {
        if (contains(item.id))
            throw ModelError(item.id, std::string("duplicate ") + what + " id \"" + item.id + "\"");
        index_.emplace(item.id, items_.size());
        items_.push_back(std::move(item));
    }
    /// Replaces the element with the same id. Throws ModelError naming `what`
    /// when there is none, else whatever `check` throws for the new element.
    template <typename Check>
    void update(T item, const char* what, Check&& check) {
        get(item.id, what);
        check(item);
        items_[index_.at(item.id)] = std::move(item);
    }
    void update(T item, const char* what) {
        update(std::move(item), what, [](const T&) {});
    }
    void remove(std::string_view id, const char* what) {
        get(id, what);
        erase_if([&](const T& item) { return item.id == id; });
    }
    template <typename Predicate>
    void erase_if(Predicate predicate) {
        std::erase_if(items_, predicate);
        index_.clear();
        for (std::size_t i = 0; i < items_.size(); ++i) index_.emplace(items_[i].id, i);
    }
    /// Same elements by id, in any order.
    bool same_items(const KeyedStore& other) const {
        if (size() != other.size()) return false;
        for (const T& item : items_) {
            const T* match = other.find(item.id);
            if (!match || !(*match == item)) return false;
        }
        return true;
    }

private:
    std::vector<T> items_;
    std::unordered_map<std::string, std::size_t> index_;
};

}  // namespace tocgraph::detail
