// Exception translation: the C++ exceptions become the Python classes defined
// in tocgraph/_errors.py, so they are ordinary Python classes (docstrings,
// pickling, isinstance against ValueError) with the C++ details as attributes.
#include "pybind.hpp"

namespace tocgraph::python {

namespace {

/// Text for Python even if it is not valid UTF-8 (a file name, a quoted value).
py::str text(const std::string& s) {
    PyObject* o = PyUnicode_DecodeUTF8(s.data(), static_cast<Py_ssize_t>(s.size()), "replace");
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(o);
}

/// Raises tocgraph._errors.<name>(message, **details) as the current Python error.
void raise_python(const char* name, const std::string& message, const py::dict& details) {
    try {
        py::object cls = py::module_::import("tocgraph._errors").attr(name);
        py::object error = cls(text(message), **details);
        PyErr_SetObject(cls.ptr(), error.ptr());
    } catch (py::error_already_set&) {
        // tocgraph._errors could not be imported or refused the arguments:
        // report the original problem rather than the translation's.
        PyErr_SetString(PyExc_RuntimeError, message.c_str());
    }
}

}  // namespace

void register_errors(py::module_&) {
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const FormatError& e) {
            py::dict details;
            details["file"] = text(e.file());
            details["pointer"] = text(e.pointer());
            details["problem"] = text(e.problem());
            details["line"] = e.line() > 0 ? py::object(py::int_(e.line())) : py::object(py::none());
            details["column"] =
                e.column() > 0 ? py::object(py::int_(e.column())) : py::object(py::none());
            raise_python("FormatError", e.what(), details);
        } catch (const ModelError& e) {
            py::dict details;
            details["id"] = text(e.id());
            raise_python("ModelError", e.what(), details);
        } catch (const Error& e) {
            raise_python("Error", e.what(), py::dict());
        }
    });
}

}  // namespace tocgraph::python
