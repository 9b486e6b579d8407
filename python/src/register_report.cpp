// tocgraph._core.report: progress reports (include/tocgraph/report/), HTML or
// Markdown, and their options. ReportOptions is bound with its C++ defaults;
// the diagram's layout, the tolerances and the linter's options are its
// fields too, so tocgraph.report takes them all as keyword arguments.
#include "bind/bind.hpp"

#include <tocgraph/report.hpp>

namespace tocgraph::python {

void register_report(py::module_& m) {
    Struct<ReportOptions>(m, "ReportOptions", "What a progress report holds and how it is assessed.")
        .field("as_of", &ReportOptions::as_of, "The date progress is assessed at.")
        .field("method", &ReportOptions::method, "How progress rolls up the graph (see RollupOptions.method).")
        .flatten(&ReportOptions::tolerances)
        .field("title", &ReportOptions::title, "The heading; None: the programme title.")
        .flatten(&ReportOptions::layout)
        .flatten(&ReportOptions::lint)
        .finish();

    m.def(
        "report",
        [](const SharedToc& toc, ReportFormat format, const ReportOptions& options) {
            options.tolerances.check();
            return read(toc, [&](const TheoryOfChange& t) { return tocgraph::report(t, options, format); });
        },
        py::arg("toc"), py::arg("format"), py::arg("options"),
        "A self-contained report (\"html\" or \"markdown\") of a theory of change as of a date.");
}

}  // namespace tocgraph::python
