#pragma once
// Monitoring: where each indicator and each result stands as of a date.
//
//   ProgressOptions options{Date::from_ymd(2022, 12, 31)};
//   for (const IndicatorProgress& p : progress(toc, options)) ...       // per indicator
//   Rollup r = rollup(toc, {options, RollupMethod::weakest});           // per node
//   std::cout << explain(r, "goal").text;                               // why
//   for (const IndicatorBreakdown& b : progress_by(toc, "country", options)) ...
//
// docs/monitoring.md gives the rules and the edge cases.

#include "monitoring/status.hpp"
#include "monitoring/options.hpp"
#include "monitoring/aggregate.hpp"
#include "monitoring/indicator_progress.hpp"
#include "monitoring/rollup.hpp"
#include "monitoring/breakdown.hpp"
#include "monitoring/json.hpp"
#include "monitoring/text.hpp"
