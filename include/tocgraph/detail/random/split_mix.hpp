#pragma once
// SplitMix64: a tiny, fast and fully specified random number generator. The
// standard library's distributions and std::shuffle are implementation-defined,
// so anything that must give the same result for the same seed on every
// platform (synthetic ToCs, sampled centrality) draws its numbers here.

#include <cstddef>
#include <cstdint>

namespace tocgraph::detail {

__extension__ typedef unsigned __int128 uint128_t;  // __extension__: no -Wpedantic noise

class SplitMix64 {
public:
    explicit SplitMix64(std::uint64_t seed) : state_(seed) {}
    std::uint64_t next() {
        std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
        return z ^ (z >> 31);
    }
    /// Uniform in [0, n) (n > 0), by multiply-shift (Lemire), bias below 2**-32 for our sizes.
    std::size_t below(std::size_t n) {
        return static_cast<std::size_t>((static_cast<uint128_t>(next()) * n) >> 64);
    }
    /// Uniform in [0, 1).
    double unit() { return double(next() >> 11) * 0x1.0p-53; }

private:
    std::uint64_t state_;
};

}  // namespace tocgraph::detail
