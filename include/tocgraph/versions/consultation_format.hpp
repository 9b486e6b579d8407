#pragma once
// A ConsultationSummary as Markdown, as an HTML fragment and as JSON: what
// was raised in each phase, by whom, about which result, and what became of
// it; items about results that no longer exist are flagged.

#include <cctype>
#include <cstddef>
#include <optional>
#include <sstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "../detail/xml/escape.hpp"
#include "consultation_record.hpp"
#include "diff_text.hpp"

namespace tocgraph {

/// Feedback counts as a sentence fragment: "5 feedback items: 2 addressed,
/// 1 rejected, 2 open" (statuses with no item left out; "1 feedback item").
inline std::string status_counts_text(const StatusCounts& c) {
    std::string out = std::to_string(c.total()) + (c.total() == 1 ? " feedback item" : " feedback items");
    std::string parts;
    auto part = [&](std::size_t n, const char* word) {
        if (n) parts += (parts.empty() ? "" : ", ") + std::to_string(n) + " " + word;
    };
    part(c.addressed, "addressed");
    part(c.accepted, "accepted");
    part(c.rejected, "rejected");
    part(c.open, "open");
    return parts.empty() ? out : out + ": " + parts;
}

/// Feedback counts as JSON: {"open", "accepted", "rejected", "addressed", "total"}.
inline nlohmann::json status_counts_json(const StatusCounts& c) {
    return {{"open", c.open}, {"accepted", c.accepted}, {"rejected", c.rejected}, {"addressed", c.addressed},
            {"total", c.total()}};
}

/// A feedback item as JSON, every member present (an empty string where
/// nothing is recorded, "date" null when absent), enums by their names.
inline nlohmann::json feedback_json(const Feedback& f) {
    nlohmann::json o = {{"id", f.id},
                        {"consultation", f.consultation},
                        {"phase", f.phase},
                        {"author", f.author},
                        {"subject", f.subject},
                        {"kind", std::string(to_string(f.kind))},
                        {"text", f.text},
                        {"status", std::string(to_string(f.status))},
                        {"resolution", f.resolution}};
    o["date"] = f.date ? nlohmann::json(f.date->to_string()) : nlohmann::json();
    o["attributes"] = f.attributes;
    return o;
}

namespace detail {

/// The id of the one consultation the summary's phases belong to (phases
/// of feedback that names no consultation aside), or nothing.
inline std::optional<std::string> single_consultation(const ConsultationSummary& s) {
    std::optional<std::string> only;
    for (const PhaseSummary& p : s.phases) {
        if (p.consultation.empty()) continue;
        if (only && *only != p.consultation) return std::nullopt;
        only = p.consultation;
    }
    return only;
}

inline std::string single_consultation_title(const ConsultationSummary& s) {
    const auto only = single_consultation(s);
    if (!only) return {};
    for (const PhaseSummary& p : s.phases)
        if (p.consultation == *only) return p.consultation_title;
    return {};
}

inline std::string phase_heading(const ConsultationSummary& s, const PhaseSummary& p) {
    if (single_consultation(s) || p.consultation.empty()) return p.title;  // the heading above names it
    return p.consultation_title + ": " + p.title;
}

/// "addressed: text (version 1.1: nodes/x, links/a->b)".
inline std::string outcome_text(const FeedbackEntry& e) {
    std::string out(to_string(e.feedback.status));
    if (!e.feedback.resolution.empty()) out += ": " + e.feedback.resolution;
    if (!e.version.empty() || !e.changes.empty()) {
        std::string in = e.version.empty() ? std::string() : "version " + e.version;
        for (std::size_t i = 0; i < e.changes.size(); ++i)
            in += (i == 0 ? (in.empty() ? "" : ": ") : ", ") + e.changes[i];
        out += " (" + in + ")";
    }
    return out;
}

inline std::string sentence_case(std::string text) {
    if (!text.empty()) text[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(text[0])));
    return text;
}

inline nlohmann::json entry_json(const FeedbackEntry& e) {
    return {{"feedback", feedback_json(e.feedback)},
            {"subject",
             {{"kind", std::string(to_string(e.subject.kind))}, {"id", e.subject.id}, {"title", e.subject.title}}},
            {"version", e.version},
            {"changes", e.changes}};
}

}  // namespace detail

