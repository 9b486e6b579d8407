#pragma once
// The sections of the HTML report (html.hpp): its style sheet and one
// function per section, each returning escaped HTML.

#include <algorithm>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "../../detail/xml/escape.hpp"
#include "../../enums.hpp"
#include "../../render/svg.hpp"
#include "../../version.hpp"
#include "../content.hpp"

namespace tocgraph::detail::report_html {

inline std::string html(std::string_view text) { return xml_escape(text); }

inline std::string status_css() {
    std::string css;
    for (ProgressStatus s : all_statuses) {
        const BoxStyle style = status_style(s);
        const std::string name(to_string(s));
        css += ".s-" + name + "{background:" + std::string(style.fill) + ";color:" + std::string(style.text) +
               ";border-color:" + std::string(style.stroke) + "}\n";
        css += ".bar .fill.s-" + name + "{background:" + std::string(style.stroke) + "}\n";
    }
    return css;
}

inline constexpr std::string_view report_css = R"(
*{box-sizing:border-box}
body{margin:0;font:15px/1.5 -apple-system,"Segoe UI",Helvetica,Arial,"Liberation Sans",sans-serif;color:#1f2933;background:#fff}
main{max-width:1320px;margin:0 auto;padding:28px 32px 48px}
h1{font-size:26px;line-height:1.25;margin:0 0 6px}
h2{font-size:20px;margin:40px 0 10px;padding-bottom:6px;border-bottom:2px solid #e4e7eb}
h3{font-size:16px;margin:24px 0 8px}
h4{font-size:14px;margin:16px 0 6px;color:#52606d;text-transform:uppercase;letter-spacing:.04em}
p.lead{color:#3e4c59;margin:4px 0 16px;max-width:62em}
.meta{display:grid;grid-template-columns:max-content 1fr;gap:4px 18px;margin:12px 0;font-size:14px}
.meta dt{color:#616e7c;font-weight:600}.meta dd{margin:0}
nav.toc{font-size:14px;margin:18px 0;color:#52606d}nav.toc a{margin-right:14px;color:#2b5c9e;text-decoration:none}
.cards{display:flex;flex-wrap:wrap;gap:10px;margin:10px 0}
.card{border:1px solid #d9dee3;border-radius:8px;padding:10px 16px;min-width:120px}
.card b{display:block;font-size:24px;line-height:1.2}
.card.status{border-left-width:6px}
figure.diagram{margin:8px 0;overflow-x:auto;border:1px solid #e4e7eb;border-radius:8px;padding:4px}
figure.diagram svg{display:block}
figcaption{font-size:13px;color:#616e7c;margin-top:6px}
table{border-collapse:collapse;width:100%;font-size:14px;margin:6px 0 12px}
th{text-align:left;font-size:12px;text-transform:uppercase;letter-spacing:.03em;color:#616e7c;border-bottom:2px solid #d9dee3;padding:6px 8px;vertical-align:bottom}
td{border-bottom:1px solid #e4e7eb;padding:7px 8px;vertical-align:top}
td.num{text-align:right;white-space:nowrap;font-variant-numeric:tabular-nums}
.small{font-size:12px;color:#616e7c}
.note-text{font-style:italic}
code,.id{font-family:"DejaVu Sans Mono",Menlo,Consolas,monospace;font-size:12px;color:#52606d}
.status{display:inline-block;border:1px solid;border-radius:10px;padding:0 8px;font-size:12px;font-weight:600;white-space:nowrap}
.bar{position:relative;width:130px;height:10px;background:#e4e7eb;border-radius:5px;margin:5px 0 3px}
.bar .fill{position:absolute;left:0;top:0;bottom:0;border-radius:5px}
.bar .expected{position:absolute;top:-3px;bottom:-3px;width:2px;background:#1f2933}
.sev-error{color:#c53030;font-weight:700}.sev-warning{color:#9a6700;font-weight:700}.sev-info{color:#52606d;font-weight:700}
.kind{display:inline-block;background:#eef2f7;border-radius:4px;padding:0 6px;font-size:12px;color:#3e4c59}
.stale{color:#c53030;font-weight:600}
ul.feedback{list-style:none;padding:0;margin:0}
ul.feedback li{border-left:3px solid #d9dee3;padding:4px 0 6px 12px;margin:0 0 10px}
ul.feedback li.is-stale{border-left-color:#c53030}
.resolution{color:#3e4c59;font-size:14px}
.note{background:#fff8e1;border:1px solid #f0d68a;border-radius:6px;padding:8px 12px;font-size:14px}
footer{margin-top:48px;font-size:12px;color:#7b8794;border-top:1px solid #e4e7eb;padding-top:10px}
@media print{main{max-width:none;padding:0}h2{break-after:avoid}tr,li{break-inside:avoid}figure.diagram{overflow:visible;border:none}}
)";

inline std::string status_pill(ProgressStatus s) {
    return "<span class=\"status s-" + std::string(to_string(s)) + "\">" + html(status_title(s)) + "</span>";
}

/// An achievement bar (0..100% of the way to target, clipped) with a mark
/// where progress is expected to be by now, and the figures under it.
inline std::string achievement_cell(const std::optional<double>& achievement, const std::optional<double>& expected,
                                    ProgressStatus status) {
    if (!achievement) return "<span class=\"small\">\xE2\x80\x93</span>";
    auto clip = [](double x) { return std::clamp(x, 0.0, 1.0) * 100; };
    std::string out = "<div class=\"bar\" role=\"img\" aria-label=\"" + report_percent(achievement) +
                      " of target" + (expected ? ", " + report_percent(expected) + " expected" : std::string()) +
                      "\"><span class=\"fill s-" + std::string(to_string(status)) + "\" style=\"width:" +
                      report_number(clip(*achievement)) + "%\"></span>";
    if (expected) out += "<span class=\"expected\" style=\"left:" + report_number(clip(*expected)) + "%\"></span>";
    out += "</div><span class=\"small\">" + report_percent(achievement);
    if (expected) out += " \xC2\xB7 expected " + report_percent(expected);
    return out + "</span>";
}

inline std::string value_with_date(const std::optional<double>& value, const std::optional<Date>& date,
                                   const std::string& unit) {
    if (!value) return "<span class=\"small\">\xE2\x80\x93</span>";
    std::string out = report_number(*value);
    if (!unit.empty() && unit != "%") out += " <span class=\"small\">" + html(unit) + "</span>";
    else if (unit == "%") out += "%";
    if (date) out += "<br><span class=\"small\">" + date->to_string() + "</span>";
    return out;
}

inline std::string node_label(const TheoryOfChange& toc, const std::string& id) {
    const Node* n = toc.find_node(id);
    if (!n) return "<span class=\"id\">" + html(id) + "</span>";
    return html(n->title.empty() ? n->id : n->title) + "<br><span class=\"small\">" +
           html(toc.schema().level(n->level).label) + " \xC2\xB7 </span><span class=\"id\">" + html(n->id) + "</span>";
}

inline std::string html_header(const TheoryOfChange& toc, const ReportContent& c) {
    const Metadata& m = toc.metadata();
    std::string out = "<header>\n<h1>" + html(c.title) + "</h1>\n";
    if (!m.description.empty()) out += "<p class=\"lead\">" + html(m.description) + "</p>\n";
    out += "<dl class=\"meta\">\n";
    auto row = [&](std::string_view term, const std::string& value_html) {
        if (!value_html.empty()) out += "<dt>" + std::string(term) + "</dt><dd>" + value_html + "</dd>\n";
    };
    row("Progress as of", "<strong>" + c.options.as_of.to_string() + "</strong>");
    row("Funder", html(m.funder));
    if (m.period) row("Period", m.period->start.to_string() + " to " + m.period->end.to_string());
    row("Version", html(m.version));
    if (m.date) row("Document date", m.date->to_string());
    row("Model", std::to_string(toc.node_count()) + " results and activities, " + std::to_string(toc.link_count()) +
                     " links, " + std::to_string(toc.indicator_count()) + " indicators, " +
                     std::to_string(toc.assumption_count()) + " assumptions");
    if (!m.sources.empty()) {
        std::string sources = "<ul style=\"margin:0;padding-left:18px\">";
        for (const Source& s : m.sources) {
            sources += "<li>";
            const std::string name = html(s.title.empty() ? s.id : s.title);
            // Only web links become anchors: the report never links to local files or scripts.
            if (s.url.starts_with("https://") || s.url.starts_with("http://"))
                sources += "<a href=\"" + html(s.url) + "\">" + name + "</a>";
            else
                sources += name;
            sources += "</li>";
        }
        row("Sources", sources + "</ul>");
    }
    out += "</dl>\n</header>\n";
    return out;
}

inline std::string html_summary(const ReportContent& c) {
    std::map<ProgressStatus, std::size_t> counts;
    for (const IndicatorProgress& p : c.indicators) ++counts[p.status];
    std::string out = "<section id=\"summary\">\n<h2>Summary</h2>\n<div class=\"cards\">\n";
    if (c.rollup && c.goal) {
        const NodeProgress& g = c.rollup->nodes[*c.goal];
        out += "<div class=\"card status s-" + std::string(to_string(g.status)) + "\"><span class=\"small\">Goal</span><b>" +
               html(status_title(g.status)) + "</b><span class=\"small\">" + report_percent(g.achievement) +
               " achieved \xC2\xB7 " + report_percent(g.expected) + " expected</span></div>\n";
    }
    for (ProgressStatus s : all_statuses)
        out += "<div class=\"card status s-" + std::string(to_string(s)) + "\"><b>" + std::to_string(counts[s]) +
               "</b>indicator" + (counts[s] == 1 ? "" : "s") + " " + html(status_label(s)) + "</div>\n";
    std::size_t errors = 0, warnings = 0;
    for (const Finding& f : c.findings) {
        errors += f.severity == Severity::error;
        warnings += f.severity == Severity::warning;
    }
    out += "<div class=\"card\"><b>" + std::to_string(errors) + " / " + std::to_string(warnings) +
           "</b>validation errors / warnings</div>\n";
    out += "</div>\n</section>\n";
    return out;
}

inline std::string html_diagram(const TheoryOfChange& toc, const ReportContent& c) {
    SvgOptions o;
    o.layout = c.options.layout;
    o.title = "";
    o.id_prefix = "tocgraph-report";
    o.color = c.rollup ? ColorMode::status : ColorMode::level;
    o.statuses = report_statuses(c);
    const Layout lay = layout(toc, o.layout);
    std::string svg = to_svg(toc, lay, o);
    // Fit the page when that keeps the text legible; wider drawings scroll.
    const std::string width_attr = "width=\"";
    if (auto pos = svg.find(width_attr); pos != std::string::npos && lay.width <= 1700) {
        const auto end = svg.find('"', pos + width_attr.size());
        const std::string natural = svg.substr(pos + width_attr.size(), end - pos - width_attr.size());
        svg.insert(pos, "style=\"width:100%;height:auto;max-width:" + natural + "px\" ");
    }
    std::string out = "<section id=\"diagram\">\n<h2>Theory of change</h2>\n";
    if (!c.rollup)
        out += "<p class=\"note\">Progress could not be rolled up (" + html(c.rollup_problem) +
               "), so the diagram is coloured by level.</p>\n";
    out += "<figure class=\"diagram\">\n" + svg + "</figure>\n<figcaption>";
    out += c.rollup ? "Each result coloured by its rolled-up status as of " + c.options.as_of.to_string() +
                          " (roll-up method: " + std::string(to_string(c.options.method)) +
                          "). Arrows run from cause to effect."
                    : std::string("Results coloured by level. Arrows run from cause to effect.");
    out += "</figcaption>\n</section>\n";
    return out;
}

inline std::string html_indicators(const TheoryOfChange& toc, const ReportContent& c) {
    std::string out = "<section id=\"indicators\">\n<h2>Indicators</h2>\n";
    if (c.indicators.empty()) return out + "<p>The theory of change has no indicators.</p>\n</section>\n";
    // Top level first, then node order, then indicator order.
    std::vector<const IndicatorProgress*> rows;
    for (const IndicatorProgress& p : c.indicators) rows.push_back(&p);
    std::stable_sort(rows.begin(), rows.end(), [&](const IndicatorProgress* a, const IndicatorProgress* b) {
        const auto ra = *toc.schema().rank(toc.node(a->node).level), rb = *toc.schema().rank(toc.node(b->node).level);
        if (ra != rb) return ra < rb;
        return toc.vertex_of(a->node) < toc.vertex_of(b->node);
    });
    out += "<table>\n<thead><tr><th>Result</th><th>Indicator</th><th>Baseline</th><th>Target</th>"
           "<th>Latest actual</th><th>Achievement</th><th>Status</th></tr></thead>\n<tbody>\n";
    for (const IndicatorProgress* p : rows) {
        const bool qualitative = p->measure == Measure::qualitative;
        out += "<tr data-indicator=\"" + html(p->indicator) + "\"><td>" + node_label(toc, p->node) + "</td><td>" +
               html(p->title.empty() ? p->indicator : p->title) + "<br><span class=\"id\">" + html(p->indicator) +
               "</span>";
        if (qualitative) out += " <span class=\"small\">qualitative</span>";
        for (const std::string& note : p->notes) out += "<br><span class=\"small note-text\">" + html(note) + "</span>";
        out += "</td>";
        if (qualitative) {
            const Indicator& ind = toc.indicator(p->indicator);
            const std::string baseline = ind.baselines.empty() ? "" : ind.baselines.front().comment;
            const std::string target = ind.targets.empty() ? "" : ind.targets.back().comment;
            out += "<td class=\"small\">" + html(baseline) + "</td><td class=\"small\">" + html(target) +
                   "</td><td class=\"small\">" + html(p->comment) +
                   (p->actual_date ? "<br>" + p->actual_date->to_string() : std::string()) + "</td>";
        } else {
            out += "<td class=\"num\">" + value_with_date(p->baseline, p->baseline_date, p->unit) +
                   "</td><td class=\"num\">" + value_with_date(p->target, p->target_date, p->unit) +
                   "</td><td class=\"num\">" + value_with_date(p->actual, p->actual_date, p->unit) + "</td>";
        }
        out += "<td>" + achievement_cell(p->achievement, p->expected, p->status) + "</td><td>" +
               status_pill(p->status) + "</td></tr>\n";
    }
    out += "</tbody>\n</table>\n<p class=\"small\">Achievement is the share of the way from baseline to the final "
           "target reached by the latest actual counted; the mark shows where the target trajectory stands at that "
           "date. Status compares the two (on track at " +
           report_percent(c.options.tolerances.at_risk_below) + " of expected or more, off track below " +
           report_percent(c.options.tolerances.off_track_below) + ").</p>\n</section>\n";
    return out;
}

inline std::string html_rollup(const TheoryOfChange& toc, const ReportContent& c) {
    std::string out = "<section id=\"rollup\">\n<h2>Progress by pathway</h2>\n";
    if (!c.rollup) return out + "<p class=\"note\">Not available: " + html(c.rollup_problem) + "</p>\n</section>\n";
    const Rollup& r = *c.rollup;
    auto row = [&](const NodeProgress& n, bool head) {
        std::string cells = "<tr" + std::string(head ? " style=\"background:#f7f9fb\"" : "") + "><td>" +
                            (head ? "<strong>" : "") + node_label(toc, n.node) + (head ? "</strong>" : "") +
                            "</td><td>" + status_pill(n.status) + "</td><td>" +
                            achievement_cell(n.achievement, n.expected, n.status) + "</td><td class=\"num\">" +
                            std::to_string(n.scored_inputs()) + " of " + std::to_string(n.inputs.size()) + "</td></tr>\n";
        return cells;
    };
    const std::string head = "<table>\n<thead><tr><th>Result</th><th>Status</th><th>Achievement</th>"
                             "<th>Inputs scored</th></tr></thead>\n<tbody>\n";
    if (c.goal) out += "<h3>Overall</h3>\n" + head + row(r.nodes[*c.goal], true) + "</tbody>\n</table>\n";
    if (c.pathways.empty()) out += "<p>The schema has no pathway level, or no node is at it.</p>\n";
    for (const PathwayProgress& p : c.pathways) {
        const NodeProgress& pathway = r.nodes[p.pathway];
        out += "<h3>" + html(pathway.title.empty() ? pathway.node : pathway.title) + "</h3>\n" + head +
               row(pathway, true);
        for (std::size_t m : p.members) out += row(r.nodes[m], false);
        out += "</tbody>\n</table>\n";
    }
    out += "<p class=\"small\">Each result combines its own indicators and the results feeding it (method: " +
           std::string(to_string(r.options.method)) +
           "); inputs without figures are left out, never counted as zero.</p>\n</section>\n";
    return out;
}

inline std::string html_findings(const ReportContent& c) {
    std::string out = "<section id=\"validation\">\n<h2>Validation</h2>\n";
    if (c.findings.empty()) return out + "<p>The linter found nothing to report.</p>\n</section>\n";
    out += "<table>\n<thead><tr><th>Severity</th><th>Rule</th><th>Finding</th><th>How to fix it</th></tr></thead>\n<tbody>\n";
    for (Severity level : {Severity::error, Severity::warning, Severity::info})
        for (const Finding& f : c.findings) {
            if (f.severity != level) continue;
            const std::string sev(to_string(f.severity));
            const RuleInfo* rule = find_rule(f.code);
            out += "<tr><td class=\"sev-" + sev + "\">" + sev + "</td><td><code>" + html(f.code) + "</code>" +
                   (rule ? "<br><span class=\"small\">" + html(rule->name) + "</span>" : std::string()) + "</td><td>" +
                   html(f.message) + "</td><td class=\"small\">" + html(f.hint) + "</td></tr>\n";
        }
    return out + "</tbody>\n</table>\n</section>\n";
}

inline std::string html_assumptions(const TheoryOfChange& toc, const ReportContent& c) {
    std::string out = "<section id=\"assumptions\">\n<h2>Assumptions</h2>\n";
    if (toc.assumptions().empty()) return out + "<p>No assumptions are recorded.</p>\n</section>\n";
    out += "<table>\n<thead><tr><th>Assumption</th><th>Status</th><th>Likelihood</th><th>Risk</th>"
           "<th>Links resting on it</th></tr></thead>\n<tbody>\n";
    for (const Assumption& a : toc.assumptions()) {
        const std::string status(to_string(a.status));
        const char* css = a.status == AssumptionStatus::holding       ? "s-on_track"
                          : a.status == AssumptionStatus::at_risk     ? "s-at_risk"
                          : a.status == AssumptionStatus::not_holding ? "s-off_track"
                                                                      : "s-not_started";
        std::string status_text = status;
        std::replace(status_text.begin(), status_text.end(), '_', ' ');
        out += "<tr><td>" + html(a.statement.empty() ? a.id : a.statement) + "<br><span class=\"id\">" + html(a.id) +
               "</span></td><td><span class=\"status " + css + "\">" + html(status_text) +
               "</span></td><td class=\"num\">" + (a.likelihood ? report_percent(a.likelihood) : "\xE2\x80\x93") +
               "</td><td>" + (a.risk ? std::string(to_string(*a.risk)) : "\xE2\x80\x93") + "</td><td class=\"small\">";
        auto it = c.links_of_assumption.find(a.id);
        if (it == c.links_of_assumption.end()) out += "none";
        else
            for (std::size_t i = 0; i < it->second.size(); ++i)
                out += (i ? "<br>" : "") + std::string("<span class=\"id\">") + html(it->second[i]->source) +
                       " \xE2\x86\x92 " + html(it->second[i]->target) + "</span>";
        out += "</td></tr>\n";
    }
    return out + "</tbody>\n</table>\n</section>\n";
}

inline std::string html_chances(const TheoryOfChange& toc, const ReportContent& c) {
    std::string out = "<section id=\"chances\">\n<h2>Chance of success</h2>\n";
    if (!c.chances) return out + "<p>Not computed: " + html(c.chances_problem) + "</p>\n</section>\n";
    const ReportChances& r = *c.chances;
    out += "<p>" + html(chances_text(c)) + "</p>\n";
    out += "<table>\n<thead><tr><th>Result</th><th>Before the evidence</th><th>Given the evidence</th></tr></thead>\n<tbody>\n";
    for (std::size_t i = 0; i < r.ids.size(); ++i)
        out += "<tr><td>" + node_label(toc, r.ids[i]) + "</td><td class=\"num\">" + report_percent(r.before[i]) +
               "</td><td class=\"num\">" + report_percent(r.after[i]) + "</td></tr>\n";
    out += "</tbody>\n</table>\n<h3>Assumptions the goal depends on most</h3>\n";
    if (r.assumptions.empty()) out += "<p>No assumption changes the goal's chance.</p>\n";
    else {
        out += "<table>\n<thead><tr><th>Assumption</th><th>Chance it holds</th><th>Goal if it holds</th>"
               "<th>Goal if it fails</th></tr></thead>\n<tbody>\n";
        for (const Importance& i : r.assumptions) {
            const Assumption* a = toc.find_assumption(i.id);
            out += "<tr><td>" + html(a && !a->statement.empty() ? a->statement : i.id) + "<br><span class=\"id\">" + html(i.id) +
                   "</span></td><td class=\"num\">" + report_percent(i.probability) + "</td><td class=\"num\">" +
                   report_percent(i.if_certain) + "</td><td class=\"num\">" + report_percent(i.if_fails) + "</td></tr>\n";
        }
        out += "</tbody>\n</table>\n";
    }
    out += "<h3>Links the evidence puts in doubt</h3>\n";
    if (r.doubt.empty()) return out + "<p>None: the evidence lowers no link's chance of working.</p>\n</section>\n";
    out += "<table>\n<thead><tr><th>Link</th><th>Chance it works, before</th><th>Given the evidence</th></tr></thead>\n<tbody>\n";
    for (const LinkDoubt& d : r.doubt)
        out += "<tr><td><span class=\"id\">" + html(d.source) + " \xE2\x86\x92 " + html(d.target) + "</span></td><td class=\"num\">" +
               report_percent(d.prior) + "</td><td class=\"num\">" + report_percent(d.posterior) + "</td></tr>\n";
    return out + "</tbody>\n</table>\n</section>\n";
}

inline std::string html_feedback(const ReportContent& c) {
    std::string out = "<section id=\"feedback\">\n<h2>Consultation feedback</h2>\n";
    const ConsultationSummary& summary = c.consultation;
    if (summary.counts.total() == 0) return out + "<p>No consultation feedback is recorded.</p>\n</section>\n";
    out += "<p>" + std::to_string(summary.counts.total()) + " items: " + std::to_string(summary.counts.open) +
           " open, " + std::to_string(summary.counts.accepted) + " accepted, " +
           std::to_string(summary.counts.rejected) + " rejected, " + std::to_string(summary.counts.addressed) +
           " addressed.</p>\n";
    if (!summary.missing_subjects.empty())
        out += "<p class=\"note\">" + std::to_string(summary.missing_subjects.size()) + " item" +
               (summary.missing_subjects.size() == 1 ? " is" : "s are") +
               " about an id the theory of change no longer has (marked below).</p>\n";
    std::vector<std::string> consultations;
    for (const PhaseSummary& phase : summary.phases)
        if (std::find(consultations.begin(), consultations.end(), phase.consultation) == consultations.end())
            consultations.push_back(phase.consultation);
    for (const PhaseSummary& phase : summary.phases) {
        if (phase.entries.empty()) continue;
        out += "<h3>" + html(phase.title);
        if (consultations.size() > 1 && !phase.consultation_title.empty())
            out += " <span class=\"small\">" + html(phase.consultation_title) + "</span>";
        out += "</h3>\n";
        for (const auto& [heading, entries] : detail::feedback_by_status(phase)) {
            out += "<h4>" + html(heading) + " (" + std::to_string(entries.size()) + ")</h4>\n<ul class=\"feedback\">\n";
            for (const FeedbackEntry* e : entries) {
                const Feedback& f = e->feedback;
                const bool missing = e->subject.kind == SubjectKind::missing;
                std::string kind(to_string(f.kind));
                std::replace(kind.begin(), kind.end(), '_', ' ');
                out += std::string("<li data-feedback=\"") + html(f.id) + "\"" + (missing ? " class=\"is-stale\"" : "") +
                       "><span class=\"kind\">" + html(kind) + "</span> " + html(f.text) + "<br><span class=\"small\">";
                if (!f.author.empty()) out += html(f.author);
                if (f.date) out += (f.author.empty() ? "" : ", ") + f.date->to_string();
                out += " \xC2\xB7 about ";
                if (missing)
                    out += "<span class=\"stale\">\xE2\x80\x9C" + html(f.subject) +
                           "\xE2\x80\x9D, no longer in the theory of change</span>";
                else if (e->subject.kind == SubjectKind::programme)
                    out += "the theory of change as a whole";
                else
                    out += html(e->subject.title.empty() ? f.subject : e->subject.title) + " <span class=\"id\">" +
                           html(f.subject) + "</span>";
                out += "</span>";
                if (!f.resolution.empty()) out += "<br><span class=\"resolution\">" + html(f.resolution) + "</span>";
                out += "</li>\n";
            }
            out += "</ul>\n";
        }
    }
    return out + "</section>\n";
}

}  // namespace tocgraph::detail::report_html
