#pragma once
// What the two text drawings, DOT (dot.hpp) and Mermaid (mermaid.hpp), share:
// their label and colour options, declared once, the checks both make, and
// the text helpers both build labels with (escaping, UTF-8, wrapping).

#include <algorithm>
#include <initializer_list>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

#include "../detail/text/ascii.hpp"
#include "../detail/text/escape_table.hpp"
#include "../detail/text/utf8.hpp"
#include "../theory_of_change.hpp"
#include "detail/text_wrap.hpp"
#include "style.hpp"

namespace tocgraph {

/// The options DotOptions and MermaidOptions have in common.
struct TextDrawingOptions {
    ColorMode color = ColorMode::level;
    NodeStatuses statuses;             ///< used with ColorMode::status
    std::optional<std::string> title;  ///< nullopt: the programme title; "": none
    double font_size = 12;             ///< DOT: points, as Graphviz measures; Mermaid: for the wrap width only
    double max_text_width = 168;       ///< titles wrap at about this width
    bool show_ids = false;             ///< the id on a first line of each label
};

namespace detail {

/// Throws std::invalid_argument for a size that is not a positive number and
/// ModelError for a status map naming an unknown node. `format` names the
/// writer in the message ("DOT", "Mermaid").
inline void check_text_drawing_options(const TheoryOfChange& toc, const TextDrawingOptions& options,
                                       const char* format) {
    if (!(options.font_size > 0) || !(options.max_text_width > 0))
        throw std::invalid_argument(std::string(format) +
                                    " options font_size and max_text_width must be positive numbers");
    if (options.color == ColorMode::status) check_statuses(toc, options.statuses);
}

/// True if `id` is one of `words` (written in lower case), in any ASCII case:
/// the keywords a text format will not take as a plain node id.
inline bool is_keyword(std::string_view id, std::initializer_list<std::string_view> words) {
    const std::string lower = ascii_lower(id);
    return std::find(words.begin(), words.end(), lower) != words.end();
}

}  // namespace detail
}  // namespace tocgraph
