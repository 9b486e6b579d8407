#pragma once
// Escaping text for XML and HTML (element content and quoted attribute
// values alike). Invalid UTF-8 and characters XML 1.0 forbids (C0 controls
// other than tab, newline and carriage return; U+FFFE, U+FFFF) become U+FFFD,
// so the output is always well-formed whatever the input bytes are.

#include <string>
#include <string_view>

#include "../text/escape_table.hpp"
#include "../text/utf8.hpp"

namespace tocgraph::detail {

inline bool is_xml_char(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/// & < > " as entities; tab, newline and carriage return as references, so
/// that attribute values keep them (parsers turn raw ones into spaces there).
inline constexpr EscapeTable xml_escapes{{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"},
                                         {'"', "&quot;"}, {'\n', "&#10;"}, {'\r', "&#13;"}, {'\t', "&#9;"}};
/// The same and ', so that a value may be quoted either way.
inline constexpr EscapeTable html_escapes{xml_escapes, {{'\'', "&#39;"}}};

/// `text` with & < > " ' escaped and forbidden characters replaced.
inline std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        if (const std::string_view* escape = html_escapes.find(cp)) out += *escape;
        else append_utf8(out, is_xml_char(cp) ? cp : replacement_character);
    }
    return out;
}

}  // namespace tocgraph::detail
