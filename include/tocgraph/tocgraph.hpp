#pragma once
// The umbrella header: everything public in tocgraph, for a tool that wants
// it all. Each area has its own umbrella too, for a tool that wants less:
//
//   model         theory_of_change.hpp and the value types it holds; fwd.hpp
//                 names them without defining them
//   files         json_io.hpp (the JSON file format), file_io.hpp
//   formats.hpp   other tools' formats: GraphML, Kumu, DAGitty, logframe
//   iati.hpp      IATI activity XML
//   analysis.hpp  paths, critical nodes, coverage, what-if, centrality
//   lint.hpp      the logic linter and its rule catalogue
//   monitoring.hpp  indicator progress and its roll-up as of a date
//   probability.hpp chance of achievement (exact or Monte Carlo), contribution
//   versions.hpp  diff, patch and merge; the consultation record
//   render.hpp    layout, SVG, DOT and Mermaid
//   report.hpp    self-contained HTML and Markdown reports
//   synthetic.hpp random theories of change for tests and benchmarks
//
// docs/architecture.md shows how the areas build on each other.

#include "fwd.hpp"
#include "version.hpp"
#include "errors.hpp"
#include "date.hpp"
#include "enums.hpp"
#include "attributes.hpp"
#include "reference.hpp"
#include "level_schema.hpp"
#include "node.hpp"
#include "link.hpp"
#include "assumption.hpp"
#include "actor.hpp"
#include "indicator.hpp"
#include "feedback.hpp"
#include "metadata.hpp"
#include "theory_of_change.hpp"
#include "file_io.hpp"
#include "json_io.hpp"

#include "formats.hpp"
#include "iati.hpp"
#include "analysis.hpp"
#include "lint.hpp"
#include "monitoring.hpp"
#include "probability.hpp"
#include "versions.hpp"
#include "render.hpp"
#include "report.hpp"
#include "synthetic.hpp"
