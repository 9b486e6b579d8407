// LevelSchema: the built-in schemas, ranks, roles and the checks of a custom schema.
#include <catch2/catch.hpp>

#include <tocgraph/errors.hpp>
#include <tocgraph/level_schema.hpp>

namespace tocgraph::test {

TEST_CASE("The default schema is the ASEAN-ACT vocabulary", "[level_schema]") {
    const auto s = LevelSchema::theory_of_change();
    CHECK(s.name() == "theory_of_change");
    REQUIRE(s.size() == 7);
    CHECK(s.levels().front().id == "goal");
    CHECK(s.levels().back().id == "activity");
    CHECK(s.rank("goal") == 0u);
    CHECK(s.rank("immediate_outcome") == 4u);
    CHECK(s.rank("activity") == 6u);
    CHECK_FALSE(s.rank("purpose"));
    CHECK(s.contains("output"));
    CHECK_FALSE(s.contains("Output"));
    CHECK(s.level("pathway").role == LevelRole::pathway);
    CHECK(s.level("end_of_program_outcome").label == "End-of-program outcome");
    CHECK(s.is_builtin());
}

TEST_CASE("Every built-in schema is found by name", "[level_schema]") {
    const auto names = LevelSchema::builtin_names();
    REQUIRE(names.size() == 5);
    for (const auto& name : names) {
        auto s = LevelSchema::builtin(name);
        REQUIRE(s);
        CHECK(s->name() == name);
        CHECK(s->is_builtin());
        CHECK(s->levels().front().role == LevelRole::goal);
        CHECK(s->level("activity").role == LevelRole::activity);
    }
    CHECK_FALSE(LevelSchema::builtin("results_chain"));
    CHECK(LevelSchema::logframe().choices() == R"("goal", "purpose", "output" or "activity")");
    CHECK(LevelSchema::oecd_results_chain().level("input").role == LevelRole::input);
    CHECK(LevelSchema::usaid_results_framework().rank("sub_intermediate_result") == 3u);
    CHECK(LevelSchema::iati().choices() == R"("impact", "outcome", "output", "other" or "activity")");
}

TEST_CASE("Unknown levels are reported with the schema's levels", "[level_schema]") {
    const auto s = LevelSchema::logframe();
    CHECK_THROWS_AS(s.level("impact"), ModelError);
    CHECK_THROWS_WITH(s.level("impact"),
                      R"(unknown level "impact"; schema "logframe" has "goal", "purpose", "output" or "activity")");
}

TEST_CASE("A custom schema is checked", "[level_schema]") {
    const LevelSchema custom("two_levels", {{"aim", "Aim", LevelRole::goal}, {"task", "Task", LevelRole::activity}});
    CHECK(custom.size() == 2);
    CHECK_FALSE(custom.is_builtin());
    CHECK(custom != LevelSchema::logframe());

    CHECK_THROWS_WITH(LevelSchema("none", {}), R"(level schema "none" has no levels)");
    CHECK_THROWS_WITH(LevelSchema("blank", {{"", "", LevelRole::goal}}),
                      R"(level schema "blank": level 0 has an empty id)");
    CHECK_THROWS_WITH(LevelSchema("twice", {{"a", "", LevelRole::goal}, {"a", "", LevelRole::outcome}}),
                      R"(level schema "twice" repeats level "a")");

    SECTION("a schema named like a built-in one but different is not built-in") {
        const LevelSchema fake("logframe", {{"goal", "Goal", LevelRole::goal}});
        CHECK_FALSE(fake.is_builtin());
    }
}

TEST_CASE("Enum spellings round-trip", "[level_schema][enums]") {
    CHECK(to_string(LevelRole::input) == "input");
    CHECK(parse_enum<LevelRole>("pathway") == LevelRole::pathway);
    CHECK_FALSE(parse_enum<LevelRole>("Pathway"));
    CHECK(enum_choices<Logic>() == R"("all", "any" or "weighted")");
    CHECK(enum_choices<Risk>() == R"("low", "medium" or "high")");
    CHECK(static_cast<int>(Measure::qualitative) == 5);
    CHECK(to_string(FeedbackKind::proposed_change) == "proposed_change");
}

}  // namespace tocgraph::test
