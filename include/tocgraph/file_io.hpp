#pragma once
// Whole-file reads and atomic whole-file writes, as every reader and writer of
// tocgraph uses them:
//
//   std::string text = tocgraph::read_file("toc.json");          // FormatError if unreadable
//   tocgraph::write_file_atomically("report.html", html);        // Error if not written
//
// A save must never leave a half-written file where a good one was (a full
// disk, a crash, a kill in the middle): write a temporary file in the target's
// directory (the same file system, so the rename cannot become a copy),
// flush it to disk, then rename it over the target, which POSIX and
// std::filesystem on Windows make atomic. Any failure removes the temporary
// file. C stdio rather than iostreams because errno says *why* it failed.

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <string>
#include <string_view>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>  // fsync
#endif

#include "errors.hpp"

namespace tocgraph {

namespace detail {

inline std::FILE* open_file(const std::filesystem::path& path, const char* mode) {
#ifdef _WIN32
    std::wstring wmode(mode, mode + std::strlen(mode));
    return ::_wfopen(path.c_str(), wmode.c_str());
#else
    return std::fopen(path.c_str(), mode);
#endif
}

}  // namespace detail

/// No limit on the size of a file read_file reads.
inline constexpr std::size_t no_size_limit = std::numeric_limits<std::size_t>::max();

/// The whole contents of the file at `path`, at most `max_bytes` of them.
/// Throws FormatError naming the file (as given) when it cannot be read,
/// with the problem "cannot open file: REASON" (the system's words, e.g. "No
/// such file or directory", "Is a directory"), or when it is longer than
/// `max_bytes`, with the problem "file is larger than MAX_BYTES bytes".
inline std::string read_file(const std::filesystem::path& path, std::size_t max_bytes = no_size_limit) {
    auto fail = [&](const std::string& problem) { throw FormatError(path.string(), "", problem); };
    std::FILE* f = detail::open_file(path, "rb");
    if (!f) fail("cannot open file: " + std::string(std::strerror(errno)));
    std::string text;
    char buffer[1 << 16];
    std::size_t n;
    while ((n = std::fread(buffer, 1, sizeof buffer, f)) > 0) {
        if (n > max_bytes - text.size()) {
            std::fclose(f);
            fail("file is larger than " + std::to_string(max_bytes) + " bytes");
        }
        text.append(buffer, n);
    }
    const bool failed = std::ferror(f) != 0;
    const int error = errno;  // e.g. EISDIR when the path is a directory
    std::fclose(f);
    if (failed) fail("cannot open file: " + std::string(std::strerror(error)));
    return text;
}

/// Replaces the file at `path` with `contents` atomically: readers see the
/// old file or the new one, never a part. A symbolic link is followed (the
/// file it points to is replaced) and the permissions of a replaced file are
/// kept. On any failure (a full disk, a missing directory, no permission) the
/// target is left as it was, the temporary file is removed, and Error is
/// thrown with the message `cannot save "PATH": REASON`.
inline void write_file_atomically(const std::filesystem::path& path, std::string_view contents) {
    namespace fs = std::filesystem;
    auto fail = [&](const std::string& reason) {
        throw Error("cannot save \"" + path.string() + "\": " + reason);
    };

    // Through a symbolic link, replace the file it points to, not the link.
    fs::path target = path;
    std::error_code ec;
    if (fs::is_symlink(target, ec))
        if (auto resolved = fs::canonical(target, ec); !ec) target = resolved;
    if (target.filename().empty()) fail("not a file name");

    // A name no other writer uses: "x" mode fails rather than reuse a file.
    static std::atomic<unsigned long> counter{0};
    const auto seed = static_cast<unsigned long>(
        std::chrono::steady_clock::now().time_since_epoch().count());
    fs::path temp;
    std::FILE* f = nullptr;
    for (int attempt = 0; attempt < 100 && !f; ++attempt) {
        fs::path name = ".";
        name += target.filename();
        name += ".tmp-" + std::to_string((seed + counter++ * 7919) % 1000000007UL);
        temp = target.parent_path() / name;
        f = detail::open_file(temp, "wbx");
        if (!f && errno != EEXIST) fail(std::strerror(errno));
    }
    if (!f) fail("cannot create a temporary file");

    auto abandon = [&](int error) {
        if (f) std::fclose(f);
        std::error_code ignored;
        fs::remove(temp, ignored);
        fail(std::strerror(error));
    };
    if (std::fwrite(contents.data(), 1, contents.size(), f) != contents.size()) abandon(errno);
    if (std::fflush(f) != 0) abandon(errno);
#if defined(__unix__) || defined(__APPLE__)
    // On disk before the rename, or a crash could leave an empty target.
    if (::fsync(::fileno(f)) != 0 && errno != EINVAL) abandon(errno);
#endif
    const int closed = std::fclose(f);
    f = nullptr;
    if (closed != 0) abandon(errno);

    // Keep the permissions of the file being replaced.
    if (auto status = fs::status(target, ec); !ec && fs::is_regular_file(status))
        fs::permissions(temp, status.permissions(), ec);

    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        fail(ec.message());
    }
}

}  // namespace tocgraph
