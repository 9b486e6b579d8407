#pragma once
// TheoryOfChange -> JSON document, the inverse of JsonReader.
//
// Members come in the order of docs/format.md when Json keeps insertion
// order (nlohmann::ordered_json, used by dumps/save); members that are empty
// or equal to their default are left out, since the reader restores exactly
// those values. Required members are always written, even when empty.
//
// The model accepts a few values the format cannot carry (NaN or infinite
// numbers, dates such as Date{2021, 2, 30} built by hand, attributes that are
// not an object or nest too deep, a metadata period ending before it starts).
// Writing them would give a file that does not load back, so the writer
// throws tocgraph::Error naming the JSON pointer of the value instead.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../enums.hpp"
#include "../../errors.hpp"
#include "../../theory_of_change.hpp"
#include "../../version.hpp"
#include "limits.hpp"
#include "pointer.hpp"

namespace tocgraph::detail {

template <typename Json>
class JsonWriter {
public:
    Json write(const TheoryOfChange& toc) const {
        Json doc = Json::object();
        doc["format"] = file_format_tag;
        doc["version"] = file_format_version;
        if (!(toc.metadata() == Metadata{})) doc["metadata"] = metadata(toc.metadata(), "/metadata");
        if (!(toc.schema() == LevelSchema::theory_of_change())) doc["schema"] = schema(toc.schema());

        list(doc, "actors", toc.actors(), [&](const Actor& a, const std::string& p) {
            Json o = Json::object();
            o["id"] = a.id;
            put(o, "name", a.name);
            put(o, "type", a.type);
            put_attributes(o, a.attributes, p, 4);
            return o;
        });
        list(doc, "assumptions", toc.assumptions(), [&](const Assumption& a, const std::string& p) {
            Json o = Json::object();
            o["id"] = a.id;
            put(o, "statement", a.statement);
            put_number(o, "likelihood", a.likelihood, p);
            if (a.risk) o["risk"] = name(*a.risk);
            put_enum(o, "status", a.status, AssumptionStatus::untested);
            put_attributes(o, a.attributes, p, 4);
            return o;
        });
        std::vector<const Node*> nodes;
        for (const Node& n : toc.nodes()) nodes.push_back(&n);
        list(doc, "nodes", nodes, [&](const Node* n, const std::string& p) { return node(*n, p); });
        list(doc, "links", toc.links(), [&](const Link* l, const std::string& p) { return link(*l, p); });
        list(doc, "indicators", toc.indicators(),
             [&](const Indicator& i, const std::string& p) { return indicator(i, p); });
        list(doc, "feedback", toc.feedback(), [&](const Feedback& f, const std::string& p) {
            Json o = Json::object();
            o["id"] = f.id;
            put(o, "consultation", f.consultation);
            put(o, "phase", f.phase);
            put(o, "author", f.author);
            put(o, "subject", f.subject);
            put_enum(o, "kind", f.kind, FeedbackKind::comment);
            put(o, "text", f.text);
            put_enum(o, "status", f.status, FeedbackStatus::open);
            put(o, "resolution", f.resolution);
            put_date(o, "date", f.date, p);
            put_attributes(o, f.attributes, p, 4);
            return o;
        });
        return doc;
    }

private:
    [[noreturn]] static void fail(const std::string& pointer, const std::string& problem) {
        throw Error("cannot write " + pointer + ": " + problem);
    }
    template <typename E>
    static std::string name(E value) {
        return std::string(to_string(value));
    }

    // ---- members, left out when empty or default ----------------------------------

