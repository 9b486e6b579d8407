#pragma once
// The report as one Markdown file (GitHub-flavoured: tables, and the
// diagram as a Mermaid block, which GitHub, GitLab and many wikis draw).
// The same sections as the HTML report; text is escaped so that titles
// cannot break a table or turn into links or markup.

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "../enums.hpp"
#include "../render/mermaid.hpp"
#include "../version.hpp"
#include "content.hpp"
#include "detail/markdown_text.hpp"

namespace tocgraph {

/// The report as one Markdown document. Throws as report_content() does.
inline std::string markdown_report(const TheoryOfChange& toc, const ReportOptions& options) {
    using namespace detail::report_markdown;
    using detail::report_percent;
    using detail::chances_text;
    const ReportContent c = report_content(toc, options);
    const Metadata& m = toc.metadata();
    std::string out = "# " + md(c.title) + "\n\n";
    if (!m.description.empty()) out += md(m.description) + "\n\n";
    out += "- **Progress as of:** " + options.as_of.to_string() + "\n";
    if (!m.funder.empty()) out += "- **Funder:** " + md(m.funder) + "\n";
    if (m.period) out += "- **Period:** " + m.period->start.to_string() + " to " + m.period->end.to_string() + "\n";
    if (!m.version.empty()) out += "- **Version:** " + md(m.version) + "\n";
    if (m.date) out += "- **Document date:** " + m.date->to_string() + "\n";
    out += "- **Model:** " + std::to_string(toc.node_count()) + " results and activities, " +
           std::to_string(toc.link_count()) + " links, " + std::to_string(toc.indicator_count()) + " indicators, " +
           std::to_string(toc.assumption_count()) + " assumptions\n";
    for (const Source& s : m.sources)
        out += "- **Source:** " + md(s.title.empty() ? s.id : s.title) +
               ((s.url.starts_with("https://") || s.url.starts_with("http://")) ? " <" + s.url + ">" : std::string()) +
               "\n";

    // ---- summary
    std::map<ProgressStatus, std::size_t> counts;
    for (const IndicatorProgress& p : c.indicators) ++counts[p.status];
    out += "\n## Summary\n\n";
    if (c.rollup && c.goal) {
        const NodeProgress& g = c.rollup->nodes[*c.goal];
        out += "Goal: " + status_text(g.status) + ", " + report_percent(g.achievement) + " achieved, " +
               report_percent(g.expected) + " expected.\n\n";
    }
    out += "| Status | Indicators |\n|---|---:|\n";
    for (ProgressStatus s : all_statuses) out += "| " + status_title(s) + " | " + std::to_string(counts[s]) + " |\n";

    // ---- diagram
    out += "\n## Theory of change\n\n";
    MermaidOptions mo;
    mo.title = "";
    mo.color = c.rollup ? ColorMode::status : ColorMode::level;
    mo.statuses = report_statuses(c);
    mo.font_size = options.layout.font_size;
    mo.max_text_width = options.layout.max_text_width;
    out += "```mermaid\n" + to_mermaid(toc, mo) + "```\n\n";
    out += c.rollup ? "Each result coloured by its rolled-up status as of " + options.as_of.to_string() +
                          " (roll-up method: " + std::string(to_string(options.method)) + ").\n"
                    : "Progress could not be rolled up (" + md(c.rollup_problem) + "); results coloured by level.\n";

    // ---- indicators
    out += "\n## Indicators\n\n";
    if (c.indicators.empty()) {
        out += "The theory of change has no indicators.\n";
    } else {
        std::vector<const IndicatorProgress*> rows;
        for (const IndicatorProgress& p : c.indicators) rows.push_back(&p);
        std::stable_sort(rows.begin(), rows.end(), [&](const IndicatorProgress* a, const IndicatorProgress* b) {
            const auto ra = *toc.schema().rank(toc.node(a->node).level);
            const auto rb = *toc.schema().rank(toc.node(b->node).level);
            if (ra != rb) return ra < rb;
            return toc.vertex_of(a->node) < toc.vertex_of(b->node);
        });
        out += "| Result | Indicator | Baseline | Target | Latest actual | Achievement | Status |\n"
               "|---|---|---:|---:|---:|---|---|\n";
        for (const IndicatorProgress* p : rows) {
            out += "| " + node_name(toc, p->node) + " | " + md(p->title.empty() ? p->indicator : p->title) + " " +
                   code(p->indicator) + " | ";
            if (p->measure == Measure::qualitative) {
                const Indicator& ind = toc.indicator(p->indicator);
                out += md(ind.baselines.empty() ? "" : ind.baselines.front().comment) + " | " +
                       md(ind.targets.empty() ? "" : ind.targets.back().comment) + " | " + md(p->comment) + " | ";
            } else {
                out += value(p->baseline, p->baseline_date, p->unit) + " | " +
                       value(p->target, p->target_date, p->unit) + " | " + value(p->actual, p->actual_date, p->unit) +
                       " | ";
            }
            out += bar(p->achievement, p->expected) + " | " + status_text(p->status) + " |\n";
        }
    }

    // ---- roll-up by pathway
    out += "\n## Progress by pathway\n\n";
    if (!c.rollup) {
        out += "Not available: " + md(c.rollup_problem) + "\n";
    } else {
        const Rollup& r = *c.rollup;
        auto row = [&](const NodeProgress& n, bool head) {
            const std::string name = node_name(toc, n.node);
            return "| " + (head ? "**" + name + "**" : name) + " | " + status_text(n.status) + " | " +
                   bar(n.achievement, n.expected) + " | " + std::to_string(n.scored_inputs()) + " of " +
                   std::to_string(n.inputs.size()) + " |\n";
        };
        const std::string head = "| Result | Status | Achievement | Inputs scored |\n|---|---|---|---:|\n";
        if (c.goal) out += "### Overall\n\n" + head + row(r.nodes[*c.goal], true) + "\n";
        for (const PathwayProgress& p : c.pathways) {
            const NodeProgress& pathway = r.nodes[p.pathway];
            out += "### " + md(pathway.title.empty() ? pathway.node : pathway.title) + "\n\n" + head + row(pathway, true);
            for (std::size_t i : p.members) out += row(r.nodes[i], false);
            out += "\n";
        }
    }

    // ---- validation
    out += "\n## Validation\n\n";
    if (c.findings.empty()) {
        out += "The linter found nothing to report.\n";
    } else {
        out += "| Severity | Rule | Finding | How to fix it |\n|---|---|---|---|\n";
        for (Severity level : {Severity::error, Severity::warning, Severity::info})
            for (const Finding& f : c.findings)
                if (f.severity == level)
                    out += "| " + std::string(to_string(f.severity)) + " | " + code(f.code) + " | " + md(f.message) +
                           " | " + md(f.hint) + " |\n";
    }

    // ---- assumptions
    out += "\n## Assumptions\n\n";
    if (toc.assumptions().empty()) {
        out += "No assumptions are recorded.\n";
    } else {
        out += "| Assumption | Status | Likelihood | Risk | Links resting on it |\n|---|---|---:|---|---|\n";
        for (const Assumption& a : toc.assumptions()) {
            std::string status(to_string(a.status));
            std::replace(status.begin(), status.end(), '_', ' ');
            std::string links;
            if (auto it = c.links_of_assumption.find(a.id); it != c.links_of_assumption.end())
                for (const Link* l : it->second)
                    links += (links.empty() ? "" : ", ") + code(l->source + " -> " + l->target);
            out += "| " + md(a.statement.empty() ? a.id : a.statement) + " " + code(a.id) + " | " + status + " | " +
                   (a.likelihood ? report_percent(a.likelihood) : "\xE2\x80\x93") + " | " +
                   (a.risk ? std::string(to_string(*a.risk)) : "\xE2\x80\x93") + " | " +
                   (links.empty() ? "none" : links) + " |\n";
        }
    }

    // ---- chance of success
    out += "\n## Chance of success\n\n";
    if (!c.chances) {
        out += "Not computed: " + md(c.chances_problem) + "\n";
    } else {
        const ReportChances& r = *c.chances;
        out += md(chances_text(c)) + "\n\n| Result | Before the evidence | Given the evidence |\n|---|---:|---:|\n";
        for (std::size_t i = 0; i < r.ids.size(); ++i) {
            const std::string& title = toc.node(r.ids[i]).title;
            out += "| " + (title.empty() ? std::string() : md(title) + " ") + code(r.ids[i]) + " | " +
                   report_percent(r.before[i]) + " | " + report_percent(r.after[i]) + " |\n";
        }
        out += "\n### Assumptions the goal depends on most\n\n";
        if (r.assumptions.empty()) out += "No assumption changes the goal's chance.\n";
        else {
            out += "| Assumption | Chance it holds | Goal if it holds | Goal if it fails |\n|---|---:|---:|---:|\n";
            for (const Importance& i : r.assumptions) {
                const Assumption* a = toc.find_assumption(i.id);
                out += "| " + (a && !a->statement.empty() ? md(a->statement) + " " : std::string()) + code(i.id) + " | " +
                       report_percent(i.probability) + " | " + report_percent(i.if_certain) + " | " +
                       report_percent(i.if_fails) + " |\n";
            }
        }
        out += "\n### Links the evidence puts in doubt\n\n";
        if (r.doubt.empty()) out += "None: the evidence lowers no link's chance of working.\n";
        else {
            out += "| Link | Chance it works, before | Given the evidence |\n|---|---:|---:|\n";
            for (const LinkDoubt& d : r.doubt)
                out += "| " + code(d.source + " -> " + d.target) + " | " + report_percent(d.prior) + " | " +
                       report_percent(d.posterior) + " |\n";
        }
    }

    // ---- feedback
    out += "\n## Consultation feedback\n\n";
    const ConsultationSummary& summary = c.consultation;
    if (summary.counts.total() == 0) out += "No consultation feedback is recorded.\n";
    else
        out += std::to_string(summary.counts.total()) + " items: " + std::to_string(summary.counts.open) + " open, " +
               std::to_string(summary.counts.accepted) + " accepted, " + std::to_string(summary.counts.rejected) +
               " rejected, " + std::to_string(summary.counts.addressed) + " addressed.\n";
    if (!summary.missing_subjects.empty())
        out += "\n**" + std::to_string(summary.missing_subjects.size()) + " item" +
               (summary.missing_subjects.size() == 1 ? " is" : "s are") +
               " about an id the theory of change no longer has** (marked below).\n";
    for (const PhaseSummary& phase : summary.phases) {
        if (phase.entries.empty()) continue;
        out += "\n### " + md(phase.title) + "\n";
        for (const auto& [heading, entries] : detail::feedback_by_status(phase)) {
            out += "\n#### " + heading + " (" + std::to_string(entries.size()) + ")\n\n";
            for (const FeedbackEntry* e : entries) {
                const Feedback& f = e->feedback;
                std::string kind(to_string(f.kind));
                std::replace(kind.begin(), kind.end(), '_', ' ');
                out += "- *" + kind + "*: " + md(f.text);
                std::string who;
                if (!f.author.empty()) who = md(f.author);
                if (f.date) who += (who.empty() ? "" : ", ") + f.date->to_string();
                if (!who.empty()) out += " \xE2\x80\x94 " + who;
                if (e->subject.kind == SubjectKind::missing)
                    out += " \xE2\x80\x94 **about " + code(f.subject) + ", no longer in the theory of change**";
                else if (e->subject.kind != SubjectKind::programme)
                    out += " \xE2\x80\x94 about " + md(e->subject.title.empty() ? f.subject : e->subject.title) + " " +
                           code(f.subject);
                if (!f.resolution.empty()) out += "\n  - Resolution: " + md(f.resolution);
                out += "\n";
            }
        }
    }
    out += "\n---\n\n*Generated by tocgraph " + std::string(version_string) + ", progress as of " +
           options.as_of.to_string() + ".*\n";
    return out;
}

}  // namespace tocgraph
