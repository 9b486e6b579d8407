#pragma once
// Every format tocgraph reads or writes besides its own JSON (json_io.hpp):
// GraphML, Kumu blueprints, DAGitty models and the logframe table (CSV).
// docs/interop.md says what each one carries and what it leaves out.

#include "formats/import_result.hpp"
#include "formats/graphml.hpp"
#include "formats/kumu.hpp"
#include "formats/dagitty.hpp"
#include "formats/logframe.hpp"
#include "formats/logframe_csv.hpp"
#include "formats/file_format.hpp"
