// SPDX-License-Identifier: MIT
// Part-of-speech tagger: a greedy left-to-right averaged perceptron over hashed features with a
// tag dictionary for frequent unambiguous words. Each class is a (UPOS, Penn XPOS) pair, so the
// two tag sets always agree. Trained from UD CoNLL-U files; deterministic for a given input.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "chronograph/text/annotated_document.hpp"
#include "chronograph/text/conllu.hpp"

namespace chronograph::text {

/// Training settings; the defaults make the shipped model.
struct tagger_training_options {
  int epochs = 8;
  std::uint64_t seed = 20240917;          ///< shuffling seed (own PRNG: same result on every platform)
  std::size_t tagdict_min_count = 5;      ///< a word enters the tag dictionary when seen this often...
  double tagdict_min_share = 0.98;        ///< ...with one tag at least this share of the time
  std::size_t ambiguity_min_count = 2;   ///< words seen this often get an "ambiguity class" feature
  float prune_below = 0.0f;               ///< drop averaged weights with |w| below this from the model
};

/// Immutable, thread-safe tagger.
class pos_tagger {
 public:
  /// Trains on the words of `sentences` (gold UPOS and XPOS). Deterministic.
  static pos_tagger train(const std::vector<conllu_sentence>& sentences, const tagger_training_options& options = {});
  /// Loads a model written by save(); throws resource_error when missing or malformed.
  static pos_tagger load(const std::filesystem::path& path);
  /// Loads the shipped model (resources/text/pos_tagger.model).
  static pos_tagger load_default();

  /// Writes the model: a text header (the `header_lines`, each prefixed "# ") and the binary
  /// weights. Throws io_error when the file cannot be written.
  void save(const std::filesystem::path& path, const std::vector<std::string>& header_lines) const;

  /// Tags tokens[first, end) as one sentence: sets token::tag and token::xpos.
  void tag(std::vector<token>& tokens, std::size_t first, std::size_t end) const;
  /// Tags each of `sentences` (ranges of `tokens`) as tag(tokens, first, end) does; faster for a
  /// whole document (the scores of the features of the word alone are summed once per form).
  void tag(std::vector<token>& tokens, const std::vector<sentence>& sentences) const;
  /// Tags a sentence given as word forms; returns (UPOS, XPOS) per word.
  [[nodiscard]] std::vector<std::pair<upos, std::string>> tag_words(const std::vector<std::string>& forms) const;

  /// Number of (UPOS, XPOS) classes and of stored feature weights (for reports).
  [[nodiscard]] std::size_t class_count() const noexcept;
  [[nodiscard]] std::size_t weight_count() const noexcept;

  struct model;
  struct word_sums;

 private:
  void tag_sentence(std::vector<token>& tokens, std::size_t first, std::size_t end, word_sums& words) const;
  std::shared_ptr<const model> model_;
};

/// The treebank file of a split in a UD directory: the one file named "*-ud-<split>.conllu"
/// ("train", "dev", "test"). Throws io_error when there is none or more than one.
[[nodiscard]] std::filesystem::path find_ud_file(const std::filesystem::path& ud_dir, const std::string& split);

/// `chronograph train tagger --ud DIR --out FILE`: trains on DIR's train split with `options`
/// and writes the model with a provenance header (data, license, rebuild command). Deterministic:
/// the same data gives a byte-identical file. Throws io_error / input_error.
pos_tagger train_tagger_from_ud(const std::filesystem::path& ud_dir, const std::filesystem::path& out,
                                const tagger_training_options& options = {});

}  // namespace chronograph::text
