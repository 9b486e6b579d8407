#pragma once
// Word wrapping for drawn labels. Lines break at spaces; a word wider than
// the limit breaks after a hyphen or slash, or else between characters.
// Wrapping is balanced: among the widths that give the fewest lines it picks
// the narrowest, so a two-line label is two half lines rather than a full
// line and a stray word.

#include <algorithm>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "text_metrics.hpp"

namespace tocgraph::detail {

struct WrappedText {
    std::vector<std::string> lines;
    double width = 0;  ///< of the widest line, in pixels
};

namespace wrap_impl {

struct Word {
    std::string text;
    double width;
    bool hard_break_before;  ///< a newline in the text precedes it
};

/// Pieces of one over-long word, each at most `max_width` wide where possible.
inline std::vector<std::string> split_word(std::string_view word, double max_width, double font_size,
                                           bool bold) {
    std::vector<std::string> pieces;
    std::string current;
    std::size_t last_break = std::string::npos;  // byte offset in `current` after a hyphen or slash
    for (std::size_t pos = 0; pos < word.size();) {
        const std::size_t start = pos;
        next_code_point(word, pos);
        const std::string_view ch = word.substr(start, pos - start);
        if (!current.empty() && text_width(std::string(current) + std::string(ch), font_size, bold) > max_width) {
            if (last_break != std::string::npos && last_break < current.size()) {
                pieces.push_back(current.substr(0, last_break));
                current.erase(0, last_break);
            } else {
                pieces.push_back(current);
                current.clear();
            }
            last_break = std::string::npos;
        }
        current += ch;
        if (ch == "-" || ch == "/") last_break = current.size();
    }
    if (!current.empty()) pieces.push_back(current);
    return pieces;
}

inline std::vector<Word> words_of(std::string_view text, double font_size, bool bold) {
    std::vector<Word> words;
    bool hard = false;
    std::size_t i = 0;
    while (i < text.size()) {
        const char c = text[i];
        if (c == '\n') {
            hard = !words.empty();
            ++i;
            continue;
        }
        if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == '\v') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < text.size() && text[j] != ' ' && text[j] != '\t' && text[j] != '\n' &&
               text[j] != '\r' && text[j] != '\f' && text[j] != '\v')
            ++j;
        std::string word(text.substr(i, j - i));
        words.push_back({word, text_width(word, font_size, bold), hard});
        hard = false;
        i = j;
    }
    return words;
}

/// Greedy line filling at `width`; words are already no wider than `width`
/// unless a single character is.
inline std::vector<std::string> fill(const std::vector<Word>& words, double width, double space) {
    std::vector<std::string> lines;
    std::string line;
    double line_width = 0;
    for (const Word& w : words) {
        if (!line.empty() && (w.hard_break_before || line_width + space + w.width > width)) {
            lines.push_back(std::move(line));
            line.clear();
            line_width = 0;
        }
        if (!line.empty()) {
            line += ' ';
            line_width += space;
        }
        line += w.text;
        line_width += w.width;
    }
    if (!line.empty()) lines.push_back(std::move(line));
    return lines;
}

}  // namespace wrap_impl

/// Wraps `text` into lines no wider than `max_width` pixels (a single
/// character wider than that gets a line of its own). With `max_lines` > 0,
/// the lines after the last allowed one are dropped and the last line ends
/// with an ellipsis.
inline WrappedText wrap_text(std::string_view text, double max_width, double font_size,
                             bool bold = false, std::size_t max_lines = 0) {
    using namespace wrap_impl;
    WrappedText out;
    std::vector<Word> words;
    for (Word& w : words_of(text, font_size, bold)) {
        if (w.width <= max_width) {
            words.push_back(std::move(w));
            continue;
        }
        bool first = true;
        for (std::string& piece : split_word(w.text, max_width, font_size, bold)) {
            const double width = text_width(piece, font_size, bold);
            words.push_back({std::move(piece), width, first && w.hard_break_before});
            first = false;
        }
    }
    if (words.empty()) return out;

    const double space = text_width(" ", font_size, bold);
    std::vector<std::string> lines = fill(words, max_width, space);
    // Balance: the narrowest width that keeps the same number of lines.
    double widest_word = 0;
    for (const Word& w : words) widest_word = std::max(widest_word, w.width);
    double lo = std::min(widest_word, max_width), hi = max_width;
    if (lines.size() > 1) {
        for (int step = 0; step < 24 && hi - lo > 0.5; ++step) {
            const double mid = (lo + hi) / 2;
            if (fill(words, mid, space).size() <= lines.size()) hi = mid;
            else lo = mid;
        }
        lines = fill(words, hi, space);
    }

    if (max_lines > 0 && lines.size() > max_lines) {
        lines.resize(max_lines);
        std::string& last = lines.back();
        const std::string ellipsis = "\xE2\x80\xA6";
        while (!last.empty() && text_width(last + ellipsis, font_size, bold) > max_width) {
            std::size_t cut = last.size() - 1;  // back to the start of the last code point
            while (cut > 0 && (static_cast<unsigned char>(last[cut]) & 0xC0) == 0x80) --cut;
            last.erase(cut);
        }
        while (!last.empty() && last.back() == ' ') last.pop_back();
        last += ellipsis;
    }
    for (const std::string& line : lines) out.width = std::max(out.width, text_width(line, font_size, bold));
    out.lines = std::move(lines);
    return out;
}

/// A node's label in the text formats (DOT, Mermaid): its title, or its id
/// when it has none, wrapped (a goal's bold and 1.9 times as wide), lines
/// joined with \n, after a line with the id in brackets when `show_id`.
inline std::string node_label(const std::string& id, const std::string& title, bool goal, double max_text_width,
                              double font_size, bool show_id) {
    const auto wrapped =
        wrap_text(title.empty() ? id : title, goal ? max_text_width * 1.9 : max_text_width, font_size, goal);
    std::string label;
    if (show_id && !title.empty()) label = "[" + id + "]\n";
    for (std::size_t i = 0; i < wrapped.lines.size(); ++i) label += (i ? "\n" : "") + wrapped.lines[i];
    return label;
}

}  // namespace tocgraph::detail
