#pragma once
// Nested values that stay attached to what they were read from.
//
// A C++ struct field holding a list, a dict or another struct reaches Python
// as a new object. Left alone, `ind.targets[0].value = 99` or
// `node.tags.append("x")` would change that object and nothing else. Here
// every such object remembers where it was read from (its Origin), and a change
// to it is written back there, level by level, up to the object the user
// holds: `toc.metadata.sources[0].title = "x"` reaches the theory of change.
//
// The rules, which are those of ordinary Python objects:
// - reading a field twice gives the same object, until the field is assigned;
// - assigning a field detaches the object read from it before (a change to
//   the old object then stays in it, as with any Python object replaced);
// - putting a value into a list or dict field stores a copy (as assigning a
//   field does), so the value passed in stays the caller's;
// - a value read from a computed result (a roll-up, a diff...) or from an
//   immutable one (LevelSchema) refuses changes with a TypeError saying how
//   to work on a copy.
//
// The lists and dicts are FieldList and FieldDict, subclasses of list and
// dict, so they compare, print, pickle and convert to JSON as plain ones.
// Everything here runs with the GIL held.

#include <map>
#include <optional>
#include <string>
#include <unordered_map>
#include <unordered_set>
#include <utility>

#include "casters.hpp"

namespace tocgraph::python {

/// Where a nested value was read from.
struct Origin {
    py::object parent;      ///< the object it was read from, kept alive by it
    std::string field;      ///< its field there; "" for an item of a FieldList or FieldDict
    bool readonly = false;  ///< refuse changes (part of a computed or immutable value)
    std::string where;      ///< "Indicator.targets", for messages
};

/// The links of the values alive now, and the object each field last gave.
class Links {
public:
    /// Never destroyed: its Python objects must not outlive the interpreter.
    static Links& get() {
        static Links* links = new Links;
        return *links;
    }

    const Origin* find(py::handle child) const {
        auto it = links_.find(child.ptr());
        return it == links_.end() ? nullptr : &it->second;
    }
    bool readonly(py::handle obj) const {
        const Origin* link = find(obj);
        return link && link->readonly;
    }

    /// Attaches `child` to `link.parent`; when the link names a field, reads
    /// of that field give `child` from now on.
    void attach(py::handle child, Origin link) {
        if (!watchers_.count(child.ptr())) {
            PyObject* key = child.ptr();
            watchers_.emplace(key, py::weakref(child, py::cpp_function([key](py::handle) { get().forget(key); })));
        }
        if (!link.field.empty()) cache_[link.parent.ptr()][link.field] = child.ptr();
        std::optional<Origin> old;
        if (auto it = links_.find(child.ptr()); it != links_.end()) old = std::move(it->second);
        links_[child.ptr()] = std::move(link);
    }  // `old` (and the parent it holds) dies here, once the maps are consistent

    /// The object a field of `parent` gave last, if it is still attached.
    py::object cached(py::handle parent, const std::string& field) const {
        auto it = cache_.find(parent.ptr());
        if (it == cache_.end()) return {};
        auto f = it->second.find(field);
        if (f == it->second.end()) return {};
        return py::reinterpret_borrow<py::object>(f->second);
    }

    /// `parent.field` was assigned: what was read from it before is detached.
    void invalidate(py::handle parent, const std::string& field) {
        if (py::object child = cached(parent, field)) forget(child.ptr());
    }

    /// Makes `child` independent (it was replaced, or is being destroyed).
    void forget(PyObject* child) {
        std::optional<Origin> dead;
        if (auto it = links_.find(child); it != links_.end()) {
            dead = std::move(it->second);
            links_.erase(it);
            if (!dead->field.empty()) uncache(dead->parent.ptr(), dead->field, child);
        }
        py::object watcher;
        if (auto w = watchers_.find(child); w != watchers_.end()) {
            watcher = std::move(w->second);
            watchers_.erase(w);
        }
    }  // `dead` and `watcher` die here, once the maps are consistent

