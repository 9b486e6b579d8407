#pragma once
// One <iati-activity> element -> one TheoryOfChange in the "iati" level
// schema, plus the findings about what could not be read as the standard
// says. docs/iati.md has the mapping table; in short:
//
//   activity            node "activity" (level activity): title, description,
//                       dates, status, SDG tags and sectors as references
//   result              node "result-N" at the level of its type, linked from
//                       the activity
//   result/indicator    indicator "result-N-indicator-M"
//   baseline            Baseline (year, iso-date, value, dimensions,
//                       locations, comment)
//   period/target|actual  PeriodValue in targets or actuals
//
// Whatever the model has no field for is kept under attributes["iati"]: all
// narratives with their languages, codes that could not be read, the period
// layout (which values shared a <period>), and elements such as
// document-link in their JSON form, so the exporter writes them back.
// Versions 1.0x (text directly in title, description, comment) and 2.0x
// (text in <narrative>) are both read, per activity.

#include <cmath>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../detail/xml/element.hpp"
#include "../../theory_of_change.hpp"
#include "../codes.hpp"
#include "../finding.hpp"
#include "../language.hpp"
#include "../options.hpp"
#include "../values.hpp"

namespace tocgraph::iati::detail {

/// The namespace d-portal uses for the per-activity copy of the file version.
inline constexpr std::string_view dportal_activities_namespace = "http://d-portal.org/xmlns/iati-activities";

/// Converts one iati-activity element into a theory of change; `file_version` is
/// the root's version attribute (a d-portal per-activity version overrides it).
class ActivityImport {
public:
    ActivityImport(const tocgraph::detail::XmlElement& activity, std::string file, std::string file_version,
                   const ImportOptions& options, std::vector<ImportFinding>& findings)
        : a_(activity), file_(std::move(file)), options_(options), findings_(findings) {
        const tocgraph::detail::XmlAttribute* v = a_.attribute("version", dportal_activities_namespace);
        version_ = v ? v->value : std::move(file_version);
        if (const auto* lang = a_.attribute("lang", tocgraph::detail::xml_namespace_uri)) lang_ = lang->value;
        for (const auto& c : a_.children)
            if (c.is("iati-identifier")) {
                identifier_ = std::string(trim_xml_space(c.text));
                break;
            }
    }

    const std::string& identifier() const { return identifier_; }

