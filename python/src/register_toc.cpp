// TheoryOfChange: the graph and its elements. Bound with the C++ names; the
// pure-Python class tocgraph.TheoryOfChange (python/tocgraph/_toc.py) wraps it
// with the Pythonic API (keyword fields, toc["id"], iteration, pickling).
//
// Every getter returns copies (value semantics, as in C++). A lookup of an id
// that is absent raises KeyError with the C++ message; edits that would break
// the model raise tocgraph.ModelError.
#include "pybind.hpp"

namespace tocgraph::python {

namespace {

using TOC = TheoryOfChange;

template <typename T>
std::vector<T> copies(const std::vector<const T*>& items) {
    std::vector<T> out;
    out.reserve(items.size());
    for (const T* item : items) out.push_back(*item);
    return out;
}

void require_node(const TOC& toc, const std::string& id) {
    if (!toc.contains(id)) raise_key_error("no node \"" + id + "\"");
}
void require_link(const TOC& toc, const std::string& source, const std::string& target) {
    if (!toc.has_link(source, target))
        raise_key_error("no link \"" + source + "\" -> \"" + target + "\"");
}

/// add / update / remove / get / has / list for one keyed kind of element.
template <typename T, auto Has, auto Get, auto List, auto Add, auto Update, auto Remove>
void def_keyed(py::class_<TOC>& cls, const std::string& what, const std::string& getter,
               const std::string& plural) {
    const std::string& kind = what;  // method suffix: has_KIND, add_KIND, ...
    cls.def(("has_" + kind).c_str(),
            [](const TOC& toc, const std::string& id) { return (toc.*Has)(id); }, py::arg("id"));
    cls.def(
        getter.c_str(),
        [what](const TOC& toc, const std::string& id) -> T {
            if (!(toc.*Has)(id)) raise_key_error("no " + what + " \"" + id + "\"");
            return (toc.*Get)(id);
        },
        py::arg("id"));
    cls.def(plural.c_str(), [](const TOC& toc) -> std::vector<T> { return (toc.*List)(); });
    cls.def(("add_" + kind).c_str(), [](TOC& toc, T value) { (toc.*Add)(std::move(value)); },
            py::arg("value"));
    cls.def(
        ("update_" + kind).c_str(),
        [what](TOC& toc, T value) {
            if (!(toc.*Has)(value.id)) raise_key_error("no " + what + " \"" + value.id + "\"");
            (toc.*Update)(std::move(value));
        },
        py::arg("value"));
    cls.def(
        ("remove_" + kind).c_str(),
        [what](TOC& toc, const std::string& id) {
            if (!(toc.*Has)(id)) raise_key_error("no " + what + " \"" + id + "\"");
            (toc.*Remove)(id);
        },
        py::arg("id"));
}

}  // namespace

void register_toc(py::module_& m) {
    py::class_<TOC> cls(m, "TheoryOfChange",
                        "The compiled theory of change (private: use tocgraph.TheoryOfChange).");
    cls.def(py::init<>())
        .def(py::init<LevelSchema>(), py::arg("schema"))
        .def_property(
            "schema", [](const TOC& toc) { return toc.schema(); },
            [](TOC& toc, LevelSchema schema) { toc.set_schema(std::move(schema)); })
        .def_property(
            "metadata", [](const TOC& toc) { return toc.metadata(); },
            [](TOC& toc, Metadata metadata) { toc.set_metadata(std::move(metadata)); })
        .def("node_count", &TOC::node_count)
        .def("link_count", &TOC::link_count)
        .def("indicator_count", &TOC::indicator_count)
        .def("assumption_count", &TOC::assumption_count)
        .def("actor_count", &TOC::actor_count)
        .def("feedback_count", &TOC::feedback_count)
        // ---- nodes
        .def("has_node", [](const TOC& toc, const std::string& id) { return toc.contains(id); },
             py::arg("id"))
        .def(
            "node",
            [](const TOC& toc, const std::string& id) -> Node {
                if (const Node* n = toc.find_node(id)) return *n;
                raise_key_error("no node \"" + id + "\"");
            },
            py::arg("id"))
        .def("nodes",
             [](const TOC& toc) {
                 std::vector<Node> out;
                 out.reserve(toc.node_count());
                 for (const Node& n : toc.nodes()) out.push_back(n);
                 return out;
             })
        .def(
            "nodes_at", [](const TOC& toc, const std::string& level) { return copies(toc.nodes_at(level)); },
            py::arg("level"))
        .def("add_node", [](TOC& toc, Node node) { toc.add_node(std::move(node)); }, py::arg("value"))
        .def(
            "update_node",
            [](TOC& toc, Node node) {
                require_node(toc, node.id);
                toc.update_node(std::move(node));
            },
            py::arg("value"))
        .def(
            "remove_node",
            [](TOC& toc, const std::string& id) {
                require_node(toc, id);
                toc.remove_node(id);
            },
            py::arg("id"))
        // ---- links
        .def("has_link",
             [](const TOC& toc, const std::string& s, const std::string& t) { return toc.has_link(s, t); },
             py::arg("source"), py::arg("target"))
        .def(
            "link",
            [](const TOC& toc, const std::string& s, const std::string& t) -> Link {
                if (const Link* l = toc.find_link(s, t)) return *l;
                raise_key_error("no link \"" + s + "\" -> \"" + t + "\"");
            },
            py::arg("source"), py::arg("target"))
        .def("links", [](const TOC& toc) { return copies(toc.links()); })
        .def(
            "links_to",
            [](const TOC& toc, const std::string& id) {
                require_node(toc, id);
                return copies(toc.links_to(id));
            },
            py::arg("id"))
        .def(
            "links_from",
            [](const TOC& toc, const std::string& id) {
                require_node(toc, id);
                return copies(toc.links_from(id));
            },
            py::arg("id"))
        .def("add_link", [](TOC& toc, Link link) { toc.add_link(std::move(link)); }, py::arg("value"))
        .def(
            "update_link",
            [](TOC& toc, Link link) {
                require_link(toc, link.source, link.target);
                toc.update_link(std::move(link));
            },
            py::arg("value"))
        .def(
            "remove_link",
            [](TOC& toc, const std::string& s, const std::string& t) {
                require_link(toc, s, t);
                toc.remove_link(s, t);
            },
            py::arg("source"), py::arg("target"))
        // ---- indicators of one node
        .def(
            "indicators_of",
            [](const TOC& toc, const std::string& id) {
                require_node(toc, id);
                return copies(toc.indicators_of(id));
            },
            py::arg("node"))
        // ---- value protocol
        .def(py::self == py::self)
        .def(py::self != py::self)
        .def("__copy__", [](const TOC& toc) { return TOC(toc); })
        .def("__deepcopy__", [](const TOC& toc, py::handle) { return TOC(toc); }, py::arg("memo"));

    def_keyed<Indicator, &TOC::has_indicator, &TOC::indicator,
              static_cast<const std::vector<Indicator>& (TOC::*)() const noexcept>(&TOC::indicators),
              &TOC::add_indicator, &TOC::update_indicator, &TOC::remove_indicator>(cls, "indicator", "indicator",
                                                                                   "indicators");
    def_keyed<Assumption, &TOC::has_assumption, &TOC::assumption,
              static_cast<const std::vector<Assumption>& (TOC::*)() const noexcept>(&TOC::assumptions),
              &TOC::add_assumption, &TOC::update_assumption, &TOC::remove_assumption>(
        cls, "assumption", "assumption", "assumptions");
    def_keyed<Actor, &TOC::has_actor, &TOC::actor,
              static_cast<const std::vector<Actor>& (TOC::*)() const noexcept>(&TOC::actors),
              &TOC::add_actor, &TOC::update_actor, &TOC::remove_actor>(cls, "actor", "actor", "actors");
    def_keyed<Feedback, &TOC::has_feedback,
              static_cast<const Feedback& (TOC::*)(std::string_view) const>(&TOC::feedback),
              static_cast<const std::vector<Feedback>& (TOC::*)() const noexcept>(&TOC::feedback),
              &TOC::add_feedback, &TOC::update_feedback, &TOC::remove_feedback>(cls, "feedback", "feedback_item",
                                                                                "feedback");
}

}  // namespace tocgraph::python
