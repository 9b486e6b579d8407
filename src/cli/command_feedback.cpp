// tocgraph feedback FILE: the consultation record of a theory of change,
// the feedback items that match the filters, or their summary per phase
// (docs/versions.md).
#include <algorithm>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <tocgraph/enums.hpp>
#include <tocgraph/errors.hpp>
#include <tocgraph/versions.hpp>

#include "command.hpp"
#include "options.hpp"
#include "output.hpp"

namespace tocgraph::cli {
namespace {

/// A filter given by name, or none: `unknown --status "X"; expected ...`.
template <typename E>
std::optional<E> filter_option(const ParsedArgs& args, const char* name) {
    const auto text = args.value(name);
    if (!text) return std::nullopt;
    if (auto value = parse_enum<E>(*text)) return value;
    throw UsageError("unknown --" + std::string(name) + " \"" + *text + "\"; expected " + enum_choices<E>());
}

void print_item(std::ostream& out, const TheoryOfChange& toc, const Feedback& f) {
    const FeedbackSubject subject = resolve_subject(toc, f.subject);
    out << f.id << " [" << (f.phase.empty() ? std::string("no phase") : f.phase) << "] " << to_string(f.kind) << ", "
        << to_string(f.status) << ", about ";
    if (subject.kind == SubjectKind::programme) out << "the theory of change as a whole";
    else if (subject.kind == SubjectKind::missing) out << f.subject << " (no longer in the theory of change)";
    else out << to_string(subject.kind) << " " << f.subject;
    out << "\n  " << (f.author.empty() ? std::string("(anonymous)") : f.author);
    if (f.date) out << ", " << f.date->to_string();
    out << ": " << f.text << "\n";
    if (!f.resolution.empty()) out << "  -> " << f.resolution << "\n";
}

}  // namespace

int run_feedback(const ParsedArgs& args, Context& context) {
    FeedbackQuery query;
    query.consultation = args.value("consultation").value_or("");
    query.phase = args.value("phase").value_or("");
    query.author = args.value("author").value_or("");
    query.subject = args.value("subject").value_or("");
    query.status = filter_option<FeedbackStatus>(args, "status");
    query.kind = filter_option<FeedbackKind>(args, "kind");
    const std::string format = format_option(args, {"text", "json", "md", "html"}, FormatMessage::quoted);
    const bool summary = args.has("summary") || format == "md" || format == "html";
    const std::string& path = args.positional[0];
    return report_errors(context, input_name(path) + ": ", exit_failure, [&] {
        const TheoryOfChange toc = load_input(path);
        const std::vector<Feedback> items = find_feedback(toc, query);
        if (summary) {
            TheoryOfChange selected = toc;  // the summary of the matching items only
            for (const Feedback& f : toc.feedback())
                if (std::none_of(items.begin(), items.end(), [&](const Feedback& i) { return i.id == f.id; }))
                    selected.remove_feedback(f.id);
            const ConsultationSummary s = consultation_summary(selected, query.consultation);
            if (format == "json") context.out << nlohmann::json(s).dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
            else if (format == "html") context.out << to_html(s);
            else context.out << to_markdown(s);
            return exit_ok;
        }
        if (format == "json") {
            nlohmann::json list = nlohmann::json::array();
            for (const Feedback& f : items) {
                nlohmann::json o = feedback_json(f);
                const FeedbackSubject subject = resolve_subject(toc, f.subject);
                o["subject_kind"] = std::string(to_string(subject.kind));
                o["subject_title"] = subject.title;
                list.push_back(std::move(o));
            }
            context.out << list.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) << "\n";
            return exit_ok;
        }
        for (const Feedback& f : items) print_item(context.out, toc, f);
        StatusCounts counts;
        for (const Feedback& f : items) counts.count(f.status);
        context.out << (items.empty() ? std::string("no feedback items match") : status_counts_text(counts))
                    << "\n";
        return exit_ok;
    });
}

}  // namespace tocgraph::cli
