#pragma once
// JSON document -> TheoryOfChange, checking everything docs/format.md says.
//
// The reader checks each member before handing an element to the model, so
// an error names the exact member ("/links/3/target: unknown node ...");
// the model's own checks stay as a safety net whose ModelError is reported
// at the element's pointer. Elements are read in dependency order (actors and
// assumptions before the nodes and links naming them) and, within an object,
// unknown members first, then required ones, then members in format order,
// so the error reported for a bad file does not depend on member order.
// The result is built in a local TheoryOfChange and only returned whole.

#include <array>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <initializer_list>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../enums.hpp"
#include "../../errors.hpp"
#include "../../theory_of_change.hpp"
#include "../../version.hpp"
#include "pointer.hpp"

namespace tocgraph::detail {

/// s as a JSON string literal: quoted, escaped, always valid UTF-8.
inline std::string json_quote(std::string_view s) {
    return nlohmann::json(s).dump(-1, ' ', false, nlohmann::json::error_handler_t::replace);
}

class JsonReader {
public:
    using json = nlohmann::json;

    explicit JsonReader(std::string file) : file_(std::move(file)) {}

    /// The arrays of elements, in the order they are read.
    static constexpr std::array<std::string_view, 6> sections = {"actors", "assumptions", "nodes",
                                                                 "links",  "indicators",  "feedback"};

    TheoryOfChange read(const json& doc) const {
        TheoryOfChange toc = begin(doc);
        const LazyPointer root;
        const Obj top{doc, root};
        for (std::size_t section = 0; section < sections.size(); ++section)
            each(top, sections[section],
                 [&](const json& v, const LazyPointer& p) { read_element(toc, section, v, p); });
        return toc;
    }

    /// The checks of the document as a whole, its metadata and its schema:
    /// the empty theory of change its elements go into. `doc` needs to hold
    /// only the members that are not element arrays.
    TheoryOfChange begin(const json& doc) const {
        if (!doc.is_object()) fail("", got("an object", doc));
        // The identity of the file first: a file of another kind or of a newer
        // version should say so rather than trip over members it has and we lack.
        check_format(doc);
        check_version(doc);
        const LazyPointer root;
        const Obj top = object(doc, root,
                               {"format", "version", "metadata", "schema", "actors", "assumptions",
                                "nodes", "links", "indicators", "feedback"});

        Metadata metadata;
        if (const json* m = top.find("metadata")) metadata = read_metadata(*m, top.at("metadata"));
        const json* s = top.find("schema");
        TheoryOfChange toc(s ? read_schema(*s, top.at("schema")) : LevelSchema::theory_of_change());
        toc.set_metadata(std::move(metadata));
        return toc;
    }

    /// Reads element `v` (at `p`) of sections[section] into `toc`; the
    /// sections before it must have been read whole.
    void read_element(TheoryOfChange& toc, std::size_t section, const json& v, const LazyPointer& p) const {
        switch (section) {
            case 0: return read_actor(toc, v, p);
            case 1: return read_assumption(toc, v, p);
            case 2: return read_node(toc, v, p);
            case 3: return read_link(toc, v, p);
            case 4: return read_indicator(toc, v, p);
            default: return read_feedback(toc, v, p);
        }
    }

private:
    /// An object whose members have been checked against the allowed names.
    struct Obj {
        const json& value;
        LazyPointer pointer;  // refers to the caller's, which outlives this
        const json* find(std::string_view key) const {
            auto it = value.find(key);
            return it == value.end() ? nullptr : &*it;
        }
        LazyPointer at(std::string_view key) const { return pointer.child(key); }
    };

    [[noreturn]] void fail(const std::string& pointer, std::string problem) const {
        throw FormatError(file_, pointer, std::move(problem));
    }
    [[noreturn]] void fail(const LazyPointer& pointer, std::string problem) const {
        fail(pointer.str(), std::move(problem));
    }
    static std::string got(const char* expected, const json& v) {
        return std::string("expected ") + expected + ", got " + v.type_name();
    }

