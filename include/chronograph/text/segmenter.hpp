// SPDX-License-Identifier: MIT
// Sentence splitting and tokenization: ICU break iterators over UTF-8 text plus the rules news
// text needs (abbreviations, clitics, hyphens, numbers). Produces UD-style syntactic words.
// Invariant: token spans are byte offsets into the input, in order, non-overlapping; every token
// belongs to exactly one sentence; a token's form is the text of its span.
#pragma once

#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "chronograph/text/annotated_document.hpp"

namespace chronograph::text {

/// Sentences and tokens of one text (tags, lemmas and heads left empty).
struct segmentation {
  std::vector<sentence> sentences;
  std::vector<token> tokens;
};

/// Immutable, thread-safe sentence splitter and tokenizer.
class segmenter {
 public:
  /// Loads the tables from `dir` (abbreviations.tsv, hyphen_prefixes.txt, word_splits.tsv,
  /// sentence_starters.txt); throws resource_error (file:line) when one is missing or malformed.
  static segmenter load(const std::filesystem::path& dir);
  /// Loads the tables shipped in the text stage's resource directory.
  static segmenter load_default();

  /// Splits `text` (UTF-8) into sentences and tokens. Thread-safe.
  [[nodiscard]] segmentation segment(std::string_view text) const;

  struct impl;

 private:
  std::shared_ptr<const impl> impl_;
};

}  // namespace chronograph::text
