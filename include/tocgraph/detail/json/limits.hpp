#pragma once
// Limits of the file format shared by the reader and the writer, so that
// whatever the writer produces the reader accepts.

#include <cstddef>

namespace tocgraph::detail {

/// Containers (objects and arrays) may nest this deep and no deeper: deep
/// enough for any real attributes, shallow enough that no recursive consumer
/// of a file (ours, Python's json, a browser) runs out of stack.
inline constexpr std::size_t max_depth = 256;

}  // namespace tocgraph::detail
