// SPDX-License-Identifier: MIT
// How event_graph::resolve() matches words, shared with the story store's query index (which
// keeps the same word index in SQLite rather than in memory), so that both rank the same
// events the same way.
// Invariant: a word is a maximal run of ASCII letters and digits (lower-cased) and non-ASCII
// bytes; index words of events are compared with query words byte-wise (std::string order).
#pragma once

#include <algorithm>
#include <array>
#include <cmath>
#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "chronograph/graph/event_graph.hpp"

namespace chronograph::graph::detail {

/// Calls `take(word)` (a std::string_view) for each lower-case word of ASCII letters and digits
/// in `text`; other bytes (punctuation, UTF-8 sequences of non-ASCII letters) separate words,
/// except that non-ASCII bytes are kept inside words so that "Zürich" stays one word. `word` is
/// the caller's buffer for words that need lower-casing (so that indexing a big story does not
/// allocate per word); a word already in lower case is passed as a view of `text`.
template <class Take>
void for_each_word(std::string_view text, std::string& word, Take&& take) {
  // Per byte: 0 separates words, 1 is kept as it is, 2 is an upper-case ASCII letter.
  static constexpr auto kind = [] {
    std::array<unsigned char, 256> k{};
    for (int c = 0; c < 256; ++c)
      k[static_cast<std::size_t>(c)] = (c >= 'A' && c <= 'Z') ? 2
                                       : ((c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c >= 0x80) ? 1
                                                                                                            : 0;
    return k;
  }();
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && kind[static_cast<unsigned char>(text[i])] == 0) ++i;
    if (i == text.size()) break;
    const std::size_t begin = i;
    unsigned char seen = 0;
    for (; i < text.size(); ++i) {
      const auto k = kind[static_cast<unsigned char>(text[i])];
      if (k == 0) break;
      seen |= k;
    }
    const bool upper = (seen & 2) != 0;
    const auto w = text.substr(begin, i - begin);
    if (!upper) {
      take(w);
      continue;
    }
    word.assign(w.data(), w.size());
    for (char& c : word)
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');  // ASCII only, whatever the locale
    take(std::string_view(word));
  }
  word.clear();
}

/// The distinct words of a reference, sorted.
[[nodiscard]] inline std::vector<std::string> query_words(std::string_view reference) {
  std::vector<std::string> out;
  std::string word;
  for_each_word(reference, word, [&](std::string_view w) { out.emplace_back(w); });
  std::sort(out.begin(), out.end());
  out.erase(std::unique(out.begin(), out.end()), out.end());
  return out;
}

/// How well a query word matches an event word: 1 exact, 0.8 when one is a prefix of the other
/// and the shorter has at least 4 letters ("tariff"/"tariffs", "retaliat"/"retaliation").
[[nodiscard]] inline double word_match(std::string_view query, std::string_view word) noexcept {
  if (query == word) return 1.0;
  const auto& shorter = query.size() < word.size() ? query : word;
  const auto& longer = query.size() < word.size() ? word : query;
  if (shorter.size() >= 4 && longer.compare(0, shorter.size(), shorter) == 0) return 0.8;
  return 0.0;
}

/// The word matching of event_graph::resolve over any word index:
/// - `lookup(q, take)` calls `take(word, events)` for every index word that starts with the
///   query word q, in ascending order, then for each prefix of q of 4 letters or more (shortest
///   first, q itself excluded) that is an index word; `events` lists the vertices (< vertices)
///   of the events having that word, ascending;
/// - `events` is the number of events in the story (for the inverse frequency of a word);
/// - `prepare(found)` is called once with the matching events (a std::vector<std::size_t> of
///   vertices, in no particular order) before they are ranked: for callers that read ids and
///   labels from storage;
/// - `salience(v)`, `id(v)` and `label(v)` describe vertex v (for the ranking and the candidates;
///   id and label give a std::string or std::string_view).
/// Returns every matching event, best first (score, then salience, then id).
template <class Lookup, class Prepare, class Salience, class Id, class Label>
resolution resolve_words(const std::vector<std::string>& query, std::size_t events, std::size_t vertices,
                         Lookup&& lookup, Prepare&& prepare, Salience&& salience, Id&& id, Label&& label) {
  resolution out;
  if (query.empty() || events == 0) return out;
  // For each query word, the best match per event; words that occur in many events weigh less
  // (inverse document frequency). Scores live in arrays indexed by vertex; `matched` and
  // `scored_events` list the touched ones.
  const double n = static_cast<double>(events);
  std::vector<double> score_of(vertices, 0.0), best(vertices, 0.0);
  std::vector<std::size_t> scored_events, matched;
  double total = 0;
  for (const auto& q : query) {
    lookup(q, [&](std::string_view word, const auto& postings) {
      const double m = word_match(q, word);
      if (m <= 0) return;
      for (const auto v : postings) {
        const auto vertex = static_cast<std::size_t>(v);
        if (best[vertex] == 0) matched.push_back(vertex);
        best[vertex] = std::max(best[vertex], m);
      }
    });
    const double weight = std::log((n + 1.0) / (static_cast<double>(matched.size()) + 0.5));
    total += weight;
    for (const auto v : matched) {
      if (score_of[v] == 0) scored_events.push_back(v);  // weights and matches are > 0
      score_of[v] += weight * best[v];
      best[v] = 0;
    }
    matched.clear();
  }
  if (total <= 0) total = 1;

  struct scored {
    std::size_t v;
    double score;
  };
  std::vector<scored> found;
  for (const auto v : scored_events)
    if (score_of[v] > 0) found.push_back({v, std::min(1.0, score_of[v] / total)});
  {
    std::vector<std::size_t> vertices_found;
    vertices_found.reserve(found.size());
    for (const auto& f : found) vertices_found.push_back(f.v);
    prepare(vertices_found);
  }
  std::sort(found.begin(), found.end(), [&](const scored& a, const scored& b) {
    if (a.score != b.score) return a.score > b.score;  // exact: a comparator must be a strict weak order
    const double sa = salience(a.v), sb = salience(b.v);
    if (sa != sb) return sa > sb;
    return id(a.v) < id(b.v);
  });
  out.candidates.reserve(found.size());
  for (const auto& f : found) out.candidates.push_back(candidate{std::string(id(f.v)), std::string(label(f.v)), f.score});
  if (!out.candidates.empty()) out.best = out.candidates.front().id;
  return out;
}

}  // namespace chronograph::graph::detail
