#pragma once
// The id -> vertex index of a TheoryOfChange: an open-addressing hash table
// of vertex numbers. It stores no strings: a slot holds a vertex number and
// 32 bits of its id's hash, and the id itself is read from the graph through
// the `id_of` function the caller passes. That is 8 bytes a slot, 16 to 32 a
// node at the load kept here, where a std::unordered_map<std::string, Vertex>
// costs about 72 (a heap node holding a copy of the id, plus its bucket),
// which was a fifth of the memory of a large bare graph.

#include <cstddef>
#include <cstdint>
#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "../../errors.hpp"

namespace tocgraph::detail {

class VertexIndex {
public:
    static constexpr std::size_t npos = SIZE_MAX;

    /// The vertex whose id (as read by `id_of(vertex)`) is `id`, or npos.
    template <typename IdOf>
    std::size_t find(std::string_view id, const IdOf& id_of) const {
        if (slots_.empty()) return npos;
        const std::uint32_t h = hash(id);
        for (std::size_t i = h & mask(); slots_[i].vertex != empty; i = (i + 1) & mask())
            if (slots_[i].hash == h && id_of(std::size_t{slots_[i].vertex}) == id) return slots_[i].vertex;
        return npos;
    }

    /// Adds `vertex` under `id`, which must not be in the index yet.
    void insert(std::string_view id, std::size_t vertex) {
        if (vertex >= empty) throw ModelError(std::string(id), "too many nodes for one theory of change");
        if ((size_ + 1) * 2 > slots_.size()) grow();
        place({hash(id), static_cast<std::uint32_t>(vertex)});
        ++size_;
    }

    void clear() noexcept {
        slots_.clear();
        size_ = 0;
    }
    void reserve(std::size_t count) {
        while (count * 2 > slots_.size()) grow();
    }
    std::size_t size() const noexcept { return size_; }

private:
    static constexpr std::uint32_t empty = UINT32_MAX;
    struct Slot {
        std::uint32_t hash = 0;
        std::uint32_t vertex = empty;
    };

    static std::uint32_t hash(std::string_view id) {
        const std::uint64_t h = std::hash<std::string_view>{}(id);
        return static_cast<std::uint32_t>(h ^ (h >> 32));
    }
    std::size_t mask() const noexcept { return slots_.size() - 1; }

    void place(Slot slot) {
        std::size_t i = slot.hash & mask();
        while (slots_[i].vertex != empty) i = (i + 1) & mask();
        slots_[i] = slot;
    }
    /// Doubles the table (at least 16 slots); the stored hashes place every entry again.
    void grow() {
        std::vector<Slot> old(slots_.empty() ? 16 : slots_.size() * 2);
        old.swap(slots_);
        for (const Slot& s : old)
            if (s.vertex != empty) place(s);
    }

    std::vector<Slot> slots_;  // size a power of two, at most half full
    std::size_t size_ = 0;
};

}  // namespace tocgraph::detail
