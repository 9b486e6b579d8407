#pragma once
// Writing one theory of change as an <iati-activity> (see write.hpp): the
// activity's identity and its results, with what the importer kept under
// attributes["iati"] written back.

#include <cmath>
#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../detail/xml/writer.hpp"
#include "../../theory_of_change.hpp"
#include "../codes.hpp"
#include "../language.hpp"
#include "../values.hpp"
#include "activity_import.hpp"  // the importer's choice of the main description

namespace tocgraph::iati::detail {

using Json = nlohmann::json;

/// attributes["iati"] of an element, or null.
inline const Json& iati_of(const Attributes& attributes) {
    static const Json none;
    if (attributes.is_object()) {
        auto it = attributes.find("iati");
        if (it != attributes.end() && it->is_object()) return *it;
    }
    return none;
}
/// Member `key` of an object, or nullptr.
inline const Json* member(const Json& object, std::string_view key) {
    if (!object.is_object()) return nullptr;
    auto it = object.find(std::string(key));
    return it == object.end() ? nullptr : &*it;
}
inline const Json* narratives_of(const Json& iati, std::string_view which) {
    const Json* n = member(iati, "narratives");
    const Json* list = n ? member(*n, which) : nullptr;
    return list && list->is_array() ? list : nullptr;
}

/// A number as IATI writes it: whole numbers without a fraction, others in
/// the shortest form that reads back as the same double.
inline std::string number_text(double d) {
    if (!std::isfinite(d)) throw Error("cannot write a value that is not a finite number as IATI");
    if (std::trunc(d) == d && std::fabs(d) < 9007199254740992.0 && !(d == 0.0 && std::signbit(d)))
        return std::to_string(static_cast<std::int64_t>(d));
    return Json(d).dump();
}

class Exporter {
public:
    explicit Exporter(tocgraph::detail::XmlWriter& xml) : xml_(xml) {}

    void activity(const TheoryOfChange& toc) {
        const Json& meta = iati_of(toc.metadata().attributes);
        preferred_ = string_member(meta, "language");
        const Json* attributes = member(meta, "activity-attributes");
        default_lang_.clear();
        if (attributes && attributes->is_object() && attributes->contains("xml:lang") && (*attributes)["xml:lang"].is_string())
            default_lang_ = (*attributes)["xml:lang"].get<std::string>();

        xml_.start("iati-activity");
        if (attributes && attributes->is_object()) write_attributes(*attributes);
        xml_.element("iati-identifier", string_member(meta, "identifier"));
        if (const Json* org = member(meta, "reporting-org")) xml_.json_element(*org);

        const Node* activity = find_activity(toc);
        const Json& a = activity ? iati_of(activity->attributes) : iati_of(Attributes());
        const std::string title = activity ? activity->title : toc.metadata().title;
        narratives("title", title, narratives_of(a, "title"), true);
        descriptions(activity ? activity->description : toc.metadata().description, member(a, "descriptions"));
        if (activity) {
            status(*activity, a);
            dates(*activity, member(a, "activity-dates"));
            sdg(*activity, member(a, "sdg-elements"));
        } else if (toc.metadata().period) {
            date_element("1", toc.metadata().period->start);
            date_element("3", toc.metadata().period->end);
        }
        for (const Node& n : toc.nodes()) {
            if (activity && n.id == activity->id) continue;
            const LevelRole role = toc.schema().level(n.level).role;
            if (role == LevelRole::activity || role == LevelRole::input) continue;
            result(toc, n, role);
        }
        xml_.end();
    }

private:
    static std::string string_member(const Json& object, std::string_view key) {
        const Json* v = member(object, key);
        return v && v->is_string() ? v->get<std::string>() : std::string();
    }

    /// The node standing for the activity: "activity" if there is one at an
    /// activity level, else the only node at an activity level, else none.
    static const Node* find_activity(const TheoryOfChange& toc) {
        const Node* only = nullptr;
        std::size_t count = 0;
        for (const Node& n : toc.nodes())
            if (toc.schema().level(n.level).role == LevelRole::activity) {
                if (n.id == "activity") return &n;
                only = &n;
                ++count;
            }
        return count == 1 ? only : nullptr;
    }

    /// Attributes kept in their JSON form ("xml:lang", "{URI}local", "name").
    void write_attributes(const Json& attributes) {
        tocgraph::detail::KeptAttributes written("ns");
        for (const auto& [key, value] : attributes.items())
            if (value.is_string() && !written.add(key, value.get<std::string>()))
                throw Error("cannot write the kept IATI attribute " + key);
        xml_.attributes(written);
    }

