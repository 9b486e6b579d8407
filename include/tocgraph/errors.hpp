#pragma once
// The exceptions tocgraph throws. Every error carries enough context to find
// the problem: FormatError names the file, the JSON pointer and, for syntax
// errors, the line and column; ModelError names the offending id.

#include <cstddef>
#include <stdexcept>
#include <string>

namespace tocgraph {

/// Base of every exception thrown by tocgraph.
class Error : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

/// A request that would break the model's integrity: a duplicate id, a link
/// to an unknown node, a value out of range. Raised by TheoryOfChange edits.
class ModelError : public Error {
public:
    ModelError(std::string id, const std::string& message)
        : Error(message), id_(std::move(id)) {}
    /// The id the error concerns (may be empty).
    const std::string& id() const noexcept { return id_; }

private:
    std::string id_;
};

/// Bad input in a file or a string being read. what() reads
/// "<file>:<line>:<column>: <pointer>: <problem>", leaving out the parts that
/// are unknown (line and column are known for syntax errors only), on one
/// line: control characters in it are written \xNN.
class FormatError : public Error {
public:
    FormatError(std::string file, std::string pointer, std::string problem,
                std::size_t line = 0, std::size_t column = 0)
        : Error(compose(file, pointer, problem, line, column)),
          file_(std::move(file)), pointer_(std::move(pointer)),
          problem_(std::move(problem)), line_(line), column_(column) {}

    /// The file name, or "<string>" when reading from memory.
    const std::string& file() const noexcept { return file_; }
    /// RFC 6901 JSON pointer of the offending value ("" for the document).
    const std::string& pointer() const noexcept { return pointer_; }
    /// What is wrong, without the location.
    const std::string& problem() const noexcept { return problem_; }
    /// 1-based line, or 0 when unknown.
    std::size_t line() const noexcept { return line_; }
    /// 1-based column, or 0 when unknown.
    std::size_t column() const noexcept { return column_; }

    /// The same error attributed to another file name.
    FormatError in_file(std::string file) const {
        return FormatError(std::move(file), pointer_, problem_, line_, column_);
    }

private:
    static std::string compose(const std::string& file, const std::string& pointer,
                               const std::string& problem, std::size_t line,
                               std::size_t column) {
        std::string out = file.empty() ? std::string("<string>") : file;
        if (line > 0) {
            out += ':' + std::to_string(line);
            if (column > 0) out += ':' + std::to_string(column);
        }
        out += ": ";
        if (!pointer.empty()) out += pointer + ": ";
        out += problem;
        return one_line(std::move(out));
    }
    // Problems quote the input (a cell, an attribute value, a member name)
    // and pointers hold member names, so a newline or other control
    // character there would split the message or hide part of it: show each
    // as \xNN. problem() and pointer() keep the exact text.
    static std::string one_line(std::string text) {
        static constexpr char hex[] = "0123456789ABCDEF";
        std::string out;
        for (char c : text) {
            const auto u = static_cast<unsigned char>(c);
            if (u < 0x20 || u == 0x7F) {
                out += "\\x";
                out += hex[u >> 4];
                out += hex[u & 0xF];
            } else {
                out += c;
            }
        }
        return out;
    }

    std::string file_;
    std::string pointer_;
    std::string problem_;
    std::size_t line_;
    std::size_t column_;
};

}  // namespace tocgraph
