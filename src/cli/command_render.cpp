// tocgraph render FILE -o OUT: the theory of change drawn as SVG, or written
// as Graphviz DOT or Mermaid, by OUT's extension or --format
// (docs/drawing.md). --color status colours results by their rolled-up
// status as of --as-of DATE.
#include <cmath>
#include <optional>
#include <ostream>
#include <string>

#include <tocgraph/errors.hpp>
#include <tocgraph/render.hpp>

#include "command.hpp"
#include "options.hpp"
#include "output.hpp"

namespace tocgraph::cli {
namespace {

enum class DrawingFormat { svg, dot, mermaid };

std::optional<DrawingFormat> format_named(const std::string& name) {
    if (name == "svg") return DrawingFormat::svg;
    if (name == "dot" || name == "gv") return DrawingFormat::dot;
    if (name == "mermaid" || name == "mmd") return DrawingFormat::mermaid;
    return std::nullopt;
}

DrawingFormat format_of(const ParsedArgs& args, const std::optional<std::string>& out) {
    if (auto name = args.value("format")) {
        if (auto f = format_named(*name)) return *f;
        throw UsageError("option --format: unknown format \"" + *name + "\"; expected svg, dot or mermaid");
    }
    if (!out || *out == "-") return DrawingFormat::svg;
    const auto dot = out->rfind('.');
    std::string ext = dot == std::string::npos ? "" : out->substr(dot + 1);
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    if (auto f = format_named(ext)) return *f;
    throw UsageError("cannot tell the format of \"" + *out +
                     "\": use a .svg, .dot, .gv or .mmd file name, or --format");
}

/// A number option in (0, at_most] (or [0, at_most] with zero_ok): sizes
/// beyond any page are refused rather than drawn.
double bounded_number(const ParsedArgs& args, std::string_view name, double fallback, double at_most,
                      bool zero_ok = false) {
    const auto text = args.value(name);
    if (!text) return fallback;
    try {
        std::size_t used = 0;
        const double x = std::stod(*text, &used);
        if (used == text->size() && std::isfinite(x) && (x > 0 || (zero_ok && x == 0)) && x <= at_most) return x;
    } catch (const std::exception&) {
    }
    throw UsageError("option --" + std::string(name) + ": expected a " + (zero_ok ? "non-negative" : "positive") +
                     " number up to " + std::to_string(static_cast<long long>(at_most)) + ", got \"" + *text + "\"");
}

}  // namespace

int run_render(const ParsedArgs& args, Context& context) {
    const std::string& path = args.positional[0];
    const std::optional<std::string> out = args.value("output");
    const DrawingFormat format = format_of(args, out);

    ColorMode color = ColorMode::level;
    if (auto c = args.value("color")) {
        auto parsed = parse_enum<ColorMode>(*c);
        if (!parsed) throw UsageError("option --color: unknown value \"" + *c + "\"; expected level or status");
        color = *parsed;
    }
    const std::optional<Date> as_of = date_option(args, "as-of");
    if (color == ColorMode::status && !as_of) throw UsageError("--color status needs --as-of DATE");
    if (color == ColorMode::level && as_of) throw UsageError("--as-of is for --color status");
    const RollupMethod method = enum_option(args, "method", RollupMethod::mean);
    const std::optional<std::string> title = args.value("title");
    const bool show_ids = args.has("show-ids");
    const double font_size = bounded_number(args, "font-size", 12, 1000);
    const double text_width = bounded_number(args, "text-width", 168, 100000);

    // A cycle when rolling up statuses is an Error naming no file: prefix the input.
    return report_errors(context, input_name(path) + ": ", exit_failure, [&] {
        const TheoryOfChange toc = load_input(path);
        NodeStatuses statuses;
        if (color == ColorMode::status) statuses = node_statuses(toc, RollupOptions{ProgressOptions{*as_of, {}}, method});
        std::string text;
        if (format == DrawingFormat::svg) {
            SvgOptions o;
            o.color = color;
            o.statuses = std::move(statuses);
            o.title = title;
            if (as_of) o.subtitle = "Status as of " + as_of->to_string();
            o.layout.font_size = font_size;
            o.layout.max_text_width = text_width;
            o.layout.show_ids = show_ids;
            o.layout.max_width = bounded_number(args, "max-width", o.layout.max_width, 1000000, true);
            o.layout.show_empty_levels = args.has("empty-levels");
            text = to_svg(toc, o);
        } else {
            // DOT and Mermaid take the same options.
            auto text_options = [&](auto o) {
                o.color = color;
                o.statuses = std::move(statuses);
                o.title = title;
                o.font_size = font_size;
                o.max_text_width = text_width;
                o.show_ids = show_ids;
                return o;
            };
            text = format == DrawingFormat::dot ? to_dot(toc, text_options(DotOptions{}))
                                                : to_mermaid(toc, text_options(MermaidOptions{}));
        }
        return write_output_or_fail(context, out, text);
    });
}

}  // namespace tocgraph::cli
