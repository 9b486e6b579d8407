#pragma once
// GraphML output, for Gephi, yEd, Cytoscape, networkx and igraph.
//
//   std::string xml = tocgraph::to_graphml(toc);
//   tocgraph::save_graphml(toc, "toc.graphml");      // atomic replace
//
// Every member of every node and link is written as a <data> value, driven by
// the elements' JSON form (docs/format.md), so new fields need no change here:
// nested objects become dotted names ("budget.amount", "attributes.cost"),
// arrays are written as JSON text. Each name gets one <key> with a declared
// type: boolean, long or double when every value of that name is one, else
// string. Nodes also carry "label" (the title, which Gephi shows) and
// "indicators" (their indicators as a JSON array); the graph carries the
// document's other members (schema, metadata, actors, assumptions,
// feedback...) as JSON text. Node ids are the ToC's ids when all of them are
// XML name tokens, else n0, n1... in node order (the ToC id is always the
// "id" value). See docs/interop.md.

#include <cstddef>
#include <filesystem>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "../../detail/xml/text.hpp"
#include "../../errors.hpp"
#include "../../file_io.hpp"
#include "../../theory_of_change.hpp"
#include "../detail/graphml_keys.hpp"
#include "../detail/json_fields.hpp"

namespace tocgraph {

/// The GraphML document of a theory of change. Throws Error for text XML 1.0
/// cannot carry (most control characters, invalid UTF-8), naming the element.
inline std::string to_graphml(const TheoryOfChange& toc) {
    using detail::FlatField;
    using detail::OrderedJson;
    const OrderedJson doc = detail::ordered_document(toc);
    static const OrderedJson empty_array = OrderedJson::array();
    const OrderedJson& nodes = doc.contains("nodes") ? doc["nodes"] : empty_array;
    const OrderedJson& links = doc.contains("links") ? doc["links"] : empty_array;

    // The indicators of each node, as a JSON array value.
    std::map<std::string, OrderedJson> indicators;
    if (doc.contains("indicators"))
        for (const OrderedJson& i : doc["indicators"]) {
            auto [it, added] = indicators.try_emplace(i["node"].get<std::string>(), OrderedJson::array());
            it->second.push_back(i);
        }

    detail::GraphmlKeys graph_keys("graph", "g"), node_keys("node", "n"), edge_keys("edge", "e");
    struct Element {
        std::vector<FlatField> fields;
        std::vector<std::string> keys;  // key id of each field
    };
    auto collect = [](detail::GraphmlKeys& keys, std::vector<FlatField> fields) {
        Element e{std::move(fields), {}};
        for (const FlatField& f : e.fields) e.keys.push_back(keys.use(f.path, *f.value));
        return e;
    };

    std::vector<FlatField> graph_fields;
    for (const auto& [member, value] : doc.items())
        if (member != "format" && member != "version" && member != "nodes" && member != "links" &&
            member != "indicators")
            graph_fields.push_back({member, &value});
    const Element graph = collect(graph_keys, graph_fields);

    bool native_ids = true;
    std::vector<OrderedJson> extras;  // label and indicators per node, kept alive for FlatField
    extras.reserve(nodes.size() * 2);
    std::vector<Element> node_elements;
    for (const OrderedJson& n : nodes) {
        std::vector<FlatField> fields;
        detail::flatten_fields(n, "", fields);
        const std::string id = n["id"].get<std::string>();
        native_ids = native_ids && detail::is_ascii_nmtoken(id);
        if (!n.contains("label")) {
            extras.push_back(n.contains("title") ? n["title"] : OrderedJson(""));
            fields.push_back({"label", &extras.back()});
        }
        if (auto it = indicators.find(id); it != indicators.end() && !n.contains("indicators")) {
            extras.push_back(it->second);
            fields.push_back({"indicators", &extras.back()});
        }
        node_elements.push_back(collect(node_keys, std::move(fields)));
    }
    std::vector<Element> edge_elements;
    for (const OrderedJson& l : links) {
        std::vector<FlatField> fields;
        detail::flatten_fields(l, "", fields);
        std::erase_if(fields, [](const FlatField& f) { return f.path == "source" || f.path == "target"; });
        edge_elements.push_back(collect(edge_keys, std::move(fields)));
    }

    std::map<std::string, std::string> xml_id;  // ToC id -> GraphML node id
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const std::string id = nodes[i]["id"].get<std::string>();
        xml_id[id] = native_ids ? id : "n" + std::to_string(i);
    }

    std::string out =
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
        "<graphml xmlns=\"http://graphml.graphdrawing.org/xmlns\"\n"
        "         xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\"\n"
        "         xsi:schemaLocation=\"http://graphml.graphdrawing.org/xmlns "
        "http://graphml.graphdrawing.org/xmlns/1.0/graphml.xsd\">\n";
    graph_keys.write(out);
    node_keys.write(out);
    edge_keys.write(out);
    out += "  <graph id=\"G\" edgedefault=\"directed\">\n";
    auto write_data = [&](const detail::GraphmlKeys& keys, const Element& e, const std::string& indent,
                          const std::string& owner) {
        for (std::size_t k = 0; k < e.fields.size(); ++k) {
            const std::string where = owner + e.fields[k].path;
            out += indent + "<data key=\"" + e.keys[k] + "\">";
            detail::append_xml_escaped(out, keys.text(e.fields[k].path, *e.fields[k].value, where), where);
            out += "</data>\n";
        }
    };
    write_data(graph_keys, graph, "    ", "/");
    for (std::size_t i = 0; i < nodes.size(); ++i) {
        const std::string id = nodes[i]["id"].get<std::string>();
        const std::string pointer = "/nodes/" + std::to_string(i) + "/";
        out += "    <node id=\"";
        detail::append_xml_escaped(out, xml_id[id], pointer + "id");
        out += "\">\n";
        write_data(node_keys, node_elements[i], "      ", pointer);
        out += "    </node>\n";
    }
    for (std::size_t i = 0; i < links.size(); ++i) {
        const std::string pointer = "/links/" + std::to_string(i) + "/";
        out += "    <edge source=\"" + xml_id[links[i]["source"].get<std::string>()] + "\" target=\"" +
               xml_id[links[i]["target"].get<std::string>()] + "\"";
        if (edge_elements[i].fields.empty()) {
            out += "/>\n";
            continue;
        }
        out += ">\n";
        write_data(edge_keys, edge_elements[i], "      ", pointer);
        out += "    </edge>\n";
    }
    out += "  </graph>\n</graphml>\n";
    return out;
}

/// Writes to_graphml(toc) to a file atomically; throws Error.
inline void save_graphml(const TheoryOfChange& toc, const std::filesystem::path& path) {
    write_file_atomically(path, to_graphml(toc));
}

}  // namespace tocgraph
