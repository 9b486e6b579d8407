#pragma once
// A struct described field by field, once: `Described<T>::fields` lists its
// members in order, each with its name and one line saying what it holds.
// Whatever shows a T to the outside world reads that list instead of naming the
// members again: the JSON of monitoring and coverage results
// (detail/json/described_fields.hpp) and the Python classes of the bindings
// (Struct<T>::described_fields) both do, so a member added to a result is added
// in one place.
//
//   template <> struct Described<RollupInput> {
//       static constexpr std::tuple fields{
//           Field{"id", &RollupInput::id, "Indicator id or contributing node id."}, ...};
//   };
//   for_each_field<RollupInput>([&](const auto& f) { use(f.name, value.*f.member); });

#include <tuple>
#include <utility>

namespace tocgraph {

/// One member of T: its name, a pointer to it and what it holds. The strings
/// are literals, so they live as long as the program.
template <typename T, typename M>
struct Field {
    const char* name;
    M T::*member;
    const char* doc;
};

template <typename T, typename M>
Field(const char*, M T::*, const char*) -> Field<T, M>;

/// Specialised for each described struct: `static constexpr std::tuple fields{Field{...}, ...};`.
template <typename T>
struct Described;

template <typename T>
concept described = requires { Described<T>::fields; };

/// Calls `visit(field)` for every field of T, in order.
template <described T, typename Visit>
constexpr void for_each_field(Visit&& visit) {
    std::apply([&](const auto&... field) { (visit(field), ...); }, Described<T>::fields);
}

}  // namespace tocgraph
