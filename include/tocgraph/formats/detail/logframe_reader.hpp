#pragma once
// Reading a logframe grid into a theory of change (see logframe/read.hpp for
// what the reader recognises and reports).

#include <algorithm>
#include <cmath>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../date.hpp"
#include "../../detail/text/ascii.hpp"
#include "../../errors.hpp"
#include "../../theory_of_change.hpp"
#include "../import_result.hpp"
#include "../logframe/options.hpp"
#include "csv.hpp"
#include "logframe_cells.hpp"

namespace tocgraph::detail {

/// Reads a logframe grid into a theory of change.
class LogframeReader {
public:
    LogframeReader(std::string file, LogframeReadOptions options)
        : file_(std::move(file)), options_(std::move(options)) {}

    ImportResult read(const std::vector<CsvRow>& rows) {
        const std::size_t header = find_header(rows);
        read_columns(rows[header]);
        for (std::size_t r = header + 1; r < rows.size(); ++r) read_row(rows[r]);
        if (results_.empty()) {
            Finding f;
            f.code = "IMP207";
            f.severity = Severity::warning;
            f.message = "the table has a header but no results";
            findings_.push_back(std::move(f));
        }
        return build();
    }

private:
    [[noreturn]] void fail(const CsvCell& cell, const std::string& problem) const {
        throw FormatError(file_, "", problem, cell.line, cell.column);
    }
    void note(std::string code, Severity severity, std::string message, std::vector<std::string> ids = {},
              std::string hint = {}) {
        findings_.push_back({std::move(code), severity, std::move(message), std::move(ids), std::move(hint)});
    }

    std::optional<LogframeColumn> classify(const CsvCell& cell, std::size_t index) const {
        const std::string key = header_key(cell.text);
        for (const auto& [header, role] : options_.columns) {
            if (header_key(header) != key) continue;
            const auto colon = role.find(':');
            const auto r = role_named(role.substr(0, colon));
            if (!r) fail(cell, "unknown column role \"" + role + "\" for \"" + header + "\"");
            LogframeColumn column{*r, index, cell.text, std::nullopt};
            if (colon != std::string::npos) {
                column.period = find_period(role.substr(colon + 1));
                if (!column.period) fail(cell, "no period in column role \"" + role + "\"");
            } else if (*r == LogframeRole::target || *r == LogframeRole::actual || *r == LogframeRole::baseline) {
                column.period = find_period(cell.text);
            }
            return column;
        }
        return recognise_column(cell.text, index);
    }

    std::size_t find_header(const std::vector<CsvRow>& rows) {
        for (std::size_t r = 0; r < rows.size() && r < 30; ++r) {
            std::set<LogframeRole> roles;
            for (std::size_t c = 0; c < rows[r].size(); ++c)
                if (auto col = classify(rows[r][c], c)) roles.insert(col->role);
            const bool has_result = roles.contains(LogframeRole::statement) || roles.contains(LogframeRole::id);
            if (roles.contains(LogframeRole::level) && has_result) return r;
        }
        const CsvCell first{"", rows.empty() ? 1 : rows[0].empty() ? 1 : rows[0][0].line, 1};
        fail(first, "no header row found: expected a \"Level\" column and a \"Statement\" or \"ID\" column "
                    "(see docs/logframe.md, or name the columns with the columns option)");
    }

