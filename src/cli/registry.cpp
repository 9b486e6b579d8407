// The list of commands `tocgraph` knows, in the order its help shows them.
#include <algorithm>
#include <array>

#include "command.hpp"

namespace tocgraph::cli {

std::span<const Command* const> commands() {
    static const std::array<const Command*, 14> all = {
        &analyze_command(),
        &check_command(),
        &convert_command(),
        &diff_command(),
        &export_iati_command(),
        &feedback_command(),
        &import_iati_command(),
        &merge_command(),
        &portfolio_command(),
        &progress_command(),
        &render_command(),
        &report_command(),
        &show_command(),
        &simulate_command(),
    };
    return all;
}

const Command* find_command(std::string_view name) {
    const auto all = commands();
    auto it = std::ranges::find_if(all, [&](const Command* c) { return c->name == name; });
    return it == all.end() ? nullptr : *it;
}

}  // namespace tocgraph::cli
