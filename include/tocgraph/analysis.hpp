#pragma once
// Every analysis of a ToC: free functions over a const TheoryOfChange&, safe
// to run from several threads at once.

#include "analysis/reach.hpp"
#include "analysis/order.hpp"
#include "analysis/paths.hpp"
#include "analysis/critical.hpp"
#include "analysis/what_if.hpp"
#include "analysis/coverage.hpp"
#include "analysis/pathways.hpp"
#include "analysis/centrality.hpp"
#include "analysis/json.hpp"
