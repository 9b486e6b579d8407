#pragma once
// An unsigned integer of any size, for path counts: the number of paths in a
// layered graph grows like the product of fan-ins and passes 2**64 at a few
// dozen levels. Only what counting needs: addition, comparison, printing.

#include <algorithm>
#include <compare>
#include <cstdint>
#include <string>
#include <vector>

namespace tocgraph {

class BigCount {
public:
    BigCount() = default;
    BigCount(std::uint64_t value) {  // NOLINT: implicit from small counts is the point
        if (value) limbs_.push_back(value);
    }

    bool is_zero() const noexcept { return limbs_.empty(); }

    BigCount& operator+=(const BigCount& other) {
        if (other.limbs_.size() > limbs_.size()) limbs_.resize(other.limbs_.size(), 0);
        std::uint64_t carry = 0;
        for (std::size_t i = 0; i < limbs_.size(); ++i) {
            const std::uint64_t add = i < other.limbs_.size() ? other.limbs_[i] : 0;
            if (add == 0 && carry == 0 && i >= other.limbs_.size()) break;
            const std::uint64_t sum = limbs_[i] + add;
            const std::uint64_t c1 = sum < add ? 1 : 0;
            limbs_[i] = sum + carry;
            const std::uint64_t c2 = limbs_[i] < sum ? 1 : 0;
            carry = c1 | c2;
        }
        if (carry) limbs_.push_back(carry);
        return *this;
    }
    friend BigCount operator+(BigCount a, const BigCount& b) { return a += b; }

    friend bool operator==(const BigCount&, const BigCount&) = default;
    friend std::strong_ordering operator<=>(const BigCount& a, const BigCount& b) {
        if (a.limbs_.size() != b.limbs_.size()) return a.limbs_.size() <=> b.limbs_.size();
        for (std::size_t i = a.limbs_.size(); i-- > 0;)
            if (a.limbs_[i] != b.limbs_[i]) return a.limbs_[i] <=> b.limbs_[i];
        return std::strong_ordering::equal;
    }

    /// Nearest double (inf beyond ~1.8e308), for shares and ratios.
    double to_double() const {
        double out = 0.0;
        for (std::size_t i = limbs_.size(); i-- > 0;) out = out * 18446744073709551616.0 + double(limbs_[i]);
        return out;
    }
    /// a / b as the nearest double, also when both are beyond the range of a
    /// double (to_double would give inf / inf); 0 when b is zero.
    friend double ratio(const BigCount& a, const BigCount& b) {
        if (b.is_zero()) return 0.0;
        // Drop the same number of low limbs from both: the top two limbs of
        // the larger keep far more precision than a double has.
        const std::size_t size = std::max(a.limbs_.size(), b.limbs_.size());
        const std::size_t drop = size > 2 ? size - 2 : 0;
        auto top = [drop](const BigCount& x) {
            double out = 0.0;
            for (std::size_t i = x.limbs_.size(); i-- > drop;) out = out * 18446744073709551616.0 + double(x.limbs_[i]);
            return out;
        };
        return top(a) / top(b);
    }
    /// True when the value fits in 64 bits.
    bool fits_u64() const noexcept { return limbs_.size() <= 1; }
    std::uint64_t to_u64() const noexcept { return limbs_.empty() ? 0 : limbs_[0]; }

    /// Decimal digits.
    std::string to_string() const {
        if (limbs_.empty()) return "0";
        std::vector<std::uint64_t> n = limbs_;
        std::string digits;
        constexpr std::uint64_t chunk = 1000000000ULL;  // peel 9 digits at a time
        while (!n.empty()) {
            __extension__ unsigned __int128 rem = 0;
            for (std::size_t i = n.size(); i-- > 0;) {
                __extension__ const unsigned __int128 cur = (rem << 64) | n[i];
                n[i] = static_cast<std::uint64_t>(cur / chunk);
                rem = cur % chunk;
            }
            while (!n.empty() && n.back() == 0) n.pop_back();
            auto part = static_cast<std::uint64_t>(rem);
            for (int k = 0; k < 9; ++k) {
                digits.push_back(char('0' + part % 10));
                part /= 10;
                if (n.empty() && part == 0) break;
            }
        }
        while (digits.size() > 1 && digits.back() == '0') digits.pop_back();
        std::reverse(digits.begin(), digits.end());
        return digits;
    }

private:
    std::vector<std::uint64_t> limbs_;  // little-endian base 2**64, no leading zero limbs
};

}  // namespace tocgraph
