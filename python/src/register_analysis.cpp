// tocgraph._core.analysis: the analyses of include/tocgraph/analysis/ and
// their result classes (RemovalImpact, Coverage, LevelCoverage,
// CentralityOptions).
//
// Each function checks its ids (KeyError naming the id), runs with the ToC
// read-locked and the GIL released, and builds lists of ids straight from the
// vertex numbers it found while the lock is still held: a million ids become
// Python strings without first being copied into C++ strings.
#include "bind/bind.hpp"

#include <optional>

#include <tocgraph/analysis.hpp>

namespace tocgraph::python {

namespace {

using TOC = TheoryOfChange;

/// A Python list of `n` items, item i being `item(i)` (a py::object).
template <typename Item>
py::list list_of(std::size_t n, Item item) {
    py::list out(n);
    for (std::size_t i = 0; i < n; ++i) PyList_SET_ITEM(out.ptr(), static_cast<Py_ssize_t>(i), item(i).release().ptr());
    return out;
}

/// The ids of the vertices in `order`, as a Python list.
template <typename Vertex>
py::list id_list(const SharedToc& toc, const std::vector<Vertex>& order) {
    return list_of(order.size(), [&](std::size_t i) { return toc.ids.of(toc.toc, order[i]); });
}

/// An exact Python int, also beyond 64 bits (through the decimal digits).
py::object big_int(const BigCount& count) {
    if (count.fits_u64()) return py::int_(static_cast<unsigned long long>(count.to_u64()));
    PyObject* o = PyLong_FromString(count.to_string().c_str(), nullptr, 10);
    if (!o) throw py::error_already_set();
    return py::reinterpret_steal<py::object>(o);
}
/// The reverse, for unpickling: ten times the count so far plus each digit.
BigCount big_count(py::handle value) {
    BigCount out;
    for (char digit : std::string(py::str(value.cast<py::int_>()))) {
        BigCount twice = out;
        twice += out;
        BigCount ten = twice;
        ten += twice;  // 4
        ten += ten;    // 8
        ten += twice;  // 10
        ten += BigCount(static_cast<std::uint64_t>(digit - '0'));
        out = ten;
    }
    return out;
}
FieldSpec<RemovalImpact> paths_field(const char* name, BigCount RemovalImpact::*m, const char* doc) {
    return {name, doc, [m](const RemovalImpact& r) { return big_int(r.*m); },
            [m](RemovalImpact& r, py::handle v) { r.*m = big_count(v); }};
}

/// An analysis result for Python: counts as exact ints, the rest as they are.
py::object to_python(const BigCount& count) { return big_int(count); }
template <typename Result>
py::object to_python(const Result& result) {
    return py::cast(result);
}

template <typename>
using IdArgument = const std::string&;

/// Binds `function(toc, ids...)`, each id checked to name a node first
/// (KeyError naming it), as def_query does.
template <typename Result, typename... Ids, typename... Extra>
void def_on_nodes(py::module_& m, const char* name, Result (*function)(const TOC&, Ids...), const Extra&... extra) {
    m.def(
        name,
        [function](const SharedToc& toc, IdArgument<Ids>... ids) {
            return to_python(read(toc, [&](const TOC& t) {
                (require_node(t, ids), ...);
                return function(t, ids...);
            }));
        },
        py::arg("toc"), extra...);
}

/// The ids of the vertices `vertices(toc, v)` gives for node `id`, listed while the lock is held.
template <typename Vertices>
py::object ids_from(const SharedToc& toc, const std::string& id, Vertices vertices) {
    return read(
        toc,
        [&](const TOC& t) {
            require_node(t, id);
            return vertices(t, t.vertex_of(id));
        },
        [](const auto& found, const SharedToc& t) { return id_list(t, found); });
}

/// Binds `vertices(toc, v)` as name(toc, <node_arg>): the ids of the vertices it
/// finds for that node, listed while the lock is held.
template <typename Vertex>
void def_ids_of(py::module_& m, const char* name, std::vector<Vertex> (*vertices)(const TOC&, std::size_t),
                const char* node_arg) {
    m.def(
        name, [vertices](const SharedToc& toc, const std::string& id) { return ids_from(toc, id, vertices); },
        py::arg("toc"), py::arg(node_arg));
}

/// Contributors (`up` false) or effects (`up` true) of each id, by vertex.
std::vector<std::vector<GraphIndex::Vertex>> reach_rows(const TOC& t, const std::vector<std::string>& ids, bool up,
                                                       const std::optional<std::string>& level) {
    for (const std::string& id : ids) require_node(t, id);
    if (up && level) throw std::invalid_argument("level filters contributors only");
    std::vector<std::vector<GraphIndex::Vertex>> rows;
    rows.reserve(ids.size());
    for (const std::string& id : ids)
        rows.push_back(up ? effect_vertices(t, t.vertex_of(id))
                          : contributor_vertices(t, t.vertex_of(id),
                                                 level ? std::optional<std::string_view>(*level) : std::nullopt));
    return rows;
}

void register_results(py::module_& m) {
    Struct<RemovalImpact>(m, "RemovalImpact",
                          "What removing some nodes would do (see what_if_removed).", Access::read_only)
        .field("removed", &RemovalImpact::removed, "The ids removed, each once, in the order given.")
        .field("unsupported", &RemovalImpact::unsupported,
               "The results some activity fed before the removal and none feeds after it (the removed nodes "
               "excluded), in node insertion order.")
        .field(paths_field("paths_before", &RemovalImpact::paths_before,
                           "Activity-to-goal paths before the removal, summed over the goals."))
        .field(paths_field("paths_after", &RemovalImpact::paths_after, "The same after the removal."))
        .finish()
        .def_property_readonly("share_of_paths_lost", &RemovalImpact::share_of_paths_lost,
                               "1 - paths_after / paths_before; 0.0 when there were no paths.")
        .def_property_readonly(
            "paths_lost",
            [](const RemovalImpact& r) { return big_int(r.paths_before) - big_int(r.paths_after); },
            "The number of activity-to-goal paths the removal cuts.");

    Struct<LevelCoverage>(m, "LevelCoverage", "How much of one level is measured and supported.", Access::read_only)
        .described_fields()
        .always_shown({"level"})
        .finish();

    Struct<Coverage>(m, "Coverage",
                     "Coverage of a theory of change, per level (top first) and for its indicators. "
                     "coverage[\"immediate_outcome\"] is the row of one level; iterating yields the rows.",
                     Access::read_only)
        .described_fields()
        .finish()
        .def(
            "__getitem__",
            [](const Coverage& c, const std::string& level) {
                for (const LevelCoverage& row : c.levels)
                    if (row.level.id == level) return row;
                raise_key_error("no level \"" + level + "\"");
            },
            py::arg("level"), "The row of the level with this id; KeyError if the schema lacks it.")
        .def("__iter__", [](const Coverage& c) { return py::iter(py::cast(c.levels)); })
        .def("__len__", [](const Coverage& c) { return c.levels.size(); });

    Struct<CentralityOptions>(m, "CentralityOptions", "How betweenness centrality is computed.")
        .field("normalized", &CentralityOptions::normalized,
               "Divide by (n-1)(n-2) as networkx does for directed graphs.")
        .field(optional_count_member("samples", &CentralityOptions::samples, std::size_t{1},
                                     "Estimate from this many source nodes drawn with `seed`; None: the exact value."))
        .field(count_member("seed", &CentralityOptions::seed, std::uint64_t{0}, "Seed of the sample."))
        .finish();
}

void register_functions(py::module_& m) {
    m.def(
        "contributors",
        [](const SharedToc& toc, const std::string& id, std::optional<std::string> level) {
            return ids_from(toc, id, [&](const TOC& t, std::size_t v) {
                return contributor_vertices(t, v, level ? std::optional<std::string_view>(*level) : std::nullopt);
            });
        },
        py::arg("toc"), py::arg("node"), py::arg("level"));
    def_ids_of(m, "effects", &effect_vertices, "node");
    // Many nodes in one call: one lock, one GIL release, rows in the order given.
    m.def(
        "reach_many",
        [](const SharedToc& toc, const std::vector<std::string>& ids, bool up, std::optional<std::string> level) {
            return read(
                toc, [&](const TOC& t) { return reach_rows(t, ids, up, level); },
                [](const std::vector<std::vector<GraphIndex::Vertex>>& rows, const SharedToc& t) {
                    return py::object(list_of(rows.size(), [&](std::size_t i) { return id_list(t, rows[i]); }));
                });
        },
        py::arg("toc"), py::arg("nodes"), py::arg("up"), py::arg("level"));
    // The same as compressed sparse rows of vertex numbers (node insertion
    // order), as the bytes of int64 row offsets and of uint32 columns.
    m.def(
        "reach_many_csr",
        [](const SharedToc& toc, const std::vector<std::string>& ids, bool up, std::optional<std::string> level) {
            auto [offsets, columns] = read(toc, [&](const TOC& t) {
                std::vector<std::int64_t> offsets{0};
                std::vector<GraphIndex::Vertex> columns;
                for (auto& row : reach_rows(t, ids, up, level)) {
                    columns.insert(columns.end(), row.begin(), row.end());
                    offsets.push_back(static_cast<std::int64_t>(columns.size()));
                }
                return std::pair{std::move(offsets), std::move(columns)};
            });
            auto as_bytes = [](const auto& v) {
                return py::bytes(reinterpret_cast<const char*>(v.data()), v.size() * sizeof(v[0]));
            };
            return py::make_tuple(as_bytes(offsets), as_bytes(columns));
        },
        py::arg("toc"), py::arg("nodes"), py::arg("up"), py::arg("level"));
    m.def(
        "node_ids",
        [](const SharedToc& toc) {
            return read(
                toc, [](const TOC& t) { return t.node_count(); },
                [](std::size_t n, const SharedToc& t) {
                    return py::object(list_of(n, [&](std::size_t v) { return t.ids.of(t.toc, v); }));
                });
        },
        py::arg("toc"));
    def_ids_of(m, "pathways_of", &pathway_vertices, "node");
    def_ids_of(m, "critical_nodes", &critical_vertices, "target");
    m.def(
        "topological_order",
        [](const SharedToc& toc) {
            // The order is the read index's own: listed while the lock keeps it alive.
            return read(
                toc, [](const TOC& t) { return &topological_vertex_order(t); },
                [](const std::vector<GraphIndex::Vertex>* order, const SharedToc& t) { return id_list(t, *order); });
        },
        py::arg("toc"));
    m.def(
        "paths",
        [](const SharedToc& toc, const std::string& source, const std::string& target, std::optional<std::size_t> limit) {
            return read(toc, [&](const TOC& t) {
                require_node(t, source);
                require_node(t, target);
                return limit ? tocgraph::paths(t, source, target, *limit) : tocgraph::paths(t, source, target);
            });
        },
        py::arg("toc"), py::arg("source"), py::arg("target"), py::arg("limit"));
    m.def(
        "what_if_removed",
        [](const SharedToc& toc, const std::vector<std::string>& ids) {
            return read(toc, [&](const TOC& t) {
                for (const std::string& id : ids) require_node(t, id);
                return tocgraph::what_if_removed(t, ids);
            });
        },
        py::arg("toc"), py::arg("ids"));
    def_on_nodes(m, "count_paths", &tocgraph::count_paths, py::arg("source"), py::arg("target"));
    def_on_nodes(m, "count_activity_paths", &tocgraph::count_activity_paths, py::arg("target"));
    def_on_nodes(m, "critical_links", &tocgraph::critical_links, py::arg("target"));
    def_query(m, "coverage", &tocgraph::coverage);
    m.def(
        "subgraph",
        [](const SharedToc& toc, const std::string& pathway) {
            return new_toc(read(toc, [&](const TOC& t) {
                require_node(t, pathway);
                return tocgraph::subgraph(t, pathway);
            }));
        },
        py::arg("toc"), py::arg("pathway"));
    m.def(
        "betweenness",
        [](const SharedToc& toc, const CentralityOptions& options) {
            using Scored = std::pair<std::vector<double>, std::vector<std::size_t>>;
            return read(
                toc,
                [&](const TOC& t) {
                    // Ranked here, without the GIL, in tocgraph::centrality's order.
                    std::vector<double> score = tocgraph::betweenness(t, options);
                    std::vector<std::size_t> order = vertices_by_score(score);
                    return Scored{std::move(score), std::move(order)};
                },
                [](const Scored& scored, const SharedToc& t) {
                    const auto& [score, order] = scored;
                    // Sized for every node up front: growing a million-entry dict step by
                    // step rehashes it about twenty times.
                    auto out = py::reinterpret_steal<py::dict>(_PyDict_NewPresized(static_cast<Py_ssize_t>(order.size())));
                    if (!out) throw py::error_already_set();
                    for (std::size_t v : order)
                        if (PyDict_SetItem(out.ptr(), t.ids.of(t.toc, v).ptr(), py::float_(score[v]).ptr()) != 0)
                            throw py::error_already_set();
                    return out;
                });
        },
        py::arg("toc"), py::arg("options"));
    m.def(
        "levels",
        [](const SharedToc& toc) {
            const auto levels = read(toc, [](const TOC& t) { return tocgraph::levels(t); });
            py::dict out;
            for (const auto& [level, ids] : levels) out[py::str(level.id)] = ids;
            return out;
        },
        py::arg("toc"));
}

}  // namespace

void register_analysis(py::module_& m) {
    register_results(m);
    register_functions(m);
}

}  // namespace tocgraph::python
