#pragma once
// The consultation record: the feedback stakeholders gave on a theory of
// change, phase by phase, and what became of it (versions/consultation.hpp
// includes this and the Markdown, HTML and JSON forms of the summary).
//
//   auto open = tocgraph::find_feedback(toc, {.phase = "workshop", .status = FeedbackStatus::open});
//   tocgraph::resolve_feedback(toc, "fb_ws_3", {.status = FeedbackStatus::addressed,
//                                              .resolution = "Dialogue linked to io_1_2",
//                                              .version = "1.1",
//                                              .changes = {"links/act_cso_dialogue->io_1_2"}});
//   tocgraph::ConsultationSummary s = tocgraph::consultation_summary(toc);
//   std::string md = tocgraph::to_markdown(s);     // versions/consultation_format.hpp
//
// A resolution's version and changes are kept in the feedback item's
// attributes["resolved_in"] = {"version": ..., "changes": [...], "date": ...};
// a change is named as a diff names an element: "<collection>/<id>", e.g.
// "nodes/act_cso_dialogue" or "links/act_cso_dialogue->io_1_2" (see
// change_reference()).

#include <algorithm>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../date.hpp"
#include "../enums.hpp"
#include "../errors.hpp"
#include "../feedback.hpp"
#include "../theory_of_change.hpp"
#include "change.hpp"