    TheoryOfChange run() {
        TheoryOfChange toc(LevelSchema::iati());
        nlohmann::json meta = nlohmann::json::object();
        meta["identifier"] = identifier_;
        if (!version_.empty()) meta["version"] = version_;
        if (!options_.language.empty()) meta["language"] = options_.language;
        nlohmann::json activity_attributes = nlohmann::json::object();
        for (const auto& attribute : a_.attributes) {
            if (attribute.local == "version" && attribute.ns == dportal_activities_namespace) continue;
            activity_attributes[tocgraph::detail::xml_attribute_key(attribute)] = attribute.value;
        }
        if (!activity_attributes.empty()) meta["activity-attributes"] = std::move(activity_attributes);

        Node activity;
        activity.id = "activity";
        activity.level = "activity";
        nlohmann::json iati = nlohmann::json::object();
        nlohmann::json titles = nlohmann::json::array();
        nlohmann::json descriptions = nlohmann::json::array();
        nlohmann::json dates = nlohmann::json::array();
        nlohmann::json sdg = nlohmann::json::array();
        bool has_identifier = false, has_title = false;
        std::size_t title_count = 0;
        std::vector<const tocgraph::detail::XmlElement*> results;
        for (const auto& c : a_.children) {
            if (c.is("iati-identifier")) {
                if (has_identifier) finding(c, "element-repeated", "activity has more than one <iati-identifier>; the first is used");
                has_identifier = true;
            } else if (c.is("reporting-org")) {
                meta["reporting-org"] = tocgraph::detail::xml_to_json(c);
            } else if (c.is("title")) {
                has_title = true;
                ++title_count;
                append(titles, narratives(c, lang_, "activity title", activity.id));
            } else if (c.is("description")) {
                nlohmann::json d = nlohmann::json::object();
                if (const std::string* type = c.value("type")) d["type"] = *type;
                d["narratives"] = narratives(c, lang_, "activity description", activity.id);
                descriptions.push_back(std::move(d));
            } else if (c.is("activity-status")) {
                const std::string code = c.value("code") ? *c.value("code") : std::string();
                iati["activity-status"] = code;
                activity.status = activity_status(code);
                if (!activity.status && trim_xml_space(code) != "6")
                    finding(c, "code-unknown", "activity-status code " + quote(code) + " is not an ActivityStatus code; kept as written");
            } else if (c.is("activity-date")) {
                dates.push_back(tocgraph::detail::xml_to_json(c));
                read_activity_date(c, activity);
            } else if (c.is("tag") || c.is("sector")) {
                const std::string vocabulary = c.value("vocabulary") ? std::string(trim_xml_space(*c.value("vocabulary"))) : "";
                const std::string_view ours = sdg_vocabulary(c.local, vocabulary);
                if (ours.empty()) continue;
                Reference r;
                r.vocabulary = std::string(ours);
                r.code = c.value("code") ? *c.value("code") : std::string();
                if (const std::string* uri = c.value("vocabulary-uri")) r.uri = *uri;
                activity.references.push_back(std::move(r));
                sdg.push_back(tocgraph::detail::xml_to_json(c));
            } else if (c.is("result")) {
                results.push_back(&c);
            }
        }
        if (!has_identifier) finding(a_, "element-missing", "activity has no <iati-identifier>");
        if (!has_title) finding(a_, "element-missing", "activity has no <title>");
        if (title_count > 1 && !legacy()) finding(a_, "element-repeated", "activity has " + std::to_string(title_count) + " <title> elements; their narratives are read together");
        nlohmann::json narr = nlohmann::json::object();
        if (!titles.empty()) narr["title"] = titles;  // an empty <title/> is what the writer writes for none
        if (!narr.empty()) iati["narratives"] = std::move(narr);
        activity.title = chosen(titles);
        if (!descriptions.empty()) {
            iati["descriptions"] = descriptions;
            activity.description = chosen(descriptions[main_description(descriptions)]["narratives"]);
        }
        if (!dates.empty()) iati["activity-dates"] = std::move(dates);
        if (!sdg.empty()) iati["sdg-elements"] = std::move(sdg);
        activity.attributes = nlohmann::json{{"iati", std::move(iati)}};

        Metadata& metadata = toc.metadata();
        metadata.title = activity.title;
        metadata.description = activity.description;
        if (activity.start && activity.end && !(*activity.end < *activity.start))
            metadata.period = Period{*activity.start, *activity.end};
        metadata.attributes = nlohmann::json{{"iati", std::move(meta)}};
        toc.add_node(std::move(activity));

        if (results.empty()) finding(a_, "no-results", "activity reports no results");
        for (std::size_t k = 0; k < results.size(); ++k) read_result(toc, *results[k], k + 1);
        return toc;
    }

    /// The description a node shows: the first of type 1 (general), else the first.
    static std::size_t main_description(const nlohmann::json& descriptions) {
        for (std::size_t i = 0; i < descriptions.size(); ++i)
            if (!descriptions[i].contains("type") || trim_xml_space(descriptions[i]["type"].get<std::string>()) == "1")
                return i;
        return 0;
    }

private:
    using Element = tocgraph::detail::XmlElement;

