#pragma once
// Text width estimates for drawing, without a font library. Widths use the
// advance widths of Helvetica, which Arial and Liberation Sans share, so boxes
// sized here fit the fonts the drawings ask for on every common platform. Characters outside ASCII get a class width
// (wide East Asian characters a full em, combining marks none).

#include <cstddef>
#include <string_view>

#include "../../detail/text/utf8.hpp"

namespace tocgraph::detail {

/// True for characters drawn a full em wide (CJK, Hangul, full-width forms, emoji).
inline bool is_wide(char32_t cp) {
    return (cp >= 0x1100 && cp <= 0x115F) || (cp >= 0x2E80 && cp <= 0xA4CF) ||
           (cp >= 0xAC00 && cp <= 0xD7A3) || (cp >= 0xF900 && cp <= 0xFAFF) ||
           (cp >= 0xFE30 && cp <= 0xFE4F) || (cp >= 0xFF00 && cp <= 0xFF60) ||
           (cp >= 0xFFE0 && cp <= 0xFFE6) || (cp >= 0x1F300 && cp <= 0x1FAFF) ||
           (cp >= 0x20000 && cp <= 0x3FFFD);
}

/// Advance width of one character in thousandths of an em.
inline double char_width_em1000(char32_t cp) {
    // Helvetica's advance widths for ASCII 32..126.
    static constexpr unsigned short ascii[95] = {
        278, 278, 355, 556, 556, 889, 667, 191, 333, 333, 389, 584, 278, 333, 278, 278,  // ' '../
        556, 556, 556, 556, 556, 556, 556, 556, 556, 556,                                // 0..9
        278, 278, 584, 584, 584, 556, 1015,                                              // :..@
        667, 667, 722, 722, 667, 611, 778, 722, 278, 500, 667, 556, 833,                 // A..M
        722, 778, 667, 778, 722, 667, 611, 722, 667, 944, 667, 667, 611,                 // N..Z
        278, 278, 278, 469, 556, 333,                                                    // [..`
        556, 556, 500, 556, 556, 278, 556, 556, 222, 222, 500, 222, 833,                 // a..m
        556, 556, 556, 556, 333, 500, 278, 556, 500, 722, 500, 500, 500,                 // n..z
        334, 260, 334, 584};                                                             // {..~
    if (cp >= 32 && cp <= 126) return ascii[cp - 32];
    if (cp < 32 || cp == 0x7F) return 0;
    if ((cp >= 0x0300 && cp <= 0x036F) || cp == 0x200B || cp == 0x200C || cp == 0x200D ||
        cp == 0xFEFF)
        return 0;  // combining marks and zero-width characters
    if (is_wide(cp)) return 1000;
    if (cp == 0x2014) return 1000;  // em dash
    if (cp == 0x2013) return 556;   // en dash
    if (cp == 0x2018 || cp == 0x2019 || cp == 0x201A) return 222;
    if (cp == 0x201C || cp == 0x201D || cp == 0x201E) return 333;
    if (cp == 0x2026) return 1000;  // ellipsis
    if (cp == 0x00A0) return 278;   // no-break space
    return 580;                     // accented Latin, Greek, Cyrillic...: about a lower-case letter
}

/// Estimated width in pixels of `text` set at `font_size` pixels. Bold text
/// is about 8% wider in Helvetica-like faces.
inline double text_width(std::string_view text, double font_size, bool bold = false) {
    double total = 0;
    for (std::size_t pos = 0; pos < text.size();) total += char_width_em1000(next_code_point(text, pos));
    return total / 1000.0 * font_size * (bold ? 1.08 : 1.0);
}

}  // namespace tocgraph::detail