    static void put(Json& o, const char* key, const std::string& value) {
        if (!value.empty()) o[key] = value;
    }
    static void put(Json& o, const char* key, const std::vector<std::string>& values) {
        if (!values.empty()) o[key] = values;
    }
    template <typename E>
    static void put_enum(Json& o, const char* key, E value, E default_value) {
        if (value != default_value) o[key] = name(value);
    }
    /// A finite number; whole numbers as integers, so files say 5 rather
    /// than 5.0 (the reader turns both into the same double).
    static Json finite(double value, const std::string& p) {
        if (!std::isfinite(value)) fail(p, "not a finite number");
        constexpr double exact_integers = 9007199254740992.0;  // 2^53
        if (std::trunc(value) == value && std::fabs(value) < exact_integers &&
            !(value == 0.0 && std::signbit(value)))
            return Json(static_cast<std::int64_t>(value));
        return Json(value);
    }
    static void put_number(Json& o, const char* key, const std::optional<double>& value,
                           const std::string& p) {
        if (value) o[key] = finite(*value, pointer_child(p, key));
    }
    static std::string date(const Date& d, const std::string& p) {
        if (!Date::valid(d.year, d.month, d.day))
            fail(p, "no such date " + std::to_string(d.year) + "-" + std::to_string(d.month) + "-" +
                        std::to_string(d.day));
        return d.to_string();
    }
    static void put_date(Json& o, const char* key, const std::optional<Date>& value,
                         const std::string& p) {
        if (value) o[key] = date(*value, pointer_child(p, key));
    }
    /// `ordered`: the period must not end before it starts (the reader's rule
    /// for the programme period; indicator periods in any order read back).
    static Json period(const Period& period, const std::string& p, bool ordered = false) {
        Json o = Json::object();
        o["start"] = date(period.start, pointer_child(p, "start"));
        o["end"] = date(period.end, pointer_child(p, "end"));
        if (ordered && period.end < period.start)
            fail(p, "period ends " + period.end.to_string() + " before it starts " +
                        period.start.to_string());
        return o;
    }
    static void put_references(Json& o, const std::vector<Reference>& references) {
        if (references.empty()) return;
        Json array = Json::array();
        for (const Reference& r : references) {
            Json ro = Json::object();
            ro["vocabulary"] = r.vocabulary;
            ro["code"] = r.code;
            put(ro, "uri", r.uri);
            array.push_back(std::move(ro));
        }
        o["references"] = std::move(array);
    }
    static void put_dimensions(Json& o, const Dimensions& dimensions) {
        if (dimensions.empty()) return;
        Json d = Json::object();
        for (const auto& [key, value] : dimensions) d[key] = value;
        o["dimensions"] = std::move(d);
    }
    /// `depth`: how many containers enclose the attributes object, itself
    /// included, in the written document.
    static void put_attributes(Json& o, const Attributes& attributes, const std::string& owner,
                               std::size_t depth) {
        if (attributes.is_null()) return;
        const std::string p = pointer_child(owner, "attributes");
        if (!attributes.is_object()) fail(p, "attributes must be a JSON object or null");
        check_value(attributes, depth, p);
        o["attributes"] = Json(attributes);
    }
    static void check_value(const nlohmann::json& v, std::size_t depth, const std::string& p) {
        if (v.is_number_float() && !std::isfinite(v.get<double>()))
            fail(p, "contains a number that is not finite");
        if (!v.is_structured()) return;
        if (depth > max_depth)
            fail(p, "nests deeper than " + std::to_string(max_depth) + " levels");
        for (const auto& child : v) check_value(child, depth + 1, p);
    }
    template <typename Items, typename F>
    static void list(Json& doc, const char* key, const Items& items, F&& element) {
        if (items.empty()) return;
        const std::string p = pointer_child("", key);
        Json array = Json::array();
        std::size_t i = 0;
        for (const auto& item : items) array.push_back(element(item, pointer_index(p, i++)));
        doc[key] = std::move(array);
    }

    // ---- parts --------------------------------------------------------------------

    static Json schema(const LevelSchema& s) {
        if (s.is_builtin()) return s.name();
        Json o = Json::object();
        o["name"] = s.name();
        Json levels = Json::array();
        for (const Level& l : s.levels()) {
            Json level = Json::object();
            level["id"] = l.id;
            put(level, "label", l.label);
            put_enum(level, "role", l.role, LevelRole::outcome);
            levels.push_back(std::move(level));
        }
        o["levels"] = std::move(levels);
        return o;
    }

    static Json metadata(const Metadata& m, const std::string& p) {
        Json o = Json::object();
        put(o, "title", m.title);
        put(o, "description", m.description);
        put(o, "funder", m.funder);
        put(o, "version", m.version);
        if (m.period) o["period"] = period(*m.period, pointer_child(p, "period"), true);
        put_date(o, "date", m.date, p);
        if (!m.sources.empty()) {
            Json sources = Json::array();
            for (const Source& s : m.sources) {
                Json so = Json::object();
                so["id"] = s.id;
                put(so, "title", s.title);
                put(so, "url", s.url);
                put(so, "note", s.note);
                sources.push_back(std::move(so));
            }
            o["sources"] = std::move(sources);
        }
        if (!m.consultations.empty()) {
            const std::string cp = pointer_child(p, "consultations");
            Json consultations = Json::array();
            for (std::size_t i = 0; i < m.consultations.size(); ++i)
                consultations.push_back(consultation(m.consultations[i], pointer_index(cp, i)));
            o["consultations"] = std::move(consultations);
        }
        put_attributes(o, m.attributes, p, 3);
        return o;
    }