    /// <name> with narratives: those kept (if any), the one the field was read
    /// from replaced by the field's current text.
    void narratives(const char* name, const std::string& field, const Json* stored, bool always = false,
                    const std::vector<std::pair<std::string, std::string>>& attributes = {}) {
        Json list = stored ? *stored : Json::array();
        if (auto k = choose_narrative(list, preferred_, default_lang_)) {
            if (narrative_text(list, k) != field) {
                if (field.empty()) list.erase(list.begin() + static_cast<std::ptrdiff_t>(*k));
                else list[*k]["text"] = field;
            }
        } else if (!field.empty()) {
            list.push_back(Json{{"text", field}});
        }
        if (list.empty() && !stored && !always) return;
        xml_.start(name);
        for (const auto& [k, v] : attributes) xml_.attribute(k, v);
        for (const Json& n : list) {
            xml_.start("narrative");
            const std::string lang = string_member(n, "lang");
            if (!lang.empty()) xml_.attribute("xml:lang", lang);
            xml_.text(string_member(n, "text"));
            xml_.end();
        }
        xml_.end();
    }

    void descriptions(const std::string& field, const Json* stored) {
        if (!stored || !stored->is_array() || stored->empty()) {
            if (!field.empty()) narratives("description", field, nullptr, false, {{"type", "1"}});
            return;
        }
        const std::size_t main = ActivityImport::main_description(*stored);
        for (std::size_t i = 0; i < stored->size(); ++i) {
            const Json& d = (*stored)[i];
            std::vector<std::pair<std::string, std::string>> attributes;
            if (d.contains("type") && d["type"].is_string()) attributes.emplace_back("type", d["type"].get<std::string>());
            const Json* list = member(d, "narratives");
            const std::string text = i == main ? field : narrative_text(list ? *list : Json(), choose_narrative(list ? *list : Json(), preferred_, default_lang_));
            narratives("description", text, list, true, attributes);
        }
    }

    void status(const Node& activity, const Json& a) {
        const std::string raw = string_member(a, "activity-status");
        if (member(a, "activity-status") && activity_status(raw) == activity.status) {
            xml_.start("activity-status");
            xml_.attribute("code", raw);
            xml_.end();
        } else if (activity.status) {
            xml_.start("activity-status");
            xml_.attribute("code", activity_status_code(*activity.status));
            xml_.end();
        }
    }

    void date_element(const char* type, const Date& d) {
        xml_.start("activity-date");
        xml_.attribute("iso-date", d.to_string());
        xml_.attribute("type", type);
        xml_.end();
    }

    /// The kept activity-dates, with the ones start and end were read from
    /// updated if the node's dates changed.
    void dates(const Node& activity, const Json* stored) {
        Json list = stored && stored->is_array() ? *stored : Json::array();
        for (const auto& [field, types] : {std::pair{&activity.start, std::pair{"2", "1"}},
                                            std::pair{&activity.end, std::pair{"4", "3"}}}) {
            // The element the importer read this date from: the actual one, else the planned one.
            std::optional<std::size_t> source;
            for (const char* type : {types.first, types.second}) {
                for (std::size_t i = 0; i < list.size() && !source; ++i) {
                    const Json* attrs = member(list[i], "attributes");
                    if (!attrs) continue;
                    const std::string t = string_member(*attrs, "type");
                    if (activity_date_type(t) == type && read_iso_date(string_member(*attrs, "iso-date")).date) source = i;
                }
                if (source) break;
            }
            const std::optional<Date> kept =
                source ? read_iso_date(string_member(list[*source]["attributes"], "iso-date")).date : std::nullopt;
            if (kept == *field) continue;
            if (!*field) {
                list.erase(list.begin() + static_cast<std::ptrdiff_t>(*source));
            } else if (source) {
                list[*source]["attributes"]["iso-date"] = field->value().to_string();
            } else {
                list.push_back(Json{{"element", "activity-date"},
                                    {"attributes", {{"iso-date", field->value().to_string()}, {"type", types.second}}}});
            }
        }
        for (const Json& e : list) xml_.json_element(e);
    }

    /// SDG references of the activity as the sector and tag elements they
    /// were read from, or new ones.
    void sdg(const Node& activity, const Json* stored) {
        std::vector<bool> used(stored && stored->is_array() ? stored->size() : 0, false);
        std::vector<Json> sectors, tags;
        for (const Reference& r : activity.references) {
            std::optional<std::size_t> match;
            for (std::size_t i = 0; i < used.size() && !match; ++i) {
                const Json& e = (*stored)[i];
                const Json* attrs = member(e, "attributes");
                if (used[i] || !attrs) continue;
                const std::string element = string_member(e, "element");
                if (sdg_vocabulary(element, trim_xml_space(string_member(*attrs, "vocabulary"))) == r.vocabulary &&
                    string_member(*attrs, "code") == r.code && string_member(*attrs, "vocabulary-uri") == r.uri)
                    match = i;
            }
            Json e;
            if (match) {
                used[*match] = true;
                e = (*stored)[*match];
            } else {
                const bool sector = r.vocabulary == "sdg-indicator";
                const std::string vocabulary = r.vocabulary == "sdg-goal"     ? "2"
                                               : r.vocabulary == "sdg-target" ? "3"
                                               : sector                       ? "9"
                                                                              : r.vocabulary;
                e = Json{{"element", sector ? "sector" : "tag"}, {"attributes", {{"vocabulary", vocabulary}, {"code", r.code}}}};
                if (!r.uri.empty()) e["attributes"]["vocabulary-uri"] = r.uri;
            }
            (string_member(e, "element") == "sector" ? sectors : tags).push_back(std::move(e));
        }
        for (const Json& e : sectors) xml_.json_element(e);
        for (const Json& e : tags) xml_.json_element(e);
    }