    Obj object(const json& v, const LazyPointer& p, std::initializer_list<std::string_view> allowed,
               std::initializer_list<std::string_view> required = {}) const {
        if (!v.is_object()) fail(p, got("an object", v));
        for (const auto& [key, value] : v.items()) {
            bool known = false;
            for (std::string_view a : allowed) known = known || a == key;
            if (!known) fail(p, "unknown member " + json_quote(key));
        }
        for (std::string_view r : required)
            if (!v.contains(r)) fail(p, "missing required member " + json_quote(r));
        return Obj{v, p};
    }

    template <typename F>
    void each(const Obj& o, std::string_view key, F&& f) const {
        const json* v = o.find(key);
        if (!v) return;
        const LazyPointer p = o.at(key);
        if (!v->is_array()) fail(p, got("an array", *v));
        for (std::size_t i = 0; i < v->size(); ++i) f((*v)[i], p.at(i));
    }

    // ---- values ----------------------------------------------------------------

    const std::string& string_value(const json& v, const LazyPointer& p) const {
        if (!v.is_string()) fail(p, got("a string", v));
        return v.get_ref<const std::string&>();
    }
    double number_value(const json& v, const LazyPointer& p) const {
        if (!v.is_number()) fail(p, got("a number", v));
        const double d = v.get<double>();
        if (!std::isfinite(d)) fail(p, "expected a finite number");
        return d;
    }
    double fraction_value(const json& v, const LazyPointer& p) const {
        const double d = number_value(v, p);
        if (d < 0.0 || d > 1.0) fail(p, "must be between 0 and 1, got " + v.dump());
        return d;
    }
    Date date_value(const json& v, const LazyPointer& p) const {
        const std::string& text = string_value(v, p);
        if (auto d = Date::parse(text)) return *d;
        fail(p, "invalid date " + json_quote(text) + "; expected YYYY-MM-DD");
    }
    template <typename E>
    E enum_value(const json& v, const LazyPointer& p) const {
        const std::string& text = string_value(v, p);
        if (auto e = parse_enum<E>(text)) return *e;
        fail(p, "unknown value " + json_quote(text) + "; expected " + enum_choices<E>());
    }
    /// A non-empty id that `taken` does not know yet.
    template <typename Taken>
    std::string id_value(const Obj& o, const char* kind, Taken&& taken) const {
        const LazyPointer p = o.at("id");
        const std::string& id = string_value(*o.find("id"), p);
        if (id.empty()) fail(p, std::string(kind) + " id must not be empty");
        if (taken(id)) fail(p, std::string("duplicate ") + kind + " id " + json_quote(id));
        return id;
    }
    /// A period; `ordered` makes one ending before it starts an error. Only the
    /// programme period is ordered on load: every dated check is measured
    /// against it. Indicator periods in the wrong order load, and the linter
    /// reports them (TOC206) together with the file's other slips.
    Period period_value(const json& v, const LazyPointer& p, bool ordered = false) const {
        const Obj o = object(v, p, {"start", "end"}, {"start", "end"});
        Period period{date_value(*o.find("start"), o.at("start")), date_value(*o.find("end"), o.at("end"))};
        if (ordered && period.end < period.start)
            fail(p, "period ends " + period.end.to_string() + " before it starts " +
                        period.start.to_string());
        return period;
    }

