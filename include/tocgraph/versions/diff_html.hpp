#pragma once
// A Diff as HTML: a self-contained page (or a fragment for a report) with a
// table of counts per collection and, per collection, a coloured list of the
// changed elements (added green, removed red, changed amber, renamed blue),
// each changed element with a table of its fields: field, old value, new value.

#include <optional>
#include <sstream>
#include <string>

#include <nlohmann/json.hpp>

#include "../detail/xml/escape.hpp"
#include "change.hpp"
#include "diff_text.hpp"
#include "path_text.hpp"

namespace tocgraph {

struct DiffHtmlOptions {
    /// The page's title and heading, e.g. "toc.json → toc-after-workshop.json".
    std::string title = "Changes";
    /// A whole page (true) or a <section> to put inside another page; both
    /// carry their own styles, scoped to the class "tocgraph-diff".
    bool standalone = true;
};

namespace detail {

inline constexpr const char* diff_css = R"(.tocgraph-diff{font-family:system-ui,-apple-system,"Segoe UI",sans-serif;color:#1f2328;line-height:1.45}
.tocgraph-diff table{border-collapse:collapse;margin:.4em 0}
.tocgraph-diff th,.tocgraph-diff td{border:1px solid #d0d7de;padding:.2em .6em;text-align:left;vertical-align:top}
.tocgraph-diff td.n{text-align:right}
.tocgraph-diff ul.changes{list-style:none;padding-left:0}
.tocgraph-diff ul.changes>li{border-left:.35em solid;margin:.4em 0;padding:.3em .6em;border-radius:.2em}
.tocgraph-diff li.added{border-color:#1a7f37;background:#dafbe1}
.tocgraph-diff li.removed{border-color:#cf222e;background:#ffebe9}
.tocgraph-diff li.changed{border-color:#9a6700;background:#fff8c5}
.tocgraph-diff li.renamed{border-color:#0969da;background:#ddf4ff}
.tocgraph-diff .kind{font-weight:600;text-transform:uppercase;font-size:.75em;margin-right:.5em}
.tocgraph-diff .context{color:#59636e}
.tocgraph-diff table.fields{font-size:.9em;background:#fff}
.tocgraph-diff td.old{background:#ffebe9}
.tocgraph-diff td.new{background:#dafbe1}
.tocgraph-diff code{font-family:ui-monospace,SFMono-Regular,Menlo,monospace;font-size:.9em})";

/// A JSON value as HTML: strings as text, the rest as code.
inline std::string html_value(const std::optional<nlohmann::json>& v) {
    if (!v) return "<span class=\"context\">—</span>";
    if (v->is_string()) return xml_escape(v->get<std::string>());
    return "<code>" + xml_escape(value_text(*v, 500)) + "</code>";
}

}  // namespace detail

/// The diff as HTML (see DiffHtmlOptions).
inline std::string to_html(const Diff& d, const DiffHtmlOptions& options = {}) {
    using detail::xml_escape;
    std::ostringstream out;
    if (options.standalone)
        out << "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>"
            << xml_escape(options.title) << "</title>\n";
    out << "<style>" << detail::diff_css << "</style>\n";
    if (options.standalone) out << "</head>\n<body>\n";
    out << "<section class=\"tocgraph-diff\">\n<h1>" << xml_escape(options.title) << "</h1>\n";
    if (d.empty()) {
        out << "<p>No changes.</p>\n</section>\n";
        if (options.standalone) out << "</body>\n</html>\n";
        return out.str();
    }
    const ChangeCounts total = d.counts();
    out << "<p>" << total.total() << (total.total() == 1 ? " change: " : " changes: ")
        << xml_escape(detail::counts_text(total)) << ".</p>\n";
    out << "<table class=\"counts\">\n<tr><th></th><th>added</th><th>removed</th><th>changed</th><th>renamed</th></tr>\n";
    for (const auto& [name, c] : d.counts_by_collection())
        out << "<tr><th>" << xml_escape(name) << "</th><td class=\"n\">" << c.added << "</td><td class=\"n\">"
            << c.removed << "</td><td class=\"n\">" << c.changed << "</td><td class=\"n\">" << c.renamed
            << "</td></tr>\n";
    out << "</table>\n";

    std::string collection;
    for (const ItemChange& item : d.changes) {
        if (item.collection != collection) {
            if (!collection.empty()) out << "</ul>\n";
            collection = item.collection;
            out << "<h2>" << xml_escape(collection) << "</h2>\n<ul class=\"changes\">\n";
        }
        const std::string kind(to_string(item.kind));
        out << "<li class=\"" << kind << "\"><span class=\"kind\">" << kind << "</span>";
        if (item.is_singleton()) {
            out << xml_escape(item.collection);
        } else {
            out << xml_escape(item_noun(item.collection)) << " <code>" << xml_escape(item.id) << "</code>";
            if (item.kind == ChangeKind::renamed) out << " to <code>" << xml_escape(item.new_id) << "</code>";
        }
        if (const std::string context = detail::item_context(item); !context.empty())
            out << " <span class=\"context\">(" << xml_escape(context) << ")</span>";
        const std::string caption =
            detail::item_caption(item.new_value.is_object() ? item.new_value : item.old_value);
        if (!caption.empty()) out << ": " << xml_escape(caption);
        if (!item.fields.empty()) {
            out << "\n<table class=\"fields\">\n<tr><th>field</th><th>old</th><th>new</th></tr>\n";
            for (const FieldChange& f : item.fields)
                out << "<tr><td><code>" << xml_escape(f.path.empty() ? std::string("(whole value)") : path_text(f.path))
                    << "</code></td><td class=\"old\">" << detail::html_value(f.old_value) << "</td><td class=\"new\">"
                    << detail::html_value(f.new_value) << "</td></tr>\n";
            out << "</table>\n";
        }
        out << "</li>\n";
    }
    out << "</ul>\n</section>\n";
    if (options.standalone) out << "</body>\n</html>\n";
    return out.str();
}

}  // namespace tocgraph