    void kept(const Json& iati) {
        if (const Json* list = member(iati, "kept"); list && list->is_array())
            for (const Json& e : *list) xml_.json_element(e);
    }

    void references(const std::vector<Reference>& refs, const char* uri_attribute) {
        for (const Reference& r : refs) {
            xml_.start("reference");
            xml_.attribute("vocabulary", r.vocabulary);
            xml_.attribute("code", r.code);
            if (!r.uri.empty()) xml_.attribute(uri_attribute, r.uri);
            xml_.end();
        }
    }

    /// What a result and an indicator both write after their own attributes:
    /// the aggregation-status kept, title, description, the elements kept
    /// and the references.
    void result_and_indicator_parts(const Json& iati, const std::string& title, const std::string& description,
                                    const std::vector<Reference>& refs, const char* uri_attribute) {
        if (const Json* status = member(iati, "aggregation-status"); status && status->is_string())
            xml_.attribute("aggregation-status", status->get<std::string>());
        narratives("title", title, narratives_of(iati, "title"));
        narratives("description", description, narratives_of(iati, "description"));
        kept(iati);
        references(refs, uri_attribute);
    }

    void result(const TheoryOfChange& toc, const Node& n, LevelRole role) {
        const Json& iati = iati_of(n.attributes);
        xml_.start("result");
        std::string type(result_type_code(n.level));
        if (!toc.schema().is_builtin() || toc.schema().name() != "iati" || type.empty())
            type = role == LevelRole::goal ? "3" : role == LevelRole::output ? "1" : "2";
        const Json* raw_type = member(iati, "type");
        if (raw_type && n.level == "other") {
            if (raw_type->is_string()) xml_.attribute("type", raw_type->get<std::string>());
        } else {
            xml_.attribute("type", type);
        }
        result_and_indicator_parts(iati, n.title, n.description, n.references, "vocabulary-uri");
        for (const Indicator* i : toc.indicators_of(n.id)) indicator(*i);
        xml_.end();
    }

    void indicator(const Indicator& i) {
        const Json& iati = iati_of(i.attributes);
        xml_.start("indicator");
        const Json* raw_measure = member(iati, "measure");
        if (raw_measure && i.measure == Measure::unit) {
            if (raw_measure->is_string()) xml_.attribute("measure", raw_measure->get<std::string>());
        } else {
            xml_.attribute("measure", measure_code(i.measure));
        }
        const Json* raw_ascending = member(iati, "ascending");
        if (raw_ascending && raw_ascending->is_string() && i.ascending) xml_.attribute("ascending", raw_ascending->get<std::string>());
        else xml_.attribute("ascending", i.ascending ? "1" : "0");
        result_and_indicator_parts(iati, i.title, i.description, i.references, "indicator-uri");
        for (const Baseline& b : i.baselines) baseline(b);
        periods(i, member(iati, "periods"));
        xml_.end();
    }

    /// The value attribute: the kept text while it still reads as the value.
    void value(const std::optional<double>& number, const std::string& text) {
        if (!text.empty() && read_value(text).number == number) xml_.attribute("value", text);
        else if (number) xml_.attribute("value", number_text(*number));
    }

    template <typename V>
    void locations_and_dimensions(const V& v, const Json& iati) {
        for (const std::string& ref : v.locations) {
            xml_.start("location");
            if (!ref.empty()) xml_.attribute("ref", ref);
            xml_.end();
        }
        auto dimension = [&](const std::string& name, const std::string& value) {
            xml_.start("dimension");  // an attribute the source lacked (read as "") stays absent
            if (!name.empty()) xml_.attribute("name", name);
            if (!value.empty()) xml_.attribute("value", value);
            xml_.end();
        };
        for (const auto& [name, value] : v.dimensions) dimension(name, value);
        if (const Json* extra = member(iati, "extra-dimensions"); extra && extra->is_array())
            for (const Json& d : *extra) dimension(string_member(d, "name"), string_member(d, "value"));
    }

