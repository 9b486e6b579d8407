#pragma once
// TheoryOfChange: the whole model. Nodes and links live in a Boost.Graph
// bidirectional adjacency list (nodes as vertex bundles, links as edge
// bundles) with an id -> vertex index beside it. The public API speaks ids
// and value types only: vertex descriptors are renumbered by removals, so
// they never leave this class except through graph() for analyses.
//
// Every edit checks the model's integrity first and throws ModelError without
// changing anything when the edit would break it.
//
// Threads: const member functions (and the analyses, which take a const
// TheoryOfChange&) may run in any number of threads at once, including the
// first call after an edit that builds the read index; an edit needs
// exclusive access, as for the standard containers.

#include <algorithm>
#include <atomic>
#include <cmath>
#include <cstddef>
#include <cstdint>
#include <iterator>
#include <memory>
#include <mutex>
#include <optional>
#include <ranges>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include <boost/graph/adjacency_list.hpp>

#include "actor.hpp"
#include "assumption.hpp"
#include "errors.hpp"
#include "feedback.hpp"
#include "graph_index.hpp"
#include "indicator.hpp"
#include "level_schema.hpp"
#include "link.hpp"
#include "metadata.hpp"
#include "node.hpp"
#include "detail/graph/keyed_store.hpp"
#include "detail/graph/vertex_index.hpp"

namespace tocgraph {

class TheoryOfChange {
public:
    using Graph = boost::adjacency_list<boost::vecS, boost::vecS, boost::bidirectionalS, Node, Link>;
    using Vertex = Graph::vertex_descriptor;

    explicit TheoryOfChange(LevelSchema schema = LevelSchema::theory_of_change())
        : schema_(std::move(schema)) {}

    // Copies leave the read index behind: the copy builds its own on first use.
    TheoryOfChange(const TheoryOfChange& other)
        : schema_(other.schema_), metadata_(other.metadata_), graph_(other.graph_),
          vertex_index_(other.vertex_index_), indicators_(other.indicators_),
          assumptions_(other.assumptions_), actors_(other.actors_), feedback_(other.feedback_) {}
    TheoryOfChange& operator=(const TheoryOfChange& other) {
        if (this != &other) *this = TheoryOfChange(other);
        return *this;
    }
    ~TheoryOfChange() = default;
    // Boost's adjacency_list has no move constructor and its swap() copies,
    // so a defaulted move would copy the whole graph: take its storage
    // instead. noexcept, so that vectors of ToCs move them when they grow.
    // The moved-from ToC is empty, with the default schema.
    TheoryOfChange(TheoryOfChange&& other) noexcept : schema_(std::move(other.schema_)) { take(other); }
    TheoryOfChange& operator=(TheoryOfChange&& other) noexcept {
        if (this != &other) {
            schema_ = std::move(other.schema_);
            take(other);
        }
        return *this;
    }

    // ---- schema and metadata -------------------------------------------------

    const LevelSchema& schema() const noexcept { return schema_; }
    /// Replaces the level schema; throws ModelError if a node's level is not in it.
    void set_schema(LevelSchema schema) {
        for (std::size_t v = 0; v < node_count(); ++v)
            if (const Node& n = graph_[v]; !schema.contains(n.level))
                throw ModelError(n.id, "node \"" + n.id + "\" has level \"" + n.level +
                                           "\", which schema \"" + schema.name() + "\" lacks");
        schema_ = std::move(schema);
        edited();
    }
    const Metadata& metadata() const noexcept { return metadata_; }
    Metadata& metadata() noexcept { return metadata_; }
    void set_metadata(Metadata metadata) { metadata_ = std::move(metadata); }

    // ---- nodes ---------------------------------------------------------------

    std::size_t node_count() const noexcept { return boost::num_vertices(graph_); }
    bool contains(std::string_view id) const { return lookup(id) != detail::VertexIndex::npos; }

    /// The node with this id; throws ModelError if there is none.
    const Node& node(std::string_view id) const { return graph_[vertex_of(id)]; }
    /// The node with this id, or nullptr.
    const Node* find_node(std::string_view id) const {
        const std::size_t v = lookup(id);
        return v == detail::VertexIndex::npos ? nullptr : &graph_[v];
    }

