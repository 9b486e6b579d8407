#pragma once
// A theory of change shared between Python threads.
//
// The contract: any number of threads may query one TheoryOfChange at once;
// an edit waits until the running queries are done, and queries wait for a
// running edit; each call is atomic, a sequence of calls is not.
//
// The compiled class holds the C++ TheoryOfChange with a reader-writer lock
// that prefers writers (a steady stream of queries does not starve an edit).
// Queries release the GIL for their C++ work, so the lock is what keeps an
// edit out meanwhile. Every binding that reads or edits a ToC goes through
// read() or edit() below, which follow one protocol that cannot deadlock with
// the GIL:
//
//   never block on the lock while holding the GIL: try it first; if it is
//   taken, release the GIL, block, and take the GIL back;
//   read:  shared lock -> release the GIL -> C++ work -> take the GIL ->
//          convert the result to Python -> unlock
//   edit:  exclusive lock, the GIL held through the (short) change
//   several ToCs (diff, merge): locked in address order, each once.
//
// A thread that already holds a ToC's lock (a finaliser run by the garbage
// collector in the middle of a query, say) reads it again without waiting; an
// edit from inside a query of the same ToC raises RuntimeError instead of
// waiting for itself.

#include <algorithm>
#include <cstdint>
#include <type_traits>
#if defined(__GLIBCXX__)
#include <cxxabi.h>
#endif
#include <condition_variable>
#include <memory>
#include <mutex>
#include <utility>
#include <vector>

#include "casters.hpp"

namespace tocgraph::python {

/// Runs `work` with the GIL released and takes the GIL back afterwards: every
/// long C++ call of the bindings goes through here. Deliberately not an RAII
/// guard: at interpreter exit, taking the GIL back ends a daemon thread by
/// unwinding its stack, and that unwinding must not start in a destructor (a
/// noexcept context, where it would abort the whole process).
template <typename Work>
auto without_gil(Work&& work) {
    PyThreadState* state = PyEval_SaveThread();
    using Result = decltype(work());
    try {
        if constexpr (std::is_void_v<Result>) {
            work();
            PyEval_RestoreThread(state);
        } else {
            Result result = work();
            PyEval_RestoreThread(state);
            return result;
        }
#if defined(__GLIBCXX__)
    } catch (abi::__forced_unwind&) {  // the thread is ending: let it
        throw;
#endif
    } catch (...) {
        PyEval_RestoreThread(state);
        throw;
    }
}

/// A reader-writer lock that prefers writers: once a writer waits, new readers wait too.
class RwLock {
public:
    bool try_lock_shared() {
        std::lock_guard<std::mutex> guard(mutex_);
        if (writer_ || waiting_writers_) return false;
        ++readers_;
        return true;
    }
    void lock_shared() {
        std::unique_lock<std::mutex> guard(mutex_);
        readers_may_enter_.wait(guard, [&] { return !writer_ && !waiting_writers_; });
        ++readers_;
    }
    void unlock_shared() {
        std::lock_guard<std::mutex> guard(mutex_);
        if (--readers_ == 0 && waiting_writers_) writer_may_enter_.notify_one();
    }
    bool try_lock() {
        std::lock_guard<std::mutex> guard(mutex_);
        if (writer_ || readers_) return false;
        writer_ = true;
        return true;
    }
    void lock() {
        std::unique_lock<std::mutex> guard(mutex_);
        ++waiting_writers_;
        writer_may_enter_.wait(guard, [&] { return !writer_ && !readers_; });
        --waiting_writers_;
        writer_ = true;
    }
    void unlock() {
        std::lock_guard<std::mutex> guard(mutex_);
        writer_ = false;
        if (waiting_writers_)
            writer_may_enter_.notify_one();
        else
            readers_may_enter_.notify_all();
    }

private:
    std::mutex mutex_;
    std::condition_variable readers_may_enter_, writer_may_enter_;
    std::size_t readers_ = 0, waiting_writers_ = 0;
    bool writer_ = false;
};

/// The Python strings of a ToC's node ids by vertex, each made on first use
/// and kept while the nodes stay the same (TheoryOfChange::generation), so a
/// query that returns k ids costs k new references, not k new strings, as a
/// graph library that keeps its names as Python objects. Used with the GIL
/// and the ToC's read lock held: no edit can run meanwhile, and the slots are
/// only reallocated when the generation moved, which needs an edit.
class IdStrings {
public:
    py::object of(const TheoryOfChange& toc, std::size_t v) {
        if (generation_ != toc.generation() || slots_.size() != toc.node_count()) {
            std::vector<py::object> fresh(toc.node_count());
            slots_.swap(fresh);  // the old strings go with `fresh`
            generation_ = toc.generation();
        }
        py::object& slot = slots_[v];
        if (!slot) slot = text(toc.id_of(v));
        return slot;
    }

private:
    std::uint64_t generation_ = 0;
    std::vector<py::object> slots_;
};

/// What the Python class tocgraph._core.model.TheoryOfChange holds.
struct SharedToc {
    SharedToc() = default;
    explicit SharedToc(TheoryOfChange t) : toc(std::move(t)) {}
    TheoryOfChange toc;
    mutable RwLock lock;
    mutable IdStrings ids;
};

/// Holds the locks of one or more ToCs for a scope (see the top of this file).
class TocLock {
public:
    enum Mode { shared, exclusive };

