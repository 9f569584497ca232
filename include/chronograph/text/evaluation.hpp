// SPDX-License-Identifier: MIT
// Scoring the text stage against a UD treebank (e.g. en_ewt-ud-test.conllu): segmentation from
// raw text, and tags, lemmas and dependencies on gold tokens.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "chronograph/text/conllu.hpp"
#include "chronograph/text/lemmatizer.hpp"
#include "chronograph/text/parser.hpp"
#include "chronograph/text/segmenter.hpp"
#include "chronograph/text/tagger.hpp"

namespace chronograph::text {

/// Precision, recall and F1 from counts.
struct prf_counts {
  std::size_t gold = 0;
  std::size_t predicted = 0;
  std::size_t correct = 0;
  [[nodiscard]] double precision() const noexcept { return predicted ? double(correct) / double(predicted) : 0.0; }
  [[nodiscard]] double recall() const noexcept { return gold ? double(correct) / double(gold) : 0.0; }
  [[nodiscard]] double f1() const noexcept {
    const double p = precision(), r = recall();
    return p + r > 0 ? 2 * p * r / (p + r) : 0.0;
  }
};

/// Segmentation scores: a token (UD syntactic word) or sentence counts as correct when its byte
/// span matches the gold span exactly.
struct segmentation_scores {
  prf_counts tokens;
  prf_counts sentences;
  std::size_t documents = 0;
};

/// One document's raw text rebuilt from a treebank: the `# text` lines of a paragraph joined by a
/// space, paragraphs (`# newpar`) separated by a blank line; with gold word and sentence spans.
struct gold_text {
  std::string text;
  std::vector<byte_span> words;
  std::vector<byte_span> sentences;
};

/// Rebuilds the raw documents of a treebank (a new document at each `# newdoc`).
[[nodiscard]] std::vector<gold_text> rebuild_raw_text(const std::vector<conllu_sentence>& gold);

/// Segments each rebuilt document with `seg` and scores tokens and sentences.
[[nodiscard]] segmentation_scores evaluate_segmentation(const segmenter& seg, const std::vector<conllu_sentence>& gold);

/// Tagging and lemma scores on gold tokens (lemmas use the predicted tags).
struct tagging_scores {
  std::size_t words = 0;
  std::size_t upos_correct = 0;
  std::size_t xpos_correct = 0;
  std::size_t lemma_correct = 0;
  [[nodiscard]] double upos_accuracy() const noexcept { return words ? double(upos_correct) / double(words) : 0.0; }
  [[nodiscard]] double xpos_accuracy() const noexcept { return words ? double(xpos_correct) / double(words) : 0.0; }
  [[nodiscard]] double lemma_accuracy() const noexcept { return words ? double(lemma_correct) / double(words) : 0.0; }
};

/// Tags and lemmatises the gold words of every sentence and scores UPOS, XPOS and lemmas.
[[nodiscard]] tagging_scores evaluate_tagging(const pos_tagger& tagger, const lemmatizer& lemmas,
                                              const std::vector<conllu_sentence>& gold);

/// Attachment scores on gold tokens with predicted tags (all words, punctuation included).
struct parsing_scores {
  std::size_t words = 0;
  std::size_t head_correct = 0;   ///< unlabelled attachment
  std::size_t label_correct = 0;  ///< head and relation (full relation, subtypes included)
  [[nodiscard]] double uas() const noexcept { return words ? double(head_correct) / double(words) : 0.0; }
  [[nodiscard]] double las() const noexcept { return words ? double(label_correct) / double(words) : 0.0; }
};

/// Tags (with `tagger`) and parses the gold words of every sentence and scores heads and relations.
[[nodiscard]] parsing_scores evaluate_parsing(const pos_tagger& tagger, const dependency_parser& parser,
                                              const std::vector<conllu_sentence>& gold);

/// Every score of the text stage on one treebank.
struct text_stage_scores {
  segmentation_scores segmentation;
  tagging_scores tagging;
  parsing_scores parsing;
  bool has_parsing = false;
};

/// Scores the shipped segmenter, tagger, lemmatizer and (when `with_parser`) parser on `gold`
/// (`chronograph eval tagger|parser --gold FILE`). Throws resource_error when a model is missing.
[[nodiscard]] text_stage_scores evaluate_text_stage(const std::vector<conllu_sentence>& gold, bool with_parser = true);

/// A short human-readable report of the scores, one measure per line ("UPOS accuracy 0.9529").
[[nodiscard]] std::string format_scores(const text_stage_scores& scores);

/// Gold words as tokens (form and span within the sentence text; no tags), for tagging gold tokens.
[[nodiscard]] std::vector<token> gold_tokens(const conllu_sentence& sentence);

}  // namespace chronograph::text
