#pragma once
// One table per bound struct: its fields, in order, each with a name, a
// docstring and its conversions. From the table, Struct<T> gives the Python
// class everything a value needs:
//
//   properties         reads through links.hpp (nested values write back); a
//                      computed result's refuse changes with a TypeError saying how
//                      to work on a copy
//   __init__           keyword arguments named as the fields, defaults from
//                      the C++ struct's own initialisers; unknown names raise
//                      TypeError listing the fields
//   replace(**fields)  a copy with some fields changed
//   _fields            the field names, in order
//   ==, copy, repr     C++ == where the struct has one; the repr lists the
//                      fields that differ from a default-constructed value
//   pickling           (version, field values...), refusing other versions
//
// Options structs nest (SvgOptions holds LayoutOptions): flatten() makes the
// nested fields fields of the outer class, so Python passes them all as
// keyword arguments of one call.

#include <algorithm>
#include <concepts>
#include <functional>
#include <limits>
#include <map>
#include <optional>
#include <string>
#include <type_traits>
#include <utility>
#include <vector>

#include <tocgraph/described.hpp>

#include "casters.hpp"
#include "links.hpp"

namespace tocgraph::python {

/// The version number in every pickled value's state.
inline constexpr int pickle_version = 1;

/// Pickling as (pickle_version, the values `save` gives...); `load` gets the
/// values back as a tuple. Another version raises ValueError naming it.
template <typename T, typename Save, typename Load, typename... Options>
void def_pickle(py::class_<T, Options...>& cls, const std::string& name, Save save, Load load) {
    cls.def(py::pickle(
        [save](const T& self) {
            const py::tuple values = save(self);
            py::tuple state(values.size() + 1);
            state[0] = py::int_(pickle_version);
            for (std::size_t i = 0; i < values.size(); ++i) state[i + 1] = values[i];
            return state;
        },
        [name, load](const py::tuple& state) {
            if (state.size() < 1 || !py::isinstance<py::int_>(state[0]) || state[0].cast<long long>() != pickle_version)
                throw py::value_error("cannot unpickle " + name + ": unsupported state version " +
                                      std::string(py::repr(state.size() ? py::object(state[0]) : py::none())) +
                                      " (this version of tocgraph reads " + std::to_string(pickle_version) + ")");
            return load(py::tuple(state[py::slice(1, static_cast<py::ssize_t>(state.size()), 1)]));
        }));
}

/// copy.copy and copy.deepcopy as a C++ copy: a bound value owns what it holds.
template <typename T, typename... Options>
void def_copy(py::class_<T, Options...>& cls) {
    cls.def("__copy__", [](const T& self) { return T(self); });
    cls.def("__deepcopy__", [](const T& self, py::handle) { return T(self); }, py::arg("memo"));
}

/// One field: how to read it as a new Python object and how to set it from one.
template <typename T>
struct FieldSpec {
    std::string name;
    std::string doc;
    std::function<py::object(const T&)> get;
    std::function<void(T&, py::handle)> set;
};

/// The fields of T, filled once by Struct<T> (flatten() reads them).
template <typename T>
std::vector<FieldSpec<T>>& fields_of() {
    static auto* fields = new std::vector<FieldSpec<T>>;
    return *fields;
}

template <typename M> struct is_optional : std::false_type {};
template <typename M> struct is_optional<std::optional<M>> : std::true_type {};
template <typename M> struct is_optional<Boxed<M>> : std::true_type {};
template <typename M> struct is_vector : std::false_type {};
template <typename M> struct is_vector<std::vector<M>> : std::true_type {};
template <typename M> struct is_map : std::false_type {};
template <typename K, typename V> struct is_map<std::map<K, V>> : std::true_type {};

/// "a Period" for a struct bound as a Python class, else "a valid value" (a
/// date, an enum, JSON: types Python holds as its own values). Looked up at run
/// time: only a bound class's value converts to an instance of it.
template <typename M>
std::string a_bound_class() {
    try {
        const py::object sample = py::cast(M{});
        if (py::isinstance<M>(sample)) return "a " + std::string(py::str(py::type::of(sample).attr("__name__")));
    } catch (const std::exception&) {  // a default value Python cannot hold: not a bound class either
    }
    return "a valid value";
}

/// What a field of type M takes, in words ("a number", "a list or None").
template <typename M>
std::string expected() {
    if constexpr (is_optional<M>::value) return expected<typename M::value_type>() + " or None";
    else if constexpr (std::is_same_v<M, bool>) return "a bool";
    else if constexpr (std::is_integral_v<M>) return "an int";
    else if constexpr (std::is_floating_point_v<M>) return "a number";
    else if constexpr (std::is_convertible_v<M, std::string_view>) return "a str";
    else if constexpr (is_vector<M>::value) return "a list";
    else if constexpr (is_map<M>::value) return "a mapping";
    else if constexpr (std::is_class_v<M> && std::is_default_constructible_v<M> && !std::is_base_of_v<py::handle, M>)
        return a_bound_class<M>();
    else return "a valid value";
}

/// Python's repr of a C++ value, for hand-written reprs.
template <typename M>
std::string repr_of(const M& value) {
    return std::string(py::repr(py::cast(value)));
}

/// A C++ value as a new Python object (a Python object as itself).
template <typename M>
py::object to_object(const M& value) {
    if constexpr (std::is_base_of_v<py::handle, M>)
        return py::reinterpret_borrow<py::object>(value);
    else
        return py::cast(value);
}

/// A field read and written as its C++ type; a value of another type raises
/// TypeError naming the field ("statuses: list is not a mapping").
template <typename T, typename M>
FieldSpec<T> member(const char* name, M T::*m, const char* doc) {
    const std::string field = name;
    return {name, doc, [m](const T& t) { return to_object(t.*m); },
            [m, field](T& t, py::handle v) {
                try {
                    t.*m = v.cast<M>();
                } catch (const py::cast_error&) {
                    throw py::type_error(field + ": " + type_name(v) + " is not " + expected<M>());
                }
            }};
}

/// `attributes`: user data kept verbatim, a dict of JSON values or None.
template <typename T>
FieldSpec<T> attributes_field() {
    return {"attributes", "User data kept verbatim through every read and write: a dict of JSON values, or None.",
            [](const T& t) { return json_to_python(t.attributes); },
            [](T& t, py::handle v) {
                if (!v.is_none() && !PyDict_Check(v.ptr()))
                    throw py::type_error("attributes must be a dict or None, got " + type_name(v));
                t.attributes = json_from_python(v);
            }};
}

/// A whole number field (a count, a seed) with a lower bound, checked with
/// messages naming the field: "nodes must be at least 3, got 2".
template <typename T, typename M>
FieldSpec<T> count_member(const char* name, M T::*m, M minimum, const char* doc) {
    const std::string field = name;
    return {name, doc, [m](const T& t) { return py::cast(t.*m); },
            [m, field, minimum](T& t, py::handle v) {
                if (PyBool_Check(v.ptr()) || !PyLong_Check(v.ptr()))
                    throw py::type_error(field + " must be an int, got " + type_name(v));
                const py::int_ number = py::reinterpret_borrow<py::int_>(v);
                if (number < py::int_(minimum))
                    throw py::value_error(field + " must be at least " + std::to_string(minimum) + ", got " +
                                          std::string(py::str(number)));
                if (number > py::int_(std::numeric_limits<M>::max()))
                    throw py::value_error(field + " must be below 2**" + std::to_string(8 * sizeof(M)) + ", got " +
                                          std::string(py::str(number)));
                t.*m = number.cast<M>();
            }};
}

/// A count field where None stands for 0 ("let the library choose"); any
/// other value is checked as count_member checks it, from `minimum` up.
template <typename T, typename M>
FieldSpec<T> optional_count_member(const char* name, M T::*m, M minimum, const char* doc) {
    return {name, doc, [m](const T& t) { return t.*m ? py::cast(t.*m) : py::none(); },
            [m, count = count_member(name, m, minimum, "")](T& t, py::handle v) {
                if (v.is_none())
                    t.*m = 0;
                else
                    count.set(t, v);
            }};
}

/// The field of T called `field`; TypeError listing the fields otherwise.
template <typename T>
const FieldSpec<T>& field_named(const std::string& owner, const std::string& field) {
    for (const FieldSpec<T>& f : fields_of<T>())
        if (f.name == field) return f;
    std::string names;
    for (const FieldSpec<T>& f : fields_of<T>()) names += (names.empty() ? "" : ", ") + f.name;
    throw py::type_error(owner + "() got an unexpected keyword argument '" + field + "'; its fields are " + names);
}

/// Sets the fields named by the keys of `changes`.
template <typename T>
void apply_fields(T& value, const py::dict& changes, const std::string& owner) {
    for (auto [key, item] : changes) field_named<T>(owner, py::str(key)).set(value, item);
}

enum class Access { read_write, read_only };

template <typename T, typename... Options>
class Struct {
public:
    using Class = py::class_<T, Options...>;

