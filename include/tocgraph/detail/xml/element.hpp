#pragma once
// A small in-memory element tree, built from an XmlReader for one subtree at
// a time (the IATI importer reads one iati-activity into it, never the whole
// file), and its JSON form, which keeps elements the model has no field for
// (document-link, extension elements) so they can be written back unchanged.

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "reader.hpp"

namespace tocgraph::detail {

/// An element: its start tag, what it contains.
struct XmlElement : XmlTag {
    std::vector<XmlElement> children;  ///< child elements, in document order
    std::string text;                  ///< the element's own character data, concatenated

    /// True for the element `name` in no namespace (all IATI elements).
    bool is(std::string_view name) const { return ns.empty() && local == name; }
    /// The value of an attribute in no namespace, or nullptr.
    const std::string* value(std::string_view name) const {
        const XmlAttribute* a = attribute(name);
        return a ? &a->value : nullptr;
    }
    /// True if the text is empty or only XML whitespace.
    bool text_is_blank() const { return text.find_first_not_of(" \t\n\r") == std::string::npos; }
};

/// Reads the rest of the element whose start event `start` was just returned
/// by `reader`, up to and including its end tag. Iterative: the depth is
/// bounded by the reader's limit only.
inline XmlElement read_element(XmlReader& reader, const XmlEvent& start) {
    auto from_start = [](const XmlTag& tag) {
        XmlElement element;
        static_cast<XmlTag&>(element) = tag;
        return element;
    };
    XmlElement root = from_start(start);
    std::vector<XmlElement*> path{&root};
    while (!path.empty()) {
        const XmlEvent& e = reader.next();
        switch (e.kind) {
            case XmlEventKind::start_element:
                path.back()->children.push_back(from_start(e));
                path.push_back(&path.back()->children.back());
                break;
            case XmlEventKind::end_element: path.pop_back(); break;
            case XmlEventKind::text: path.back()->text += e.text; break;
            case XmlEventKind::comment:
            case XmlEventKind::processing_instruction: break;
            case XmlEventKind::end_document:  // the reader reports unclosed elements before this
                throw reader.error("unexpected end of document", e.line, e.column);
        }
    }
    return root;
}

// ---- JSON form -----------------------------------------------------------------------
//
//   {"element": "document-link", "namespace": URI (if any), "prefix": P (if any),
//    "attributes": {"url": "...", "xml:lang": "en", "{URI}local": "..."},
//    "text": "..." (if not blank or if there are no children), "children": [...]}

/// The attribute key used in the JSON form.
inline std::string xml_attribute_key(const XmlAttribute& a) {
    if (a.ns.empty()) return a.local;
    if (a.ns == xml_namespace_uri) return "xml:" + a.local;
    return "{" + a.ns + "}" + a.local;
}

/// The JSON form of an element and its subtree (recursion bounded by the
/// reader's depth limit).
inline nlohmann::json xml_to_json(const XmlElement& e) {
    nlohmann::json out = nlohmann::json::object();
    out["element"] = e.local;
    if (!e.ns.empty()) out["namespace"] = e.ns;
    if (!e.prefix.empty()) out["prefix"] = e.prefix;
    if (!e.attributes.empty()) {
        nlohmann::json attributes = nlohmann::json::object();
        for (const XmlAttribute& a : e.attributes) attributes[xml_attribute_key(a)] = a.value;
        out["attributes"] = std::move(attributes);
    }
    // Whitespace between child elements is indentation, not content.
    if (e.children.empty() ? !e.text.empty() : !e.text_is_blank()) out["text"] = e.text;
    if (!e.children.empty()) {
        nlohmann::json children = nlohmann::json::array();
        for (const XmlElement& c : e.children) children.push_back(xml_to_json(c));
        out["children"] = std::move(children);
    }
    return out;
}

}  // namespace tocgraph::detail
