#pragma once
// A small XML writer for the IATI exporter: elements, attributes and text,
// escaped so that any UTF-8 string reads back unchanged (tabs and line breaks
// in attribute values become character references, which attribute-value
// normalisation leaves alone). Indents elements that hold only elements.
//
// Text must be UTF-8 made of XML characters; names must be XML names. Both
// come from the model, which can hold anything, so they are checked and a
// violation throws tocgraph::Error naming the element.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../errors.hpp"
#include "escape.hpp"
#include "reader.hpp"

namespace tocgraph::detail {

/// Attributes in the JSON form the readers keep them in: keyed "name",
/// "xml:lang", or "{URI}local" for a namespaced one, which is written with a
/// namespace declaration and a prefix made of `stem` and a counter.
struct KeptAttributes {
    explicit KeptAttributes(std::string prefix_stem) : stem(std::move(prefix_stem)) {}

    std::string stem;
    std::vector<std::pair<std::string, std::string>> declarations, attributes;
    std::size_t next_prefix = 0;

    /// False for a key whose "{URI" is never closed.
    bool add(const std::string& key, std::string value) {
        if (key.empty() || key[0] != '{') {
            attributes.emplace_back(key, std::move(value));
            return true;
        }
        const auto close = key.find('}');
        if (close == std::string::npos) return false;
        const std::string prefix = stem + std::to_string(next_prefix++);
        declarations.emplace_back("xmlns:" + prefix, key.substr(1, close - 1));
        attributes.emplace_back(prefix + ":" + key.substr(close + 1), std::move(value));
        return true;
    }
};

class XmlWriter {
public:
    XmlWriter() { out_ = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"; }

    void comment(std::string_view text) {
        close_start_tag();
        if (text.find("--") != std::string_view::npos || (!text.empty() && text.back() == '-'))
            throw Error("cannot write an XML comment containing \"--\"");
        newline();
        out_ += "<!--";
        append_checked(text, "a comment");
        out_ += "-->";
        if (!stack_.empty()) stack_.back().children = true;
    }
    void start(std::string_view name) {
        check_name(name);
        close_start_tag();
        newline();
        out_ += '<';
        out_ += name;
        if (!stack_.empty()) stack_.back().children = true;
        stack_.push_back({std::string(name), false, false});
        tag_open_ = true;
    }
    void attribute(std::string_view name, std::string_view value) {
        check_name(name);
        if (!tag_open_) throw Error("cannot write attribute \"" + std::string(name) + "\" after content");
        out_ += ' ';
        out_ += name;
        out_ += "=\"";
        escape(value, true);
        out_ += '"';
    }
    /// The namespace declarations first, then the attributes.
    void attributes(const KeptAttributes& kept) {
        for (const auto& [k, v] : kept.declarations) attribute(k, v);
        for (const auto& [k, v] : kept.attributes) attribute(k, v);
    }
    void text(std::string_view value) {
        if (stack_.empty()) throw Error("cannot write text outside the root element");
        if (value.empty()) return;
        close_start_tag();
        escape(value, false);
        stack_.back().text = true;
    }
    void end() {
        Open open = std::move(stack_.back());
        stack_.pop_back();
        if (tag_open_) {
            out_ += "/>";
            tag_open_ = false;
            return;
        }
        if (open.children && !open.text) newline_at(stack_.size());
        out_ += "</" + open.name + ">";
    }
    /// start(name) + text(value) + end().
    void element(std::string_view name, std::string_view value) {
        start(name);
        text(value);
        end();
    }

    /// Writes an element kept in its JSON form (see element.hpp).
    /// Throws Error if the JSON is not such a form.
    void json_element(const nlohmann::json& e) {
        if (!e.is_object() || !e.contains("element") || !e["element"].is_string())
            throw Error("cannot write a kept XML element: expected an object with \"element\"");
        std::string name = e["element"].get<std::string>();
        KeptAttributes kept("a");
        if (e.contains("namespace")) {
            const std::string prefix = e.value("prefix", std::string("ext"));
            kept.declarations.emplace_back("xmlns:" + prefix, e["namespace"].get<std::string>());
            name = prefix + ":" + name;
        }
        if (e.contains("attributes")) {
            if (!e["attributes"].is_object()) throw Error("cannot write kept XML element <" + name + ">: attributes");
            for (const auto& [key, value] : e["attributes"].items()) {
                if (!value.is_string()) throw Error("cannot write kept XML element <" + name + ">: attribute " + key);
                if (!kept.add(key, value.get<std::string>())) throw Error("cannot write kept XML attribute " + key);
            }
        }
        start(name);
        attributes(kept);
        if (e.contains("text")) {
            if (!e["text"].is_string()) throw Error("cannot write kept XML element <" + name + ">: text");
            text(e["text"].get<std::string>());
        }
        if (e.contains("children")) {
            if (!e["children"].is_array()) throw Error("cannot write kept XML element <" + name + ">: children");
            for (const auto& child : e["children"]) json_element(child);
        }
        end();
    }

    /// The document; every element must be closed.
    std::string finish() {
        if (!stack_.empty()) throw Error("XML element <" + stack_.back().name + "> left open");
        out_ += '\n';
        return std::move(out_);
    }

private:
    struct Open {
        std::string name;
        bool children;
        bool text;
    };

    void close_start_tag() {
        if (tag_open_) {
            out_ += '>';
            tag_open_ = false;
        }
    }
    /// Starts a line for the next element, unless the parent holds text
    /// (whitespace would change it) or the document has just begun.
    void newline() {
        if (!stack_.empty() && stack_.back().text) return;
        if (out_.back() == '\n') return;
        newline_at(stack_.size());
    }
    void newline_at(std::size_t depth) {
        out_ += '\n';
        out_.append(2 * depth, ' ');
    }

    static void check_name(std::string_view name) {
        bool ok = !name.empty();
        for (std::size_t i = 0; ok && i < name.size(); ++i) {
            const unsigned char c = static_cast<unsigned char>(name[i]);
            const bool start = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' || c >= 0x80;
            ok = start || (i > 0 && ((c >= '0' && c <= '9') || c == '-' || c == '.'));
        }
        if (!ok) throw Error("cannot write \"" + std::string(name) + "\" as an XML name");
    }

    /// Appends UTF-8 text after checking it holds XML characters only.
    void append_checked(std::string_view text, const char* where) {
        for (std::size_t i = 0; i < text.size();) {
            const std::size_t len = char_length(text, i, where);
            out_.append(text.substr(i, len));
            i += len;
        }
    }
    /// The byte length of the UTF-8 character at i; throws on bad UTF-8 or a
    /// character XML cannot carry (NUL, most control characters).
    static std::size_t char_length(std::string_view s, std::size_t i, const char* where) {
        const unsigned char b = static_cast<unsigned char>(s[i]);
        auto bad = [&](const std::string& what) -> std::size_t {
            throw Error(std::string("cannot write ") + where + " as XML: " + what + " at byte " + std::to_string(i));
        };
        if (b < 0x80) {
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r') bad("control character " + std::to_string(b));
            return 1;
        }
        std::size_t len = b >= 0xF0 && b <= 0xF4 ? 4 : b >= 0xE0 ? 3 : b >= 0xC2 && b < 0xE0 ? 2 : 0;
        if (len == 0 || (b >= 0xF5)) return bad("invalid UTF-8");
        if (i + len > s.size()) return bad("truncated UTF-8");
        char32_t cp = b & (len == 2 ? 0x1F : len == 3 ? 0x0F : 0x07);
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char c = static_cast<unsigned char>(s[i + k]);
            if ((c & 0xC0) != 0x80) return bad("invalid UTF-8");
            cp = (cp << 6) | (c & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000) || (cp >= 0xD800 && cp <= 0xDFFF) ||
            cp > 0x10FFFF || cp == 0xFFFE || cp == 0xFFFF)
            return bad("invalid UTF-8");
        return len;
    }
    void escape(std::string_view value, bool in_attribute) {
        const char* where = in_attribute ? "an attribute value" : "text";
        const EscapeTable& escapes = in_attribute ? xml_escapes : content_escapes;
        for (std::size_t i = 0; i < value.size();) {
            if (const std::string_view* escape = escapes.find(static_cast<unsigned char>(value[i]))) {
                out_ += *escape;
                ++i;
            } else {
                const std::size_t len = char_length(value, i, where);
                out_.append(value.substr(i, len));
                i += len;
            }
        }
    }
    /// Element content keeps quotes, tabs and line feeds as they are; a raw
    /// CR would be read as a line end.
    static constexpr EscapeTable content_escapes{{'&', "&amp;"}, {'<', "&lt;"}, {'>', "&gt;"}, {'\r', "&#13;"}};

    std::string out_;
    std::vector<Open> stack_;
    bool tag_open_ = false;
};

}  // namespace tocgraph::detail