    // Optional members: left untouched when absent.
    void opt(const Obj& o, std::string_view key, std::string& out) const {
        if (const json* v = o.find(key)) out = string_value(*v, o.at(key));
    }
    void opt(const Obj& o, std::string_view key, bool& out) const {
        if (const json* v = o.find(key)) {
            if (!v->is_boolean()) fail(o.at(key), got("a boolean", *v));
            out = v->get<bool>();
        }
    }
    void opt(const Obj& o, std::string_view key, std::optional<double>& out) const {
        if (const json* v = o.find(key)) out = number_value(*v, o.at(key));
    }
    void opt(const Obj& o, std::string_view key, std::optional<Date>& out) const {
        if (const json* v = o.find(key)) out = date_value(*v, o.at(key));
    }
    void opt(const Obj& o, std::string_view key, std::vector<std::string>& out) const {
        each(o, key, [&](const json& v, const LazyPointer& p) { out.push_back(string_value(v, p)); });
    }
    template <typename E>
        requires std::is_enum_v<E>
    void opt(const Obj& o, std::string_view key, E& out) const {
        if (const json* v = o.find(key)) out = enum_value<E>(*v, o.at(key));
    }
    template <typename E>
        requires std::is_enum_v<E>
    void opt(const Obj& o, std::string_view key, std::optional<E>& out) const {
        if (const json* v = o.find(key)) out = enum_value<E>(*v, o.at(key));
    }
    void opt_fraction(const Obj& o, std::string_view key, std::optional<double>& out) const {
        if (const json* v = o.find(key)) out = fraction_value(*v, o.at(key));
    }
    void opt_dimensions(const Obj& o, Dimensions& out) const {
        const json* v = o.find("dimensions");
        if (!v) return;
        const LazyPointer p = o.at("dimensions");
        if (!v->is_object()) fail(p, got("an object", *v));
        for (const auto& [key, value] : v->items())
            out.emplace(key, string_value(value, p.child(key)));
    }
    /// Kept verbatim; only its type is checked.
    void opt_attributes(const Obj& o, Attributes& out) const {
        const json* v = o.find("attributes");
        if (!v) return;
        if (!v->is_object()) fail(o.at("attributes"), got("an object", *v));
        out = *v;
    }
    void opt_references(const Obj& o, std::vector<Reference>& out) const {
        each(o, "references", [&](const json& rv, const LazyPointer& rp) {
            const Obj r = object(rv, rp, {"vocabulary", "code", "uri"}, {"vocabulary", "code"});
            Reference reference;
            opt(r, "vocabulary", reference.vocabulary);
            opt(r, "code", reference.code);
            opt(r, "uri", reference.uri);
            out.push_back(std::move(reference));
        });
    }
    void opt_year(const Obj& o, std::string_view key, std::optional<int>& out) const {
        const json* v = o.find(key);
        if (!v) return;
        const LazyPointer p = o.at(key);
        if (v->is_number_float()) fail(p, "expected an integer, got " + v->dump());
        if (!v->is_number_integer()) fail(p, got("an integer", *v));
        const bool in_range = v->is_number_unsigned()
                                  ? v->get<std::uint64_t>() >= 1 && v->get<std::uint64_t>() <= 9999
                                  : v->get<std::int64_t>() >= 1 && v->get<std::int64_t>() <= 9999;
        if (!in_range) fail(p, "year must be between 1 and 9999, got " + v->dump());
        out = static_cast<int>(v->get<std::int64_t>());
    }

    // ---- the identity of the file ---------------------------------------------------

    void check_format(const json& doc) const {
        auto it = doc.find("format");
        if (it == doc.end()) fail("", "missing required member \"format\"");
        const LazyPointer root;
        const std::string& tag = string_value(*it, root.child("format"));
        if (tag != file_format_tag)
            fail("/format", std::string("expected ") + json_quote(file_format_tag) + ", got " + json_quote(tag));
    }
    void check_version(const json& doc) const {
        auto it = doc.find("version");
        if (it == doc.end()) fail("", "missing required member \"version\"");
        const json& v = *it;
        if (v.is_number_float()) fail("/version", "expected an integer, got " + v.dump());
        if (!v.is_number_integer()) fail("/version", got("an integer", v));
        const bool newer = v.is_number_unsigned() ? v.get<std::uint64_t>() > std::uint64_t(file_format_version)
                                                  : v.get<std::int64_t>() > file_format_version;
        if (newer)
            fail("/version", "file format version " + v.dump() + " is newer than this library reads (" +
                                 std::to_string(file_format_version) + ")");
        if (v.get<std::int64_t>() < 1) fail("/version", "unsupported file format version " + v.dump());
    }

    // ---- metadata and schema ----------------------------------------------------------