    Struct(py::handle scope, const char* name, const char* doc, Access access = Access::read_write)
        : cls_(scope, name, doc), name_(name), access_(access) {}

    Struct& field(FieldSpec<T> spec) {
        const std::string name = spec.name, where = name_ + "." + name;
        const bool readonly = access_ == Access::read_only;
        auto get = spec.get;
        auto getter = py::cpp_function(
            [get, name, where, readonly](py::handle self) {
                return read_field(self, name, readonly, where, [&] { return get(self.cast<const T&>()); });
            },
            py::is_method(cls_));
        auto set = spec.set;
        auto setter = py::cpp_function(
            [set, name, where, readonly](py::handle self, py::handle value) {
                if (readonly)  // a computed result: immutable, as a namedtuple
                    throw py::attribute_error(where + " is read-only (a computed result); " +
                                              "use .replace(" + name + "=...) for a changed copy");
                before_change(self);
                set(self.cast<T&>(), value);
                after_change(self, name);
            },
            py::is_method(cls_));
        cls_.def_property(name.c_str(), getter, setter, spec.doc.c_str());
        fields_of<T>().push_back(std::move(spec));
        return *this;
    }
    /// A data member of T or of a base of T (DotOptions' shared label options).
    template <typename M, typename Owner>
        requires std::is_base_of_v<Owner, T>
    Struct& field(const char* name, M Owner::*m, const char* doc) {
        return field(member(name, static_cast<M T::*>(m), doc));
    }
    /// Every field Described<T> lists (tocgraph/described.hpp), in its order.
    Struct& described_fields()
        requires described<T>
    {
        for_each_field<T>([&](const auto& f) { field(f.name, f.member, f.doc); });
        return *this;
    }
    /// The fields of the nested struct N (bound before), as fields of this one.
    template <typename N>
    Struct& flatten(N T::*m) {
        for (const FieldSpec<N>& f : fields_of<N>())
            field(FieldSpec<T>{f.name, f.doc, [m, get = f.get](const T& t) { return get(t.*m); },
                               [m, set = f.set](T& t, py::handle v) { set(t.*m, v); }});
        return *this;
    }
    /// The first `count` fields may be given positionally too.
    Struct& positional(std::size_t count) {
        positional_ = count;
        return *this;
    }
    /// Fields without a sensible default: __init__ needs them.
    Struct& required(std::vector<std::string> names) {
        required_ = std::move(names);
        return *this;
    }
    /// Fields the repr shows even at their default value.
    Struct& always_shown(std::vector<std::string> names) {
        shown_ = std::move(names);
        return *this;
    }
    /// Iterating yields the fields' values in order, so a result unpacks like
    /// a tuple: `toc, findings = result`.
    Struct& unpacks() {
        unpacks_ = true;
        return *this;
    }
    /// A repr of its own, for results whose fields are too many to list.
    Struct& repr(std::function<std::string(const T&)> make) {
        repr_ = std::move(make);
        return *this;
    }
    Class& cls() { return cls_; }

