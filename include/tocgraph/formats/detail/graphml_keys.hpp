#pragma once
// The <key> declarations of a GraphML document: one per data name and
// domain, typed by the values written under it.

#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "../../detail/xml/text.hpp"
#include "json_fields.hpp"

namespace tocgraph::detail {

/// The GraphML <key>s of one domain (graph, node or edge): a name -> id map
/// in first-seen order and the narrowest type that fits every value.
class GraphmlKeys {
public:
    GraphmlKeys(std::string domain, std::string prefix)
        : domain_(std::move(domain)), prefix_(std::move(prefix)) {}

    /// Records a value of `name` and returns its key id.
    const std::string& use(const std::string& name, const OrderedJson& value) {
        auto [it, added] = index_.try_emplace(name, keys_.size());
        if (added) keys_.push_back({name, prefix_ + std::to_string(keys_.size()), kind(value)});
        Key& key = keys_[it->second];
        key.kind = widen(key.kind, kind(value));
        return key.id;
    }
    void write(std::string& out) const {
        for (const Key& k : keys_) {
            out += "  <key id=\"" + k.id + "\" for=\"" + domain_ + "\" attr.name=\"";
            append_xml_escaped(out, k.name, "key name \"" + k.name + "\"");
            out += "\" attr.type=\"" + std::string(type_name(k.kind)) + "\"/>\n";
        }
    }
    /// The text of a value under its key's final type.
    std::string text(const std::string& name, const OrderedJson& value, const std::string& where) const {
        const Key& key = keys_[index_.at(name)];
        if (key.kind == Kind::boolean) return value.get<bool>() ? "true" : "false";
        if (key.kind == Kind::string) return field_text(value, where);
        return value.dump();  // a number
    }

private:
    enum class Kind { boolean, integer, number, string };
    struct Key {
        std::string name, id;
        Kind kind;
    };
    static Kind kind(const OrderedJson& v) {
        if (v.is_boolean()) return Kind::boolean;
        if (v.is_number_integer()) return Kind::integer;
        if (v.is_number()) return Kind::number;
        return Kind::string;
    }
    static Kind widen(Kind a, Kind b) {
        if (a == b) return a;
        const bool numbers = (a == Kind::integer || a == Kind::number) &&
                             (b == Kind::integer || b == Kind::number);
        return numbers ? Kind::number : Kind::string;
    }
    static std::string_view type_name(Kind k) {
        switch (k) {
            case Kind::boolean: return "boolean";
            case Kind::integer: return "long";
            case Kind::number: return "double";
            case Kind::string: break;
        }
        return "string";
    }

    std::string domain_, prefix_;
    std::vector<Key> keys_;
    std::map<std::string, std::size_t> index_;
};

/// True if `id` is an XML name token made of ASCII name characters.
inline bool is_ascii_nmtoken(std::string_view id) {
    if (id.empty()) return false;
    for (char c : id)
        if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '.' ||
              c == '-' || c == '_' || c == ':'))
            return false;
    return true;
}

}  // namespace tocgraph::detail
