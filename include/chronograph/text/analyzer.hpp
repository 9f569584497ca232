// SPDX-License-Identifier: MIT
// Entry point of the text stage: segmentation, tagging, lemmatization, parsing.
// The analyzer holds immutable loaded models; analyze() is const and thread-safe.
#pragma once

#include <memory>

#include "chronograph/text/annotated_document.hpp"

namespace chronograph::text {

/// What analyze() computes beyond sentences, tokens, tags and lemmas.
struct analyzer_options {
  bool parse = true;  ///< dependency heads and relations (the slowest step: more than half of the time)
};

class analyzer {
 public:
  /// Loads the shipped models from the resource root; throws resource_error when they are bad.
  static std::shared_ptr<const analyzer> load_default();
  /// Same, with options (e.g. no parser, for speed); throws resource_error when a model is bad.
  static std::shared_ptr<const analyzer> load(const analyzer_options& options);
  virtual ~analyzer() = default;
  /// Splits, tokenizes, tags, lemmatizes (and parses when a parser model is loaded).
  [[nodiscard]] virtual annotated_document analyze(document doc) const = 0;
};

}  // namespace chronograph::text
