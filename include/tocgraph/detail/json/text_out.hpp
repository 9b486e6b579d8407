#pragma once
// A JsonWriter output that writes the text straight away, laid out exactly as
// nlohmann's dump(indent) lays out the same document (members indented by
// `indent` spaces, "key": value, one line when indent < 0), so dumps() and
// save() need no document in memory. Strings are checked to be UTF-8 as
// they go, and an error names the JSON pointer of the string.

#include <charconv>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <string>
#include <string_view>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../errors.hpp"
#include "../text/escape_table.hpp"
#include "../text/utf8.hpp"
#include "pointer.hpp"

namespace tocgraph::detail {

/// JSON's short escapes; the other control characters are written \u00xx.
inline constexpr EscapeTable json_escapes{{'"', "\\\""}, {'\\', "\\\\"}, {'\b', "\\b"}, {'\f', "\\f"},
                                          {'\n', "\\n"}, {'\r', "\\r"}, {'\t', "\\t"}};

class JsonTextOut {
public:
    explicit JsonTextOut(int indent) : indent_(indent) {}

    void begin_object() { open('{'); }
    void begin_array() { open('['); }
    void end_object() { close('}'); }
    void end_array() { close(']'); }
    /// `where`, for a key that comes from the model: the member it names.
    void key(std::string_view key, const LazyPointer& where = {}) {
        separate();
        quoted(key, where);
        out_ += indent_ >= 0 ? ": " : ":";
        after_key_ = true;
    }
    void string(std::string_view text, const LazyPointer& where) {
        separate();
        quoted(text, where);
    }
    void integer(std::int64_t value) {
        separate();
        char buffer[24];
        out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
    }
    void unsigned_integer(std::uint64_t value) {
        separate();
        char buffer[24];
        out_.append(buffer, std::to_chars(buffer, buffer + sizeof buffer, value).ptr);
    }
    /// As nlohmann writes a double: the shortest text that reads back as
    /// the same number, with ".0" on whole numbers; null when not finite.
    void number(double value) {
        separate();
        if (!std::isfinite(value)) {
            out_ += "null";
            return;
        }
        char buffer[64];
        out_.append(buffer, nlohmann::detail::to_chars(buffer, buffer + sizeof buffer, value));
    }
    void boolean(bool value) {
        separate();
        out_ += value ? "true" : "false";
    }
    void null() {
        separate();
        out_ += "null";
    }
    /// Any value (attributes), members in the value's own order.
    void value(const nlohmann::json& v, const LazyPointer& where) {
        switch (v.type()) {
            case nlohmann::json::value_t::object:
                begin_object();
                for (const auto& [k, member] : v.items()) {
                    key(k, where);
                    value(member, where);
                }
                end_object();
                return;
            case nlohmann::json::value_t::array:
                begin_array();
                for (const auto& element : v) value(element, where);
                end_array();
                return;
            case nlohmann::json::value_t::string: string(v.get_ref<const std::string&>(), where); return;
            case nlohmann::json::value_t::boolean: boolean(v.get<bool>()); return;
            case nlohmann::json::value_t::number_integer: integer(v.get<std::int64_t>()); return;
            case nlohmann::json::value_t::number_unsigned: unsigned_integer(v.get<std::uint64_t>()); return;
            case nlohmann::json::value_t::number_float: number(v.get<double>()); return;
            case nlohmann::json::value_t::null: null(); return;
            default: throw Error("cannot write " + where.str() + ": binary data has no JSON text");
        }
    }

    void reserve(std::size_t bytes) { out_.reserve(bytes); }
    std::string take() { return std::move(out_); }

private:
    struct Open {
        bool empty = true;
    };
    // Before a value or key: a comma after the previous member, then a line
    // break and the indentation; nothing right after a key.
    void separate() {
        if (after_key_) {
            after_key_ = false;
            return;
        }
        if (open_.empty()) return;
        if (open_.back().empty) open_.back().empty = false;
        else out_ += ',';
        new_line(open_.size());
    }
    void new_line(std::size_t depth) {
        if (indent_ < 0) return;
        out_ += '\n';
        out_.append(depth * static_cast<std::size_t>(indent_), ' ');
    }
    void open(char bracket) {
        separate();
        out_ += bracket;
        open_.push_back({});
    }
    void close(char bracket) {
        const bool empty = open_.back().empty;
        open_.pop_back();
        if (!empty) new_line(open_.size());
        out_ += bracket;
    }
    /// `at`: what first_invalid_utf8 said of `text`.
    [[noreturn]] static void utf8_error(std::string_view text, std::size_t at, const LazyPointer& where) {
        char problem[96];
        if (at >= text.size())
            std::snprintf(problem, sizeof problem, "incomplete UTF-8 string; last byte: 0x%02X",
                          static_cast<unsigned char>(text.back()));
        else
            std::snprintf(problem, sizeof problem, "invalid UTF-8 byte at index %zu: 0x%02X", at,
                          static_cast<unsigned char>(text[at]));
        throw Error("cannot write " + where.str() + ": " + problem);
    }
    // A JSON string as nlohmann escapes it: quote, backslash and control
    // characters (\b \f \n \r \t, others as \u00xx); everything else as it is.
    void quoted(std::string_view text, const LazyPointer& where) {
        out_ += '"';
        std::size_t plain = 0;  // start of the run not yet copied
        bool checked = false;   // the rest is UTF-8, checked at its first non-ASCII byte
        for (std::size_t i = 0; i < text.size(); ++i) {
            const auto c = static_cast<unsigned char>(text[i]);
            if (c >= 0x20 && c != '"' && c != '\\') {
                if (c >= 0x80 && !checked) {
                    checked = true;
                    if (const std::size_t bad = first_invalid_utf8(text.substr(i)); bad != std::string_view::npos)
                        utf8_error(text, i + bad, where);
                }
                continue;
            }
            out_.append(text.data() + plain, i - plain);
            plain = i + 1;
            if (const std::string_view* escape = json_escapes.find(c)) {
                out_ += *escape;
            } else {
                char unicode[8];
                std::snprintf(unicode, sizeof unicode, "\\u%04x", static_cast<unsigned>(c));
                out_ += unicode;
            }
        }
        out_.append(text.data() + plain, text.size() - plain);
        out_ += '"';
    }

    int indent_;
    std::string out_;
    std::vector<Open> open_;
    bool after_key_ = false;
};

}  // namespace tocgraph::detail
