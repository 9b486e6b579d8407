#pragma once
// A calendar date, the unit of time in a theory of change (periods, activity
// start and end, baselines). Written and read as ISO 8601 "YYYY-MM-DD".

#include <compare>
#include <cstddef>
#include <cstdio>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace tocgraph {

struct Date {
    int year = 1970;
    int month = 1;
    int day = 1;

    /// A date from its parts; throws std::invalid_argument if it does not exist.
    static Date from_ymd(int year, int month, int day) {
        if (!valid(year, month, day))
            throw std::invalid_argument("no such date: " + std::to_string(year) + "-" +
                                        std::to_string(month) + "-" + std::to_string(day));
        return Date{year, month, day};
    }

    /// Parses "YYYY-MM-DD" exactly; returns nullopt for anything else,
    /// including dates that do not exist such as 2021-02-30.
    static std::optional<Date> parse(std::string_view text) {
        if (text.size() != 10 || text[4] != '-' || text[7] != '-') return std::nullopt;
        auto digits = [&](std::size_t from, std::size_t count) -> std::optional<int> {
            int value = 0;
            for (std::size_t i = from; i < from + count; ++i) {
                if (text[i] < '0' || text[i] > '9') return std::nullopt;
                value = value * 10 + (text[i] - '0');
            }
            return value;
        };
        auto y = digits(0, 4), m = digits(5, 2), d = digits(8, 2);
        if (!y || !m || !d || !valid(*y, *m, *d)) return std::nullopt;
        return Date{*y, *m, *d};
    }

    std::string to_string() const {
        if (year >= 0 && year <= 9999 && month >= 0 && month <= 99 && day >= 0 && day <= 99) {
            // The usual case without printf, which writers call for every period.
            std::string out = "0000-00-00";
            for (int i = 3, y = year; i >= 0; --i, y /= 10) out[static_cast<std::size_t>(i)] = static_cast<char>('0' + y % 10);
            out[5] = static_cast<char>('0' + month / 10);
            out[6] = static_cast<char>('0' + month % 10);
            out[8] = static_cast<char>('0' + day / 10);
            out[9] = static_cast<char>('0' + day % 10);
            return out;
        }
        char buffer[40];  // room for any int values, so the compiler can prove no truncation
        std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", year, month, day);
        return buffer;
    }

    /// Days since 1970-01-01 (negative before), for durations and interpolation.
    long days_since_epoch() const {
        // Howard Hinnant's days_from_civil.
        const int y = year - (month <= 2 ? 1 : 0);
        const long era = (y >= 0 ? y : y - 399) / 400;
        const unsigned yoe = static_cast<unsigned>(y - era * 400);
        const unsigned mp = static_cast<unsigned>(month + (month > 2 ? -3 : 9));
        const unsigned doy = (153 * mp + 2) / 5 + static_cast<unsigned>(day) - 1;
        const unsigned doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
        return era * 146097 + static_cast<long>(doe) - 719468;
    }

    static bool is_leap(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }
    static int days_in_month(int y, int m) {
        static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
        return m == 2 && is_leap(y) ? 29 : days[m - 1];
    }
    static bool valid(int y, int m, int d) {
        return y >= 1 && y <= 9999 && m >= 1 && m <= 12 && d >= 1 && d <= days_in_month(y, m);
    }

    friend auto operator<=>(const Date&, const Date&) = default;
};

/// A closed interval of dates, such as a reporting period.
struct Period {
    Date start;
    Date end;
    bool contains(const Date& d) const { return start <= d && d <= end; }
    friend bool operator==(const Period&, const Period&) = default;
};

}  // namespace tocgraph
