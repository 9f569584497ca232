// SPDX-License-Identifier: MIT
// Dependency parser: greedy arc-hybrid transitions chosen by an averaged perceptron over hashed
// features of words, Penn tags and partial-tree labels, and each arc's relation by a second one.
// Trained from UD CoNLL-U with a dynamic oracle, deterministic. Fills token::head and
// token::deprel (UD relations).
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <vector>

#include "chronograph/text/annotated_document.hpp"
#include "chronograph/text/conllu.hpp"

namespace chronograph::text {

class pos_tagger;

/// Training settings; the defaults make the shipped model.
struct parser_training_options {
  int epochs = 10;
  std::uint64_t seed = 20240917;
  /// Train on tags predicted by taggers trained on the other folds (jackknifing) rather than gold
  /// tags, so that the parser learns from the kind of tags it will see.
  int jackknife_folds = 4;
  float prune_below = 1.0f;  ///< drop averaged transition weights with |w| below this (smaller, faster model)
  float label_prune_below = 1.0f;  ///< the same for the label classifier
  /// From this epoch on (0-based) training follows the parser's own moves, right or wrong, with
  /// probability explore_per_mille / 1000, and the dynamic oracle says what is best from there.
  int explore_from_epoch = 2;
  unsigned explore_per_mille = 900;
  /// Training runs on differently shuffled data whose weights are averaged into the model.
  int runs = 3;
};

/// Immutable, thread-safe parser.
class dependency_parser {
 public:
  /// Trains on `sentences`. Deterministic.
  static dependency_parser train(const std::vector<conllu_sentence>& sentences, const parser_training_options& options = {});
  /// Loads a model written by save(); throws resource_error when missing or malformed.
  static dependency_parser load(const std::filesystem::path& path);
  /// Loads the shipped model (resources/text/dep_parser.model).
  static dependency_parser load_default();
  /// Writes the model with `header_lines` as '#' lines; throws io_error.
  void save(const std::filesystem::path& path, const std::vector<std::string>& header_lines) const;

  /// Parses tokens[first, end) as one sentence from forms and XPOS tags: sets head (sentence-
  /// relative index, -1 for the root) and deprel. Every token gets a head; the result is a tree.
  void parse(std::vector<token>& tokens, std::size_t first, std::size_t end) const;

  /// Number of relation labels known to the model.
  [[nodiscard]] std::size_t label_count() const noexcept;

  struct model;

 private:
  std::shared_ptr<const model> model_;
};

/// `chronograph train parser --ud DIR --out FILE`: trains on DIR's train split and writes the
/// model with a provenance header. Deterministic. Throws io_error / input_error.
dependency_parser train_parser_from_ud(const std::filesystem::path& ud_dir, const std::filesystem::path& out,
                                       const parser_training_options& options = {});

}  // namespace chronograph::text
