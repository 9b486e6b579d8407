// Indicator progress as of a date: every accumulation mode, measure and
// aggregation rule, ascending and descending indicators, and the edge cases
// of docs/monitoring.md, each with its figures computed by hand.
#include <catch2/catch.hpp>

#include <tocgraph/monitoring.hpp>

#include "monitoring_fixtures.hpp"

namespace tocgraph::test {

TEST_CASE("incremental: actuals and targets add up, measured from 0") {
    Indicator ind = indicator(Accumulation::incremental);
    ind.baselines = {baseline("2020-12-31", 5)};  // shown, not used: totals start from 0
    ind.targets = {year(2021, 10), year(2022, 20), year(2023, 30)};
    ind.actuals = {year(2021, 8), year(2022, 12)};
    const auto p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.baseline == 5);
    CHECK(p.target == 60);  // 10 + 20 + 30
    CHECK(p.target_date == day("2023-12-31"));
    CHECK(p.actual == 20);  // 8 + 12
    CHECK(p.actual_date == day("2022-12-31"));
    CHECK(p.evaluated_at == day("2022-12-31"));
    CHECK(*p.achievement == Approx(20.0 / 60));
    CHECK(*p.expected_value == Approx(30));  // 10 + 20 due by the end of 2022
    CHECK(*p.expected == Approx(0.5));
    CHECK(p.status == ProgressStatus::at_risk);  // (1/3) / (1/2) = 0.67

    REQUIRE(p.periods.size() == 3);
    CHECK(p.periods[0].target == 10);
    CHECK(p.periods[0].target_to_date == 10);
    CHECK(p.periods[0].actual == 8);
    CHECK(p.periods[0].actual_to_date == 8);
    CHECK(*p.periods[0].achievement == Approx(0.8));
    CHECK(p.periods[1].target_to_date == 30);
    CHECK(p.periods[1].actual_to_date == 20);
    CHECK(*p.periods[1].achievement == Approx(20.0 / 30));
    CHECK(p.periods[1].due);
    CHECK_FALSE(p.periods[2].due);
    CHECK(p.periods[2].target_to_date == 60);
    CHECK_FALSE(p.periods[2].actual);
    CHECK_FALSE(p.periods[2].achievement);
}

TEST_CASE("cumulative: the latest running total counts") {
    Indicator ind = indicator(Accumulation::cumulative);
    ind.baselines = {baseline("2020-12-31", 1)};
    ind.targets = {year(2021, 2), year(2022, 4), year(2023, 6)};
    ind.actuals = {year(2021, 2), year(2022, 3)};

    auto p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.actual == 3);
    CHECK(*p.achievement == Approx(0.4));  // (3 - 1) / (6 - 1)
    CHECK(*p.expected == Approx(0.6));     // (4 - 1) / (6 - 1)
    CHECK(p.status == ProgressStatus::at_risk);

    // Mid-2022 the 2022 actual is not in yet: 2021 is compared with the 2021 expectation.
    p = indicator_progress(ind, as_of("2022-06-30"));
    CHECK(p.actual == 2);
    CHECK(p.evaluated_at == day("2021-12-31"));
    CHECK(*p.achievement == Approx(0.2));
    CHECK(*p.expected == Approx(0.2));
    CHECK(p.status == ProgressStatus::on_track);

    // A period that has not ended by the as-of date is not counted, even if reported.
    p = indicator_progress(ind, as_of("2022-12-30"));
    CHECK(p.actual == 2);
    CHECK(p.actual_date == day("2021-12-31"));
}

TEST_CASE("cumulative without a baseline runs from 0") {
    Indicator ind = indicator(Accumulation::cumulative);
    ind.targets = {year(2021, 10), year(2022, 20)};
    ind.actuals = {year(2021, 5)};
    const auto p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK_FALSE(p.baseline);
    CHECK(*p.achievement == Approx(0.25));  // 5 / 20
    CHECK(*p.expected == Approx(0.5));      // 10 / 20, the trajectory starting 2021-01-01
    CHECK(p.status == ProgressStatus::off_track);  // 0.5 of expected
    CHECK(has_note(p, "no baseline: the running total is measured from 0"));
}

