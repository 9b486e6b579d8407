// tocgraph progress FILE --as-of DATE: where each indicator and each result
// stands on a date (docs/monitoring.md), as a text table, JSON or CSV; with
// --by DIMENSION, each indicator broken down by that dimension.
#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>
#include <ostream>
#include <string>
#include <vector>

#include <tocgraph/errors.hpp>
#include <tocgraph/monitoring.hpp>

#include "command.hpp"
#include "options.hpp"
#include "output.hpp"

namespace tocgraph::cli {
namespace {

// ---- options ------------------------------------------------------------------

std::vector<std::string> split_list(const std::string& text) {
    std::vector<std::string> out;
    std::size_t from = 0;
    while (from <= text.size()) {
        const std::size_t comma = std::min(text.find(',', from), text.size());
        if (comma > from) out.push_back(text.substr(from, comma - from));
        from = comma + 1;
    }
    return out;
}

// ---- formatting ---------------------------------------------------------------

/// A figure as people read it: 3, 66.67, 0.5; "-" when absent.
std::string number(const std::optional<double>& x) {
    if (!x) return "-";
    char buffer[64];
    if (std::abs(*x - std::round(*x)) < 1e-9 && std::abs(*x) < 1e15)
        std::snprintf(buffer, sizeof buffer, "%.0f", std::round(*x) == 0 ? 0.0 : std::round(*x));
    else
        std::snprintf(buffer, sizeof buffer, "%.2f", *x);
    std::string s = buffer;
    if (s.find('.') != std::string::npos) {
        while (s.back() == '0') s.pop_back();
        if (s.back() == '.') s.pop_back();
    }
    return s;
}

std::string percent(const std::optional<double>& x) { return x ? percent_text(*x) : "-"; }

/// A figure for CSV: full precision, empty when absent.
std::string csv_number(const std::optional<double>& x) {
    if (!x || !std::isfinite(*x)) return {};
    char buffer[64];
    std::snprintf(buffer, sizeof buffer, "%.10g", *x);
    return buffer;
}

std::string csv_date(const std::optional<Date>& d) { return d ? d->to_string() : std::string(); }

std::string csv_field(const std::string& s) {
    if (s.find_first_of(",\"\r\n") == std::string::npos) return s;
    std::string out = "\"";
    for (char c : s) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

void csv_row(std::ostream& out, const std::vector<std::string>& fields) {
    for (std::size_t i = 0; i < fields.size(); ++i) out << (i ? "," : "") << csv_field(fields[i]);
    out << "\r\n";
}

std::string joined(const std::vector<std::string>& items, const std::string& separator) {
    std::string out;
    for (const std::string& s : items) out += (out.empty() ? "" : separator) + s;
    return out;
}

/// Columns two spaces apart: text left-aligned, figures (the columns named
/// in `figures`) right-aligned.
class Table {
public:
    Table(std::vector<std::string> header, std::vector<std::size_t> figures)
        : figures_(std::move(figures)) { rows_.push_back(std::move(header)); }
    void add(std::vector<std::string> row) { rows_.push_back(std::move(row)); }
    void print(std::ostream& out, const std::string& indent) const {
        std::vector<std::size_t> width(rows_.front().size(), 0);
        for (const auto& row : rows_)
            for (std::size_t i = 0; i < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
        for (const auto& row : rows_) {
            std::string line = indent;
            for (std::size_t i = 0; i < row.size(); ++i) {
                const std::string pad(width[i] - row[i].size(), ' ');
                const bool figure = std::ranges::find(figures_, i) != figures_.end();
                line += (i ? "  " : "") + (figure ? pad + row[i] : row[i] + pad);
            }
            while (!line.empty() && line.back() == ' ') line.pop_back();
            out << line << "\n";
        }
    }

private:
    std::vector<std::size_t> figures_;
    std::vector<std::vector<std::string>> rows_;
};

std::string title_of(const TheoryOfChange& toc, const std::string& path) {
    return toc.metadata().title.empty() ? input_name(path) : toc.metadata().title;
}

void print_preamble(std::ostream& out, const TheoryOfChange& toc, const std::string& path,
                    const ProgressOptions& options) {
    out << title_of(toc, path) << ": progress as of " << options.as_of.to_string() << "\n"
        << "Achieved and expected are fractions of the way from baseline to final target; at risk below "
        << percent_text(options.tolerances.at_risk_below) << ", off track below "
        << percent_text(options.tolerances.off_track_below) << " of expected.\n";
}

// ---- the whole theory of change -------------------------------------------------

void print_text(std::ostream& out, const TheoryOfChange& toc, const std::string& path, const Rollup& r) {
    print_preamble(out, toc, path, r.options.progress);
    out << "\nIndicators\n";
    Table indicators({"node", "indicator", "baseline", "target", "actual", "achieved", "expected", "status"},
                     {2, 3, 4, 5, 6});
    for (const IndicatorProgress& p : r.indicators)
        indicators.add({p.node, p.indicator, number(p.baseline), number(p.target), number(p.actual),
                        percent(p.achievement), percent(p.expected), std::string(status_label(p.status))});
    indicators.print(out, "  ");

    out << "\nResults (roll-up: " << to_string(r.options.method) << ")\n";
    Table results({"level", "node", "achieved", "expected", "status", "inputs"}, {2, 3});
    const auto& schema = toc.schema();
    for (const Level& level : schema.levels()) {
        if (level.role == LevelRole::activity || level.role == LevelRole::input) continue;
        for (const NodeProgress& n : r.nodes)
            if (n.level == level.id)
                results.add({level.id, n.node, percent(n.achievement), percent(n.expected),
                             std::string(status_label(n.status)),
                             std::to_string(n.scored_inputs()) + " of " + std::to_string(n.inputs.size())});
    }
    results.print(out, "  ");
}

void print_csv(std::ostream& out, const Rollup& r) {
    csv_row(out, {"node", "indicator", "title", "unit", "measure", "baseline", "baseline_date", "target",
                  "target_date", "actual", "actual_date", "evaluated_at", "expected_value", "achievement",
                  "expected", "status", "notes"});
    for (const IndicatorProgress& p : r.indicators)
        csv_row(out, {p.node, p.indicator, p.title, p.unit, std::string(to_string(p.measure)), csv_number(p.baseline),
                      csv_date(p.baseline_date), csv_number(p.target), csv_date(p.target_date), csv_number(p.actual),
                      csv_date(p.actual_date), csv_date(p.evaluated_at), csv_number(p.expected_value),
                      csv_number(p.achievement), csv_number(p.expected), std::string(to_string(p.status)),
                      joined(p.notes, "; ")});
}

// ---- by dimension -----------------------------------------------------------------

void print_text_by(std::ostream& out, const TheoryOfChange& toc, const std::string& path,
                   const ProgressOptions& options, const std::string& dimension,
                   const std::vector<IndicatorBreakdown>& breakdowns) {
    print_preamble(out, toc, path, options);
    if (breakdowns.empty()) {
        out << "\nNo indicator has values by \"" << dimension << "\".\n";
        return;
    }
    for (const IndicatorBreakdown& b : breakdowns) {
        out << "\n" << b.indicator << " (" << b.node << ") by " << b.dimension << "\n";
        Table table({b.dimension, "baseline", "target", "actual", "achieved", "expected", "status"}, {1, 2, 3, 4, 5});
        for (std::size_t i = 0; i < b.rows.size(); ++i) {
            const IndicatorProgress& p = b.rows[i];
            table.add({b.values[i], number(p.baseline), number(p.target), number(p.actual), percent(p.achievement),
                       percent(p.expected), std::string(status_label(p.status))});
        }
        table.print(out, "  ");
        if (!b.missing.empty()) out << "  No data: " << joined(b.missing, ", ") << "\n";
    }
}

void print_csv_by(std::ostream& out, const std::vector<IndicatorBreakdown>& breakdowns) {
    csv_row(out, {"indicator", "node", "dimension", "value", "baseline", "target", "actual", "actual_date",
                  "achievement", "expected", "status", "has_data"});
    for (const IndicatorBreakdown& b : breakdowns)
        for (std::size_t i = 0; i < b.rows.size(); ++i) {
            const IndicatorProgress& p = b.rows[i];
            const bool has_data = std::ranges::find(b.missing, b.values[i]) == b.missing.end();
            csv_row(out, {b.indicator, b.node, b.dimension, b.values[i], csv_number(p.baseline), csv_number(p.target),
                          csv_number(p.actual), csv_date(p.actual_date), csv_number(p.achievement),
                          csv_number(p.expected), std::string(to_string(p.status)), has_data ? "true" : "false"});
        }
}

}  // namespace

int run_progress(const ParsedArgs& args, Context& context) {
    const std::string& path = args.positional.at(0);
    const ProgressOptions options{required_date_option(args, "as-of"), tolerances_option(args)};
    const RollupMethod method = enum_option(args, "method", RollupMethod::mean);
    const std::string format = format_option(args, {"text", "json", "csv"});
    std::optional<std::vector<std::string>> values;
    if (auto list = args.value("values")) {
        if (!args.has("by")) throw UsageError("option --values needs --by DIMENSION");
        values = split_list(*list);
    }

    const TheoryOfChange toc = load_input(path);
    std::ostream& out = context.out;
    if (auto dimension = args.value("by")) {
        if (dimension->empty()) throw UsageError("option --by: the dimension name must not be empty");
        const auto breakdowns = progress_by(toc, *dimension, options, values);
        if (format == "json") {
            nlohmann::ordered_json j = {{"as_of", options.as_of.to_string()},
                                        {"dimension", *dimension},
                                        {"tolerances", nlohmann::ordered_json(options.tolerances)}};
            j["indicators"] = nlohmann::ordered_json::array();
            for (const IndicatorBreakdown& b : breakdowns) j["indicators"].push_back(b);
            out << j.dump(2) << "\n";
        } else if (format == "csv") {
            print_csv_by(out, breakdowns);
        } else {
            print_text_by(out, toc, path, options, *dimension, breakdowns);
        }
        return exit_ok;
    }
    const Rollup r = rollup(toc, {options, method});  // CycleError: reported by main, exit 1
    if (format == "json")
        out << nlohmann::ordered_json(r).dump(2) << "\n";
    else if (format == "csv")
        print_csv(out, r);
    else
        print_text(out, toc, path, r);
    return exit_ok;
}

}  // namespace tocgraph::cli
