// SPDX-License-Identifier: MIT
// CoNLL-U (Universal Dependencies) reading, for training and evaluation, and writing, for
// `chronograph tag`. Reading keeps syntactic words only; multiword tokens ("don't" = do + n't)
// are recorded as ranges so that raw-text evaluation can recover surface spans.
#pragma once

#include <filesystem>
#include <string>
#include <string_view>
#include <vector>

#include "chronograph/text/annotated_document.hpp"

namespace chronograph::text {

/// One syntactic word of a CoNLL-U sentence (empty nodes "8.1" are skipped).
struct conllu_word {
  std::string form;
  std::string lemma;
  std::string upos;
  std::string xpos;
  int head = -1;        ///< 0-based index of the head word in the sentence, -1 for the root
  std::string deprel;   ///< e.g. "nsubj", "obl:tmod"
  bool space_after = true;
};

/// A multiword token: words [first, last] (0-based, inclusive) written as `form` in the text.
struct conllu_multiword {
  std::size_t first = 0;
  std::size_t last = 0;
  std::string form;
  bool space_after = true;
};

struct conllu_sentence {
  std::string id;          ///< "# sent_id"
  std::string text;        ///< "# text"
  bool new_document = false;   ///< "# newdoc" precedes it
  bool new_paragraph = false;  ///< "# newpar" precedes it (or newdoc)
  std::vector<conllu_word> words;
  std::vector<conllu_multiword> multiwords;
};

/// Parses CoNLL-U text; `name` is used in error messages. Throws input_error (name:line) on
/// malformed lines.
[[nodiscard]] std::vector<conllu_sentence> parse_conllu(std::string_view content, std::string_view name);

/// Reads a CoNLL-U file; throws io_error when unreadable, input_error when malformed.
[[nodiscard]] std::vector<conllu_sentence> read_conllu(const std::filesystem::path& path);

/// Writes an analysed document as CoNLL-U (one block per sentence, "# sent_id = <doc>-<n>",
/// "# text = ..."; FEATS and DEPS are "_"; MISC carries SpaceAfter=No and TokenRange=b:e byte offsets).
[[nodiscard]] std::string to_conllu(const annotated_document& doc);

}  // namespace chronograph::text