    void read_columns(const CsvRow& header) {
        std::vector<std::string> ignored;
        for (std::size_t c = 0; c < header.size(); ++c) {
            auto column = classify(header[c], c);
            if (!column) {
                if (!ascii_trim(header[c].text).empty()) ignored.push_back(ascii_trim(header[c].text));
                continue;
            }
            if (column->role == LogframeRole::ignore) continue;
            const bool repeatable = column->role == LogframeRole::target || column->role == LogframeRole::actual;
            for (const LogframeColumn& other : columns_)
                if (!repeatable && other.role == column->role)
                    fail(header[c], "column \"" + ascii_trim(header[c].text) + "\" repeats column \"" +
                                        ascii_trim(other.header) + "\"");
            if ((column->role == LogframeRole::target || column->role == LogframeRole::actual) && !column->period)
                undated_.push_back(ascii_trim(header[c].text));
            columns_.push_back(*column);
        }
        if (!ignored.empty()) {
            std::string list;
            for (const auto& h : ignored) list += (list.empty() ? "\"" : ", \"") + h + "\"";
            note("IMP206", Severity::info, "columns not recognised, left out: " + list, {},
                 "name what they hold with the columns option");
        }
        if (!undated_.empty()) {
            std::string list;
            for (const auto& h : undated_) list += (list.empty() ? "\"" : ", \"") + h + "\"";
            note("IMP205", Severity::warning,
                 "columns " + list + " name no period: their values are kept in each indicator's "
                 "attributes (\"milestones\"), not as targets or actuals",
                 {}, "put a year or a period in the header (\"Target 2021\") or use the columns option");
        }
    }

    const CsvCell* cell(const CsvRow& row, LogframeRole role) const {
        for (const LogframeColumn& c : columns_)
            if (c.role == role) return c.index < row.size() ? &row[c.index] : nullptr;
        return nullptr;
    }
    std::string text(const CsvRow& row, LogframeRole role) const {
        const CsvCell* c = cell(row, role);
        return c ? ascii_trim(c->text) : std::string();
    }

    struct Indicator_ {
        Indicator value;
        CsvCell at;
    };
    struct Result {
        Node node;
        CsvCell level_cell, id_cell, contributes_cell;
        std::string level_text;
        std::vector<std::pair<std::string, CsvCell>> parents;
        std::vector<std::string> assumptions;
        std::vector<Indicator_> indicators;
        bool explicit_id = false;
    };

    void read_row(const CsvRow& row) {
        if (std::all_of(row.begin(), row.end(), [](const CsvCell& c) { return ascii_trim(c.text).empty(); })) return;
        const std::string id = text(row, LogframeRole::id), statement = text(row, LogframeRole::statement),
                          level = text(row, LogframeRole::level);
        Result* current = results_.empty() ? nullptr : &results_.back();
        bool starts = false;
        if (!id.empty()) starts = !current || id != current->node.id;
        else starts = !statement.empty() && (!current || statement != current->node.title);
        if (starts) {
            Result r;
            r.level_text = level;
            const CsvCell* level_cell = cell(row, LogframeRole::level);
            r.level_cell = level_cell ? *level_cell : row.front();
            if (level.empty()) fail(r.level_cell, "a new result needs a level");
            if (!id.empty()) {
                if (ids_.contains(id)) fail(*cell(row, LogframeRole::id), "duplicate result id \"" + id + "\"");
                r.node.id = id;
                r.explicit_id = true;
                r.id_cell = *cell(row, LogframeRole::id);
                ids_.insert(id);
            }
            r.node.title = statement;
            results_.push_back(std::move(r));
            current = &results_.back();
        } else if (!current) {
            fail(row.front(), "this row belongs to no result: give it a level and a statement");
        }
        if (const CsvCell* c = cell(row, LogframeRole::contributes_to); c && !ascii_trim(c->text).empty()) {
            current->contributes_cell = *c;
            std::string item;
            auto flush = [&] {
                if (auto t = ascii_trim(item); !t.empty()) current->parents.push_back({t, *c});
                item.clear();
            };
            // A backslash keeps the next character in the id (docs/logframe.md).
            for (std::size_t k = 0; k < c->text.size(); ++k) {
                const char ch = c->text[k];
                if (ch == '\\' && k + 1 < c->text.size()) k = take_escaped(c->text, k + 1, item);
                else if (ch == ';' || ch == ',' || ch == '\n') flush();
                else item += ch;
            }
            flush();
        }
        for (const std::string& a : split_lines(text(row, LogframeRole::assumptions)))
            if (std::find(current->assumptions.begin(), current->assumptions.end(), a) == current->assumptions.end())
                current->assumptions.push_back(a);
        read_indicator_cells(row, *current);
    }