    static std::string quote(std::string_view s) { return "\"" + std::string(s) + "\""; }
    bool legacy() const { return version_.rfind("1.", 0) == 0; }
    void finding(const Element& at, std::string_view code, std::string message, std::string subject = "") {
        const FindingKind* kind = find_finding_kind(code);
        findings_.push_back({file_, at.line, at.column, identifier_, std::move(subject), std::string(code),
                             kind ? kind->severity : Severity::warning, std::move(message)});
    }
    static void append(nlohmann::json& list, const nlohmann::json& more) {
        for (const auto& n : more) list.push_back(n);
    }
    std::string chosen(const nlohmann::json& narratives) const {
        return narrative_text(narratives, choose_narrative(narratives, options_.language, lang_));
    }
    static std::string lang_of(const Element& e, const std::string& inherited) {
        const auto* lang = e.attribute("lang", tocgraph::detail::xml_namespace_uri);
        return lang ? lang->value : inherited;
    }

    /// The narratives of a title, description or comment element: its
    /// <narrative> children, or (IATI 1.0x) its own text. Languages are the
    /// effective xml:lang (inherited from the element and the activity).
    nlohmann::json narratives(const Element& holder, const std::string& inherited, const std::string& what,
                              const std::string& subject) {
        const std::string lang = lang_of(holder, inherited);
        nlohmann::json out = nlohmann::json::array();
        auto add = [&](const std::string& l, const std::string& text) {
            nlohmann::json n = nlohmann::json::object();
            if (!l.empty()) n["lang"] = l;
            n["text"] = text;
            out.push_back(std::move(n));
        };
        if (!holder.text_is_blank()) {
            if (!legacy())
                finding(holder, "text-outside-narrative", what + " has text outside <narrative>; read as a narrative", subject);
            add(lang, holder.text);
        }
        for (const Element& c : holder.children) {
            if (c.is("narrative")) add(lang_of(c, lang), c.text);
            else finding(c, "unknown-element", "<" + c.qname() + "> in " + what + " is not read", subject);
        }
        if (out.empty()) finding(holder, "narrative-missing", what + " has no narrative", subject);
        return out;
    }

    void read_activity_date(const Element& c, Node& activity) {
        const std::string* raw = c.value("iso-date");
        const std::string_view type = c.value("type") ? activity_date_type(*c.value("type")) : "";
        const ReadDate d = raw ? read_iso_date(*raw) : ReadDate{};
        if (!d.date) {
            finding(c, "date-invalid", "activity-date " + (raw ? quote(*raw) : std::string("without iso-date")) +
                                           " is not an ISO date; kept as written");
            return;
        }
        if (d.converted) finding(c, "date-converted", "activity-date " + quote(*raw) + " read as " + d.date->to_string());
        // Actual dates (2, 4) take precedence over planned ones (1, 3).
        if (type == "2" || (type == "1" && !actual_start_)) {
            activity.start = d.date;
            actual_start_ = actual_start_ || type == "2";
        }
        if (type == "4" || (type == "3" && !actual_end_)) {
            activity.end = d.date;
            actual_end_ = actual_end_ || type == "4";
        }
    }

    std::vector<Reference> references(const Element& parent, const char* uri_attribute, const std::string& what,
                                      const std::string& subject) {
        std::vector<Reference> out;
        for (const Element& c : parent.children) {
            if (!c.is("reference")) continue;
            Reference r;
            if (const std::string* v = c.value("vocabulary")) r.vocabulary = *v;
            if (const std::string* code = c.value("code")) r.code = *code;
            if (const std::string* uri = c.value(uri_attribute)) r.uri = *uri;
            if (r.vocabulary.empty() || r.code.empty())
                finding(c, "reference-incomplete",
                        what + " reference lacks its " + std::string(r.vocabulary.empty() ? "vocabulary" : "code") +
                            "; kept as written",
                        subject);
            out.push_back(std::move(r));
        }
        return out;
    }

