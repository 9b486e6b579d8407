#pragma once
// Likely duplicate titles (lint rule TOC112): among titles that share a
// group (the nodes of one level, the indicators of one node), the pairs whose
// titles are the same once case, spacing and punctuation are ignored, or
// whose words overlap almost entirely (Jaccard similarity of the word sets of
// at least 0.9).
//
// Not all pairs are compared. A pair with a Jaccard similarity of at least t
// shares one of the first |A| - ceil(t |A|) + 1 words of each title, the
// words ordered rarest first (prefix filtering): each title is indexed under
// those few words only, and only titles met under one of them are compared.
// With titles of a handful of words that is near-linear in the number of
// titles, sorting aside.

#include <algorithm>
#include <cstddef>
#include <map>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "../../detail/text/ascii.hpp"

namespace tocgraph::detail {

/// The distinct words of a title as ascii_words() gives them, sorted.
inline std::vector<std::string> title_words(const std::string& normalised) {
    std::vector<std::string> out;
    std::size_t at = 0;
    while (at < normalised.size()) {
        const std::size_t end = std::min(normalised.find(' ', at), normalised.size());
        out.push_back(normalised.substr(at, end - at));
        at = end + 1;
    }
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
}

/// Two titles found alike: indices into the list given, first < second,
/// and the Jaccard similarity of their words (1 for the same normalised title).
struct SimilarTitles {
    std::size_t first = 0;
    std::size_t second = 0;
    bool same = false;  ///< the same title once case, spacing and punctuation are ignored
    double similarity = 0.0;
};

inline constexpr double similar_title_threshold = 0.9;

/// The pairs of alike titles among `titles`, each title with its group;
/// titles only meet titles of the same group. Empty titles are never alike.
/// Pairs come ordered by first, then second.
inline std::vector<SimilarTitles> similar_titles(const std::vector<std::pair<std::string, std::string>>& titles) {
    struct Entry {
        std::string normalised;
        std::vector<std::size_t> words;  ///< word ids, rarest first
    };
    std::vector<Entry> entries(titles.size());
    std::map<std::string, std::size_t> word_count;
    std::vector<std::vector<std::string>> words(titles.size());
    for (std::size_t i = 0; i < titles.size(); ++i) {
        entries[i].normalised = ascii_words(titles[i].second);
        words[i] = title_words(entries[i].normalised);
        for (const std::string& w : words[i]) ++word_count[w];
    }
    // Word ids in order of rarity (then spelling), so prefixes hold rare words.
    std::vector<std::pair<std::size_t, std::string>> by_rarity;
    for (const auto& [w, count] : word_count) by_rarity.emplace_back(count, w);
    std::sort(by_rarity.begin(), by_rarity.end());
    std::map<std::string, std::size_t> word_id;
    for (std::size_t k = 0; k < by_rarity.size(); ++k) word_id[by_rarity[k].second] = k;
    for (std::size_t i = 0; i < titles.size(); ++i) {
        for (const std::string& w : words[i]) entries[i].words.push_back(word_id[w]);
        std::sort(entries[i].words.begin(), entries[i].words.end());
    }

    auto prefix_length = [](std::size_t size) {
        // size - ceil(0.9 size) + 1, in integers
        return size - (9 * size + 9) / 10 + 1;
    };
    auto jaccard = [](const std::vector<std::size_t>& a, const std::vector<std::size_t>& b) {
        std::size_t common = 0;
        for (std::size_t i = 0, j = 0; i < a.size() && j < b.size();) {
            if (a[i] == b[j]) ++common, ++i, ++j;
            else if (a[i] < b[j]) ++i;
            else ++j;
        }
        return static_cast<double>(common) / static_cast<double>(a.size() + b.size() - common);
    };

    std::vector<SimilarTitles> out;
    std::map<std::pair<std::string, std::size_t>, std::vector<std::size_t>> index;  // (group, word) -> titles
    for (std::size_t i = 0; i < titles.size(); ++i) {
        const Entry& e = entries[i];
        if (e.words.empty()) continue;
        std::vector<std::size_t> candidates;
        const std::size_t prefix = prefix_length(e.words.size());
        for (std::size_t k = 0; k < prefix; ++k) {
            auto it = index.find({titles[i].first, e.words[k]});
            if (it != index.end()) candidates.insert(candidates.end(), it->second.begin(), it->second.end());
            index[{titles[i].first, e.words[k]}].push_back(i);
        }
        std::sort(candidates.begin(), candidates.end());
        candidates.erase(std::unique(candidates.begin(), candidates.end()), candidates.end());
        for (std::size_t j : candidates) {
            const bool same = entries[j].normalised == e.normalised;
            const double similarity = same ? 1.0 : jaccard(entries[j].words, e.words);
            if (same || similarity >= similar_title_threshold - 1e-12) out.push_back({j, i, same, similarity});
        }
    }
    std::sort(out.begin(), out.end(), [](const SimilarTitles& a, const SimilarTitles& b) {
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    return out;
}

}  // namespace tocgraph::detail
