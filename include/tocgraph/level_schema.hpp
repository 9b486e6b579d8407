#pragma once
// The ordered result levels of a theory of change, top (goal) first.
// Built-in schemas cover the vocabularies programmes use; a file may declare
// its own.

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "enums.hpp"
#include "errors.hpp"

namespace tocgraph {

struct Level {
    std::string id;     ///< what nodes write in "level", e.g. "immediate_outcome"
    std::string label;  ///< how reports print it, e.g. "Immediate outcome"
    LevelRole role = LevelRole::outcome;
    friend bool operator==(const Level&, const Level&) = default;
};

class LevelSchema {
public:
    /// A schema from levels listed top first. Throws ModelError on an empty
    /// list, an empty or repeated level id.
    LevelSchema(std::string name, std::vector<Level> levels)
        : name_(std::move(name)), levels_(std::move(levels)) {
        if (levels_.empty()) throw ModelError(name_, "level schema \"" + name_ + "\" has no levels");
        for (std::size_t i = 0; i < levels_.size(); ++i) {
            if (levels_[i].id.empty())
                throw ModelError(name_, "level schema \"" + name_ + "\": level " +
                                            std::to_string(i) + " has an empty id");
            for (std::size_t j = 0; j < i; ++j)
                if (levels_[j].id == levels_[i].id)
                    throw ModelError(levels_[i].id, "level schema \"" + name_ +
                                                        "\" repeats level \"" + levels_[i].id + "\"");
        }
    }

    /// goal > pathway > end_of_program_outcome > intermediate_outcome >
    /// immediate_outcome > output > activity (the vocabulary of the ASEAN-ACT ToC).
    static LevelSchema theory_of_change() {
        return LevelSchema("theory_of_change",
                           {{"goal", "Goal", LevelRole::goal},
                            {"pathway", "Pathway", LevelRole::pathway},
                            {"end_of_program_outcome", "End-of-program outcome", LevelRole::outcome},
                            {"intermediate_outcome", "Intermediate outcome", LevelRole::outcome},
                            {"immediate_outcome", "Immediate outcome", LevelRole::outcome},
                            {"output", "Output", LevelRole::output},
                            {"activity", "Activity", LevelRole::activity}});
    }
    /// goal > purpose > output > activity (the classic logical framework).
    static LevelSchema logframe() {
        return LevelSchema("logframe", {{"goal", "Goal", LevelRole::goal},
                                        {"purpose", "Purpose", LevelRole::outcome},
                                        {"output", "Output", LevelRole::output},
                                        {"activity", "Activity", LevelRole::activity}});
    }
    /// impact > outcome > output > activity > input (OECD DAC results chain).
    static LevelSchema oecd_results_chain() {
        return LevelSchema("oecd_results_chain", {{"impact", "Impact", LevelRole::goal},
                                                  {"outcome", "Outcome", LevelRole::outcome},
                                                  {"output", "Output", LevelRole::output},
                                                  {"activity", "Activity", LevelRole::activity},
                                                  {"input", "Input", LevelRole::input}});
    }
    /// goal > development_objective > intermediate_result > sub_intermediate_result
    /// > activity (USAID results framework).
    static LevelSchema usaid_results_framework() {
        return LevelSchema(
            "usaid_results_framework",
            {{"goal", "Goal", LevelRole::goal},
             {"development_objective", "Development objective", LevelRole::outcome},
             {"intermediate_result", "Intermediate result", LevelRole::outcome},
             {"sub_intermediate_result", "Sub-intermediate result", LevelRole::output},
             {"activity", "Activity", LevelRole::activity}});
    }

    /// impact > outcome > output > other > activity: the IATI ResultType
    /// codes (3 impact, 2 outcome, 1 output, 9 other) above the activity that
    /// reports them. "other" sits just above the activity, since IATI says
    /// nothing of where such results stand.
    static LevelSchema iati() {
        return LevelSchema("iati", {{"impact", "Impact", LevelRole::goal},
                                    {"outcome", "Outcome", LevelRole::outcome},
                                    {"output", "Output", LevelRole::output},
                                    {"other", "Other result", LevelRole::outcome},
                                    {"activity", "Activity", LevelRole::activity}});
    }

    /// The names of the built-in schemas, in the order above.
    static std::vector<std::string> builtin_names() {
        return {"theory_of_change", "logframe", "oecd_results_chain", "usaid_results_framework", "iati"};
    }
    /// A built-in schema by name, or nullopt.
    static std::optional<LevelSchema> builtin(std::string_view name) {
        if (name == "theory_of_change") return theory_of_change();
        if (name == "logframe") return logframe();
        if (name == "oecd_results_chain") return oecd_results_chain();
        if (name == "usaid_results_framework") return usaid_results_framework();
        if (name == "iati") return iati();
        return std::nullopt;
    }

    const std::string& name() const noexcept { return name_; }
    const std::vector<Level>& levels() const noexcept { return levels_; }
    std::size_t size() const noexcept { return levels_.size(); }

    /// 0 for the top level, increasing downwards; nullopt for an unknown id.
    std::optional<std::size_t> rank(std::string_view level_id) const {
        for (std::size_t i = 0; i < levels_.size(); ++i)
            if (levels_[i].id == level_id) return i;
        return std::nullopt;
    }
    bool contains(std::string_view level_id) const { return rank(level_id).has_value(); }
    /// The level with this id; throws ModelError if there is none.
    const Level& level(std::string_view level_id) const {
        if (auto r = rank(level_id)) return levels_[*r];
        throw ModelError(std::string(level_id), "unknown level \"" + std::string(level_id) +
                                                    "\"; schema \"" + name_ + "\" has " + choices());
    }
    /// True if this schema equals the built-in schema of the same name, so a
    /// file can name it instead of spelling it out.
    bool is_builtin() const {
        auto b = builtin(name_);
        return b && *b == *this;
    }
    /// "goal, pathway, ... or activity" for error messages.
    std::string choices() const {
        std::string out;
        for (std::size_t i = 0; i < levels_.size(); ++i) {
            if (i > 0) out += (i + 1 == levels_.size()) ? " or " : ", ";
            out += '"' + levels_[i].id + '"';
        }
        return out;
    }

    friend bool operator==(const LevelSchema&, const LevelSchema&) = default;

private:
    std::string name_;
    std::vector<Level> levels_;
};

}  // namespace tocgraph
