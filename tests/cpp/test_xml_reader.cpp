// The streaming XML reader: events, namespaces resolved by URI, references,
// CDATA, comments and processing instructions, UTF-8 checks, the refusal of
// DTD entities (billion laughs, XXE), limits, and the exact message with
// line and column of every kind of error.
#include <catch2/catch.hpp>

#include <sstream>
#include <string>
#include <vector>

#include <tocgraph/detail/xml/element.hpp>
#include <tocgraph/detail/xml/reader.hpp>
#include <tocgraph/detail/xml/writer.hpp>

#include "error_message.hpp"

namespace tocgraph::test {
using detail::XmlAttribute;
using detail::XmlElement;
using detail::XmlEvent;
using detail::XmlEventKind;
using detail::XmlLimits;
using detail::XmlReader;
using detail::XmlWriter;
using detail::read_element;
using detail::xml_to_json;

namespace {

/// A compact trace of every event: "<{ns}name a=v>", "</name>", "'text'",
/// "!comment", "?target data".
std::string trace(const std::string& text, XmlLimits limits = {}) {
    auto reader = XmlReader::from_string(text, "t.xml", limits);
    std::string out;
    for (;;) {
        const XmlEvent& e = reader.next();
        switch (e.kind) {
            case XmlEventKind::start_element:
                out += "<";
                if (!e.ns.empty()) out += "{" + e.ns + "}";
                out += e.local;
                for (const XmlAttribute& a : e.attributes)
                    out += " " + (a.ns.empty() ? std::string() : "{" + a.ns + "}") + a.local + "=" + a.value;
                out += ">";
                break;
            case XmlEventKind::end_element: out += "</" + e.local + ">"; break;
            case XmlEventKind::text: out += "'" + e.text + "'"; break;
            case XmlEventKind::comment: out += "!" + e.text; break;
            case XmlEventKind::processing_instruction: out += "?" + e.local + " " + e.text; break;
            case XmlEventKind::end_document: return out;
        }
    }
}

/// The message of the error reading `text` raises, or "no error".
std::string error_of(const std::string& text, XmlLimits limits = {}) {
    return format_error_of([&] { trace(text, limits); });
}

}  // namespace

TEST_CASE("Events of a small document", "[xml]") {
    CHECK(trace("<a x='1' y=\"2\"><b/>t<c>u</c></a>") == "<a x=1 y=2><b></b>'t'<c>'u'</c></a>");
    CHECK(trace("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!-- c --><?pi data here?><r/>\n<!--after-->") ==
          "! c ?pi data here<r></r>!after");
    CHECK(trace("<?xml version='1.0'?><r/>") == "<r></r>");
    CHECK(trace("\xEF\xBB\xBF<r/>") == "<r></r>");  // byte order mark
    CHECK(trace("<r\n  a = 'v'\t/>") == "<r a=v></r>");
}

TEST_CASE("Depth, position and attribute lookup", "[xml]") {
    auto reader = XmlReader::from_string("<a>\n  <b k='v'/>\n</a>", "t.xml");
    const XmlEvent& a = reader.next();
    CHECK((a.local == "a" && a.depth == 1 && a.line == 1 && a.column == 1));
    CHECK(reader.next().kind == XmlEventKind::text);
    const XmlEvent& b = reader.next();
    CHECK((b.local == "b" && b.depth == 2 && b.line == 2 && b.column == 3));
    REQUIRE(b.attribute("k"));
    CHECK(b.attribute("k")->value == "v");
    CHECK(b.attribute("k")->column == 6);
    CHECK_FALSE(b.attribute("k", "urn:x"));
    CHECK(reader.next().kind == XmlEventKind::end_element);
    CHECK(reader.depth() == 1);
}

TEST_CASE("Namespaces are resolved to URIs, whatever the prefix", "[xml][namespaces]") {
    // Two prefixes for one URI name the same attribute namespace.
    CHECK(trace(R"(<r xmlns:a="urn:d" xmlns:b="urn:d"><a:x b:k="1"/><b:x/></r>)") ==
          "<r><{urn:d}x {urn:d}k=1></x><{urn:d}x></x></r>");
    // A default namespace applies to elements, not to unprefixed attributes.
    CHECK(trace(R"(<r xmlns="urn:e" k="1"><c xmlns=""/></r>)") == "<{urn:e}r k=1><c></c></r>");
    // xml: is bound without a declaration; a prefix bound to "xml" is just a URI.
    CHECK(trace(R"(<r xmlns:ns2="xml" xml:lang="EN" ns2:x="y"/>)") ==
          "<r {http://www.w3.org/XML/1998/namespace}lang=EN {xml}x=y></r>");
    // Declarations are scoped to their element.
    CHECK(error_of(R"(<r><a xmlns:p="urn:p"/><p:b/></r>)") ==
          R"(t.xml:1:25: undeclared namespace prefix "p" in element name "p:b")");
    // The d-portal layout: prefixes declared on the root, used on activities.
    CHECK(trace(R"(<iati-activities xmlns:ns0="http://d-portal.org/xmlns/dstore"><iati-activity ns0:dataset="x"/></iati-activities>)") ==
          "<iati-activities><iati-activity {http://d-portal.org/xmlns/dstore}dataset=x></iati-activity></iati-activities>");
}

TEST_CASE("Namespace errors", "[xml][namespaces][errors]") {
    CHECK(error_of("<p:r/>") == R"(t.xml:1:2: undeclared namespace prefix "p" in element name "p:r")");
    CHECK(error_of("<r q:a='1'/>") == R"(t.xml:1:4: undeclared namespace prefix "q" in attribute name "q:a")");
    CHECK(error_of("<r xmlns:p=''/>") == R"(t.xml:1:4: namespace prefix "p" cannot be bound to an empty URI)");
    CHECK(error_of("<r xmlns:xml='urn:x'/>") == R"(t.xml:1:4: the prefix "xml" cannot be bound to another namespace)");
    CHECK(error_of("<r xmlns:xmlns='urn:x'/>") == R"(t.xml:1:4: the prefix "xmlns" must not be declared)");
    CHECK(error_of("<r xmlns:p='http://www.w3.org/XML/1998/namespace'/>") ==
          R"(t.xml:1:4: namespace "http://www.w3.org/XML/1998/namespace" is reserved)");
    CHECK(error_of("<r xmlns:a='urn:d' xmlns:b='urn:d' a:k='1' b:k='2'/>") ==
          R"(t.xml:1:44: duplicate attribute "k" in namespace "urn:d")");
    CHECK(error_of("<a:b:c xmlns:a='urn:a'/>") == R"(t.xml:1:2: invalid qualified name "a:b:c")");
}

TEST_CASE("References, CDATA and normalisation", "[xml]") {
    CHECK(trace("<r a='&lt;&gt;&amp;&apos;&quot;'>&lt;&#65;&#x42;&#x1F600;</r>") ==
          "<r a=<>&'\">'<AB\xF0\x9F\x98\x80'</r>");
    CHECK(trace("<r><![CDATA[<not> &amp; markup]]>x</r>") == "<r>'<not> &amp; markupx'</r>");
    CHECK(trace("<r>a\r\nb\rc</r>") == "<r>'a\nb\nc'</r>");
    CHECK(trace("<r a='x\ty\nz&#10;'/>") == "<r a=x y z\n></r>");  // references are not normalised
    CHECK(trace("<r>]]</r>") == "<r>']]'</r>");
}

TEST_CASE("Well-formedness errors name line and column", "[xml][errors]") {
    CHECK(error_of("") == "t.xml:1:1: no root element");
    CHECK(error_of("  \n ") == "t.xml:2:2: no root element");
    CHECK(error_of("<a>") == "t.xml:1:4: unexpected end of file: element <a> opened at 1:1 is not closed");
    CHECK(error_of("<a>\n  </b>") == "t.xml:2:3: end tag </b> does not match start tag <a> opened at 1:1");
    CHECK(error_of("<a/><b/>") == "t.xml:1:5: a second root element (a document has exactly one)");
    CHECK(error_of("text<a/>") == "t.xml:1:1: text before the root element");
    CHECK(error_of("<a/>text") == "t.xml:1:5: text after the root element");
    CHECK(error_of("</a>") == "t.xml:1:1: end tag outside the root element");
    CHECK(error_of("<a x='1' x='2'/>") == R"(t.xml:1:10: duplicate attribute "x")");
    CHECK(error_of("<a x=1/>") == R"(t.xml:1:6: expected a quoted value for attribute "x", got '1')");
    CHECK(error_of("<a x/>") == R"(t.xml:1:5: expected '=' after attribute "x", got '/')");
    CHECK(error_of("<a x='<'/>") == "t.xml:1:7: '<' is not allowed in an attribute value (write &lt;)");
    CHECK(error_of("<a x='1'y='2'/>") == "t.xml:1:9: expected a space, '>' or \"/>\" in the start tag of <a>, got 'y'");
    CHECK(error_of("<a x='1") == R"(t.xml:1:4: unexpected end of file in the value of attribute "x")");
    CHECK(error_of("<a") == "t.xml:1:1: unexpected end of file in the start tag of <a>");
    CHECK(error_of("<1a/>") == "t.xml:1:2: expected an element name, got '1'");
    CHECK(error_of("<a>]]></a>") == "t.xml:1:4: \"]]>\" is not allowed in text (write ]]&gt;)");
    CHECK(error_of("<a><!-- x -- y --></a>") == "t.xml:1:11: \"--\" is not allowed inside a comment");
    CHECK(error_of("<a><!-- x") == "t.xml:1:4: unexpected end of file inside a comment");
    CHECK(error_of("<a><![CDATA[x</a>") == "t.xml:1:4: unexpected end of file inside a CDATA section");
    CHECK(error_of("<a><?xml version='1.0'?></a>") ==
          "t.xml:1:4: the XML declaration is allowed only at the very start of the document");
    CHECK(error_of(" <?xml version='1.0'?><a/>") ==
          "t.xml:1:2: the XML declaration is allowed only at the very start of the document");
    CHECK(error_of("<a><!ELEMENT a ANY></a>") ==
          "t.xml:1:4: unexpected markup \"<!\" in content (a DOCTYPE or declaration belongs before the root)");
}

TEST_CASE("Reference errors", "[xml][errors]") {
    CHECK(error_of("<a>&nbsp;</a>") ==
          "t.xml:1:4: undefined entity &nbsp; (only the five predefined entities and character references are allowed)");
    CHECK(error_of("<a>AT&T</a>") == "t.xml:1:6: missing ';' after entity reference &T");
    CHECK(error_of("<a>a & b</a>") == "t.xml:1:6: '&' must start an entity or character reference (write &amp;)");
    CHECK(error_of("<a>&#0;</a>") == "t.xml:1:4: character reference &#0; is not a valid XML character");
    CHECK(error_of("<a>&#xD800;</a>") == "t.xml:1:4: character reference &#xD800; is not a valid XML character");
    CHECK(error_of("<a>&#x110000;</a>") == "t.xml:1:4: character reference &#x110000; is not a valid XML character");
    CHECK(error_of("<a>&#99999999999999999999;</a>") ==
          "t.xml:1:4: character reference &#99999999999999999999; is not a valid XML character");
    CHECK(error_of("<a>&#;</a>") == "t.xml:1:4: invalid character reference: expected digits after \"&#\"");
    CHECK(error_of("<a>&#65</a>") == "t.xml:1:4: missing ';' after character reference");
    CHECK(error_of("<a x='&foo;'/>") ==
          "t.xml:1:7: undefined entity &foo; (only the five predefined entities and character references are allowed)");
}

TEST_CASE("UTF-8 is validated with the position of the bad byte", "[xml][utf8][errors]") {
    CHECK(error_of("<a>ok\xFF</a>") == "t.xml:1:6: invalid UTF-8: unexpected byte 0xFF");
    CHECK(error_of("<a>\xC3\xA9\xC3</a>") ==
          "t.xml:1:5: invalid UTF-8: truncated sequence (byte 0x3C where a continuation byte belongs)");
    CHECK(error_of("<a>\xC0\xAF</a>") == "t.xml:1:4: invalid UTF-8: overlong encoding (byte 0xC0)");
    CHECK(error_of("<a>\xE0\x80\xAF</a>") == "t.xml:1:4: invalid UTF-8: overlong encoding");
    CHECK(error_of("<a>\xED\xA0\x80</a>") == "t.xml:1:4: invalid UTF-8: encoded surrogate U+D800");
    CHECK(error_of("<a>\xF4\x90\x80\x80</a>") == "t.xml:1:4: invalid UTF-8: code point beyond U+10FFFF");
    CHECK(error_of("<a>x</a>\xE2\x82") == "t.xml:1:9: invalid UTF-8: truncated sequence at the end of the file");
    CHECK(error_of(std::string("<a>\x01</a>")) == "t.xml:1:4: character U+0001 is not allowed in XML");
    CHECK(error_of(std::string("<a>x\0</a>", 9)) == "t.xml:1:5: character U+0000 is not allowed in XML");
    CHECK(error_of("<a>\xEF\xBF\xBF</a>") == "t.xml:1:4: character U+FFFF is not allowed in XML");
    // Columns count characters, not bytes.
    CHECK(error_of("<a>日本語&x</a>") == "t.xml:1:7: missing ';' after entity reference &x");
    CHECK(error_of("\xFE\xFF\0<\0a") == "t.xml:1:1: UTF-16 text is not supported; convert the file to UTF-8");
    CHECK(error_of("<?xml version='1.0' encoding='ISO-8859-1'?><a/>") ==
          "t.xml:1:21: encoding \"ISO-8859-1\" is not supported; convert the file to UTF-8");
    CHECK(trace("<?xml version='1.0' encoding='utf-8' standalone='yes'?><a/>") == "<a></a>");
}

TEST_CASE("XML declaration errors", "[xml][errors]") {
    CHECK(error_of("<?xml version='1.1'?><a/>") == "t.xml:1:7: XML version 1.1 is not supported; only 1.0 is");
    CHECK(error_of("<?xml encoding='UTF-8'?><a/>") ==
          "t.xml:1:7: \"encoding\" is out of place in the XML declaration (version, encoding, standalone)");
    CHECK(error_of("<?xml version='1.0' bogus='1'?><a/>") ==
          "t.xml:1:21: unknown pseudo-attribute \"bogus\" in the XML declaration");
    CHECK(error_of("<?xml version='1.0' standalone='maybe'?><a/>") ==
          "t.xml:1:21: standalone must be \"yes\" or \"no\", got \"maybe\"");
    CHECK(error_of("<?xml?><a/>") == "t.xml:1:8: the XML declaration lacks its version");
}

TEST_CASE("DTD entities are refused: billion laughs and XXE", "[xml][security]") {
    const std::string billion_laughs =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE lolz [\n"
        " <!ENTITY lol \"lol\">\n"
        " <!ENTITY lol2 \"&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;\">\n"
        " <!ENTITY lol3 \"&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;\">\n"
        "]>\n"
        "<lolz>&lol3;</lolz>";
    CHECK(error_of(billion_laughs) ==
          "t.xml:2:16: DOCTYPE with an internal subset is refused: entity and other declarations are not supported");

    const std::string xxe =
        "<?xml version=\"1.0\"?>\n"
        "<!DOCTYPE foo [ <!ENTITY xxe SYSTEM \"file:///etc/passwd\"> ]>\n"
        "<foo>&xxe;</foo>";
    CHECK(error_of(xxe) ==
          "t.xml:2:15: DOCTYPE with an internal subset is refused: entity and other declarations are not supported");

    // An external DTD is named but never read, so its entities stay undefined.
    const std::string external =
        "<!DOCTYPE foo SYSTEM \"http://example.org/evil.dtd\">\n<foo>&xxe;</foo>";
    CHECK(error_of(external) ==
          "t.xml:2:6: undefined entity &xxe; (only the five predefined entities and character references are allowed)");
    CHECK(trace("<!DOCTYPE foo PUBLIC \"-//X//Y\" 'y.dtd'><foo>&amp;</foo>") == "<foo>'&'</foo>");
    CHECK(error_of("<!DOCTYPE a><!DOCTYPE a><a/>") == "t.xml:1:13: a second DOCTYPE");
    CHECK(error_of("<a/><!DOCTYPE a>") == "t.xml:1:5: DOCTYPE after the root element");
}

TEST_CASE("Limits: depth, attributes, token size; deep input cannot overflow the stack", "[xml][limits]") {
    XmlLimits limits;
    limits.max_depth = 3;
    CHECK(trace("<a><b><c/></b></a>", limits) == "<a><b><c></c></b></a>");
    CHECK(error_of("<a><b><c><d/></c></b></a>", limits) == "t.xml:1:10: elements nested deeper than 3 levels");

    // A million open tags: refused at the default limit, without recursion.
    std::string deep;
    for (int i = 0; i < 1000000; ++i) deep += "<a>";
    CHECK(error_of(deep) == "t.xml:1:769: elements nested deeper than 256 levels");

    limits = {};
    limits.max_attributes = 2;
    CHECK(error_of("<a x='1' y='2' z='3'/>", limits) == "t.xml:1:16: more than 2 attributes on one element");
    limits = {};
    limits.max_token_bytes = 8;
    CHECK(error_of("<a>0123456789</a>", limits) == "t.xml:1:13: text longer than 8 bytes");
    CHECK(error_of("<a x='0123456789'/>", limits) == "t.xml:1:16: attribute value longer than 8 bytes");
}

TEST_CASE("The reader streams from an istream across buffer refills", "[xml]") {
    std::string big = "<r>";
    for (int i = 0; i < 20000; ++i) big += "<v n='" + std::to_string(i) + "'>é&amp;</v>\n";
    big += "</r>";
    std::istringstream in(big);
    XmlReader reader(in, "big.xml");
    std::size_t elements = 0, last_line = 0;
    for (;;) {
        const XmlEvent& e = reader.next();
        if (e.kind == XmlEventKind::end_document) break;
        if (e.kind == XmlEventKind::start_element && e.local == "v") {
            ++elements;
            last_line = e.line;
            if (elements == 15000) CHECK(e.attribute("n")->value == "14999");
        }
        if (e.kind == XmlEventKind::text && e.depth == 2) CHECK(e.text == "é&");
    }
    CHECK(elements == 20000);
    CHECK(last_line == 20000);
    CHECK(reader.offset() == big.size());
}

TEST_CASE("read_element builds one subtree; xml_to_json keeps it", "[xml][element]") {
    auto reader = XmlReader::from_string(
        "<r><document-link url='u' xml:lang='en'>\n  <title><narrative>T</narrative></title>\n</document-link><next/></r>",
        "t.xml");
    reader.next();
    const XmlEvent& start = reader.next();
    const XmlElement e = read_element(reader, start);
    CHECK(e.is("document-link"));
    REQUIRE(e.children.size() == 1);
    CHECK(e.children[0].children[0].text == "T");
    CHECK(xml_to_json(e) == nlohmann::json::parse(R"({"element": "document-link",
        "attributes": {"url": "u", "xml:lang": "en"},
        "children": [{"element": "title", "children": [{"element": "narrative", "text": "T"}]}]})"));
    CHECK(reader.next().local == "next");  // the reader continues after the subtree
}

TEST_CASE("XmlWriter escapes so that text reads back unchanged", "[xml][writer]") {
    XmlWriter w;
    w.start("r");
    w.attribute("a", "<&>\"'\t\n\r x");
    w.start("t");
    w.text("a < b & c > d \"q\" \r\n ]]> é");
    w.end();
    w.json_element(nlohmann::json::parse(
        R"({"element": "x", "namespace": "urn:e", "prefix": "e", "attributes": {"{urn:f}k": "v", "xml:lang": "fr"}, "text": "z"})"));
    w.end();
    const std::string xml = w.finish();
    CHECK(trace(xml) == "<r a=<&>\"'\t\n\r x>'\n  '<t>'a < b & c > d \"q\" \r\n ]]> é'</t>'\n  '<{urn:e}x "
                        "{http://www.w3.org/XML/1998/namespace}lang=fr {urn:f}k=v>'z'</x>'\n'</r>");
    XmlWriter bad;
    bad.start("r");
    CHECK_THROWS_WITH(bad.text(std::string("x\0y", 3)), "cannot write text as XML: control character 0 at byte 1");
    CHECK_THROWS_WITH(bad.text("\xFF"), "cannot write text as XML: invalid UTF-8 at byte 0");
    CHECK_THROWS_WITH(bad.start("1x"), "cannot write \"1x\" as an XML name");
}

}  // namespace tocgraph::test
