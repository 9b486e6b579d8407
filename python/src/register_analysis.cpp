// The analyses (include/tocgraph/analysis/): bound as functions over the
// compiled TheoryOfChange; tocgraph/analysis.py gives them keyword arguments,
// result classes and pandas conversions, and TheoryOfChange methods call those.
//
// Each function checks its ids first (KeyError naming the id, as the rest of
// the package does), runs the C++ analysis with the GIL released, and builds
// the Python result afterwards. Results that list nodes are built straight
// from the graph's vertex marks, so a million ids become Python strings
// without first being copied into C++ strings.
#include "pybind.hpp"

#include <algorithm>
#include <numeric>
#include <optional>

#include <tocgraph/analysis.hpp>

namespace tocgraph::python {

namespace {

using TOC = TheoryOfChange;

void require_node(const TOC& toc, const std::string& id) {
    if (!toc.contains(id)) raise_key_error("no node \"" + id + "\"");
}

py::str id_text(const std::string& id) {
    PyObject* o = PyUnicode_DecodeUTF8(id.data(), static_cast<Py_ssize_t>(id.size()), "replace");
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::str>(o);
}

/// The ids of the vertices in `order`, as a Python list.
py::list id_list(const TOC& toc, const std::vector<std::size_t>& order) {
    py::list out(order.size());
    for (std::size_t i = 0; i < order.size(); ++i)
        PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), id_text(toc.graph()[order[i]].id).release().ptr());
    return out;
}

/// The ids of the marked vertices, in node insertion order, as a Python list.
py::list id_list(const TOC& toc, const std::vector<char>& marked) {
    std::vector<std::size_t> order;
    order.reserve(static_cast<std::size_t>(std::count(marked.begin(), marked.end(), char(1))));
    for (std::size_t v = 0; v < marked.size(); ++v)
        if (marked[v]) order.push_back(v);
    return id_list(toc, order);
}

/// An exact Python int, also beyond 64 bits (through the decimal digits).
py::int_ to_python(const BigCount& count) {
    if (count.fits_u64()) return py::int_(static_cast<unsigned long long>(count.to_u64()));
    const std::string digits = count.to_string();
    PyObject* o = PyLong_FromString(digits.c_str(), nullptr, 10);
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::int_>(o);
}

/// Runs `work` with the GIL released and returns its result.
template <typename F>
auto released(F&& work) {
    py::gil_scoped_release release;
    return work();
}

}  // namespace