    /// Reads title(s) and description(s) of a result or indicator into the
    /// fields and the narratives object.
    void read_texts(const Element& e, const std::string& what, const std::string& subject, const std::string& lang,
                    std::string& title, std::string& description, nlohmann::json& narr, bool title_required) {
        nlohmann::json titles = nlohmann::json::array(), descs = nlohmann::json::array();
        std::size_t nt = 0, nd = 0;
        for (const Element& c : e.children) {
            if (c.is("title")) {
                ++nt;
                append(titles, narratives(c, lang, what + " title", subject));
            } else if (c.is("description")) {
                ++nd;
                append(descs, narratives(c, lang, what + " description", subject));
            }
        }
        if (nt == 0 && title_required) finding(e, "element-missing", what + " has no <title>", subject);
        if (nt > 1 && !legacy())
            finding(e, "element-repeated", what + " has " + std::to_string(nt) + " <title> elements; their narratives are read together", subject);
        if (nd > 1 && !legacy())
            finding(e, "element-repeated", what + " has " + std::to_string(nd) + " <description> elements; their narratives are read together", subject);
        if (nt) narr["title"] = titles;
        if (nd) narr["description"] = descs;
        title = chosen(titles);
        description = chosen(descs);
    }

    void read_result(TheoryOfChange& toc, const Element& r, std::size_t k) {
        Node n;
        n.id = "result-" + std::to_string(k);
        const std::string what = "result " + std::to_string(k);
        nlohmann::json iati = nlohmann::json::object();
        const std::string lang = lang_of(r, lang_);

        n.level = "other";
        read_code(r, "type", "a ResultType code", read_result_type, result_type_code, n.level,
                  "placed at level \"other\"", iati, what, n.id);
        n.references = read_result_and_indicator_parts(r, iati, what, n.id, lang, n.title, n.description,
                                                       "vocabulary-uri");
        nlohmann::json kept = nlohmann::json::array();
        std::vector<const Element*> indicators;
        for (const Element& c : r.children) {
            if (c.is("indicator")) indicators.push_back(&c);
            else if (!c.is("title") && !c.is("description") && !c.is("reference")) keep(c, kept, what, n.id);
        }
        if (!kept.empty()) iati["kept"] = std::move(kept);
        if (!r.text_is_blank()) finding(r, "unknown-element", what + " has text outside any element; not read", n.id);
        if (!iati.empty()) n.attributes = nlohmann::json{{"iati", std::move(iati)}};
        const std::string id = n.id;
        toc.add_node(std::move(n));
        Link link;  // the activity brings the result about
        link.source = "activity";
        link.target = id;
        toc.add_link(std::move(link));

        if (indicators.empty()) finding(r, "element-missing", what + " has no indicator", id);
        for (std::size_t m = 0; m < indicators.size(); ++m) read_indicator(toc, *indicators[m], id, k, m + 1, lang);
    }

    /// The coded attribute `name` of `e`, read with `read` into `value`. A
    /// code written as a word is taken and reported; a missing or unknown one
    /// leaves `value` as it is (`fallback` says what that means), is kept in
    /// `iati` as written and reported.
    template <typename T, typename Read, typename CodeOf>
    void read_code(const Element& e, const std::string& name, std::string_view code_list, Read read, CodeOf code_of,
                   T& value, std::string_view fallback, nlohmann::json& iati, const std::string& what,
                   const std::string& subject) {
        const std::string* raw = e.value(name);
        if (auto code = raw ? read(*raw) : std::nullopt) {
            value = code->value;
            if (code->from_word)
                finding(e, "code-word", what + " " + name + " " + quote(*raw) + " read as code " +
                                            std::string(code_of(value)), subject);
            return;
        }
        iati[name] = raw ? nlohmann::json(*raw) : nlohmann::json(nullptr);
        finding(e, "code-unknown",
                what + (raw ? " " + name + " " + quote(*raw) + " is not " + std::string(code_list) : " has no " + name) +
                    "; " + std::string(fallback),
                subject);
    }

