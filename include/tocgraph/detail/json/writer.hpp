#pragma once
// TheoryOfChange -> JSON, the inverse of JsonReader.
//
// JsonEmitter walks the model once and hands each member, in the order of
// docs/format.md, to an output: JsonTextOut writes the file text straight
// away (dumps, save), JsonDomOut builds a document (toc_to_json, diff).
// Members that are empty or equal to their default are left out, since the
// reader restores exactly those values. Required members are always
// written, even when empty.
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
#include "dom_out.hpp"
#include "limits.hpp"
#include "pointer.hpp"
#include "text_out.hpp"

namespace tocgraph::detail {

template <typename Out>
class JsonEmitter {
public:
    explicit JsonEmitter(Out& out) : out_(out) {}

    void write(const TheoryOfChange& toc) {
        const LazyPointer root;
        out_.begin_object();
        text("format", file_format_tag, root);
        out_.key("version");
        out_.integer(file_format_version);
        if (!(toc.metadata() == Metadata{})) {
            out_.key("metadata");
            metadata(toc.metadata(), root.child("metadata"));
        }
        if (!(toc.schema() == LevelSchema::theory_of_change())) {
            out_.key("schema");
            schema(toc.schema(), root.child("schema"));
        }
        list("actors", toc.actors(), root, [&](const Actor& a, const LazyPointer& p) {
            out_.begin_object();
            text("id", a.id, p);
            put("name", a.name, p);
            put("type", a.type, p);
            put_attributes(a.attributes, p, 4);
            out_.end_object();
        });
        list("assumptions", toc.assumptions(), root, [&](const Assumption& a, const LazyPointer& p) {
            out_.begin_object();
            text("id", a.id, p);
            put("statement", a.statement, p);
            put_number("likelihood", a.likelihood, p);
            if (a.risk) text("risk", to_string(*a.risk), p);
            put_enum("status", a.status, AssumptionStatus::untested, p);
            put_attributes(a.attributes, p, 4);
            out_.end_object();
        });
        list("nodes", toc.nodes(), root, [&](const Node& n, const LazyPointer& p) { node(n, p); });
        list("links", toc.links(), root, [&](const Link* l, const LazyPointer& p) { link(*l, p); });
        list("indicators", toc.indicators(), root, [&](const Indicator& i, const LazyPointer& p) { indicator(i, p); });
        list("feedback", toc.feedback(), root, [&](const Feedback& f, const LazyPointer& p) {
            out_.begin_object();
            text("id", f.id, p);
            put("consultation", f.consultation, p);
            put("phase", f.phase, p);
            put("author", f.author, p);
            put("subject", f.subject, p);
            put_enum("kind", f.kind, FeedbackKind::comment, p);
            put("text", f.text, p);
            put_enum("status", f.status, FeedbackStatus::open, p);
            put("resolution", f.resolution, p);
            put_date("date", f.date, p);
            put_attributes(f.attributes, p, 4);
            out_.end_object();
        });
        out_.end_object();
    }

    /// One element of a collection as write() writes it, for a diff that
    /// builds only the elements that differ; `p` is where it stands.
    void element(const Node& n, const LazyPointer& p = {}) { node(n, p); }
    void element(const Link& l, const LazyPointer& p = {}) { link(l, p); }
    void element(const Indicator& i, const LazyPointer& p = {}) { indicator(i, p); }

private:
    [[noreturn]] static void fail(const LazyPointer& pointer, const std::string& problem) {
        throw Error("cannot write " + pointer.str() + ": " + problem);
    }

    // ---- members, left out when empty or default ----------------------------------

