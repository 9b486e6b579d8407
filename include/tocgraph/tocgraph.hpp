#pragma once
// The umbrella header: everything a C++ tool needs to build, read, write and
// analyse a theory of change.

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
#include "json_io.hpp"
