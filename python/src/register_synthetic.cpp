// The synthetic ToC generator (include/tocgraph/synthetic.hpp), run with the
// GIL released: a million-node ToC takes a few seconds.
#include "pybind.hpp"

#include <tocgraph/synthetic.hpp>

namespace tocgraph::python {

void register_synthetic(py::module_& m) {
    m.def(
        "synthetic",
        [](std::size_t nodes, std::uint64_t seed, std::size_t pathways, double cross_links, bool indicators,
           bool titles) {
            const SyntheticOptions options{nodes, seed, pathways, cross_links, indicators, titles};
            return tocgraph::synthetic(options);
        },
        py::arg("nodes"), py::arg("seed"), py::arg("pathways"), py::arg("cross_links"), py::arg("indicators"),
        py::arg("titles"), py::call_guard<py::gil_scoped_release>());
}

}  // namespace tocgraph::python