    static Json consultation(const Consultation& c, const std::string& p) {
        Json o = Json::object();
        o["id"] = c.id;
        put(o, "title", c.title);
        put_date(o, "date", c.date, p);
        put(o, "venue", c.venue);
        put(o, "objectives", c.objectives);
        if (!c.phases.empty()) {
            Json phases = Json::array();
            for (const ConsultationPhase& ph : c.phases) {
                Json po = Json::object();
                po["id"] = ph.id;
                put(po, "title", ph.title);
                phases.push_back(std::move(po));
            }
            o["phases"] = std::move(phases);
        }
        if (!c.events.empty()) {
            const std::string ep = pointer_child(p, "events");
            Json events = Json::array();
            for (std::size_t i = 0; i < c.events.size(); ++i) {
                const ConsultationEvent& e = c.events[i];
                Json eo = Json::object();
                put_date(eo, "date", e.date, pointer_index(ep, i));
                put(eo, "title", e.title);
                put(eo, "description", e.description);
                events.push_back(std::move(eo));
            }
            o["events"] = std::move(events);
        }
        put(o, "sources", c.sources);
        return o;
    }

    static Json node(const Node& n, const std::string& p) {
        Json o = Json::object();
        o["id"] = n.id;
        o["level"] = n.level;
        put(o, "title", n.title);
        put(o, "description", n.description);
        put(o, "tags", n.tags);
        put(o, "actors", n.actors);
        put_enum(o, "logic", n.logic, Logic::all);
        put_date(o, "start", n.start, p);
        put_date(o, "end", n.end, p);
        if (n.status) o["status"] = name(*n.status);
        if (n.budget) {
            Json b = Json::object();
            b["amount"] = finite(n.budget->amount, pointer_child(pointer_child(p, "budget"), "amount"));
            put(b, "currency", n.budget->currency);
            o["budget"] = std::move(b);
        }
        put_references(o, n.references);
        put_attributes(o, n.attributes, p, 4);
        return o;
    }

    static Json link(const Link& l, const std::string& p) {
        Json o = Json::object();
        o["source"] = l.source;
        o["target"] = l.target;
        put(o, "assumptions", l.assumptions);
        put(o, "rationale", l.rationale);
        if (l.evidence) {
            Json e = Json::object();
            put(e, "strength", l.evidence->strength);
            put(e, "references", l.evidence->references);
            o["evidence"] = std::move(e);
        }
        put_number(o, "strength", l.strength, p);
        put_attributes(o, l.attributes, p, 4);
        return o;
    }

    static Json period_value(const PeriodValue& v, const std::string& p) {
        Json o = Json::object();
        o["period"] = period(v.period, pointer_child(p, "period"));
        put_number(o, "value", v.value, p);
        put(o, "value_text", v.value_text);
        put_number(o, "numerator", v.numerator, p);
        put_number(o, "denominator", v.denominator, p);
        put_dimensions(o, v.dimensions);
        put(o, "locations", v.locations);
        put(o, "comment", v.comment);
        put_attributes(o, v.attributes, p, 6);
        return o;
    }

    static Json indicator(const Indicator& i, const std::string& p) {
        Json o = Json::object();
        o["id"] = i.id;
        o["node"] = i.node;
        put(o, "title", i.title);
        put(o, "description", i.description);
        put(o, "unit", i.unit);
        put_enum(o, "measure", i.measure, Measure::unit);
        if (!i.ascending) o["ascending"] = false;
        put_enum(o, "accumulation", i.accumulation, Accumulation::level);
        put_enum(o, "aggregation", i.aggregation, Aggregation::sum);
        if (!i.baselines.empty()) {
            const std::string bp = pointer_child(p, "baselines");
            Json baselines = Json::array();
            for (std::size_t k = 0; k < i.baselines.size(); ++k) {
                const Baseline& b = i.baselines[k];
                const std::string ep = pointer_index(bp, k);
                Json bo = Json::object();
                put_date(bo, "date", b.date, ep);
                if (b.year) {
                    if (*b.year < 1 || *b.year > 9999)
                        fail(pointer_child(ep, "year"), "year must be between 1 and 9999, got " +
                                                            std::to_string(*b.year));
                    bo["year"] = *b.year;
                }
                put_number(bo, "value", b.value, ep);
                put(bo, "value_text", b.value_text);
                put_dimensions(bo, b.dimensions);
                put(bo, "locations", b.locations);
                put(bo, "comment", b.comment);
                put_attributes(bo, b.attributes, ep, 6);
                baselines.push_back(std::move(bo));
            }
            o["baselines"] = std::move(baselines);
        }
        for (auto [key, values] : {std::pair{"targets", &i.targets}, std::pair{"actuals", &i.actuals}}) {
            if (values->empty()) continue;
            const std::string vp = pointer_child(p, key);
            Json array = Json::array();
            for (std::size_t k = 0; k < values->size(); ++k)
                array.push_back(period_value((*values)[k], pointer_index(vp, k)));
            o[key] = std::move(array);
        }
        put(o, "means_of_verification", i.means_of_verification);
        put(o, "frequency", i.frequency);
        put_references(o, i.references);
        put_attributes(o, i.attributes, p, 4);
        return o;
    }
};

}  // namespace tocgraph::detail
