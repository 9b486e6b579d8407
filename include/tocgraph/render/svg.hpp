#pragma once
// The theory of change drawn as a self-contained SVG image: levels as
// horizontal bands (the goal on top) labelled on the left, boxes sized to
// their wrapped titles, arrows from cause up to effect, colours by level or
// by monitoring status, a legend. Colours are presentation attributes, not
// a style sheet, so the image looks the same standing alone, inside an HTML
// page or in a vector editor. All text is escaped.

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "../detail/xml/escape.hpp"
#include "../theory_of_change.hpp"
#include "detail/svg_writer.hpp"
#include "detail/text_metrics.hpp"
#include "detail/text_wrap.hpp"
#include "layout.hpp"
#include "style.hpp"

namespace tocgraph {

struct SvgOptions {
    LayoutOptions layout;              ///< font size, wrap widths, width limit, ids...
    ColorMode color = ColorMode::level;
    /// Node id -> status, used with ColorMode::status (rollup() in
    /// monitoring.hpp gives them); nodes not in it show no_data.
    NodeStatuses statuses;
    /// A heading above the drawing; nullopt: the programme title from the
    /// metadata; an empty string: none.
    std::optional<std::string> title;
    std::string subtitle;      ///< a second line under the title, e.g. "Status as of 2026-06-30"
    bool legend = true;
    bool level_labels = true;  ///< name each band in a column on the left
    /// Prefix of the ids inside the SVG (arrow markers), so that several
    /// drawings can share one HTML page.
    std::string id_prefix = "tocgraph";
};

namespace detail {

inline constexpr std::string_view svg_font_family = "Helvetica, Arial, 'Liberation Sans', sans-serif";
inline constexpr std::string_view edge_colour = "#7b8794";
inline constexpr std::string_view wrong_edge_colour = "#c53030";

inline void check_svg_options(const TheoryOfChange& toc, const SvgOptions& o) {
    if (o.color == ColorMode::status) check_statuses(toc, o.statuses);
    if (o.id_prefix.empty()) throw std::invalid_argument("SVG option id_prefix must not be empty");
    for (char c : o.id_prefix)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' || c == '_'))
            throw std::invalid_argument("SVG option id_prefix \"" + o.id_prefix +
                                        "\" may hold only letters, digits, '-' and '_'");
}

/// The path of a routed link (see EdgePath for the meaning of the points).
inline std::string edge_path_data(const EdgePath& e) {
    const auto& p = e.points;
    std::string d = "M" + svg_number(p[0].x) + "," + svg_number(p[0].y);
    if (e.direction == EdgeDirection::level) {
        // An arc over the band from one box top to the other.
        const double lift = std::min(40.0, 12 + std::abs(p[1].x - p[0].x) / 6);
        const double top = std::min(p[0].y, p[1].y) - lift;
        return d + " C" + svg_number(p[0].x) + "," + svg_number(top) + " " + svg_number(p[1].x) + "," +
               svg_number(top) + " " + svg_number(p[1].x) + "," + svg_number(p[1].y);
    }
    for (std::size_t i = 0; i + 1 < p.size(); ++i) {
        const Point& a = p[i];
        const Point& b = p[i + 1];
        if (i % 2 == 0) {  // between layers: a curve with vertical ends
            const double mid = (a.y + b.y) / 2;
            d += " C" + svg_number(a.x) + "," + svg_number(mid) + " " + svg_number(b.x) + "," + svg_number(mid) +
                 " " + svg_number(b.x) + "," + svg_number(b.y);
        } else {
            d += " L" + svg_number(b.x) + "," + svg_number(b.y);
        }
    }
    return d;
}

/// A status symbol centred at (cx, cy), so status reads without colour too:
/// a disc (on track), a triangle (at risk), a cross (off track), a ring
/// (not started), a level line (no target), a question mark (no data).
inline std::string status_symbol(ProgressStatus status, double cx, double cy, double r) {
    const BoxStyle s = status_style(status);
    const std::string stroke = svg_attribute("stroke", s.stroke);
    auto n = [](double v) { return svg_number(v); };
    if (status == ProgressStatus::on_track)
        return "<circle cx=\"" + n(cx) + "\" cy=\"" + n(cy) + "\" r=\"" + n(r) + "\"" +
               svg_attribute("fill", s.stroke) + "/>";
    if (status == ProgressStatus::at_risk)
        return "<path d=\"M" + n(cx) + "," + n(cy - r * 1.1) + " L" + n(cx + r * 1.15) + "," + n(cy + r * 0.9) + " L" +
               n(cx - r * 1.15) + "," + n(cy + r * 0.9) + " Z\"" + svg_attribute("fill", s.stroke) + "/>";
    if (status == ProgressStatus::off_track)
        return "<path d=\"M" + n(cx - r) + "," + n(cy - r) + " L" + n(cx + r) + "," + n(cy + r) + " M" + n(cx + r) +
               "," + n(cy - r) + " L" + n(cx - r) + "," + n(cy + r) + "\"" + stroke +
               " stroke-width=\"2.2\" stroke-linecap=\"round\" fill=\"none\"/>";
    if (status == ProgressStatus::not_started)
        return "<circle cx=\"" + n(cx) + "\" cy=\"" + n(cy) + "\" r=\"" + n(r * 0.85) + "\" fill=\"none\"" + stroke +
               " stroke-width=\"1.6\"/>";
    if (status == ProgressStatus::no_target)  // a level line: figures, nothing to hold them to
        return "<path d=\"M" + n(cx - r) + "," + n(cy) + " L" + n(cx + r) + "," + n(cy) + "\"" + stroke +
               " stroke-width=\"2.2\" stroke-linecap=\"round\" fill=\"none\"/>";
    return "<text x=\"" + n(cx) + "\" y=\"" + n(cy + r * 0.75) + "\" font-size=\"" + n(r * 2.4) +
           "\" font-weight=\"700\" text-anchor=\"middle\" class=\"status-symbol\"" + svg_attribute("fill", s.stroke) +
           ">?</text>";
}

struct LegendItem {
    std::string label;
    std::string swatch;  ///< SVG of the swatch, drawn at the origin, 16x12
    double width;
};

}  // namespace detail

/// An SVG image of an already computed layout.
inline std::string to_svg(const TheoryOfChange& toc, const Layout& lay, const SvgOptions& options) {
    using detail::svg_attribute;
    using detail::svg_number;
    detail::check_svg_options(toc, options);
    const std::string& pre = options.id_prefix;
    const double margin = 16;
    const double font = lay.font_size;
    const double label_width = options.level_labels ? std::max(96.0, font * 9) : 0.0;
    const double label_font = std::max(9.0, font * 0.9);

    // ---- legend items ---------------------------------------------------------
    std::vector<detail::LegendItem> legend;
    const double legend_font = std::max(9.0, font * 0.9);
    if (options.legend) {
        auto add = [&](std::string label, std::string swatch) {
            const double w = 16 + 6 + detail::text_width(label, legend_font) * 1.04 + 18;
            legend.push_back({std::move(label), std::move(swatch), w});
        };
        if (options.color == ColorMode::level) {
            for (const Band& band : lay.bands) {
                const BoxStyle s = level_style(band.rank);
                add(band.label, "<rect width=\"16\" height=\"12\" rx=\"3\"" + svg_attribute("fill", s.fill) +
                                    svg_attribute("stroke", s.stroke) + " stroke-width=\"1.2\"/>");
            }
        } else {
            for (ProgressStatus status : all_statuses) {
                const BoxStyle s = status_style(status);
                add(status_title(status),
                    "<rect width=\"16\" height=\"12\" rx=\"3\"" + svg_attribute("fill", s.fill) +
                        svg_attribute("stroke", s.stroke) + " stroke-width=\"1.2\"" +
                        (s.dashed ? " stroke-dasharray=\"3 2\"" : "") + "/>" +
                        detail::status_symbol(status, 8, 6, 3.2));
            }
        }
        add("contributes to", "<path d=\"M2,6 L14,6\"" + svg_attribute("stroke", detail::edge_colour) +
                                  " stroke-width=\"1.4\" marker-end=\"url(#" + pre + "-arrow)\"/>");
    }

    // ---- overall geometry --------------------------------------------------------
    const double content_x = margin + label_width + (options.level_labels ? 8 : 0);
    double width = content_x + lay.width + margin;
    double legend_natural = 0;
    for (const auto& item : legend) legend_natural += item.width;
    width = std::max(width, std::min(legend_natural, 720.0) + 2 * margin);
    const std::string title = options.title ? *options.title : toc.metadata().title;
    const double title_font = std::max(14.0, font * 1.4);
    const auto title_lines = title.empty() ? detail::WrappedText{}
                                           : detail::wrap_text(title, std::max(width - 2 * margin, 200.0),
                                                               title_font, true);
    width = std::max(width, title_lines.width + 2 * margin);
    double y = margin;
    std::string head;
    for (const std::string& line : title_lines.lines) {
        y += title_font * 1.25;
        head += "<text x=\"" + svg_number(margin) + "\" y=\"" + svg_number(y - title_font * 0.3) + "\" font-size=\"" +
                svg_number(title_font) + "\" font-weight=\"700\" fill=\"#1a202c\">" + detail::xml_escape(line) +
                "</text>\n";
    }
    if (!options.subtitle.empty()) {
        y += font * 1.4;
        head += "<text x=\"" + svg_number(margin) + "\" y=\"" + svg_number(y - font * 0.3) + "\" font-size=\"" +
                svg_number(font) + "\" fill=\"#4a5568\">" + detail::xml_escape(options.subtitle) + "</text>\n";
    }
    if (!head.empty()) y += 10;
    const double content_y = y;

    // Legend lines: as many items per line as fit.
    std::vector<std::vector<std::size_t>> legend_lines;
    {
        double used = 0;
        for (std::size_t i = 0; i < legend.size(); ++i) {
            if (legend_lines.empty() || used + legend[i].width > width - 2 * margin) {
                legend_lines.emplace_back();
                used = 0;
            }
            legend_lines.back().push_back(i);
            used += legend[i].width;
        }
    }
    const double legend_line_height = 20;
    const double legend_height = legend_lines.empty() ? 0 : 14 + double(legend_lines.size()) * legend_line_height;
    const double height = content_y + lay.height + legend_height + margin;

    std::string svg;
    svg.reserve(4096 + lay.nodes.size() * 600 + lay.edges.size() * 200);
    svg += "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"" + svg_number(width) + "\" height=\"" +
           svg_number(height) + "\" viewBox=\"0 0 " + svg_number(width) + " " + svg_number(height) +
           "\" role=\"img\"" + svg_attribute("aria-label", title.empty() ? "Theory of change" : title) +
           svg_attribute("font-family", detail::svg_font_family) + " class=\"tocgraph-diagram\">\n";
    svg += "<title>" + detail::xml_escape(title.empty() ? "Theory of change" : title) + "</title>\n";
    svg += "<defs>\n";
    auto marker = [&](std::string_view name, std::string_view colour) {
        svg += "<marker id=\"" + pre + "-" + std::string(name) +
               "\" viewBox=\"0 0 10 10\" refX=\"9.5\" refY=\"5\" markerUnits=\"userSpaceOnUse\" markerWidth=\"9\" "
               "markerHeight=\"9\" orient=\"auto\"><path d=\"M0,0.5 L10,5 L0,9.5 Z\"" +
               svg_attribute("fill", colour) + "/></marker>\n";
    };
    marker("arrow", detail::edge_colour);
    marker("arrow-wrong", detail::wrong_edge_colour);
    svg += "</defs>\n";
    svg += "<rect width=\"100%\" height=\"100%\" fill=\"#ffffff\"/>\n";
    svg += head;

    // ---- bands ----------------------------------------------------------------------
    svg += "<g class=\"bands\">\n";
    for (std::size_t b = 0; b < lay.bands.size(); ++b) {
        const Band& band = lay.bands[b];
        const double top = content_y + band.y;
        svg += "<rect x=\"" + svg_number(margin) + "\" y=\"" + svg_number(top) + "\" width=\"" +
               svg_number(width - 2 * margin) + "\" height=\"" + svg_number(band.height) + "\" fill=\"" +
               (b % 2 == 0 ? "#f4f6f9" : "#fbfcfd") + "\"" + svg_attribute("data-level", band.level) + "/>\n";
        if (b > 0)
            svg += "<path d=\"M" + svg_number(margin) + "," + svg_number(top) + " H" + svg_number(width - margin) +
                   "\" stroke=\"#dfe3e8\" stroke-width=\"1\"/>\n";
        if (options.level_labels) {
            const BoxStyle s = level_style(band.rank);
            const auto lines = detail::wrap_text(band.label, label_width - 14, label_font, true);
            const double line_h = label_font * 1.2;
            double ly = top + band.height / 2 - double(lines.lines.size()) * line_h / 2 + label_font * 0.85;
            svg += "<rect x=\"" + svg_number(margin) + "\" y=\"" + svg_number(top) + "\" width=\"4\" height=\"" +
                   svg_number(band.height) + "\"" + svg_attribute("fill", s.stroke) + "/>\n";
            svg += "<text font-size=\"" + svg_number(label_font) + "\" font-weight=\"700\" fill=\"#4a5568\">";
            for (const std::string& line : lines.lines) {
                svg += "<tspan x=\"" + svg_number(margin + 12) + "\" y=\"" + svg_number(ly) + "\">" +
                       detail::xml_escape(line) + "</tspan>";
                ly += line_h;
            }
            svg += "</text>\n";
        }
    }
    svg += "</g>\n";

    // ---- links (under the boxes) ------------------------------------------------------
    svg += "<g class=\"links\" fill=\"none\" transform=\"translate(" + svg_number(content_x) + "," +
           svg_number(content_y) + ")\">\n";
    for (const EdgePath& e : lay.edges) {
        const bool wrong = e.direction != EdgeDirection::up;
        const std::string colour(wrong ? detail::wrong_edge_colour : detail::edge_colour);
        svg += "<path" + svg_attribute("class", std::string("link") + (e.direction == EdgeDirection::down ? " link-down" :
                                                                 e.direction == EdgeDirection::level ? " link-level" : "")) +
               svg_attribute("data-source", e.source) + svg_attribute("data-target", e.target) + " d=\"" +
               detail::edge_path_data(e) + "\"" + svg_attribute("stroke", colour) + " stroke-width=\"1.3\"" +
               (wrong ? " stroke-dasharray=\"5 3\"" : "") + " marker-end=\"url(#" + pre +
               (wrong ? "-arrow-wrong" : "-arrow") + ")\"><title>" + detail::xml_escape(e.source) + " \xE2\x86\x92 " +
               detail::xml_escape(e.target) + "</title></path>\n";
    }
    svg += "</g>\n";

    // ---- boxes ----------------------------------------------------------------------------
    svg += "<g class=\"nodes\">\n";
    const double id_font = font * 0.8;
    for (const NodeBox& box : lay.nodes) {
        const Node& node = toc.node(box.id);
        const bool by_status = options.color == ColorMode::status;
        const ProgressStatus status = status_of(options.statuses, box.id);
        const BoxStyle s = by_status ? status_style(status) : level_style(*toc.schema().rank(box.level));
        const double bx = content_x + box.x, by = content_y + box.y;
        svg += "<g class=\"node\"" + svg_attribute("data-id", box.id) + svg_attribute("data-level", box.level);
        if (by_status) svg += svg_attribute("data-status", to_string(status));
        svg += ">";
        std::string tip = node.title.empty() ? box.id : node.title;
        tip += "\n" + toc.schema().level(box.level).label + " \xC2\xB7 " + box.id;
        if (by_status) tip += " \xC2\xB7 " + status_title(status);
        svg += "<title>" + detail::xml_escape(tip) + "</title>";
        svg += "<rect x=\"" + svg_number(bx) + "\" y=\"" + svg_number(by) + "\" width=\"" + svg_number(box.width) +
               "\" height=\"" + svg_number(box.height) + "\" rx=\"6\"" + svg_attribute("fill", s.fill) +
               svg_attribute("stroke", s.stroke) + " stroke-width=\"" + (box.emphasis ? "2.2" : "1.3") + "\"" +
               (s.dashed ? " stroke-dasharray=\"4 3\"" : "") + "/>";
        double ty = by + lay.padding_y;
        if (lay.show_ids) {
            ty += id_font * 1.05;
            svg += "<text x=\"" + svg_number(bx + box.width / 2) + "\" y=\"" + svg_number(ty) + "\" font-size=\"" +
                   svg_number(id_font) +
                   "\" font-family=\"'DejaVu Sans Mono', Menlo, Consolas, monospace\" text-anchor=\"middle\"" +
                   svg_attribute("fill", s.stroke) + ">" + detail::xml_escape(box.id) + "</text>";
            ty += id_font * 0.25;
        }
        svg += "<text font-size=\"" + svg_number(font) + "\" text-anchor=\"middle\"" + svg_attribute("fill", s.text) +
               (box.emphasis ? " font-weight=\"700\"" : "") + ">";
        for (std::size_t i = 0; i < box.lines.size(); ++i) {
            // Baseline of line i: its top plus the ascent (about 0.8 em in a 1.25 em line).
            const double baseline = ty + double(i) * lay.line_height + (lay.line_height + font * 0.7) / 2;
            svg += "<tspan x=\"" + svg_number(bx + box.width / 2) + "\" y=\"" + svg_number(baseline) + "\">" +
                   detail::xml_escape(box.lines[i]) + "</tspan>";
        }
        svg += "</text>";
        if (by_status) {  // a badge on the top right corner, clear of the text
            svg += "<circle cx=\"" + svg_number(bx + box.width - 3) + "\" cy=\"" + svg_number(by + 3) +
                   "\" r=\"7\" fill=\"#ffffff\"" + svg_attribute("stroke", s.stroke) + " stroke-width=\"1\"/>";
            svg += detail::status_symbol(status, bx + box.width - 3, by + 3, 3.4);
        }
        svg += "</g>\n";
    }
    svg += "</g>\n";

    // ---- legend ----------------------------------------------------------------------------
    if (!legend_lines.empty()) {
        double ly = content_y + lay.height + 14;
        svg += "<g class=\"legend\" font-size=\"" + svg_number(legend_font) + "\" fill=\"#2d3748\">\n";
        for (const auto& line : legend_lines) {
            double lx = margin;
            for (std::size_t i : line) {
                svg += "<g transform=\"translate(" + svg_number(lx) + "," + svg_number(ly) + ")\">" +
                       legend[i].swatch + "<text x=\"22\" y=\"" + svg_number(6 + legend_font * 0.35) + "\">" +
                       detail::xml_escape(legend[i].label) + "</text></g>\n";
                lx += legend[i].width;
            }
            ly += legend_line_height;
        }
        svg += "</g>\n";
    }
    svg += "</svg>\n";
    return svg;
}

/// The theory of change as an SVG image. Throws std::invalid_argument for a
/// bad option and ModelError for a status map naming an unknown node.
inline std::string to_svg(const TheoryOfChange& toc, const SvgOptions& options = {}) {
    detail::check_svg_options(toc, options);
    return to_svg(toc, layout(toc, options.layout), options);
}

}  // namespace tocgraph
