#pragma once
// nlohmann's SAX scalar events (null, boolean, the numbers, string) as one:
// a consumer that places every scalar as a value derives from
// SaxValueEvents<Consumer> and defines `bool value(nlohmann::json&&)`.

#include <utility>

#include <nlohmann/json.hpp>

namespace tocgraph::detail {

template <typename Consumer>
class SaxValueEvents {
public:
    using json = nlohmann::json;

    bool null() { return consumer().value(nullptr); }
    bool boolean(bool v) { return consumer().value(v); }
    bool number_integer(json::number_integer_t v) { return consumer().value(v); }
    bool number_unsigned(json::number_unsigned_t v) { return consumer().value(v); }
    bool number_float(json::number_float_t v, const json::string_t&) { return consumer().value(v); }
    bool string(json::string_t& v) { return consumer().value(std::move(v)); }

private:
    Consumer& consumer() { return static_cast<Consumer&>(*this); }
};

}  // namespace tocgraph::detail