    static std::vector<std::string> split_lines(const std::string& cell) {
        std::vector<std::string> out;
        std::string line;
        auto flush = [&] {
            std::string t = ascii_trim(line);
            // Bullets spreadsheets use for lists.
            for (std::string_view bullet : {"\xE2\x80\xA2", "-", "*"})
                if (t.starts_with(bullet)) t = ascii_trim(t.substr(bullet.size()));
            if (!t.empty()) out.push_back(t);
            line.clear();
        };
        for (char c : cell) {
            if (c == '\n' || c == '\r') flush();
            else line += c;
        }
        flush();
        return out;
    }

    void read_indicator_cells(const CsvRow& row, Result& result) {
        const std::string ind_id = text(row, LogframeRole::indicator_id), title = text(row, LogframeRole::indicator);
        bool values = false;
        for (const LogframeColumn& c : columns_)
            if ((c.role == LogframeRole::baseline || c.role == LogframeRole::target || c.role == LogframeRole::actual ||
                 c.role == LogframeRole::dimensions) &&
                c.index < row.size() && !ascii_trim(row[c.index].text).empty())
                values = true;
        Indicator_* ind = result.indicators.empty() ? nullptr : &result.indicators.back();
        if (!ind_id.empty() || !title.empty()) {
            const bool same = ind && (!ind_id.empty() ? ind_id == ind->value.id : title == ind->value.title);
            if (!same) {
                Indicator_ fresh;
                fresh.at = cell(row, LogframeRole::indicator_id) && !ind_id.empty() ? *cell(row, LogframeRole::indicator_id)
                                                                                   : *cell(row, LogframeRole::indicator);
                if (!ind_id.empty()) {
                    if (indicator_ids_.contains(ind_id)) fail(fresh.at, "duplicate indicator id \"" + ind_id + "\"");
                    fresh.value.id = ind_id;
                    indicator_ids_.insert(ind_id);
                }
                fresh.value.title = title;
                result.indicators.push_back(std::move(fresh));
                ind = &result.indicators.back();
            }
        } else if (!values) {
            return;
        } else if (!ind) {
            const CsvCell* at = cell(row, LogframeRole::indicator);
            fail(at ? *at : row.front(), "values without an indicator: name the indicator in this row");
        }
        Indicator& value = ind->value;
        if (value.unit.empty()) value.unit = text(row, LogframeRole::unit);
        if (value.means_of_verification.empty()) value.means_of_verification = text(row, LogframeRole::means_of_verification);
        Dimensions dims;
        if (const CsvCell* c = cell(row, LogframeRole::dimensions); c && !ascii_trim(c->text).empty()) dims = parse_dimensions(*c);
        for (const LogframeColumn& c : columns_) {
            const bool holds_values =
                c.role == LogframeRole::baseline || c.role == LogframeRole::target || c.role == LogframeRole::actual;
            if (!holds_values || c.index >= row.size()) continue;
            const CsvCell& at = row[c.index];
            const std::string cell_text = ascii_trim(at.text);
            if (cell_text.empty()) continue;
            auto [number, text_value] = value_of(cell_text);
            if (c.role == LogframeRole::baseline) {
                Baseline b;
                b.value = number;
                b.value_text = text_value;
                b.dimensions = dims;
                const std::string date_text = text(row, LogframeRole::baseline_date);
                if (!date_text.empty()) {
                    auto d = Date::parse(date_text);
                    if (!d) {
                        auto year = find_period(date_text);
                        if (!year || date_text.size() != 4)
                            fail(*cell(row, LogframeRole::baseline_date),
                                 "invalid date \"" + date_text + "\"; expected YYYY-MM-DD or a year");
                        d = year->start;
                    }
                    b.date = d;
                } else if (c.period) {
                    b.date = c.period->start;
                }
                value.baselines.push_back(std::move(b));
            } else if (c.role == LogframeRole::target || c.role == LogframeRole::actual) {
                if (!c.period) {
                    if (!value.attributes.is_object()) value.attributes = nlohmann::json::object();
                    nlohmann::json& milestones = value.attributes["milestones"];
                    std::string key = ascii_trim(c.header);
                    for (const auto& [k, v] : dims) key += " [" + k + "=" + v + "]";
                    milestones[key] = number ? nlohmann::json(*number) : nlohmann::json(text_value);
                    continue;
                }
                PeriodValue pv;
                pv.period = *c.period;
                pv.value = number;
                pv.value_text = text_value;
                pv.dimensions = dims;
                (c.role == LogframeRole::target ? value.targets : value.actuals).push_back(std::move(pv));
            }
        }
    }

