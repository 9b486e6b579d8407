#pragma once
// The private header of the tocgraph Python bindings: every register_<area>.cpp
// includes it first, so all of them share the same casters and helpers.
//
//   casters.hpp  JSON, dates and enums <-> Python
//   errors.hpp   C++ exceptions -> tocgraph.Error and its subclasses
//   links.hpp    nested values that write their changes back (FieldList, FieldDict)
//   fields.hpp   one table per bound struct -> properties, __init__, ==, repr, pickle
//   toc.hpp      the shared, lockable TheoryOfChange and the read/edit protocol
//
// One register_<area>.cpp per submodule of tocgraph._core, mirroring
// include/tocgraph/<area>/; each submodule has its stub in
// python/tocgraph/_core/<area>.pyi.

#include "casters.hpp"
#include "errors.hpp"
#include "fields.hpp"
#include "links.hpp"
#include "toc.hpp"

namespace tocgraph::python {

/// Turns a missing id into a KeyError carrying the message.
[[noreturn]] inline void raise_key_error(const std::string& message) { throw py::key_error(message); }

/// KeyError "no node \"id\"" unless the ToC has a node with this id.
inline void require_node(const TheoryOfChange& toc, const std::string& id) {
    if (!toc.contains(id)) raise_key_error("no node \"" + id + "\"");
}

/// Binds a library query `function(const TheoryOfChange&, args...)` as
/// `name(toc, args...)`, run read-locked without the GIL (toc.hpp).
template <typename Result, typename... Args, typename... Extra>
void def_query(py::module_& m, const char* name, Result (*function)(const TheoryOfChange&, Args...),
               const Extra&... extra) {
    m.def(
        name,
        [function](const SharedToc& toc, Args... args) {
            return read(toc, [&](const TheoryOfChange& t) { return function(t, std::forward<Args>(args)...); });
        },
        py::arg("toc"), extra...);
}

/// The sequence protocol over a vector member of a bound result class.
template <typename T, typename Item>
void def_sequence(py::handle bound, std::vector<Item> T::*items) {
    auto cls = py::reinterpret_borrow<py::class_<T>>(bound);
    cls.def("__len__", [items](const T& self) { return (self.*items).size(); });
    cls.def("__getitem__", [items](const T& self, py::handle index) -> py::object {
        const auto& v = self.*items;
        if (!PyLong_Check(index.ptr())) return py::cast(v)[index];  // a slice
        auto i = index.cast<std::ptrdiff_t>();
        if (i < 0) i += static_cast<std::ptrdiff_t>(v.size());
        if (i < 0 || i >= static_cast<std::ptrdiff_t>(v.size())) throw py::index_error("index out of range");
        return py::cast(v[static_cast<std::size_t>(i)]);
    });
    cls.def("__iter__", [items](const T& self) { return py::iter(py::cast(self.*items)); });
}

/// A read-only property of a computed result, read by `get`: a data member
/// or a function of the value. Lists and values read from it refuse changes
/// with a message saying how to work on a copy (links.hpp).
template <typename T, typename Get, typename... Options>
void def_result(py::class_<T, Options...>& cls, const char* name, Get get, const char* doc) {
    const std::string field = name, where = std::string(py::str(cls.attr("__name__"))) + "." + name;
    cls.def_property(
        name,
        [get, field, where](py::handle self) {
            return read_field(self, field, true, where,
                              [&] { return to_object(std::invoke(get, self.cast<const T&>())); });
        },
        [where](py::handle, py::handle) { refuse_change(where); }, doc);
}

/// Options of type O from keyword arguments, named as its fields.
template <typename O>
O options_from(const py::kwargs& kwargs, const std::string& owner) {
    O options{};
    apply_fields(options, kwargs, owner);
    return options;
}

// One function per area, filling its submodule; _core.cpp names the submodules.
void register_model(py::module_& m);
void register_io(py::module_& m);
void register_analysis(py::module_& m);
void register_lint(py::module_& m);
void register_monitoring(py::module_& m);
void register_render(py::module_& m);
void register_report(py::module_& m);
void register_formats(py::module_& m);
void register_iati(py::module_& m);
void register_versions(py::module_& m);
void register_probability(py::module_& m);

}  // namespace tocgraph::python
