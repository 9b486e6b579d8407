#pragma once
// A safe streaming XML 1.0 pull parser, for the IATI importer.
//
// next() returns one event at a time (start tag, end tag, text, comment,
// processing instruction, end of document), so a file of any size is read in
// constant memory apart from the open elements. What it checks:
//   - UTF-8 only: every byte sequence is validated (no overlong forms, no
//     surrogates, nothing beyond U+10FFFF), and every character must be an
//     XML Char. A UTF-8 byte order mark is skipped; UTF-16 is refused, and so
//     is an XML declaration naming another encoding.
//   - Well-formedness: matching tags, one root, quoted and unique attributes,
//     no '<' in attribute values, no "]]>" in text, no "--" in comments.
//   - Namespaces (Namespaces in XML 1.0): names are resolved to URIs, never
//     compared by prefix; undeclared prefixes and bad declarations are errors.
//   - References: the five predefined entities and character references.
//     A DOCTYPE is accepted only without an internal subset, and its external
//     DTD is never read, so no entity can be declared: external entities (XXE)
//     and entity expansion bombs (billion laughs) cannot happen, and any other
//     entity reference is an error.
//   - Limits: element depth, attributes per element and the size of one token.
// The parser keeps no recursion, so hostile nesting cannot overflow the stack.
// Every error is a FormatError carrying the file, line and column (1-based,
// columns counted in characters). Line ends are normalised to "\n" and
// attribute whitespace to spaces, as XML 1.0 requires.

#include <cstddef>
#include <cstdint>
#include <istream>
#include <memory>
#include <sstream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../../errors.hpp"
#include "../text/utf8.hpp"

namespace tocgraph::detail {

inline constexpr std::string_view xml_namespace_uri = "http://www.w3.org/XML/1998/namespace";
inline constexpr std::string_view xmlns_namespace_uri = "http://www.w3.org/2000/xmlns/";

struct XmlLimits {
    std::size_t max_depth = 256;           ///< elements nested deeper are refused
    std::size_t max_attributes = 1024;     ///< per element, namespace declarations included
    std::size_t max_token_bytes = 64u << 20;  ///< one name, attribute value, text run or comment
};

enum class XmlEventKind { start_element, end_element, text, comment, processing_instruction, end_document };

struct XmlAttribute {
    std::string ns;      ///< namespace URI; "" for an unprefixed attribute
    std::string prefix;  ///< as written, for messages only
    std::string local;
    std::string value;   ///< references expanded, whitespace normalised
    std::size_t line = 0;
    std::size_t column = 0;
};

/// What a start tag says, which an event and an element tree both carry: the
/// element's name, its attributes and where it starts.
struct XmlTag {
    std::string ns;      ///< namespace URI, "" for none
    std::string prefix;  ///< as written, to write it back the same way
    std::string local;   ///< local name, or a processing instruction's target
    std::vector<XmlAttribute> attributes;  ///< namespace declarations left out
    std::size_t line = 0;                  ///< where it starts
    std::size_t column = 0;

    /// The attribute {ns_uri}local_name, or nullptr.
    const XmlAttribute* attribute(std::string_view local_name, std::string_view ns_uri = {}) const {
        for (const XmlAttribute& a : attributes)
            if (a.local == local_name && a.ns == ns_uri) return &a;
        return nullptr;
    }
    /// "prefix:local" or "local", as written.
    std::string qname() const { return prefix.empty() ? local : prefix + ":" + local; }
};

/// One event. The name is an element's for start and end tags (attributes
/// for start tags only); line and column are where the event starts.
struct XmlEvent : XmlTag {
    XmlEventKind kind = XmlEventKind::end_document;
    std::string text;       ///< character data, comment text or PI data
    std::size_t depth = 0;  ///< the element's depth (root = 1); for text, its parent's
};

class XmlReader {
public:
    XmlReader(std::istream& in, std::string file, XmlLimits limits = {})
        : in_(&in), file_(std::move(file)), limits_(limits) {
        bindings_.push_back({"xml", std::string(xml_namespace_uri)});
    }
    /// A reader over text held in memory (copied).
    static XmlReader from_string(std::string text, std::string file = "<string>", XmlLimits limits = {}) {
        auto stream = std::make_unique<std::istringstream>(std::move(text));
        XmlReader reader(*stream, std::move(file), limits);
        reader.owned_ = std::move(stream);
        return reader;
    }