    std::pair<std::optional<double>, std::string> value_of(const std::string& text) {
        if (auto n = parse_number(text)) return {n, ""};
        ++text_values_;
        return {std::nullopt, text};
    }

    /// "NAME=VALUE; NAME=VALUE" (or one pair a line); a backslash takes the
    /// `;`, `=`, `\\` or line break after it literally (the writer escapes
    /// them), before any other character it is kept as written.
    Dimensions parse_dimensions(const CsvCell& c) const {
        Dimensions out;
        std::string name, value;
        bool in_value = false, any = false;
        auto flush = [&] {
            const std::string n = ascii_trim(name), v = ascii_trim(value);
            const bool seen = any;
            name.clear();
            value.clear();
            any = false;
            if (!seen && n.empty() && v.empty() && !in_value) return;
            if (!in_value || n.empty())
                fail(c, "invalid dimensions \"" + ascii_trim(c.text) + "\"; expected NAME=VALUE; NAME=VALUE");
            in_value = false;
            out[n] = v;
        };
        const std::string& text = c.text;
        for (std::size_t k = 0; k < text.size(); ++k) {
            const char ch = text[k];
            std::string& into = in_value ? value : name;
            if (ch == '\\' && k + 1 < text.size() && std::string_view(";=\\\n\r").find(text[k + 1]) != std::string_view::npos) {
                k = take_escaped(text, k + 1, into);
                any = true;
            } else if (ch == ';' || ch == '\n') {
                flush();
            } else if (ch == '=' && !in_value) {
                in_value = true;
            } else {
                into += ch;
            }
        }
        flush();
        return out;
    }

    /// Level words of the table without numbering: "OUTPUT 1.2" -> "output".
    static std::string level_word(const std::string& text) {
        std::string s = header_key(text);
        while (!s.empty()) {
            const auto space = s.rfind(' ');
            const std::string last = space == std::string::npos ? s : s.substr(space + 1);
            const bool numbering = std::all_of(last.begin(), last.end(), [](char c) {
                return std::isdigit(static_cast<unsigned char>(c)) || c == '.' || c == '(' || c == ')' ||
                       (c >= 'a' && c <= 'c');
            }) && std::any_of(last.begin(), last.end(), [](char c) { return std::isdigit(static_cast<unsigned char>(c)); });
            if (!numbering || space == std::string::npos) break;
            s = ascii_trim(s.substr(0, space));
        }
        std::replace(s.begin(), s.end(), '-', ' ');
        if (s.ends_with("ies")) s = s.substr(0, s.size() - 3) + "y";
        else if (s.ends_with("s") && !s.ends_with("ss")) s.pop_back();
        return s;
    }
    static std::optional<std::string> level_in(const LevelSchema& schema, const std::string& word) {
        for (const Level& l : schema.levels()) {
            std::string id = l.id;
            std::replace(id.begin(), id.end(), '_', ' ');
            std::string label = ascii_lower(l.label);
            std::replace(label.begin(), label.end(), '-', ' ');
            if (word == id || word == label) return l.id;
        }
        return std::nullopt;
    }
    static std::string logframe_alias(const std::string& word) {
        static const std::map<std::string, std::string> aliases = {
            {"impact", "goal"}, {"overall objective", "goal"}, {"vision", "goal"},
            {"outcome", "purpose"}, {"objective", "purpose"}, {"specific objective", "purpose"},
            {"result", "output"}, {"input", "activity"}, {"action", "activity"}};
        auto it = aliases.find(word);
        return it == aliases.end() ? word : it->second;
    }

