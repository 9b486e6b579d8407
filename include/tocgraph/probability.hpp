#pragma once
// Probabilistic contribution analysis: the chance each result is achieved,
// given activity status, link strengths and assumption likelihoods, exactly
// or by Monte Carlo, and which activities, assumptions and links matter most.
// docs/probability.md describes the model.

#include "probability/parameters.hpp"
#include "probability/errors.hpp"
#include "probability/model.hpp"
#include "probability/marginals.hpp"
#include "probability/exact.hpp"
#include "probability/monte_carlo.hpp"
#include "probability/random_model.hpp"
#include "probability/sensitivity.hpp"
#include "probability/contribution.hpp"
#include "probability/observe.hpp"
#include "probability/network.hpp"