    /// A forward range over the nodes in insertion order. Written by hand
    /// rather than as views::iota | views::transform, which clang 14 cannot
    /// compile against libstdc++ 12's <ranges>.
    class NodeRange {
    public:
        class iterator {
        public:
            using value_type = Node;
            using difference_type = std::ptrdiff_t;
            using reference = const Node&;
            using pointer = const Node*;
            using iterator_category = std::forward_iterator_tag;
            iterator() = default;
            iterator(const TheoryOfChange* toc, std::size_t v) : toc_(toc), v_(v) {}
            const Node& operator*() const { return toc_->graph_[v_]; }
            const Node* operator->() const { return &toc_->graph_[v_]; }
            iterator& operator++() {
                ++v_;
                return *this;
            }
            iterator operator++(int) {
                iterator old = *this;
                ++v_;
                return old;
            }
            friend bool operator==(const iterator& a, const iterator& b) { return a.v_ == b.v_; }

        private:
            const TheoryOfChange* toc_ = nullptr;
            std::size_t v_ = 0;
        };
        explicit NodeRange(const TheoryOfChange* toc) : toc_(toc) {}
        iterator begin() const { return {toc_, 0}; }
        iterator end() const { return {toc_, toc_->node_count()}; }
        std::size_t size() const { return toc_->node_count(); }
        bool empty() const { return size() == 0; }

    private:
        const TheoryOfChange* toc_;
    };

    /// All nodes in insertion order.
    NodeRange nodes() const { return NodeRange(this); }
    /// The nodes of one level, in insertion order.
    std::vector<const Node*> nodes_at(std::string_view level) const {
        schema_.level(level);  // throws on an unknown level
        std::vector<const Node*> out;
        for (std::size_t v = 0; v < node_count(); ++v)
            if (graph_[v].level == level) out.push_back(&graph_[v]);
        return out;
    }

    void add_node(Node node) {
        check_node(node);
        if (contains(node.id))
            throw ModelError(node.id, "duplicate node id \"" + node.id + "\"");
        Vertex v = boost::add_vertex(std::move(node), graph_);
        vertex_index_.insert(graph_[v].id, v);
        edited();
    }
    /// Replaces the node with the same id (its links and indicators stay).
    void update_node(Node node) {
        Vertex v = vertex_of(node.id);
        check_node(node);
        graph_[v] = std::move(node);
        edited();
    }
    /// Removes a node with its links and the indicators that measure it.
    /// Feedback about it stays on record.
    void remove_node(std::string_view id) {
        Vertex v = vertex_of(id);
        const std::string key(id);
        indicators_.erase_if([&](const Indicator& i) { return i.node == key; });
        boost::clear_vertex(v, graph_);
        boost::remove_vertex(v, graph_);  // renumbers every vertex after v
        rebuild_vertex_index();
        edited();
    }

    // ---- links ---------------------------------------------------------------

    std::size_t link_count() const noexcept { return boost::num_edges(graph_); }
    bool has_link(std::string_view source, std::string_view target) const {
        return find_link(source, target) != nullptr;
    }
    /// The link source -> target; throws ModelError if there is none.
    const Link& link(std::string_view source, std::string_view target) const {
        if (const Link* l = find_link(source, target)) return *l;
        throw ModelError(std::string(source) + "->" + std::string(target),
                         "no link \"" + std::string(source) + "\" -> \"" + std::string(target) + "\"");
    }
    const Link* find_link(std::string_view source, std::string_view target) const {
        const std::size_t s = lookup(source), t = lookup(target);
        if (s == detail::VertexIndex::npos || t == detail::VertexIndex::npos) return nullptr;
        auto [e, found] = boost::edge(s, t, graph_);
        return found ? &graph_[e] : nullptr;
    }
    /// All links, grouped by source in node insertion order.
    std::vector<const Link*> links() const {
        std::vector<const Link*> out;
        out.reserve(link_count());
        for (auto [it, end] = boost::edges(graph_); it != end; ++it) out.push_back(&graph_[*it]);
        return out;
    }
    /// Links into a node: what contributes to it directly.
    std::vector<const Link*> links_to(std::string_view id) const {
        std::vector<const Link*> out;
        for (auto [it, end] = boost::in_edges(vertex_of(id), graph_); it != end; ++it)
            out.push_back(&graph_[*it]);
        return out;
    }
    /// Links out of a node: what it contributes to directly.
    std::vector<const Link*> links_from(std::string_view id) const {
        std::vector<const Link*> out;
        for (auto [it, end] = boost::out_edges(vertex_of(id), graph_); it != end; ++it)
            out.push_back(&graph_[*it]);
        return out;
    }

