#pragma once
// The type casters every binding file sees (through bind/bind.hpp):
//
//   nlohmann::json   <-> dict / list / str / int / float / bool / None
//   tocgraph::Date   <-> datetime.date (a "YYYY-MM-DD" string is accepted too)
//   tocgraph enums   <-> str, spelt as in the file format (enums.hpp)
//
// Casters report a bad value themselves (TypeError naming the Python type,
// ValueError naming the accepted values) instead of returning false, so the
// user sees what is wrong rather than pybind11's generic "incompatible
// function arguments". The bindings therefore never overload a function on
// these types: dispatching on argument types happens in the pure-Python
// package.

#include <pybind11/pybind11.h>
#include <pybind11/operators.h>
#include <pybind11/stl.h>
#include <pybind11/stl/filesystem.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <type_traits>
#include <utility>
#include <string_view>
#include <vector>

#include <tocgraph/tocgraph.hpp>

namespace py = pybind11;

namespace tocgraph::python {

/// True for the enums that have an enum_names table (enums.hpp and beside
/// each enum that lives with its area).
template <typename E, typename = void>
struct is_named_enum : std::false_type {};
template <typename E>
struct is_named_enum<E, std::void_t<decltype(enum_names<E>::table)>> : std::is_enum<E> {};

/// The name of an object's Python type, for error messages.
inline std::string type_name(py::handle h) {
    return py::str(py::type::handle_of(h).attr("__qualname__"));
}

/// Text for Python even if it is not valid UTF-8 (a file name, an id read
/// from a damaged file): bad bytes become U+FFFD instead of an exception.
inline py::str text(std::string_view s) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(o);
}

/// JSON containers nested deeper than this are refused when converting from
/// Python (this also stops a list that contains itself). The file format
/// allows 256 levels for the whole document.
inline constexpr int max_json_depth = 256;

/// Why a Python value cannot become JSON, and where (an RFC 6901 pointer
/// built on the way out of the recursion, so only a failing conversion pays
/// for it). `wrong_type` tells a value of a type JSON has no place for (a set,
/// an object) from a value JSON cannot carry (a lone surrogate, infinity).
struct json_conversion_error {
    bool wrong_type;
    std::string pointer;
    std::string problem;
};

namespace json_conversion {

inline std::string pointer_token(std::string_view key) {
    std::string out;
    for (char c : key) out += c == '~' ? "~0" : c == '/' ? "~1" : std::string(1, c);
    return out;
}

/// The UTF-8 bytes of a Python str; a lone surrogate (which UTF-8 cannot hold) is refused.
inline std::string utf8_of(py::handle h) {
    Py_ssize_t size = 0;
    const char* data = PyUnicode_AsUTF8AndSize(h.ptr(), &size);
    if (data) return std::string(data, static_cast<std::size_t>(size));
    PyErr_Clear();
    throw json_conversion_error{false, "", "text " + std::string(py::repr(h)).substr(0, 60) +
                                               " holds a lone surrogate, which UTF-8 cannot encode"};
}

inline nlohmann::json json_value(py::handle h, int depth) {
    if (depth > max_json_depth)
        throw json_conversion_error{false, "", "nesting deeper than " + std::to_string(max_json_depth) + " levels"};
    PyObject* o = h.ptr();
    if (o == Py_None) return nullptr;
    if (PyBool_Check(o)) return o == Py_True;
    if (PyLong_Check(o)) {
        int overflow = 0;
        const long long v = PyLong_AsLongLongAndOverflow(o, &overflow);
        if (overflow == 0) {
            if (v == -1 && PyErr_Occurred()) throw py::error_already_set();
            return static_cast<std::int64_t>(v);
        }
        if (overflow > 0) {
            const unsigned long long u = PyLong_AsUnsignedLongLong(o);
            if (!PyErr_Occurred()) return static_cast<std::uint64_t>(u);
            PyErr_Clear();
        }
        throw json_conversion_error{false, "", "integer " + std::string(py::repr(h)) + " is out of range"};
    }
    if (PyFloat_Check(o)) {
        const double v = PyFloat_AS_DOUBLE(o);
        if (!std::isfinite(v))  // JSON has no spelling for them; a file could not be written back
            throw json_conversion_error{false, "", std::string(py::repr(h)) + " is not a finite number"};
        return v;
    }
    if (PyUnicode_Check(o)) return utf8_of(h);
    if (PyDict_Check(o)) {
        nlohmann::json out = nlohmann::json::object();
        for (auto [key, value] : py::reinterpret_borrow<py::dict>(h)) {
            if (!PyUnicode_Check(key.ptr()))
                throw json_conversion_error{true, "", "object keys must be str, got " + type_name(key)};
            std::string name = utf8_of(key);
            try {
                out[name] = json_value(value, depth + 1);
            } catch (json_conversion_error& e) {
                e.pointer = "/" + pointer_token(name) + e.pointer;
                throw;
            }
        }
        return out;
    }
    if (PyList_Check(o) || PyTuple_Check(o)) {
        nlohmann::json out = nlohmann::json::array();
        std::size_t index = 0;
        for (py::handle item : h) {
            try {
                out.push_back(json_value(item, depth + 1));
            } catch (json_conversion_error& e) {
                e.pointer = "/" + std::to_string(index) + e.pointer;
                throw;
            }
            ++index;
        }
        return out;
    }
    throw json_conversion_error{true, "", "cannot convert " + type_name(h) +
                                              " to JSON: expected dict, list, tuple, str, int, float, bool or None"};
}

}  // namespace json_conversion

