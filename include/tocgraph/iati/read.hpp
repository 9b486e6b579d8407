#pragma once
// Reading IATI activity XML: one TheoryOfChange per <iati-activity>, read
// activity by activity so that files of any size stream through in the
// memory of one activity. Versions 1.05 to 2.03 are read, also mixed in one
// file (d-portal copies the version onto each activity). Malformed XML is a
// FormatError naming the line and column; everything else that departs from
// the standard is an ImportFinding beside the result.

#include <cerrno>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <istream>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "../detail/xml/element.hpp"
#include "../errors.hpp"
#include "detail/activity_import.hpp"
#include "options.hpp"

namespace tocgraph::iati {

struct ImportedActivity {
    TheoryOfChange toc;
    std::vector<ImportFinding> findings;  ///< about this activity
    std::string identifier;               ///< its iati-identifier ("" if missing)
    std::size_t line = 0;                 ///< where its <iati-activity> starts
};

/// Streams the activities of one IATI file.
class ActivityReader {
public:
    ActivityReader(std::istream& in, std::string file, ImportOptions options = {})
        : file_(std::move(file)), options_(std::move(options)),
          xml_(in, file_, tocgraph::detail::XmlLimits{options_.max_depth, 1024, 64u << 20}) {}

    /// A reader over a file it opens and owns; FormatError if it cannot be opened.
    static std::unique_ptr<ActivityReader> open(const std::filesystem::path& path, ImportOptions options = {}) {
        auto stream = std::make_unique<std::ifstream>(path, std::ios::binary);
        if (!*stream) throw FormatError(path.string(), "", "cannot open file: " + std::string(std::strerror(errno)));
        auto reader = std::make_unique<ActivityReader>(*stream, path.string(), std::move(options));
        std::error_code ec;
        const auto size = std::filesystem::file_size(path, ec);
        reader->size_ = ec ? 0 : static_cast<std::uint64_t>(size);
        reader->owned_ = std::move(stream);
        return reader;
    }
    /// A reader over text in memory (copied).
    static std::unique_ptr<ActivityReader> from_string(std::string text, std::string file = "<string>",
                                                       ImportOptions options = {}) {
        const std::uint64_t size = text.size();
        auto stream = std::make_unique<std::istringstream>(std::move(text));
        auto reader = std::make_unique<ActivityReader>(*stream, std::move(file), std::move(options));
        reader->size_ = size;
        reader->owned_ = std::move(stream);
        return reader;
    }

    ActivityReader(const ActivityReader&) = delete;
    ActivityReader& operator=(const ActivityReader&) = delete;

    /// The next activity, or nullopt after the last one (the whole document
    /// has then been checked). Throws FormatError on malformed XML or a root
    /// element other than <iati-activities> or <iati-activity>.
    std::optional<ImportedActivity> next() {
        if (done_) return std::nullopt;
        if (!started_) start();
        if (single_root_) {  // the root itself was the activity
            single_root_ = false;
            auto activity = convert(*single_);
            single_.reset();
            finish();
            return activity;
        }
        for (;;) {
            const tocgraph::detail::XmlEvent& e = xml_.next();
            using K = tocgraph::detail::XmlEventKind;
            if (e.kind == K::start_element) {
                const bool activity = e.ns.empty() && e.local == "iati-activity";
                tocgraph::detail::XmlElement element = tocgraph::detail::read_element(xml_, e);
                if (activity) return convert(element);
                file_findings_.push_back({file_, element.line, element.column, "", "", "unknown-element",
                                          Severity::info,
                                          "<" + element.qname() + "> in <iati-activities> is not an activity; skipped"});
            } else if (e.kind == K::end_element) {
                finish();
                return std::nullopt;
            } else if (e.kind == K::text && e.text.find_first_not_of(" \t\n\r") != std::string::npos) {
                file_findings_.push_back({file_, e.line, e.column, "", "", "unknown-element", Severity::info,
                                          "text in <iati-activities> outside any activity; skipped"});
            }
        }
    }

