#pragma once
// Languages of IATI narratives. Publishers tag them "en", "EN", "ENG" or
// "en-GB", or not at all (the activity's xml:lang applies). Tags are kept as
// written; they are compared by their primary language, lower-cased, with
// the common three-letter ISO 639-2 codes mapped to two letters.

#include <array>
#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include <nlohmann/json.hpp>

#include "codes.hpp"

namespace tocgraph::iati {

/// The primary language of a tag: "EN-gb" -> "en", "ENG" -> "en", "" -> "".
inline std::string primary_language(std::string_view tag) {
    std::string text = tocgraph::detail::ascii_lower(detail::trim_xml_space(tag));
    const auto cut = text.find_first_of("-_");
    if (cut != std::string::npos) text.resize(cut);
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 24> three{{
        {"eng", "en"}, {"fra", "fr"}, {"fre", "fr"}, {"spa", "es"}, {"deu", "de"}, {"ger", "de"},
        {"nld", "nl"}, {"dut", "nl"}, {"por", "pt"}, {"swe", "sv"}, {"dan", "da"}, {"nor", "no"},
        {"fin", "fi"}, {"ita", "it"}, {"ara", "ar"}, {"rus", "ru"}, {"zho", "zh"}, {"chi", "zh"},
        {"jpn", "ja"}, {"kor", "ko"}, {"ind", "id"}, {"vie", "vi"}, {"tha", "th"}, {"khm", "km"}}};
    for (const auto& [long_code, short_code] : three)
        if (text == long_code) return std::string(short_code);
    return text;
}

/// Which narrative of a list (JSON [{"lang": TAG, "text": TEXT}...]) to show:
/// the first in `preferred`, else in `fallback` (the activity's language),
/// else in English, else the first. nullopt for an empty list.
inline std::optional<std::size_t> choose_narrative(const nlohmann::json& narratives, std::string_view preferred,
                                                   std::string_view fallback) {
    if (!narratives.is_array() || narratives.empty()) return std::nullopt;
    for (std::string_view want : {preferred, fallback, std::string_view("en")}) {
        const std::string wanted = primary_language(want);
        if (wanted.empty()) continue;
        for (std::size_t i = 0; i < narratives.size(); ++i) {
            const auto& n = narratives[i];
            if (n.is_object() && n.contains("lang") && n["lang"].is_string() &&
                primary_language(n["lang"].get<std::string>()) == wanted)
                return i;
        }
    }
    return 0;
}

/// The text of narrative `i`, or "".
inline std::string narrative_text(const nlohmann::json& narratives, std::optional<std::size_t> i) {
    if (!i || !narratives.is_array() || *i >= narratives.size()) return {};
    const auto& n = narratives[*i];
    return n.is_object() && n.contains("text") && n["text"].is_string() ? n["text"].get<std::string>() : std::string();
}

}  // namespace tocgraph::iati
