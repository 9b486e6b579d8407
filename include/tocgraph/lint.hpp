#pragma once
// The logic linter: rule catalogue, findings and the lint() entry point.

#include "lint/finding.hpp"
#include "lint/rules.hpp"
#include "lint/linter.hpp"
