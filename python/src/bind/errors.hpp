#pragma once
// C++ exceptions -> the Python classes of tocgraph/_errors.py, which are
// ordinary Python classes (docstrings, pickling, isinstance against
// ValueError) with the C++ details as attributes:
//
//   tocgraph::FormatError -> FormatError (file, pointer, problem, line, column)
//   tocgraph::CycleError  -> CycleError  (id, cycle)
//   tocgraph::ModelError  -> ModelError  (id)
//   tocgraph::InferenceTooLarge      -> InferenceTooLarge (variable, clique_size)
//   tocgraph::ImpossibleObservations -> ImpossibleObservations
//   tocgraph::Error       -> Error

#include <tocgraph/analysis/order.hpp>
#include <tocgraph/probability/errors.hpp>

#include "casters.hpp"

namespace tocgraph::python {

/// Raises tocgraph._errors.<name>(message, **details) as the current Python error.
inline void raise_python_error(const char* name, const std::string& message, const py::dict& details) {
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

inline void register_error_translators() {
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const FormatError& e) {
            py::dict details;
            details["file"] = text(e.file());
            details["pointer"] = text(e.pointer());
            details["problem"] = text(e.problem());
            details["line"] = e.line() > 0 ? py::object(py::int_(e.line())) : py::object(py::none());
            details["column"] = e.column() > 0 ? py::object(py::int_(e.column())) : py::object(py::none());
            raise_python_error("FormatError", e.what(), details);
        } catch (const ModelError& e) {
            py::dict details;
            details["id"] = text(e.id());
            if (const auto* cycle = dynamic_cast<const CycleError*>(&e)) {
                py::list ids;
                for (const std::string& id : cycle->cycle()) ids.append(text(id));
                details["cycle"] = ids;
                raise_python_error("CycleError", e.what(), details);
            } else {
                raise_python_error("ModelError", e.what(), details);
            }
        } catch (const InferenceTooLarge& e) {
            py::dict details;
            details["variable"] = text(e.variable());
            details["clique_size"] = py::int_(e.clique_size());
            raise_python_error("InferenceTooLarge", e.what(), details);
        } catch (const ImpossibleObservations& e) {
            raise_python_error("ImpossibleObservations", e.what(), py::dict());
        } catch (const Error& e) {
            raise_python_error("Error", e.what(), py::dict());
        }
    });
}

}  // namespace tocgraph::python
