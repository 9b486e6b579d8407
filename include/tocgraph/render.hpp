#pragma once
// Drawing a theory of change: the layered layout, and SVG, DOT and Mermaid
// writers on top of it (docs/drawing.md).
//
//   std::string svg = tocgraph::to_svg(toc);                 // levels as bands, goal on top
//   tocgraph::SvgOptions o;
//   o.color = tocgraph::ColorMode::status;
//   o.statuses = tocgraph::node_statuses(toc, {{as_of}});      // node id -> ProgressStatus
//   std::string dot = tocgraph::to_dot(toc), mmd = tocgraph::to_mermaid(toc);

#include "render/style.hpp"
#include "render/layout.hpp"
#include "render/text_options.hpp"
#include "render/svg.hpp"
#include "render/dot.hpp"
#include "render/mermaid.hpp"
#include "render/statuses.hpp"