namespace tocgraph {

/// Which feedback items to list; empty members match everything.
struct FeedbackQuery {
    std::string consultation;
    std::string phase;
    std::string author;
    std::string subject;  ///< exactly as written: a node id, "source->target"...
    std::optional<FeedbackStatus> status;
    std::optional<FeedbackKind> kind;
};

/// The feedback items that match, in the order they were recorded.
inline std::vector<Feedback> find_feedback(const TheoryOfChange& toc, const FeedbackQuery& query = {}) {
    std::vector<Feedback> out;
    for (const Feedback& f : toc.feedback()) {
        if (!query.consultation.empty() && f.consultation != query.consultation) continue;
        if (!query.phase.empty() && f.phase != query.phase) continue;
        if (!query.author.empty() && f.author != query.author) continue;
        if (!query.subject.empty() && f.subject != query.subject) continue;
        if (query.status && f.status != *query.status) continue;
        if (query.kind && f.kind != *query.kind) continue;
        out.push_back(f);
    }
    return out;
}

/// "nodes/act_x", "links/a->b", "metadata": how a resolution names the
/// change of a diff that addressed a feedback item.
inline std::string change_reference(const ItemChange& change) {
    if (change.is_singleton()) return change.collection;
    return change.collection + "/" + (change.kind == ChangeKind::renamed ? change.new_id : change.id);
}

/// What became of a feedback item.
struct FeedbackResolution {
    FeedbackStatus status = FeedbackStatus::addressed;  ///< accepted, rejected or addressed
    std::string resolution;                             ///< what was done, or why not
    std::string version;                                ///< the version of the ToC that carries the change
    std::vector<std::string> changes;                   ///< change_reference() of the diff elements
    std::optional<Date> date;                           ///< when it was resolved
};

/// Where a resolution's version, changes and date are kept.
inline constexpr const char* resolved_in_attribute = "resolved_in";

/// Records what became of a feedback item. Throws ModelError if there is no
/// such item, if the status is "open", or if a change reference is empty.
inline void resolve_feedback(TheoryOfChange& toc, std::string_view id, const FeedbackResolution& r) {
    Feedback f = toc.feedback(id);
    if (r.status == FeedbackStatus::open)
        throw ModelError(std::string(id), "feedback \"" + std::string(id) +
                                              "\": a resolution has status \"accepted\", \"rejected\" or \"addressed\"");
    for (const std::string& c : r.changes)
        if (c.empty() || c.front() == '/' || c.back() == '/')
            throw ModelError(std::string(id), "feedback \"" + std::string(id) + "\": change reference \"" + c +
                                                  "\" is not \"<collection>/<id>\"");
    f.status = r.status;
    f.resolution = r.resolution;
    nlohmann::json resolved = nlohmann::json::object();
    if (!r.version.empty()) resolved["version"] = r.version;
    if (!r.changes.empty()) resolved["changes"] = r.changes;
    if (r.date) resolved["date"] = r.date->to_string();
    if (!f.attributes.is_object()) f.attributes = nlohmann::json::object();
    if (resolved.empty()) f.attributes.erase(resolved_in_attribute);
    else f.attributes[resolved_in_attribute] = std::move(resolved);
    if (f.attributes.empty()) f.attributes = nullptr;
    toc.update_feedback(std::move(f));
}

// ---- the summary ----------------------------------------------------------------------

/// What a feedback item is about.
enum class SubjectKind { programme, node, link, indicator, assumption, actor, missing };

TOCGRAPH_ENUM_NAMES(SubjectKind, {SubjectKind::programme, "programme"},
                    {SubjectKind::node, "node"},
                    {SubjectKind::link, "link"},
                    {SubjectKind::indicator, "indicator"},
                    {SubjectKind::assumption, "assumption"},
                    {SubjectKind::actor, "actor"},
                    {SubjectKind::missing, "missing"})

struct FeedbackSubject {
    SubjectKind kind = SubjectKind::programme;
    std::string id;     ///< as the feedback wrote it
    std::string title;  ///< the node's or indicator's title, the link "a -> b"...; empty when missing
    friend bool operator==(const FeedbackSubject&, const FeedbackSubject&) = default;
};

/// What a subject names in this theory of change: a node, an indicator, an
/// assumption, an actor, a link "source->target", the whole ToC (empty), or
/// nothing any more (missing).
inline FeedbackSubject resolve_subject(const TheoryOfChange& toc, const std::string& subject) {
    if (subject.empty()) return {SubjectKind::programme, subject, "the theory of change as a whole"};
    if (const Node* n = toc.find_node(subject)) return {SubjectKind::node, subject, n->title};
    if (const Indicator* i = toc.find_indicator(subject)) return {SubjectKind::indicator, subject, i->title};
    if (const Assumption* a = toc.find_assumption(subject)) return {SubjectKind::assumption, subject, a->statement};
    if (const Actor* a = toc.find_actor(subject)) return {SubjectKind::actor, subject, a->name};
    for (std::size_t p = subject.find("->"); p != std::string::npos; p = subject.find("->", p + 1)) {
        const std::string source = subject.substr(0, p), target = subject.substr(p + 2);
        if (toc.has_link(source, target)) return {SubjectKind::link, subject, source + " -> " + target};
    }
    return {SubjectKind::missing, subject, ""};
}

/// One feedback item in a summary.
struct FeedbackEntry {
    Feedback feedback;
    FeedbackSubject subject;
    std::string version;               ///< from attributes["resolved_in"]
    std::vector<std::string> changes;  ///< from attributes["resolved_in"]
    friend bool operator==(const FeedbackEntry&, const FeedbackEntry&) = default;
};

/// How many items have each status.
struct StatusCounts {
    std::size_t open = 0, accepted = 0, rejected = 0, addressed = 0;
    std::size_t total() const noexcept { return open + accepted + rejected + addressed; }
    void count(FeedbackStatus s) {
        switch (s) {
            case FeedbackStatus::open: ++open; break;
            case FeedbackStatus::accepted: ++accepted; break;
            case FeedbackStatus::rejected: ++rejected; break;
            case FeedbackStatus::addressed: ++addressed; break;
        }
    }
    friend bool operator==(const StatusCounts&, const StatusCounts&) = default;
};

/// The feedback of one phase of one consultation.
struct PhaseSummary {
    std::string consultation;        ///< consultation id ("" when the feedback names none)
    std::string consultation_title;  ///< from the metadata, or the id
    std::string phase;               ///< phase id ("" for feedback without a phase)
    std::string title;               ///< from the metadata, or the id
    bool declared = false;           ///< the phase is listed in metadata.consultations
    std::vector<FeedbackEntry> entries;
    StatusCounts counts;
    std::vector<std::string> authors;   ///< in order of first appearance
    std::vector<std::string> subjects;  ///< in order of first appearance; "" for the whole ToC
    friend bool operator==(const PhaseSummary&, const PhaseSummary&) = default;
};

struct ConsultationSummary {
    /// Every declared phase (also those without feedback), consultation by
    /// consultation in metadata order, then phases only feedback names, then
    /// feedback without a phase.
    std::vector<PhaseSummary> phases;
    StatusCounts counts;
    /// Items whose subject no longer exists in the theory of change.
    std::vector<FeedbackEntry> missing_subjects;
    friend bool operator==(const ConsultationSummary&, const ConsultationSummary&) = default;
};

/// The consultation record of a theory of change, restricted to one
/// consultation when `consultation` is not empty.
inline ConsultationSummary consultation_summary(const TheoryOfChange& toc, std::string_view consultation = {}) {
    ConsultationSummary out;
    const auto& consultations = toc.metadata().consultations;
    auto title_of = [&](const std::string& id) {
        for (const Consultation& c : consultations)
            if (c.id == id) return c.title.empty() ? id : c.title;
        return id;
    };
    auto phase_index = [&](const std::string& c, const std::string& p) -> std::optional<std::size_t> {
        for (std::size_t i = 0; i < out.phases.size(); ++i)
            if (out.phases[i].consultation == c && out.phases[i].phase == p) return i;
        return std::nullopt;
    };
    for (const Consultation& c : consultations) {
        if (!consultation.empty() && c.id != consultation) continue;
        for (const ConsultationPhase& p : c.phases) {
            PhaseSummary s;
            s.consultation = c.id;
            s.consultation_title = c.title.empty() ? c.id : c.title;
            s.phase = p.id;
            s.title = p.title.empty() ? p.id : p.title;
            s.declared = true;
            out.phases.push_back(std::move(s));
        }
    }
    std::vector<PhaseSummary> undeclared, without_phase;
    for (const Feedback& f : toc.feedback()) {
        if (!consultation.empty() && f.consultation != consultation) continue;
        FeedbackEntry e{f, resolve_subject(toc, f.subject), {}, {}};
        if (f.attributes.is_object())
            if (auto r = f.attributes.find(resolved_in_attribute); r != f.attributes.end() && r->is_object()) {
                if (auto v = r->find("version"); v != r->end() && v->is_string()) e.version = v->get<std::string>();
                if (auto cs = r->find("changes"); cs != r->end() && cs->is_array())
                    for (const auto& c : *cs)
                        if (c.is_string()) e.changes.push_back(c.get<std::string>());
            }
        PhaseSummary* phase = nullptr;
        if (auto i = phase_index(f.consultation, f.phase)) {
            phase = &out.phases[*i];
        } else {
            auto& group = f.phase.empty() ? without_phase : undeclared;
            auto it = std::find_if(group.begin(), group.end(), [&](const PhaseSummary& s) {
                return s.consultation == f.consultation && s.phase == f.phase;
            });
            if (it == group.end()) {
                PhaseSummary s;
                s.consultation = f.consultation;
                s.consultation_title = title_of(f.consultation);
                s.phase = f.phase;
                s.title = f.phase.empty() ? std::string("No phase") : f.phase;
                it = group.insert(group.end(), std::move(s));
            }
            phase = &*it;
        }
        phase->counts.count(f.status);
        out.counts.count(f.status);
        if (std::find(phase->authors.begin(), phase->authors.end(), f.author) == phase->authors.end() &&
            !f.author.empty())
            phase->authors.push_back(f.author);
        if (std::find(phase->subjects.begin(), phase->subjects.end(), f.subject) == phase->subjects.end())
            phase->subjects.push_back(f.subject);
        if (e.subject.kind == SubjectKind::missing) out.missing_subjects.push_back(e);
        phase->entries.push_back(std::move(e));
    }
    for (auto* group : {&undeclared, &without_phase})
        for (PhaseSummary& s : *group) out.phases.push_back(std::move(s));
    return out;
}

}  // namespace tocgraph