    Metadata read_metadata(const json& v, const LazyPointer& p) const {
        const Obj o = object(v, p, {"title", "description", "funder", "version", "period", "date",
                                    "sources", "consultations", "attributes"});
        Metadata m;
        opt(o, "title", m.title);
        opt(o, "description", m.description);
        opt(o, "funder", m.funder);
        opt(o, "version", m.version);
        if (const json* period = o.find("period")) m.period = period_value(*period, o.at("period"), true);
        opt(o, "date", m.date);
        each(o, "sources", [&](const json& sv, const LazyPointer& sp) {
            const Obj s = object(sv, sp, {"id", "title", "url", "note"}, {"id"});
            Source source;
            opt(s, "id", source.id);
            opt(s, "title", source.title);
            opt(s, "url", source.url);
            opt(s, "note", source.note);
            m.sources.push_back(std::move(source));
        });
        each(o, "consultations", [&](const json& cv, const LazyPointer& cp) {
            m.consultations.push_back(read_consultation(cv, cp));
        });
        opt_attributes(o, m.attributes);
        return m;
    }

    Consultation read_consultation(const json& v, const LazyPointer& p) const {
        const Obj o = object(v, p, {"id", "title", "date", "venue", "objectives", "phases", "events",
                                    "sources"},
                             {"id"});
        Consultation c;
        opt(o, "id", c.id);
        opt(o, "title", c.title);
        opt(o, "date", c.date);
        opt(o, "venue", c.venue);
        opt(o, "objectives", c.objectives);
        each(o, "phases", [&](const json& pv, const LazyPointer& pp) {
            const Obj ph = object(pv, pp, {"id", "title"}, {"id"});
            ConsultationPhase phase;
            opt(ph, "id", phase.id);
            opt(ph, "title", phase.title);
            c.phases.push_back(std::move(phase));
        });
        each(o, "events", [&](const json& ev, const LazyPointer& ep) {
            const Obj e = object(ev, ep, {"date", "title", "description"});
            ConsultationEvent event;
            opt(e, "date", event.date);
            opt(e, "title", event.title);
            opt(e, "description", event.description);
            c.events.push_back(std::move(event));
        });
        opt(o, "sources", c.sources);
        return c;
    }

    LevelSchema read_schema(const json& v, const LazyPointer& p) const {
        if (v.is_string()) {
            const std::string& name = v.get_ref<const std::string&>();
            if (auto builtin = LevelSchema::builtin(name)) return *builtin;
            std::string names;
            const auto all = LevelSchema::builtin_names();
            for (std::size_t i = 0; i < all.size(); ++i)
                names += (i == 0 ? "" : i + 1 == all.size() ? " or " : ", ") + json_quote(all[i]);
            fail(p, "unknown schema " + json_quote(name) + "; built-in schemas are " + names);
        }
        if (!v.is_object()) fail(p, got("a string or an object", v));
        const Obj o = object(v, p, {"name", "levels"}, {"name", "levels"});
        const std::string& name = string_value(*o.find("name"), o.at("name"));
        std::vector<Level> levels;
        each(o, "levels", [&](const json& lv, const LazyPointer& lp) {
            const Obj l = object(lv, lp, {"id", "label", "role"}, {"id"});
            Level level;
            level.id = string_value(*l.find("id"), l.at("id"));
            if (level.id.empty()) fail(l.at("id"), "level id must not be empty");
            for (const Level& before : levels)
                if (before.id == level.id) fail(l.at("id"), "duplicate level id " + json_quote(level.id));
            opt(l, "label", level.label);
            opt(l, "role", level.role);
            levels.push_back(std::move(level));
        });
        if (levels.empty()) fail(o.at("levels"), "a level schema needs at least one level");
        return guarded(p, [&] { return LevelSchema(name, std::move(levels)); });
    }

    // ---- elements -------------------------------------------------------------------

    /// Runs an edit of the model, reporting a ModelError at the element.
    template <typename F>
    auto guarded(const LazyPointer& p, F&& f) const -> decltype(f()) {
        try {
            return f();
        } catch (const ModelError& e) {
            fail(p, e.what());
        }
    }

    void read_actor(TheoryOfChange& toc, const json& v, const LazyPointer& p) const {
        const Obj o = object(v, p, {"id", "name", "type", "attributes"}, {"id"});
        Actor a;
        a.id = id_value(o, "actor", [&](const std::string& id) { return toc.has_actor(id); });
        opt(o, "name", a.name);
        opt(o, "type", a.type);
        opt_attributes(o, a.attributes);
        guarded(p, [&] { toc.add_actor(std::move(a)); });
    }