TEST_CASE("level: the latest state counts, expected is linear to the final target") {
    Indicator ind = indicator(Accumulation::level);
    ind.baselines = {baseline("2020-12-31", 50)};
    ind.targets = {year(2023, 80)};
    ind.actuals = {year(2021, 56), year(2022, 65)};
    const auto p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.actual == 65);
    CHECK(*p.achievement == Approx(0.5));        // (65 - 50) / (80 - 50)
    CHECK(*p.expected_value == Approx(70));      // 730 of 1095 days: 50 + 30 x 2/3
    CHECK(*p.expected == Approx(2.0 / 3));
    CHECK(p.status == ProgressStatus::at_risk);  // 0.75 of expected
}

TEST_CASE("a level without a baseline has no achievement") {
    Indicator ind = indicator(Accumulation::level, Aggregation::mean, Measure::ordinal);
    ind.targets = {year(2021, 3.5), year(2022, 4)};
    ind.actuals = {year(2021, 3.8)};
    const auto p = indicator_progress(ind, as_of("2022-01-31"));
    CHECK(p.actual == Approx(3.8));
    CHECK(p.target == 4);
    CHECK_FALSE(p.achievement);
    CHECK(p.status == ProgressStatus::no_data);
    CHECK(has_note(p, "no baseline: achievement of a level cannot be measured"));
}

TEST_CASE("intermediate targets shape the trajectory") {
    Indicator ind = indicator(Accumulation::level);
    ind.baselines = {baseline("2020-12-31", 0)};
    ind.targets = {year(2021, 10), year(2023, 20)};
    ind.actuals = {year(2022, 12)};
    const auto p = indicator_progress(ind, as_of("2023-01-15"));
    CHECK(p.evaluated_at == day("2022-12-31"));
    CHECK(*p.expected_value == Approx(15));  // halfway from 10 (end 2021) to 20 (end 2023)
    CHECK(*p.expected == Approx(0.75));
    CHECK(*p.achievement == Approx(0.6));
    CHECK(p.status == ProgressStatus::at_risk);  // 0.8 of expected
}

TEST_CASE("descending indicators: lower is better, same formula") {
    Indicator ind = indicator(Accumulation::level, Aggregation::latest, Measure::unit, false);
    ind.baselines = {baseline("2020-12-31", 14)};
    ind.targets = {year(2021, 10), year(2022, 8), year(2023, 6)};
    ind.actuals = {year(2021, 12), year(2022, 9)};
    auto p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(*p.achievement == Approx(0.625));  // (9 - 14) / (6 - 14)
    CHECK(*p.expected == Approx(0.75));      // (8 - 14) / (6 - 14)
    CHECK(p.status == ProgressStatus::at_risk);
    CHECK(p.notes.empty());

    // Over-achievement is shown, not clipped.
    ind.actuals = {year(2021, 12), year(2022, 4)};
    p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(*p.achievement == Approx(1.25));  // (4 - 14) / (6 - 14)
    CHECK(p.status == ProgressStatus::on_track);
}

TEST_CASE("a target moving the wrong way is noted") {
    Indicator ind = indicator(Accumulation::level);  // ascending
    ind.baselines = {baseline("2020-12-31", 10)};
    ind.targets = {year(2021, 8)};
    ind.actuals = {year(2021, 9)};
    const auto p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK(*p.achievement == Approx(0.5));
    CHECK(has_note(p, "the target is below the baseline although higher values are better"));
}

TEST_CASE("target equal to baseline: holding the level") {
    Indicator ind = indicator(Accumulation::level, Aggregation::mean, Measure::percentage);
    ind.baselines = {baseline("2020-12-31", 95)};
    ind.targets = {year(2021, 95)};
    ind.actuals = {year(2021, 96)};
    auto p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK(p.achievement == 1.0);
    CHECK(p.expected == 1.0);
    CHECK(p.status == ProgressStatus::on_track);
    CHECK(has_note(p, "the target equals the baseline"));

    ind.actuals = {year(2021, 94)};
    p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK(p.achievement == 0.0);
    CHECK(p.status == ProgressStatus::off_track);

    ind.ascending = false;  // 94 is better than 95 now
    p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK(p.achievement == 1.0);
}

