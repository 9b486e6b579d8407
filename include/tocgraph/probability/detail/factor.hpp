#pragma once
// Factors over binary variables as flat tables of doubles: bit i of an index
// is the value of vars[i] (vars ascending). SubIndex maps an index of a
// factor to the index of a factor over a subset of its variables with two
// small lookup tables, so products and sums are plain loops.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

namespace tocgraph::detail {

struct Factor {
    std::vector<std::uint32_t> vars;  ///< ascending
    std::vector<double> table;        ///< 2**vars.size() entries
};

/// Index over `vars` -> index over `sub` (a subset of vars, both ascending).
class SubIndex {
public:
    SubIndex(const std::vector<std::uint32_t>& vars, const std::vector<std::uint32_t>& sub) {
        const std::size_t k = vars.size();
        low_bits_ = k / 2;
        std::vector<std::uint32_t> bit(k, 0);  // the sub-index bit of each var, 0 if absent
        for (std::size_t i = 0, j = 0; i < k; ++i) {
            while (j < sub.size() && sub[j] < vars[i]) ++j;
            if (j < sub.size() && sub[j] == vars[i]) bit[i] = std::uint32_t{1} << j;
        }
        low_.assign(std::size_t{1} << low_bits_, 0);
        high_.assign(std::size_t{1} << (k - low_bits_), 0);
        for (std::size_t x = 1; x < low_.size(); ++x) {
            const std::size_t b = static_cast<std::size_t>(__builtin_ctzll(x));
            low_[x] = low_[x & (x - 1)] | bit[b];
        }
        for (std::size_t x = 1; x < high_.size(); ++x) {
            const std::size_t b = static_cast<std::size_t>(__builtin_ctzll(x));
            high_[x] = high_[x & (x - 1)] | bit[low_bits_ + b];
        }
        mask_ = (std::size_t{1} << low_bits_) - 1;
    }
    std::uint32_t operator()(std::size_t index) const noexcept { return low_[index & mask_] | high_[index >> low_bits_]; }

private:
    std::size_t low_bits_ = 0, mask_ = 0;
    std::vector<std::uint32_t> low_, high_;
};

/// table[i] *= f[sub(i)] for every index of `table` (over `vars`); f's vars ⊆ vars.
inline void multiply_in(const std::vector<std::uint32_t>& vars, std::vector<double>& table, const Factor& f) {
    const SubIndex sub(vars, f.vars);
    for (std::size_t i = 0; i < table.size(); ++i) table[i] *= f.table[sub(i)];
}

/// The sum of `table` (over `vars`) onto `onto` ⊆ vars.
inline Factor sum_onto(const std::vector<std::uint32_t>& vars, const std::vector<double>& table,
                       std::vector<std::uint32_t> onto) {
    Factor out{std::move(onto), {}};
    out.table.assign(std::size_t{1} << out.vars.size(), 0.0);
    const SubIndex sub(vars, out.vars);
    for (std::size_t i = 0; i < table.size(); ++i) out.table[sub(i)] += table[i];
    return out;
}

/// The bit of variable x in `vars`, or -1.
inline int position_of(const std::vector<std::uint32_t>& vars, std::uint32_t x) {
    auto it = std::lower_bound(vars.begin(), vars.end(), x);
    return it != vars.end() && *it == x ? static_cast<int>(it - vars.begin()) : -1;
}

}  // namespace tocgraph::detail