/// A Python value as JSON, for a field or argument: TypeError for a type
/// JSON has no place for, ValueError for a value it cannot carry; both name
/// the place inside the value ("at /x/0: ...").
inline nlohmann::json json_from_python(py::handle h) {
    try {
        return json_conversion::json_value(h, 1);
    } catch (const json_conversion_error& e) {
        const std::string message = (e.pointer.empty() ? "" : "at " + e.pointer + ": ") + e.problem;
        if (e.wrong_type) throw py::type_error(message);
        throw py::value_error(message);
    }
}

/// A Python value as a document being read from `source`: every problem is
/// a tocgraph FormatError with its JSON pointer, as a file's would be.
inline nlohmann::json json_document_from_python(py::handle h, const std::string& source) {
    try {
        return json_conversion::json_value(h, 1);
    } catch (const json_conversion_error& e) {
        throw FormatError(source, e.pointer, e.problem);
    }
}

inline py::object json_to_python(const nlohmann::json& j) {
    using value_t = nlohmann::json::value_t;
    switch (j.type()) {
        case value_t::null:
        case value_t::discarded: return py::none();
        case value_t::boolean: return py::bool_(j.get<bool>());
        case value_t::number_integer: return py::int_(j.get<std::int64_t>());
        case value_t::number_unsigned: return py::int_(j.get<std::uint64_t>());
        case value_t::number_float: return py::float_(j.get<double>());
        case value_t::string: return py::str(j.get_ref<const std::string&>());
        case value_t::binary: {
            const auto& b = j.get_binary();
            return py::bytes(reinterpret_cast<const char*>(b.data()), b.size());
        }
        case value_t::array: {
            py::list out(j.size());
            std::size_t i = 0;
            for (const auto& item : j) out[i++] = json_to_python(item);
            return out;
        }
        case value_t::object: {
            py::dict out;
            for (const auto& [key, value] : j.items()) out[py::str(key)] = json_to_python(value);
            return out;
        }
    }
    return py::none();
}

/// The datetime module (a sys.modules lookup after the first call). The
/// datetime C API is not used: its per-translation-unit static does not mix
/// with inline functions shared by several binding files.
inline py::module_ datetime_module() { return py::module_::import("datetime"); }

}  // namespace tocgraph::python

