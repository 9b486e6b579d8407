#pragma once
// Every format tocgraph reads or writes besides its own JSON (json_io.hpp):
// GraphML, Kumu blueprints, DAGitty models and the logframe table (CSV).
// docs/interop.md says what each one carries and what it leaves out.
//
// One folder per format, formats/<name>/, with read.hpp for what tocgraph
// reads and write.hpp for what it writes; options.hpp holds the options a
// format's reader or writer takes when its internals (formats/detail/) need them.

#include "formats/dagitty/write.hpp"
#include "formats/file_format.hpp"
#include "formats/graphml/write.hpp"
#include "formats/import_result.hpp"
#include "formats/kumu/read.hpp"
#include "formats/kumu/write.hpp"
#include "formats/logframe/read.hpp"
#include "formats/logframe/write.hpp"
