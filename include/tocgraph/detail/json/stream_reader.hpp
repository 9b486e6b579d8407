#pragma once
// Text -> TheoryOfChange without a document of the whole file in memory.
//
// The scanner's events (sax_scanner.hpp) build one element of "nodes",
// "links", ... at a time, and JsonReader reads it into the model as soon as
// it is complete, then it is freed: memory holds the text, the model and
// one element. This is the path of every well-formed file whose members come
// in the order the writer writes them (format and version, metadata and
// schema, then the element arrays in reading order). Anything else (an error
// of any kind, members in another order, a member the format does not know)
// returns nullopt, and the caller reads the text through parse_document and
// JsonReader, which report the exact error; so both paths give the same
// result for every text.
//
// Nodes and links start as DirectElements (direct_element.hpp): their common
// members go straight into the Node or Link, which is added to the model
// with the model's own checks (the same as JsonReader's, whose messages the
// document path gives if one fails). The first other member turns the
// element into a JSON object read as above.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include <nlohmann/json.hpp>

#include "../../errors.hpp"
#include "../../theory_of_change.hpp"
#include "direct_element.hpp"
#include "limits.hpp"
#include "parse.hpp"
#include "pointer.hpp"
#include "reader.hpp"
#include "sax_scanner.hpp"
#include "sax_values.hpp"

namespace tocgraph::detail {

/// The position of an element array in JsonReader::sections.
constexpr int section_index(std::string_view name) {
    for (std::size_t s = 0; s < JsonReader::sections.size(); ++s)
        if (JsonReader::sections[s] == name) return static_cast<int>(s);
    return -1;
}

class StreamingTocReader : public SaxValueEvents<StreamingTocReader> {
public:
    using json = nlohmann::json;

    explicit StreamingTocReader(const JsonReader& reader) : reader_(reader) {}

    /// The theory of change `text` describes, or nullopt when the text has
    /// to go through the document path (see above).
    std::optional<TheoryOfChange> read(std::string_view text) {
        // The document path has its own errors for these.
        if (blank_document(text) || text.find('\0') != std::string_view::npos) return std::nullopt;
        try {
            if (!SaxScanner(text, *this).scan() || (!started_ && !start())) return std::nullopt;
        } catch (const Error&) {  // a reader error: the document path reports it
            return std::nullopt;
        }
        return std::move(toc_);
    }

    // ---- the SAX events (nlohmann's json_sax interface) ---------------------------------

    // null, boolean, the numbers and string: SaxValueEvents, through value(),
    // unless a direct element takes them.
    bool start_object(std::size_t) {
        if (depth_ == 0) return ++depth_, true;  // the document
        if (direct_ != Direct::none) return false;  // an object where a text, list or number goes
        if (depth_ == 2 && stack_.empty() && begin_direct()) return true;
        return open(json::object());
    }
    bool start_array(std::size_t) {
        if (depth_ == 0) return false;  // a document that is not an object
        if (direct_ != Direct::none) return with_direct([](auto& d) { return d.start_array(); });
        if (depth_ == 1 && section_ >= 0) return ++depth_, true;  // an element array
        return open(json::array());
    }
    bool end_object() { return direct_ != Direct::none ? direct_done() : close(); }
    bool end_array() {
        if (direct_ != Direct::none) return with_direct([](auto& d) { return d.end_array(); });
        return close();
    }
    bool string(json::string_t& v) {
        if (direct_ != Direct::none) return with_direct([&](auto& d) { return d.text(v); });
        return SaxValueEvents::string(v);
    }

    bool key(json::string_t& k) {
        if (direct_ != Direct::none) {
            const DirectKey found = with_direct([&](auto& d) { return d.key(k); });
            if (found != DirectKey::other) return found == DirectKey::taken;  // repeated: declined
            to_object();  // and on: k is a member of that object
        }
        if (stack_.empty()) return top_key(k);  // a member of the document
        Frame& top = stack_.back();
        auto [slot, added] = top.value->get_ref<json::object_t&>().try_emplace(std::move(k));
        top.member = &slot->second;
        return added;  // false: a duplicate member
    }

private:
    struct Frame {
        json* value;
        json* member = nullptr;  ///< objects: the slot of the member being read
    };

