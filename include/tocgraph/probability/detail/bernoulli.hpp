#pragma once
// Random words for bit-parallel sampling: xoshiro256** seeded by SplitMix64,
// and 64 independent Bernoulli(p) bits in one word, built from the binary
// digits of p (24 of them: p is rounded to a multiple of 2**-24).

#include <cstdint>

#include "../../detail/random/split_mix.hpp"

namespace tocgraph::detail {

class Xoshiro256 {
public:
    explicit Xoshiro256(std::uint64_t seed) {
        SplitMix64 init(seed);
        for (auto& s : s_) s = init.next();
    }
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

/// A probability as the digits the word generator consumes.
struct BernoulliDigits {
    static constexpr int precision = 24;
    std::uint32_t q = 0;  ///< round(p * 2**24)
    int first = 0;        ///< the lowest set digit
    explicit BernoulliDigits(double p = 0.0) {
        const double scaled = p * double(1u << precision) + 0.5;
        q = scaled <= 0 ? 0u : (scaled >= double(1u << precision) ? (1u << precision) : std::uint32_t(scaled));
        first = q == 0 ? precision : __builtin_ctz(q);
    }
    /// 64 bits, each 1 with probability q / 2**24, independently.
    template <typename Rng>
    std::uint64_t draw(Rng& rng) const {
        if (q == 0) return 0;
        if (q == (1u << precision)) return ~std::uint64_t{0};
        std::uint64_t x = 0;
        for (int i = first; i < precision; ++i) {
            const std::uint64_t r = rng.next();
            x = (q >> i & 1) ? (x | r) : (x & r);
        }
        return x;
    }
};

}  // namespace tocgraph::detail
