#pragma once
// ASCII case folding and trimming, for matching names that files spell
// freely ("Output", "OUTPUT ", "output"). Only ASCII letters and spaces are
// touched, whatever the C locale, so a UTF-8 byte is never changed.

#include <string>
#include <string_view>

namespace tocgraph::detail {

/// `s` with A-Z turned into a-z.
inline std::string ascii_lower(std::string_view s) {
    std::string out(s);
    for (char& c : out)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    return out;
}

inline bool is_ascii_space(char c) {
    return c == ' ' || c == '\t' || c == '\n' || c == '\v' || c == '\f' || c == '\r';
}

/// `s` without leading and trailing ASCII white space.
inline std::string ascii_trim(std::string_view s) {
    std::size_t b = 0, e = s.size();
    while (b < e && is_ascii_space(s[b])) ++b;
    while (e > b && is_ascii_space(s[e - 1])) --e;
    return std::string(s.substr(b, e - b));
}

/// The words of `s`: its letters and digits with A-Z turned into a-z, and a
/// single space for each run of anything else between them (none at either
/// end). Bytes outside ASCII count as letters, so other scripts stay whole:
/// "Victim-sensitive  interviewing." -> "victim sensitive interviewing".
inline std::string ascii_words(std::string_view s) {
    std::string out;
    bool gap = false;
    for (const char c : s) {
        const bool letter = static_cast<unsigned char>(c) >= 0x80 || (c >= '0' && c <= '9') ||
                            (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
        if (!letter) {
            gap = !out.empty();
            continue;
        }
        if (gap) out += ' ';
        gap = false;
        out += c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c;
    }
    return out;
}

}  // namespace tocgraph::detail
