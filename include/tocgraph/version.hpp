#pragma once
// Library and file-format versions. The file format version changes only when
// files written by this version could not be read by an older reader.

namespace tocgraph {

inline constexpr int version_major = 0;
inline constexpr int version_minor = 1;
inline constexpr int version_patch = 0;
inline constexpr const char* version_string = "0.1.0";

/// The value of the "format" member that identifies a tocgraph file.
inline constexpr const char* file_format_tag = "tocgraph";
/// The highest file-format version this library reads and the one it writes.
inline constexpr int file_format_version = 1;

}  // namespace tocgraph