    void read_assumption(TheoryOfChange& toc, const json& v, const LazyPointer& p) const {
        const Obj o =
            object(v, p, {"id", "statement", "likelihood", "risk", "status", "attributes"}, {"id"});
        Assumption a;
        a.id = id_value(o, "assumption", [&](const std::string& id) { return toc.has_assumption(id); });
        opt(o, "statement", a.statement);
        opt_fraction(o, "likelihood", a.likelihood);
        opt(o, "risk", a.risk);
        opt(o, "status", a.status);
        opt_attributes(o, a.attributes);
        guarded(p, [&] { toc.add_assumption(std::move(a)); });
    }

    void read_node(TheoryOfChange& toc, const json& v, const LazyPointer& p) const {
        const Obj o = object(v, p,
                             {"id", "level", "title", "description", "tags", "actors", "logic", "start",
                              "end", "status", "budget", "references", "attributes"},
                             {"id", "level"});
        Node n;
        n.id = id_value(o, "node", [&](const std::string& id) { return toc.contains(id); });
        n.level = string_value(*o.find("level"), o.at("level"));
        if (!toc.schema().contains(n.level))
            fail(o.at("level"), "unknown level " + json_quote(n.level) + "; schema " +
                                    json_quote(toc.schema().name()) + " has " + toc.schema().choices());
        opt(o, "title", n.title);
        opt(o, "description", n.description);
        opt(o, "tags", n.tags);
        each(o, "actors", [&](const json& av, const LazyPointer& ap) {
            const std::string& actor = string_value(av, ap);
            if (!toc.has_actor(actor)) fail(ap, "unknown actor " + json_quote(actor));
            n.actors.push_back(actor);
        });
        opt(o, "logic", n.logic);
        opt(o, "start", n.start);
        opt(o, "end", n.end);
        opt(o, "status", n.status);
        if (const json* bv = o.find("budget")) {
            const Obj b = object(*bv, o.at("budget"), {"amount", "currency"}, {"amount"});
            Budget budget;
            budget.amount = number_value(*b.find("amount"), b.at("amount"));
            opt(b, "currency", budget.currency);
            n.budget = std::move(budget);
        }
        opt_references(o, n.references);
        opt_attributes(o, n.attributes);
        guarded(p, [&] { toc.add_node(std::move(n)); });
    }

    void read_link(TheoryOfChange& toc, const json& v, const LazyPointer& p) const {
        const Obj o = object(v, p,
                             {"source", "target", "assumptions", "rationale", "evidence", "strength",
                              "attributes"},
                             {"source", "target"});
        Link l;
        for (auto [key, out] : {std::pair{"source", &l.source}, std::pair{"target", &l.target}}) {
            *out = string_value(*o.find(key), o.at(key));
            if (!toc.contains(*out)) fail(o.at(key), "unknown node " + json_quote(*out));
        }
        auto name = [&] { return json_quote(l.source) + " -> " + json_quote(l.target); };
        if (l.source == l.target) fail(p, "link " + name() + " joins a node to itself");
        if (toc.has_link(l.source, l.target)) fail(p, "duplicate link " + name());
        // An assumption id the file does not declare loads; the linter reports it (TOC304).
        opt(o, "assumptions", l.assumptions);
        opt(o, "rationale", l.rationale);
        if (const json* ev = o.find("evidence")) {
            const Obj e = object(*ev, o.at("evidence"), {"strength", "references"});
            Evidence evidence;
            opt(e, "strength", evidence.strength);
            opt(e, "references", evidence.references);
            l.evidence = std::move(evidence);
        }
        opt_fraction(o, "strength", l.strength);
        opt_attributes(o, l.attributes);
        guarded(p, [&] { toc.add_link(std::move(l)); });
    }

    Measure measure_value(const json& v, const LazyPointer& p) const {
        if (v.is_string()) return enum_value<Measure>(v, p);
        if (!v.is_number()) fail(p, got("a string or an integer", v));
        if (v.is_number_integer()) {
            const auto code = v.get<std::int64_t>();
            if (code >= 1 && code <= 5 && !(v.is_number_unsigned() && v.get<std::uint64_t>() > 5))
                return static_cast<Measure>(code);
        }
        fail(p, "unknown IATI measure code " + v.dump() + "; expected 1 to 5");
    }

