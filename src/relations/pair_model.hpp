// SPDX-License-Identifier: MIT
// Trained classifiers over pairs of events (private to the relations stage and its tests):
// features of an ordered event pair (pair_features), a linear model over hashed features with a
// small text file format (pair_model), and a deterministic averaged-perceptron trainer.
//
// Model file: "# ..." header lines (data, license, the command that rebuilds it), then
//   chronograph-pair-model 1
//   bits <B>
//   labels <L1> <L2> ...
//   <bucket> <w1> <w2> ...      (one line per non-zero bucket, ascending)
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "chronograph/events/event.hpp"
#include "chronograph/relations/link.hpp"
#include "chronograph/text/annotated_document.hpp"

namespace chronograph::relations {

/// Word positions of the events of one document (computed once, shared by all its pairs).
struct pair_context {
  const text::annotated_document& doc;
  const std::vector<events::event_mention>& events;
  std::vector<std::size_t> token_of;  ///< per event: its first token (doc.tokens.size() if none)
  std::vector<int> event_at;          ///< per token: the event starting there, or -1

  pair_context(const text::annotated_document& d, const std::vector<events::event_mention>& evs);
};

/// Feature strings of the ordered pair (a, b): attributes and lemmas of both events, their
/// distance and order, words and signals between them, the dependency path, reporting
/// structure. Empty when either event has no token.
[[nodiscard]] std::vector<std::string> pair_features(const pair_context& ctx, std::size_t a, std::size_t b);

/// FNV-1a hash of a feature string reduced to `bits` bits (stable across platforms).
[[nodiscard]] std::uint32_t feature_bucket(const std::string& feature, unsigned bits) noexcept;

/// A training example: hashed features and the index of the gold label; `group` (a document
/// id) keeps a document's examples together when cross-validating.
struct pair_example {
  std::vector<std::uint32_t> features;
  std::size_t label = 0;
  std::string group;
};

struct pair_training_options {
  unsigned epochs = 10;
  std::uint64_t seed = 1;  ///< order of the examples in each epoch (fixed: training is deterministic)
  /// Per-label weight of a mistake on a gold example of that label (empty = all 1): a rare
  /// label can count more.
  std::vector<double> label_cost;
};

/// Linear multi-class model over hashed features.
class pair_model {
 public:
  pair_model() = default;
  pair_model(std::vector<std::string> labels, unsigned bits);

  /// Reads a model file; throws resource_error naming the file (and line) when it is bad.
  [[nodiscard]] static pair_model load(const std::filesystem::path& path);
  /// Writes the model with the given header lines (each written as "# line"); throws io_error.
  void save(const std::filesystem::path& path, const std::vector<std::string>& header) const;

  /// Averaged perceptron over the examples (deterministic for given options).
  [[nodiscard]] static pair_model train(const std::vector<pair_example>& examples, std::vector<std::string> labels,
                                        unsigned bits, const pair_training_options& options);

  [[nodiscard]] const std::vector<std::string>& labels() const noexcept { return labels_; }
  [[nodiscard]] unsigned bits() const noexcept { return bits_; }
  [[nodiscard]] bool empty() const noexcept { return weights_.empty(); }
  /// Index of a label, labels().size() when absent.
  [[nodiscard]] std::size_t label_index(const std::string& label) const noexcept;

  /// Buckets of feature strings for this model.
  [[nodiscard]] std::vector<std::uint32_t> hash(const std::vector<std::string>& features) const;
  /// One score per label.
  [[nodiscard]] std::vector<double> scores(const std::vector<std::uint32_t>& buckets) const;
  /// Best label index and its margin over the second best.
  [[nodiscard]] std::pair<std::size_t, double> predict(const std::vector<std::uint32_t>& buckets) const;

 private:
  std::vector<std::string> labels_;
  unsigned bits_ = 0;
  std::vector<float> weights_;  ///< bucket * labels + label
};

/// pair_features plus what the causal model needs: whether the rule links (`links`, by event id)
/// already join the two events and in which direction. For an ordered pair a before b in text.
[[nodiscard]] std::vector<std::string> causal_pair_features(const pair_context& ctx, std::size_t a, std::size_t b,
                                                            const std::vector<link>& links);

/// Labels of the causal model: no link, the first event (in text) causes the second, or the
/// second causes the first.
inline const std::vector<std::string> causal_labels{"NONE", "CAUSES", "CAUSED_BY"};
/// Labels of the MATRES order model ("event1 relation event2" on start points).
inline const std::vector<std::string> order_labels{"BEFORE", "AFTER", "EQUAL", "VAGUE"};

/// Candidate pairs of the causal model: two events of one sentence, a before b in text.
[[nodiscard]] std::vector<std::pair<std::size_t, std::size_t>> causal_candidates(const pair_context& ctx);

/// Causal links a causal pair model adds to `links` (the rule links) — measured by eval_causal
/// (cross-validated), not used by the linker (it adds about 3 right links in 10): pairs it labels CAUSES or
/// CAUSED_BY with at least `min_margin`, unless the rules already join them or the cause is
/// dated after the effect. Rule "causal.model".
[[nodiscard]] std::vector<link> model_causal_links(const pair_model& m, const pair_context& ctx,
                                                   const std::vector<link>& links, double min_margin);

/// Start-point order links of the MATRES model between consecutive verb events of the same or
/// adjacent sentences that the rule links (`links`) leave unordered: BEFORE, AFTER or
/// SIMULTANEOUS (for EQUAL) when the model says so with at least `min_margin`. Rule "order.model".
[[nodiscard]] std::vector<link> model_order_links(const pair_model& m, const pair_context& ctx,
                                                  const std::vector<link>& links, double min_margin);

}  // namespace chronograph::relations