    /// A member that is always written.
    void text(const char* key, std::string_view value, const LazyPointer& owner) {
        out_.key(key);
        out_.string(value, owner.child(key));
    }
    void put(const char* key, const std::string& value, const LazyPointer& owner) {
        if (!value.empty()) text(key, value, owner);
    }
    void put(const char* key, const std::vector<std::string>& values, const LazyPointer& owner) {
        list(key, values, owner, [&](const std::string& value, const LazyPointer& p) { out_.string(value, p); });
    }
    template <typename E>
    void put_enum(const char* key, E value, E default_value, const LazyPointer& owner) {
        if (value != default_value) text(key, to_string(value), owner);
    }
    /// A finite number; whole numbers as integers, so files say 5 rather
    /// than 5.0 (the reader turns both into the same double).
    void finite(double value, const LazyPointer& p) {
        if (!std::isfinite(value)) fail(p, "not a finite number");
        constexpr double exact_integers = 9007199254740992.0;  // 2^53
        if (std::trunc(value) == value && std::fabs(value) < exact_integers && !(value == 0.0 && std::signbit(value)))
            out_.integer(static_cast<std::int64_t>(value));
        else
            out_.number(value);
    }
    void put_number(const char* key, const std::optional<double>& value, const LazyPointer& owner) {
        if (!value) return;
        out_.key(key);
        finite(*value, owner.child(key));
    }
    static std::string date(const Date& d, const LazyPointer& p) {
        if (!Date::valid(d.year, d.month, d.day))
            fail(p, "no such date " + std::to_string(d.year) + "-" + std::to_string(d.month) + "-" +
                        std::to_string(d.day));
        return d.to_string();
    }
    void put_date(const char* key, const std::optional<Date>& value, const LazyPointer& owner) {
        if (!value) return;
        const LazyPointer p = owner.child(key);
        const std::string spelled = date(*value, p);
        out_.key(key);
        out_.string(spelled, p);
    }
    /// `ordered`: the period must not end before it starts (the reader's rule
    /// for the programme period; indicator periods in any order read back).
    void period(const Period& period, const LazyPointer& p, bool ordered = false) {
        const std::string start = date(period.start, p.child("start")), end = date(period.end, p.child("end"));
        if (ordered && period.end < period.start)
            fail(p, "period ends " + period.end.to_string() + " before it starts " + period.start.to_string());
        out_.begin_object();
        text("start", start, p);
        text("end", end, p);
        out_.end_object();
    }
    void put_references(const std::vector<Reference>& references, const LazyPointer& owner) {
        list("references", references, owner, [&](const Reference& r, const LazyPointer& p) {
            out_.begin_object();
            text("vocabulary", r.vocabulary, p);
            text("code", r.code, p);
            put("uri", r.uri, p);
            out_.end_object();
        });
    }
    void put_dimensions(const Dimensions& dimensions, const LazyPointer& owner) {
        if (dimensions.empty()) return;
        member_object("dimensions", owner, [&](const LazyPointer& p) {
            for (const auto& [key, value] : dimensions) {
                out_.key(key, p);
                out_.string(value, p);
            }
        });
    }
    /// `depth`: how many containers enclose the attributes object, itself
    /// included, in the written document.
    void put_attributes(const Attributes& attributes, const LazyPointer& owner, std::size_t depth) {
        if (attributes.is_null()) return;
        const LazyPointer p = owner.child("attributes");
        if (!attributes.is_object()) fail(p, "attributes must be a JSON object or null");
        check_value(attributes, depth, p);
        out_.key("attributes");
        out_.value(attributes, p);
    }
    static void check_value(const nlohmann::json& v, std::size_t depth, const LazyPointer& p) {
        if (v.is_number_float() && !std::isfinite(v.get<double>())) fail(p, "contains a number that is not finite");
        if (!v.is_structured()) return;
        if (depth > max_depth) fail(p, "nests deeper than " + std::to_string(max_depth) + " levels");
        for (const auto& child : v) check_value(child, depth + 1, p);
    }
    /// An array member, left out when empty; `element` writes each item.
    template <typename Items, typename F>
    void list(const char* key, const Items& items, const LazyPointer& owner, F&& element) {
        if (items.empty()) return;
        out_.key(key);
        const LazyPointer p = owner.child(key);
        out_.begin_array();
        std::size_t i = 0;
        for (const auto& item : items) element(item, p.at(i++));
        out_.end_array();
    }
    /// An object member whose members `body` writes.
    template <typename F>
    void member_object(const char* key, const LazyPointer& owner, F&& body) {
        out_.key(key);
        const LazyPointer p = owner.child(key);
        out_.begin_object();
        body(p);
        out_.end_object();
    }

    // ---- parts --------------------------------------------------------------------

    void schema(const LevelSchema& s, const LazyPointer& p) {
        if (s.is_builtin()) {
            out_.string(s.name(), p);
            return;
        }
        out_.begin_object();
        text("name", s.name(), p);
        list("levels", s.levels(), p, [&](const Level& l, const LazyPointer& lp) {  // never empty
            out_.begin_object();
            text("id", l.id, lp);
            put("label", l.label, lp);
            put_enum("role", l.role, LevelRole::outcome, lp);
            out_.end_object();
        });
        out_.end_object();
    }

    void metadata(const Metadata& m, const LazyPointer& p) {
        out_.begin_object();
        put("title", m.title, p);
        put("description", m.description, p);
        put("funder", m.funder, p);
        put("version", m.version, p);
        if (m.period) {
            out_.key("period");
            period(*m.period, p.child("period"), true);
        }
        put_date("date", m.date, p);
        list("sources", m.sources, p, [&](const Source& s, const LazyPointer& sp) {
            out_.begin_object();
            text("id", s.id, sp);
            put("title", s.title, sp);
            put("url", s.url, sp);
            put("note", s.note, sp);
            out_.end_object();
        });
        list("consultations", m.consultations, p,
             [&](const Consultation& c, const LazyPointer& cp) { consultation(c, cp); });
        put_attributes(m.attributes, p, 3);
        out_.end_object();
    }

