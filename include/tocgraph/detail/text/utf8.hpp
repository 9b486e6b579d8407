#pragma once
// UTF-8 decoding and encoding that never fails: whatever the bytes, text is
// read as code points (an invalid byte is U+FFFD), so escaping and measuring
// can go character by character; and where bytes stop being UTF-8, for the
// writers that must refuse them.

#include <cstddef>
#include <string>
#include <string_view>

namespace tocgraph::detail {

inline constexpr char32_t replacement_character = 0xFFFD;

/// Decodes the code point starting at `text[pos]` and advances `pos`. An
/// invalid or truncated sequence yields U+FFFD and advances by one byte, so
/// any byte string decodes without error.
inline char32_t next_code_point(std::string_view text, std::size_t& pos) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(pos);
    if (lead < 0x80) {
        ++pos;
        return lead;
    }
    std::size_t length = 0;
    char32_t cp = 0, min = 0;
    if ((lead & 0xE0) == 0xC0) { length = 2; cp = lead & 0x1F; min = 0x80; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; cp = lead & 0x0F; min = 0x800; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; cp = lead & 0x07; min = 0x10000; }
    if (length == 0 || pos + length > text.size()) {
        ++pos;
        return replacement_character;
    }
    for (std::size_t i = 1; i < length; ++i) {
        if ((byte(pos + i) & 0xC0) != 0x80) {
            ++pos;
            return replacement_character;
        }
        cp = (cp << 6) | (byte(pos + i) & 0x3F);
    }
    if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {  // overlong, surrogate
        ++pos;
        return replacement_character;
    }
    pos += length;
    return cp;
}

inline void append_utf8(std::string& out, char32_t cp) {
    if (cp < 0x80) {
        out += static_cast<char>(cp);
    } else if (cp < 0x800) {
        out += static_cast<char>(0xC0 | (cp >> 6));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += static_cast<char>(0xE0 | (cp >> 12));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (cp >> 18));
        out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (cp & 0x3F));
    }
}

/// The index of the first byte at which `text` stops being UTF-8 (the byte
/// that cannot continue or start a sequence, or text.size() for a sequence
/// cut short), or npos when all of it is. Overlong forms, surrogates and
/// code points above U+10FFFF are not UTF-8.
inline std::size_t first_invalid_utf8(std::string_view text) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    for (std::size_t i = 0; i < text.size();) {
        const unsigned char lead = byte(i);
        if (lead < 0x80) {
            ++i;
            continue;
        }
        std::size_t length;
        unsigned char low = 0x80, high = 0xBF;  // the range of the second byte
        if (lead >= 0xC2 && lead <= 0xDF) length = 2;
        else if (lead >= 0xE0 && lead <= 0xEF) length = 3, low = lead == 0xE0 ? 0xA0 : 0x80, high = lead == 0xED ? 0x9F : 0xBF;
        else if (lead >= 0xF0 && lead <= 0xF4) length = 4, low = lead == 0xF0 ? 0x90 : 0x80, high = lead == 0xF4 ? 0x8F : 0xBF;
        else return i;
        for (std::size_t k = 1; k < length; ++k) {
            if (i + k >= text.size()) return text.size();
            const unsigned char b = byte(i + k);
            if (k == 1 ? (b < low || b > high) : (b & 0xC0) != 0x80) return i + k;
        }
        i += length;
    }
    return std::string_view::npos;
}

}  // namespace tocgraph::detail
