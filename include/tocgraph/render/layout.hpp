#pragma once
// The layered layout of a theory of change, the geometry every drawing uses.
//
// Each level of the schema that has nodes is a horizontal band, the top
// level (the goal) at the top, in schema order; a node always sits in its
// own level's band, whatever levels its links skip. Links run from cause
// (below) to effect (above). The method is Sugiyama's:
//   1. one layer per band; links that span several bands get a bend point
//      in every band they cross, so every piece joins adjacent layers;
//   2. the order inside each layer starts from pathway membership (the
//      pathways' own order, then insertion order) and is improved by median
//      and barycenter sweeps and transpositions, always keeping each
//      pathway's nodes together (detail/layer_order.hpp);
//   3. x coordinates come from a quadratic program that keeps boxes apart
//      and pulls linked nodes and the bend points of long links into line
//      (detail/layer_placement.hpp). A band wider than `max_width` is
//      staggered over two rows, with room between the boxes of each row for
//      the other row's links to pass straight through.
// Boxes are sized to their wrapped titles (detail/text_wrap.hpp).

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <limits>
#include <numeric>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "../detail/graph/traversal.hpp"
#include "../theory_of_change.hpp"
#include "detail/layer_order.hpp"
#include "detail/layer_placement.hpp"
#include "detail/text_metrics.hpp"
#include "detail/text_wrap.hpp"

namespace tocgraph {

struct LayoutOptions {
    double font_size = 12;          ///< pixels, for node titles
    double max_text_width = 168;    ///< titles wrap at this width (pixels)
    double goal_text_width = 320;   ///< the wrap width at goal-role levels, which hold few nodes
    std::size_t max_lines = 0;      ///< 0: every line of a title; else cut with an ellipsis
    bool show_ids = false;          ///< print each node's id above its title
    bool show_empty_levels = false; ///< give levels without nodes a band too
    /// A band wider than this (pixels) is staggered over two rows, which
    /// roughly halves its width; 0: never.
    double max_width = 2400;
    double node_gap = 16;           ///< horizontal space between boxes
    /// Vertical space between the boxes of adjacent bands; more (up to three
    /// times) where the links between them run far sideways.
    double level_gap = 44;
    std::size_t ordering_iterations = 24;  ///< crossing-reduction sweeps at most
};

struct Point {
    double x = 0;
    double y = 0;
    friend bool operator==(const Point&, const Point&) = default;
};

/// A node's box. Coordinates are pixels, y downwards, (0, 0) the top left
/// of the drawing area.
struct NodeBox {
    std::string id;
    std::string level;
    std::size_t band = 0;  ///< index in Layout::bands
    std::size_t row = 0;   ///< 0, or 1 for the lower row of a staggered band
    double x = 0;          ///< left edge
    double y = 0;          ///< top edge
    double width = 0;
    double height = 0;
    std::vector<std::string> lines;  ///< the wrapped title (the id when the title is empty)
    bool emphasis = false;           ///< a goal-role node, drawn bold

    double center_x() const { return x + width / 2; }
    double bottom() const { return y + height; }
};

enum class EdgeDirection {
    up,    ///< cause below effect: the normal case
    down,  ///< the source is at a higher level than the target (the linter's TOC102)
    level  ///< both ends at one level (TOC103)
};

/// The route of one link from its source to its target. For up and down
/// links the points alternate: points[0] on the source box, then for every
/// layer crossed an entry and an exit point (a vertical run at one x), then
/// the last point on the target box. Between a point of even index and the
/// next the route changes layer (drawn as a curve with vertical ends);
/// between an odd one and the next it runs straight. A level link has two
/// points, the tops of its two boxes. A link that passes the other row of a
/// staggered band starts (or ends) with a zero-length curve and a straight
/// run, so the alternation holds.
struct EdgePath {
    std::string source;
    std::string target;
    EdgeDirection direction = EdgeDirection::up;
    std::vector<Point> points;
};

/// The horizontal band of one level.
struct Band {
    std::string level;  ///< level id
    std::string label;  ///< level label from the schema
    std::size_t rank = 0;  ///< position of the level in the schema (0 = top)
    std::size_t rows = 1;  ///< 2 when the band is staggered
    double y = 0;
    double height = 0;
};

struct Layout {
    std::vector<Band> bands;      ///< top first
    std::vector<NodeBox> nodes;   ///< in node insertion order
    std::vector<EdgePath> edges;  ///< in link order (toc.links())
    double width = 0;             ///< of the drawing area
    double height = 0;
    /// Edge crossings of the layered drawing (counted between adjacent layers,
    /// long links through their bend points).
    std::size_t crossings = 0;
    double font_size = 12;
    double line_height = 15;
    double padding_x = 9;   ///< inside a box, left and right of the text
    double padding_y = 7;   ///< inside a box, above and below the text
    bool show_ids = false;

