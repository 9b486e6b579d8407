#pragma once
// RFC 4180 CSV: reading into cells that remember where they start (so errors
// name a line and column), and writing with quotes only where needed.
//
// Reading accepts UTF-8 with or without a byte order mark, CRLF or LF line
// ends, quoted fields spanning lines, and a last line without a line end.
// It refuses what would be read wrongly: a quote inside an unquoted field,
// text after a closing quote, a quoted field never closed, bytes that are not
// UTF-8. Columns are counted in characters, as the JSON reader counts them.

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "../../errors.hpp"

namespace tocgraph::detail {

struct CsvCell {
    std::string text;
    std::size_t line = 0;    ///< 1-based line where the cell starts
    std::size_t column = 0;  ///< 1-based column (in characters) where it starts
};
using CsvRow = std::vector<CsvCell>;

/// The records of a CSV text; throws FormatError naming `file`, line and column.
inline std::vector<CsvRow> parse_csv(std::string_view text, const std::string& file) {
    std::size_t i = 0;
    if (text.starts_with("\xEF\xBB\xBF")) i = 3;
    std::size_t line = 1, column = 1;
    auto fail = [&](const std::string& problem, std::size_t l, std::size_t c) {
        throw FormatError(file, "", problem, l, c);
    };
    // Advances over one character (a whole UTF-8 sequence), appending it.
    auto take = [&](std::string& out) {
        const auto c = static_cast<unsigned char>(text[i]);
        std::size_t length = c < 0x80 ? 1 : c >= 0xF0 ? 4 : c >= 0xE0 ? 3 : c >= 0xC2 ? 2 : 0;
        if (length == 0 || c > 0xF4 || i + length > text.size())
            fail("invalid UTF-8 byte", line, column);
        for (std::size_t k = 1; k < length; ++k)
            if ((static_cast<unsigned char>(text[i + k]) & 0xC0) != 0x80) fail("invalid UTF-8 byte", line, column);
        const auto second = length > 1 ? static_cast<unsigned char>(text[i + 1]) : 0;
        if ((c == 0xE0 && second < 0xA0) || (c == 0xED && second >= 0xA0) || (c == 0xF0 && second < 0x90) ||
            (c == 0xF4 && second >= 0x90))
            fail("invalid UTF-8 byte", line, column);
        out.append(text.substr(i, length));
        i += length;
        if (c == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
    };
    auto at_line_end = [&] { return i < text.size() && (text[i] == '\n' || text[i] == '\r'); };
    auto skip_line_end = [&] {
        if (text[i] == '\r') ++i;
        if (i < text.size() && text[i] == '\n') ++i;
        ++line;
        column = 1;
    };

    std::vector<CsvRow> rows;
    while (i < text.size()) {
        CsvRow row;
        while (true) {
            CsvCell cell{{}, line, column};
            if (i < text.size() && text[i] == '"') {
                const std::size_t open_line = line, open_column = column;
                ++i;
                ++column;
                while (true) {
                    if (i >= text.size())
                        fail("quoted field never closed (it starts here)", open_line, open_column);
                    if (text[i] == '"') {
                        if (i + 1 < text.size() && text[i + 1] == '"') {
                            cell.text += '"';
                            i += 2;
                            column += 2;
                            continue;
                        }
                        ++i;
                        ++column;
                        break;
                    }
                    if (text[i] == '\r' && i + 1 < text.size() && text[i + 1] == '\n') {
                        cell.text += "\r\n";
                        i += 2;
                        ++line;
                        column = 1;
                        continue;
                    }
                    take(cell.text);
                }
                if (i < text.size() && text[i] != ',' && !at_line_end())
                    fail("unexpected text after a closing quote; double a quote inside a quoted field",
                         line, column);
            } else {
                while (i < text.size() && text[i] != ',' && !at_line_end()) {
                    if (text[i] == '"')
                        fail("quote inside an unquoted field; quote the whole field and double the quote",
                             line, column);
                    take(cell.text);
                }
            }
            row.push_back(std::move(cell));
            if (i < text.size() && text[i] == ',') {
                ++i;
                ++column;
                continue;
            }
            break;
        }
        if (i < text.size()) skip_line_end();
        rows.push_back(std::move(row));
    }
    return rows;
}

/// A field as RFC 4180 writes it: quoted when it holds a comma, a quote, a
/// line end or surrounding spaces.
inline std::string csv_field(std::string_view text) {
    const bool quote = text.find_first_of(",\"\r\n") != std::string_view::npos ||
                       (!text.empty() && (text.front() == ' ' || text.back() == ' '));
    if (!quote) return std::string(text);
    std::string out = "\"";
    for (char c : text) {
        if (c == '"') out += '"';
        out += c;
    }
    return out + "\"";
}

/// Rows as CSV text with CRLF line ends (RFC 4180), optionally with a BOM.
inline std::string write_csv(const std::vector<std::vector<std::string>>& rows, bool bom = false) {
    std::string out = bom ? "\xEF\xBB\xBF" : "";
    for (const auto& row : rows) {
        for (std::size_t k = 0; k < row.size(); ++k) {
            if (k > 0) out += ',';
            out += csv_field(row[k]);
        }
        out += "\r\n";
    }
    return out;
}

}  // namespace tocgraph::detail
