#pragma once
// Escaping text for XML and HTML (element content and quoted attribute
// values alike). Invalid UTF-8 and characters XML 1.0 forbids (C0 controls
// other than tab, newline and carriage return; U+FFFE, U+FFFF) become U+FFFD,
// so the output is always well-formed whatever the input bytes are.

#include <string>
#include <string_view>

#include "../text/utf8.hpp"

namespace tocgraph::detail {

inline bool is_xml_char(char32_t cp) {
    return cp == 0x9 || cp == 0xA || cp == 0xD || (cp >= 0x20 && cp <= 0xD7FF) ||
           (cp >= 0xE000 && cp <= 0xFFFD) || (cp >= 0x10000 && cp <= 0x10FFFF);
}

/// `text` with & < > " ' escaped and forbidden characters replaced.
inline std::string xml_escape(std::string_view text) {
    std::string out;
    out.reserve(text.size() + text.size() / 8);
    for (std::size_t pos = 0; pos < text.size();) {
        const char32_t cp = next_code_point(text, pos);
        switch (cp) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            case '\'': out += "&#39;"; break;
            // As references, so that attribute values keep them (parsers turn
            // raw ones into spaces there).
            case '\n': out += "&#10;"; break;
            case '\r': out += "&#13;"; break;
            case '\t': out += "&#9;"; break;
            default: append_utf8(out, is_xml_char(cp) ? cp : replacement_character);
        }
    }
    return out;
}

}  // namespace tocgraph::detail
