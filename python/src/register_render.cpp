// tocgraph._core.render: drawings (include/tocgraph/render/) and their
// options. LayoutOptions, SvgOptions, DotOptions and MermaidOptions are bound
// with their C++ defaults; tocgraph.drawing passes keyword arguments straight
// into them, so every option and default is written once, in the headers.
//
// A drawing coloured by status takes its statuses from the options, or rolls
// them up as of a date (RollupOptions); the layout, the writers and that
// roll-up run with the ToC read-locked and the GIL released.
#include "bind/bind.hpp"

#include <optional>

#include <tocgraph/render.hpp>

namespace tocgraph::python {

namespace {

/// Binds a writer as name(toc, options, rollup): the drawing, its statuses
/// rolled up first when `rollup` is given.
template <typename Options>
void def_drawing(py::module_& m, const char* name, std::string (*write)(const TheoryOfChange&, const Options&),
                 const char* doc) {
    m.def(
        name,
        [write](const SharedToc& toc, Options options, const std::optional<RollupOptions>& rollup) {
            if (rollup) {
                if (options.color != ColorMode::status)
                    throw std::invalid_argument("a roll-up date is for color=\"status\"");
                rollup->progress.tolerances.check();
            }
            return read(toc, [&](const TheoryOfChange& t) {
                if (rollup) options.statuses = node_statuses(t, *rollup);
                return write(t, options);
            });
        },
        py::arg("toc"), py::arg("options"), py::arg("rollup"), doc);
}

/// The options every writer shares, in the same words.
template <typename T>
void common_fields(Struct<T>& s) {
    s.field("color", &T::color, "\"level\" (a colour per level) or \"status\" (each node's monitoring status).")
        .field("statuses", &T::statuses,
               "Node id -> \"on_track\", \"at_risk\", \"off_track\", \"not_started\", \"no_target\" or \"no_data\", "
               "used with color=\"status\"; nodes left out show no data.")
        .field("title", &T::title, "A heading; None: the programme title; \"\": none.");
}

/// The label options the two text formats share; what the font size and the
/// wrap width measure is each format's own.
template <typename T>
void label_fields(Struct<T>& s, const char* font_size_doc, const char* max_text_width_doc) {
    s.field("font_size", &T::font_size, font_size_doc)
        .field("max_text_width", &T::max_text_width, max_text_width_doc)
        .field("show_ids", &T::show_ids, "The id on a first line of each label.");
}

}  // namespace

void register_render(py::module_& m) {
    Struct<LayoutOptions>(m, "LayoutOptions", "How the levels are laid out as bands, the goal on top.")
        .field("font_size", &LayoutOptions::font_size, "Pixels, for node titles (headings scale with it).")
        .field("max_text_width", &LayoutOptions::max_text_width, "Titles wrap at this width (pixels).")
        .field("goal_text_width", &LayoutOptions::goal_text_width, "The wrap width at goal-role levels.")
        .field(count_member("max_lines", &LayoutOptions::max_lines, std::size_t{0},
                            "Cut titles to this many lines with an ellipsis; 0: never."))
        .field("show_ids", &LayoutOptions::show_ids, "Print each node's id above its title.")
        .field("show_empty_levels", &LayoutOptions::show_empty_levels, "Draw a band for levels without nodes too.")
        .field("max_width", &LayoutOptions::max_width, "A band wider than this (pixels) is staggered over two rows; 0: never.")
        .field("node_gap", &LayoutOptions::node_gap, "Horizontal space between boxes.")
        .field("level_gap", &LayoutOptions::level_gap, "Vertical space between the boxes of adjacent bands.")
        .field(count_member("ordering_iterations", &LayoutOptions::ordering_iterations, std::size_t{0},
                            "Crossing-reduction sweeps at most."))
        .finish();

    Struct<SvgOptions> svg(m, "SvgOptions", "Options of the SVG drawing.");
    svg.flatten(&SvgOptions::layout);
    common_fields(svg);
    svg.field("subtitle", &SvgOptions::subtitle, "A second line under the title, e.g. \"Status as of 2026-06-30\".")
        .field("legend", &SvgOptions::legend, "Draw the legend of colours.")
        .field("level_labels", &SvgOptions::level_labels, "Name each band in a column on the left.")
        .field("id_prefix", &SvgOptions::id_prefix,
               "Prefix of the ids inside the SVG (letters, digits, \"-\", \"_\"), so several drawings can share a page.")
        .finish();

    Struct<DotOptions> dot(m, "DotOptions", "Options of the Graphviz DOT text.");
    common_fields(dot);
    label_fields(dot, "Points, as Graphviz measures.", "Titles wrap at about this width.");
    dot.field("level_labels", &DotOptions::level_labels, "A label per level, left of its rank.").finish();

    Struct<MermaidOptions> mermaid(m, "MermaidOptions", "Options of the Mermaid flowchart.");
    common_fields(mermaid);
    label_fields(mermaid, "For the wrap width estimate only.", "Titles wrap at about this width (<br/>).");
    mermaid.field("level_subgraphs", &MermaidOptions::level_subgraphs, "One subgraph per level, titled with its label.")
        .finish();

    def_drawing<SvgOptions>(m, "to_svg", &to_svg, "The SVG drawing of a theory of change.");
    def_drawing<DotOptions>(m, "to_dot", &to_dot, "The Graphviz DOT text of a theory of change.");
    def_drawing<MermaidOptions>(m, "to_mermaid", &to_mermaid, "The Mermaid flowchart of a theory of change.");
}

}  // namespace tocgraph::python