    XmlReader(XmlReader&&) = default;
    XmlReader& operator=(XmlReader&&) = default;

    const std::string& file() const noexcept { return file_; }
    /// Depth of the innermost open element (0 outside the root).
    std::size_t depth() const noexcept { return open_.size(); }
    /// Bytes of input consumed so far (for progress reports).
    std::uint64_t offset() const noexcept { return consumed_ + pos_; }

    /// The next event; end_document once the root has closed and only
    /// comments, processing instructions and whitespace followed it.
    /// Throws FormatError on the first problem.
    const XmlEvent& next() {
        event_.attributes.clear();
        event_.text.clear();
        if (pending_end_) {
            pending_end_ = false;
            close_element(event_.line, event_.column);
            return event_;
        }
        if (open_.empty()) return next_outside_root();
        return next_in_content();
    }

    /// A FormatError at a position of this file.
    FormatError error(std::string problem, std::size_t line, std::size_t column) const {
        return FormatError(file_, "", std::move(problem), line, column);
    }

private:
    static constexpr char32_t end_of_input = 0xFFFFFFFF;

    struct Open {
        std::string qname;
        std::string ns, prefix, local;
        std::size_t line, column;
        std::size_t bindings;  ///< namespace bindings in force before this element
    };
    struct Binding {
        std::string prefix;
        std::string uri;
    };
    struct RawAttribute {
        std::string qname, value;
        std::size_t line = 0, column = 0;
    };

    // ---- bytes and characters ------------------------------------------------------

    /// True if at least n bytes are buffered (reads more as needed).
    bool ensure(std::size_t n) {
        while (buf_.size() - pos_ < n && !eof_) {
            if (pos_ > 0) {
                buf_.erase(0, pos_);
                consumed_ += pos_;
                pos_ = 0;
            }
            char chunk[65536];
            in_->read(chunk, sizeof chunk);
            const auto got = static_cast<std::size_t>(in_->gcount());
            if (got == 0) {
                if (in_->bad()) throw error("read error", line_, column_);
                eof_ = true;
            }
            buf_.append(chunk, got);
        }
        return buf_.size() - pos_ >= n;
    }
    unsigned char byte_at(std::size_t offset) const { return static_cast<unsigned char>(buf_[pos_ + offset]); }
    bool starts_with(std::string_view ascii) {
        if (!ensure(ascii.size())) return false;
        return std::string_view(buf_).substr(pos_, ascii.size()) == ascii;
    }

    [[noreturn]] void fail(const std::string& problem) const { throw error(problem, line_, column_); }
    [[noreturn]] void fail_at(const std::string& problem, std::size_t line, std::size_t column) const {
        throw error(problem, line, column);
    }

