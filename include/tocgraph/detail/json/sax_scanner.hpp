#pragma once
// A JSON scanner for the element-by-element reader (stream_reader.hpp): the
// same SAX events as nlohmann::json::sax_parse, at several times its speed,
// because it never builds a string a byte at a time and skips whitespace and
// plain text in runs.
//
// It reports no errors. It accepts only what nlohmann's strict parser accepts
// and gives the same values (integers as int64 or uint64 as nlohmann types
// them, other numbers by the correctly rounded conversion nlohmann's strtod
// also gives); at anything else, or when the handler returns false, it
// returns false, and the caller reads the text through the document path
// (parse.hpp), which reports the exact error with its line and column. The
// JSON fuzz harness checks that both paths agree on every text.

#include <array>
#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>
#include <vector>

#include "../text/utf8.hpp"

namespace tocgraph::detail {

namespace sax_scanner {

/// Bytes a string cannot take as they are: the quote, the backslash, control
/// characters, and the lead bytes of multi-byte UTF-8, which are checked.
inline constexpr auto special = [] {
    std::array<bool, 256> table{};
    for (std::size_t c = 0; c < 0x20; ++c) table[c] = true;
    for (std::size_t c = 0x80; c < 0x100; ++c) table[c] = true;
    table['"'] = table['\\'] = true;
    return table;
}();

/// The number of bytes of the UTF-8 sequence at text[pos], or 0 if there is
/// none (overlong forms, surrogates and code points above U+10FFFF included).
inline std::size_t utf8_length(std::string_view text, std::size_t pos) {
    std::size_t next = pos;
    const char32_t cp = next_code_point(text, next);
    if (cp != replacement_character) return next - pos;
    // A decoded U+FFFD is either written as such (EF BF BD) or the sign of a bad byte.
    return text.substr(pos, 3) == "\xEF\xBF\xBD" ? 3 : 0;
}

inline int hex_digit(char c) {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
}

}  // namespace sax_scanner

/// Calls on `handler` the events of nlohmann's json_sax interface for `text`
/// (null, boolean, number_integer, number_unsigned, number_float, string,
/// start_object, key, end_object, start_array, end_array). True when the whole
/// text was one JSON value and the handler took every event.
template <typename Handler>
class SaxScanner {
public:
    SaxScanner(std::string_view text, Handler& handler) : text_(text), handler_(handler) {}

    bool scan() {
        std::vector<Open> open;
        for (;;) {
            // ---- a value -------------------------------------------------------
            skip_whitespace();
            if (at_end()) return false;
            switch (text_[pos_]) {
                case '{':
                case '[': {
                    const Open container = text_[pos_++] == '{' ? Open::object : Open::array;
                    if (!(container == Open::object ? handler_.start_object(std::size_t(-1))
                                                    : handler_.start_array(std::size_t(-1))))
                        return false;
                    skip_whitespace();
                    if (peek(closing(container))) {
                        ++pos_;
                        if (!end(container)) return false;
                        break;
                    }
                    open.push_back(container);
                    if (container == Open::object && !member_key()) return false;
                    continue;  // its first member's value, or its first element
                }
                case '"':
                    ++pos_;
                    if (!string() || !handler_.string(buffer_)) return false;
                    break;
                case 't':
                    if (!literal("true") || !handler_.boolean(true)) return false;
                    break;
                case 'f':
                    if (!literal("false") || !handler_.boolean(false)) return false;
                    break;
                case 'n':
                    if (!literal("null") || !handler_.null()) return false;
                    break;
                default:
                    if (!number()) return false;
            }
            // ---- after a value: the next one, or the ends of containers ---------
            for (;;) {
                skip_whitespace();
                if (open.empty()) return at_end();
                if (at_end()) return false;
                const char c = text_[pos_++];
                if (c == ',') {
                    if (open.back() == Open::object && !member_key()) return false;
                    break;  // the next value
                }
                if (c != closing(open.back()) || !end(open.back())) return false;
                open.pop_back();
            }
        }
    }

private:
    enum class Open : unsigned char { object, array };
    static char closing(Open container) { return container == Open::object ? '}' : ']'; }
    bool end(Open container) { return container == Open::object ? handler_.end_object() : handler_.end_array(); }

    bool at_end() const { return pos_ >= text_.size(); }
    bool peek(char c) const { return !at_end() && text_[pos_] == c; }

    void skip_whitespace() {
        while (!at_end()) {
            const char c = text_[pos_];
            if (c != ' ' && c != '\n' && c != '\r' && c != '\t') return;
            ++pos_;
        }
    }

    bool literal(std::string_view word) {
        if (text_.substr(pos_, word.size()) != word) return false;
        pos_ += word.size();
        return true;
    }