namespace pybind11::detail {

/// A Boxed member converts as std::optional does: None or the value.
template <typename T>
struct type_caster<tocgraph::Boxed<T>> : optional_caster<tocgraph::Boxed<T>> {};

template <>
struct type_caster<nlohmann::json> {
    PYBIND11_TYPE_CASTER(nlohmann::json, const_name("typing.Any"));

    bool load(handle src, bool) {
        if (!src) return false;
        value = tocgraph::python::json_from_python(src);
        return true;
    }
    static handle cast(const nlohmann::json& src, return_value_policy, handle) {
        return tocgraph::python::json_to_python(src).release();
    }
};

template <>
struct type_caster<tocgraph::Date> {
    PYBIND11_TYPE_CASTER(tocgraph::Date, io_name("datetime.date | str", "datetime.date"));

    bool load(handle src, bool) {
        if (!src) return false;
        const module_ datetime = tocgraph::python::datetime_module();
        if (isinstance(src, datetime.attr("datetime")))  // a date too, but its time would be lost
            throw type_error("expected a datetime.date or a \"YYYY-MM-DD\" string, got datetime");
        if (isinstance(src, datetime.attr("date"))) {
            const int y = src.attr("year").cast<int>(), m = src.attr("month").cast<int>(),
                      d = src.attr("day").cast<int>();
            value = tocgraph::Date{y, m, d};
            return true;
        }
        if (PyUnicode_Check(src.ptr())) {
            const auto text = src.cast<std::string>();
            if (auto d = tocgraph::Date::parse(text)) {
                value = *d;
                return true;
            }
            throw value_error("invalid date \"" + text + "\"; expected YYYY-MM-DD");
        }
        throw type_error("expected a datetime.date or a \"YYYY-MM-DD\" string, got " +
                         tocgraph::python::type_name(src));
    }
    static handle cast(const tocgraph::Date& d, return_value_policy, handle) {
        return tocgraph::python::datetime_module().attr("date")(d.year, d.month, d.day).release();
    }
};

// pybind11 3 has its own caster for enums (py::enum_ / py::native_enum);
// step it aside for ours.
#if PYBIND11_VERSION_MAJOR >= 3
template <typename E>
struct type_caster_enum_type_enabled<E, enable_if_t<tocgraph::python::is_named_enum<E>::value>>
    : std::false_type {};
#endif

/// One caster for every tocgraph enum: a Python str spelt as in the file.
/// Measure also accepts its IATI code, an int from 1 to 5, as the file does.
template <typename E>
struct type_caster<E, enable_if_t<tocgraph::python::is_named_enum<E>::value>> {
    PYBIND11_TYPE_CASTER(E, const_name("str"));

    bool load(handle src, bool) {
        if (!src) return false;
        if constexpr (std::is_same_v<E, tocgraph::Measure>) {
            if (PyLong_Check(src.ptr()) && !PyBool_Check(src.ptr())) {
                const long code = PyLong_AsLong(src.ptr());
                if (code == -1 && PyErr_Occurred()) PyErr_Clear();
                if (code < 1 || code > 5)
                    throw value_error("unknown IATI measure code " + std::string(repr(src)) +
                                      "; expected 1 to 5");
                value = static_cast<E>(code);
                return true;
            }
        }
        if (!PyUnicode_Check(src.ptr()))
            throw type_error("expected a str (one of " + tocgraph::enum_choices<E>() + "), got " +
                             tocgraph::python::type_name(src));
        const auto text = src.cast<std::string>();
        auto parsed = tocgraph::parse_enum<E>(text);
        if (!parsed)
            throw value_error("unknown value \"" + text + "\"; expected " +
                              tocgraph::enum_choices<E>());
        value = *parsed;
        return true;
    }
    static handle cast(E src, return_value_policy, handle) {
        const std::string_view name = tocgraph::to_string(src);
        return str(name.data(), name.size()).release();
    }
};

}  // namespace pybind11::detail

