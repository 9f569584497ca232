// SPDX-License-Identifier: MIT
// The text stage's output: sentences and tokens with tags, lemmas and dependency heads.
// Invariant: tokens are in text order, do not overlap, and every token belongs to exactly one
// sentence; sentence token ranges are contiguous and cover all tokens.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include "chronograph/types.hpp"

namespace chronograph::text {

/// Universal POS tags (UD v2). `unknown` until a tagger has run.
enum class upos : std::uint8_t {
  unknown, adj, adp, adv, aux, cconj, det, intj, noun, num, part, pron, propn, punct, sconj, sym, verb, x
};
[[nodiscard]] const char* to_string(upos tag) noexcept;
[[nodiscard]] upos upos_from_string(std::string_view name) noexcept;  ///< "NOUN" -> noun; else unknown

struct token {
  byte_span span;           ///< into document::text
  std::string form;         ///< surface form; for split words ("do"+"n't") the syntactic word
  upos tag = upos::unknown;
  std::string xpos;         ///< Penn Treebank tag ("VBD"), empty until tagged
  std::string lemma;        ///< empty until lemmatized
  int head = -1;            ///< sentence-relative token index of the head; -1 = root or unparsed
  std::string deprel;       ///< UD relation ("nsubj", "obl:tmod"); empty until parsed
};

struct sentence {
  byte_span span;
  std::size_t first_token = 0;  ///< index into annotated_document::tokens
  std::size_t end_token = 0;    ///< one past the last
  [[nodiscard]] std::size_t size() const noexcept { return end_token - first_token; }
};

struct annotated_document {
  document doc;
  std::vector<sentence> sentences;
  std::vector<token> tokens;
  /// Index of the sentence holding a byte offset (binary search); sentences.size() if none.
  [[nodiscard]] std::size_t sentence_at(std::size_t byte_offset) const noexcept;
};

}  // namespace chronograph::text