    TocLock(std::vector<const SharedToc*> tocs, Mode mode) : mode_(mode) {
        std::sort(tocs.begin(), tocs.end());
        tocs.erase(std::unique(tocs.begin(), tocs.end()), tocs.end());
        try {
            for (const SharedToc* toc : tocs) acquire(toc->lock);
        } catch (...) {
            release();
            throw;
        }
    }
    ~TocLock() { release(); }
    TocLock(const TocLock&) = delete;
    TocLock& operator=(const TocLock&) = delete;

private:
    struct Held {
        RwLock* lock;
        Mode mode;
    };
    /// The locks this thread holds, innermost last.
    static std::vector<Held>& held() {
        thread_local std::vector<Held> locks;
        return locks;
    }

    void acquire(RwLock& lock) {
        for (const Held& h : held())
            if (h.lock == &lock) {
                if (mode_ == exclusive && h.mode == shared)
                    throw std::runtime_error("cannot edit a TheoryOfChange while this thread is reading it");
                return;  // already ours: nothing to take or to give back
            }
        const bool taken = mode_ == exclusive ? lock.try_lock() : lock.try_lock_shared();
        if (!taken) without_gil([&] { mode_ == exclusive ? lock.lock() : lock.lock_shared(); });
        held().push_back({&lock, mode_});
        mine_.push_back(&lock);
    }
    void release() {
        for (auto it = mine_.rbegin(); it != mine_.rend(); ++it) {
            mode_ == exclusive ? (*it)->unlock() : (*it)->unlock_shared();
            auto& locks = held();
            locks.erase(std::find_if(locks.begin(), locks.end(), [&](const Held& h) { return h.lock == *it; }));
        }
        mine_.clear();
    }

    Mode mode_;
    std::vector<RwLock*> mine_;
};

/// Runs `work(const TheoryOfChange&...)` on the read-locked ToCs with the GIL
/// released. Its result must not refer into the ToCs: pybind11 converts it
/// after the locks are gone.
template <typename Work, typename... Tocs>
auto read_all(Work&& work, const Tocs&... tocs) {
    TocLock lock({&tocs...}, TocLock::shared);
    return without_gil([&] { return work(tocs.toc...); });
}
template <typename Work>
auto read(const SharedToc& toc, Work&& work) {
    return read_all(std::forward<Work>(work), toc);
}
/// The same over a list of ToCs (IATI writes several into one file).
template <typename Work>
auto read_many(const std::vector<const SharedToc*>& tocs, Work&& work) {
    TocLock lock(tocs, TocLock::shared);
    std::vector<const TheoryOfChange*> models;
    for (const SharedToc* t : tocs) models.push_back(&t->toc);
    return without_gil([&] { return work(models); });
}
/// The same, then `convert(result, toc)` (the SharedToc) with the GIL taken
/// back and the lock still held, for results that refer into the ToC (ids of
/// vertices: `toc.ids`).
template <typename Work, typename Convert>
py::object read(const SharedToc& toc, Work&& work, Convert&& convert) {
    TocLock lock({&toc}, TocLock::shared);
    auto result = without_gil([&] { return work(toc.toc); });
    return convert(result, toc);
}
/// Runs `change(TheoryOfChange&)` with the ToC locked exclusively and the GIL held.
template <typename Change>
auto edit(SharedToc& toc, Change&& change) {
    TocLock lock({&toc}, TocLock::exclusive);
    return change(toc.toc);
}

/// The callable tocgraph._registry sets: it wraps a compiled ToC in the
/// public class. Never destroyed, as it must not outlive the interpreter.
inline py::object& public_toc() {
    static auto* wrap = new py::object();
    return *wrap;
}

/// A new ToC for Python, wrapped in the public class once that is registered.
inline py::object new_toc(TheoryOfChange&& toc) {
    py::object core = py::cast(std::make_unique<SharedToc>(std::move(toc)));
    return public_toc() ? public_toc()(core) : core;
}

}  // namespace tocgraph::python