    void add_link(Link link) {
        // Each end is looked up once: loading a file adds millions of links.
        const std::size_t s = lookup(link.source), t = lookup(link.target);
        check_link(link, s, t);
        if (boost::edge(s, t, graph_).second)
            throw ModelError(link.source + "->" + link.target,
                             "duplicate link \"" + link.source + "\" -> \"" + link.target + "\"");
        boost::add_edge(s, t, std::move(link), graph_);
        edited();
    }
    /// Replaces the link with the same source and target.
    void update_link(Link link) {
        auto [e, found] = edge_of(link.source, link.target);
        check_link(link, boost::source(e, graph_), boost::target(e, graph_));
        graph_[e] = std::move(link);
    }
    void remove_link(std::string_view source, std::string_view target) {
        auto [e, found] = edge_of(source, target);
        boost::remove_edge(e, graph_);
        edited();
    }

    // ---- indicators ----------------------------------------------------------

    std::size_t indicator_count() const noexcept { return indicators_.size(); }
    bool has_indicator(std::string_view id) const { return indicators_.contains(id); }
    const Indicator& indicator(std::string_view id) const { return indicators_.get(id, "indicator"); }
    const Indicator* find_indicator(std::string_view id) const { return indicators_.find(id); }
    const std::vector<Indicator>& indicators() const noexcept { return indicators_.items(); }
    /// The indicators that measure one node.
    std::vector<const Indicator*> indicators_of(std::string_view node_id) const {
        vertex_of(node_id);  // throws on an unknown node
        std::vector<const Indicator*> out;
        for (const Indicator& i : indicators_.items())
            if (i.node == node_id) out.push_back(&i);
        return out;
    }
    void add_indicator(Indicator indicator) {
        check_indicator(indicator);
        indicators_.add(std::move(indicator), "indicator");
    }
    void update_indicator(Indicator indicator) {
        indicators_.update(std::move(indicator), "indicator", [&](const Indicator& i) { check_indicator(i); });
    }
    void remove_indicator(std::string_view id) { indicators_.remove(id, "indicator"); }

    // ---- assumptions ---------------------------------------------------------

    std::size_t assumption_count() const noexcept { return assumptions_.size(); }
    bool has_assumption(std::string_view id) const { return assumptions_.contains(id); }
    const Assumption& assumption(std::string_view id) const {
        return assumptions_.get(id, "assumption");
    }
    const Assumption* find_assumption(std::string_view id) const { return assumptions_.find(id); }
    const std::vector<Assumption>& assumptions() const noexcept { return assumptions_.items(); }
    void add_assumption(Assumption assumption) {
        check_assumption(assumption);
        assumptions_.add(std::move(assumption), "assumption");
    }
    void update_assumption(Assumption assumption) {
        assumptions_.update(std::move(assumption), "assumption", [&](const Assumption& a) { check_assumption(a); });
    }
    /// Removes an assumption and every link's reference to it.
    void remove_assumption(std::string_view id) {
        assumptions_.remove(id, "assumption");
        for (auto [it, end] = boost::edges(graph_); it != end; ++it)
            std::erase(graph_[*it].assumptions, std::string(id));
    }

    // ---- actors --------------------------------------------------------------

    std::size_t actor_count() const noexcept { return actors_.size(); }
    bool has_actor(std::string_view id) const { return actors_.contains(id); }
    const Actor& actor(std::string_view id) const { return actors_.get(id, "actor"); }
    const Actor* find_actor(std::string_view id) const { return actors_.find(id); }
    const std::vector<Actor>& actors() const noexcept { return actors_.items(); }
    void add_actor(Actor actor) {
        check_id(actor.id, "actor");
        actors_.add(std::move(actor), "actor");
    }
    void update_actor(Actor actor) { actors_.update(std::move(actor), "actor"); }
    /// Removes an actor and every node's reference to it.
    void remove_actor(std::string_view id) {
        actors_.remove(id, "actor");
        for (std::size_t v = 0; v < node_count(); ++v) std::erase(graph_[v].actors, std::string(id));
    }