void register_analysis(py::module_& m) {
    // CycleError before the generic ModelError translation (register_errors):
    // pybind11 tries the translators registered last first.
    py::register_exception_translator([](std::exception_ptr p) {
        try {
            if (p) std::rethrow_exception(p);
        } catch (const CycleError& e) {
            py::list cycle;
            for (const std::string& id : e.cycle()) cycle.append(id_text(id));
            py::dict details;
            details["id"] = id_text(e.id());
            details["cycle"] = cycle;
            try {
                py::object cls = py::module_::import("tocgraph._errors").attr("CycleError");
                py::object error = cls(id_text(e.what()), **details);
                PyErr_SetObject(cls.ptr(), error.ptr());
            } catch (py::error_already_set&) {
                PyErr_SetString(PyExc_RuntimeError, e.what());
            }
        }
    });

    m.def(
        "contributors",
        [](const TOC& toc, const std::string& id, std::optional<std::string> level) {
            require_node(toc, id);
            const std::size_t v = toc.vertex_of(id);
            const auto marked = released([&] {
                return detail::contributor_marks(
                    toc, v, level ? std::optional<std::string_view>(*level) : std::nullopt);
            });
            return id_list(toc, marked);
        },
        py::arg("toc"), py::arg("id"), py::arg("level") = py::none());
    m.def(
        "effects",
        [](const TOC& toc, const std::string& id) {
            require_node(toc, id);
            const std::size_t v = toc.vertex_of(id);
            return id_list(toc, released([&] { return detail::effect_marks(toc, v); }));
        },
        py::arg("toc"), py::arg("id"));
    m.def(
        "paths",
        [](const TOC& toc, const std::string& source, const std::string& target, std::size_t limit) {
            require_node(toc, source);
            require_node(toc, target);
            return released([&] { return tocgraph::paths(toc, source, target, limit); });
        },
        py::arg("toc"), py::arg("source"), py::arg("target"), py::arg("limit"));
    m.def(
        "count_paths",
        [](const TOC& toc, const std::string& source, const std::string& target) {
            require_node(toc, source);
            require_node(toc, target);
            return to_python(released([&] { return tocgraph::count_paths(toc, source, target); }));
        },
        py::arg("toc"), py::arg("source"), py::arg("target"));
    m.def(
        "count_activity_paths",
        [](const TOC& toc, const std::string& target) {
            require_node(toc, target);
            return to_python(released([&] { return tocgraph::count_activity_paths(toc, target); }));
        },
        py::arg("toc"), py::arg("target"));
    m.def(
        "critical_nodes",
        [](const TOC& toc, const std::string& target) {
            require_node(toc, target);
            const std::size_t t = toc.vertex_of(target);
            return id_list(toc, released([&] { return detail::activity_dominators(toc, t).chain; }));
        },
        py::arg("toc"), py::arg("target"));
    m.def(
        "critical_links",
        [](const TOC& toc, const std::string& target) {
            require_node(toc, target);
            return released([&] { return tocgraph::critical_links(toc, target); });
        },
        py::arg("toc"), py::arg("target"));
    m.def(
        "what_if_removed",
        [](const TOC& toc, const std::vector<std::string>& ids) {
            for (const std::string& id : ids) require_node(toc, id);
            const RemovalImpact impact = released([&] { return tocgraph::what_if_removed(toc, ids); });
            return py::make_tuple(impact.removed, impact.unsupported, to_python(impact.paths_before),
                                  to_python(impact.paths_after), impact.share_of_paths_lost());
        },
        py::arg("toc"), py::arg("ids"));
    m.def(
        "coverage",
        [](const TOC& toc) {
            const Coverage c = released([&] { return tocgraph::coverage(toc); });
            py::list levels;
            for (const LevelCoverage& row : c.levels)
                levels.append(py::make_tuple(row.level, row.nodes, row.with_indicators,
                                             row.with_contributors, row.with_activities));
            return py::make_tuple(levels, c.indicators, c.indicators_with_baseline,
                                  c.indicators_with_targets, c.indicators_with_actuals);
        },
        py::arg("toc"));
    m.def(
        "pathways_of",
        [](const TOC& toc, const std::string& id) {
            require_node(toc, id);
            const std::size_t v = toc.vertex_of(id);
            return id_list(toc, released([&] { return detail::pathway_marks(toc, v); }));
        },
        py::arg("toc"), py::arg("id"));
    m.def(
        "subgraph",
        [](const TOC& toc, const std::string& pathway) {
            require_node(toc, pathway);
            return released([&] { return tocgraph::subgraph(toc, pathway); });
        },
        py::arg("toc"), py::arg("pathway"));
    m.def(
        "betweenness",
        [](const TOC& toc, bool normalized, std::size_t samples, std::uint64_t seed) {
            const CentralityOptions options{normalized, samples, seed};
            const auto score = released([&] { return tocgraph::betweenness(toc, options); });
            // Highest first, ties in node insertion order, as tocgraph::centrality.
            std::vector<std::size_t> order(score.size());
            std::iota(order.begin(), order.end(), std::size_t{0});
            std::stable_sort(order.begin(), order.end(),
                             [&](std::size_t a, std::size_t b) { return score[a] > score[b]; });
            py::dict out;
            for (std::size_t v : order) {
                py::float_ value(score[v]);
                if (PyDict_SetItem(out.ptr(), id_text(toc.graph()[v].id).ptr(), value.ptr()) != 0)
                    throw py::error_already_set();
            }
            return out;
        },
        py::arg("toc"), py::arg("normalized"), py::arg("samples"), py::arg("seed"));
    m.def(
        "topological_order",
        [](const TOC& toc) {
            return id_list(toc, released([&] { return detail::topological_vertices(toc); }));
        },
        py::arg("toc"));
    m.def(
        "levels",
        [](const TOC& toc) {
            py::list out;
            for (const auto& [level, ids] : tocgraph::levels(toc)) out.append(py::make_tuple(level, ids));
            return out;
        },
        py::arg("toc"));
}

}  // namespace tocgraph::python