    /// What a result and an indicator share: the aggregation-status (kept as
    /// written), the title and description with their narratives, and the
    /// references, which are returned.
    std::vector<Reference> read_result_and_indicator_parts(const Element& e, nlohmann::json& iati,
                                                           const std::string& what, const std::string& subject,
                                                           const std::string& lang, std::string& title,
                                                           std::string& description, const char* uri_attribute) {
        if (const std::string* status = e.value("aggregation-status")) {
            iati["aggregation-status"] = *status;
            if (!read_boolean(*status))
                finding(e, "boolean-invalid", what + " aggregation-status " + quote(*status) + " is not a boolean; kept as written", subject);
        }
        nlohmann::json narr = nlohmann::json::object();
        read_texts(e, what, subject, lang, title, description, narr, true);
        if (!narr.empty()) iati["narratives"] = std::move(narr);
        return references(e, uri_attribute, what, subject);
    }

    /// Keeps an element the model has no field for in its JSON form.
    void keep(const Element& c, nlohmann::json& kept, const std::string& what, const std::string& subject) {
        if (c.ns.empty() && !c.is("document-link"))
            finding(c, "unknown-element", "<" + c.qname() + "> is not an element of " + what + " in IATI; kept verbatim", subject);
        kept.push_back(tocgraph::detail::xml_to_json(c));
    }

    void read_indicator(TheoryOfChange& toc, const Element& e, const std::string& node, std::size_t k, std::size_t m,
                        const std::string& inherited) {
        Indicator i;
        i.id = node + "-indicator-" + std::to_string(m);
        i.node = node;
        const std::string what = "result " + std::to_string(k) + " indicator " + std::to_string(m);
        const std::string lang = lang_of(e, inherited);
        nlohmann::json iati = nlohmann::json::object();

        read_code(e, "measure", "an IndicatorMeasure code", read_measure, measure_code, i.measure, "read as unit (1)",
                  iati, what, i.id);
        if (const std::string* ascending = e.value("ascending")) {
            if (auto b = read_boolean(*ascending)) {
                i.ascending = *b;
            } else {
                iati["ascending"] = *ascending;
                finding(e, "boolean-invalid", what + " ascending " + quote(*ascending) + " is not a boolean; read as true", i.id);
            }
        }
        i.references = read_result_and_indicator_parts(e, iati, what, i.id, lang, i.title, i.description,
                                                       "indicator-uri");

        nlohmann::json kept = nlohmann::json::array();
        nlohmann::json periods = nlohmann::json::array();
        std::size_t baselines = 0, period_count = 0;
        for (const Element& c : e.children) {
            if (c.is("baseline")) {
                i.baselines.push_back(read_baseline(c, i, what + " baseline " + std::to_string(++baselines), lang));
            } else if (c.is("period")) {
                periods.push_back(read_period(c, i, what + " period " + std::to_string(++period_count), lang));
            } else if (!c.is("title") && !c.is("description") && !c.is("reference")) {
                keep(c, kept, what, i.id);
            }
        }
        if (baselines > 1 && !version_.empty() && version_ < "2.03")
            finding(e, "element-repeated", what + " has " + std::to_string(baselines) +
                                               " baselines, which IATI allows from version 2.03 only", i.id);
        if (!periods.empty()) iati["periods"] = std::move(periods);
        if (!kept.empty()) iati["kept"] = std::move(kept);
        if (!iati.empty()) i.attributes = nlohmann::json{{"iati", std::move(iati)}};
        const std::string id = i.id;
        try {
            toc.add_indicator(std::move(i));
        } catch (const ModelError& error) {
            finding(e, "model-refused", what + " could not be added: " + error.what(), id);
        }
    }