    LevelSchema choose_schema() {
        std::vector<std::string> candidates;
        if (!options_.schema.empty()) {
            if (!LevelSchema::builtin(options_.schema)) {
                std::string names;
                for (const auto& n : LevelSchema::builtin_names()) names += (names.empty() ? "" : ", ") + n;
                throw Error("unknown schema \"" + options_.schema + "\"; built-in schemas are " + names);
            }
            candidates = {options_.schema};
        } else {
            candidates = {"logframe", "oecd_results_chain", "theory_of_change", "usaid_results_framework"};
        }
        for (bool aliased : {false, true})
            for (const std::string& name : candidates) {
                if (aliased && name != "logframe") continue;
                LevelSchema schema = *LevelSchema::builtin(name);
                bool fits = true;
                for (Result& r : results_) {
                    const std::string word = level_word(r.level_text);
                    if (!level_in(schema, aliased ? logframe_alias(word) : word)) {
                        fits = false;
                        break;
                    }
                }
                if (!fits) continue;
                for (Result& r : results_) {
                    const std::string word = level_word(r.level_text);
                    r.node.level = *level_in(schema, aliased ? logframe_alias(word) : word);
                }
                return schema;
            }
        // Name the first level no candidate knows.
        for (Result& r : results_) {
            const std::string word = level_word(r.level_text);
            bool known = false;
            for (const std::string& name : candidates)
                known = known || level_in(*LevelSchema::builtin(name), word) ||
                        (name == "logframe" && level_in(*LevelSchema::builtin(name), logframe_alias(word)));
            if (!known)
                fail(r.level_cell, "unknown level \"" + r.level_text + "\"" +
                                       (options_.schema.empty() ? "; no built-in schema has it"
                                                                : "; schema \"" + options_.schema + "\" has " +
                                                                      LevelSchema::builtin(options_.schema)->choices()));
        }
        fail(results_.front().level_cell, "the level names do not all belong to one built-in schema");
    }

