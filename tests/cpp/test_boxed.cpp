// Boxed<T>, the optional held on the heap that keeps a link's evidence and an
// activity's budget out of every link and node that has none.
#include <catch2/catch.hpp>

#include <optional>
#include <string>
#include <utility>

#include <tocgraph/link.hpp>
#include <tocgraph/node.hpp>

namespace tocgraph::test {

TEST_CASE("an empty Boxed costs a pointer where std::optional costs the whole value") {
    CHECK(sizeof(Boxed<Evidence>) == sizeof(void*));
    CHECK(sizeof(Boxed<Evidence>) < sizeof(std::optional<Evidence>));
    CHECK(sizeof(Boxed<Budget>) < sizeof(std::optional<Budget>));
}

TEST_CASE("Boxed reads and assigns like std::optional") {
    Link l;
    CHECK_FALSE(l.evidence);
    CHECK_FALSE(l.evidence.has_value());
    CHECK(l.evidence == std::nullopt);
    CHECK_THROWS_AS(l.evidence.value(), std::bad_optional_access);

    l.evidence = Evidence{"strong", {"Evaluation 2019"}};
    REQUIRE(l.evidence);
    CHECK(l.evidence->strength == "strong");
    CHECK((*l.evidence).references == std::vector<std::string>{"Evaluation 2019"});
    CHECK(l.evidence == Evidence{"strong", {"Evaluation 2019"}});
    CHECK_FALSE(l.evidence == Evidence{"weak", {"Evaluation 2019"}});

    l.evidence->strength = "moderate";  // writes through, as into an optional
    CHECK(l.evidence.value().strength == "moderate");

    l.evidence = std::nullopt;
    CHECK_FALSE(l.evidence);
    l.evidence.emplace(Evidence{"weak", {}});
    CHECK(l.evidence->strength == "weak");
    l.evidence.reset();
    CHECK(l.evidence.value_or(Evidence{"none", {}}).strength == "none");

    Node n;
    n.budget = Budget{1200.0, "AUD"};
    CHECK(n.budget->amount == 1200.0);
    CHECK(n.budget == Budget{1200.0, "AUD"});
}

TEST_CASE("Boxed copies and compares by value") {
    Link a;
    a.evidence = Evidence{"strong", {"r1"}};
    Link b = a;  // a deep copy: changing b leaves a as it was
    b.evidence->strength = "weak";
    CHECK(a.evidence->strength == "strong");
    CHECK_FALSE(a == b);
    b.evidence->strength = "strong";
    CHECK(a == b);

    Link empty;
    CHECK_FALSE(a == empty);
    b = empty;  // copy-assigning an empty box empties the target
    CHECK_FALSE(b.evidence);
    CHECK(b == empty);

    Link moved = std::move(a);
    CHECK(moved.evidence->references == std::vector<std::string>{"r1"});

    Boxed<Evidence> from_optional = std::optional<Evidence>(Evidence{"weak", {}});
    CHECK(from_optional->strength == "weak");
    CHECK_FALSE(Boxed<Evidence>(std::optional<Evidence>()).has_value());
}

}  // namespace tocgraph::test