    /// Findings about the file rather than an activity (elements other than
    /// activities under the root); complete once next() returned nullopt.
    std::vector<ImportFinding> take_file_findings() { return std::exchange(file_findings_, {}); }
    /// Bytes read so far and the input's size (0 if unknown), for progress.
    std::uint64_t bytes_read() const { return xml_.offset(); }
    std::uint64_t size() const { return size_; }
    const std::string& file() const { return file_; }
    /// The version attribute of <iati-activities> ("" if none).
    const std::string& file_version() const { return version_; }

private:
    void start() {
        started_ = true;
        using K = tocgraph::detail::XmlEventKind;
        for (;;) {
            const tocgraph::detail::XmlEvent& e = xml_.next();
            if (e.kind != K::start_element) continue;  // comments and PIs before the root
            if (!e.ns.empty() || (e.local != "iati-activities" && e.local != "iati-activity"))
                throw xml_.error("expected <iati-activities> or <iati-activity> as the root element, got <" + e.qname() +
                                     ">" + (e.ns.empty() ? std::string() : " in namespace \"" + e.ns + "\""),
                                 e.line, e.column);
            if (const auto* v = e.attribute("version")) version_ = v->value;
            if (e.local == "iati-activity") {
                single_ = std::make_unique<tocgraph::detail::XmlElement>(tocgraph::detail::read_element(xml_, e));
                single_root_ = true;
            }
            return;
        }
    }
    /// Reads to the end of the document, so trailing garbage is reported.
    void finish() {
        while (xml_.next().kind != tocgraph::detail::XmlEventKind::end_document) {
        }
        done_ = true;
    }
    ImportedActivity convert(const tocgraph::detail::XmlElement& element) {
        ImportedActivity out;
        out.line = element.line;
        detail::ActivityImport import(element, file_, version_, options_, out.findings);
        out.identifier = import.identifier();
        out.toc = import.run();
        return out;
    }

    std::string file_;
    ImportOptions options_;
    tocgraph::detail::XmlReader xml_;
    std::unique_ptr<std::istream> owned_;
    std::uint64_t size_ = 0;
    std::string version_;
    bool started_ = false;
    bool done_ = false;
    bool single_root_ = false;
    std::unique_ptr<tocgraph::detail::XmlElement> single_;
    std::vector<ImportFinding> file_findings_;
};

/// Everything read from a file: one ToC per activity and all findings.
struct ImportResult {
    std::vector<TheoryOfChange> tocs;
    std::vector<ImportFinding> findings;
};

/// Reads a whole stream; `progress`, if given, is called after each activity
/// with the activities read and the bytes consumed.
inline ImportResult read_iati(ActivityReader& reader,
                              const std::function<void(std::size_t, std::uint64_t)>& progress = {}) {
    ImportResult result;
    while (auto activity = reader.next()) {
        result.tocs.push_back(std::move(activity->toc));
        for (auto& f : activity->findings) result.findings.push_back(std::move(f));
        if (progress) progress(result.tocs.size(), reader.bytes_read());
    }
    for (auto& f : reader.take_file_findings()) result.findings.push_back(std::move(f));
    return result;
}

/// Reads an IATI activity file. Throws FormatError on malformed XML (nothing
/// is returned then).
inline ImportResult read_iati_file(const std::filesystem::path& path, const ImportOptions& options = {},
                                   const std::function<void(std::size_t, std::uint64_t)>& progress = {}) {
    auto reader = ActivityReader::open(path, options);
    return read_iati(*reader, progress);
}

/// Reads IATI activity XML held in a string.
inline ImportResult read_iati_string(std::string text, const std::string& file = "<string>",
                                     const ImportOptions& options = {}) {
    auto reader = ActivityReader::from_string(std::move(text), file, options);
    return read_iati(*reader);
}

}  // namespace tocgraph::iati
