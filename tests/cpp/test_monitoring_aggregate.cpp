// Aggregation across dimensions: every rule, for every measure it applies to
// and the ones it does not, with hand-computed figures; and the status
// thresholds.
#include <catch2/catch.hpp>

#include <cmath>
#include <limits>
#include <vector>

#include <tocgraph/monitoring.hpp>

namespace tocgraph::test {

namespace {

std::vector<ValuePart> values(std::initializer_list<double> xs) {
    std::vector<ValuePart> out;
    for (double x : xs) out.push_back({x, std::nullopt, std::nullopt});
    return out;
}

std::optional<double> combine(const std::vector<ValuePart>& parts, Aggregation a, Measure m = Measure::unit) {
    return aggregate(parts, a, m).value;
}

}  // namespace

TEST_CASE("sum, mean, latest, min and max of unit values") {
    const auto parts = values({2, 3, 7, 4});
    CHECK(combine(parts, Aggregation::sum) == Approx(16));
    CHECK(combine(parts, Aggregation::mean) == Approx(4));
    CHECK(combine(parts, Aggregation::latest) == Approx(4));  // the last listed
    CHECK(combine(parts, Aggregation::min) == Approx(2));
    CHECK(combine(parts, Aggregation::max) == Approx(7));
}

TEST_CASE("ratio adds numerators and denominators, x100 for a percentage") {
    // 1 of 2 and 3 of 6: 4 of 8, not the mean of the two ratios.
    const std::vector<ValuePart> parts = {{std::nullopt, 1, 2}, {std::nullopt, 3, 6}};
    CHECK(combine(parts, Aggregation::ratio, Measure::percentage) == Approx(50));
    CHECK(combine(parts, Aggregation::ratio, Measure::unit) == Approx(0.5));
    const std::vector<ValuePart> uneven = {{std::nullopt, 1, 4}, {std::nullopt, 2, 4}, {std::nullopt, 0, 2}};
    CHECK(combine(uneven, Aggregation::ratio, Measure::unit) == Approx(0.3));  // 3 / 10
}

TEST_CASE("ratio without its parts or with a zero denominator gives no figure") {
    const std::vector<ValuePart> missing = {{50, 1, 2}, {50, std::nullopt, 2}};
    auto a = aggregate(missing, Aggregation::ratio, Measure::percentage);
    CHECK_FALSE(a.value);
    CHECK(a.problem == "aggregation \"ratio\" needs a numerator and a denominator on every value");
    const std::vector<ValuePart> zero = {{std::nullopt, 0, 0}, {std::nullopt, 1, 0}};
    a = aggregate(zero, Aggregation::ratio, Measure::unit);
    CHECK_FALSE(a.value);
    CHECK(a.problem == "the denominators add up to 0");
}

TEST_CASE("none gives no total") {
    const auto a = aggregate(values({1, 2}), Aggregation::none, Measure::unit);
    CHECK_FALSE(a.value);
    CHECK(a.problem == "aggregation \"none\": values are reported per dimension only");
}

TEST_CASE("percentages: mean, ratio, latest, min, max but not sum") {
    const auto parts = values({40, 60, 80});
    CHECK(combine(parts, Aggregation::mean, Measure::percentage) == Approx(60));
    CHECK(combine(parts, Aggregation::latest, Measure::percentage) == Approx(80));
    CHECK(combine(parts, Aggregation::min, Measure::percentage) == Approx(40));
    CHECK(combine(parts, Aggregation::max, Measure::percentage) == Approx(80));
    const auto a = aggregate(parts, Aggregation::sum, Measure::percentage);
    CHECK_FALSE(a.value);
    CHECK(a.problem == "aggregation \"sum\" does not apply to a percentage measure");
}

TEST_CASE("ordinal scores: mean, latest, min, max but not sum or ratio") {
    const auto parts = values({3, 4, 5, 4});
    CHECK(combine(parts, Aggregation::mean, Measure::ordinal) == Approx(4));
    CHECK(combine(parts, Aggregation::latest, Measure::ordinal) == Approx(4));
    CHECK(combine(parts, Aggregation::min, Measure::ordinal) == Approx(3));
    CHECK(combine(parts, Aggregation::max, Measure::ordinal) == Approx(5));
    CHECK_FALSE(combine(parts, Aggregation::sum, Measure::ordinal));
    CHECK_FALSE(combine({{std::nullopt, 1, 2}}, Aggregation::ratio, Measure::ordinal));
}

TEST_CASE("nominal codes: only the latest") {
    const auto parts = values({2, 7});
    CHECK(combine(parts, Aggregation::latest, Measure::nominal) == Approx(7));
    for (Aggregation a : {Aggregation::sum, Aggregation::mean, Aggregation::min, Aggregation::max, Aggregation::ratio})
        CHECK_FALSE(combine(parts, a, Measure::nominal));
    CHECK(aggregate(parts, Aggregation::mean, Measure::nominal).problem ==
          "aggregation \"mean\" does not apply to a nominal measure");
}

TEST_CASE("qualitative indicators have no numbers to combine") {
    for (Aggregation a : {Aggregation::sum, Aggregation::latest, Aggregation::none}) {
        const auto r = aggregate(values({1}), a, Measure::qualitative);
        CHECK_FALSE(r.value);
        CHECK(r.problem == "a qualitative indicator has no numbers to combine");
    }
}

TEST_CASE("no parts, or a part that is not a number, give no figure") {
    CHECK(aggregate({}, Aggregation::sum, Measure::unit).problem == "no values to combine");
    const std::vector<ValuePart> nan = {{1.0, {}, {}}, {std::numeric_limits<double>::quiet_NaN(), {}, {}}};
    CHECK(aggregate(nan, Aggregation::sum, Measure::unit).problem == "a value to combine is not a number");
    const std::vector<ValuePart> absent = {{1.0, {}, {}}, {std::nullopt, {}, {}}};
    CHECK_FALSE(combine(absent, Aggregation::mean));
}

TEST_CASE("aggregation_applies follows the measure table") {
    CHECK(aggregation_applies(Aggregation::sum, Measure::unit));
    CHECK_FALSE(aggregation_applies(Aggregation::none, Measure::unit));
    CHECK(aggregation_applies(Aggregation::ratio, Measure::percentage));
    CHECK_FALSE(aggregation_applies(Aggregation::sum, Measure::percentage));
    CHECK_FALSE(aggregation_applies(Aggregation::ratio, Measure::ordinal));
    CHECK(aggregation_applies(Aggregation::latest, Measure::nominal));
    CHECK_FALSE(aggregation_applies(Aggregation::max, Measure::nominal));
    CHECK_FALSE(aggregation_applies(Aggregation::latest, Measure::qualitative));
}

TEST_CASE("status thresholds, with the defaults 0.9 and 0.6 of expected") {
    const Tolerances t;
    CHECK(status_for(0.5, 0.5, t) == ProgressStatus::on_track);
    CHECK(status_for(0.45, 0.5, t) == ProgressStatus::on_track);  // exactly 0.9 of expected
    CHECK(status_for(0.44, 0.5, t) == ProgressStatus::at_risk);
    CHECK(status_for(0.3, 0.5, t) == ProgressStatus::at_risk);     // exactly 0.6
    CHECK(status_for(0.29, 0.5, t) == ProgressStatus::off_track);
    CHECK(status_for(1.4, 0.5, t) == ProgressStatus::on_track);    // ahead of schedule
    CHECK(status_for(-0.1, 0.5, t) == ProgressStatus::off_track);  // moved the wrong way
    // Nothing expected yet: not going backwards is on track.
    CHECK(status_for(0.0, 0.0, t) == ProgressStatus::on_track);
    CHECK(status_for(-0.2, 0.0, t) == ProgressStatus::at_risk);
    const Tolerances strict{0.99, 0.95};
    CHECK(status_for(0.97, 1.0, strict) == ProgressStatus::at_risk);
}

TEST_CASE("tolerances must be finite and in order") {
    CHECK_NOTHROW(Tolerances{}.check());
    CHECK_NOTHROW(Tolerances{0.5, 0.5}.check());
    CHECK_THROWS_WITH((Tolerances{0.5, 0.8}.check()),
                      "off_track_below (0.8) must not exceed at_risk_below (0.5)");
    CHECK_THROWS_WITH((Tolerances{0.9, -0.1}.check()), "off_track_below must not be negative, got -0.1");
    CHECK_THROWS_AS((Tolerances{std::numeric_limits<double>::infinity(), 0.6}.check()), std::invalid_argument);
}

TEST_CASE("status names and labels") {
    CHECK(to_string(ProgressStatus::on_track) == "on_track");
    CHECK(to_string(ProgressStatus::no_data) == "no_data");
    CHECK(to_string(ProgressStatus::no_target) == "no_target");
    CHECK(parse_enum<ProgressStatus>("no_target") == ProgressStatus::no_target);
    CHECK(status_label(ProgressStatus::no_target) == "no target");
    CHECK(parse_enum<ProgressStatus>("not_started") == ProgressStatus::not_started);
    CHECK(status_label(ProgressStatus::off_track) == "off track");
    CHECK(enum_choices<RollupMethod>() == "\"mean\", \"weighted\", \"weakest\", \"strongest\" or \"logic\"");
}

}  // namespace tocgraph::test