    // `"name" :`, the quote not yet read; the handler gets the key.
    bool member_key() {
        skip_whitespace();
        if (!peek('"')) return false;
        ++pos_;
        if (!string() || !handler_.key(buffer_)) return false;
        skip_whitespace();
        if (!peek(':')) return false;
        ++pos_;
        return true;
    }

    // The rest of a string after its opening quote, decoded into buffer_.
    bool string() {
        buffer_.clear();
        for (;;) {
            const std::size_t run = pos_;
            while (!at_end() && !sax_scanner::special[static_cast<unsigned char>(text_[pos_])]) ++pos_;
            buffer_.append(text_, run, pos_ - run);
            if (at_end()) return false;
            const auto c = static_cast<unsigned char>(text_[pos_]);
            if (c == '"') {
                ++pos_;
                return true;
            }
            if (c == '\\') {
                if (!escape()) return false;
            } else if (c >= 0x80) {
                const std::size_t length = sax_scanner::utf8_length(text_, pos_);
                if (length == 0) return false;
                buffer_.append(text_, pos_, length);
                pos_ += length;
            } else {
                return false;  // a control character
            }
        }
    }

    // One escape, at its backslash.
    bool escape() {
        if (pos_ + 1 >= text_.size()) return false;
        const char c = text_[pos_ + 1];
        pos_ += 2;
        switch (c) {
            case '"': buffer_ += '"'; return true;
            case '\\': buffer_ += '\\'; return true;
            case '/': buffer_ += '/'; return true;
            case 'b': buffer_ += '\b'; return true;
            case 'f': buffer_ += '\f'; return true;
            case 'n': buffer_ += '\n'; return true;
            case 'r': buffer_ += '\r'; return true;
            case 't': buffer_ += '\t'; return true;
            case 'u': break;
            default: return false;
        }
        char32_t cp = 0;
        if (!hex4(cp)) return false;
        if (cp >= 0xDC00 && cp <= 0xDFFF) return false;  // a low surrogate alone
        if (cp >= 0xD800 && cp <= 0xDBFF) {               // must be followed by its low half
            char32_t low = 0;
            if (!literal("\\u") || !hex4(low) || low < 0xDC00 || low > 0xDFFF) return false;
            cp = 0x10000 + ((cp - 0xD800) << 10) + (low - 0xDC00);
        }
        append_utf8(buffer_, cp);
        return true;
    }
    bool hex4(char32_t& out) {
        if (pos_ + 4 > text_.size()) return false;
        for (int i = 0; i < 4; ++i) {
            const int d = sax_scanner::hex_digit(text_[pos_ + static_cast<std::size_t>(i)]);
            if (d < 0) return false;
            out = (out << 4) | static_cast<char32_t>(d);
        }
        pos_ += 4;
        return true;
    }

    // -?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?, typed as nlohmann types it.
    bool number() {
        const std::size_t start = pos_;
        const auto digits = [&] {
            const std::size_t from = pos_;
            while (!at_end() && text_[pos_] >= '0' && text_[pos_] <= '9') ++pos_;
            return pos_ - from;
        };
        const bool negative = peek('-');
        if (negative) ++pos_;
        const std::size_t int_start = pos_;
        const std::size_t int_digits = digits();
        if (int_digits == 0 || (int_digits > 1 && text_[int_start] == '0')) return false;
        bool integer = true;
        if (peek('.')) {
            ++pos_;
            if (digits() == 0) return false;
            integer = false;
        }
        if (peek('e') || peek('E')) {
            ++pos_;
            if (peek('+') || peek('-')) ++pos_;
            if (digits() == 0) return false;
            integer = false;
        }
        const char* first = text_.data() + start;
        const char* last = text_.data() + pos_;
        if (integer) {  // nlohmann reads an integer that does not fit as a float
            if (negative) {
                std::int64_t v = 0;
                if (const auto r = std::from_chars(first, last, v); r.ec == std::errc() && r.ptr == last)
                    return handler_.number_integer(v);
            } else {
                std::uint64_t v = 0;
                if (const auto r = std::from_chars(first, last, v); r.ec == std::errc() && r.ptr == last)
                    return handler_.number_unsigned(v);
            }
        }
        double v = 0;
        const auto r = std::from_chars(first, last, v);
        if (r.ec != std::errc() || r.ptr != last || !std::isfinite(v)) return false;  // nlohmann: overflow
        std::string token(first, last);
        return handler_.number_float(v, token);
    }

    std::string_view text_;
    Handler& handler_;
    std::size_t pos_ = 0;
    std::string buffer_;  ///< the string or key being read
};

}  // namespace tocgraph::detail
