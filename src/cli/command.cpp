// Argument parsing, help text and input helpers shared by every command.
#include "command.hpp"

#include <algorithm>
#include <cstdlib>
#include <limits>
#include <iostream>
#include <iterator>
#include <sstream>

#include <tocgraph/errors.hpp>
#include <tocgraph/json_io.hpp>

namespace tocgraph::cli {

std::optional<std::string> ParsedArgs::value(std::string_view name) const {
    auto it = options.find(name);
    if (it == options.end() || it->second.empty()) return std::nullopt;
    return it->second.back();
}

namespace {

const Option* find_long(const Command& command, std::string_view name) {
    for (const Option& o : command.options)
        if (o.name == name) return &o;
    return nullptr;
}

const Option* find_short(const Command& command, char name) {
    for (const Option& o : command.options)
        if (o.short_name != 0 && o.short_name == name) return &o;
    return nullptr;
}

}  // namespace

ParsedArgs parse_args(const Command& command, std::span<const std::string> args) {
    ParsedArgs parsed;
    bool options_done = false;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& arg = args[i];
        if (options_done || arg == "-" || arg.empty() || arg[0] != '-') {
            parsed.positional.push_back(arg);
            continue;
        }
        if (arg == "--") {
            options_done = true;
            continue;
        }
        const Option* option = nullptr;
        std::string spelled;  // as the user wrote it, for messages
        std::optional<std::string> inline_value;
        if (arg.starts_with("--")) {
            std::string_view body = std::string_view(arg).substr(2);
            if (auto eq = body.find('='); eq != std::string_view::npos) {
                inline_value = std::string(body.substr(eq + 1));
                body = body.substr(0, eq);
            }
            spelled = "--" + std::string(body);
            option = find_long(command, body);
        } else {
            spelled = arg.substr(0, 2);
            option = find_short(command, arg[1]);
            if (option && arg.size() > 2) {
                if (option->value_name.empty())
                    throw UsageError("option " + spelled + " takes no value");
                inline_value = arg.substr(2);  // -lVALUE
            }
        }
        if (!option) throw UsageError("unknown option " + spelled);
        std::vector<std::string>& values = parsed.options[std::string(option->name)];
        if (option->value_name.empty()) {
            if (inline_value) throw UsageError("option " + spelled + " takes no value");
            continue;
        }
        if (!inline_value) {
            if (i + 1 >= args.size())
                throw UsageError("option " + spelled + " needs a value (" +
                                 std::string(option->value_name) + ")");
            inline_value = args[++i];
        }
        values.push_back(std::move(*inline_value));
    }
    if (parsed.positional.size() < command.min_positional)
        throw UsageError("missing " + std::string(command.positional_name) + " argument");
    if (parsed.positional.size() > command.max_positional)
        throw UsageError("unexpected argument \"" + parsed.positional[command.max_positional] + "\"");
    return parsed;
}

std::string usage_line(const Command& command) {
    std::string line = "usage: tocgraph " + std::string(command.name);
    if (!command.synopsis.empty()) line += " " + std::string(command.synopsis);
    return line;
}

std::string command_help(const Command& command) {
    std::ostringstream out;
    out << usage_line(command) << "\n\n" << command.summary << "\n";
    if (!command.description.empty()) out << "\n" << command.description << "\n";
    std::vector<std::pair<std::string, std::string_view>> rows;
    for (const Option& o : command.options) {
        std::string left = o.short_name ? std::string("-") + o.short_name + ", " : std::string("    ");
        left += "--" + std::string(o.name);
        if (!o.value_name.empty()) left += " " + std::string(o.value_name);
        rows.emplace_back(std::move(left), o.help);
    }
    rows.emplace_back("-h, --help", "show this help and exit");
    std::size_t width = 0;
    for (const auto& row : rows) width = std::max(width, row.first.size());
    out << "\nOptions:\n";
    for (const auto& [left, help] : rows)
        out << "  " << left << std::string(width - left.size() + 2, ' ') << help << "\n";
    return out.str();
}

std::size_t input_size_limit() {
    const char* setting = std::getenv("TOCGRAPH_MAX_INPUT_SIZE");
    if (!setting || !*setting) return std::size_t{1} << 30;
    const std::string text = setting;
    std::size_t used = 0;
    unsigned long long n = 0;
    try {
        n = std::stoull(text, &used);
    } catch (const std::exception&) {
        used = 0;
    }
    const std::string suffix = used ? text.substr(used) : text;
    const int shift = suffix.empty() ? 0 : suffix == "K" ? 10 : suffix == "M" ? 20 : suffix == "G" ? 30 : -1;
    if (!used || text[0] == '-' || shift < 0 || n == 0 || n > (std::numeric_limits<std::size_t>::max() >> shift))
        throw UsageError("TOCGRAPH_MAX_INPUT_SIZE must be a positive number of bytes, optionally with K, M or G; got \"" +
                         text + "\"");
    return static_cast<std::size_t>(n) << shift;
}

TheoryOfChange load_input(const std::string& path) {
    const std::size_t limit = input_size_limit();
    if (path != "-") return tocgraph::load(path, limit);
    std::string text;
    char buffer[1 << 16];
    while (std::cin.read(buffer, sizeof buffer) || std::cin.gcount() > 0) {
        if (static_cast<std::size_t>(std::cin.gcount()) > limit - text.size())
            throw FormatError(input_name(path), "", "input is larger than " + std::to_string(limit) + " bytes");
        text.append(buffer, static_cast<std::size_t>(std::cin.gcount()));
    }
    return tocgraph::loads(text, input_name(path));
}

std::string input_name(const std::string& path) { return path == "-" ? std::string("<stdin>") : path; }

std::string count(std::size_t n, std::string_view singular, std::string_view plural) {
    std::string out = std::to_string(n) + " ";
    if (n == 1) return out + std::string(singular);
    if (!plural.empty()) return out + std::string(plural);
    std::string word(singular);
    auto vowel = [](char c) { return c == 'a' || c == 'e' || c == 'i' || c == 'o' || c == 'u'; };
    if (word.size() >= 2 && word.back() == 'y' && !vowel(word[word.size() - 2])) {
        word.back() = 'i';
        word += "es";
    } else if (word.ends_with("s") || word.ends_with("x") || word.ends_with("ch") ||
               word.ends_with("sh")) {
        word += "es";
    } else {
        word += "s";
    }
    return out + word;
}

}  // namespace tocgraph::cli
