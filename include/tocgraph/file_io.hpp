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
// file. On Linux the temporary file has no name while it is written
// (O_TMPFILE) and is linked under a hidden name only once complete, just
// before the rename, so even a process killed mid-write leaves nothing behind.
// C stdio and POSIX calls rather than iostreams because errno says *why* it failed.

#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <limits>
#include <optional>
#include <string>
#include <string_view>
#include <system_error>

#if defined(__unix__) || defined(__APPLE__)
#include <unistd.h>  // fsync
#endif
#if defined(__linux__)
#include <fcntl.h>  // O_TMPFILE, linkat
#include <sys/stat.h>
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

/// A hidden name beside `target` that no other writer in this process uses
/// (".NAME.tmp-N"); the callers still create it exclusively, as another process may.
inline std::filesystem::path temporary_name_beside(const std::filesystem::path& target) {
    static std::atomic<unsigned long> counter{0};
    static const auto seed = static_cast<unsigned long>(std::chrono::steady_clock::now().time_since_epoch().count());
    std::filesystem::path name = ".";
    name += target.filename();
    name += ".tmp-" + std::to_string((seed + counter++ * 7919) % 1000000007UL);
    return target.parent_path() / name;
}

#if defined(__linux__)
/// Writes `contents` to an unnamed file in `target`'s directory, flushed to
/// disk with the permissions `mode`, then links it as a temporary name and
/// renames that over `target`. Returns false (nothing done) when the file
/// system has no O_TMPFILE; otherwise throws through `fail` or succeeds.
template <typename Fail>
bool write_unnamed_then_rename(const std::filesystem::path& target, std::string_view contents,
                               std::optional<std::filesystem::perms> mode, Fail fail) {
    const std::filesystem::path dir = target.parent_path().empty() ? "." : target.parent_path();
    const int fd = ::open(dir.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    if (fd < 0) {
        if (errno == EOPNOTSUPP || errno == EISDIR || errno == EINVAL) return false;
        fail(std::strerror(errno));
    }
    auto abandon = [&](int error) {
        ::close(fd);
        fail(std::strerror(error));
    };
    for (std::size_t done = 0; done < contents.size();) {
        const ::ssize_t n = ::write(fd, contents.data() + done, contents.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) abandon(n < 0 ? errno : EIO);
        done += static_cast<std::size_t>(n);
    }
    if (mode && ::fchmod(fd, static_cast<::mode_t>(*mode)) != 0) abandon(errno);
    if (::fsync(fd) != 0 && errno != EINVAL) abandon(errno);
    // linkat cannot replace a file, so the complete file gets a name of its
    // own first; without /proc (a bare chroot) fall back to the named way.
    const std::string self = "/proc/self/fd/" + std::to_string(fd);
    std::filesystem::path temp;
    int linked = -1;
    for (int attempt = 0; attempt < 100 && linked != 0; ++attempt) {
        temp = temporary_name_beside(target);
        linked = ::linkat(AT_FDCWD, self.c_str(), AT_FDCWD, temp.c_str(), AT_SYMLINK_FOLLOW);
        if (linked != 0 && errno != EEXIST) {
            if (errno == ENOENT && ::access("/proc/self/fd", F_OK) != 0) {
                ::close(fd);
                return false;
            }
            abandon(errno);
        }
    }
    if (linked != 0) abandon(EEXIST);
    ::close(fd);
    std::error_code ec;
    std::filesystem::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        std::filesystem::remove(temp, ignored);
        fail(ec.message());
    }
    return true;
}
#endif

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
    // A regular file's size is known: refuse a too large one before reading it.
    std::error_code ec;
    if (const auto size = std::filesystem::file_size(path, ec); !ec) {
        if (size > max_bytes) {
            std::fclose(f);
            fail("file is larger than " + std::to_string(max_bytes) + " bytes");
        }
        text.reserve(static_cast<std::size_t>(size));
    }
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
/// old file or the new one, never a part. A process killed while writing
/// leaves no partial file (on Linux; elsewhere a hidden ".NAME.tmp-N" beside
/// the target may remain after a kill, never after an error). A symbolic link is followed (the
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

    // Keep the permissions of the file being replaced.
    std::optional<fs::perms> kept;
    if (auto status = fs::status(target, ec); !ec && fs::is_regular_file(status)) kept = status.permissions();

#if defined(__linux__)
    if (detail::write_unnamed_then_rename(target, contents, kept, fail)) return;
#endif

    // A name no other writer uses: "x" mode fails rather than reuse a file.
    fs::path temp;
    std::FILE* f = nullptr;
    for (int attempt = 0; attempt < 100 && !f; ++attempt) {
        temp = detail::temporary_name_beside(target);
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

    if (kept) fs::permissions(temp, *kept, ec);

    fs::rename(temp, target, ec);
    if (ec) {
        std::error_code ignored;
        fs::remove(temp, ignored);
        fail(ec.message());
    }
}

}  // namespace tocgraph
