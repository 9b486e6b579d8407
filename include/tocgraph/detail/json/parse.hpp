#pragma once
// Text -> nlohmann::json with errors a person can act on. nlohmann's own
// parse() gives no way to bound nesting with a position, accepts duplicate
// keys silently (the last one wins) and treats a NUL byte as the end of the
// input, so we drive its SAX parser with our own DOM builder instead:
//   - nesting deeper than max_depth levels stops the parse early, so a
//     100,000-bracket file costs 256 allocations, not a stack overflow;
//   - a repeated key in one object is an error (a value must not vanish);
//   - every syntax error becomes a FormatError with a 1-based line and a
//     column counted in characters, and a problem text free of nlohmann's
//     prefixes and of the raw bytes it quotes, so messages are valid UTF-8
//     and the same on every platform.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../errors.hpp"
#include "limits.hpp"
#include "pointer.hpp"
#include "sax_values.hpp"

namespace tocgraph::detail {

/// 1-based line and column (in characters) of a byte offset in text.
inline std::pair<std::size_t, std::size_t> line_column(std::string_view text, std::size_t offset) {
    if (offset > text.size()) offset = text.size();
    std::size_t line = 1, column = 1;
    for (std::size_t i = 0; i < offset; ++i) {
        const auto c = static_cast<unsigned char>(text[i]);
        if (c == '\n') {
            ++line;
            column = 1;
        } else if ((c & 0xC0) != 0x80) {  // count characters, not UTF-8 continuation bytes
            ++column;
        }
    }
    // An editor does not show a byte order mark, so do not count it.
    if (line == 1 && offset >= 3 && text.substr(0, 3) == "\xEF\xBB\xBF") --column;
    return {line, column};
}

/// The byte offset of the bracket that opens level max_depth + 1, found by a
/// scan that only tracks strings; called after the parser stopped there, so
/// the text before it is known to be well-formed.
inline std::size_t too_deep_offset(std::string_view text) {
    std::size_t depth = 0;
    bool in_string = false, escaped = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        const char c = text[i];
        if (in_string) {
            if (escaped) escaped = false;
            else if (c == '\\') escaped = true;
            else if (c == '"') in_string = false;
        } else if (c == '"') {
            in_string = true;
        } else if (c == '[' || c == '{') {
            if (++depth > max_depth) return i;
        } else if (c == ']' || c == '}') {
            if (depth > 0) --depth;
        }
    }
    return text.size();
}

/// nlohmann reports ill-formed UTF-8 at the byte where the sequence went
/// wrong, which may be the ASCII character after a truncated sequence (the
/// "\xE9 " of Latin-1 text); point at the sequence's first byte instead.
inline std::size_t start_of_bad_utf8(std::string_view text, std::size_t offset) {
    std::size_t lead = offset;
    while (lead > 0 && offset - lead < 3 && (static_cast<unsigned char>(text[lead - 1]) & 0xC0) == 0x80)
        --lead;
    if (lead == 0) return offset;
    const auto c = static_cast<unsigned char>(text[lead - 1]);
    const std::size_t length = c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC0 ? 2 : 0;
    // Only an incomplete sequence ends at offset; a complete one is innocent.
    return length > 0 && lead - 1 + length > offset ? lead - 1 : offset;
}

/// Bytes outside printable ASCII as \xNN, so a message quoting input is
/// valid UTF-8 whatever the input was.
inline std::string printable_ascii(std::string_view bytes) {
    static constexpr char hex[] = "0123456789ABCDEF";
    std::string out;
    for (char c : bytes) {
        const auto u = static_cast<unsigned char>(c);
        if (u >= 0x20 && u < 0x7F) {
            out += c;
        } else {
            out += "\\x";
            out += hex[u >> 4];
            out += hex[u & 0xF];
        }
    }
    return out;
}

/// nlohmann's message without "[json.exception...] parse error at line 1,
/// column 2: syntax error while parsing value - " and "; last read: '...'"
/// (which quotes raw, possibly invalid, bytes and varies between versions).
inline std::string syntax_problem(const std::string& what) {
    std::string detail = what;
    if (auto dash = detail.find(" - "); dash != std::string::npos) {
        detail.erase(0, dash + 3);
    } else if (auto colon = detail.find(": "); colon != std::string::npos) {
        detail.erase(0, colon + 2);
    }
    if (auto last = detail.find("; last read:"); last != std::string::npos) detail.erase(last);
    return "syntax error: " + printable_ascii(detail);
}

/// Puts `v` where the next value goes inside an open container of a
/// document being built: at the end of an array, or in the slot the last
/// key of an object opened. Pointers to open containers stay valid because
/// only the innermost one grows.
inline nlohmann::json* place_in(nlohmann::json& container, nlohmann::json* member, nlohmann::json&& v) {
    if (container.is_array()) {
        container.push_back(std::move(v));
        return &container.back();
    }
    *member = std::move(v);
    return member;
}

/// A SAX consumer that builds the DOM like nlohmann's own, plus the checks
/// above. On the first problem it records it and returns false, which makes
/// nlohmann stop parsing.
class CheckedDomBuilder : public SaxValueEvents<CheckedDomBuilder> {
public:
    using json = nlohmann::json;