/// The summary as Markdown: a heading at `heading_level` ("## Consultation
/// record"), the counts, and a table per phase one level below.
inline std::string to_markdown(const ConsultationSummary& s, int heading_level = 2) {
    using detail::markdown_escape;
    heading_level = std::clamp(heading_level, 1, 5);
    const std::string h(static_cast<std::size_t>(heading_level), '#');
    std::ostringstream out;
    out << h << " Consultation record\n\n";
    if (const std::string title = detail::single_consultation_title(s); !title.empty())
        out << markdown_escape(title) << ": ";
    out << markdown_escape(status_counts_text(s.counts)) << ".\n";
    for (const PhaseSummary& p : s.phases) {
        out << '\n' << h << "# " << markdown_escape(detail::phase_heading(s, p)) << "\n\n";
        if (p.entries.empty()) {
            out << "No feedback recorded in this phase.\n";
            continue;
        }
        out << markdown_escape(status_counts_text(p.counts));
        if (!p.authors.empty()) {
            out << ", from ";
            for (std::size_t i = 0; i < p.authors.size(); ++i)
                out << (i == 0 ? "" : i + 1 == p.authors.size() ? " and " : ", ") << markdown_escape(p.authors[i]);
        }
        out << ".\n\n| Feedback | From | About | Kind | Said | What became of it |\n|---|---|---|---|---|---|\n";
        for (const FeedbackEntry& e : p.entries) {
            const Feedback& f = e.feedback;
            std::string about;
            if (e.subject.kind == SubjectKind::missing)
                about = "**no longer in the theory of change:** " + detail::code_span(e.subject.id);
            else if (e.subject.kind == SubjectKind::programme)
                about = "the theory of change as a whole";
            else if (e.subject.kind == SubjectKind::link)
                about = "link " + detail::code_span(e.subject.id);
            else
                about = std::string(to_string(e.subject.kind)) + " " + detail::code_span(e.subject.id) + " " +
                        markdown_escape(e.subject.title);
            out << "| " << detail::code_span(f.id) << " | " << markdown_escape(f.author) << " | " << about << " | "
                << markdown_escape(to_string(f.kind)) << " | " << markdown_escape(f.text) << " | "
                << markdown_escape(detail::outcome_text(e)) << " |\n";
        }
    }
    if (!s.missing_subjects.empty()) {
        out << '\n' << h << "# Feedback about results no longer in the theory of change\n\n";
        for (const FeedbackEntry& e : s.missing_subjects)
            out << "- " << detail::code_span(e.feedback.id) << " (" << markdown_escape(e.feedback.phase) << ") is about "
                << detail::code_span(e.subject.id) << ", which this version does not have; "
                << markdown_escape(detail::outcome_text(e)) << ".\n";
    }
    return out.str();
}