    ImportResult build() {
        LevelSchema schema = results_.empty() ? (options_.schema.empty() ? LevelSchema::logframe()
                                                                          : *LevelSchema::builtin(options_.schema))
                                              : choose_schema();
        // Ids for results and indicators the table does not name.
        std::map<std::string, std::size_t> per_level;
        for (Result& r : results_) {
            if (r.explicit_id) continue;
            std::string id;
            do id = r.node.level + "-" + std::to_string(++per_level[r.node.level]);
            while (ids_.contains(id));
            ids_.insert(id);
            r.node.id = id;
        }
        std::size_t indicator_count = 0;
        for (Result& r : results_)
            for (Indicator_& i : r.indicators) {
                i.value.node = r.node.id;
                if (!i.value.id.empty()) continue;
                std::string id;
                do id = "ind-" + std::to_string(++indicator_count);
                while (indicator_ids_.contains(id));
                indicator_ids_.insert(id);
                i.value.id = id;
            }

        ImportResult out{TheoryOfChange(schema), {}};
        TheoryOfChange& toc = out.toc;
        for (const Result& r : results_) toc.add_node(r.node);

        // Links: named parents, else the last result above at the nearest level.
        // Links are inferred only from a table that has no column for them:
        // one that has says that a result without parents contributes to nothing.
        const bool names_parents =
            std::any_of(columns_.begin(), columns_.end(),
                        [](const LogframeColumn& c) { return c.role == LogframeRole::contributes_to; }) ||
            std::any_of(results_.begin(), results_.end(), [](const Result& r) { return !r.parents.empty(); });
        std::vector<std::string> inferred, orphans;
        std::map<std::string, std::vector<std::string>> targets_of;
        for (std::size_t k = 0; k < results_.size(); ++k) {
            const Result& r = results_[k];
            std::vector<std::string>& targets = targets_of[r.node.id];
            for (const auto& [parent, at] : r.parents) {
                if (!toc.contains(parent)) fail(at, "unknown result \"" + parent + "\"");
                if (parent == r.node.id) fail(at, "result \"" + parent + "\" cannot contribute to itself");
                if (std::find(targets.begin(), targets.end(), parent) == targets.end()) targets.push_back(parent);
            }
            if (!r.parents.empty() || names_parents) continue;
            const std::size_t rank = *schema.rank(r.node.level);
            if (rank == 0) continue;
            std::optional<std::size_t> best;
            for (std::size_t j = 0; j < k; ++j) {
                const std::size_t other = *schema.rank(results_[j].node.level);
                if (other < rank && (!best || other >= *schema.rank(results_[*best].node.level))) best = j;
            }
            if (best) {
                targets.push_back(results_[*best].node.id);
                inferred.push_back(r.node.id + "->" + results_[*best].node.id);
            } else {
                orphans.push_back(r.node.id);
            }
        }
        if (!inferred.empty())
            note("IMP201", Severity::info,
                 std::to_string(inferred.size()) + (inferred.size() == 1 ? " link" : " links") +
                     " inferred from the order of the rows (a result contributes to the last result above it)",
                 inferred, "name the results a result contributes to in the \"Contributes to\" column");
        if (!orphans.empty())
            note("IMP202", Severity::warning,
                 std::to_string(orphans.size()) + (orphans.size() == 1 ? " result contributes" : " results contribute") +
                     " to nothing: no result above them comes before them in the table",
                 orphans);

        // Assumptions: one per distinct statement, on every link out of the result.
        std::map<std::string, std::string> assumption_id;
        std::vector<std::string> unlinked;
        for (const Result& r : results_)
            for (const std::string& statement : r.assumptions) {
                if (assumption_id.contains(statement)) continue;
                Assumption a;
                a.id = "as" + std::to_string(assumption_id.size() + 1);
                a.statement = statement;
                if (targets_of[r.node.id].empty()) {
                    a.attributes = nlohmann::json{{"result", r.node.id}};
                    unlinked.push_back(a.id);
                }
                assumption_id[statement] = a.id;
                toc.add_assumption(std::move(a));
            }
        if (!unlinked.empty())
            note("IMP203", Severity::info,
                 "assumptions of results that contribute to nothing rest on no link; "
                 "their result is kept in attributes.result",
                 unlinked);
        for (const Result& r : results_)
            for (const std::string& target : targets_of[r.node.id]) {
                Link l;
                l.source = r.node.id;
                l.target = target;
                for (const std::string& statement : r.assumptions) l.assumptions.push_back(assumption_id[statement]);
                try {
                    toc.add_link(std::move(l));
                } catch (const ModelError& e) {
                    fail(r.contributes_cell, e.what());
                }
            }
        for (Result& r : results_)
            for (Indicator_& i : r.indicators) {
                try {
                    toc.add_indicator(std::move(i.value));
                } catch (const ModelError& e) {
                    fail(i.at, e.what());
                }
            }
        if (text_values_ > 0)
            note("IMP204", Severity::info,
                 std::to_string(text_values_) + (text_values_ == 1 ? " value is" : " values are") +
                     " not a number; kept as the value's text (value_text)",
                 {}, "numbers may use thousands separators (10,000) and a trailing %");
        out.findings = std::move(findings_);
        return out;
    }

    std::string file_;
    LogframeReadOptions options_;
    std::vector<LogframeColumn> columns_;
    std::vector<std::string> undated_;
    std::vector<Result> results_;
    std::set<std::string> ids_, indicator_ids_;
    std::size_t text_values_ = 0;
    std::vector<Finding> findings_;
};


}  // namespace tocgraph::detail