    enum class Problem { none, syntax, depth, duplicate_key };

    json root;
    Problem problem = Problem::none;
    std::size_t error_offset = 0;  ///< byte offset (syntax errors)
    std::string error_text;        ///< problem text (syntax, duplicate key)
    std::string error_pointer;     ///< JSON pointer (duplicate key)

    bool binary(json::binary_t& v) { return value(json::binary(std::move(v))); }

    bool start_object(std::size_t) { return open(json::object()); }
    bool start_array(std::size_t) { return open(json::array()); }
    bool end_object() { return close(); }
    bool end_array() { return close(); }

    bool key(json::string_t& k) {
        Frame& top = stack_.back();
        if (top.value->contains(k)) {
            problem = Problem::duplicate_key;
            error_pointer = pointer_of_top();
            error_text = "duplicate member " + json(k).dump();
            return false;
        }
        top.member = &(*top.value)[k];
        top.key = std::move(k);
        return true;
    }

    bool parse_error(std::size_t position, const std::string& last_token,
                     const nlohmann::detail::exception& ex) {
        problem = Problem::syntax;
        // position counts the bytes read, the offending one included.
        error_offset = position > 0 ? position - 1 : 0;
        if (ex.id == 406) {  // a number too large for a double: point at its start
            error_offset = position >= last_token.size() ? position - last_token.size() : 0;
            error_text = "number out of range: " + printable_ascii(last_token);
        } else {
            error_text = syntax_problem(ex.what());
        }
        return false;
    }

private:
    struct Frame {
        json* value;
        json* member = nullptr;  ///< objects: the slot of the member being read
        std::string key;         ///< objects: its key
    };

    // Where the next value goes: the root, the end of an array or the slot
    // its key opened. Pointers to open containers stay valid because only
    // the innermost open container grows.
    json* place(json&& v) {
        if (stack_.empty()) {
            root = std::move(v);
            return &root;
        }
        return place_in(*stack_.back().value, stack_.back().member, std::move(v));
    }
    friend SaxValueEvents<CheckedDomBuilder>;
    bool value(json&& v) {
        place(std::move(v));
        return true;
    }
    bool open(json&& container) {
        if (stack_.size() >= max_depth) {
            problem = Problem::depth;
            return false;
        }
        stack_.push_back(Frame{place(std::move(container)), nullptr, {}});
        return true;
    }
    bool close() {
        stack_.pop_back();
        return true;
    }
    std::string pointer_of_top() const {
        std::string out;
        for (std::size_t i = 0; i + 1 < stack_.size(); ++i) {
            const Frame& f = stack_[i];
            out = f.value->is_array() ? pointer_index(out, f.value->size() - 1)
                                      : pointer_child(out, f.key);
        }
        return out;
    }

    std::vector<Frame> stack_;
};

/// True when `text` holds nothing but JSON whitespace, after a UTF-8 byte
/// order mark (which nlohmann skips).
inline bool blank_document(std::string_view text) {
    const std::size_t bom = text.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
    return text.find_first_not_of(" \t\r\n", bom) == std::string_view::npos;
}

/// Parses a whole document; throws FormatError on any problem.
inline nlohmann::json parse_document(std::string_view text, const std::string& file) {
    if (blank_document(text)) throw FormatError(file, "", "empty document");

    CheckedDomBuilder builder;
    const bool ok = nlohmann::json::sax_parse(text.begin(), text.end(), &builder,
                                              nlohmann::json::input_format_t::json,
                                              /*strict=*/true, /*ignore_comments=*/false);

    // nlohmann reads a NUL byte outside a string as the end of the input, so
    // "[1]\0junk" would pass. NUL is never valid there: report it instead of
    // a success or of the "unexpected end of input" it caused (3.11.3 and
    // later call a leading NUL "an empty input").
    if (const auto nul = text.find('\0'); nul != std::string_view::npos) {
        const auto ended_there = [&](const char* what) {
            return builder.error_text.find(what) != std::string::npos;
        };
        const bool nul_ended_input =
            ok || (builder.problem == CheckedDomBuilder::Problem::syntax && builder.error_offset == nul &&
                   (ended_there("unexpected end of input") || ended_there("empty input")));
        if (nul_ended_input) {
            auto [line, column] = line_column(text, nul);
            throw FormatError(file, "", "syntax error: unexpected NUL byte", line, column);
        }
    }
    if (ok) return std::move(builder.root);

    switch (builder.problem) {
        case CheckedDomBuilder::Problem::depth: {
            auto [line, column] = line_column(text, too_deep_offset(text));
            throw FormatError(file, "", "nesting deeper than " + std::to_string(max_depth) + " levels",
                              line, column);
        }
        case CheckedDomBuilder::Problem::duplicate_key:
            throw FormatError(file, builder.error_pointer, builder.error_text);
        default: {
            std::size_t offset = builder.error_offset;
            if (builder.error_text.find("ill-formed UTF-8") != std::string::npos)
                offset = start_of_bad_utf8(text, offset);
            auto [line, column] = line_column(text, offset);
            throw FormatError(file, "", builder.error_text, line, column);
        }
    }
}

}  // namespace tocgraph::detail
