#pragma once
// Which ASCII characters a text format replaces, and by what: JSON strings,
// XML and HTML text, GraphML values, DOT and Mermaid labels and Markdown
// text each have a table and look characters up in it. What a format does
// with other control characters and with bytes that are not UTF-8 is its
// own; escape_text() is that of the formats that carry no control
// characters at all.

#include <array>
#include <cstddef>
#include <initializer_list>
#include <string>
#include <string_view>

#include "utf8.hpp"

namespace tocgraph::detail {

/// One ASCII character and what a format writes in its place ("" drops it).
struct Escape {
    char character;
    std::string_view replacement;
};

class EscapeTable {
public:
    constexpr EscapeTable(std::initializer_list<Escape> escapes) { add(escapes); }
    /// `base` with more characters replaced.
    constexpr EscapeTable(const EscapeTable& base, std::initializer_list<Escape> more) : EscapeTable(base) {
        add(more);
    }

    /// What replaces `c`, or nullptr when the table keeps it as it is.
    constexpr const std::string_view* find(char32_t c) const {
        return c < replaced_.size() && replaced_[c] ? &replacements_[c] : nullptr;
    }

private:
    constexpr void add(std::initializer_list<Escape> escapes) {
        for (const Escape& e : escapes) {
            const auto c = static_cast<unsigned char>(e.character);
            replacements_[c] = e.replacement;
            replaced_[c] = true;
        }
    }

    std::array<std::string_view, 128> replacements_{};
    std::array<bool, 128> replaced_{};
};

/// `text` with the characters of `escapes` replaced, other control
/// characters as spaces and bytes that are not UTF-8 as U+FFFD: for formats
/// that carry no control characters at all (DOT, Mermaid, Markdown).
inline std::string escape_text(std::string_view text, const EscapeTable& escapes) {
    std::string out;
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        if (const std::string_view* escape = escapes.find(cp)) out += *escape;
        else if (cp < 0x20 || cp == 0x7F) out += ' ';
        else append_utf8(out, cp);
    }
    return out;
}

}  // namespace tocgraph::detail