    /// The classes whose instances are mutable values (Node, Period, ...).
    std::unordered_set<PyTypeObject*> value_types;
    /// FieldList and FieldDict, created by register_links.
    py::object list_type, dict_type;

private:
    void uncache(PyObject* parent, const std::string& field, PyObject* child) {
        auto it = cache_.find(parent);
        if (it == cache_.end()) return;
        auto f = it->second.find(field);
        if (f != it->second.end() && f->second == child) it->second.erase(f);
        if (it->second.empty()) cache_.erase(it);
    }

    std::unordered_map<PyObject*, Origin> links_;
    std::unordered_map<PyObject*, std::map<std::string, PyObject*>> cache_;  ///< borrowed: a child keeps its parent alive
    std::unordered_map<PyObject*, py::object> watchers_;                     ///< weak references that forget a dead child
};

inline bool is_field_container(py::handle obj) {
    const Links& links = Links::get();
    return py::isinstance(obj, links.list_type) || py::isinstance(obj, links.dict_type);
}

/// The error for a change to something read-only, saying how to work on a copy:
/// AttributeError for an attribute (as Python's read-only properties), TypeError
/// for changing a list or dict (as a tuple's).
[[noreturn]] inline void refuse_change(const std::string& where, bool container = false) {
    const std::string message = where +
                                " is read-only; change a copy instead: copy.copy(value) for a value, "
                                "list(...) or dict(...) for a collection";
    if (container) throw py::type_error(message);
    throw py::attribute_error(message);
}

/// "Indicator.targets is read-only; ..." when `obj` must not change.
inline void require_writable(py::handle obj) {
    const Origin* link = Links::get().find(obj);
    if (link && link->readonly) refuse_change(link->where, is_field_container(obj));
}
inline bool is_value(py::handle obj) { return Links::get().value_types.count(Py_TYPE(obj.ptr())) > 0; }

inline void adopt_items(py::handle container, bool readonly, const std::string& where, bool fresh);

/// `value`, read from parent.field (field "" : an item of the container
/// `parent`), as a live part of it: plain lists and dicts become FieldList and
/// FieldDict, and those and mutable values are linked. Anything else (a str,
/// a number, a computed result) is returned as it is.
inline py::object attach(py::object value, py::handle parent, const std::string& field, bool readonly,
                         const std::string& where, bool fresh = true) {
    Links& links = Links::get();
    const bool list = PyList_Check(value.ptr()), dict = PyDict_Check(value.ptr());
    if (list || dict) {
        if (!fresh || is_field_container(value)) value = (list ? py::type::of(py::list()) : py::type::of(py::dict()))(value);
        value = (list ? links.list_type : links.dict_type)(value);
        adopt_items(value, readonly, where, fresh);
    } else if (is_value(value)) {
        if (!fresh) value = value.attr("__copy__")();
    } else {
        return value;
    }
    links.attach(value, Origin{py::reinterpret_borrow<py::object>(parent), field, readonly, where});
    return value;
}

/// Links the items of a FieldList or FieldDict to it. After a change made
/// through it (`fresh` false), an item that is not yet its own (a value the
/// caller passed in) is replaced by a linked copy.
inline void adopt_items(py::handle container, bool readonly, const std::string& where, bool fresh) {
    Links& links = Links::get();
    auto own = [&](py::handle item) {
        const Origin* link = links.find(item);
        return link && link->parent.ptr() == container.ptr() && link->field.empty();
    };
    auto adopted = [&](py::handle item) -> py::object {
        auto value = py::reinterpret_borrow<py::object>(item);
        if (own(item) || !(PyList_Check(item.ptr()) || PyDict_Check(item.ptr()) || is_value(item))) return {};
        return attach(value, container, "", readonly, where, fresh && !is_field_container(item));
    };
    if (PyList_Check(container.ptr())) {
        const Py_ssize_t n = PyList_GET_SIZE(container.ptr());
        for (Py_ssize_t i = 0; i < n; ++i)
            if (py::object item = adopted(PyList_GET_ITEM(container.ptr(), i)))
                PyList_SetItem(container.ptr(), i, item.release().ptr());  // steals the reference
    } else {
        std::vector<std::pair<py::object, py::object>> replaced;
        for (auto [key, item] : py::reinterpret_borrow<py::dict>(container))
            if (py::object value = adopted(item))
                replaced.emplace_back(py::reinterpret_borrow<py::object>(key), std::move(value));
        for (auto& [key, value] : replaced)
            if (PyDict_SetItem(container.ptr(), key.ptr(), value.ptr()) != 0) throw py::error_already_set();
    }
}

/// True if the container holds this very object.
inline bool holds(py::handle container, py::handle child) {
    if (PyList_Check(container.ptr())) {
        for (py::handle item : py::reinterpret_borrow<py::list>(container))
            if (item.ptr() == child.ptr()) return true;
    } else {
        for (auto entry : py::reinterpret_borrow<py::dict>(container))
            if (entry.second.ptr() == child.ptr()) return true;
    }
    return false;
}

/// `child` changed: writes it back where it was read from, and so on upwards.
inline void write_back(py::handle child) {
    Links& links = Links::get();
    const Origin* found = links.find(child);
    if (!found) return;
    Origin link = *found;
    if (link.field.empty()) {
        if (holds(link.parent, child))
            write_back(link.parent);
        else
            links.forget(child.ptr());  // removed from its container meanwhile: it is on its own
        return;
    }
    // The parent's setter detaches `child` (a field was assigned) and writes
    // the parent back in turn; `child` is then still what the field holds.
    py::setattr(link.parent, link.field.c_str(), child);
    links.attach(child, std::move(link));
}

/// Reads a field through the cache: `make` gives its value as a new object.
template <class Make>
py::object read_field(py::handle self, const std::string& field, bool readonly, const std::string& where, Make&& make) {
    if (py::object cached = Links::get().cached(self, field)) return cached;
    return attach(make(), self, field, readonly || Links::get().readonly(self), where);
}

/// Around a setter: refuse a read-only object, then detach what was read from
/// the field and write the object back where it came from.
inline void before_change(py::handle self) { require_writable(self); }
inline void after_change(py::handle self, const std::string& field) {
    Links::get().invalidate(self, field);
    write_back(self);
}

/// Creates FieldList and FieldDict in `m`: list and dict whose changing
/// methods check, adopt and write back.
inline void register_links(py::module_& m) {
    Links& links = Links::get();
    auto make = [&](const char* name, py::handle base, std::initializer_list<const char*> changers, const char* doc) {
        py::dict ns;
        ns["__doc__"] = doc;
        ns["__module__"] = m.attr("__name__");
        py::object cls = py::reinterpret_borrow<py::object>(reinterpret_cast<PyObject*>(&PyType_Type))(
            name, py::make_tuple(base), ns);
        for (const char* method : changers) {
            py::object original = base.attr(method);
            cls.attr(method) = py::cpp_function(
                [original](py::handle self, py::args args, py::kwargs kwargs) {
                    require_writable(self);
                    py::object result = original(self, *args, **kwargs);
                    const Origin* link = Links::get().find(self);
                    adopt_items(self, false, link ? link->where : std::string(), false);
                    write_back(self);
                    return result;
                },
                py::name(method), py::is_method(cls));
        }
        // Copies and pickles are plain lists and dicts, attached to nothing.
        cls.attr("__reduce__") = py::cpp_function(
            [base](py::handle self) { return py::make_tuple(base, py::make_tuple(base(self))); }, py::name("__reduce__"),
            py::is_method(cls));
        return cls;
    };
    const py::handle list = reinterpret_cast<PyObject*>(&PyList_Type), dict = reinterpret_cast<PyObject*>(&PyDict_Type);
    links.list_type = make("FieldList", list,
                           {"append", "extend", "insert", "remove", "pop", "clear", "sort", "reverse", "__setitem__",
                            "__delitem__", "__iadd__", "__imul__"},
                           "A list read from a field: changing it changes the field.");
    links.dict_type = make("FieldDict", dict,
                           {"__setitem__", "__delitem__", "clear", "pop", "popitem", "setdefault", "update", "__ior__"},
                           "A dict read from a field: changing it changes the field.");
    m.attr("FieldList") = links.list_type;
    m.attr("FieldDict") = links.dict_type;
}

}  // namespace tocgraph::python