    static std::string hex(unsigned value, int digits) {
        static constexpr char d[] = "0123456789ABCDEF";
        std::string out(static_cast<std::size_t>(digits), '0');
        for (int i = digits - 1; i >= 0; --i, value >>= 4) out[static_cast<std::size_t>(i)] = d[value & 0xF];
        return out;
    }
    static std::string code_point_name(char32_t c) {
        return "U+" + hex(static_cast<unsigned>(c), c > 0xFFFF ? 6 : 4);
    }
    static bool is_xml_char(char32_t c) {
        return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
               (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
    }

    /// The next character without consuming it (line ends normalised to
    /// '\n'), or end_of_input. Validates UTF-8 and the XML Char production.
    char32_t peek() {
        if (peeked_) return peek_cp_;
        peeked_ = true;
        if (!ensure(1)) return peek_cp_ = end_of_input;
        const unsigned char b = byte_at(0);
        if (b < 0x80) {
            peek_len_ = 1;
            if (b == '\r') {
                if (ensure(2) && byte_at(1) == '\n') peek_len_ = 2;
                return peek_cp_ = '\n';
            }
            if (!is_xml_char(b)) fail("character " + code_point_name(b) + " is not allowed in XML");
            return peek_cp_ = b;
        }
        std::size_t len;
        char32_t cp;
        if (b >= 0xC2 && b <= 0xDF) len = 2, cp = b & 0x1F;
        else if (b >= 0xE0 && b <= 0xEF) len = 3, cp = b & 0x0F;
        else if (b >= 0xF0 && b <= 0xF4) len = 4, cp = b & 0x07;
        else if (b == 0xC0 || b == 0xC1) fail("invalid UTF-8: overlong encoding (byte 0x" + hex(b, 2) + ")");
        else fail("invalid UTF-8: unexpected byte 0x" + hex(b, 2));
        if (!ensure(len)) fail("invalid UTF-8: truncated sequence at the end of the file");
        for (std::size_t k = 1; k < len; ++k) {
            const unsigned char c = byte_at(k);
            if ((c & 0xC0) != 0x80)
                fail("invalid UTF-8: truncated sequence (byte 0x" + hex(c, 2) + " where a continuation byte belongs)");
            cp = (cp << 6) | (c & 0x3F);
        }
        if ((len == 3 && cp < 0x800) || (len == 4 && cp < 0x10000)) fail("invalid UTF-8: overlong encoding");
        if (cp >= 0xD800 && cp <= 0xDFFF) fail("invalid UTF-8: encoded surrogate " + code_point_name(cp));
        if (cp > 0x10FFFF) fail("invalid UTF-8: code point beyond U+10FFFF");
        if (!is_xml_char(cp)) fail("character " + code_point_name(cp) + " is not allowed in XML");
        peek_len_ = len;
        return peek_cp_ = cp;
    }
    /// Consumes the peeked character, appending its UTF-8 bytes to `out` if given.
    void advance(std::string* out = nullptr) {
        const char32_t c = peek();
        if (c == end_of_input) return;
        if (out) {
            if (c == '\n') out->push_back('\n');
            else out->append(buf_, pos_, peek_len_);
        }
        pos_ += peek_len_;
        peeked_ = false;
        if (c == '\n') {
            ++line_;
            column_ = 1;
        } else {
            ++column_;
        }
    }
    /// Consumes an ASCII literal known to be next (checked with starts_with).
    void skip(std::string_view ascii) {
        for (std::size_t i = 0; i < ascii.size(); ++i) advance();
    }
    char32_t get(std::string* out = nullptr) {
        const char32_t c = peek();
        advance(out);
        return c;
    }
    static bool is_space(char32_t c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }
    bool skip_spaces() {
        bool any = false;
        while (is_space(peek())) {
            advance();
            any = true;
        }
        return any;
    }
    void check_size(const std::string& token, const char* what) const {
        if (token.size() > limits_.max_token_bytes)
            fail(std::string(what) + " longer than " + std::to_string(limits_.max_token_bytes) + " bytes");
    }
    std::string describe(char32_t c) const {
        if (c == end_of_input) return "end of file";
        if (c >= 0x21 && c < 0x7F) return std::string("'") + static_cast<char>(c) + "'";
        if (c == '\n') return "a line break";
        if (c == ' ' || c == '\t') return "a space";
        return code_point_name(c);
    }

    // ---- names -------------------------------------------------------------------

    static bool is_name_start(char32_t c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || c == '_' || c == ':' ||
               (c >= 0xC0 && c <= 0xD6) || (c >= 0xD8 && c <= 0xF6) || (c >= 0xF8 && c <= 0x2FF) ||
               (c >= 0x370 && c <= 0x37D) || (c >= 0x37F && c <= 0x1FFF) || (c >= 0x200C && c <= 0x200D) ||
               (c >= 0x2070 && c <= 0x218F) || (c >= 0x2C00 && c <= 0x2FEF) || (c >= 0x3001 && c <= 0xD7FF) ||
               (c >= 0xF900 && c <= 0xFDCF) || (c >= 0xFDF0 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0xEFFFF);
    }
    static bool is_name_char(char32_t c) {
        return is_name_start(c) || c == '-' || c == '.' || (c >= '0' && c <= '9') || c == 0xB7 ||
               (c >= 0x300 && c <= 0x36F) || (c >= 0x203F && c <= 0x2040);
    }
    /// A Name; `what` says what was expected, for the error.
    std::string read_name(const char* what) {
        const char32_t first = peek();
        if (!is_name_start(first)) fail(std::string("expected ") + what + ", got " + describe(first));
        std::string name;
        while (is_name_char(peek())) {
            advance(&name);
            check_size(name, "name");
        }
        return name;
    }
    /// Splits a QName into prefix and local part; errors name where it began.
    std::pair<std::string, std::string> split_qname(const std::string& qname, std::size_t line,
                                                    std::size_t column) const {
        const auto colon = qname.find(':');
        if (colon == std::string::npos) return {"", qname};
        if (colon == 0 || colon + 1 == qname.size() || qname.find(':', colon + 1) != std::string::npos)
            fail_at("invalid qualified name \"" + qname + "\"", line, column);
        std::string local = qname.substr(colon + 1);
        // The local part must start like a name too ("a:1b" is not a QName).
        const unsigned char c = static_cast<unsigned char>(local[0]);
        if (c == '-' || c == '.' || (c >= '0' && c <= '9'))
            fail_at("invalid qualified name \"" + qname + "\"", line, column);
        return {qname.substr(0, colon), std::move(local)};
    }

    // ---- references ------------------------------------------------------------------

    /// After '&': appends the referenced character(s).
    void read_reference(std::string& out, std::size_t line, std::size_t column) {
        advance();  // '&'
        if (peek() == '#') {
            advance();
            bool hexadecimal = false;
            if (peek() == 'x') {
                advance();
                hexadecimal = true;
            }
            std::uint32_t value = 0;
            std::size_t digits = 0;
            bool overflow = false;
            std::string written;
            for (;;) {
                const char32_t c = peek();
                int d;
                if (c >= '0' && c <= '9') d = static_cast<int>(c - '0');
                else if (hexadecimal && c >= 'a' && c <= 'f') d = static_cast<int>(c - 'a' + 10);
                else if (hexadecimal && c >= 'A' && c <= 'F') d = static_cast<int>(c - 'A' + 10);
                else break;
                advance(&written);
                ++digits;
                const std::uint32_t next = value * (hexadecimal ? 16u : 10u) + static_cast<std::uint32_t>(d);
                if (value > 0x10FFFF || next > 0x10FFFF) overflow = true;
                value = next > 0x10FFFF ? 0x110000 : next;
            }
            const std::string shown = std::string("&#") + (hexadecimal ? "x" : "") + written + ";";
            if (digits == 0) fail_at("invalid character reference: expected digits after \"&#\"", line, column);
            if (peek() != ';') fail_at("missing ';' after character reference", line, column);
            advance();
            if (overflow || !is_xml_char(value))
                fail_at("character reference " + shown + " is not a valid XML character", line, column);
            append_utf8(out, value);
            return;
        }
        if (!is_name_start(peek())) fail_at("'&' must start an entity or character reference (write &amp;)", line, column);
        const std::string name = read_name("an entity name");
        if (peek() != ';') fail_at("missing ';' after entity reference &" + name, line, column);
        advance();
        if (name == "lt") out.push_back('<');
        else if (name == "gt") out.push_back('>');
        else if (name == "amp") out.push_back('&');
        else if (name == "apos") out.push_back('\'');
        else if (name == "quot") out.push_back('"');
        else
            fail_at("undefined entity &" + name + "; (only the five predefined entities and character "
                    "references are allowed)",
                    line, column);
    }

    // ---- markup outside the root --------------------------------------------------------

    const XmlEvent& next_outside_root() {
        if (!started_) start_document();
        for (;;) {
            skip_spaces();
            const std::size_t line = line_, column = column_;
            const char32_t c = peek();
            if (c == end_of_input) {
                if (!root_seen_) fail("no root element");
                event_.kind = XmlEventKind::end_document;
                event_.line = line;
                event_.column = column;
                event_.depth = 0;
                return event_;
            }
            if (c != '<') {
                if (root_seen_) fail("text after the root element");
                fail("text before the root element");
            }
            if (starts_with("<?")) return read_processing_instruction(line, column, 0);
            if (starts_with("<!--")) return read_comment(line, column, 0);
            if (starts_with("<!DOCTYPE")) {
                read_doctype(line, column);
                continue;
            }
            if (starts_with("<!")) fail("unexpected markup \"<!\" outside the root element");
            if (starts_with("</")) fail("end tag outside the root element");
            if (root_seen_) fail("a second root element (a document has exactly one)");
            advance();  // '<'
            return read_start_tag(line, column);
        }
    }

    void start_document() {
        started_ = true;
        if (ensure(2) && ((byte_at(0) == 0xFE && byte_at(1) == 0xFF) || (byte_at(0) == 0xFF && byte_at(1) == 0xFE)))
            fail("UTF-16 text is not supported; convert the file to UTF-8");
        if (ensure(3) && byte_at(0) == 0xEF && byte_at(1) == 0xBB && byte_at(2) == 0xBF) pos_ += 3;
        if (starts_with("<?xml") && ensure(6) && (byte_at(5) == ' ' || byte_at(5) == '\t' ||
                                                  byte_at(5) == '\n' || byte_at(5) == '\r' || byte_at(5) == '?'))
            read_xml_declaration();
    }

    /// <?xml version="1.0" encoding="UTF-8" standalone="yes"?>
    void read_xml_declaration() {
        skip("<?xml");
        int last = -1;  // the order of the last pseudo-attribute read
        for (;;) {
            const bool space = skip_spaces();
            if (starts_with("?>")) {
                skip("?>");
                break;
            }
            if (!space) fail("expected a space or \"?>\" in the XML declaration, got " + describe(peek()));
            const std::size_t line = line_, column = column_;
            const std::string name = read_name("a pseudo-attribute of the XML declaration");
            skip_spaces();
            if (peek() != '=') fail("expected '=' after \"" + name + "\", got " + describe(peek()));
            advance();
            skip_spaces();
            const char32_t quote = peek();
            if (quote != '"' && quote != '\'') fail("expected a quoted value, got " + describe(quote));
            advance();
            std::string value;
            while (peek() != quote) {
                if (peek() == end_of_input || peek() == '<') fail("unterminated value in the XML declaration");
                advance(&value);
                check_size(value, "XML declaration");
            }
            advance();
            const int order = name == "version" ? 0 : name == "encoding" ? 1 : name == "standalone" ? 2 : 3;
            if (order == 3) fail_at("unknown pseudo-attribute \"" + name + "\" in the XML declaration", line, column);
            if (order <= last || (order > 0 && last < 0))
                fail_at("\"" + name + "\" is out of place in the XML declaration (version, encoding, standalone)",
                        line, column);
            last = order;
            if (name == "version" && (value.size() < 3 || value.rfind("1.", 0) != 0 ||
                                      value.find_first_not_of("0123456789", 2) != std::string::npos))
                fail_at("unsupported XML version \"" + value + "\"", line, column);
            if (name == "version" && value != "1.0")
                fail_at("XML version " + value + " is not supported; only 1.0 is", line, column);
            if (name == "encoding") {
                std::string upper;
                for (char ch : value) upper.push_back(ch >= 'a' && ch <= 'z' ? static_cast<char>(ch - 32) : ch);
                if (upper != "UTF-8" && upper != "UTF8" && upper != "US-ASCII" && upper != "ASCII")
                    fail_at("encoding \"" + value + "\" is not supported; convert the file to UTF-8", line, column);
            }
            if (name == "standalone" && value != "yes" && value != "no")
                fail_at("standalone must be \"yes\" or \"no\", got \"" + value + "\"", line, column);
        }
        if (last < 0) fail("the XML declaration lacks its version");
    }

    /// <!DOCTYPE name ExternalID?> is skipped; an internal subset is refused.
    void read_doctype(std::size_t line, std::size_t column) {
        if (doctype_seen_) fail_at("a second DOCTYPE", line, column);
        if (root_seen_) fail_at("DOCTYPE after the root element", line, column);
        doctype_seen_ = true;
        skip("<!DOCTYPE");
        if (!skip_spaces()) fail("expected a space after <!DOCTYPE");
        read_name("the document type name");
        skip_spaces();
        auto quoted = [&](const char* what) {
            const char32_t quote = peek();
            if (quote != '"' && quote != '\'') fail(std::string("expected the quoted ") + what + ", got " + describe(quote));
            advance();
            std::string value;
            while (peek() != quote) {
                if (peek() == end_of_input) fail("unexpected end of file inside the DOCTYPE");
                advance(&value);
                check_size(value, "DOCTYPE literal");
            }
            advance();
        };
        if (starts_with("SYSTEM")) {
            skip("SYSTEM");
            skip_spaces();
            quoted("system identifier");
        } else if (starts_with("PUBLIC")) {
            skip("PUBLIC");
            skip_spaces();
            quoted("public identifier");
            skip_spaces();
            quoted("system identifier");
        }
        skip_spaces();
        if (peek() == '[')
            fail("DOCTYPE with an internal subset is refused: entity and other declarations are not supported");
        if (peek() != '>') fail("expected '>' to end the DOCTYPE, got " + describe(peek()));
        advance();
    }

    // ---- comments and processing instructions ----------------------------------------------

    const XmlEvent& read_comment(std::size_t line, std::size_t column, std::size_t depth) {
        skip("<!--");
        std::string& text = event_.text;
        for (;;) {
            if (starts_with("--")) {
                const std::size_t l = line_, c = column_;
                skip("--");
                if (peek() != '>') fail_at("\"--\" is not allowed inside a comment", l, c);
                advance();
                break;
            }
            if (peek() == end_of_input) fail_at("unexpected end of file inside a comment", line, column);
            advance(&text);
            check_size(text, "comment");
        }
        event_.kind = XmlEventKind::comment;
        event_.line = line;
        event_.column = column;
        event_.depth = depth;
        return event_;
    }

    const XmlEvent& read_processing_instruction(std::size_t line, std::size_t column, std::size_t depth) {
        skip("<?");
        const std::string target = read_name("a processing instruction target");
        if (target.size() == 3 && (target[0] | 0x20) == 'x' && (target[1] | 0x20) == 'm' && (target[2] | 0x20) == 'l')
            fail_at("the XML declaration is allowed only at the very start of the document", line, column);
        if (target.find(':') != std::string::npos)
            fail_at("processing instruction target \"" + target + "\" must not contain ':'", line, column);
        std::string& data = event_.text;
        if (!starts_with("?>")) {
            if (!skip_spaces()) fail("expected a space or \"?>\" after the processing instruction target");
            while (!starts_with("?>")) {
                if (peek() == end_of_input)
                    fail_at("unexpected end of file inside a processing instruction", line, column);
                advance(&data);
                check_size(data, "processing instruction");
            }
        }
        skip("?>");
        event_.kind = XmlEventKind::processing_instruction;
        event_.local = target;
        event_.ns.clear();
        event_.prefix.clear();
        event_.line = line;
        event_.column = column;
        event_.depth = depth;
        return event_;
    }

    // ---- elements ----------------------------------------------------------------------

    /// After '<': the start tag up to '>' or '/>'.
    const XmlEvent& read_start_tag(std::size_t line, std::size_t column) {
        const std::string qname = read_name("an element name");
        if (open_.size() >= limits_.max_depth)
            fail_at("elements nested deeper than " + std::to_string(limits_.max_depth) + " levels", line, column);
        using Raw = RawAttribute;
        std::vector<Raw>& raw = raw_attributes_;
        raw.clear();
        bool empty = false;
        for (;;) {
            const bool space = skip_spaces();
            const char32_t c = peek();
            if (c == '>') {
                advance();
                break;
            }
            if (c == '/') {
                advance();
                if (peek() != '>') fail("expected '>' after '/' in the start tag of <" + qname + ">, got " + describe(peek()));
                advance();
                empty = true;
                break;
            }
            if (c == end_of_input) fail_at("unexpected end of file in the start tag of <" + qname + ">", line, column);
            if (!space) fail("expected a space, '>' or \"/>\" in the start tag of <" + qname + ">, got " + describe(c));
            Raw a;
            a.line = line_;
            a.column = column_;
            a.qname = read_name("an attribute name");
            for (const Raw& before : raw)
                if (before.qname == a.qname) fail_at("duplicate attribute \"" + a.qname + "\"", a.line, a.column);
            if (raw.size() >= limits_.max_attributes)
                fail_at("more than " + std::to_string(limits_.max_attributes) + " attributes on one element", a.line,
                        a.column);
            skip_spaces();
            if (peek() != '=') fail("expected '=' after attribute \"" + a.qname + "\", got " + describe(peek()));
            advance();
            skip_spaces();
            const char32_t quote = peek();
            if (quote != '"' && quote != '\'')
                fail("expected a quoted value for attribute \"" + a.qname + "\", got " + describe(quote));
            advance();
            for (;;) {
                const char32_t v = peek();
                if (v == quote) break;
                if (v == end_of_input) fail_at("unexpected end of file in the value of attribute \"" + a.qname + "\"", a.line, a.column);
                if (v == '<') fail("'<' is not allowed in an attribute value (write &lt;)");
                if (v == '&') {
                    read_reference(a.value, line_, column_);
                } else if (v == '\n' || v == '\t') {
                    advance();
                    a.value.push_back(' ');
                } else {
                    advance(&a.value);
                }
                check_size(a.value, "attribute value");
            }
            advance();  // closing quote
            raw.push_back(std::move(a));
        }

        // Namespace declarations first: they apply to the element's own name
        // and attributes, whatever their order.
        Open open;
        open.qname = qname;
        open.line = line;
        open.column = column;
        open.bindings = bindings_.size();
        for (const Raw& a : raw) {
            std::string prefix;
            if (a.qname == "xmlns") {
                prefix = "";
            } else if (a.qname.rfind("xmlns:", 0) == 0) {
                prefix = split_qname(a.qname, a.line, a.column).second;
                if (prefix == "xmlns") fail_at("the prefix \"xmlns\" must not be declared", a.line, a.column);
                if (a.value.empty())
                    fail_at("namespace prefix \"" + prefix + "\" cannot be bound to an empty URI", a.line, a.column);
            } else {
                continue;
            }
            if (prefix == "xml" && a.value != xml_namespace_uri)
                fail_at("the prefix \"xml\" cannot be bound to another namespace", a.line, a.column);
            if (prefix != "xml" && (a.value == xml_namespace_uri || a.value == xmlns_namespace_uri))
                fail_at("namespace \"" + a.value + "\" is reserved", a.line, a.column);
            bindings_.push_back({prefix, a.value});
        }
        auto [prefix, local] = split_qname(qname, line, column + 1);
        open.prefix = prefix;
        open.local = local;
        open.ns = resolve(prefix, true, qname, line, column + 1);

        event_.kind = XmlEventKind::start_element;
        event_.ns = open.ns;
        event_.prefix = open.prefix;
        event_.local = open.local;
        event_.line = line;
        event_.column = column;
        for (Raw& a : raw) {
            if (a.qname == "xmlns" || a.qname.rfind("xmlns:", 0) == 0) continue;
            auto [ap, al] = split_qname(a.qname, a.line, a.column);
            XmlAttribute attribute;
            attribute.ns = ap.empty() ? std::string() : resolve(ap, false, a.qname, a.line, a.column);
            attribute.prefix = std::move(ap);
            attribute.local = std::move(al);
            attribute.value = std::move(a.value);
            attribute.line = a.line;
            attribute.column = a.column;
            for (const XmlAttribute& before : event_.attributes)
                if (before.ns == attribute.ns && before.local == attribute.local)
                    fail_at("duplicate attribute \"" + attribute.local + "\" in namespace \"" + attribute.ns + "\"",
                            a.line, a.column);
            event_.attributes.push_back(std::move(attribute));
        }
        open_.push_back(std::move(open));
        root_seen_ = true;
        event_.depth = open_.size();
        pending_end_ = empty;
        return event_;
    }

    std::string resolve(const std::string& prefix, bool element, const std::string& qname, std::size_t line,
                        std::size_t column) const {
        for (std::size_t i = bindings_.size(); i-- > 0;)
            if (bindings_[i].prefix == prefix) return bindings_[i].uri;
        if (prefix.empty()) return {};  // no default namespace
        fail_at(std::string("undeclared namespace prefix \"") + prefix + "\" in " + (element ? "element" : "attribute") +
                    " name \"" + qname + "\"",
                line, column);
    }

    /// Emits the end event of the innermost element and pops it.
    void close_element(std::size_t line, std::size_t column) {
        Open& open = open_.back();
        event_.kind = XmlEventKind::end_element;
        event_.ns = std::move(open.ns);
        event_.prefix = std::move(open.prefix);
        event_.local = std::move(open.local);
        event_.depth = open_.size();
        event_.line = line;
        event_.column = column;
        bindings_.resize(open.bindings);
        open_.pop_back();
    }

    const XmlEvent& next_in_content() {
        const std::size_t line = line_, column = column_;
        if (peek() == end_of_input) {
            const Open& open = open_.back();
            fail("unexpected end of file: element <" + open.qname + "> opened at " + std::to_string(open.line) + ":" +
                 std::to_string(open.column) + " is not closed");
        }
        if (peek() == '<' && !starts_with("<![CDATA[")) {
            if (starts_with("</")) {
                skip("</");
                const std::string qname = read_name("an element name in the end tag");
                skip_spaces();
                if (peek() != '>') fail("expected '>' to end the end tag </" + qname + ">, got " + describe(peek()));
                advance();
                const Open& open = open_.back();
                if (qname != open.qname)
                    fail_at("end tag </" + qname + "> does not match start tag <" + open.qname + "> opened at " +
                                std::to_string(open.line) + ":" + std::to_string(open.column),
                            line, column);
                close_element(line, column);
                return event_;
            }
            if (starts_with("<!--")) return read_comment(line, column, open_.size());
            if (starts_with("<?")) return read_processing_instruction(line, column, open_.size());
            if (starts_with("<!")) fail("unexpected markup \"<!\" in content (a DOCTYPE or declaration belongs before the root)");
            advance();  // '<'
            return read_start_tag(line, column);
        }
        // Character data, references and CDATA sections, up to the next markup.
        std::string& text = event_.text;
        for (;;) {
            const char32_t c = peek();
            if (c == end_of_input) break;
            if (c == '<') {
                if (!starts_with("<![CDATA[")) break;
                const std::size_t l = line_, col = column_;
                skip("<![CDATA[");
                while (!starts_with("]]>")) {
                    if (peek() == end_of_input) fail_at("unexpected end of file inside a CDATA section", l, col);
                    advance(&text);
                    check_size(text, "text");
                }
                skip("]]>");
                continue;
            }
            if (c == '&') {
                read_reference(text, line_, column_);
            } else {
                if (c == ']' && starts_with("]]>")) fail("\"]]>\" is not allowed in text (write ]]&gt;)");
                advance(&text);
            }
            check_size(text, "text");
        }
        event_.kind = XmlEventKind::text;
        event_.line = line;
        event_.column = column;
        event_.depth = open_.size();
        return event_;
    }

    std::istream* in_;
    std::unique_ptr<std::istream> owned_;
    std::string file_;
    XmlLimits limits_;

    std::string buf_;
    std::size_t pos_ = 0;
    std::uint64_t consumed_ = 0;  ///< bytes erased from buf_ before pos_
    bool eof_ = false;
    std::size_t line_ = 1;
    std::size_t column_ = 1;
    bool peeked_ = false;
    char32_t peek_cp_ = 0;
    std::size_t peek_len_ = 0;

    bool started_ = false;
    bool root_seen_ = false;
    bool doctype_seen_ = false;
    bool pending_end_ = false;
    std::vector<Open> open_;
    std::vector<Binding> bindings_;
    std::vector<RawAttribute> raw_attributes_;  // reused across start tags
    XmlEvent event_;
};

}  // namespace tocgraph::detail