TEST_CASE("missing periods: nothing due, nothing reported, a report missing") {
    Indicator ind = indicator(Accumulation::cumulative);
    ind.baselines = {baseline("2020-12-31", 0)};
    ind.targets = {year(2021, 10), year(2022, 20)};

    auto p = indicator_progress(ind, as_of("2021-06-30"));
    CHECK(p.status == ProgressStatus::not_started);
    CHECK_FALSE(p.evaluated_at);
    CHECK(has_note(p, "no period has ended by 2021-06-30"));

    p = indicator_progress(ind, as_of("2022-01-31"));
    CHECK(p.status == ProgressStatus::no_data);
    CHECK_FALSE(p.achievement);
    CHECK(has_note(p, "no actual reported by 2022-01-31"));

    ind.actuals = {year(2021, 9)};
    p = indicator_progress(ind, as_of("2023-01-31"));  // the 2022 actual never came
    CHECK(p.actual == 9);
    CHECK(p.evaluated_at == day("2022-12-31"));
    CHECK(*p.achievement == Approx(0.45));
    CHECK(*p.expected == Approx(1.0));
    CHECK(p.status == ProgressStatus::off_track);
    CHECK(has_note(p, "the latest actual is for the period ending 2021-12-31; values were due up to 2022-12-31"));
}

TEST_CASE("an actual without a target has data but no target") {
    Indicator ind = indicator(Accumulation::level);
    ind.baselines = {baseline("2020-12-31", 0)};
    ind.actuals = {year(2021, 3)};
    auto p = indicator_progress(ind, as_of("2022-01-01"));
    CHECK(p.actual == 3);
    CHECK_FALSE(p.achievement);
    CHECK_FALSE(p.expected);
    CHECK(p.status == ProgressStatus::no_target);
    CHECK(has_note(p, "no target: achievement cannot be measured"));

    // A target period listed without a figure is no target either.
    ind.targets = {year(2022, std::nullopt)};
    p = indicator_progress(ind, as_of("2022-01-01"));
    CHECK_FALSE(p.target);
    CHECK(p.status == ProgressStatus::no_target);

    // Before any actual is counted, it is still no data.
    p = indicator_progress(ind, as_of("2021-12-30"));
    CHECK(p.status == ProgressStatus::not_started);
    ind.actuals = {year(2021, std::nullopt)};
    p = indicator_progress(ind, as_of("2022-01-01"));
    CHECK(p.status == ProgressStatus::no_data);

    // A level without a baseline lacks something else: no data, not no target.
    ind.baselines.clear();
    ind.targets = {year(2022, 10)};
    ind.actuals = {year(2021, 3)};
    p = indicator_progress(ind, as_of("2022-01-01"));
    CHECK(p.status == ProgressStatus::no_data);
    CHECK(has_note(p, "no baseline: achievement of a level cannot be measured"));
}

TEST_CASE("qualitative: status from the presence of assessments") {
    Indicator ind = indicator(Accumulation::level, Aggregation::none, Measure::qualitative);
    ind.baselines = {baseline("2020-12-31", std::nullopt, {}, "Ad hoc reporting")};
    ind.targets = {year(2023, std::nullopt, {}, "An agreed reporting cycle")};
    ind.actuals = {year(2021, std::nullopt, {}, "Cycle agreed in principle"),
                   year(2022, std::nullopt, {}, "Template in use")};

    auto p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.status == ProgressStatus::on_track);
    CHECK_FALSE(p.achievement);
    CHECK_FALSE(p.expected);
    CHECK(p.comment == "Template in use");
    CHECK(p.actual_date == day("2022-12-31"));
    REQUIRE(p.periods.size() == 3);
    CHECK(p.periods[2].target_comment == "An agreed reporting cycle");
    CHECK(p.periods[0].actual_comment == "Cycle agreed in principle");

    p = indicator_progress(ind, as_of("2024-01-31"));  // the 2023 assessment is overdue
    CHECK(p.status == ProgressStatus::at_risk);
    CHECK(has_note(p, "the latest assessment is for the period ending 2022-12-31; one was due by 2023-12-31"));

    p = indicator_progress(ind, as_of("2021-06-30"));
    CHECK(p.status == ProgressStatus::not_started);

    ind.actuals = {year(2021, std::nullopt)};  // an empty report is no assessment
    p = indicator_progress(ind, as_of("2022-01-31"));
    CHECK(p.status == ProgressStatus::no_data);
    CHECK(has_note(p, "no assessment reported by 2022-01-31"));
}

