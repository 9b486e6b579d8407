// Disaggregated progress: an indicator by one dimension, the values with no
// data, and the bundled ASEAN-ACT example figured by hand.
#include <catch2/catch.hpp>

#include <filesystem>

#include <tocgraph/json_io.hpp>
#include <tocgraph/monitoring.hpp>

#include "monitoring_fixtures.hpp"

namespace tocgraph::test {

namespace {

/// Share of reports on time per Member State (ratio of numerators and
/// denominators), with a regional baseline and target.
Indicator on_time() {
    Indicator ind = indicator(Accumulation::level, Aggregation::ratio, Measure::percentage);
    ind.id = "on_time";
    ind.baselines = {baseline("2020-12-31", 40)};
    ind.targets = {year(2021, 60), year(2022, 80)};
    ind.actuals = {ratio_year(2021, 1, 1, country("KH")), ratio_year(2021, 0, 1, country("LA")),
                   ratio_year(2022, 1, 1, country("KH")), ratio_year(2022, 1, 1, country("LA")),
                   ratio_year(2022, 0, 1, country("MM"))};
    return ind;
}

}  // namespace

TEST_CASE("dimension values come from baselines, targets and actuals, sorted") {
    Indicator ind = on_time();
    ind.baselines.push_back(baseline("2020-12-31", 50, country("BN")));
    CHECK(dimension_values(ind, "country") == std::vector<std::string>{"BN", "KH", "LA", "MM"});
    CHECK(dimension_values(ind, "sex").empty());
}

TEST_CASE("an indicator by country, with the values that have no data") {
    const auto b = progress_by(on_time(), "country", as_of("2022-12-31"));
    CHECK(b.indicator == "on_time");
    CHECK(b.dimension == "country");
    CHECK(b.values == std::vector<std::string>{"KH", "LA", "MM"});
    REQUIRE(b.rows.size() == 3);
    CHECK(b.rows[0].filter == country("KH"));
    CHECK(b.rows[0].actual == 100);
    CHECK(*b.rows[0].achievement == Approx(1.5));  // (100 - 40) / (80 - 40)
    CHECK(b.rows[1].actual == 100);
    CHECK(b.rows[2].actual == 0);
    CHECK(b.rows[2].status == ProgressStatus::off_track);
    CHECK(b.missing.empty());

    // As of mid-2022 MM has reported nothing yet.
    const auto mid = progress_by(on_time(), "country", as_of("2022-06-30"));
    CHECK(mid.missing == std::vector<std::string>{"MM"});
    CHECK(mid.rows[2].status == ProgressStatus::no_data);
    CHECK(mid.rows[1].actual == 0);  // LA 2021

    // The caller's list: who has not reported at all.
    const auto listed = progress_by(on_time(), "country", as_of("2022-12-31"),
                                    std::vector<std::string>{"BN", "KH", "MM"});
    CHECK(listed.values == std::vector<std::string>{"BN", "KH", "MM"});
    CHECK(listed.missing == std::vector<std::string>{"BN"});
    CHECK(listed.rows[0].status == ProgressStatus::no_data);
    CHECK_FALSE(listed.rows[0].actual);
}

TEST_CASE("a breakdown of a summed indicator with only a total target: data, no target") {
    // Officials trained per Member State against a regional total: a part
    // cannot be held to the whole's target, but its figures are there.
    Indicator ind = indicator(Accumulation::incremental, Aggregation::sum);
    ind.id = "trained";
    ind.targets = {year(2021, 100), year(2022, 200)};
    ind.actuals = {year(2021, 30, country("KH")), year(2021, 50, country("ID")), year(2022, 40, country("KH"))};
    const auto b = progress_by(ind, "country", as_of("2022-12-31"), std::vector<std::string>{"ID", "KH", "LA"});
    REQUIRE(b.rows.size() == 3);
    CHECK(b.rows[0].actual == 50);
    CHECK(b.rows[0].status == ProgressStatus::no_target);
    CHECK(b.rows[1].actual == 70);  // 30 + 40
    CHECK_FALSE(b.rows[1].target);
    CHECK_FALSE(b.rows[1].achievement);
    CHECK(b.rows[1].status == ProgressStatus::no_target);
    CHECK(has_note(b.rows[1], "no target: achievement cannot be measured"));
    CHECK_FALSE(b.rows[2].actual);  // LA reported nothing: no data, and missing
    CHECK(b.rows[2].status == ProgressStatus::no_data);
    CHECK(b.missing == std::vector<std::string>{"LA"});
    const nlohmann::ordered_json j = b;
    CHECK(j["rows"][1]["status"] == "no_target");

    // The whole indicator is held to its target: (80 + 40) of 300.
    const auto total = indicator_progress(ind, as_of("2022-12-31"));
    CHECK(*total.achievement == Approx(120.0 / 300));
    CHECK(total.status == ProgressStatus::off_track);
}

TEST_CASE("progress_by over a theory of change skips indicators without the dimension") {
    TheoryOfChange toc;
    toc.add_node(node("n", "output"));
    toc.add_indicator(on_time());
    Indicator plain = indicator(Accumulation::level);
    plain.id = "plain";
    plain.targets = {year(2022, 1)};
    toc.add_indicator(plain);
    const auto all = progress_by(toc, "country", as_of("2022-12-31"));
    REQUIRE(all.size() == 1);
    CHECK(all[0].indicator == "on_time");
    CHECK(progress_by(toc, "on_time", "country", as_of("2022-12-31")) == all[0]);
    CHECK_THROWS_AS(progress_by(toc, "nope", "country", as_of("2022-12-31")), ModelError);
    CHECK_THROWS_WITH(progress_by(toc, "", as_of("2022-12-31")), "the dimension name must not be empty");
    const nlohmann::ordered_json j = all[0];
    CHECK(j["rows"][2]["filter"]["country"] == "MM");
    CHECK(j["missing"].empty());
}

TEST_CASE("the ASEAN-ACT example as of 2022-12-31") {
    const auto path = std::filesystem::path(TOCGRAPH_TEST_DATA_DIR) / ".." / ".." / "examples" / "asean-act" / "toc.json";
    const TheoryOfChange toc = load(path);
    const ProgressOptions options = as_of("2022-12-31");
    const Rollup r = rollup(toc, {options, RollupMethod::mean});

    // Officials in exchanges (incremental, summed across Member States):
    // 32 + 46 + 62 = 140 of 300 targeted; 180 due by the end of 2022.
    const IndicatorProgress& officials = r.indicator("ind_io12_participants");
    CHECK(officials.actual == 140);
    CHECK(officials.target == 300);
    CHECK(*officials.achievement == Approx(140.0 / 300));
    CHECK(*officials.expected == Approx(0.6));
    CHECK(officials.status == ProgressStatus::at_risk);

    // Plans (cumulative): 3 against a trajectory 1 -> 2 -> 4 -> 6.
    const IndicatorProgress& plans = r.indicator("ind_io11_plans");
    CHECK(*plans.achievement == Approx(0.4));
    CHECK(*plans.expected == Approx(0.6));

    // Reports on time (ratio of Member States): 9 of 10 = 90%, baseline 40, target 100.
    const IndicatorProgress& on_time = r.indicator("ind_io13_on_time");
    CHECK(*on_time.actual == Approx(90));
    CHECK(*on_time.achievement == Approx(50.0 / 60));
    CHECK(*on_time.expected == Approx(40.0 / 60));
    CHECK(on_time.status == ProgressStatus::on_track);

    // Months to publish (descending): 9, baseline 14, target 6, 8 due by 2022.
    const IndicatorProgress& months = r.indicator("ind_io13_months_to_report");
    CHECK(*months.achievement == Approx(0.625));
    CHECK(*months.expected == Approx(0.75));

    // Qualitative: assessed up to 2022.
    CHECK(r.indicator("ind_eopo1_assessment").status == ProgressStatus::on_track);
    // No baseline for a level: no data.
    CHECK(r.indicator("ind_io12_usefulness").status == ProgressStatus::no_data);

    // io_1_1: its plans indicator (0.4 of 0.6) and the guidance output (0 of 1).
    const NodeProgress& io11 = r.node("io_1_1");
    CHECK(*io11.achievement == Approx(0.2));
    CHECK(*io11.expected == Approx(0.8));
    CHECK(io11.status == ProgressStatus::off_track);
    // The goal has a figure through Pathway 1 only; Pathways 2 and 3 have no data.
    CHECK(r.node("goal").achievement == r.node("pathway_1").achievement);
    CHECK(r.node("pathway_2").status == ProgressStatus::no_data);
}

}  // namespace tocgraph::test