    // ---- consultation feedback ---------------------------------------------------

    std::size_t feedback_count() const noexcept { return feedback_.size(); }
    bool has_feedback(std::string_view id) const { return feedback_.contains(id); }
    const Feedback& feedback(std::string_view id) const { return feedback_.get(id, "feedback"); }
    const std::vector<Feedback>& feedback() const noexcept { return feedback_.items(); }
    void add_feedback(Feedback item) {
        check_id(item.id, "feedback");
        feedback_.add(std::move(item), "feedback");
    }
    void update_feedback(Feedback item) { feedback_.update(std::move(item), "feedback"); }
    void remove_feedback(std::string_view id) { feedback_.remove(id, "feedback"); }

    // ---- for analyses --------------------------------------------------------------

    /// The underlying graph. Vertex descriptors are valid until the next removal.
    const Graph& graph() const noexcept { return graph_; }

    /// The read index of the links (graph_index.hpp), built on first use after
    /// an edit; valid until the next edit. Safe to call from several threads.
    const GraphIndex& index() const {
        if (const GraphIndex* ready = index_ready_.load(std::memory_order_acquire)) return *ready;
        std::lock_guard<std::mutex> lock(index_mutex_);
        if (!index_) {
            index_ = std::make_unique<const GraphIndex>(graph_, schema_);
            index_ready_.store(index_.get(), std::memory_order_release);
        }
        return *index_;
    }
    /// A number that grows with every edit of the nodes, links or schema: two
    /// equal readings mean vertex numbers and ids still match (for caches).
    std::uint64_t generation() const noexcept { return generation_; }
    /// The id of the node at vertex v.
    const std::string& id_of(std::size_t v) const noexcept { return graph_[v].id; }
    /// The vertex of a node id; throws ModelError if there is none.
    Vertex vertex_of(std::string_view id) const {
        const std::size_t v = lookup(id);
        if (v == detail::VertexIndex::npos)
            throw ModelError(std::string(id), "no node \"" + std::string(id) + "\"");
        return v;
    }

    /// Equal when both hold the same schema, metadata and the same elements by
    /// id (links by source and target), whatever the order they were added in.
    friend bool operator==(const TheoryOfChange& a, const TheoryOfChange& b) {
        if (a.schema_ != b.schema_ || a.metadata_ != b.metadata_) return false;
        if (a.node_count() != b.node_count() || a.link_count() != b.link_count()) return false;
        for (std::size_t v = 0; v < a.node_count(); ++v) {
            const Node& n = a.graph_[v];
            const Node* other = b.find_node(n.id);
            if (!other || !(*other == n)) return false;
        }
        for (const Link* l : a.links()) {
            const Link* other = b.find_link(l->source, l->target);
            if (!other || !(*other == *l)) return false;
        }
        return a.indicators_.same_items(b.indicators_) && a.assumptions_.same_items(b.assumptions_) &&
               a.actors_.same_items(b.actors_) && a.feedback_.same_items(b.feedback_);
    }

private:
    static void check_id(const std::string& id, const char* what) {
        if (id.empty()) throw ModelError(id, std::string(what) + " id must not be empty");
    }
    // `id` and `what` make the message, so they are built only for an error.
    template <typename Id, typename What>
    static void check_fraction(const std::optional<double>& value, Id&& id, What&& what) {
        if (value && !(*value >= 0.0 && *value <= 1.0))  // also rejects NaN
            throw ModelError(id(), what() + " must be between 0 and 1, got " + std::to_string(*value));
    }

