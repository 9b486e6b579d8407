#pragma once
// Every format writer starts from the JSON form of each element (the file
// format's writer), so a field added to the model is carried by every format
// without touching it. These helpers walk that form.

#include <string>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../detail/json/writer.hpp"
#include "../../errors.hpp"
#include "../../theory_of_change.hpp"

namespace tocgraph::detail {

using OrderedJson = nlohmann::ordered_json;

/// The document of a ToC with members in the documented order.
inline OrderedJson ordered_document(const TheoryOfChange& toc) {
    return JsonWriter<OrderedJson>().write(toc);
}

/// One leaf of a flattened element: "budget.amount" -> 125000.
struct FlatField {
    std::string path;
    const OrderedJson* value;
};

/// The leaves of an object, objects joined into dotted paths ("budget.amount",
/// "attributes.notes"); arrays and empty objects are leaves.
inline void flatten_fields(const OrderedJson& object, const std::string& prefix,
                           std::vector<FlatField>& out) {
    for (const auto& [key, value] : object.items()) {
        std::string path = prefix.empty() ? key : prefix + "." + key;
        if (value.is_object() && !value.empty())
            flatten_fields(value, path, out);
        else
            out.push_back({std::move(path), &value});
    }
}

/// A leaf as text: strings as they are, anything else as compact JSON.
/// Throws Error naming `where` if a string inside is not valid UTF-8.
inline std::string field_text(const OrderedJson& value, const std::string& where) {
    if (value.is_string()) return value.get<std::string>();
    try {
        return value.dump();
    } catch (const nlohmann::json::type_error&) {
        throw Error("cannot write " + where + ": text is not valid UTF-8");
    }
}

}  // namespace tocgraph::detail
