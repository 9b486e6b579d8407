// BigCount, the arbitrary-precision path count: addition with carries across
// limbs, comparison, decimal digits and ratios beyond the range of a double.
#include <catch2/catch.hpp>

#include <cmath>
#include <cstdint>
#include <string>

#include <tocgraph/analysis/big_count.hpp>

using tocgraph::BigCount;

namespace {

/// 2**bits, built by doubling.
BigCount power_of_two(int bits) {
    BigCount n = 1;
    for (int i = 0; i < bits; ++i) n += n;
    return n;
}

}  // namespace

TEST_CASE("BigCount adds with carries and prints its decimal digits", "[big_count]") {
    CHECK(BigCount().to_string() == "0");
    CHECK(BigCount().is_zero());
    CHECK(BigCount(1234567890123ULL).to_string() == "1234567890123");
    BigCount max = UINT64_MAX;
    CHECK(max.fits_u64());
    max += 1;
    CHECK_FALSE(max.fits_u64());
    CHECK(max.to_string() == "18446744073709551616");
    CHECK(power_of_two(128).to_string() == "340282366920938463463374607431768211456");
    CHECK(power_of_two(200).to_string() == "1606938044258990275541962092341162602522202993782792835301376");
    // 10**18 * 10 carries into a second limb; digits with inner zeros survive
    BigCount ten18 = 1000000000000000000ULL, n;
    for (int i = 0; i < 10; ++i) n += ten18;
    CHECK(n.to_string() == "10000000000000000000");
    BigCount m = n + 5;
    CHECK(m.to_string() == "10000000000000000005");
}

TEST_CASE("BigCount compares by value", "[big_count]") {
    CHECK(power_of_two(64) > BigCount(UINT64_MAX));
    CHECK(power_of_two(65) > power_of_two(64) + power_of_two(63));
    CHECK(power_of_two(64) + 1 == BigCount(UINT64_MAX) + 2);
    CHECK(BigCount(3) < BigCount(4));
}

TEST_CASE("BigCount ratios stay exact beyond the range of a double", "[big_count]") {
    CHECK(ratio(BigCount(1), BigCount(4)) == 0.25);
    CHECK(ratio(BigCount(5), BigCount()) == 0.0);
    CHECK(std::isinf(power_of_two(1100).to_double()));
    CHECK(ratio(power_of_two(1099), power_of_two(1100)) == 0.5);
    CHECK(ratio(power_of_two(1100) + power_of_two(1099), power_of_two(1100)) == 1.5);
    CHECK(ratio(BigCount(3), power_of_two(2000)) == 0.0);  // vanishingly small, not NaN
    CHECK(ratio(power_of_two(200), power_of_two(198)) == 4.0);
}