    /// The parts a baseline, target and actual share: value, locations,
    /// dimensions, comments and kept elements.
    template <typename V>
    void read_value_parts(const Element& e, V& v, const Indicator& indicator, const std::string& what,
                          const std::string& lang, nlohmann::json& iati) {
        const std::string& subject = indicator.id;
        if (const std::string* raw = e.value("value")) {
            const ReadValue read = read_value(*raw);
            v.value = read.number;
            switch (read.kind) {
                case ReadValue::Kind::plain: break;
                case ReadValue::Kind::converted:
                    v.value_text = *raw;
                    finding(e, "value-converted", what + " value " + quote(*raw) + " read as " + number_text(*read.number) +
                                                      " (" + read.how + "); the text is kept",
                            subject);
                    break;
                case ReadValue::Kind::text:
                    v.value_text = *raw;
                    finding(e, "value-not-number", what + " value " + quote(*raw) + " is not a number; kept as text", subject);
                    break;
                case ReadValue::Kind::empty:
                    if (indicator.measure != Measure::qualitative)
                        finding(e, "value-missing", what + " has an empty value", subject);
                    break;
            }
        } else if (indicator.measure != Measure::qualitative) {
            finding(e, "value-missing", what + " has no value", subject);
        }
        nlohmann::json comments = nlohmann::json::array();
        nlohmann::json kept = nlohmann::json::array();
        nlohmann::json extra_dimensions = nlohmann::json::array();
        std::size_t comment_count = 0;
        for (const Element& c : e.children) {
            if (c.is("location")) {
                const std::string* ref = c.value("ref");
                if (!ref) finding(c, "location-without-ref", what + " has a <location> without ref; kept as \"\"", subject);
                v.locations.push_back(ref ? *ref : std::string());
            } else if (c.is("dimension")) {
                const std::string* name = c.value("name");
                const std::string* value = c.value("value");
                if (!name || !value)
                    finding(c, "dimension-incomplete", what + " has a <dimension> without " +
                                                           (name ? "value" : "name") + "; read as \"\"", subject);
                const std::string key = name ? *name : std::string(), val = value ? *value : std::string();
                if (v.dimensions.contains(key)) {
                    finding(c, "dimension-repeated", what + " repeats dimension " + quote(key) + " (value " + quote(val) +
                                                         "); kept in attributes", subject);
                    extra_dimensions.push_back({{"name", key}, {"value", val}});
                } else {
                    v.dimensions.emplace(key, val);
                }
            } else if (c.is("comment")) {
                ++comment_count;
                append(comments, narratives(c, lang, what + " comment", subject));
            } else {
                keep(c, kept, what, subject);
            }
        }
        if (comment_count > 1 && !legacy())
            finding(e, "element-repeated", what + " has " + std::to_string(comment_count) +
                                               " <comment> elements; their narratives are read together", subject);
        if (comment_count) {
            iati["narratives"] = nlohmann::json{{"comment", comments}};
            v.comment = chosen(comments);
        }
        if (!extra_dimensions.empty()) iati["extra-dimensions"] = std::move(extra_dimensions);
        if (!kept.empty()) iati["kept"] = std::move(kept);
    }

    static std::string number_text(double d) {
        nlohmann::json j = d;
        if (std::trunc(d) == d && std::fabs(d) < 1e15) j = static_cast<long long>(d);
        return j.dump();
    }

    Baseline read_baseline(const Element& e, const Indicator& indicator, const std::string& what, const std::string& inherited) {
        Baseline b;
        nlohmann::json iati = nlohmann::json::object();
        const std::string lang = lang_of(e, inherited);
        if (const std::string* year = e.value("year")) {
            const std::string_view y = trim_xml_space(*year);
            bool digits = !y.empty() && y.size() <= 4;
            for (char c : y) digits = digits && is_digit(c);
            const int value = digits ? std::stoi(std::string(y)) : 0;
            if (digits && value >= 1) {
                b.year = value;
            } else {
                iati["year"] = *year;
                finding(e, "year-invalid", what + " year " + quote(*year) + " is not a positive integer; kept as written", indicator.id);
            }
        } else if (!legacy()) {
            finding(e, "year-invalid", what + " has no year", indicator.id);
        }
        if (const std::string* raw = e.value("iso-date")) {
            const ReadDate d = read_iso_date(*raw);
            b.date = d.date;
            if (!d.date) {
                iati["iso-date"] = *raw;
                finding(e, "date-invalid", what + " iso-date " + quote(*raw) + " is not an ISO date; kept as written", indicator.id);
            } else if (d.converted) {
                finding(e, "date-converted", what + " iso-date " + quote(*raw) + " read as " + d.date->to_string(), indicator.id);
            }
        }
        read_value_parts(e, b, indicator, what, lang, iati);
        if (!iati.empty()) b.attributes = nlohmann::json{{"iati", std::move(iati)}};
        return b;
    }

