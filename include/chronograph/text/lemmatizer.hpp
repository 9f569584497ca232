// SPDX-License-Identifier: MIT
// Lemmas by part of speech: the project's override table (closed classes, contractions), then
// WordNet's exception lists and suffix rules checked against WordNet's word lists (read once from
// the WordNet database files into our own tables, so lookups are thread-safe), then guessing rules
// for words WordNet lacks. Proper nouns, numbers and symbols keep their form.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "chronograph/text/annotated_document.hpp"
#include "chronograph/text/conllu.hpp"

namespace chronograph::text {

/// Immutable, thread-safe lemmatizer.
class lemmatizer {
 public:
  /// Loads WordNet's index.* and *.exc files from `wordnet_dir` and the rule tables
  /// (lemma_overrides.tsv, lemma_suffix_rules.tsv, lemma_guess_rules.tsv and, when present, the
  /// generated lemma_lexicon.tsv) from `table_dir`.
  /// Throws resource_error (file:line) when a file is missing or malformed.
  static lemmatizer load(const std::filesystem::path& wordnet_dir, const std::filesystem::path& table_dir);
  /// WordNet from $WNSEARCHDIR or /usr/share/wordnet; tables from the text stage's resources.
  static lemmatizer load_default();
  /// The WordNet directory load_default() uses.
  [[nodiscard]] static std::filesystem::path default_wordnet_dir();

  /// The lemma of `form` with universal tag `tag` and Penn tag `xpos`. Capitalisation is kept
  /// (UD: "American" stays "American") unless `sentence_initial`, where it is lower-cased.
  [[nodiscard]] std::string lemma(std::string_view form, upos tag, std::string_view xpos,
                                  bool sentence_initial = false) const;
  /// Repairs what WordNet's word lists rule out in the tags of tokens[first, end) (one sentence),
  /// before lemmatize(): a plural noun (NNS) that is no inflection of any WordNet noun but is the
  /// third person singular of a WordNet verb, in lower case right after what may be its subject (a
  /// name, a noun, "he"/"she"/"it" or a relative pronoun), is that verb (VBZ): "Beijing engages
  /// in unfair trade practices", "the company owns", "the plane arrives" (the tagger's suffix and
  /// context features take such a word it has never seen for a noun of a compound). Around a
  /// modal: a singular noun right after it (or after it and an adverb or "not") that WordNet has
  /// as a verb is that verb's base form ("will resume trade talks"), and a verb's -s form right
  /// before it that WordNet has as a plural noun is that noun ("that talks would resume").
  void repair_tags(std::vector<token>& tokens, std::size_t first, std::size_t end) const;
  /// Sets token::lemma for tokens[first, end) (one sentence) from their forms, tags and context.
  void lemmatize(std::vector<token>& tokens, std::size_t first, std::size_t end) const;

  /// A copy without the generated treebank lexicon (what train_lemma_lexicon starts from).
  [[nodiscard]] lemmatizer without_lexicon() const;

  struct tables;

 private:
  std::shared_ptr<const tables> tables_;
};

/// Builds the lemma lexicon from a treebank: the (form, XPOS) pairs whose usual gold lemma (seen
/// at least `min_count` times, in at least 70% of uses) differs from what `base` gives. Writes it
/// as TSV with a provenance header. Deterministic. Throws io_error when `out` cannot be written.
void train_lemma_lexicon(const std::vector<conllu_sentence>& sentences, const lemmatizer& base,
                         const std::filesystem::path& out, const std::vector<std::string>& header_lines,
                         std::size_t min_count = 2);

/// `chronograph train lemmas --ud DIR --out FILE` (or part of `train tagger`): the lexicon from
/// DIR's train split, on top of the default lemmatizer without its lexicon.
void train_lemma_lexicon_from_ud(const std::filesystem::path& ud_dir, const std::filesystem::path& out);

}  // namespace chronograph::text