    /// Adds the constructor and the value protocol; call after the last field.
    Class& finish() {
        const std::string name = name_;
        const std::size_t positional = positional_;
        const std::vector<std::string> required = required_, shown = shown_;
        py::tuple names(fields_of<T>().size());
        for (std::size_t i = 0; i < fields_of<T>().size(); ++i) names[i] = py::str(fields_of<T>()[i].name);
        cls_.attr("_fields") = names;
        if (access_ == Access::read_write) Links::get().value_types.insert(reinterpret_cast<PyTypeObject*>(cls_.ptr()));

        cls_.def(py::init([name, positional, required](const py::args& args, const py::kwargs& kwargs) {
            if (args.size() > positional)
                throw py::type_error(positional == 0 ? name + "() takes keyword arguments only"
                                                     : name + "() takes at most " + std::to_string(positional) +
                                                           " positional arguments");
            T value{};
            std::vector<std::string> given;
            for (std::size_t i = 0; i < args.size(); ++i) {
                fields_of<T>()[i].set(value, args[i]);
                given.push_back(fields_of<T>()[i].name);
            }
            for (auto [key, item] : kwargs) {
                const std::string field = py::str(key);
                if (std::find(given.begin(), given.end(), field) != given.end())
                    throw py::type_error(name + "() got several values for " + field);
                field_named<T>(name, field).set(value, item);
                given.push_back(field);
            }
            for (const std::string& r : required)
                if (std::find(given.begin(), given.end(), r) == given.end())
                    throw py::type_error(name + "() missing required argument " + r);
            return value;
        }));
        cls_.def(
            "replace",
            [name](const T& self, const py::kwargs& changes) {
                T value = self;
                apply_fields(value, changes, name);
                return value;
            },
            ("A copy of this " + name + " with the fields given changed.").c_str());
        cls_.def("__eq__", [](const T& a, py::handle b) -> py::object {
            if (!py::isinstance<T>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(equal(a, b.cast<const T&>()));
        });
        cls_.def("__ne__", [](const T& a, py::handle b) -> py::object {
            if (!py::isinstance<T>(b)) return py::reinterpret_borrow<py::object>(Py_NotImplemented);
            return py::bool_(!equal(a, b.cast<const T&>()));
        });
        cls_.attr("__hash__") = py::none();
        if (unpacks_)  // through the properties, so a computed result's lists stay read-only
            cls_.def("__iter__", [](py::handle self) {
                py::tuple values(fields_of<T>().size());
                for (std::size_t i = 0; i < fields_of<T>().size(); ++i)
                    values[i] = self.attr(fields_of<T>()[i].name.c_str());
                return py::iter(values);
            });
        def_copy(cls_);
        cls_.def("__repr__", [name, shown, make = repr_](const T& self) {
            if (make) return make(self);
            static const T defaults{};
            std::string out = name + "(";
            bool first = true;
            for (const FieldSpec<T>& f : fields_of<T>()) {
                py::object value = f.get(self);
                if (std::find(shown.begin(), shown.end(), f.name) == shown.end() && value.equal(f.get(defaults)))
                    continue;
                out += (first ? "" : ", ") + f.name + "=" + std::string(py::repr(value));
                first = false;
            }
            return out + ")";
        });
        def_pickle(
            cls_, name,
            [](const T& self) {
                py::tuple values(fields_of<T>().size());
                for (std::size_t i = 0; i < fields_of<T>().size(); ++i) values[i] = fields_of<T>()[i].get(self);
                return values;
            },
            [name](const py::tuple& values) {
                if (values.size() != fields_of<T>().size())
                    throw py::value_error("cannot unpickle " + name + ": expected " +
                                          std::to_string(fields_of<T>().size()) + " field values");
                T value{};
                for (std::size_t i = 0; i < values.size(); ++i) fields_of<T>()[i].set(value, values[i]);
                return value;
            });
        return cls_;
    }

private:
    static bool equal(const T& a, const T& b) {
        if constexpr (std::equality_comparable<T>) {
            return a == b;
        } else {
            for (const FieldSpec<T>& f : fields_of<T>())
                if (!f.get(a).equal(f.get(b))) return false;
            return true;
        }
    }

    Class cls_;
    std::string name_;
    Access access_;
    bool unpacks_ = false;
    std::size_t positional_ = 0;
    std::vector<std::string> required_, shown_;
    std::function<std::string(const T&)> repr_;
};

}  // namespace tocgraph::python
