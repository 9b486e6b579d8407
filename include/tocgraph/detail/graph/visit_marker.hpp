#pragma once
// A set of vertex numbers that empties in O(1), so a query that touches k
// vertices costs O(k) however large the graph is. Each slot holds the epoch
// (query number) that last marked it; starting a new set bumps the epoch.
//
// Markers are per thread (queries on one ToC may run in several threads at
// once) and reused across queries and graphs. A query takes one with a
// MarkerLease; a query that needs two sets at once (contributors of a target
// AND effects of the activities) holds two leases.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <deque>
#include <vector>

namespace tocgraph::detail {

class VisitMarker {
public:
    /// Empties the set and makes room for vertices [0, n).
    void reset(std::size_t n) {
        if (stamps_.size() < n) stamps_.resize(n, 0);  // 0 is never a current epoch
        if (++epoch_ == 0) {                           // wrapped after 2**32 queries
            std::fill(stamps_.begin(), stamps_.end(), 0);
            epoch_ = 1;
        }
    }
    bool contains(std::size_t v) const noexcept { return stamps_[v] == epoch_; }
    /// Marks v; true when it was not marked yet.
    bool insert(std::size_t v) noexcept {
        if (stamps_[v] == epoch_) return false;
        stamps_[v] = epoch_;
        return true;
    }
    void erase(std::size_t v) noexcept {
        if (stamps_[v] == epoch_) stamps_[v] = 0;
    }

    /// A number per vertex for the query's own use (a count, a position), as
    /// large as the last reset; not cleared: write a vertex's slot before
    /// reading it, e.g. when marking it.
    std::uint64_t& value(std::size_t v) noexcept { return values_[v]; }
    void reserve_values() {
        if (values_.size() < stamps_.size()) values_.resize(stamps_.size());
    }

private:
    std::vector<std::uint32_t> stamps_;
    std::vector<std::uint64_t> values_;
    std::uint32_t epoch_ = 0;
};

/// A marker of this thread's pool, emptied for n vertices, for the lifetime of
/// the lease. Leases are scoped objects, so they are returned in reverse
/// order of taking and the pool is a stack.
class MarkerLease {
public:
    explicit MarkerLease(std::size_t n) : pool_(pool()) {
        if (pool_.depth == pool_.markers.size()) pool_.markers.emplace_back();
        marker_ = &pool_.markers[pool_.depth++];
        marker_->reset(n);
    }
    ~MarkerLease() { --pool_.depth; }
    MarkerLease(const MarkerLease&) = delete;
    MarkerLease& operator=(const MarkerLease&) = delete;

    VisitMarker& operator*() const noexcept { return *marker_; }
    VisitMarker* operator->() const noexcept { return marker_; }

private:
    struct Pool {
        std::deque<VisitMarker> markers;  // a deque: growing keeps leased markers in place
        std::size_t depth = 0;
    };
    static Pool& pool() {
        thread_local Pool p;
        return p;
    }
    Pool& pool_;
    VisitMarker* marker_;
};

}  // namespace tocgraph::detail
