// SPDX-License-Identifier: MIT
#include "chronograph/text/annotated_document.hpp"

#include <algorithm>
#include <array>

namespace chronograph::text {

namespace {
constexpr std::array<const char*, 18> upos_names = {"_",    "ADJ",  "ADP",   "ADV",  "AUX",   "CCONJ",
                                                     "DET",  "INTJ", "NOUN",  "NUM",  "PART",  "PRON",
                                                     "PROPN", "PUNCT", "SCONJ", "SYM", "VERB", "X"};
}  // namespace

const char* to_string(upos tag) noexcept {
  const auto index = static_cast<std::size_t>(tag);
  return index < upos_names.size() ? upos_names[index] : "_";
}

upos upos_from_string(std::string_view name) noexcept {
  for (std::size_t i = 1; i < upos_names.size(); ++i)
    if (name == upos_names[i]) return static_cast<upos>(i);
  return upos::unknown;
}

std::size_t annotated_document::sentence_at(std::size_t byte_offset) const noexcept {
  // First sentence whose end lies beyond the offset; it holds the offset if it begins at or before it.
  const auto it = std::upper_bound(sentences.begin(), sentences.end(), byte_offset,
                                   [](std::size_t offset, const sentence& s) { return offset < s.span.end; });
  if (it == sentences.end() || it->span.begin > byte_offset) return sentences.size();
  return static_cast<std::size_t>(it - sentences.begin());
}

}  // namespace chronograph::text