    void consultation(const Consultation& c, const LazyPointer& p) {
        out_.begin_object();
        text("id", c.id, p);
        put("title", c.title, p);
        put_date("date", c.date, p);
        put("venue", c.venue, p);
        put("objectives", c.objectives, p);
        list("phases", c.phases, p, [&](const ConsultationPhase& phase, const LazyPointer& pp) {
            out_.begin_object();
            text("id", phase.id, pp);
            put("title", phase.title, pp);
            out_.end_object();
        });
        list("events", c.events, p, [&](const ConsultationEvent& e, const LazyPointer& ep) {
            out_.begin_object();
            put_date("date", e.date, ep);
            put("title", e.title, ep);
            put("description", e.description, ep);
            out_.end_object();
        });
        put("sources", c.sources, p);
        out_.end_object();
    }

    void node(const Node& n, const LazyPointer& p) {
        out_.begin_object();
        text("id", n.id, p);
        text("level", n.level, p);
        put("title", n.title, p);
        put("description", n.description, p);
        put("tags", n.tags, p);
        put("actors", n.actors, p);
        put_enum("logic", n.logic, Logic::all, p);
        put_date("start", n.start, p);
        put_date("end", n.end, p);
        if (n.status) text("status", to_string(*n.status), p);
        if (n.budget) {
            member_object("budget", p, [&](const LazyPointer& bp) {
                out_.key("amount");
                finite(n.budget->amount, bp.child("amount"));
                put("currency", n.budget->currency, bp);
            });
        }
        put_references(n.references, p);
        put_attributes(n.attributes, p, 4);
        out_.end_object();
    }

    void link(const Link& l, const LazyPointer& p) {
        out_.begin_object();
        text("source", l.source, p);
        text("target", l.target, p);
        put("assumptions", l.assumptions, p);
        put("rationale", l.rationale, p);
        if (l.evidence) {
            member_object("evidence", p, [&](const LazyPointer& ep) {
                put("strength", l.evidence->strength, ep);
                put("references", l.evidence->references, ep);
            });
        }
        put_number("strength", l.strength, p);
        put_attributes(l.attributes, p, 4);
        out_.end_object();
    }

    void period_value(const PeriodValue& v, const LazyPointer& p) {
        out_.begin_object();
        out_.key("period");
        period(v.period, p.child("period"));
        value_members(v, p);
        out_.end_object();
    }

    void baseline(const Baseline& b, const LazyPointer& p) {
        out_.begin_object();
        put_date("date", b.date, p);
        if (b.year) {
            if (*b.year < 1 || *b.year > 9999)
                fail(p.child("year"), "year must be between 1 and 9999, got " + std::to_string(*b.year));
            out_.key("year");
            out_.integer(*b.year);
        }
        value_members(b, p);
        out_.end_object();
    }

    /// The members of a value a baseline and a period value share, in format
    /// order; a period value has its ratio's parts after value_text.
    template <typename V>
    void value_members(const V& v, const LazyPointer& p) {
        put_number("value", v.value, p);
        put("value_text", v.value_text, p);
        if constexpr (requires { v.numerator; }) {
            put_number("numerator", v.numerator, p);
            put_number("denominator", v.denominator, p);
        }
        put_dimensions(v.dimensions, p);
        put("locations", v.locations, p);
        put("comment", v.comment, p);
        put_attributes(v.attributes, p, 6);
    }

    void indicator(const Indicator& i, const LazyPointer& p) {
        out_.begin_object();
        text("id", i.id, p);
        text("node", i.node, p);
        put("title", i.title, p);
        put("description", i.description, p);
        put("unit", i.unit, p);
        put_enum("measure", i.measure, Measure::unit, p);
        if (!i.ascending) {
            out_.key("ascending");
            out_.boolean(false);
        }
        put_enum("accumulation", i.accumulation, Accumulation::level, p);
        put_enum("aggregation", i.aggregation, Aggregation::sum, p);
        list("baselines", i.baselines, p, [&](const Baseline& b, const LazyPointer& bp) { baseline(b, bp); });
        list("targets", i.targets, p, [&](const PeriodValue& v, const LazyPointer& vp) { period_value(v, vp); });
        list("actuals", i.actuals, p, [&](const PeriodValue& v, const LazyPointer& vp) { period_value(v, vp); });
        put("means_of_verification", i.means_of_verification, p);
        put("frequency", i.frequency, p);
        put_references(i.references, p);
        put_attributes(i.attributes, p, 4);
        out_.end_object();
    }

    Out& out_;
};

/// The document for a theory of change, as nlohmann::json (members sorted)
/// or nlohmann::ordered_json (members in the written order).
template <typename Json>
class JsonWriter {
public:
    Json write(const TheoryOfChange& toc) const {
        JsonDomOut<Json> out;
        JsonEmitter<JsonDomOut<Json>>(out).write(toc);
        return out.take();
    }
};

/// The file text for a theory of change, without the final newline.
inline std::string write_json_text(const TheoryOfChange& toc, int indent) {
    JsonTextOut out(indent);
    // About what a node, link and indicator take, so the text seldom moves
    // while it grows; capacity never written costs no memory.
    out.reserve(1024 + 256 * (toc.node_count() + toc.link_count() + 4 * toc.indicators().size()));
    JsonEmitter<JsonTextOut>(out).write(toc);
    return out.take();
}

}  // namespace tocgraph::detail