/// The summary as an HTML fragment: a <section class="tocgraph-consultation">
/// with its own styles, headings from <h2> (or `heading_level`).
inline std::string to_html(const ConsultationSummary& s, int heading_level = 2) {
    using detail::xml_escape;
    heading_level = std::clamp(heading_level, 1, 5);
    const std::string h = "h" + std::to_string(heading_level), h2 = "h" + std::to_string(heading_level + 1);
    std::ostringstream out;
    out << "<section class=\"tocgraph-consultation\">\n<style>"
           ".tocgraph-consultation table{border-collapse:collapse;margin:.4em 0}"
           ".tocgraph-consultation th,.tocgraph-consultation td{border:1px solid #d0d7de;padding:.2em .5em;"
           "text-align:left;vertical-align:top}"
           ".tocgraph-consultation .status{font-weight:600}"
           ".tocgraph-consultation .open{color:#9a6700}.tocgraph-consultation .accepted{color:#0969da}"
           ".tocgraph-consultation .addressed{color:#1a7f37}.tocgraph-consultation .rejected{color:#59636e}"
           ".tocgraph-consultation .missing{background:#ffebe9}"
           "</style>\n";
    out << '<' << h << ">Consultation record</" << h << ">\n<p>";
    if (const std::string title = detail::single_consultation_title(s); !title.empty())
        out << xml_escape(title) << ": ";
    out << xml_escape(status_counts_text(s.counts)) << ".</p>\n";
    for (const PhaseSummary& p : s.phases) {
        out << '<' << h2 << '>' << xml_escape(detail::phase_heading(s, p)) << "</" << h2 << ">\n";
        if (p.entries.empty()) {
            out << "<p>No feedback recorded in this phase.</p>\n";
            continue;
        }
        out << "<p>" << xml_escape(status_counts_text(p.counts));
        if (!p.authors.empty()) {
            out << ", from ";
            for (std::size_t i = 0; i < p.authors.size(); ++i)
                out << (i == 0 ? "" : i + 1 == p.authors.size() ? " and " : ", ") << xml_escape(p.authors[i]);
        }
        out << ".</p>\n<table>\n<tr><th>Feedback</th><th>From</th><th>About</th><th>Kind</th><th>Said</th>"
               "<th>What became of it</th></tr>\n";
        for (const FeedbackEntry& e : p.entries) {
            const Feedback& f = e.feedback;
            const bool missing = e.subject.kind == SubjectKind::missing;
            out << "<tr" << (missing ? " class=\"missing\"" : "") << "><td><code>" << xml_escape(f.id)
                << "</code></td><td>" << xml_escape(f.author) << "</td><td>";
            if (missing)
                out << "<strong>no longer in the theory of change:</strong> <code>" << xml_escape(e.subject.id)
                    << "</code>";
            else if (e.subject.kind == SubjectKind::programme)
                out << "the theory of change as a whole";
            else
                out << xml_escape(std::string(to_string(e.subject.kind))) << " <code>" << xml_escape(e.subject.id)
                    << "</code>"
                    << (e.subject.kind == SubjectKind::link ? std::string() : " " + xml_escape(e.subject.title));
            const std::string status(to_string(f.status));
            out << "</td><td>" << to_string(f.kind) << "</td><td>" << xml_escape(f.text)
                << "</td><td><span class=\"status " << status << "\">" << detail::sentence_case(status) << "</span>";
            const std::string rest = detail::outcome_text(e).substr(status.size());
            out << xml_escape(rest) << "</td></tr>\n";
        }
        out << "</table>\n";
    }
    if (!s.missing_subjects.empty()) {
        out << "<p class=\"missing\">" << s.missing_subjects.size()
            << (s.missing_subjects.size() == 1 ? " item is" : " items are")
            << " about results no longer in the theory of change: ";
        for (std::size_t i = 0; i < s.missing_subjects.size(); ++i)
            out << (i ? ", " : "") << "<code>" << xml_escape(s.missing_subjects[i].feedback.id) << "</code> ("
                << "<code>" << xml_escape(s.missing_subjects[i].subject.id) << "</code>)";
        out << ".</p>\n";
    }
    out << "</section>\n";
    return out.str();
}

/// The summary as JSON: {"counts", "phases": [{..., "entries": [...]}], "missing_subjects": [feedback ids]}.
inline void to_json(nlohmann::json& out, const ConsultationSummary& s) {
    nlohmann::json phases = nlohmann::json::array();
    for (const PhaseSummary& p : s.phases) {
        nlohmann::json entries = nlohmann::json::array();
        for (const FeedbackEntry& e : p.entries) entries.push_back(detail::entry_json(e));
        phases.push_back({{"consultation", p.consultation},
                          {"consultation_title", p.consultation_title},
                          {"phase", p.phase},
                          {"title", p.title},
                          {"declared", p.declared},
                          {"counts", status_counts_json(p.counts)},
                          {"authors", p.authors},
                          {"subjects", p.subjects},
                          {"entries", std::move(entries)}});
    }
    nlohmann::json missing = nlohmann::json::array();
    for (const FeedbackEntry& e : s.missing_subjects) missing.push_back(e.feedback.id);
    out = {{"counts", status_counts_json(s.counts)},
            {"phases", std::move(phases)},
            {"missing_subjects", std::move(missing)}};
}

}  // namespace tocgraph