    PeriodValue read_period_value(const json& v, const LazyPointer& p) const {
        const Obj o = object(v, p,
                             {"period", "value", "value_text", "numerator", "denominator", "dimensions",
                              "locations", "comment", "attributes"},
                             {"period"});
        PeriodValue pv;
        pv.period = period_value(*o.find("period"), o.at("period"));
        read_value_members(o, pv);
        return pv;
    }

    /// The members of a value a baseline and a period value share, in format
    /// order; a period value has its ratio's parts after value_text.
    template <typename V>
    void read_value_members(const Obj& o, V& out) const {
        opt(o, "value", out.value);
        opt(o, "value_text", out.value_text);
        if constexpr (requires { out.numerator; }) {
            opt(o, "numerator", out.numerator);
            opt(o, "denominator", out.denominator);
        }
        opt_dimensions(o, out.dimensions);
        opt(o, "locations", out.locations);
        opt(o, "comment", out.comment);
        opt_attributes(o, out.attributes);
    }

    void read_indicator(TheoryOfChange& toc, const json& v, const LazyPointer& p) const {
        const Obj o = object(v, p,
                             {"id", "node", "title", "description", "unit", "measure", "ascending",
                              "accumulation", "aggregation", "baselines", "targets", "actuals",
                              "means_of_verification", "frequency", "references", "attributes"},
                             {"id", "node"});
        Indicator i;
        i.id = id_value(o, "indicator", [&](const std::string& id) { return toc.has_indicator(id); });
        i.node = string_value(*o.find("node"), o.at("node"));
        if (!toc.contains(i.node)) fail(o.at("node"), "unknown node " + json_quote(i.node));
        opt(o, "title", i.title);
        opt(o, "description", i.description);
        opt(o, "unit", i.unit);
        if (const json* m = o.find("measure")) i.measure = measure_value(*m, o.at("measure"));
        opt(o, "ascending", i.ascending);
        opt(o, "accumulation", i.accumulation);
        opt(o, "aggregation", i.aggregation);
        each(o, "baselines", [&](const json& bv, const LazyPointer& bp) {
            const Obj b = object(bv, bp,
                                 {"date", "year", "value", "value_text", "dimensions", "locations",
                                  "comment", "attributes"});
            Baseline baseline;
            opt(b, "date", baseline.date);
            opt_year(b, "year", baseline.year);
            read_value_members(b, baseline);
            i.baselines.push_back(std::move(baseline));
        });
        each(o, "targets", [&](const json& tv, const LazyPointer& tp) {
            i.targets.push_back(read_period_value(tv, tp));
        });
        each(o, "actuals", [&](const json& av, const LazyPointer& ap) {
            i.actuals.push_back(read_period_value(av, ap));
        });
        opt(o, "means_of_verification", i.means_of_verification);
        opt(o, "frequency", i.frequency);
        opt_references(o, i.references);
        opt_attributes(o, i.attributes);
        guarded(p, [&] { toc.add_indicator(std::move(i)); });
    }

    void read_feedback(TheoryOfChange& toc, const json& v, const LazyPointer& p) const {
        const Obj o = object(v, p,
                             {"id", "consultation", "phase", "author", "subject", "kind", "text",
                              "status", "resolution", "date", "attributes"},
                             {"id"});
        Feedback f;
        f.id = id_value(o, "feedback", [&](const std::string& id) { return toc.has_feedback(id); });
        opt(o, "consultation", f.consultation);
        opt(o, "phase", f.phase);
        opt(o, "author", f.author);
        opt(o, "subject", f.subject);
        opt(o, "kind", f.kind);
        opt(o, "text", f.text);
        opt(o, "status", f.status);
        opt(o, "resolution", f.resolution);
        opt(o, "date", f.date);
        opt_attributes(o, f.attributes);
        guarded(p, [&] { toc.add_feedback(std::move(f)); });
    }

    std::string file_;
};

}  // namespace tocgraph::detail