    // A member of the document: the small ones are kept until the first
    // element needs the theory of change; the element arrays must come after
    // them, each once, in reading order.
    bool top_key(const std::string& k) {
        section_ = section_index(k);
        if (section_ >= 0) {
            if (section_ <= last_section_) return false;  // out of order, or twice
            last_section_ = section_;
            index_ = 0;
            return true;
        }
        if (started_ || top_.contains(k)) return false;
        if (k != "format" && k != "version" && k != "metadata" && k != "schema") return false;
        top_member_ = &top_[k];
        return true;
    }
    // The theory of change the elements go into, from the members before them.
    bool start() {
        if (!top_.contains("format") || !top_.contains("version")) return false;
        started_ = true;
        toc_ = reader_.begin(top_);  // throws on a bad member: the document path reports it
        top_ = json();
        return true;
    }

    // Where a value goes: an element, the member of the document being read,
    // or the innermost open container.
    json* place(json&& v) {
        if (stack_.empty()) {
            if (depth_ == 2) {
                element_ = std::move(v);
                return &element_;
            }
            *top_member_ = std::move(v);
            return top_member_;
        }
        return place_in(*stack_.back().value, stack_.back().member, std::move(v));
    }
    friend SaxValueEvents<StreamingTocReader>;
    bool value(json&& v) {
        if (direct_ != Direct::none)  // a number, or null or a boolean, which no direct member takes
            return v.is_number() && with_direct([&](auto& d) { return d.number(std::move(v)); });
        if (depth_ == 0 || in_array_member()) return false;  // not an object; an element array that is not an array
        place(std::move(v));
        return stack_.empty() && depth_ == 2 ? element_done() : true;
    }
    bool open(json&& container) {
        if (depth_ + stack_.size() >= max_depth || in_array_member()) return false;
        stack_.push_back(Frame{place(std::move(container))});
        return true;
    }
    bool close() {
        if (stack_.empty()) {  // an element array or the document
            --depth_;
            return true;
        }
        stack_.pop_back();
        return stack_.empty() && depth_ == 2 ? element_done() : true;
    }
    // The value of "nodes" (and the like) itself, which must be an array.
    bool in_array_member() const { return depth_ == 1 && stack_.empty() && section_ >= 0; }
    bool element_done() {
        if (!started_ && !start()) return false;
        const LazyPointer root, section = root.child(JsonReader::sections[static_cast<std::size_t>(section_)]);
        reader_.read_element(toc_, static_cast<std::size_t>(section_), element_, section.at(index_++));
        element_ = json();
        return true;
    }

    // ---- nodes and links read directly ------------------------------------------------
    enum class Direct { none, node, link };
    bool begin_direct() {
        if (section_ == node_section) {
            direct_ = Direct::node;
            node_.begin();
        } else if (section_ == link_section) {
            direct_ = Direct::link;
            link_.begin();
        } else {
            return false;
        }
        return true;
    }
    /// f(the direct element being read); f returns the same type for both.
    template <typename F>
    std::invoke_result_t<F, DirectElement<Node>&> with_direct(F&& f) {
        return direct_ == Direct::node ? f(node_) : f(link_);
    }
    /// The direct element becomes its JSON object, on the stack as if opened
    /// there: for a member outside the table.
    void to_object() {
        element_ = with_direct([](auto& d) { return d.to_json(); });
        direct_ = Direct::none;
        stack_.push_back(Frame{&element_});
    }
    bool direct_done() {
        const Direct kind = std::exchange(direct_, Direct::none);
        if (!started_ && !start()) return false;
        // A ModelError (an unknown level or end, a duplicate...) ends this path: read() catches it.
        if (kind == Direct::node) {
            if (!node_.complete()) return false;
            toc_.add_node(node_.take());
        } else {
            if (!link_.complete()) return false;
            toc_.add_link(link_.take());
        }
        ++index_;
        return true;
    }

    static constexpr int node_section = section_index("nodes"), link_section = section_index("links");
    Direct direct_ = Direct::none;
    DirectElement<Node> node_;
    DirectElement<Link> link_;

    const JsonReader& reader_;
    TheoryOfChange toc_;
    json top_ = json::object();      ///< the small members, until start()
    json* top_member_ = nullptr;     ///< the one being read
    json element_;                   ///< the element being read
    std::vector<Frame> stack_;       ///< containers open inside a member or element
    std::size_t depth_ = 0;          ///< 1 in the document, 2 in an element array
    int section_ = -1, last_section_ = -1;
    std::size_t index_ = 0;
    bool started_ = false;
};

}  // namespace tocgraph::detail
