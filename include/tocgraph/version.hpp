#pragma once
// Library and file-format versions.
//
// TOCGRAPH_VERSION below is the project's only version number: CMake's
// project() and pyproject.toml (scikit-build-core's regex provider) read it
// from this line, the Python package reports it as tocgraph.__version__ and
// the command line as `tocgraph --version`. Change it here only.
//
// The file format version changes only when files written by this version
// could not be read by an older reader.

#define TOCGRAPH_VERSION "0.1.0"

namespace tocgraph {

inline constexpr const char* version_string = TOCGRAPH_VERSION;

/// The value of the "format" member that identifies a tocgraph file.
inline constexpr const char* file_format_tag = "tocgraph";
/// The highest file-format version this library reads and the one it writes.
inline constexpr int file_format_version = 1;

}  // namespace tocgraph
