// Date and Period: parsing, validity, ordering and day arithmetic.
#include <catch2/catch.hpp>

#include <stdexcept>

#include <tocgraph/date.hpp>

using tocgraph::Date;
using tocgraph::Period;

TEST_CASE("Date::parse reads YYYY-MM-DD exactly", "[date]") {
    auto d = Date::parse("2021-03-09");
    REQUIRE(d);
    CHECK(d->year == 2021);
    CHECK(d->month == 3);
    CHECK(d->day == 9);
    CHECK(d->to_string() == "2021-03-09");

    SECTION("other spellings are refused") {
        for (const char* text : {"", "2021-3-9", "2021-03-9", "21-03-09", "2021/03/09", "2021-03-09T00:00",
                                 " 2021-03-09", "2021-03-09 ", "20a1-03-09", "2021-0x-09", "+021-03-09"})
            CHECK_FALSE(Date::parse(text));
    }
    SECTION("dates that do not exist are refused") {
        for (const char* text : {"2021-02-29", "2021-02-30", "2021-04-31", "2021-13-01", "2021-00-10",
                                 "2021-01-00", "0000-01-01", "1900-02-29"})
            CHECK_FALSE(Date::parse(text));
    }
    SECTION("leap days exist in leap years") {
        CHECK(Date::parse("2020-02-29"));
        CHECK(Date::parse("2000-02-29"));
        CHECK(Date::parse("9999-12-31"));
        CHECK(Date::parse("0001-01-01"));
    }
}

TEST_CASE("Date::to_string pads every part, whatever the values", "[date]") {
    CHECK(Date{1, 1, 1}.to_string() == "0001-01-01");
    CHECK(Date{9999, 12, 31}.to_string() == "9999-12-31");
    CHECK(Date{2021, 2, 30}.to_string() == "2021-02-30");  // built by hand; the writer refuses it
    CHECK(Date{12345, 1, 2}.to_string() == "12345-01-02");
    CHECK(Date{-5, 1, 2}.to_string() == "-005-01-02");
    CHECK(Date{2021, 100, 2}.to_string() == "2021-100-02");
}

TEST_CASE("Date::from_ymd checks the date", "[date]") {
    CHECK(Date::from_ymd(2024, 2, 29) == Date{2024, 2, 29});
    CHECK_THROWS_AS(Date::from_ymd(2023, 2, 29), std::invalid_argument);
    CHECK_THROWS_WITH(Date::from_ymd(2023, 2, 29), "no such date: 2023-2-29");
}

TEST_CASE("Dates order chronologically", "[date]") {
    CHECK(Date{2020, 12, 31} < Date{2021, 1, 1});
    CHECK(Date{2021, 1, 31} < Date{2021, 2, 1});
    CHECK(Date{2021, 2, 1} < Date{2021, 2, 2});
    CHECK(Date{2021, 2, 2} == Date{2021, 2, 2});
    CHECK(Date{} == Date{1970, 1, 1});
}

TEST_CASE("Date::days_since_epoch counts days", "[date]") {
    CHECK(Date{1970, 1, 1}.days_since_epoch() == 0);
    CHECK(Date{1970, 1, 2}.days_since_epoch() == 1);
    CHECK(Date{1969, 12, 31}.days_since_epoch() == -1);
    CHECK(Date{2000, 3, 1}.days_since_epoch() - Date{2000, 2, 28}.days_since_epoch() == 2);
    CHECK(Date{2021, 1, 1}.days_since_epoch() - Date{2020, 1, 1}.days_since_epoch() == 366);
    CHECK(Date{2021, 1, 1}.days_since_epoch() == 18628);
}

TEST_CASE("Period::contains is closed at both ends", "[date]") {
    const Period p{{2020, 1, 1}, {2020, 12, 31}};
    CHECK(p.contains({2020, 1, 1}));
    CHECK(p.contains({2020, 6, 15}));
    CHECK(p.contains({2020, 12, 31}));
    CHECK_FALSE(p.contains({2019, 12, 31}));
    CHECK_FALSE(p.contains({2021, 1, 1}));
    CHECK(p == Period{{2020, 1, 1}, {2020, 12, 31}});
}