    /// Reads a <period> into the indicator's targets and actuals; returns its
    /// entry of the period layout.
    nlohmann::json read_period(const Element& e, Indicator& indicator, const std::string& what, const std::string& inherited) {
        const std::string lang = lang_of(e, inherited);
        std::optional<Date> start, end;
        std::string problem;
        for (const char* edge : {"period-start", "period-end"}) {
            const Element* first = nullptr;
            std::size_t count = 0;
            for (const Element& c : e.children)
                if (c.is(edge)) {
                    if (!first) first = &c;
                    else
                        finding(c, "element-repeated", what + " has another <" + std::string(edge) + ">" +
                                                           (c.value("iso-date") ? " (" + *c.value("iso-date") + ")" : std::string()) +
                                                           "; the first is read",
                                indicator.id);
                    ++count;
                }
            std::optional<Date>& out = std::string_view(edge) == "period-start" ? start : end;
            if (!first) {
                problem += (problem.empty() ? "" : ", ") + std::string("no <") + edge + ">";
                continue;
            }
            const std::string* raw = first->value("iso-date");
            const ReadDate d = raw ? read_iso_date(*raw) : ReadDate{};
            if (!d.date) {
                problem += (problem.empty() ? "" : ", ") + std::string(edge) +
                           (raw ? " " + quote(*raw) + " is not an ISO date" : std::string(" without iso-date"));
                continue;
            }
            if (d.converted)
                finding(*first, "date-converted", what + " " + edge + " " + quote(*raw) + " read as " + d.date->to_string(),
                        indicator.id);
            out = d.date;
        }
        std::size_t targets = 0, actuals = 0;
        for (const Element& c : e.children) {
            targets += c.is("target");
            actuals += c.is("actual");
        }
        if (!problem.empty()) {
            finding(e, "period-invalid", what + " cannot be read (" + problem + "); its " + std::to_string(targets) +
                                             " target(s) and " + std::to_string(actuals) +
                                             " actual(s) are kept as XML in the indicator's attributes",
                    indicator.id);
            return nlohmann::json{{"element", tocgraph::detail::xml_to_json(e)}};
        }
        const Period period{*start, *end};
        if (period.end < period.start)
            finding(e, "period-reversed", what + " ends " + period.end.to_string() + " before it starts " +
                                              period.start.to_string(), indicator.id);
        nlohmann::json kept = nlohmann::json::array();
        std::size_t t = 0, a = 0;
        for (const Element& c : e.children) {
            if (c.is("target") || c.is("actual")) {
                const bool is_target = c.is("target");
                PeriodValue v;
                v.period = period;
                nlohmann::json iati = nlohmann::json::object();
                read_value_parts(c, v, indicator,
                                 what + (is_target ? " target " + std::to_string(++t) : " actual " + std::to_string(++a)),
                                 lang_of(c, lang), iati);
                if (!iati.empty()) v.attributes = nlohmann::json{{"iati", std::move(iati)}};
                (is_target ? indicator.targets : indicator.actuals).push_back(std::move(v));
            } else if (!c.is("period-start") && !c.is("period-end")) {
                keep(c, kept, what, indicator.id);
            }
        }
        nlohmann::json entry = {{"start", period.start.to_string()}, {"end", period.end.to_string()},
                                {"targets", targets}, {"actuals", actuals}};
        if (!kept.empty()) entry["kept"] = std::move(kept);
        return entry;
    }

    const Element& a_;
    std::string file_;
    const ImportOptions& options_;
    std::vector<ImportFinding>& findings_;
    std::string version_;
    std::string lang_;
    std::string identifier_;
    bool actual_start_ = false;
    bool actual_end_ = false;
};

}  // namespace tocgraph::iati::detail