TEST_CASE("sum across dimensions, with some dimension values not reported") {
    Indicator ind = indicator(Accumulation::level, Aggregation::sum);
    ind.baselines = {baseline("2020-12-31", 0)};
    ind.targets = {year(2022, 20)};
    ind.actuals = {year(2021, 3, country("KH")), year(2021, 4, country("ID")), year(2021, 5, country("LA")),
                   year(2022, 6, country("KH")), year(2022, 7, country("ID"))};
    const auto p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.actual == 13);  // 6 + 7: nothing imputed for LA
    CHECK(*p.achievement == Approx(0.65));
    REQUIRE(p.unreported.size() == 1);
    CHECK(p.unreported[0] == country("LA"));
    CHECK(has_note(p, "covers 2 of 3 dimension values; not reported: country=LA"));
}

TEST_CASE("a value for the view itself is preferred to its breakdown") {
    Indicator ind = indicator(Accumulation::level, Aggregation::sum);
    ind.baselines = {baseline("2020-12-31", 0)};
    ind.targets = {year(2021, 20)};
    ind.actuals = {year(2021, 3, country("KH")), year(2021, 12), year(2021, 4, country("ID"))};
    const auto p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK(p.actual == 12);
    CHECK(p.unreported.empty());
}

TEST_CASE("the coarsest breakdown is used, nothing is counted twice") {
    Indicator ind = indicator(Accumulation::level, Aggregation::sum);
    ind.baselines = {baseline("2020-12-31", 0)};
    ind.targets = {year(2021, 18)};
    ind.actuals = {year(2021, 5, country("KH")), year(2021, 2, {{"country", "KH"}, {"sex", "female"}}),
                   year(2021, 3, {{"country", "KH"}, {"sex", "male"}}), year(2021, 4, country("ID"))};
    auto p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK(p.actual == 9);  // KH 5 + ID 4
    CHECK(*p.achievement == Approx(0.5));
    CHECK(has_note(p, "broken down by country, sex are left out: the breakdown by country is used"));

    // A view of one sex combines what is reported for it across countries.
    p = indicator_progress(ind, as_of("2021-12-31"), {{"sex", "female"}});
    CHECK(p.actual == 2);
}

TEST_CASE("several values for the same period and dimensions: the last listed") {
    Indicator ind = indicator(Accumulation::level, Aggregation::sum);
    ind.baselines = {baseline("2020-12-31", 0)};
    ind.targets = {year(2021, 10)};
    ind.actuals = {year(2021, 3, country("KH")), year(2021, 4, country("KH")), year(2021, 1, country("ID"))};
    const auto p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK(p.actual == 5);  // KH 4 + ID 1
    CHECK(has_note(p, "several values for 2021-01-01..2021-12-31 and country=KH: the last listed is used"));
}

TEST_CASE("mean, min, max and latest across dimensions") {
    Indicator ind = indicator(Accumulation::level, Aggregation::mean, Measure::ordinal);
    ind.baselines = {baseline("2020-12-31", 3)};
    ind.targets = {year(2021, 4)};
    ind.actuals = {year(2021, 3.8, country("KH")), year(2021, 3.4, country("ID")), year(2021, 4.1, country("PH"))};
    auto p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK(*p.actual == Approx(11.3 / 3));        // (3.8 + 3.4 + 4.1) / 3
    CHECK(*p.achievement == Approx(11.3 / 3 - 3));  // (3.7667 - 3) / (4 - 3)
    ind.aggregation = Aggregation::min;
    CHECK(*indicator_progress(ind, as_of("2021-12-31")).actual == Approx(3.4));
    ind.aggregation = Aggregation::max;
    CHECK(*indicator_progress(ind, as_of("2021-12-31")).actual == Approx(4.1));
    ind.aggregation = Aggregation::latest;
    CHECK(*indicator_progress(ind, as_of("2021-12-31")).actual == Approx(4.1));  // PH is listed last
}

