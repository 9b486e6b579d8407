#pragma once
// Results as JSON objects built from their field list (described.hpp): a
// member per field, named and ordered as listed. Dates are "YYYY-MM-DD"
// strings, enums their file spelling, empty optionals and non-finite numbers
// null, a level its id; anything else converts by its own to_json.

#include <cmath>
#include <optional>
#include <string>
#include <type_traits>

#include <nlohmann/json.hpp>

#include "../../date.hpp"
#include "../../described.hpp"
#include "../../enums.hpp"
#include "../../level_schema.hpp"

namespace tocgraph::detail {

inline nlohmann::ordered_json json_or_null(const std::optional<double>& x) {
    return x && std::isfinite(*x) ? nlohmann::ordered_json(*x) : nlohmann::ordered_json(nullptr);
}
inline nlohmann::ordered_json json_or_null(const std::optional<Date>& d) {
    return d ? nlohmann::ordered_json(d->to_string()) : nlohmann::ordered_json(nullptr);
}

template <typename M>
nlohmann::ordered_json member_json(const M& value) {
    if constexpr (std::is_same_v<M, std::optional<double>> || std::is_same_v<M, std::optional<Date>>)
        return json_or_null(value);
    else if constexpr (std::is_same_v<M, Date>)
        return value.to_string();
    else if constexpr (std::is_same_v<M, Level>)
        return value.id;
    else if constexpr (std::is_enum_v<M>)
        return std::string(to_string(value));
    else
        return nlohmann::ordered_json(value);
}

template <described T>
void fields_to_json(nlohmann::ordered_json& out, const T& value) {
    out = nlohmann::ordered_json::object();
    for_each_field<T>([&](const auto& field) { out[field.name] = member_json(value.*field.member); });
}

}  // namespace tocgraph::detail
