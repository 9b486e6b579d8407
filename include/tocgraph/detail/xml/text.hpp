#pragma once
// Text for XML 1.0 documents (the GraphML writer). XML 1.0 cannot carry most
// control characters at all, not even as character references, so they are
// refused with an error naming the value rather than dropped silently.

#include <cstddef>
#include <string>
#include <string_view>

#include "../../errors.hpp"
#include "escape.hpp"

namespace tocgraph::detail {

/// Appends `text` escaped for element content or a double-quoted attribute
/// value. Throws Error naming `where` for a character XML 1.0 cannot carry
/// or for bytes that are not UTF-8.
inline void append_xml_escaped(std::string& out, std::string_view text, std::string_view where) {
    auto refuse = [&](const std::string& what) {
        throw Error("cannot write XML: " + std::string(where) + ": " + what);
    };
    for (std::size_t i = 0; i < text.size();) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c < 0x80) {
            if (const std::string_view* escape = xml_escapes.find(c)) {
                out += *escape;
            } else {
                if (c < 0x20 || c == 0x7F) {
                    static constexpr char hex[] = "0123456789ABCDEF";
                    refuse(std::string("control character U+00") + hex[c >> 4] + hex[c & 15] +
                           " cannot be written in XML 1.0");
                }
                out += static_cast<char>(c);
            }
            ++i;
            continue;
        }
        // A multi-byte UTF-8 sequence: check it, refuse U+FFFE and U+FFFF.
        std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (length == 0 || c > 0xF4 || i + length > text.size()) refuse("text is not valid UTF-8");
        char32_t code = c & (length == 2 ? 0x1F : length == 3 ? 0x0F : 0x07);
        for (std::size_t k = 1; k < length; ++k) {
            const auto next = static_cast<unsigned char>(text[i + k]);
            if ((next & 0xC0) != 0x80) refuse("text is not valid UTF-8");
            code = (code << 6) | (next & 0x3F);
        }
        if ((length == 3 && code < 0x800) || (length == 4 && (code < 0x10000 || code > 0x10FFFF)) ||
            (code >= 0xD800 && code <= 0xDFFF))
            refuse("text is not valid UTF-8");
        if (code == 0xFFFE || code == 0xFFFF) refuse("a noncharacter cannot be written in XML 1.0");
        out.append(text.substr(i, length));
        i += length;
    }
}

inline std::string xml_escaped(std::string_view text, std::string_view where) {
    std::string out;
    out.reserve(text.size());
    append_xml_escaped(out, text, where);
    return out;
}

}  // namespace tocgraph::detail