TEST_CASE("ratio across dimensions: a percentage of summed parts") {
    Indicator ind = indicator(Accumulation::level, Aggregation::ratio, Measure::percentage);
    ind.baselines = {baseline("2020-12-31", 40)};
    PeriodValue target = year(2022, 80);
    target.numerator = 8;
    target.denominator = 10;
    ind.targets = {target};
    ind.actuals = {ratio_year(2022, 1, 1, country("KH")), ratio_year(2022, 0, 1, country("LA")),
                   ratio_year(2022, 3, 4, country("TH"))};
    auto p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(*p.actual == Approx(200.0 / 3));     // 4 of 6
    CHECK(*p.achievement == Approx((200.0 / 3 - 40) / 40));
    CHECK(*p.expected == Approx(1.0));

    // A Member State is held to the regional target (ratio is not a sum).
    p = indicator_progress(ind, as_of("2022-12-31"), country("LA"));
    CHECK(p.actual == 0);  // 0 / 1 read as a quotient
    CHECK(p.target == 80);
    CHECK(p.baseline == 40);
    CHECK(*p.achievement == Approx(-1.0));  // (0 - 40) / (80 - 40)
    CHECK(p.status == ProgressStatus::off_track);
    CHECK(has_note(p, "the targets of the whole indicator apply to country=LA"));
    CHECK(has_note(p, "the baseline of the whole indicator applies to country=LA"));

    // A part without a denominator is left out, and said so.
    ind.actuals.push_back(year(2022, 100, country("VN")));
    p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(*p.actual == Approx(200.0 / 3));
    CHECK(has_note(p, "country=VN lacks a numerator or denominator: it is left out"));
}

TEST_CASE("a part of a sum is not held to the target of the whole") {
    Indicator ind = indicator(Accumulation::incremental, Aggregation::sum);
    ind.targets = {year(2021, 100)};
    ind.actuals = {year(2021, 30, country("KH")), year(2021, 50, country("ID"))};
    const auto total = indicator_progress(ind, as_of("2021-12-31"));
    CHECK(*total.achievement == Approx(0.8));
    const auto kh = indicator_progress(ind, as_of("2021-12-31"), country("KH"));
    CHECK(kh.actual == 30);
    CHECK_FALSE(kh.target);
    CHECK(kh.status == ProgressStatus::no_target);
    CHECK(has_note(kh, "no target"));

    // With targets of its own it is assessed.
    ind.targets.push_back(year(2021, 40, country("KH")));
    const auto own = indicator_progress(ind, as_of("2021-12-31"), country("KH"));
    CHECK(*own.achievement == Approx(0.75));
}

TEST_CASE("values that cannot be totalled are reported per dimension") {
    Indicator ind = indicator(Accumulation::level, Aggregation::none);
    ind.baselines = {baseline("2020-12-31", 0)};
    ind.targets = {year(2021, 10)};
    ind.actuals = {year(2021, 5, country("KH")), year(2021, 9, country("ID"))};
    const auto p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK_FALSE(p.actual);
    CHECK_FALSE(p.achievement);
    CHECK(p.status == ProgressStatus::no_data);
    CHECK(has_note(p, "aggregation \"none\": values are reported per dimension only: no total; see the parts"));
    REQUIRE(p.parts.size() == 2);
    CHECK(p.parts[0].filter == country("ID"));  // sorted
    CHECK(*p.parts[0].achievement == Approx(0.9));
    CHECK(p.parts[1].filter == country("KH"));
    CHECK(*p.parts[1].achievement == Approx(0.5));
    CHECK(p.parts[1].status == ProgressStatus::off_track);

    // A percentage cannot be summed either.
    ind.aggregation = Aggregation::sum;
    ind.measure = Measure::percentage;
    const auto pct = indicator_progress(ind, as_of("2021-12-31"));
    CHECK_FALSE(pct.actual);
    CHECK(pct.parts.size() == 2);
    CHECK(has_note(pct, "aggregation \"sum\" does not apply to a percentage measure"));
}

TEST_CASE("nominal: the target category is reached or not") {
    Indicator ind = indicator(Accumulation::level, Aggregation::latest, Measure::nominal);
    ind.baselines = {baseline("2020-12-31", 1)};
    ind.targets = {year(2022, 3)};
    ind.actuals = {year(2021, 2), year(2022, 3)};
    auto p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.achievement == 1.0);
    CHECK(p.expected == 1.0);
    CHECK(p.status == ProgressStatus::on_track);

    p = indicator_progress(ind, as_of("2022-06-30"));  // category 2, target not due yet
    CHECK(p.achievement == 0.0);
    CHECK(p.expected == 0.0);
    CHECK(p.status == ProgressStatus::on_track);

    ind.actuals = {year(2021, 2), year(2022, 2)};
    p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.achievement == 0.0);
    CHECK(p.status == ProgressStatus::off_track);
}