    void check_node(const Node& node) const {
        check_id(node.id, "node");
        if (!schema_.contains(node.level))
            throw ModelError(node.id, "node \"" + node.id + "\" has unknown level \"" + node.level +
                                          "\"; schema \"" + schema_.name() + "\" has " +
                                          schema_.choices());
        for (const std::string& a : node.actors)
            if (!actors_.contains(a))
                throw ModelError(node.id, "node \"" + node.id + "\" names unknown actor \"" + a + "\"");
        if (node.budget && !std::isfinite(node.budget->amount))
            throw ModelError(node.id, "node \"" + node.id + "\" has a budget that is not a number");
    }
    /// `s` and `t`: the vertices of the link's ends, VertexIndex::npos for an unknown id.
    void check_link(const Link& link, std::size_t s, std::size_t t) const {
        const auto name = [&] { return "\"" + link.source + "\" -> \"" + link.target + "\""; };
        for (const auto& [end, vertex] : {std::pair{&link.source, s}, std::pair{&link.target, t}})
            if (vertex == detail::VertexIndex::npos)
                throw ModelError(*end, "link " + name() + " names unknown node \"" + *end + "\"");
        if (s == t)
            throw ModelError(link.source, "link " + name() + " joins a node to itself");
        check_fraction(
            link.strength, [&] { return link.source + "->" + link.target; },
            [&] { return "strength of link " + name(); });
        // Assumption ids are not checked: a link may name an assumption not yet
        // written down, and the linter reports it (TOC304) with everything else.
    }
    void check_indicator(const Indicator& indicator) const {
        check_id(indicator.id, "indicator");
        if (!contains(indicator.node))
            throw ModelError(indicator.id, "indicator \"" + indicator.id + "\" measures unknown node \"" +
                                               indicator.node + "\"");
        // A target or actual period ending before it starts is a slip in the
        // data, not in the graph: the linter reports it (TOC206).
    }
    void check_assumption(const Assumption& assumption) const {
        check_id(assumption.id, "assumption");
        check_fraction(
            assumption.likelihood, [&] { return assumption.id; },
            [&] { return "likelihood of assumption \"" + assumption.id + "\""; });
    }

    std::pair<Graph::edge_descriptor, bool> edge_of(std::string_view source,
                                                    std::string_view target) const {
        auto found = boost::edge(vertex_of(source), vertex_of(target), graph_);
        if (!found.second)
            throw ModelError(std::string(source) + "->" + std::string(target),
                             "no link \"" + std::string(source) + "\" -> \"" + std::string(target) + "\"");
        return found;
    }
    std::size_t lookup(std::string_view id) const {
        return vertex_index_.find(id, [this](std::size_t v) -> const std::string& { return graph_[v].id; });
    }
    /// The move: other's graph storage is swapped in (the vertex vector and
    /// the edge list, whose swaps keep every element and iterator in place),
    /// then other is reset to an empty ToC.
    /// (The schema is moved by the caller: LevelSchema has no default.)
    void take(TheoryOfChange& other) noexcept {
        metadata_ = std::move(other.metadata_);
        graph_.m_vertices.swap(other.graph_.m_vertices);
        graph_.m_edges.swap(other.graph_.m_edges);
        other.graph_.m_vertices.clear();
        other.graph_.m_edges.clear();
        vertex_index_ = std::move(other.vertex_index_);
        indicators_ = std::move(other.indicators_);
        assumptions_ = std::move(other.assumptions_);
        actors_ = std::move(other.actors_);
        feedback_ = std::move(other.feedback_);
        other.vertex_index_.clear();
        other.schema_ = LevelSchema::theory_of_change();
        other.metadata_ = Metadata{};
        other.indicators_ = {};
        other.assumptions_ = {};
        other.actors_ = {};
        other.feedback_ = {};
        // Vertex numbers move with the storage, but rebuilding is simpler than
        // reasoning about two half-moved indexes.
        edited();
        other.edited();
    }
    /// After an edit of the graph: the index is stale.
    void edited() noexcept {
        index_ready_.store(nullptr, std::memory_order_relaxed);
        index_.reset();
        ++generation_;
    }
    void rebuild_vertex_index() {
        vertex_index_.clear();
        vertex_index_.reserve(node_count());
        for (std::size_t v = 0; v < node_count(); ++v) vertex_index_.insert(graph_[v].id, v);
    }

    LevelSchema schema_;
    Metadata metadata_;
    Graph graph_;
    detail::VertexIndex vertex_index_;  // id -> vertex, reading the ids from graph_
    detail::KeyedStore<Indicator> indicators_;
    detail::KeyedStore<Assumption> assumptions_;
    detail::KeyedStore<Actor> actors_;
    detail::KeyedStore<Feedback> feedback_;
    std::uint64_t generation_ = 0;
    // The read index, built lazily by index() (double-checked under the mutex).
    mutable std::mutex index_mutex_;
    mutable std::unique_ptr<const GraphIndex> index_;
    mutable std::atomic<const GraphIndex*> index_ready_{nullptr};
};

}  // namespace tocgraph
