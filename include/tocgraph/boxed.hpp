#pragma once
// Boxed<T>: an optional T kept on the heap. For members most elements leave
// unset (a link's evidence, an activity's budget): an empty Boxed costs one
// pointer where std::optional<T> would cost the whole T, and a ToC holds a
// million nodes and two million links. It reads like std::optional — `if
// (link.evidence)`, `link.evidence->strength`, `link.evidence = Evidence{...}`,
// `= std::nullopt`, `emplace()`, `value()` — and copies and compares by value.

#include <memory>
#include <optional>
#include <utility>

namespace tocgraph {

template <typename T>
class Boxed {
public:
    using value_type = T;

    Boxed() noexcept = default;
    Boxed(std::nullopt_t) noexcept {}
    Boxed(T value) : box_(std::make_unique<T>(std::move(value))) {}
    Boxed(const std::optional<T>& value) : box_(value ? std::make_unique<T>(*value) : nullptr) {}
    Boxed(const Boxed& other) : box_(other.box_ ? std::make_unique<T>(*other.box_) : nullptr) {}
    Boxed(Boxed&&) noexcept = default;

    Boxed& operator=(const Boxed& other) {
        if (this != &other) *this = other.box_ ? Boxed(*other.box_) : Boxed();
        return *this;
    }
    Boxed& operator=(Boxed&&) noexcept = default;
    Boxed& operator=(std::nullopt_t) noexcept {
        box_.reset();
        return *this;
    }
    Boxed& operator=(T value) {
        if (box_)
            *box_ = std::move(value);
        else
            box_ = std::make_unique<T>(std::move(value));
        return *this;
    }

    bool has_value() const noexcept { return box_ != nullptr; }
    explicit operator bool() const noexcept { return has_value(); }

    T& operator*() noexcept { return *box_; }
    const T& operator*() const noexcept { return *box_; }
    T* operator->() noexcept { return box_.get(); }
    const T* operator->() const noexcept { return box_.get(); }

    /// The value; std::bad_optional_access when there is none, as std::optional.
    T& value() {
        if (!box_) throw std::bad_optional_access();
        return *box_;
    }
    const T& value() const {
        if (!box_) throw std::bad_optional_access();
        return *box_;
    }
    template <typename U>
    T value_or(U&& fallback) const {
        return box_ ? *box_ : static_cast<T>(std::forward<U>(fallback));
    }

    template <typename... Args>
    T& emplace(Args&&... args) {
        box_ = std::make_unique<T>(std::forward<Args>(args)...);
        return *box_;
    }
    void reset() noexcept { box_.reset(); }

    friend bool operator==(const Boxed& a, const Boxed& b) {
        return a.has_value() == b.has_value() && (!a.has_value() || *a == *b);
    }
    friend bool operator==(const Boxed& a, const T& b) { return a.has_value() && *a == b; }
    friend bool operator==(const Boxed& a, std::nullopt_t) noexcept { return !a.has_value(); }

private:
    std::unique_ptr<T> box_;
};

}  // namespace tocgraph