    const NodeBox* find(std::string_view id) const {
        for (const NodeBox& b : nodes)
            if (b.id == id) return &b;
        return nullptr;
    }
};

namespace detail {

inline void check_layout_options(const LayoutOptions& o) {
    auto positive = [](double v, const char* name) {
        if (!(std::isfinite(v) && v > 0))
            throw std::invalid_argument(std::string("layout option ") + name + " must be a positive number, got " +
                                        std::to_string(v));
    };
    positive(o.font_size, "font_size");
    positive(o.max_text_width, "max_text_width");
    positive(o.goal_text_width, "goal_text_width");
    if (!(std::isfinite(o.max_width) && o.max_width >= 0))
        throw std::invalid_argument("layout option max_width must be 0 or a positive number, got " +
                                    std::to_string(o.max_width));
    if (!(std::isfinite(o.node_gap) && o.node_gap >= 0))
        throw std::invalid_argument("layout option node_gap must not be negative, got " + std::to_string(o.node_gap));
    if (!(std::isfinite(o.level_gap) && o.level_gap >= 0))
        throw std::invalid_argument("layout option level_gap must not be negative, got " +
                                    std::to_string(o.level_gap));
}

/// The pathway group key of every node: the mean position (in insertion
/// order) of the pathways it contributes to or that contribute to it; NaN
/// when it is linked to no pathway.
inline std::vector<double> pathway_groups(const TheoryOfChange& toc) {
    const auto& g = toc.graph();
    const std::size_t n = toc.node_count();
    std::vector<double> sum(n, 0.0), count(n, 0.0);
    const auto pathways = vertices_with_role(toc, LevelRole::pathway);
    for (std::size_t k = 0; k < pathways.size(); ++k) {
        const auto below = reachable(g, {pathways[k]}, Direction::down);
        const auto above = reachable(g, {pathways[k]}, Direction::up);
        for (std::size_t v = 0; v < n; ++v)
            if (below[v] || above[v]) {
                sum[v] += double(k);
                count[v] += 1;
            }
    }
    std::vector<double> group(n, std::numeric_limits<double>::quiet_NaN());
    for (std::size_t v = 0; v < n; ++v)
        if (count[v] > 0) group[v] = sum[v] / count[v];
    return group;
}

inline double mean_group(double a, double b) {
    if (std::isnan(a)) return b;
    if (std::isnan(b)) return a;
    return (a + b) / 2;
}

}  // namespace detail

/// Lays out a theory of change. Throws std::invalid_argument for an option
/// out of range. Deterministic: the same model and options give the same layout.
inline Layout layout(const TheoryOfChange& toc, const LayoutOptions& options = {}) {
    detail::check_layout_options(options);
    const LevelSchema& schema = toc.schema();
    const auto& g = toc.graph();
    const std::size_t n = toc.node_count();

    Layout out;
    out.font_size = options.font_size;
    out.line_height = std::round(options.font_size * 1.25 * 10) / 10;
    out.padding_x = std::round(options.font_size * 0.75 * 10) / 10;
    out.padding_y = std::round(options.font_size * 0.55 * 10) / 10;
    out.show_ids = options.show_ids;

    // ---- bands --------------------------------------------------------------
    std::vector<std::size_t> rank(n);
    std::vector<std::size_t> per_level(schema.size(), 0);
    for (std::size_t v = 0; v < n; ++v) {
        rank[v] = *schema.rank(g[v].level);
        ++per_level[rank[v]];
    }
    std::vector<std::size_t> band_of_rank(schema.size(), SIZE_MAX);
    for (std::size_t r = 0; r < schema.size(); ++r) {
        if (per_level[r] == 0 && !options.show_empty_levels) continue;
        band_of_rank[r] = out.bands.size();
        Band band;
        band.level = schema.levels()[r].id;
        band.label = schema.levels()[r].label.empty() ? band.level : schema.levels()[r].label;
        band.rank = r;
        out.bands.push_back(std::move(band));
    }
    const std::size_t band_count = out.bands.size();

    // ---- boxes --------------------------------------------------------------
    const double id_font = options.font_size * 0.8;
    out.nodes.resize(n);
    for (std::size_t v = 0; v < n; ++v) {
        NodeBox& box = out.nodes[v];
        box.id = g[v].id;
        box.level = g[v].level;
        box.band = band_of_rank[rank[v]];
        box.emphasis = schema.levels()[rank[v]].role == LevelRole::goal;
        const double wrap = box.emphasis ? options.goal_text_width : options.max_text_width;
        const std::string& text = g[v].title.empty() ? g[v].id : g[v].title;
        auto wrapped = detail::wrap_text(text, wrap, options.font_size, box.emphasis, options.max_lines);
        box.lines = std::move(wrapped.lines);
        double text_width = wrapped.width;
        if (options.show_ids) text_width = std::max(text_width, detail::text_width(box.id, id_font) * 1.15);
        // 4% spare: fonts differ a little from the metrics the estimate uses.
        box.width = std::ceil(std::max(text_width * 1.04 + 2 * out.padding_x, options.font_size * 5));
        double text_height = double(std::max<std::size_t>(box.lines.size(), 1)) * out.line_height;
        if (options.show_ids) text_height += id_font * 1.3;
        box.height = std::ceil(text_height + 2 * out.padding_y);
    }

    // ---- the layered graph ---------------------------------------------------------
    // One layer per band. Elements 0..n-1 are the nodes; the rest are the
    // bend points of links that cross more than one band.
    const auto group = detail::pathway_groups(toc);
    std::vector<std::vector<std::size_t>> band_nodes(band_count);
    for (std::size_t v = 0; v < n; ++v) band_nodes[out.nodes[v].band].push_back(v);
    std::vector<double> anchor(n, 0.5);  // initial relative position in the band, 0..1
    for (auto& members : band_nodes) {   // initial order: by pathway, then insertion
        std::stable_sort(members.begin(), members.end(), [&](std::size_t a, std::size_t b) {
            return detail::order_impl::group_less(group[a], group[b]);
        });
        for (std::size_t i = 0; i < members.size(); ++i)
            if (members.size() > 1) anchor[members[i]] = double(i) / double(members.size() - 1);
    }
    detail::LayeredGraph lg;
    std::vector<double> element_anchor;
    for (std::size_t v = 0; v < n; ++v) {
        lg.add(out.nodes[v].band, group[v]);
        element_anchor.push_back(anchor[v]);
    }
    lg.layer_count = band_count;

    const auto links = toc.links();
    struct LinkEnds {
        std::size_t lower, upper;  // nodes: lower is in the band further down
        EdgeDirection direction;
    };
    std::vector<LinkEnds> ends(links.size());
    std::vector<std::vector<std::size_t>> chains(links.size());  // elements from lower to upper end
    for (std::size_t k = 0; k < links.size(); ++k) {
        const std::size_t s = toc.vertex_of(links[k]->source), t = toc.vertex_of(links[k]->target);
        const std::size_t bs = out.nodes[s].band, bt = out.nodes[t].band;
        if (bs == bt) {
            ends[k] = {s, t, EdgeDirection::level};
            continue;
        }
        ends[k] = bs > bt ? LinkEnds{s, t, EdgeDirection::up} : LinkEnds{t, s, EdgeDirection::down};
        const std::size_t a = ends[k].lower, b = ends[k].upper;
        const std::size_t from = out.nodes[a].band, to = out.nodes[b].band;
        const double key = detail::mean_group(group[a], group[b]);
        auto& chain = chains[k];
        chain.push_back(a);
        for (std::size_t l = from; l-- > to + 1;) {
            const double t_ = double(from - l) / double(from - to);
            chain.push_back(lg.add(l, key));
            element_anchor.push_back(anchor[a] + (anchor[b] - anchor[a]) * t_);
        }
        chain.push_back(b);
        for (std::size_t i = 0; i + 1 < chain.size(); ++i) lg.join(chain[i + 1], chain[i]);
    }

    // ---- order ----------------------------------------------------------------------
    detail::LayerOrder order(band_count);
    for (std::size_t e = 0; e < lg.size(); ++e) order[lg.layer[e]].push_back(e);
    for (auto& layer : order)
        std::stable_sort(layer.begin(), layer.end(), [&](std::size_t a, std::size_t b) {
            if (!detail::order_impl::same_group(lg.group[a], lg.group[b]))
                return detail::order_impl::group_less(lg.group[a], lg.group[b]);
            return element_anchor[a] < element_anchor[b];
        });
    out.crossings = detail::reduce_crossings(lg, order, options.ordering_iterations);

    // ---- x coordinates ----------------------------------------------------------------
    // A band wider than max_width is staggered: its nodes alternate between
    // two rows. Any two elements of such a band are then kept far enough
    // apart for a link to run straight up (or down) past the other's box, so
    // the nodes of one row send and receive their links through the gaps
    // between the boxes of the other.
    const double edge_gap = std::max(6.0, options.node_gap * 0.5);
    const double lane = std::max(8.0, options.node_gap * 0.6);
    std::vector<double> width(lg.size(), 0.0);
    for (std::size_t v = 0; v < n; ++v) width[v] = out.nodes[v].width;
    auto separation = [&](std::size_t a, std::size_t b, bool staggered) {
        const bool ra = a < n, rb = b < n;
        double sep;
        if (staggered) sep = std::max(width[a], width[b]) / 2 + lane;
        else if (ra && rb) sep = (width[a] + width[b]) / 2 + options.node_gap;
        else if (ra || rb) sep = (width[a] + width[b]) / 2 + edge_gap;
        else sep = edge_gap;
        // A wider gap where one pathway's nodes end and the next's begin.
        if (ra && rb && !detail::order_impl::same_group(lg.group[a], lg.group[b])) sep += options.node_gap;
        return sep;
    };
    detail::PlacementInput placement;
    placement.graph = &lg;
    placement.order = &order;
    placement.width = width;
    placement.is_virtual.assign(lg.size(), 1);
    for (std::size_t v = 0; v < n; ++v) placement.is_virtual[v] = 0;
    placement.separation.resize(band_count);
    for (std::size_t b = 0; b < band_count; ++b) {
        const auto& layer = order[b];
        double natural = 0;
        for (std::size_t i = 0; i + 1 < layer.size(); ++i) natural += separation(layer[i], layer[i + 1], false);
        const bool staggered = options.max_width > 0 && band_nodes[b].size() > 2 && natural > options.max_width;
        if (staggered) {
            out.bands[b].rows = 2;
            std::size_t k = 0;
            for (std::size_t e : layer)
                if (e < n) out.nodes[e].row = k++ % 2;
        }
        for (std::size_t i = 0; i + 1 < layer.size(); ++i)
            placement.separation[b].push_back(separation(layer[i], layer[i + 1], staggered));
    }
    const std::vector<double> x = detail::place_layers(placement);

    // ---- y coordinates ----------------------------------------------------------------
    // Each band: half a level gap, its row(s) of boxes, half a level gap.
    // area_top/area_bottom: the extent of the boxes of the band (both rows).
    std::vector<std::array<double, 2>> row_height(band_count, {0.0, 0.0}), row_top(band_count, {0.0, 0.0});
    for (std::size_t v = 0; v < n; ++v) {
        double& h = row_height[out.nodes[v].band][out.nodes[v].row];
        h = std::max(h, out.nodes[v].height);
    }
    const double row_gap = std::max(12.0, options.level_gap * 0.35);
    // Links that travel far sideways between two bands get more room to
    // climb, so their curves stay apart: up to three times the level gap.
    std::vector<double> gap_below(band_count, options.level_gap), dx_sum(band_count, 0.0), dx_count(band_count, 0.0);
    for (const auto& chain : chains)
        for (std::size_t i = 0; i + 1 < chain.size(); ++i) {
            const std::size_t lower_band = lg.layer[chain[i]];
            dx_sum[lower_band - 1] += std::abs(x[chain[i]] - x[chain[i + 1]]);
            dx_count[lower_band - 1] += 1;
        }
    for (std::size_t b = 0; b + 1 < band_count; ++b)
        if (dx_count[b] > 0)
            gap_below[b] = std::round(options.level_gap * std::min(3.0, 1.0 + dx_sum[b] / dx_count[b] / 600.0));
    std::vector<double> area_top(band_count), area_bottom(band_count);
    double cursor = 0;
    for (std::size_t b = 0; b < band_count; ++b) {
        Band& band = out.bands[b];
        band.y = cursor;
        cursor += b == 0 ? options.level_gap / 2 : gap_below[b - 1] / 2;
        area_top[b] = cursor;
        for (std::size_t r = 0; r < band.rows; ++r) {
            if (row_height[b][r] == 0) row_height[b][r] = options.font_size;  // an empty level's band
            row_top[b][r] = cursor;
            cursor += row_height[b][r];
            if (r + 1 < band.rows) cursor += row_gap;
        }
        area_bottom[b] = cursor;
        cursor += gap_below[b] / 2;
        band.height = cursor - band.y;
    }
    out.height = cursor;

    double right = 0;
    for (std::size_t v = 0; v < n; ++v) {
        NodeBox& box = out.nodes[v];
        const std::size_t b = box.band, r = box.row;
        box.x = std::round((x[v] - box.width / 2) * 10) / 10;
        box.y = std::round((row_top[b][r] + (row_height[b][r] - box.height) / 2) * 10) / 10;
        right = std::max(right, box.x + box.width);
    }
    for (std::size_t e = n; e < lg.size(); ++e) right = std::max(right, x[e]);
    out.width = std::ceil(right);

    // ---- routes --------------------------------------------------------------------
    // A node in the lower row of a staggered band sends its links up past the
    // upper row along one line from its centre (a trunk), and a node in the
    // upper row receives links from below the same way; other links leave the
    // top of a box and enter its bottom spread along the edge, in the order
    // of where they go, so they do not cross at the box.
    auto trunk_up = [&](std::size_t v) { return out.nodes[v].row == 1; };
    auto trunk_down = [&](std::size_t v) {
        return out.nodes[v].row == 0 && out.bands[out.nodes[v].band].rows == 2;
    };
    auto element_x = [&](std::size_t e) { return e < n ? out.nodes[e].center_x() : x[e]; };
    std::vector<std::vector<std::pair<double, std::size_t>>> top_ports(n), bottom_ports(n);
    for (std::size_t k = 0; k < links.size(); ++k) {
        const auto& chain = chains[k];
        if (chain.empty()) continue;
        const std::size_t a = chain.front(), b = chain.back();
        // Sorted by where the link goes next, then by its far end.
        if (!trunk_up(a)) top_ports[a].push_back({element_x(chain[1]) + 1e-6 * element_x(b), k});
        if (!trunk_down(b)) bottom_ports[b].push_back({element_x(chain[chain.size() - 2]) + 1e-6 * element_x(a), k});
    }
    std::vector<double> top_port_x(links.size(), 0.0), bottom_port_x(links.size(), 0.0);
    auto spread = [&](std::vector<std::pair<double, std::size_t>>& ports, const NodeBox& box,
                      std::vector<double>& port_x) {
        std::sort(ports.begin(), ports.end());
        const std::size_t k = ports.size();
        double span = k > 1 ? std::min(box.width * 0.7, double(k - 1) * 12.0) : 0.0;
        if (k > 1 && span / double(k - 1) < 7.0) span = 0;  // too many to tell apart: meet in the middle
        for (std::size_t i = 0; i < k; ++i)
            port_x[ports[i].second] =
                box.center_x() + (k > 1 ? -span / 2 + span * double(i) / double(k - 1) : 0.0);
    };
    for (std::size_t v = 0; v < n; ++v) {
        spread(top_ports[v], out.nodes[v], top_port_x);
        spread(bottom_ports[v], out.nodes[v], bottom_port_x);
    }
    auto round1 = [](double value) { return std::round(value * 10) / 10; };
    out.edges.reserve(links.size());
    for (std::size_t k = 0; k < links.size(); ++k) {
        EdgePath path;
        path.source = links[k]->source;
        path.target = links[k]->target;
        path.direction = ends[k].direction;
        if (ends[k].direction == EdgeDirection::level) {
            const NodeBox& s = out.nodes[ends[k].lower];
            const NodeBox& t = out.nodes[ends[k].upper];
            path.points = {{round1(s.center_x()), s.y}, {round1(t.center_x()), t.y}};
            out.edges.push_back(std::move(path));
            continue;
        }
        const auto& chain = chains[k];
        const std::size_t a = chain.front(), b = chain.back();
        const NodeBox& lower = out.nodes[a];
        const NodeBox& upper = out.nodes[b];
        auto& p = path.points;
        if (trunk_up(a)) {  // up past the band's upper row: a run that starts at the box
            const double cx = round1(lower.center_x());
            p.push_back({cx, lower.y});
            p.push_back({cx, lower.y});
            p.push_back({cx, round1(area_top[lower.band])});
        } else {
            p.push_back({round1(top_port_x[k]), lower.y});
        }
        for (std::size_t i = 1; i + 1 < chain.size(); ++i) {
            const std::size_t l = lg.layer[chain[i]];
            const double px = round1(x[chain[i]]);
            p.push_back({px, round1(area_bottom[l])});
            p.push_back({px, round1(area_top[l])});
        }
        if (trunk_down(b)) {  // up past the band's lower row into the box
            const double cx = round1(upper.center_x());
            p.push_back({cx, round1(area_bottom[upper.band])});
            p.push_back({cx, round1(upper.bottom())});
            p.push_back({cx, round1(upper.bottom())});
        } else {
            p.push_back({round1(bottom_port_x[k]), round1(upper.bottom())});
        }
        if (ends[k].direction == EdgeDirection::down) std::reverse(p.begin(), p.end());
        out.edges.push_back(std::move(path));
    }
    return out;
}

}  // namespace tocgraph