TEST_CASE("several baselines by dimension") {
    Indicator ind = indicator(Accumulation::level, Aggregation::mean);
    ind.baselines = {baseline("2020-12-31", 10, country("KH")), baseline("2020-12-31", 20, country("ID"))};
    ind.targets = {year(2022, 30)};
    ind.actuals = {year(2022, 20, country("KH")), year(2022, 30, country("ID"))};
    auto p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.baseline == 15);  // mean of 10 and 20
    CHECK(p.actual == 25);
    CHECK(*p.achievement == Approx(2.0 / 3));  // (25 - 15) / (30 - 15)

    p = indicator_progress(ind, as_of("2022-12-31"), country("KH"));
    CHECK(p.baseline == 10);  // its own
    CHECK(p.target == 30);    // the whole indicator's
    CHECK(*p.achievement == Approx(0.5));

    ind.aggregation = Aggregation::sum;
    ind.targets = {year(2022, 60)};
    p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.baseline == 30);
    CHECK(*p.achievement == Approx(20.0 / 30));  // (50 - 30) / (60 - 30)
}

TEST_CASE("several baselines by date: the latest on or before the as-of date") {
    Indicator ind = indicator(Accumulation::level);
    ind.baselines = {baseline("2019-12-31", 10), baseline("2021-06-30", 20)};
    ind.targets = {year(2020, 15), year(2022, 40)};
    ind.actuals = {year(2020, 12), year(2022, 30)};
    auto p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.baseline == 20);
    CHECK(p.baseline_date == day("2021-06-30"));
    CHECK(*p.achievement == Approx(0.5));  // (30 - 20) / (40 - 20)
    CHECK(*p.expected == Approx(1.0));
    CHECK(has_note(p, "several baselines for (all)"));
    CHECK(has_note(p, "targets ending on or before 2021-06-30, where the trajectory starts, are not part of it"));

    p = indicator_progress(ind, as_of("2021-03-01"));
    CHECK(p.baseline == 10);
    CHECK(has_note(p, "the baseline dated 2021-06-30 is after the as-of date: it is not used"));
    CHECK(p.actual == 12);
    CHECK(*p.achievement == Approx(2.0 / 30));  // (12 - 10) / (40 - 10)

    // A baseline known by its year counts from 1 January.
    Baseline by_year;
    by_year.year = 2021;
    by_year.value = 25;
    ind.baselines = {baseline("2019-12-31", 10), by_year};
    p = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(p.baseline == 25);
    CHECK(p.baseline_date == day("2021-01-01"));
}

TEST_CASE("a period ending before it starts is left out") {
    Indicator ind = indicator(Accumulation::level);
    ind.baselines = {baseline("2020-12-31", 0)};
    ind.targets = {year(2021, 10)};
    ind.actuals = {year(2021, 4), value("2021-12-31", "2021-06-30", 9)};
    const auto p = indicator_progress(ind, as_of("2021-12-31"));
    CHECK(p.actual == 4);
    CHECK(has_note(p, "an actual for 2021-12-31..2021-06-30 ends before it starts: it is left out"));
}

TEST_CASE("custom tolerances") {
    Indicator ind = indicator(Accumulation::cumulative);
    ind.baselines = {baseline("2020-12-31", 1)};
    ind.targets = {year(2021, 2), year(2022, 4), year(2023, 6)};
    ind.actuals = {year(2021, 2), year(2022, 3)};  // 0.4 achieved of 0.6 expected: 0.67
    CHECK(indicator_progress(ind, as_of("2022-12-31", {0.6, 0.3})).status == ProgressStatus::on_track);
    CHECK(indicator_progress(ind, as_of("2022-12-31", {0.9, 0.7})).status == ProgressStatus::off_track);
    CHECK_THROWS_AS(indicator_progress(ind, as_of("2022-12-31", {0.5, 0.7})), std::invalid_argument);
}

TEST_CASE("progress of every indicator of a theory of change") {
    TheoryOfChange toc;
    toc.add_node(node("n", "output"));
    Indicator a = indicator(Accumulation::incremental);
    a.id = "a";
    a.targets = {year(2021, 10)};
    a.actuals = {year(2021, 10)};
    Indicator b = indicator(Accumulation::level);
    b.id = "b";
    toc.add_indicator(a);
    toc.add_indicator(b);
    const auto all = progress(toc, as_of("2021-12-31"));
    REQUIRE(all.size() == 2);
    CHECK(all[0].indicator == "a");
    CHECK(all[0].achievement == 1.0);
    CHECK(all[1].indicator == "b");
    CHECK(all[1].status == ProgressStatus::not_started);  // no periods at all
}

}  // namespace tocgraph::test
