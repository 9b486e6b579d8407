// save(): the target is replaced whole or left as it was, and no temporary
// file is left behind either way.
#include <catch2/catch.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <limits>
#include <string>
#include <vector>

#include <tocgraph/json_io.hpp>

#include "file_bytes.hpp"
#include "model_fixtures.hpp"

namespace tocgraph::test {
namespace fs = std::filesystem;

namespace {

/// A fresh directory, removed with everything in it at the end of the test.
struct TempDir {
    fs::path path;
    TempDir() {
        const auto stamp = std::chrono::steady_clock::now().time_since_epoch().count();
        path = fs::temp_directory_path() / ("tocgraph-save-test-" + std::to_string(stamp));
        fs::create_directories(path);
    }
    ~TempDir() {
        std::error_code ignored;
        fs::remove_all(path, ignored);
    }
    std::vector<std::string> entries() const {
        std::vector<std::string> names;
        for (const auto& e : fs::directory_iterator(path)) names.push_back(e.path().filename().string());
        std::sort(names.begin(), names.end());
        return names;
    }
};

TheoryOfChange sample(const std::string& title) {
    TheoryOfChange toc;
    toc.metadata().title = title;
    toc.add_node(node("goal", "goal", "The goal"));
    toc.add_node(node("act", "activity"));
    toc.add_link({"act", "goal", {}, "", {}, 0.5, {}});
    return toc;
}

}  // namespace

TEST_CASE("save writes a file that loads back equal", "[save]") {
    TempDir dir;
    const auto file = dir.path / "toc.json";
    const auto toc = sample("first");
    save(toc, file);
    CHECK(load(file) == toc);
    CHECK(read_bytes(file) == dumps(toc));
    CHECK(dir.entries() == std::vector<std::string>{"toc.json"});

    save(toc, file, -1);
    CHECK(read_bytes(file) == dumps(toc, -1));
}

TEST_CASE("save replaces an existing file", "[save]") {
    TempDir dir;
    const auto file = dir.path / "toc.json";
    {
        std::ofstream old(file);
        old << std::string(100000, 'x');  // longer than the new content
    }
    const auto toc = sample("second");
    save(toc, file);
    CHECK(read_bytes(file) == dumps(toc));
    CHECK(load(file) == toc);
    CHECK(dir.entries() == std::vector<std::string>{"toc.json"});

    save(sample("third"), file);
    CHECK(load(file).metadata().title == "third");
    CHECK(dir.entries() == std::vector<std::string>{"toc.json"});
}

TEST_CASE("save into a missing directory throws and leaves nothing", "[save]") {
    TempDir dir;
    const auto file = dir.path / "missing" / "toc.json";
    try {
        save(sample("x"), file);
        FAIL("no error");
    } catch (const Error& e) {
        CHECK(std::string(e.what()) == "cannot save \"" + file.string() + "\": No such file or directory");
    }
    CHECK_FALSE(fs::exists(dir.path / "missing"));
    CHECK(dir.entries().empty());
}

TEST_CASE("A failed save leaves the old file untouched", "[save]") {
    TempDir dir;
    const auto file = dir.path / "toc.json";
    const auto good = sample("good");
    save(good, file);
    const std::string before = read_bytes(file);

    SECTION("a value the format cannot carry") {
        auto bad = good;
        Indicator i;
        i.id = "i";
        i.node = "goal";
        i.baselines = {{{}, std::numeric_limits<double>::quiet_NaN(), {}, ""}};
        bad.add_indicator(i);
        CHECK_THROWS_WITH(save(bad, file), "cannot write /indicators/0/baselines/0/value: not a finite number");
    }
    SECTION("the target is a directory") {
        fs::create_directory(dir.path / "sub");
        CHECK_THROWS_AS(save(good, dir.path / "sub"), Error);
        CHECK(fs::is_directory(dir.path / "sub"));
        CHECK(fs::is_empty(dir.path / "sub"));
        fs::remove(dir.path / "sub");
    }
    CHECK(read_bytes(file) == before);
    CHECK(dir.entries() == std::vector<std::string>{"toc.json"});
}

#if defined(__unix__) || defined(__APPLE__)
TEST_CASE("save keeps the permissions of the file it replaces", "[save]") {
    TempDir dir;
    const auto file = dir.path / "toc.json";
    save(sample("a"), file);
    fs::permissions(file, fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read);
    save(sample("b"), file);
    CHECK(fs::status(file).permissions() == (fs::perms::owner_read | fs::perms::owner_write | fs::perms::group_read));
}

TEST_CASE("save through a symbolic link replaces the file it points to", "[save]") {
    TempDir dir;
    const auto real = dir.path / "real.json";
    const auto link = dir.path / "link.json";
    save(sample("a"), real);
    fs::create_symlink(real, link);
    save(sample("b"), link);
    CHECK(fs::is_symlink(link));
    CHECK(load(real).metadata().title == "b");
    CHECK(dir.entries() == std::vector<std::string>{"link.json", "real.json"});
}
#endif

TEST_CASE("read_file and write_file_atomically, the file primitives under load and save", "[save]") {
    TempDir dir;
    const fs::path file = dir.path / "notes.txt";
    write_file_atomically(file, "first line\nsecond\n");
    CHECK(read_file(file) == "first line\nsecond\n");
    CHECK(read_file(file, 18) == "first line\nsecond\n");
    CHECK_THROWS_WITH(read_file(file, 17), file.string() + ": file is larger than 17 bytes");
    CHECK_THROWS_WITH(read_file(dir.path / "missing.txt"),
                      (dir.path / "missing.txt").string() + ": cannot open file: No such file or directory");
    CHECK_THROWS_WITH(write_file_atomically(dir.path / "no" / "such" / "dir.txt", "x"),
                      Catch::Matchers::StartsWith("cannot save \"" + (dir.path / "no" / "such" / "dir.txt").string() + "\": "));
    CHECK(dir.entries() == std::vector<std::string>{"notes.txt"});
#if defined(__linux__)
    // A device with no end is read only up to the limit.
    CHECK_THROWS_WITH(read_file("/dev/zero", 1 << 20), "/dev/zero: file is larger than 1048576 bytes");
    CHECK_THROWS_WITH(load("/dev/zero", 1 << 20), "/dev/zero: file is larger than 1048576 bytes");
#endif
}

}  // namespace tocgraph::test
