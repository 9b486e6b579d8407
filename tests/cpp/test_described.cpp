// Results described field by field (described.hpp): the field lists, and the
// JSON built from them, member by member, with exact text.
#include <catch2/catch.hpp>

#include <limits>
#include <string>
#include <vector>

#include <tocgraph/analysis.hpp>
#include <tocgraph/monitoring.hpp>

#include "model_fixtures.hpp"

namespace tocgraph::test {

namespace {

template <typename T>
std::vector<std::string> field_names() {
    std::vector<std::string> out;
    for_each_field<T>([&](const auto& field) { out.emplace_back(field.name); });
    return out;
}

}  // namespace

TEST_CASE("a described struct lists its fields in order, each with a line of documentation") {
    CHECK(field_names<RollupInput>() == std::vector<std::string>{"kind", "id", "title", "achievement", "expected",
                                                                  "status", "weight", "scored", "share", "reason"});
    CHECK(field_names<Tolerances>() == std::vector<std::string>{"at_risk_below", "off_track_below"});
    CHECK(field_names<Explanation>() == std::vector<std::string>{"node", "drivers", "unscored", "text"});
    CHECK(field_names<Coverage>() == std::vector<std::string>{"levels", "indicators", "indicators_with_baseline",
                                                               "indicators_with_targets", "indicators_with_actuals"});
    for_each_field<IndicatorProgress>([](const auto& field) {
        INFO(field.name);
        CHECK(std::string(field.doc).size() > 5);
    });
}

TEST_CASE("JSON from the field list: enums by name, empty optionals and non-finite numbers null") {
    RollupInput input;
    input.kind = InputKind::contributor;
    input.id = "o1";
    input.title = "Output one";
    input.achievement = 0.5;
    input.status = ProgressStatus::off_track;
    input.weight = 0.75;
    input.scored = true;
    input.share = 1.0;
    CHECK(nlohmann::ordered_json(input).dump() ==
          R"({"kind":"contributor","id":"o1","title":"Output one","achievement":0.5,"expected":null,)"
          R"("status":"off_track","weight":0.75,"scored":true,"share":1.0,"reason":""})");

    input.achievement = std::numeric_limits<double>::quiet_NaN();
    CHECK(nlohmann::ordered_json(input)["achievement"].is_null());

    CHECK(nlohmann::ordered_json(Tolerances{}).dump() == R"({"at_risk_below":0.9,"off_track_below":0.6})");
}

TEST_CASE("JSON from the field list: dates as text, nested results by their own conversion") {
    IndicatorProgress p;
    p.indicator = "i1";
    p.as_of = Date::from_ymd(2022, 12, 31);
    p.baseline_date = Date::from_ymd(2020, 1, 1);
    p.filter = {{"country", "KH"}};
    PeriodProgress period;
    period.period = Period{Date::from_ymd(2021, 1, 1), Date::from_ymd(2021, 12, 31)};
    p.periods.push_back(period);
    const nlohmann::ordered_json j = p;
    CHECK(j["as_of"] == "2022-12-31");
    CHECK(j["baseline_date"] == "2020-01-01");
    CHECK(j["target_date"].is_null());
    CHECK(j["measure"] == "unit");
    CHECK(j["filter"].dump() == R"({"country":"KH"})");
    CHECK(j["periods"][0]["start"] == "2021-01-01");  // PeriodProgress writes its period as start and end
    std::vector<std::string> keys;
    for (const auto& [key, value] : j.items()) keys.push_back(key);
    CHECK(keys == field_names<IndicatorProgress>());
}

TEST_CASE("the JSON of coverage names each level by its id") {
    TheoryOfChange toc = toc_of({{"goal", "goal"}, {"o1", "output"}, {"o2", "output"}, {"a1", "activity"}},
                                {{"o1", "goal"}, {"a1", "o1"}});
    toc.add_indicator(indicator("i1", "o1"));
    const nlohmann::ordered_json j = coverage(toc);
    CHECK(j["levels"][0].dump() ==
          R"({"level":"goal","nodes":1,"with_indicators":0,"with_contributors":1,"with_activities":1})");
    CHECK(j["levels"][5].dump() ==
          R"({"level":"output","nodes":2,"with_indicators":1,"with_contributors":1,"with_activities":1})");
    CHECK(j["indicators"] == 1);
    CHECK(j["indicators_with_baseline"] == 0);
}

}  // namespace tocgraph::test
