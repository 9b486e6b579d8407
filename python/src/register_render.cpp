// Drawing (include/tocgraph/render/) and reports (include/tocgraph/report/):
// bound as functions taking every option as an argument; tocgraph/drawing.py
// and tocgraph/report.py give them keyword arguments and defaults, and
// TheoryOfChange methods call those.
//
// Arguments are converted to C++ values first; the layout, the writers and
// the roll-up behind status colours then run with the GIL released.
#include "pybind.hpp"

#include <map>
#include <optional>
#include <string>

#include <tocgraph/render.hpp>
#include <tocgraph/report.hpp>

namespace tocgraph::python {

namespace {

/// Node statuses for a drawing: the ones given, or else the roll-up as of a date.
struct StatusSource {
    std::optional<std::map<std::string, ProgressStatus>> given;
    std::optional<Date> as_of;
    RollupMethod method = RollupMethod::mean;
    Tolerances tolerances;

    NodeStatuses resolve(const TheoryOfChange& toc, ColorMode color) const {
        if (color != ColorMode::status) return {};
        if (given) return *given;
        if (!as_of) throw std::invalid_argument("colouring by status needs statuses or an as_of date");
        tolerances.check();
        return node_statuses(toc, RollupOptions{ProgressOptions{*as_of, tolerances}, method});
    }
};

StatusSource status_source(std::optional<std::map<std::string, ProgressStatus>> statuses,
                           std::optional<Date> as_of, RollupMethod method, double at_risk_below,
                           double off_track_below) {
    return {std::move(statuses), as_of, method, Tolerances{at_risk_below, off_track_below}};
}

}  // namespace

void register_render(py::module_& m) {
    m.def(
        "to_svg",
        [](const TheoryOfChange& toc, ColorMode color, std::optional<std::map<std::string, ProgressStatus>> statuses,
           std::optional<Date> as_of, RollupMethod method, double at_risk_below, double off_track_below,
           std::optional<std::string> title, std::string subtitle, double font_size, double max_text_width,
           double goal_text_width, double max_width, std::size_t max_lines, bool show_ids, bool show_empty_levels,
           bool legend, bool level_labels, std::string id_prefix) {
            const StatusSource source = status_source(std::move(statuses), as_of, method, at_risk_below, off_track_below);
            SvgOptions o;
            o.color = color;
            o.title = std::move(title);
            o.subtitle = std::move(subtitle);
            o.layout.font_size = font_size;
            o.layout.max_text_width = max_text_width;
            o.layout.goal_text_width = goal_text_width;
            o.layout.max_width = max_width;
            o.layout.max_lines = max_lines;
            o.layout.show_ids = show_ids;
            o.layout.show_empty_levels = show_empty_levels;
            o.legend = legend;
            o.level_labels = level_labels;
            o.id_prefix = std::move(id_prefix);
            py::gil_scoped_release release;
            o.statuses = source.resolve(toc, color);
            return to_svg(toc, o);
        },
        py::arg("toc"), py::arg("color"), py::arg("statuses"), py::arg("as_of"), py::arg("method"),
        py::arg("at_risk_below"), py::arg("off_track_below"), py::arg("title"), py::arg("subtitle"),
        py::arg("font_size"), py::arg("max_text_width"), py::arg("goal_text_width"), py::arg("max_width"),
        py::arg("max_lines"), py::arg("show_ids"), py::arg("show_empty_levels"), py::arg("legend"),
        py::arg("level_labels"), py::arg("id_prefix"), "The SVG drawing of a theory of change.");

    m.def(
        "to_dot",
        [](const TheoryOfChange& toc, ColorMode color, std::optional<std::map<std::string, ProgressStatus>> statuses,
           std::optional<Date> as_of, RollupMethod method, double at_risk_below, double off_track_below,
           std::optional<std::string> title, double font_size, double max_text_width, bool show_ids,
           bool level_labels) {
            const StatusSource source = status_source(std::move(statuses), as_of, method, at_risk_below, off_track_below);
            DotOptions o;
            o.color = color;
            o.title = std::move(title);
            o.font_size = font_size;
            o.max_text_width = max_text_width;
            o.show_ids = show_ids;
            o.level_labels = level_labels;
            py::gil_scoped_release release;
            o.statuses = source.resolve(toc, color);
            return to_dot(toc, o);
        },
        py::arg("toc"), py::arg("color"), py::arg("statuses"), py::arg("as_of"), py::arg("method"),
        py::arg("at_risk_below"), py::arg("off_track_below"), py::arg("title"), py::arg("font_size"),
        py::arg("max_text_width"), py::arg("show_ids"), py::arg("level_labels"),
        "The Graphviz DOT text of a theory of change.");

    m.def(
        "to_mermaid",
        [](const TheoryOfChange& toc, ColorMode color, std::optional<std::map<std::string, ProgressStatus>> statuses,
           std::optional<Date> as_of, RollupMethod method, double at_risk_below, double off_track_below,
           std::optional<std::string> title, double font_size, double max_text_width, bool show_ids,
           bool level_subgraphs) {
            const StatusSource source = status_source(std::move(statuses), as_of, method, at_risk_below, off_track_below);
            MermaidOptions o;
            o.color = color;
            o.title = std::move(title);
            o.font_size = font_size;
            o.max_text_width = max_text_width;
            o.show_ids = show_ids;
            o.level_subgraphs = level_subgraphs;
            py::gil_scoped_release release;
            o.statuses = source.resolve(toc, color);
            return to_mermaid(toc, o);
        },
        py::arg("toc"), py::arg("color"), py::arg("statuses"), py::arg("as_of"), py::arg("method"),
        py::arg("at_risk_below"), py::arg("off_track_below"), py::arg("title"), py::arg("font_size"),
        py::arg("max_text_width"), py::arg("show_ids"), py::arg("level_subgraphs"),
        "The Mermaid flowchart of a theory of change.");

    m.def(
        "report",
        [](const TheoryOfChange& toc, const std::string& format, Date as_of, RollupMethod method,
           double at_risk_below, double off_track_below, std::optional<std::string> title) {
            ReportOptions o;
            o.as_of = as_of;
            o.method = method;
            o.tolerances = Tolerances{at_risk_below, off_track_below};
            o.title = std::move(title);
            const ReportFormat f = format == "html" ? ReportFormat::html : ReportFormat::markdown;
            if (format != "html" && format != "markdown")
                throw std::invalid_argument("unknown report format \"" + format + "\"; expected \"html\" or \"markdown\"");
            py::gil_scoped_release release;
            return f == ReportFormat::html ? html_report(toc, o) : markdown_report(toc, o);
        },
        py::arg("toc"), py::arg("format"), py::arg("as_of"), py::arg("method"), py::arg("at_risk_below"),
        py::arg("off_track_below"), py::arg("title"),
        "A self-contained report (\"html\" or \"markdown\") of a theory of change as of a date.");
}

}  // namespace tocgraph::python
