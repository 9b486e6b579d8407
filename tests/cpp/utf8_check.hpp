#pragma once
// Whether text is UTF-8 by its structure: each lead byte followed by as many
// continuation bytes as it announces. Written apart from the library's own
// decoder, so that the tests and fuzz harnesses that check the library's
// messages with it do not take the library's word for it.

#include <cstddef>
#include <string_view>

namespace tocgraph::test {

inline bool valid_utf8(std::string_view s) {
    for (std::size_t i = 0; i < s.size();) {
        const auto c = static_cast<unsigned char>(s[i]);
        const std::size_t n = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        for (std::size_t k = 1; k < n; ++k)
            if ((static_cast<unsigned char>(s[i + k]) & 0xC0) != 0x80) return false;
        i += n;
    }
    return true;
}

}  // namespace tocgraph::test