    void baseline(const Baseline& b) {
        const Json& iati = iati_of(b.attributes);
        xml_.start("baseline");
        if (b.year) xml_.attribute("year", std::to_string(*b.year));
        else if (const Json* raw = member(iati, "year"); raw && raw->is_string()) xml_.attribute("year", raw->get<std::string>());
        if (b.date) xml_.attribute("iso-date", b.date->to_string());
        else if (const Json* raw = member(iati, "iso-date"); raw && raw->is_string())
            xml_.attribute("iso-date", raw->get<std::string>());
        value(b.value, b.value_text);
        locations_and_dimensions(b, iati);
        kept(iati);
        narratives("comment", b.comment, narratives_of(iati, "comment"));
        xml_.end();
    }

    void period_value(const char* name, const PeriodValue& v) {
        const Json& iati = iati_of(v.attributes);
        xml_.start(name);
        value(v.value, v.value_text);
        locations_and_dimensions(v, iati);
        narratives("comment", v.comment, narratives_of(iati, "comment"));
        kept(iati);
        xml_.end();
    }

    void period(const Period& p, const std::vector<const PeriodValue*>& targets,
                const std::vector<const PeriodValue*>& actuals, const Json* kept_elements) {
        xml_.start("period");
        xml_.start("period-start");
        xml_.attribute("iso-date", p.start.to_string());
        xml_.end();
        xml_.start("period-end");
        xml_.attribute("iso-date", p.end.to_string());
        xml_.end();
        for (const PeriodValue* t : targets) period_value("target", *t);
        for (const PeriodValue* a : actuals) period_value("actual", *a);
        if (kept_elements && kept_elements->is_array())
            for (const Json& e : *kept_elements) xml_.json_element(e);
        xml_.end();
    }

    /// True if the kept layout still describes the targets and actuals.
    static bool layout_fits(const Indicator& i, const Json& layout) {
        std::size_t t = 0, a = 0;
        for (const Json& entry : layout) {
            if (member(entry, "element")) continue;
            const Json *nt = member(entry, "targets"), *na = member(entry, "actuals");
            if (!nt || !na || !nt->is_number_unsigned() || !na->is_number_unsigned()) return false;
            const auto start = Date::parse(string_member(entry, "start")), end = Date::parse(string_member(entry, "end"));
            if (!start || !end) return false;
            const Period p{*start, *end};
            for (std::size_t k = 0; k < nt->get<std::size_t>(); ++k, ++t)
                if (t >= i.targets.size() || !(i.targets[t].period == p)) return false;
            for (std::size_t k = 0; k < na->get<std::size_t>(); ++k, ++a)
                if (a >= i.actuals.size() || !(i.actuals[a].period == p)) return false;
        }
        return t == i.targets.size() && a == i.actuals.size();
    }

    void periods(const Indicator& i, const Json* layout) {
        if (layout && layout->is_array() && layout_fits(i, *layout)) {
            std::size_t t = 0, a = 0;
            for (const Json& entry : *layout) {
                if (const Json* element = member(entry, "element")) {
                    xml_.json_element(*element);
                    continue;
                }
                const Period p{*Date::parse(string_member(entry, "start")), *Date::parse(string_member(entry, "end"))};
                std::vector<const PeriodValue*> targets, actuals;
                for (std::size_t k = entry["targets"].get<std::size_t>(); k > 0; --k) targets.push_back(&i.targets[t++]);
                for (std::size_t k = entry["actuals"].get<std::size_t>(); k > 0; --k) actuals.push_back(&i.actuals[a++]);
                period(p, targets, actuals, member(entry, "kept"));
            }
            return;
        }
        // Edited since the import (or never imported): one <period> per
        // distinct period, in an order that keeps both lists' orders where
        // they agree; unreadable periods kept from the import follow.
        std::vector<Period> order;
        auto note = [&](const Period& p) {
            for (const Period& q : order)
                if (q == p) return;
            order.push_back(p);
        };
        std::size_t t = 0, a = 0;
        while (t < i.targets.size() || a < i.actuals.size()) {
            if (t < i.targets.size()) note(i.targets[t++].period);
            if (a < i.actuals.size()) note(i.actuals[a++].period);
        }
        for (const Period& p : order) {
            std::vector<const PeriodValue*> targets, actuals;
            for (const PeriodValue& v : i.targets)
                if (v.period == p) targets.push_back(&v);
            for (const PeriodValue& v : i.actuals)
                if (v.period == p) actuals.push_back(&v);
            period(p, targets, actuals, nullptr);
        }
        if (layout && layout->is_array())
            for (const Json& entry : *layout)
                if (const Json* element = member(entry, "element")) xml_.json_element(*element);
    }

    tocgraph::detail::XmlWriter& xml_;
    std::string preferred_;
    std::string default_lang_;
};

}  // namespace tocgraph::iati::detail
